import { describe, expect, it } from '@jest/globals';
import { governance as governanceTemplate } from '../../sheets-templates/governance';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import { FakeEnvironment } from '../../test/fakes/environment';
import { sheetNamed } from '../../test/support/workspace';
import { activeSpreadsheet } from './active-spreadsheet';
import { setUpWorkspace } from './set-up';
import { SheetTable } from './sheet-table';

function workspace(): FakeEnvironment {
  const env = new FakeEnvironment();
  env.run((gas) => setUpWorkspace(gas));
  return env;
}

/** Reads of a sheet's values, by either call. */
const valueReads = (env: FakeEnvironment) => {
  const calls = env.calls.byMethod();
  return (calls['Range.getValues'] ?? 0) + (calls['Sheet.getSheetValues'] ?? 0);
};

describe('a sheet table', () => {
  it('holds what it wrote for the rest of the run: the next part reads nothing and finds what a read finds', () => {
    const env = workspace();
    const held = env.run((gas) => {
      const spreadsheet = activeSpreadsheet(gas);
      const table = SheetTable.open(spreadsheet, workflowsTemplate);
      table.set(2, 'name', '=1+1');
      table.set(2, 'description', "'quoted");
      table.set(3, 'selected', true);
      table.append({ id: 'WF-100', name: '2024', selected: false, updated: new Date(Date.UTC(2026, 0, 5)) });
      table.flush(gas);
      env.calls.reset();
      const again = SheetTable.open(spreadsheet, workflowsTemplate);
      expect(valueReads(env)).toBe(0);
      return again.data.rows.map((r) => r.cells);
    });
    const read = env.run((gas) =>
      SheetTable.open(activeSpreadsheet(gas), workflowsTemplate).data.rows.map((r) => r.cells),
    );
    expect(held).toEqual(read);
    expect(read[0]).toMatchObject({ name: '=1+1', description: 'quoted' });
  });

  it('reads the sheet again after writing text Sheets parses (a date typed as text)', () => {
    const env = workspace();
    env.run((gas) => {
      const spreadsheet = activeSpreadsheet(gas);
      const table = SheetTable.open(spreadsheet, governanceTemplate);
      table.append({ id: 'GV-9001', workflowId: 'WF-001', code: 'G01', due: '2026-12-30' });
      table.flush(gas);
      env.calls.reset();
      const again = SheetTable.open(spreadsheet, governanceTemplate);
      expect(valueReads(env)).toBe(1);
      expect(again.data.rows.at(-1)?.cells['due']).toBeInstanceOf(Date);
    });
  });

  it('grows the grid when rows are appended past it, and gives the new rows the columns’ validation', () => {
    const env = workspace();
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Workflows');
      sheet.deleteRows(10, sheet.getMaxRows() - 9);
    });
    env.run((gas) => {
      const table = SheetTable.open(activeSpreadsheet(gas), workflowsTemplate);
      for (let i = 0; i < 6; i += 1) table.append({ id: `WF-10${i}`, name: `Added ${i}`, selected: false });
      table.flush(gas);
    });
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Workflows');
      expect(sheet.getMaxRows()).toBe(109);
      expect(sheet.getRange('B11').getValue()).toBe('Added 5');
      expect(sheet.getRange('B12').getValue()).toBe('');
      const selected =
        sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]?.indexOf('Selected') ?? -1;
      expect(
        sheet
          .getRange(100, selected + 1)
          .getDataValidation()
          ?.getCriteriaType(),
      ).toBe(gas.SpreadsheetApp.DataValidationCriteria.CHECKBOX);
    });
  });

  it('writes nothing for a cell set to the value it already holds', () => {
    const env = workspace();
    env.calls.reset();
    env.run((gas) => {
      const table = SheetTable.open(activeSpreadsheet(gas), workflowsTemplate);
      for (const row of table.data.rows) table.set(row.row, 'name', row.cells['name']);
      table.flush(gas);
    });
    expect(env.calls.byMethod()['Range.setValues'] ?? 0).toBe(0);
  });

  it('groups the edited cells of one row into one write, and stores text as text', () => {
    const env = workspace();
    env.calls.reset();
    env.run((gas) => {
      const table = SheetTable.open(activeSpreadsheet(gas), workflowsTemplate);
      table.set(2, 'name', '=1+1');
      table.set(2, 'description', '+44 20 7946 0000');
      table.flush(gas);
    });
    expect(env.calls.byMethod()['Range.setValues']).toBe(1);
    env.run((gas) => {
      const range = sheetNamed(gas, 'Workflows').getRange('B2:C2');
      expect(range.getValues()).toEqual([['=1+1', '+44 20 7946 0000']]);
      expect(range.getFormulas()).toEqual([['', '']]);
    });
  });

  it('writes the same columns edited in adjacent rows as one block', () => {
    const env = workspace();
    env.calls.reset();
    env.run((gas) => {
      const table = SheetTable.open(activeSpreadsheet(gas), workflowsTemplate);
      for (const row of [2, 3, 4]) table.set(row, 'team', `Team ${row}`);
      table.set(5, 'description', 'Only this one');
      table.flush(gas);
    });
    expect(env.calls.byMethod()['Range.setValues']).toBe(2);
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Workflows');
      expect(sheet.getRange('D2:D5').getValues().flat()).toEqual([
        'Team 2',
        'Team 3',
        'Team 4',
        'Operations',
      ]);
      expect(sheet.getRange('C5').getValue()).toBe('Only this one');
    });
  });
});
