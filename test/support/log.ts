import { createHmac } from 'node:crypto';
import { log } from '../../sheets-templates/log';
import { chainEvents, type LogHead } from '../../src/domain/audit-log';
import { columnFormat } from '../../src/domain/column-format';
import type { FakeEnvironment } from '../fakes/environment';
import { sheetNamed } from './workspace';
import { LOG_HEAD_KEY } from '../../src/gas/log-head';

/** The document's Log head as stored, or null. */
export function storedHead(env: FakeEnvironment): (LogHead & { columns: string[] }) | null {
  return JSON.parse(env.state.properties.document[LOG_HEAD_KEY] ?? 'null') as never;
}

/** Signs as the add-on does, with the document's secret (the workspace must have made one). */
export function documentSigner(env: FakeEnvironment): (text: string) => string {
  const secret = env.state.properties.document['aiplan.secret'];
  if (!secret) throw new Error('the workspace has no document secret yet');
  return (text) => createHmac('sha256', secret).update(text).digest('hex');
}

/**
 * Appends `count` genuine, chained events to the Log below what it holds, in one write, and stores
 * the head after them: a Log as a workspace has after years of use, for scale tests and benchmarks.
 */
export function fillLog(env: FakeEnvironment, count: number): void {
  const head = storedHead(env);
  if (!head) throw new Error('the Log has no head yet: log one action first');
  const events = Array.from({ length: count }, (_, i) => ({
    who: 'someone@district.example.org',
    action: 'Edited workflow',
    subject: `WF-${String(i % 900).padStart(3, '0')}`,
    before: 'name: FAQ drafting',
    after: 'name: FAQ drafting; team: Communications',
    note: '',
  }));
  const { entries, head: next } = chainEvents(
    head,
    events,
    new Date(Date.UTC(2026, 0, 5)),
    documentSigner(env),
  );
  env.run((gas) => {
    const sheet = sheetNamed(gas, 'Log');
    const from = head.row + 1;
    if (from + count > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), from + count - sheet.getMaxRows());
    // Formatted as set-up formats the Log's rows, so a hash of digits stays text.
    const formats = head.columns.map((key) => {
      const column = log.columns.find((c) => c.key === key);
      return column ? columnFormat(column.type).numberFormat : '';
    });
    sheet.getRange(from, 1, count, formats.length).setNumberFormats(entries.map(() => formats));
    const rows = entries.map((entry) =>
      head.columns.map((key) => (entry as unknown as Record<string, unknown>)[key] ?? ''),
    );
    sheet.getRange(from, 1, rows.length, head.columns.length).setValues(rows);
  });
  env.state.properties.document[LOG_HEAD_KEY] = JSON.stringify({ ...next, columns: head.columns });
}
