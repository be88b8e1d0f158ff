import { describe, expect, it } from '@jest/globals';
import type { Approver } from './approval-chain';
import { chase, readTiming, type ChaseFacts } from './approval-chase';
import { approvalRow } from './approval-records';
import { readTableData } from './table';
import { settings as settingsTemplate } from '../../sheets-templates/settings';

const DAY = 86400000;
const sent = new Date('2026-12-01T09:00:00Z');
const approver: Approver = {
  role: 'Privacy officer',
  name: 'Pat Lee',
  email: 'pat@district.example.org',
  aliases: ['plee@home.example.com'],
  language: 'es',
};
const record = (cells: Record<string, unknown> = {}) =>
  approvalRow(4, {
    id: 'AP-7K2Q9F3M',
    step: 1,
    role: 'Privacy officer',
    approver: approver.email,
    status: 'Sent',
    sent,
    due: '2026-12-06',
    threadId: 'thread-1',
    ...cells,
  });
const facts = (days: number, extra: Partial<ChaseFacts> = {}): ChaseFacts => ({
  record: record(),
  approver,
  now: new Date(sent.getTime() + days * DAY),
  timing: { reminderDays: 3, escalationDays: 5 },
  sponsor: { name: 'Dr. Rivera', email: 'Rivera@district.example.org' },
  me: 'coordinator@district.example.org',
  requester: { name: 'Morgan Diaz', role: 'Workflow owner', email: 'coordinator@district.example.org' },
  ref: () => ({
    token: 'AP-7K2Q9F3M',
    planVersion: 'v-1',
    workflow: 'FAQ drafting',
    due: '2026-12-06',
    sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
  }),
  readershipOf: () => 'en',
  ...extra,
});

describe('chasing a request that waits for its reply', () => {
  it('asks nothing before the reminder is due, and never when the approver left the chain', () => {
    expect(chase(facts(2.9))).toEqual({ changes: {}, events: [], email: null });
    expect(chase(facts(4, { approver: undefined }))).toEqual({ changes: {}, events: [], email: null });
  });

  it('reminds in the thread, in the approver’s language, with the due date, to them and their aliases only', () => {
    const due = chase(facts(3));
    expect(due.changes).toEqual({ reminders: 1 });
    expect(due.events.map((e) => [e.action, e.before, e.after])).toEqual([['Reminder sent', '0', '1']]);
    expect(due.email).toMatchObject({
      kind: 'Reminder',
      tokenParts: ['Reminder', 'AP-7K2Q9F3M', '1'],
      to: approver.email,
      cc: '',
      inThread: 'thread-1',
      allowed: [approver.email, 'plee@home.example.com', 'rivera@district.example.org'],
    });
    expect(due.email?.plain).toContain('6 de diciembre');
  });

  it('escalates once at the escalation day, copying the sponsor in both readers’ languages', () => {
    const due = chase(facts(5, { record: record({ reminders: 1 }) }));
    expect(due.changes.escalated).toEqual(new Date(sent.getTime() + 5 * DAY));
    expect(due.events.map((e) => e.action)).toEqual(['Escalated to the sponsor']);
    expect(due.events[0]?.note).toBe("rivera@district.example.org copied in the request's thread.");
    expect(due.email).toMatchObject({
      kind: 'Escalation',
      cc: 'rivera@district.example.org',
      tokenParts: ['Escalation', 'AP-7K2Q9F3M'],
    });
    expect(due.email?.plain).toContain('No reply in 5 days: Dr. Rivera, the executive sponsor, is copied.');
    expect(due.email?.plain).toContain('Sin respuesta en 5 días: se envía copia a Dr. Rivera');
    expect(chase(facts(9, { record: record({ reminders: 2, escalated: new Date() }) })).email).toBeNull();
  });

  it('logs an escalation with nobody to tell when the sponsor is the approver', () => {
    const due = chase(
      facts(5, { record: record({ reminders: 1 }), sponsor: { name: 'Pat Lee', email: approver.email } }),
    );
    expect(due.events.map((e) => [e.action, e.note])).toEqual([
      ['Escalated to the sponsor', 'No other sponsor to tell.'],
    ]);
    expect(due.email).toBeNull();
  });
});

describe('the timing in Settings', () => {
  it('reads whole days from 1 to 60, and the defaults otherwise', () => {
    const columns = settingsTemplate.columns.map((c) => c.key);
    const table = (reminder: string) =>
      readTableData(settingsTemplate, [
        settingsTemplate.columns.map((c) => c.header),
        ...[
          ['timing.reminderDays', reminder],
          ['timing.escalationDays', '7'],
        ].map(([id, value]) => columns.map((k) => (k === 'id' ? id : k === 'value' ? value : ''))),
      ]);
    expect(readTiming(table('2'))).toEqual({ reminderDays: 2, escalationDays: 7 });
    expect(readTiming(table('2.5'))).toEqual({ reminderDays: 3, escalationDays: 7 });
    expect(readTiming(table('61'))).toEqual({ reminderDays: 3, escalationDays: 7 });
  });
});
