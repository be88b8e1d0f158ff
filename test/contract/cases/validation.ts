import type { ContractCase } from '../contract';

const source = 'FAKES.md §1.7';

export const validationCases: ContractCase[] = [
  {
    id: 'validation/allow-invalid-defaults-to-true',
    rule: 'A new data-validation rule allows invalid data (a warning only) unless told otherwise.',
    source,
    run(t) {
      const rule = t.gas.SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No']).build();
      t.equal(rule.getAllowInvalid(), true, 'getAllowInvalid()');
      const range = t.newSheet().getRange('A1');
      range.setDataValidation(rule);
      range.setValue('Maybe');
      t.equal(range.getValue(), 'Maybe', 'value outside the list');
    },
  },
  {
    id: 'validation/strict-rule-refuses-script-writes',
    rule: 'With setAllowInvalid(false), writing a value outside the list throws and changes nothing.',
    source,
    run(t) {
      const rule = t.gas.SpreadsheetApp.newDataValidation()
        .requireValueInList(['Yes', 'No'])
        .setAllowInvalid(false)
        .build();
      const range = t.newSheet().getRange('B2');
      range.setDataValidation(rule);
      range.setValue('Yes');
      t.throws(() => range.setValue('Maybe'), 'violates the data validation rules', 'writing "Maybe"');
      t.equal(range.getValue(), 'Yes', 'value after the refused write');
    },
  },
  {
    id: 'validation/list-values-are-strings',
    rule: 'List criteria come back as strings, with showDropdown true by default.',
    source,
    run(t) {
      const rule = t.gas.SpreadsheetApp.newDataValidation().requireValueInList(['1', 'Two']).build();
      t.equal(rule.getCriteriaValues(), [['1', 'Two'], true], 'criteria values');
      t.equal(String(rule.getCriteriaType()), 'VALUE_IN_LIST', 'criteria type');
    },
  },
  {
    id: 'validation/none-is-null',
    rule: 'getDataValidation() is null for a cell without a rule.',
    source,
    run(t) {
      t.equal(t.newSheet().getRange('A1').getDataValidation(), null, 'rule of an unvalidated cell');
    },
  },
  {
    id: 'validation/rule-over-existing-invalid-values',
    rule: 'Applying a strict rule over cells that already break it does not throw.',
    source,
    run(t) {
      const range = t.newSheet().getRange('A1');
      range.setValue('Maybe');
      const rule = t.gas.SpreadsheetApp.newDataValidation()
        .requireValueInList(['Yes', 'No'])
        .setAllowInvalid(false)
        .build();
      range.setDataValidation(rule);
      t.equal(range.getValue(), 'Maybe', 'existing value kept');
    },
  },
];
