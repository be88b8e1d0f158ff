import type { ContractCase } from '../contract';

const source = 'FAKES.md §1.9';

export const protectionCases: ContractCase[] = [
  {
    id: 'protection/one-sheet-protection',
    rule: 'sheet.protect() returns the existing sheet protection when there is one.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.protect().setDescription('contract');
      sheet.protect();
      const protections = sheet.getProtections(t.gas.SpreadsheetApp.ProtectionType.SHEET);
      t.equal(
        protections.map((p) => p.getDescription()),
        ['contract'],
        'sheet protections',
      );
    },
  },
  {
    id: 'protection/range-protections-add-up',
    rule: 'range.protect() always creates a new protection.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange('A1:A5').protect();
      sheet.getRange('A1:A5').protect();
      t.equal(sheet.getProtections(t.gas.SpreadsheetApp.ProtectionType.RANGE).length, 2, 'range protections');
    },
  },
  {
    id: 'protection/owner-can-edit',
    rule: 'A protection never blocks the spreadsheet owner (the script runs as the owner here).',
    source,
    run(t) {
      const sheet = t.newSheet();
      const protection = sheet.protect();
      protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
      sheet.getRange('A1').setValue('written by the owner');
      t.equal(sheet.getRange('A1').getValue(), 'written by the owner', 'value');
      t.ok(protection.canEdit(), 'canEdit()');
    },
  },
  {
    id: 'protection/warning-only-does-not-block-scripts',
    rule: 'A warning-only protection does not stop a script from writing.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange('A1:B2').protect().setWarningOnly(true);
      sheet.getRange('A1').setValue('ok');
      t.equal(sheet.getRange('A1').getValue(), 'ok', 'value');
    },
  },
];
