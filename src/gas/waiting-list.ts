import {
  droppedEntry,
  droppedNotice,
  readDropped,
  readWaitingList,
  waitingEntry,
  WAITING_PREFIX,
  DROPPED_PREFIX,
  servedEntry,
  type WaitingSpreadsheet,
} from '../domain/waiting-list';
import type { AppsScript, Spreadsheet } from './apps-script';
import { SECRET_KEY } from './document-secret';
import { userProperties } from './user-properties';

/** The spreadsheets where the running user has requests waiting (one User-properties read). */
export function waitingSpreadsheets(gas: AppsScript): WaitingSpreadsheet[] {
  return readWaitingList(userProperties(gas).getProperties());
}

/** `user`: the user's properties, when the caller has read them already (opening the planner). */
export function waitingEntryFor(
  gas: AppsScript,
  spreadsheetId: string,
  user?: Readonly<Record<string, string>>,
): WaitingSpreadsheet | undefined {
  const key = `${WAITING_PREFIX}${spreadsheetId}`;
  const value = user ? (user[key] ?? null) : userProperties(gas).getProperty(key);
  return value === null ? undefined : readWaitingList({ [key]: value })[0];
}

/**
 * Records what an action knows of what the hourly run has to do in `spreadsheet` for this user:
 * whether requests still wait for replies there (`requests`), whether a pilot runs there (`pilot`);
 * what it does not say stays as it was. While either holds, the entry carries a copy of the one
 * Document property the hourly run needs there, the secret that signs request tokens and the Log,
 * taken where Document properties can be read; when neither does, the entry goes.
 */
export function noteServed(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  now: Date,
  change: { requests?: boolean; pilot?: boolean },
): void {
  const user = userProperties(gas);
  const key = `${WAITING_PREFIX}${spreadsheet.getId()}`;
  const value = user.getProperty(key);
  const existing = value === null ? undefined : readWaitingList({ [key]: value })[0];
  // Only what the run cannot read elsewhere: the secret. (The Log head lives beside the Log, and the
  // leader view is rebuilt from the sheets; copying those would go stale or outgrow a property.)
  const secret = gas.PropertiesService.getDocumentProperties()?.getProperty(SECRET_KEY);
  const entry = servedEntry(
    existing,
    {
      id: spreadsheet.getId(),
      name: spreadsheet.getName(),
      checked: now.getTime(),
      document: secret ? { [SECRET_KEY]: secret } : (existing?.document ?? {}),
    },
    change,
  );
  if (entry === null) {
    if (existing) user.deleteProperty(key);
    return;
  }
  user.setProperty(key, waitingEntry(entry)[1]);
}

/** Records, after a check, whether the user still has requests waiting in `spreadsheet`. */
export function noteWaiting(gas: AppsScript, spreadsheet: Spreadsheet, waiting: boolean, now: Date): void {
  noteServed(gas, spreadsheet, now, { requests: waiting });
}

/** Forgets a spreadsheet the hourly run cannot open, and keeps a note for the planner to show. */
export function dropUnreachable(gas: AppsScript, entry: WaitingSpreadsheet, now: Date): void {
  const [key, value] = droppedEntry({ id: entry.id, name: entry.name, dropped: now.getTime() });
  const user = userProperties(gas);
  // The note first: a run cut off between the two calls leaves the entry, which the next run drops again.
  user.setProperty(key, value);
  user.deleteProperty(`${WAITING_PREFIX}${entry.id}`);
}

/**
 * The notes about dropped spreadsheets, for the planner to show once; they are removed as read.
 * `read`: the user's properties as the caller read them (only the hourly run writes these notes).
 */
export function takeDroppedNotices(gas: AppsScript, read?: Readonly<Record<string, string>>): string[] {
  const user = userProperties(gas);
  const dropped = readDropped(read ?? user.getProperties());
  for (const entry of dropped) user.deleteProperty(`${DROPPED_PREFIX}${entry.id}`);
  return dropped.map(droppedNotice);
}
