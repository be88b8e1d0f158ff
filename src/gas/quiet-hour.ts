import { loggedJournals } from './audit-log-gateway';
import { headMirror } from './log-head';
import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { outbox as outboxTemplate } from '../../sheets-templates/outbox';
import { pilot as pilotTemplate } from '../../sheets-templates/pilot';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { escalationDue, reminderDue } from '../domain/approval-flow';
import { isLive, isPending, readApprovals, type ApprovalRecord } from '../domain/approval-records';
import { pendingFor, readJournal, readOutbox } from '../domain/outbox';
import { awaitingSend, withSentIds } from '../domain/request-delivery';
import { text } from '../domain/table';
import type { AppsScript, Spreadsheet } from './apps-script';
import { readTiming } from '../domain/approval-chase';
import { load as loadMetrics, pilotCheck } from './metrics';
import { hasNewMessages } from './reply-inbox';
import { SheetTable } from './sheet-table';
import { UserError } from './user-error';

/**
 * Whether the hourly run has nothing to do in a spreadsheet, decided from the little that says so:
 * the Approvals sheet, the Workflows, Pilot and Metrics sheets (the stop rules), Settings (the
 * reminder days), the Outbox and the pending threads' newest messages, each read once, nothing
 * written. Nothing to do means: no reply or other message waits to be read; no request, receipt or
 * note is half-sent ("Sending") from a run cut off, and no email or Log event of this user waits in
 * the Outbox; the last step sent is still waiting for someone, or a pilot is running (so no next step
 * can be due); no reminder or escalation is due; and no stop rule pauses a running pilot now. Then the
 * run leaves the spreadsheet as it is: no Log entry, no leader view rebuilt, since nothing it shows
 * changed by the run. (Hand edits reach the leader view with the next action, or the next run that has
 * work; the planner's own check on opening does the full check.) Anything else, or anything
 * unreadable, is for the full check.
 */
export function nothingToDo(gas: AppsScript, spreadsheet: Spreadsheet, me: string, now: Date): boolean {
  try {
    return quiet(gas, spreadsheet, me, now);
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

function quiet(gas: AppsScript, spreadsheet: Spreadsheet, me: string, now: Date): boolean {
  if (me === '') return false;
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  // Shown due dates are for people; nothing decided here reads them.
  const records = readApprovals(table.data, new Map());
  const mine = records.filter((r) => r.requestedBy === me);
  if (mine.some((r) => r.status === 'Sending' || r.receipt === 'Sending' || r.note === 'Sending'))
    return false;

  // A running pilot: its stop rules over the Metrics sheet as it stands (a pause is work). It runs on
  // an approved chain, so no next step can be due.
  const pilots = SheetTable.open(spreadsheet, pilotTemplate, ['workflowId', 'state']);
  const pilot = pilots.data.rows.some((r) => text(r.cells['state']) === 'Running')
    ? pilotCheck(loadMetrics(gas, spreadsheet, now, false, pilots))
    : { running: false, pauseDue: false };
  if (pilot.pauseDue) return false;
  if (!pilot.running && !lastStepWaiting(mine)) return false;

  const timing = readTiming(SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']).data);
  const sent = mine.filter((r) => r.status === 'Sent');
  if (
    sent.some((r) => reminderDue(r, now, timing.reminderDays) || escalationDue(r, now, timing.escalationDays))
  )
    return false;

  // An email or Log events a cut-off run left for this user: the full check sends and appends them.
  const outbox = SheetTable.open(spreadsheet, outboxTemplate, ['id', 'state', 'sender']).data;
  const emails = readOutbox(outbox);
  if (pendingFor(emails, me).length > 0) return false;
  // A journal the Log head lists as appended is waiting only for its "Logged" mark: no work.
  const waitingJournals = readJournal(outbox).filter((j) => j.state === 'Pending' && j.sender === me);
  if (waitingJournals.length > 0) {
    const logged = loggedJournals(
      gas.PropertiesService.getDocumentProperties(),
      headMirror(gas, spreadsheet),
    );
    if (waitingJournals.some((j) => !logged.has(j.token))) return false;
  }

  // The threads the full check reads: pending requests (found by the thread IDs their Outbox rows
  // hold), and approvals still open to "CHANGES" (all of them here: the full check narrows them to
  // the current plan version).
  const withIds = withSentIds(records, emails);
  const pending = withIds.filter(
    (r) =>
      r.requestedBy === me &&
      ((isPending(r) && !awaitingSend(r)) || (r.status === 'Approved' && r.receipt === 'Sent')),
  );
  return !hasNewMessages(gas, withIds, pending, now);
}

/** The requests of the highest step sent are not all answered: no next step can be due. */
function lastStepWaiting(mine: readonly ApprovalRecord[]): boolean {
  const live = mine.filter(isLive);
  if (live.length === 0) return false;
  const last = Math.max(...live.map((r) => r.step));
  return live.some((r) => r.step === last && (r.status === 'Sent' || r.status === 'Needs review'));
}
