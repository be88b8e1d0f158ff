import type { AppsScript, Spreadsheet } from './apps-script';
import { UserError } from './user-error';

/** One object per run, so what the run reads of each sheet is kept once for all its parts (sheet-reads.ts). */
const opened = new WeakMap<AppsScript, Spreadsheet>();

export function activeSpreadsheet(gas: AppsScript): Spreadsheet {
  const known = opened.get(gas);
  if (known) return known;
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new UserError('The AI Plan Workspace only works inside a Google Sheet.');
  opened.set(gas, spreadsheet);
  return spreadsheet;
}
