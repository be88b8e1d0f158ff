import type { AppsScript } from './apps-script';
import { afterLock, writeLater } from './document-properties';
import { UserError } from './user-error';

/** Long enough to wait out another person's save, well inside a sidebar call's patience. */
const LOCK_WAIT_MS = 20_000;

/** The runs holding their locks (taken once per run: an action and its leader view share one commit). */
const held = new WeakSet<AppsScript>();

/**
 * Runs `body` holding the document lock, so two people (or a person and a trigger) never change the
 * workspace at the same moment. The document lock, not the script lock: an add-on's script lock would
 * serialise every district using it. The user's own lock too: the hourly run has no document to lock
 * (a clock run has none), so it holds the user lock, and this keeps a person's planner action and their
 * own hourly run apart. (Another person's action and someone's hourly run are not kept apart; see the
 * README, "The hourly reply check".)
 *
 * The locks are not released by hand: Apps Script releases them when the execution ends (Lock
 * reference), which for every caller is right after `body`, its writes applied. Releasing earlier
 * would let the next run in before this one's writes are flushed (the reference asks for a
 * `SpreadsheetApp.flush()` first), and costs two calls. A `ui.alert` releases them too (Ui
 * reference), so nothing here waits on a person while holding them. The hourly run, which goes on to
 * other spreadsheets, lets go after each (`releaseDocumentLock`).
 */
export function withDocumentLock<T>(gas: AppsScript, body: () => T): T {
  if (held.has(gas)) return body();
  const lock = gas.LockService.getDocumentLock();
  if (!lock) throw new UserError('The AI Plan Workspace only works inside a Google Sheet.');
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserError('Someone else is changing the workspace right now. Please try again in a moment.');
  }
  if (!gas.LockService.getUserLock().tryLock(LOCK_WAIT_MS)) {
    throw new UserError('Your hourly reply check is running right now. Please try again in a moment.');
  }
  held.add(gas);
  afterLock(gas);
  const result = body();
  writeLater(gas);
  return result;
}

/**
 * Lets go of the locks this run took, its writes flushed first (Lock reference): for a run that goes
 * on to other work, as the hourly run does from one spreadsheet to the next, so this user's planner
 * waits for one spreadsheet's check at most, not for the whole run.
 */
export function releaseDocumentLock(gas: AppsScript): void {
  if (!held.has(gas)) return;
  held.delete(gas);
  gas.SpreadsheetApp.flush();
  gas.LockService.getDocumentLock()?.releaseLock();
  gas.LockService.getUserLock().releaseLock();
}
