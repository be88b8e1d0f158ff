import type { AppsScript } from './apps-script';

/** The sidebar file `npm run build` writes next to Code.js (dist/Sidebar.html). */
export const SIDEBAR_FILE = 'Sidebar';

export function showPlanner(gas: AppsScript): void {
  const output = gas.HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle('AI Plan Workspace');
  gas.SpreadsheetApp.getUi().showSidebar(output);
}
