import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { chainEvents, verifyChain, type LogEntry } from './audit-log';

const sign = (text: string) => createHmac('sha256', 'document secret').update(text).digest('hex');
const event = (n: number) => ({
  who: 'a@district.example.org',
  action: 'Selected workflow',
  subject: `WF-00${n}`,
  before: '',
  after: `WF-00${n}`,
  note: '',
});
const now = new Date('2026-11-28T12:00:00Z');

function chain(count: number) {
  const { entries, head } = chainEvents(
    null,
    Array.from({ length: count }, (_, i) => event(i + 1)),
    now,
    sign,
  );
  return { rows: entries.map((entry, i) => ({ row: i + 2, entry })), head };
}

describe('the log chain', () => {
  it('numbers events, chains them, and continues from the head', () => {
    const first = chainEvents(null, [event(1)], now, sign);
    const second = chainEvents(first.head, [event(2)], now, sign);
    expect(second.entries[0]?.id).toBe('LG-000002');
    const rows = [...first.entries, ...second.entries].map((entry, i) => ({ row: i + 2, entry }));
    expect(verifyChain(rows, second.head, sign)).toEqual({ ok: true, entries: 2 });
  });

  it.each<
    [string, (rows: { row: number; entry: LogEntry }[]) => { row: number; entry: LogEntry }[], number, RegExp]
  >([
    [
      'an edited row',
      (rows) => rows.map((r, i) => (i === 2 ? { ...r, entry: { ...r.entry, after: 'WF-009' } } : r)),
      4,
      /does not match its chain hash/,
    ],
    [
      'a deleted row',
      (rows) => rows.filter((_, i) => i !== 1).map((r, i) => ({ ...r, row: i + 2 })),
      3,
      /should be event LG-000002/,
    ],
    [
      'an inserted row',
      ([first, ...rest]) =>
        first
          ? [
              first,
              ...rest.slice(0, 1),
              { row: 0, entry: { ...first.entry, id: 'LG-000003' } },
              ...rest.slice(1),
            ].map((r, i) => ({ ...r, row: i + 2 }))
          : [],
      4,
      /does not match its chain hash/,
    ],
    ['rows cut from the end', (rows) => rows.slice(0, 3), 5, /rows were removed from the end/],
    [
      'a forged row re-signed without the secret',
      (rows) => rows.map((r, i) => (i === 4 ? { ...r, entry: { ...r.entry, who: 'x', hash: 'forged' } } : r)),
      6,
      /does not match/,
    ],
  ])('reports %s at the first broken row', (_case, tamper, row, message) => {
    const { rows, head } = chain(5);
    const check = verifyChain(tamper(rows), head, sign);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.row).toBe(row);
    expect(check.message).toMatch(message);
  });
});
