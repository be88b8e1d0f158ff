import type { ContractCase } from '../contract';

export const formatCases: ContractCase[] = [
  {
    id: 'formats/conditional-rules-replace',
    rule: 'setConditionalFormatRules replaces every rule on the sheet.',
    source: 'FAKES.md §1.8',
    run(t) {
      const sheet = t.newSheet();
      const rule = (formula: string) =>
        t.gas.SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(formula)
          .setBackground('#f4cccc')
          .setRanges([sheet.getRange('A2:A10')])
          .build();
      sheet.setConditionalFormatRules([rule('=A2>1'), rule('=A2>2')]);
      sheet.setConditionalFormatRules([rule('=A2>3')]);
      const rules = sheet.getConditionalFormatRules();
      t.equal(
        rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()),
        [['=A2>3']],
        'rules after the second call',
      );
    },
  },
  {
    id: 'formats/conditional-rule-other-sheet',
    rule: 'A conditional-format rule over another sheet throws.',
    source: 'FAKES.md §1.8',
    run(t) {
      const sheet = t.newSheet();
      const other = t.newSheet();
      const rule = t.gas.SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo('x')
        .setBackground('#ffffff')
        .setRanges([other.getRange('A1')])
        .build();
      t.throws(
        () => sheet.setConditionalFormatRules([rule]),
        'Conditional format rule cannot reference a different sheet.',
        'rule on another sheet',
      );
    },
  },
  {
    id: 'formats/notes',
    rule: 'getNote() is "" without a note, and setNote("") clears one.',
    source: 'FAKES.md §1.2, §1.6',
    run(t) {
      const range = t.newSheet().getRange('A1');
      t.equal(range.getNote(), '', 'note of a new cell');
      range.setNote('Help text');
      t.equal(range.getNote(), 'Help text', 'note');
      range.setNote('');
      t.equal(range.getNote(), '', 'note after clearing');
    },
  },
  {
    id: 'formats/default-number-format',
    rule: 'An unformatted cell reports "0.###############"; "@" is plain text.',
    source: 'FAKES.md §1.6',
    run(t) {
      const range = t.newSheet().getRange('A1');
      t.equal(range.getNumberFormat(), '0.###############', 'default number format');
      range.setNumberFormat('@');
      t.equal(range.getNumberFormat(), '@', 'plain-text format');
    },
  },
];
