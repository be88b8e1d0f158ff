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

/** The last entry written, kept in Document properties to detect rows removed from the end. */
export interface LogHead {
  count: number;
  hash: string;
}

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

/** The entries to append after `head` (null for an empty log), each chained to the one before. */
export function chainEvents(
  head: LogHead | null,
  events: readonly LogEvent[],
  now: Date,
  sign: Signer,
): { entries: LogEntry[]; head: LogHead } {
  let previous = head?.hash ?? GENESIS;
  let count = head?.count ?? 0;
  const entries = events.map((event) => {
    count += 1;
    const entry = { ...event, id: logEntryId(count), time: now };
    const hash = signEntry(entry, previous, sign);
    previous = hash;
    return { ...entry, hash };
  });
  return { entries, head: { count, hash: previous } };
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; row: number; message: string };

/**
 * Checks every row against its signature and the row before it; reports the first break. `rows` are
 * the Log's data rows in sheet order, each with its sheet row number.
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
  if (head && (head.count !== rows.length || head.hash !== previous)) {
    const last = rows[rows.length - 1]?.row ?? 1;
    return {
      ok: false,
      row: last + 1,
      message: `The Log ends at ${rows.length} events, but ${head.count} were written: rows were removed from the end.`,
    };
  }
  return { ok: true, entries: rows.length };
}
