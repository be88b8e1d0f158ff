import type { AppsScript } from '../../src/gas/apps-script';

/**
 * What a clock run of the add-on sees, recorded by the run itself (the contract's clock trigger calls
 * `contractClockRun`, which calls this) in User properties, for the case clock/what-a-clock-run-sees
 * to read on the next contract run.
 */
export const CLOCK_HANDLER = 'contractClockRun';
export const CLOCK_RECORD_KEY = 'aiplan.contract.clockRun';
/** The spreadsheet the contract ran from, which the clock run tries to open by ID. */
export const CLOCK_HOME_KEY = 'aiplan.contract.home';

function attempt(body: () => unknown): string {
  try {
    return `ok: ${String(body())}`;
  } catch (error) {
    return `throws: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function recordClockRun(gas: AppsScript): void {
  const user = gas.PropertiesService.getUserProperties();
  const home = user.getProperty(CLOCK_HOME_KEY) ?? '';
  const seen = {
    at: Date.now(),
    activeSpreadsheet: gas.SpreadsheetApp.getActiveSpreadsheet() !== null,
    documentProperties: gas.PropertiesService.getDocumentProperties() !== null,
    documentLock: gas.LockService.getDocumentLock() !== null,
    ui: attempt(() => gas.SpreadsheetApp.getUi()),
    openById: home ? attempt(() => gas.SpreadsheetApp.openById(home).getName()) : 'no spreadsheet recorded',
  };
  user.setProperty(CLOCK_RECORD_KEY, JSON.stringify(seen));
}
