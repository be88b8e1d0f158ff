import type { ContractCase } from '../contract';

const source = 'FAKES.md §1.4–1.5, §1.10';

export const sheetCases: ContractCase[] = [
  {
    id: 'sheets/empty-extent',
    rule: 'On an empty sheet getLastRow() and getLastColumn() are 0 and getDataRange() is A1 holding [[""]].',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.equal([sheet.getLastRow(), sheet.getLastColumn()], [0, 0], 'last row and column');
      t.equal(sheet.getDataRange().getA1Notation(), 'A1', 'data range');
      t.equal(sheet.getDataRange().getValues(), [['']], 'data range values');
    },
  },
  {
    id: 'sheets/last-row-counts-content',
    rule: 'getLastRow() is the last row with content, not the grid size.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange('C7').setValue('x');
      t.equal([sheet.getLastRow(), sheet.getLastColumn()], [7, 3], 'last row and column');
    },
  },
  {
    id: 'sheets/sheet-values-to-last-content',
    rule:
      'getSheetValues(1, 1, -1, -1) reads from A1 to the last row and column with content, not the grid, ' +
      'with "" for empty cells (every sheet read of an action is this one call: sheet-reads.ts).',
    source: 'Sheet reference (getSheetValues); FAKES.md §1.2',
    unconfirmed: true,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange('B3').setValue('x');
      sheet.getRange('A1').setValue('h');
      t.equal(
        sheet.getSheetValues(1, 1, -1, -1),
        [
          ['h', ''],
          ['', ''],
          ['', 'x'],
        ],
        'values to the last content',
      );
    },
  },
  {
    id: 'sheets/sheet-values-empty-sheet-refused',
    rule:
      'On a sheet with no content getSheetValues(1, 1, -1, -1) throws ("… must be at least 1"): the add-on ' +
      'then reads getDataRange() instead.',
    source: 'Sheet reference (getSheetValues); FAKES.md §1.4',
    unconfirmed: true,
    run(t) {
      const sheet = t.newSheet();
      t.throws(
        () => sheet.getSheetValues(1, 1, -1, -1),
        'must be at least 1',
        'getSheetValues on an empty sheet',
      );
    },
  },
  {
    id: 'sheets/missing-name-is-null',
    rule: 'getSheetByName returns null for a name that does not exist.',
    source,
    run(t) {
      t.equal(t.spreadsheet.getSheetByName('No such sheet 7f3a'), null, 'getSheetByName');
    },
  },
  {
    id: 'sheets/names-unique-ignoring-case',
    rule: 'Sheet names are unique regardless of case: a clash throws "A sheet with the name … already exists."',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(
        () => t.spreadsheet.insertSheet(sheet.getName().toUpperCase()),
        'already exists',
        'insertSheet with a clashing name',
      );
      const other = t.newSheet();
      t.throws(
        () => other.setName(sheet.getName().toLowerCase()),
        'already exists',
        'setName to a clashing name',
      );
    },
  },
  {
    id: 'sheets/append-row',
    rule: 'appendRow writes after the last row with content.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange('A3').setValue('first');
      sheet.appendRow(['second', 2]);
      t.equal(sheet.getRange(4, 1, 1, 2).getValues(), [['second', 2]], 'row 4');
    },
  },
  {
    id: 'sheets/insert-rows-shift-content',
    rule: 'insertRowsAfter moves the rows below down and grows the grid.',
    source,
    run(t) {
      const sheet = t.newSheet();
      const rows = sheet.getMaxRows();
      sheet.getRange('A2').setValue('moved');
      sheet.insertRowsAfter(1, 3);
      t.equal(sheet.getRange('A5').getValue(), 'moved', 'A5 after inserting 3 rows after row 1');
      t.equal(sheet.getMaxRows(), rows + 3, 'grid rows');
    },
  },
  {
    id: 'sheets/delete-rows-out-of-bounds',
    rule: 'Deleting rows outside the grid throws "Those rows are out of bounds."',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(
        () => sheet.deleteRows(sheet.getMaxRows() + 1, 1),
        'Those rows are out of bounds.',
        'deleteRows past the grid',
      );
    },
  },
  {
    id: 'sheets/frozen-rows',
    rule: 'setFrozenRows is read back by getFrozenRows.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.setFrozenRows(1);
      t.equal(sheet.getFrozenRows(), 1, 'frozen rows');
    },
  },
  {
    id: 'sheets/named-ranges',
    rule: 'getRangeByName returns null for an unknown name and the range for a set one.',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.equal(t.spreadsheet.getRangeByName('NoSuchRange7f3a'), null, 'unknown name');
      const name = `Contract_${sheet.getSheetId()}`;
      t.spreadsheet.setNamedRange(name, sheet.getRange('B2:C3'));
      t.equal(t.spreadsheet.getRangeByName(name)?.getA1Notation(), 'B2:C3', 'named range');
    },
  },
];
