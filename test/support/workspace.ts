import type { AppsScript, Sheet } from '../../src/gas/apps-script';
import { mapHeaders } from '../../src/domain/header-map';
import type { TableTemplate } from '../../src/domain/workspace-template';
import { workspaceTemplate } from '../../sheets-templates';
import type { FakeEnvironment } from '../fakes/environment';

export function tableTemplate(name: string): TableTemplate {
  const found = workspaceTemplate.sheets.find(
    (t): t is TableTemplate => t.kind === 'table' && t.name === name,
  );
  if (!found) throw new Error(`no table template ${name}`);
  return found;
}

export function sheetNamed(gas: AppsScript, name: string): Sheet {
  const sheet = gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A plausible value a person would type into a column of this kind. */
function sampleValue(template: TableTemplate, key: string, row: number): unknown {
  const column = template.columns.find((c) => c.key === key);
  switch (column?.type.kind) {
    case 'id':
      return `${template.idPrefix}-U${String(row).padStart(4, '0')}`;
    case 'score':
      return (row % 5) + 1;
    case 'number':
      return row;
    case 'boolean':
      return row % 2 === 0;
    case 'date':
    case 'datetime':
      return new Date(Date.UTC(2026, 8, 1 + (row % 28)));
    case 'email':
      return `person${row}@district.example.org`;
    case 'url':
      return `https://district.example.org/evidence/${row}`;
    case 'choice':
      return column.type.choices[row % column.type.choices.length] ?? '';
    default:
      return `${column?.header ?? key} ${row}`;
  }
}

/** Types `count` rows into a sheet the way a person would, below what is there, in one write. */
export function typeRows(env: FakeEnvironment, name: string, count: number): void {
  if (count === 0) return;
  env.run((gas) => {
    const template = tableTemplate(name);
    const sheet = sheetNamed(gas, name);
    const width = sheet.getLastColumn();
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    const map = mapHeaders(template.columns, headers);
    const start = sheet.getLastRow() + 1;
    if (start + count - 1 > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), start + count - 1 - sheet.getMaxRows());
    const rows = Array.from({ length: count }, (_, i) => {
      const row: unknown[] = Array.from({ length: width }, () => '');
      for (const [key, at] of map.columns) row[at] = sampleValue(template, key, start + i);
      return row;
    });
    sheet.getRange(start, 1, count, width).setValues(rows);
  });
}

/** Writes one cell by the column's template key, as a person would type it, wherever the column is. */
export function setCell(env: FakeEnvironment, name: string, row: number, key: string, value: unknown): void {
  env.run((gas) => {
    const sheet = sheetNamed(gas, name);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const at = mapHeaders(tableTemplate(name).columns, headers).columns.get(key);
    if (at === undefined) throw new Error(`${name} has no column ${key}`);
    sheet.getRange(row, at + 1).setValue(value);
  });
}

const SPARE_ROWS = 50;

/** Scorers used by `addScoredWorkflows`. */
export const teamScorers = [
  'ana@district.example.org',
  'ben@district.example.org',
  'cy@district.example.org',
] as const;

/**
 * Adds `count` workflows below the examples, each scored by three people (scores typed into the
 * Scores sheet by hand, as a team working in the sheet would), for tests and benchmarks of scale.
 */
export function addScoredWorkflows(env: FakeEnvironment, count: number): void {
  env.run((gas) => {
    const workflows = sheetNamed(gas, 'Workflows');
    const start = workflows.getLastRow() + 1;
    // Spare rows below, as a sheet in use has: growing the grid is a separate, occasional cost.
    if (start + count + SPARE_ROWS > workflows.getMaxRows())
      workflows.insertRowsAfter(workflows.getMaxRows(), start + count + SPARE_ROWS - workflows.getMaxRows());
    const rows = Array.from({ length: count }, (_, i) => [
      `WF-${String(i + 10).padStart(4, '0')}`,
      `Workflow ${i + 10}`,
    ]);
    workflows.getRange(start, 1, count, 2).setValues(rows);
    const scores = sheetNamed(gas, 'Scores');
    const scoreRows = rows.flatMap(([id], i) =>
      teamScorers.map((who) => ['', id, '', who, 1 + (i % 5), 3, 3 + (i % 3), 4]),
    );
    const first = scores.getLastRow() + 1;
    if (first + scoreRows.length + SPARE_ROWS > scores.getMaxRows())
      scores.insertRowsAfter(
        scores.getMaxRows(),
        first + scoreRows.length + SPARE_ROWS - scores.getMaxRows(),
      );
    scores.getRange(first, 1, scoreRows.length, 8).setValues(scoreRows);
  });
}

/**
 * Adds `count` checklist rows a district wrote for `workflowId` (its own items, statuses mixed), for
 * tests and benchmarks of scale.
 */
export function addChecklistRows(env: FakeEnvironment, workflowId: string, count: number): void {
  env.run((gas) => {
    const template = tableTemplate('Governance');
    const sheet = sheetNamed(gas, 'Governance');
    const width = sheet.getLastColumn();
    const map = mapHeaders(template.columns, sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
    const statuses = ['Not started', 'In progress', 'Done'];
    const rows = Array.from({ length: count }, (_, i) => {
      const cells: Record<string, unknown> = {
        id: `GV-U${String(i + 1).padStart(5, '0')}`,
        workflowId,
        category: 'District items',
        item: `District check ${i + 1}`,
        requirement: i % 2 === 0 ? 'Required' : 'Recommended',
        applies: 'Yes',
        ownerRole: 'Workflow owner',
        status: statuses[i % statuses.length],
      };
      const line: unknown[] = Array.from({ length: width }, () => '');
      for (const [key, at] of map.columns) line[at] = cells[key] ?? '';
      return line;
    });
    const start = sheet.getLastRow() + 1;
    if (start + count + SPARE_ROWS > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), start + count + SPARE_ROWS - sheet.getMaxRows());
    sheet.getRange(start, 1, count, width).setValues(rows);
  });
}

/**
 * Adds `count` weekly "Items handled per week" measurements for `workflowId`, alternating baseline and
 * pilot, below the Metrics sheet's header, with spare rows after them: for scale tests and benchmarks.
 */
export function addMeasurementRows(env: FakeEnvironment, workflowId: string, count: number): void {
  env.run((gas) => {
    const sheet = sheetNamed(gas, 'Metrics');
    sheet.insertRowsAfter(sheet.getMaxRows(), count + SPARE_ROWS);
    const values = Array.from({ length: count }, (_, i) => [
      `MS-T${i}`,
      workflowId,
      'Items handled per week',
      i % 2 === 0 ? 'Baseline' : 'Pilot',
      new Date(Date.UTC(2026, 0, 1 + i)),
      new Date(Date.UTC(2026, 0, 1 + i)),
      50 + (i % 7),
      30,
    ]);
    sheet.getRange(2, 1, count, 8).setValues(values);
  });
}
