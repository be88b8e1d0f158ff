/**
 * The spreadsheets where a user has approval requests waiting or a pilot running, kept in that user's
 * User properties so
 * that one hourly trigger per user can serve them all: a clock run of an editor add-on has no active
 * document, so it must know which files to open and carry what it needs from each file's Document
 * properties (which only a run inside that document can read).
 */
export interface WaitingSpreadsheet {
  id: string;
  name: string;
  /** When replies were last checked there (ms since the epoch). */
  checked: number;
  /** The Document properties the hourly run reads there (the signing secret, the Dashboard's charts). */
  document: Record<string, string>;
  /** Requests of this user wait for replies there (an entry from before the flag: true). */
  requests: boolean;
  /** A pilot this user started or resumed runs there: the hourly run applies its stop rules. */
  pilot: boolean;
}

export interface DroppedSpreadsheet {
  id: string;
  name: string;
  /** When the hourly run found it unreachable (ms since the epoch). */
  dropped: number;
}

/** User-property keys: one per spreadsheet, so two files' runs never overwrite each other's entry. */
export const WAITING_PREFIX = 'aiplan.waiting.';
export const DROPPED_PREFIX = 'aiplan.dropped.';

/** Opening the planner checks replies itself when the last check is older than this. */
export const PLANNER_CHECK_AFTER_MS = 10 * 60 * 1000;

function record(value: string | undefined): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function strings(v: unknown): Record<string, string> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => (typeof x === 'string' ? [[k, x]] : [])),
  );
}

/** The entries in a user's properties; an unreadable entry is skipped (and replaced at the next send). */
export function readWaitingList(properties: Record<string, string>): WaitingSpreadsheet[] {
  return Object.entries(properties).flatMap(([key, value]) => {
    if (!key.startsWith(WAITING_PREFIX)) return [];
    const r = record(value);
    const id = key.slice(WAITING_PREFIX.length);
    if (!r || id === '') return [];
    return [
      {
        id,
        name: str(r['name']),
        checked: num(r['checked']),
        document: strings(r['document']),
        requests: r['requests'] !== false,
        pilot: r['pilot'] === true,
      },
    ];
  });
}

export function readDropped(properties: Record<string, string>): DroppedSpreadsheet[] {
  return Object.entries(properties).flatMap(([key, value]) => {
    if (!key.startsWith(DROPPED_PREFIX)) return [];
    const r = record(value);
    return r
      ? [{ id: key.slice(DROPPED_PREFIX.length), name: str(r['name']), dropped: num(r['dropped']) }]
      : [];
  });
}

export function waitingEntry(entry: WaitingSpreadsheet): [string, string] {
  const { id, ...rest } = entry;
  return [`${WAITING_PREFIX}${id}`, JSON.stringify(rest)];
}

export function droppedEntry(entry: DroppedSpreadsheet): [string, string] {
  const { id, ...rest } = entry;
  return [`${DROPPED_PREFIX}${id}`, JSON.stringify(rest)];
}

/** Whether the planner should check replies on opening: requests wait here and the last check is old. */
export function plannerCheckDue(entry: WaitingSpreadsheet | undefined, now: Date): boolean {
  return entry !== undefined && entry.requests && now.getTime() - entry.checked >= PLANNER_CHECK_AFTER_MS;
}

/**
 * The entry after an action says what it knows (`undefined`: unchanged): null when nothing is left for
 * the hourly run there, neither requests waiting nor a running pilot.
 */
export function servedEntry(
  existing: WaitingSpreadsheet | undefined,
  base: Omit<WaitingSpreadsheet, 'requests' | 'pilot'>,
  change: { requests?: boolean; pilot?: boolean },
): WaitingSpreadsheet | null {
  const requests = change.requests ?? existing?.requests ?? false;
  const pilot = change.pilot ?? existing?.pilot ?? false;
  return requests || pilot ? { ...base, requests, pilot } : null;
}

/** What the planner tells the user about a spreadsheet the hourly run could no longer open. */
export function droppedNotice(entry: DroppedSpreadsheet): string {
  const name = entry.name ? `“${entry.name}”` : 'a spreadsheet';
  return `The hourly check could not open ${name} (it was deleted, or you no longer have access), so it stopped reading approval replies for it. If it still exists, open the planner there once and the hourly check resumes.`;
}

/**
 * Errors worth retrying next hour rather than dropping the spreadsheet: Apps Script's generic
 * transient failures (FAKES §0). Anything else from openById means the file cannot be reached.
 */
export function isTransient(message: string): boolean {
  return /server error|try again|timed out|too many times|temporarily|backend error|service unavailable/i.test(
    message,
  );
}
