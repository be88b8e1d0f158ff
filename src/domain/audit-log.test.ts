import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import {
  chainEvents,
  completeAppend,
  emptyHead,
  parseHead,
  verifyChain,
  type LogEntry,
  type LogHead,
} from './audit-log';

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
    emptyHead,
    Array.from({ length: count }, (_, i) => event(i + 1)),
    now,
    sign,
  );
  return { rows: entries.map((entry, i) => ({ row: i + 2, entry })), head };
}

describe('the log chain', () => {
  it('numbers events, chains them, and continues from the head', () => {
    const first = chainEvents(emptyHead, [event(1)], now, sign);
    const second = chainEvents(first.head, [event(2)], now, sign);
    expect(second.entries[0]?.id).toBe('LG-000002');
    const rows = [...first.entries, ...second.entries].map((entry, i) => ({ row: i + 2, entry }));
    expect(verifyChain(rows, second.head, sign)).toEqual({
      ok: true,
      entries: 2,
      repaired: [],
      unfinished: 0,
    });
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

describe('the head kept beside the secret', () => {
  it('tracks the row of the last event, so an append needs no read of the Log', () => {
    const first = chainEvents(emptyHead, [event(1), event(2)], now, sign);
    expect(first.head).toMatchObject({ count: 2, row: 3 });
    expect(chainEvents(first.head, [event(3)], now, sign).head).toMatchObject({ count: 3, row: 4 });
  });

  it.each<
    [string, (rows: { row: number; entry: LogEntry }[], head: LogHead) => [typeof rows, LogHead], RegExp]
  >([
    [
      'a stored hash that no longer matches the sheet',
      (rows, head) => [rows, { ...head, hash: 'something else' }],
      /Log row 6 \(LG-000005\) is not the last event the add-on wrote/,
    ],
    [
      'a row appended by hand after the last event',
      (rows, head) => [rows, { ...head, count: 4, hash: rows[3]?.entry.hash ?? '', row: 5 }],
      /Log row 6 \(LG-000005\) was added after the last event the add-on wrote \(LG-000004\)/,
    ],
    [
      'an empty row inserted above the last event',
      (rows, head) => [rows.map((r, i) => (i === 4 ? { ...r, row: 7 } : r)), head],
      /LG-000005 is on row 7, but the add-on wrote it on row 6/,
    ],
  ])('reports %s', (_case, tamper, message) => {
    const { rows, head } = chain(5);
    const check = verifyChain(...tamper(rows, head), sign);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });

  it('tells rows a cut-off run appended (noted as pending) from rows added by hand', () => {
    const { rows, head } = chain(5);
    const before = { count: 3, hash: rows[2]?.entry.hash ?? '', row: 4 };
    const cutOff = { ...before, pending: { count: 5, hash: head.hash, from: 5 } };
    expect(verifyChain(rows, cutOff, sign)).toEqual({ ok: true, entries: 5, repaired: [], unfinished: 2 });
    expect(verifyChain(rows, before, sign).ok).toBe(false);
  });

  it.each([
    ['every row written', 2, { count: 5, row: 6 }, [{ first: 'LG-000004', last: 'LG-000005' }]],
    ['one row of two written', 1, { count: 4, row: 5 }, [{ first: 'LG-000004', last: 'LG-000004' }]],
    ['no row written', 0, { count: 3, row: 4 }, undefined],
  ])('completes an append cut off with %s, and drops the note', (_case, written, expected, repaired) => {
    const { rows, head } = chain(5);
    const before: LogHead = {
      count: 3,
      hash: rows[2]?.entry.hash ?? '',
      row: 4,
      pending: { count: 5, hash: head.hash, from: 5 },
    };
    const found = rows.slice(3, 3 + written).map((r) => r.entry);
    const done = completeAppend(before, found, sign);
    expect(done.kept).toBe(written);
    expect(done.head).toMatchObject(expected);
    expect(done.head.pending).toBeUndefined();
    expect(done.head.repaired).toEqual(repaired);
    expect(done.head.hash).toBe(written === 0 ? before.hash : rows[2 + written]?.entry.hash);
  });

  it('keeps nothing a cut-off run did not sign: rows typed where its rows were to go', () => {
    const { rows, head } = chain(5);
    const before: LogHead = {
      count: 3,
      hash: rows[2]?.entry.hash ?? '',
      row: 4,
      pending: { count: 5, hash: head.hash, from: 5 },
    };
    const typed = rows.slice(3).map((r) => ({ ...r.entry, who: 'someone else' }));
    expect(completeAppend(before, typed, sign)).toMatchObject({ kept: 0, head: { count: 3, row: 4 } });
  });

  it('reads a head stored before rows were kept in it, and nothing unreadable', () => {
    expect(parseHead('{"count":2,"hash":"ab"}')).toMatchObject({ count: 2, hash: 'ab' });
    expect(Number.isNaN(parseHead('{"count":2,"hash":"ab"}')?.row)).toBe(true);
    expect(parseHead('not json')).toBeNull();
    expect(parseHead(null)).toBeNull();
  });
});
