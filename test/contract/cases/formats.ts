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
    id: 'formats/display-follows-date-format',
    rule: 'getDisplayValues shows a date in its cell’s number format, in the spreadsheet’s time zone.',
    source: 'FAKES.md §1 (getDisplayValues: "exactly as displayed: number formats, dates …")',
    run(t) {
      const range = t.newSheet().getRange('A1:B1');
      range.setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd hh:mm']]);
      range.setValues([['2026-12-05', '2026-12-05 14:07']]);
      t.equal(range.getDisplayValues(), [['2026-12-05', '2026-12-05 14:07']], 'display values');
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
