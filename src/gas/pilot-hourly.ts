import type { AppsScript, Spreadsheet } from './apps-script';
import { ensureHourlyCheck } from './approvals';
import { noteServed } from './waiting-list';

/**
 * A pilot that starts or resumes is served by the hourly run of the user who started it, with or
 * without requests waiting: its stop rules are applied to measurements typed into the sheet, and
 * emails a cut-off run left in the Outbox are sent, without anyone opening the planner. The hourly run
 * drops the spreadsheet again once the pilot no longer runs there and no request waits. A failure here
 * never undoes the pilot's change: it is logged, and the next check records it.
 */
export function serveRunningPilot(gas: AppsScript, spreadsheet: Spreadsheet, now: Date): void {
  try {
    noteServed(gas, spreadsheet, now, { pilot: true });
    ensureHourlyCheck(gas);
  } catch (error) {
    console.warn(
      `The hourly check could not take on the running pilot; the next check does: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
