import type { ContractCase } from '../contract';

const source = 'FAKES.md §1.1';

export const rangeCases: ContractCase[] = [
  {
    id: 'ranges/one-based',
    rule: 'Rows and columns are 1-based: getRange(1, 1) is A1.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1);
      t.equal(range.getA1Notation(), 'A1', 'A1 notation of getRange(1, 1)');
      t.equal([range.getRow(), range.getColumn()], [1, 1], 'row and column');
    },
  },
  {
    id: 'ranges/row-below-one',
    rule: 'A starting row below 1 throws "The starting row of the range is too small."',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(() => sheet.getRange(0, 1), 'The starting row of the range is too small.', 'getRange(0, 1)');
    },
  },
  {
    id: 'ranges/column-below-one',
    rule: 'A starting column below 1 throws "The starting column of the range is too small."',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(
        () => sheet.getRange(1, 0),
        'The starting column of the range is too small.',
        'getRange(1, 0)',
      );
    },
  },
  {
    id: 'ranges/zero-rows-on-header-only-sheet',
    rule: 'getRange(2, 1, getLastRow() - 1, n) throws on a sheet holding only a header row.',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange(1, 1, 1, 2).setValues([['ID', 'Name']]);
      t.throws(
        () => sheet.getRange(2, 1, sheet.getLastRow() - 1, 2),
        'The number of rows in the range must be at least 1.',
        'getRange(2, 1, 0, 2)',
      );
    },
  },
  {
    id: 'ranges/beyond-grid',
    rule: 'A range past getMaxRows() throws "The coordinates of the range are outside the dimensions of the sheet."',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(
        () => sheet.getRange(sheet.getMaxRows() + 1, 1),
        'The coordinates of the range are outside the dimensions of the sheet.',
        'getRange(maxRows + 1, 1)',
      );
    },
  },
  {
    id: 'ranges/invalid-a1',
    rule: 'An A1 string that is not a range throws "Range not found".',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(() => sheet.getRange('B'), 'Range not found', 'getRange("B")');
    },
  },
  {
    id: 'ranges/open-ended-a1',
    rule: '"A2:C" runs to the last row of the grid.',
    source,
    unconfirmed: true,
    run(t) {
      const sheet = t.newSheet();
      const range = sheet.getRange('A2:C');
      t.equal(
        [range.getRow(), range.getNumRows(), range.getNumColumns()],
        [2, sheet.getMaxRows() - 1, 3],
        'A2:C extent',
      );
    },
  },
  {
    id: 'ranges/a1-notation',
    rule: 'getA1Notation() gives "A1:B2" without the sheet name.',
    source,
    run(t) {
      t.equal(t.newSheet().getRange(1, 1, 2, 2).getA1Notation(), 'A1:B2', 'A1 notation');
    },
  },
];
