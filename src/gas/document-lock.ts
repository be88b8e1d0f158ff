import type { AppsScript } from './apps-script';
import { afterLock } from './document-properties';
import { UserError } from './user-error';

/** Long enough to wait out another person's save, well inside a sidebar call's patience. */
const LOCK_WAIT_MS = 20_000;

/**
 * Runs `body` holding the document lock, so two people (or a person and a trigger) never change the
 * workspace at the same moment. The document lock, not the script lock: an add-on's script lock would
 * serialise every district using it. The user's own lock too: the hourly run has no document to lock
 * (a clock run has none), so it holds the user lock, and this keeps a person's planner action and their
 * own hourly run apart. (Another person's action and someone's hourly run are not kept apart; see the
 * README, "The hourly reply check".)
 */
const held = new WeakMap<AppsScript, number>();

export function withDocumentLock<T>(gas: AppsScript, body: () => T): T {
  // Already held by this run (an action and the leader view it writes share one commit): no second
  // take, and no early release by the inner call.
  const depth = held.get(gas) ?? 0;
  if (depth > 0) {
    held.set(gas, depth + 1);
    try {
      return body();
    } finally {
      held.set(gas, depth);
    }
  }
  const lock = gas.LockService.getDocumentLock();
  if (!lock) throw new UserError('The AI Plan Workspace only works inside a Google Sheet.');
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserError('Someone else is changing the workspace right now. Please try again in a moment.');
  }
  held.set(gas, 1);
  try {
    const own = gas.LockService.getUserLock();
    if (!own.tryLock(LOCK_WAIT_MS)) {
      throw new UserError('Your hourly reply check is running right now. Please try again in a moment.');
    }
    afterLock(gas);
    try {
      return body();
    } finally {
      own.releaseLock();
    }
  } finally {
    held.set(gas, 0);
    lock.releaseLock();
  }
}
