import type { ContractCase } from '../contract';

const source = 'FAKES.md §1.11';

export const metadataCases: ContractCase[] = [
  {
    id: 'metadata/only-whole-rows-and-columns',
    rule: 'Developer metadata on a range that is not a whole row or column throws.',
    source,
    run(t) {
      const sheet = t.newSheet();
      t.throws(
        () => sheet.getRange('A1:B2').addDeveloperMetadata('key', 'value'),
        'Adding developer metadata to arbitrary ranges is not currently supported.',
        'metadata on A1:B2',
      );
    },
  },
  {
    id: 'metadata/row-metadata-follows-its-row',
    rule: 'Row metadata moves when rows are inserted above it and disappears when its row is deleted.',
    source,
    run(t) {
      const sheet = t.newSheet();
      const key = `contract-row-${sheet.getSheetId()}`;
      sheet.getRange('3:3').addDeveloperMetadata(key, 'R-1');
      sheet.insertRowsAfter(1, 2);
      const found = sheet.createDeveloperMetadataFinder().withKey(key).find();
      t.equal(
        found.map((m) => m.getLocation().getRow()?.getRow()),
        [5],
        'row of the metadata after inserting 2 rows',
      );
      t.equal(
        found.map((m) => m.getValue()),
        ['R-1'],
        'value',
      );
      sheet.deleteRow(5);
      t.equal(
        sheet.createDeveloperMetadataFinder().withKey(key).find().length,
        0,
        'metadata left after deleting its row',
      );
    },
  },
  {
    id: 'metadata/sheet-metadata',
    rule: 'Sheet metadata is found by key and value, and reports its sheet.',
    source,
    run(t) {
      const sheet = t.newSheet();
      const key = `contract-sheet-${sheet.getSheetId()}`;
      sheet.addDeveloperMetadata(key, 'workflows');
      const found = t.spreadsheet.createDeveloperMetadataFinder().withKey(key).withValue('workflows').find();
      t.equal(
        found.map((m) => m.getLocation().getSheet()?.getSheetId()),
        [sheet.getSheetId()],
        'sheet of the metadata',
      );
      t.equal(
        t.spreadsheet.createDeveloperMetadataFinder().withKey(key).withValue('other').find().length,
        0,
        'other value',
      );
    },
  },
];
