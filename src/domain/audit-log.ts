/**
 * The Log sheet: an append-only record in which each row carries a signature of its content and of the
 * row before it. Signatures use a secret only the add-on can read (in Document properties), so editing,
 * deleting or inserting a row by hand breaks the chain at that point, and the head kept beside the
 * secret shows rows cut from the end.
 */
export interface LogEvent {
  who: string;
  action: string;
  /** What the action was done to: a workflow, checklist row or request. */
  subject: string;
  before: string;
  after: string;
  note: string;
}

export interface LogEntry extends LogEvent {
  id: string;
  time: Date;
  hash: string;
}

/**
 * Where the chain ends, kept in Document properties so an append finds it without reading the Log:
 * the last event's number and hash, and the sheet row it is on.
 */
export interface LogHead {
  count: number;
  hash: string;
  /** The sheet row of the last event (1, the header, when the Log is empty). */
  row: number;
  /**
   * Rows an append is writing: recorded before the rows, cleared with the new head after them, so a
   * run cut off in between leaves a note the next one completes from.
   */
  pending?: PendingAppend;
  /** Events a later run completed after their own run was cut off (the latest few), for the check. */
  repaired?: readonly RepairedRange[];
}

export interface PendingAppend {
  /** The head once the rows are written. */
  count: number;
  hash: string;
  /** The first sheet row written. */
  from: number;
}

export interface RepairedRange {
  first: string;
  last: string;
}

/** Repairs remembered in the head; older ones are in the Log itself, which the check verifies anyway. */
const REPAIRS_KEPT = 10;

/** Signs text with the document's secret (HMAC-SHA256, hex). Supplied by the platform layer. */
export type Signer = (text: string) => string;

const GENESIS = 'genesis';
const SIGNATURE_LENGTH = 16;

export function logEntryId(sequence: number): string {
  return `LG-${String(sequence).padStart(6, '0')}`;
}

function canonical(entry: Omit<LogEntry, 'hash'>, previousHash: string): string {
  return [
    entry.id,
    entry.time.toISOString(),
    entry.who,
    entry.action,
    entry.subject,
    entry.before,
    entry.after,
    entry.note,
    previousHash,
  ].join('\u001f');
}

export function signEntry(entry: Omit<LogEntry, 'hash'>, previousHash: string, sign: Signer): string {
  return sign(canonical(entry, previousHash)).slice(0, SIGNATURE_LENGTH);
}

export const emptyHead: LogHead = { count: 0, hash: GENESIS, row: 1 };

/** The entries to append after `head`, each chained to the one before, and the head after them. */
export function chainEvents(
  head: LogHead,
  events: readonly LogEvent[],
  now: Date,
  sign: Signer,
): { entries: LogEntry[]; head: LogHead } {
  let previous = head.hash;
  let count = head.count;
  const entries = events.map((event) => {
    count += 1;
    const entry = { ...event, id: logEntryId(count), time: now };
    const hash = signEntry(entry, previous, sign);
    previous = hash;
    return { ...entry, hash };
  });
  return {
    entries,
    head: { ...withoutPending(head), count, hash: previous, row: head.row + entries.length },
  };
}

function withoutPending(head: LogHead): LogHead {
  const rest = { ...head };
  delete rest.pending;
  return rest;
}

/** How many of `entries` (in order) continue the chain from `head`: the rows to keep. */
export function continuing(head: LogHead, entries: readonly LogEntry[], sign: Signer): number {
  let previous = head.hash;
  let kept = 0;
  for (const entry of entries) {
    if (entry.id !== logEntryId(head.count + kept + 1)) break;
    if (signEntry(entry, previous, sign) !== entry.hash) break;
    previous = entry.hash;
    kept += 1;
  }
  return kept;
}

/**
 * Completes an append that was cut off after its note was stored: `written` are the rows found from
 * the note's first row on. The ones that continue the chain are kept (the head moves past them and
 * they are remembered as repaired); the note is dropped either way.
 */
export function completeAppend(
  head: LogHead,
  written: readonly LogEntry[],
  sign: Signer,
): { head: LogHead; kept: number } {
  const pending = head.pending;
  const rest = withoutPending(head);
  if (!pending) return { head: rest, kept: 0 };
  const kept = continuing(rest, written.slice(0, pending.count - head.count), sign);
  const last = written[kept - 1];
  if (kept === 0 || !last) return { head: rest, kept: 0 };
  const repaired = [...(head.repaired ?? []), { first: logEntryId(head.count + 1), last: last.id }];
  return {
    head: {
      count: head.count + kept,
      hash: last.hash,
      row: pending.from + kept - 1,
      repaired: repaired.slice(-REPAIRS_KEPT),
    },
    kept,
  };
}

/** A head read back from its property; anything unreadable counts as none. */
export function parseHead(stored: string | null): LogHead | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<LogHead> | null;
    if (!value || typeof value.count !== 'number' || typeof value.hash !== 'string') return null;
    return {
      count: value.count,
      hash: value.hash,
      // A head stored before rows were kept in it: row is found from the sheet once.
      row: typeof value.row === 'number' ? value.row : Number.NaN,
      ...(value.pending ? { pending: value.pending } : {}),
      ...(value.repaired ? { repaired: value.repaired } : {}),
    };
  } catch {
    return null;
  }
}

export type ChainCheck =
  | { ok: true; entries: number; repaired: readonly RepairedRange[]; unfinished: number }
  | { ok: false; row: number; message: string };

/**
 * Checks every row against its signature and the row before it, and the last one against the head;
 * reports the first break. `rows` are the Log's data rows in sheet order, each with its sheet row
 * number. Rows past the head that an append noted as pending, and that continue the chain, are a run
 * that was cut off (the next action completes it), not tampering.
 */
export function verifyChain(
  rows: readonly { row: number; entry: LogEntry }[],
  head: LogHead | null,
  sign: Signer,
): ChainCheck {
  let previous = GENESIS;
  for (const [i, { row, entry }] of rows.entries()) {
    if (entry.id !== logEntryId(i + 1)) {
      return {
        ok: false,
        row,
        message: `Log row ${row} should be event ${logEntryId(i + 1)} but is ${entry.id || 'unnumbered'}: a row before it was deleted or one was inserted.`,
      };
    }
    if (signEntry(entry, previous, sign) !== entry.hash) {
      return {
        ok: false,
        row,
        message: `Log row ${row} (${entry.id}) does not match its chain hash: it was edited, or the row before it was changed.`,
      };
    }
    previous = entry.hash;
  }
  const repaired = head?.repaired ?? [];
  if (!head) return { ok: true, entries: rows.length, repaired, unfinished: 0 };
  const lastRow = rows[rows.length - 1]?.row ?? 1;
  if (rows.length < head.count) {
    return {
      ok: false,
      row: lastRow + 1,
      message: `The Log ends at ${rows.length} events, but ${head.count} were written: rows were removed from the end.`,
    };
  }
  const atHead = rows[head.count - 1];
  const headHash = atHead?.entry.hash ?? GENESIS;
  const headRow = atHead?.row ?? 1;
  if (headHash !== head.hash) {
    return {
      ok: false,
      row: headRow,
      message: `Log row ${headRow} (${atHead?.entry.id ?? 'the header'}) is not the last event the add-on wrote: the Log was rewritten from there.`,
    };
  }
  const beyond = rows.length - head.count;
  const pending = head.pending;
  if (beyond > 0 && !(pending && head.count + beyond <= pending.count)) {
    const first = rows[head.count];
    return {
      ok: false,
      row: first?.row ?? lastRow,
      message: `Log row ${first?.row ?? lastRow} (${first?.entry.id ?? ''}) was added after the last event the add-on wrote (${head.count > 0 ? logEntryId(head.count) : 'none yet'}).`,
    };
  }
  if (Number.isFinite(head.row) && headRow !== head.row) {
    return {
      ok: false,
      row: headRow,
      message: `The Log's event ${atHead?.entry.id ?? ''} is on row ${headRow}, but the add-on wrote it on row ${head.row}: rows were inserted or deleted above it.`,
    };
  }
  return { ok: true, entries: rows.length, repaired, unfinished: beyond };
}
