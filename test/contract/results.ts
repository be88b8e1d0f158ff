import { asCellText } from '../../src/domain/cell-text';
import type { Spreadsheet } from '../../src/gas/apps-script';
import type { CaseResult } from './contract';

export interface CaseMeta {
  id: string;
  rule: string;
  source: string;
  unconfirmed?: true;
}

export interface ContractSummary {
  total: number;
  passed: number;
  failed: string[];
  /** Unconfirmed rules this run observed holding: candidates for dropping the "(unconfirmed)" mark. */
  settled: string[];
}

export function summarise(metas: readonly CaseMeta[], results: readonly CaseResult[]): ContractSummary {
  const failed = results.filter((r) => !r.passed).map((r) => r.id);
  const settled = metas
    .filter((m) => m.unconfirmed && results.some((r) => r.id === m.id && r.passed))
    .map((m) => m.id);
  return { total: results.length, passed: results.length - failed.length, failed, settled };
}

/** One line per case for the execution log: PASS/FAIL, the id, and what was observed. */
export function logLines(metas: readonly CaseMeta[], results: readonly CaseResult[]): string[] {
  return results.map((r) => {
    const meta = metas.find((m) => m.id === r.id);
    const observed = r.observations.map((o) => `${o.label} = ${o.value}`).join('; ');
    return `${r.passed ? 'PASS' : 'FAIL'} ${r.id}${meta?.unconfirmed ? ' (unconfirmed)' : ''}${r.error ? ` — ${r.error}` : ''} | ${observed}`;
  });
}

/** Writes the table to a sheet of its own in the spreadsheet the developer ran the contract from. */
export function writeResultSheet(
  spreadsheet: Spreadsheet,
  sheetName: string,
  metas: readonly CaseMeta[],
  results: readonly CaseResult[],
): void {
  const sheet = spreadsheet.getSheetByName(sheetName) ?? spreadsheet.insertSheet(sheetName);
  const header = ['Case', 'Result', 'Unconfirmed before this run', 'Rule', 'Source', 'Error', 'Observed'];
  const rows = results.map((r) => {
    const meta = metas.find((m) => m.id === r.id);
    return [
      r.id,
      r.passed ? 'PASS' : 'FAIL',
      meta?.unconfirmed ? 'yes' : '',
      meta?.rule ?? '',
      meta?.source ?? '',
      r.error ?? '',
      r.observations.map((o) => `${o.label} = ${o.value}`).join('\n'),
    ].map((text) => asCellText(text));
  });
  const table = [header, ...rows];
  const lastRow = sheet.getLastRow();
  if (lastRow > 0) sheet.getRange(1, 1, lastRow, Math.max(sheet.getLastColumn(), 1)).clearContent();
  if (sheet.getMaxRows() < table.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), table.length - sheet.getMaxRows());
  const range = sheet.getRange(1, 1, table.length, header.length);
  range.setNumberFormat('@');
  range.setValues(table);
  sheet.setFrozenRows(1);
}
