import { log as logTemplate } from '../../sheets-templates/log';
import {
  chainEvents,
  completeAppend,
  emptyHead,
  parseHead,
  verifyChain,
  type LogEntry,
  type LogEvent,
  type LogHead,
} from '../domain/audit-log';
import { asCellText } from '../domain/cell-text';
import { text } from '../domain/table';
import type { LogCheck } from '../shared/governance';
import type { AppsScript, Properties, Sheet, Spreadsheet } from './apps-script';
import { formatDataRows, placeColumns, ValidationRules } from './column-formatting';
import { checkingSigner, localSigner } from './document-secret';
import { headMirror, LOG_HEAD_KEY, type HeadMirror } from './log-head';
import { forgetRead, sheetByName } from './sheet-reads';
import { SheetTable } from './sheet-table';
import { UserError } from './user-error';
import { documentProperties, setPropertyLater } from './document-properties';

/** Rows added when the Log runs out of grid, so it does not grow one row at a time. */
const GROWTH = 100;

/**
 * The head as stored: with the Log's columns (template key per sheet column, "" for others), the
 * Outbox journals whose events are in the Log (`journals`), and those of an append under way
 * (`pendingJournals`, which become `journals` once its rows are known to be written).
 */
type StoredHead = LogHead & {
  columns: readonly string[];
  journals?: readonly string[];
  pendingJournals?: readonly string[];
};

/** Log events journaled in the Outbox (outbox.ts) by a run, under a token. */
export interface Journal {
  token: string;
  events: readonly LogEvent[];
  /** Journaled by this run (the others were left by runs cut off before their Log append). */
  own: boolean;
}

const eventKey = (e: LogEvent) => JSON.stringify([e.who, e.action, e.subject, e.before, e.after, e.note]);

/**
 * The events of the journals a head does not list as logged. A run cut off after its journal but
 * before its records decides the same again in the next run, which journals the same events: an event
 * of this run's journal equal field for field to one of an earlier journal counts once (the earlier,
 * in its place).
 */
function unlogged(journals: readonly Journal[], logged: ReadonlySet<string>): LogEvent[] {
  const open = journals.filter((j) => !logged.has(j.token));
  const earlier = new Map<string, number>();
  for (const e of open.filter((j) => !j.own).flatMap((j) => j.events))
    earlier.set(eventKey(e), (earlier.get(eventKey(e)) ?? 0) + 1);
  return open.flatMap((j) =>
    j.events.filter((e) => {
      if (!j.own) return true;
      const left = earlier.get(eventKey(e)) ?? 0;
      if (left === 0) return true;
      earlier.set(eventKey(e), left - 1);
      return false;
    }),
  );
}

/**
 * Appends events to the Log, chained after the last one, without reading the Log: the head in
 * Document properties says where the chain ends and how the columns lie. The rows are noted in the
 * head before they are written, so a run cut off between the rows and the head is completed by the
 * next append (its rows verified against the chain). Call it inside the document lock that covers
 * the change being logged, so the Log and the change land together; with no events it only completes
 * such a cut-off append.
 *
 * `journals`: the Outbox journals still pending (this run's and any a cut-off run left). Those the
 * head does not list as logged are appended first; the head then lists exactly these, so a journal
 * appended by a run cut off before it could mark it is never appended twice.
 */
export function appendToLog(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  given: readonly LogEvent[],
  now: Date,
  journals: readonly Journal[] | null = null,
): void {
  const properties = documentProperties(gas);
  const mirror = headMirror(gas, spreadsheet);
  const stored = readHead(properties?.getProperty(LOG_HEAD_KEY) ?? null, mirror);
  const toLog = (head: StoredHead | null): LogEvent[] => {
    return [...unlogged(journals ?? [], new Set(head?.journals ?? [])), ...given];
  };
  if (!stored?.pending && toLog(stored).length === 0) return;
  const sheet = logSheet(spreadsheet);
  const sign = localSigner(gas);
  let head =
    stored && Number.isFinite(stored.row) && stored.columns.length > 0
      ? stored
      : fromSheet(spreadsheet, stored);
  const maxRows = sheet.getMaxRows();
  if (head.pending) head = complete(sheet, head, maxRows, sign);
  const events = toLog(head);
  const listed = journals ? journals.map((j) => j.token) : [...(head.journals ?? [])];
  if (events.length === 0) {
    writeHead(gas, mirror, head);
    return;
  }
  // Stored as read back: the check reads cells trimmed, so what is signed is trimmed too.
  const trimmed = events.map((e) => ({
    who: e.who.trim(),
    action: e.action.trim(),
    subject: e.subject.trim(),
    before: e.before.trim(),
    after: e.after.trim(),
    note: e.note.trim(),
  }));
  const { entries, head: next } = chainEvents(head, trimmed, now, sign);
  // After whatever the sheet holds last, so rows typed or inserted by hand are never overwritten.
  const from = Math.max(sheet.getLastRow(), 1) + 1;
  // Noted in the mirror alone, which every kind of run reads (and which wins a tie: readHead); the
  // head after the rows goes to both.
  mirror.save(
    JSON.stringify({
      ...head,
      pending: { count: next.count, hash: next.hash, from },
      pendingJournals: listed,
    } satisfies StoredHead),
  );
  const last = from + entries.length - 1;
  if (last > maxRows) grow(gas, sheet, head.columns, maxRows, Math.max(last - maxRows, GROWTH));
  const block = entries.map((entry) => head.columns.map((key) => cellOf(entry, key)));
  sheet.getRange(from, 1, block.length, head.columns.length).setValues(block);
  forgetRead(spreadsheet, logTemplate.name);
  writeHead(gas, mirror, { ...next, row: last, columns: head.columns, journals: listed });
}

/**
 * The Outbox journals whose events the Log holds, as the head in Document properties lists them (an
 * empty set in a run without them, or before the first append): the Outbox marks those Logged.
 */
export function loggedJournals(
  properties: Properties | null,
  mirror: HeadMirror = { raw: null, save: () => undefined },
): ReadonlySet<string> {
  return new Set(readHead(properties?.getProperty(LOG_HEAD_KEY) ?? null, mirror)?.journals ?? []);
}

/**
 * How many entries the Log holds, from its head (`stored`: Document properties' copy), without reading
 * the sheet: the mirror is read too, since an hourly run writes only the mirror.
 */
export function logEntryCount(gas: AppsScript, spreadsheet: Spreadsheet, stored: string | null): number {
  return readHead(stored, headMirror(gas, spreadsheet))?.count ?? 0;
}

/**
 * The head from Document properties or from its mirror beside the Log (log-head.ts), whichever has
 * more entries: a clock run (which has no Document properties) writes only the mirror, a planner run
 * both. With as many entries in each, the one noting an append under way: the note is made in the
 * mirror alone (appendToLog).
 */
function readHead(stored: string | null, mirror: HeadMirror): StoredHead | null {
  const heads = [stored, mirror.raw].flatMap((raw) => {
    const head = parseHead(raw);
    if (!head || raw === null) return [];
    const value = JSON.parse(raw) as { columns?: unknown; journals?: unknown; pendingJournals?: unknown };
    const strings = (list: unknown): string[] =>
      Array.isArray(list) ? list.map((c) => (typeof c === 'string' ? c : '')) : [];
    return [
      {
        ...head,
        columns: strings(value.columns),
        ...(Array.isArray(value.journals) ? { journals: strings(value.journals) } : {}),
        ...(Array.isArray(value.pendingJournals) ? { pendingJournals: strings(value.pendingJournals) } : {}),
      },
    ];
  });
  const ahead = (a: StoredHead, b: StoredHead) => a.count > b.count || (a.count === b.count && !b.pending);
  return heads.reduce<StoredHead | null>((best, h) => (best && ahead(best, h) ? best : h), null);
}

/**
 * The mirror at once; Document properties with the run's next write of them (the leader view's, as
 * a rule) or as its lock ends: a run cut off between the two leaves the mirror ahead, and it wins.
 */
function writeHead(gas: AppsScript, mirror: HeadMirror, head: StoredHead): void {
  const value = JSON.stringify(head);
  mirror.save(value);
  setPropertyLater(gas, LOG_HEAD_KEY, value);
}

function logSheet(spreadsheet: Spreadsheet): Sheet {
  const sheet = sheetByName(spreadsheet, logTemplate.name);
  if (!sheet) {
    throw new UserError(
      `The ${logTemplate.name} sheet is missing. Run Set up workspace (on the planner's Overview) to repair it.`,
    );
  }
  return sheet;
}

/**
 * The head from the sheet itself, read once: for a workspace whose head was stored before it held
 * the row and columns (or none was stored). The chain continues from the last event in the sheet.
 */
function fromSheet(spreadsheet: Spreadsheet, stored: LogHead | null): StoredHead {
  const table = SheetTable.open(spreadsheet, logTemplate, ['id', 'hash']);
  const columns = Array.from({ length: table.data.width }, () => '');
  for (const [key, at] of table.data.map.columns) columns[at] = key;
  const rows = table.data.rows;
  const at = stored ? rows[stored.count - 1] : rows[rows.length - 1];
  if (stored) return { ...stored, row: at?.row ?? 1, columns };
  if (!at) return { ...emptyHead, columns };
  return { count: rows.length, hash: text(at.cells['hash']), row: at.row, columns };
}

/** Reads back only the rows a cut-off append noted, and keeps those that continue the chain. */
function complete(sheet: Sheet, head: StoredHead, maxRows: number, sign: (t: string) => string): StoredHead {
  const pending = head.pending;
  if (!pending) return head;
  const count = Math.min(pending.count - head.count, maxRows - pending.from + 1);
  const values = count > 0 ? sheet.getRange(pending.from, 1, count, head.columns.length).getValues() : [];
  const written = values.map((line) => entryOf((key) => line[head.columns.indexOf(key)]));
  const done = completeAppend(head, written, sign).head;
  // Its rows all written, the cut-off append's journals are in the Log; none written, they are not.
  const journals = done.count === pending.count ? head.pendingJournals : head.journals;
  const result: StoredHead = { ...done, columns: head.columns };
  delete result.pendingJournals;
  delete result.journals;
  if (journals) result.journals = journals;
  return result;
}

function grow(
  gas: AppsScript,
  sheet: Sheet,
  columns: readonly string[],
  maxRows: number,
  added: number,
): void {
  sheet.insertRowsAfter(maxRows, added);
  const placed = Object.fromEntries(columns.flatMap((key, i) => (key ? [[key, i + 1]] : [])));
  formatDataRows(sheet, placeColumns(logTemplate, placed), maxRows + 1, added, new ValidationRules(gas));
}

function cellOf(entry: LogEntry, key: string): unknown {
  switch (key) {
    case 'time':
      return entry.time;
    case 'id':
    case 'who':
    case 'action':
    case 'subject':
    case 'before':
    case 'after':
    case 'note':
    case 'hash':
      return asCellText(entry[key]);
    default:
      return '';
  }
}

function entryOf(cell: (key: string) => unknown): LogEntry {
  const time = cell('time');
  return {
    id: text(cell('id')),
    // A time edited into text can only fail its hash; the epoch stands in for it.
    time: time instanceof Date && !Number.isNaN(time.getTime()) ? time : new Date(0),
    who: text(cell('who')),
    action: text(cell('action')),
    subject: text(cell('subject')),
    before: text(cell('before')),
    after: text(cell('after')),
    note: text(cell('note')),
    hash: text(cell('hash')),
  };
}

/**
 * Checks the whole Log against its chain and head, and reports the first broken link: an edited,
 * inserted, deleted or reordered row, rows cut from the end or added after it, or a head that no
 * longer matches the sheet. Rows a cut-off run appended (and a later run completed) are told apart.
 */
export function checkLog(gas: AppsScript, spreadsheet: Spreadsheet): LogCheck {
  const table = SheetTable.open(spreadsheet, logTemplate, ['id', 'hash']);
  const head = readHead(
    documentProperties(gas)?.getProperty(LOG_HEAD_KEY) ?? null,
    headMirror(gas, spreadsheet),
  );
  const rows = table.data.rows.map(({ row, cells }) => ({ row, entry: entryOf((key) => cells[key]) }));
  const check = verifyChain(rows, head, checkingSigner(gas));
  if (!check.ok) return { ok: false, entries: rows.length, message: check.message };
  const notes = [
    ...check.repaired.map(
      (r) =>
        `${r.first === r.last ? r.first : `${r.first} to ${r.last}`} appended by a run that was cut off (repaired: checked against the chain and completed by the next run).`,
    ),
    ...(check.unfinished > 0
      ? [
          `The last ${check.unfinished === 1 ? 'event was' : `${check.unfinished} events were`} appended by a run that was cut off; ${check.unfinished === 1 ? 'it continues' : 'they continue'} the chain, and the next change completes the Log.`,
        ]
      : []),
  ];
  const intact =
    check.entries === 0
      ? 'The Log is empty.'
      : `All ${check.entries} Log entries are intact: none was edited, inserted or deleted.`;
  return { ok: true, entries: check.entries, message: [intact, ...notes].join(' ') };
}
