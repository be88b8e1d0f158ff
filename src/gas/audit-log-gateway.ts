import { log as logTemplate } from '../../sheets-templates/log';
import { chainEvents, type LogEvent, type LogHead } from '../domain/audit-log';
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
