import { log as logTemplate } from '../../sheets-templates/log';
import { chainEvents, verifyChain, type LogEntry, type LogEvent, type LogHead } from '../domain/audit-log';
import { text } from '../domain/table';
import type { LogCheck } from '../shared/governance';
import type { AppsScript, Spreadsheet } from './apps-script';
import { signer } from './document-secret';
import { SheetTable } from './sheet-table';

const HEAD_KEY = 'aiplan.logHead';

/**
 * Appends events to the Log, chained after the last one. Call it inside the document lock that
 * covers the change being logged, so the log and the change land together.
 */
export function appendToLog(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  events: readonly LogEvent[],
  now: Date,
): void {
  if (events.length === 0) return;
  const properties = gas.PropertiesService.getDocumentProperties();
  const table = SheetTable.open(spreadsheet, logTemplate, ['id', 'hash']);
  const stored = properties.getProperty(HEAD_KEY);
  const head: LogHead | null = stored ? (JSON.parse(stored) as LogHead) : null;
  const { entries, head: next } = chainEvents(head, events, now, signer(gas));
  for (const entry of entries) {
    table.append({
      id: entry.id,
      time: entry.time,
      who: entry.who,
      action: entry.action,
      subject: entry.subject,
      before: entry.before,
      after: entry.after,
      note: entry.note,
      hash: entry.hash,
    });
  }
  table.flush(gas);
  properties.setProperty(HEAD_KEY, JSON.stringify(next));
}

/**
 * Checks the whole Log against its chain and reports the first broken link: an edited, inserted,
 * deleted or reordered row, or rows cut from the end.
 */
export function checkLog(gas: AppsScript, spreadsheet: Spreadsheet): LogCheck {
  const table = SheetTable.open(spreadsheet, logTemplate, ['id', 'hash']);
  const stored = gas.PropertiesService.getDocumentProperties().getProperty(HEAD_KEY);
  const head: LogHead | null = stored ? (JSON.parse(stored) as LogHead) : null;
  const rows = table.data.rows.map(({ row, cells }) => {
    const time = cells['time'];
    const entry: LogEntry = {
      id: text(cells['id']),
      // A time edited into text can only fail its hash; the epoch stands in for it.
      time: time instanceof Date && !Number.isNaN(time.getTime()) ? time : new Date(0),
      who: text(cells['who']),
      action: text(cells['action']),
      subject: text(cells['subject']),
      before: text(cells['before']),
      after: text(cells['after']),
      note: text(cells['note']),
      hash: text(cells['hash']),
    };
    return { row, entry };
  });
  const check = verifyChain(rows, head, signer(gas));
  if (check.ok) {
    return {
      ok: true,
      entries: check.entries,
      message:
        check.entries === 0
          ? 'The Log is empty.'
          : `All ${check.entries} Log entries are intact: none was edited, inserted or deleted.`,
    };
  }
  return { ok: false, entries: rows.length, message: check.message };
}
