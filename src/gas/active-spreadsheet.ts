import type { AppsScript, Spreadsheet } from './apps-script';
import { UserError } from './user-error';

/** One object per run, so what the run reads of each sheet is kept once for all its parts (sheet-reads.ts). */
const opened = new WeakMap<AppsScript, Spreadsheet | null>();

export function activeSpreadsheet(gas: AppsScript): Spreadsheet {
  const spreadsheet = openSpreadsheet(gas);
  if (!spreadsheet) throw new UserError('The AI Plan Workspace only works inside a Google Sheet.');
  return spreadsheet;
}

/** The same, or null where there is none (a clock run): asked of Apps Script once per run either way. */
export function openSpreadsheet(gas: AppsScript): Spreadsheet | null {
  const known = opened.get(gas);
  if (known !== undefined) return known;
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  opened.set(gas, spreadsheet);
  return spreadsheet;
}
