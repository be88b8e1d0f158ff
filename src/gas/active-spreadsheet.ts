import type { AppsScript, Spreadsheet } from './apps-script';
import { UserError } from './user-error';

export function activeSpreadsheet(gas: AppsScript): Spreadsheet {
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new UserError('The AI Plan Workspace only works inside a Google Sheet.');
  return spreadsheet;
}
