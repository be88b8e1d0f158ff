import { isTransient, plannerCheckDue } from '../domain/waiting-list';
import { checkRepliesAndRefresh } from './actions';
import { openSpreadsheet } from './active-spreadsheet';
import type { AppsScript, Spreadsheet } from './apps-script';
import { checkApprovalReplies, type CheckSummary } from './approvals';
import { SECRET_KEY } from './document-secret';
import { whoAmI } from './identity';
import { inOpenedDocument } from './opened-document';
import { releaseDocumentLock } from './document-lock';
import { nothingToDo } from './quiet-hour';
import { dropUnreachable, waitingEntryFor, waitingSpreadsheets } from './waiting-list';

/** Apps Script stops a run at 6 minutes; the hourly run takes on no new spreadsheet after this. */
const RUN_BUDGET_MS = 4 * 60 * 1000;

export interface HourlySummary {
  /** Spreadsheet ID → what the check did there. */
  checked: Record<string, CheckSummary>;
  /** Spreadsheets dropped because they could not be opened (the planner says so next time). */
  dropped: string[];
  /** Spreadsheets left for the next run (time ran out, or a transient error). */
  deferred: string[];
}

/**
 * The hourly trigger's work, for the user whose trigger it is, in every spreadsheet where they have
 * requests waiting: a clock run of an editor add-on has no active spreadsheet (the trigger belongs to
 * the script, not to a file), so each file on the user's waiting list is opened by ID and worked as
 * the planner would: replies read, reminders and escalations sent, the next step sent, stop rules
 * applied, the Dashboard refreshed. A file that can no longer be opened is dropped from the list and
 * reported the next time the planner opens. A failure in one file does not stop the others; the run
 * then fails at the end, so it shows as failed in the executions log, and the next run completes it.
 */
export function runHourly(gas: AppsScript, options: { now?: Date; budgetMs?: number } = {}): HourlySummary {
  const started = Date.now();
  const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  const summary: HourlySummary = { checked: {}, dropped: [], deferred: [] };
  let failure: unknown = null;
  for (const entry of waitingSpreadsheets(gas)) {
    const now = options.now ?? new Date();
    const elapsed = Date.now() - started;
    if (elapsed > budgetMs) {
      summary.deferred.push(entry.id);
      continue;
    }
    let spreadsheet;
    try {
      spreadsheet = gas.SpreadsheetApp.openById(entry.id);
    } catch (error) {
      if (isTransient(messageOf(error))) summary.deferred.push(entry.id);
      else {
        dropUnreachable(gas, entry, now);
        summary.dropped.push(entry.id);
      }
      continue;
    }
    // Without the secret, nothing could be signed as this document signs it; the planner's next
    // check in that file records it again.
    if (!entry.document[SECRET_KEY]) {
      summary.deferred.push(entry.id);
      continue;
    }
    const opened = inOpenedDocument(gas, spreadsheet, entry.document);
    try {
      // Most hours nothing has come or fallen due: then the run reads a few sheets and writes nothing.
      const quiet = quietSummary(opened, spreadsheet, now);
      if (quiet) {
        summary.checked[entry.id] = quiet;
        continue;
      }
      // Replies, reminders, the next step; the stop rules for measurements typed into the sheet since
      // the last run (a pilot pauses now); the leader view rebuilt from every sheet.
      summary.checked[entry.id] = checkRepliesAndRefresh(opened, {
        stopRules: true,
        mailOnlyWhenIdle: true,
        now,
        budgetMs: budgetMs - elapsed,
      });
    } catch (error) {
      console.warn(`The hourly check of spreadsheet ${entry.id} failed: ${messageOf(error)}`);
      summary.deferred.push(entry.id);
      failure ??= error;
    } finally {
      releaseLockQuietly(opened);
    }
  }
  if (failure !== null) throw failure;
  return summary;
}

/** What a check would have said where there is nothing to do (see quiet-hour.ts), else null. */
function quietSummary(gas: AppsScript, spreadsheet: Spreadsheet, now: Date): CheckSummary | null {
  const me = whoAmI(gas).email.toLowerCase();
  if (!nothingToDo(gas, spreadsheet, me, now)) return null;
  return {
    read: 0,
    decided: 0,
    review: 0,
    sent: 0,
    partial: false,
    waiting: true,
    message: 'Nothing new: no reply to read and nothing due.',
  };
}

/** The next spreadsheet is checked even when letting go fails: the run's end lets go anyway. */
function releaseLockQuietly(gas: AppsScript): void {
  try {
    releaseDocumentLock(gas);
  } catch (error) {
    console.warn(`The hourly check could not release its lock: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opening the planner (or its Approvals view) reads replies itself when this user has requests
 * waiting in this spreadsheet and the last check is older than a few minutes, so approvals move even
 * where triggers are disabled or the hourly run has not come yet. A failure here never keeps the
 * planner from opening: it is logged, and the hourly run or "Check replies now" completes it.
 * `user`: the user's properties, when the caller has read them already.
 */
export function checkRepliesIfDue(
  gas: AppsScript,
  now: Date = new Date(),
  user?: Readonly<Record<string, string>>,
): CheckSummary | null {
  const spreadsheet = openSpreadsheet(gas);
  if (!spreadsheet) return null;
  if (!plannerCheckDue(waitingEntryFor(gas, spreadsheet.getId(), user), now)) return null;
  try {
    return checkApprovalReplies(gas, { now });
  } catch (error) {
    console.warn(`Checking replies on opening failed: ${messageOf(error)}`);
    return null;
  }
}
