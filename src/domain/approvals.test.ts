import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { readApprovalChain } from './approval-chain';
import {
  addressOf,
  chainProgress,
  checkSender,
  escalationDue,
  reminderDue,
  staleRequests,
} from './approval-flow';
import type { ApprovalRecord } from './approval-records';
import { firstHeader } from './mail-headers';
import { requestToken, tokenInSubject } from './request-token';
import { readTableData } from './table';
import type { WorkflowRecord } from './workflow-records';

const noFlags = {
  familyFacing: false,
  studentFacing: false,
  collectsFromStudents: false,
  nonEnglish: false,
  newVendor: false,
  dutiesChange: false,
};
const workflow = (extra: Partial<WorkflowRecord> = {}): WorkflowRecord => ({
  row: 2,
  id: 'WF-001',
  name: 'FAQ drafting',
  description: '',
  team: '',
  timeLost: '',
  fragmented: '',
  frequentSafe: '',
  dataTier: 'Green',
  kind: '',
  flags: { ...noFlags },
  selected: true,
  ...extra,
});

const columns = settingsTemplate.columns.map((c) => c.key);
const headers = settingsTemplate.columns.map((c) => c.header);
const people: Record<string, [string, string, string?]> = {
  'role.sponsor': ['Dr. Rivera', 'rivera@district.example.org'],
  'role.technology': ['Sam Ortiz', 'sam@district.example.org'],
  'role.privacy': [
    'Pat Lee',
    'Pat.Lee@district.example.org',
    'pat@home.example.com, plee@district.example.org',
  ],
  'role.legal': ['Lee Chan', 'legal@district.example.org'],
  'role.accessibility': ['Ana Ruiz', 'ana@district.example.org'],
  'role.hr': ['Jo Kim', 'hr@district.example.org'],
  'role.communications': ['Cam Diaz', 'comms@district.example.org'],
  'role.procurement': ['Pia Park', 'buying@district.example.org'],
  'role.curriculum': ['Cy Moss', 'curriculum@district.example.org'],
};

/** The default Settings rows with people filled in, then `change` applied by row ID. */
function settings(change: Record<string, Record<string, string>> = {}) {
  const lines = settingsTemplate.defaultRows.map((row) => {
    const values: Record<string, unknown> = { ...row.values };
    const person = people[String(values['id'])];
    if (person) Object.assign(values, { value: person[0], email: person[1], aliases: person[2] ?? '' });
    Object.assign(values, change[String(values['id'])] ?? {});
    return columns.map((key) => values[key] ?? '');
  });
  return readTableData(settingsTemplate, [headers, ...lines]);
}

describe('the approval chain from Settings', () => {
  it('orders the steps, with parallel approvers, and skips conditional steps that do not apply', () => {
    const chain = readApprovalChain(settings(), workflow());
    expect(chain.problems).toEqual([]);
    expect(chain.steps.map((s) => [s.number, s.applies, s.approvers.map((a) => a.email)])).toEqual([
      [1, true, ['sam@district.example.org']],
      [2, false, ['pat.lee@district.example.org']],
      [3, false, ['legal@district.example.org', 'buying@district.example.org']],
      [4, false, ['ana@district.example.org']],
      [5, false, ['comms@district.example.org']],
      [6, false, ['curriculum@district.example.org']],
      [7, false, ['hr@district.example.org']],
      [8, true, ['rivera@district.example.org']],
    ]);
    expect(chain.steps[1]?.approvers[0]?.aliases).toEqual([
      'pat@home.example.com',
      'plee@district.example.org',
    ]);
  });

  it.each<[string, Partial<WorkflowRecord>, string[]]>([
    ['a new vendor', { flags: { ...noFlags, newVendor: true } }, ['Legal and procurement review']],
    ['personal data (Amber)', { dataTier: 'Amber' }, ['Privacy review']],
    ['student records (Red)', { dataTier: 'Red' }, ['Privacy review']],
    ['internal data (Yellow)', { dataTier: 'Yellow' }, []],
    ['family-facing output', { flags: { ...noFlags, familyFacing: true } }, ['Communications review']],
    ['student-facing use', { flags: { ...noFlags, studentFacing: true } }, ['Curriculum review']],
  ])('adds the step %s calls for', (_case, extra, added) => {
    const chain = readApprovalChain(settings(), workflow(extra));
    expect(chain.steps.filter((s) => s.applies).map((s) => s.name)).toEqual([
      'Technology review',
      ...added,
      'Final approval',
    ]);
  });

  it.each<[string, Record<string, Record<string, string>>, string]>([
    [
      'an unknown role',
      { 'step.8': { value: 'Superintendent' } },
      'step 8 names the role “Superintendent”, which is not a Role in Settings.',
    ],
    [
      'a person without an email',
      { 'role.sponsor': { email: '' } },
      'Executive sponsor has no email address; step 8 (Final approval) needs one.',
    ],
    [
      'an email that is not one',
      { 'role.technology': { email: 'sam at district' } },
      'the email for Technology director (“sam at district”) is not an email address.',
    ],
    [
      'a step with no role',
      { 'step.1': { value: '' } },
      'step 1 (Technology review) names no approving role.',
    ],
    ['an unknown condition', { 'step.2': { condition: 'Sometimes' } }, 'step 2 applies when “Sometimes”'],
    [
      'an alias that is not an address',
      { 'role.privacy': { aliases: 'pat' } },
      '“pat” (another address for Privacy officer) is not an email address.',
    ],
  ])('reports %s with its row', (_case, change, message) => {
    const chain = readApprovalChain(settings(change), workflow());
    expect(chain.problems.join('\n')).toContain(message);
  });

  it('reports an empty chain', () => {
    const change = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`step.${n}`, { condition: 'New vendor' }]),
    );
    expect(readApprovalChain(settings(change), workflow()).problems).toContain(
      'The approval chain in Settings has no step that applies to this workflow.',
    );
  });
});

describe('where the chain stands', () => {
  // A district whose technology and privacy reviewers approve in parallel, in one step.
  const chain = readApprovalChain(
    settings({ 'step.1': { value: 'Technology director, Privacy officer' } }),
    workflow(),
  );
  let next = 0;
  const record = (
    step: number,
    approver: string,
    status: ApprovalRecord['status'],
    extra: Partial<ApprovalRecord> = {},
  ): ApprovalRecord => ({
    row: 2 + next++,
    id: `AP-${String(next).padStart(8, '0')}`,
    workflowId: 'WF-001',
    step,
    role: '',
    approver,
    planVersion: 'v-1',
    status,
    sent: new Date('2026-11-02T15:00:00Z'),
    due: '',
    reminders: 0,
    decided: null,
    decision: '',
    comment: '',
    reviewNote: '',
    replyMessageId: '',
    resolvedBy: '',
    seal: '',
    tampered: null,
    messageId: 'm',
    threadId: 't',
    checkedThrough: '',
    escalated: null,
    requestedBy: 'owner@district.example.org',
    receipt: '',
    note: '',
    uncounted: '',
    ...extra,
  });
  const sam = 'sam@district.example.org';
  const pat = 'pat.lee@district.example.org';
  const rivera = 'rivera@district.example.org';

  it.each<[string, ApprovalRecord[], string, number | null, string[]]>([
    ['nothing sent yet', [], 'not-sent', 1, [sam, pat]],
    ['step 1 half answered', [record(1, sam, 'Approved'), record(1, pat, 'Sent')], 'waiting', 1, []],
    [
      'step 1 approved by both',
      [record(1, sam, 'Approved'), record(1, pat, 'Approved')],
      'not-sent',
      8,
      [rivera],
    ],
    [
      'a reply needs review',
      [record(1, sam, 'Approved'), record(1, pat, 'Needs review')],
      'needs-review',
      1,
      [],
    ],
    ['changes requested', [record(1, sam, 'Changes requested'), record(1, pat, 'Sent')], 'stopped', 1, []],
    [
      'everyone approved',
      [record(1, sam, 'Approved'), record(1, pat, 'Approved'), record(8, rivera, 'Approved')],
      'approved',
      null,
      [],
    ],
    [
      'approvals of an older version',
      [record(1, sam, 'Approved', { planVersion: 'v-0' })],
      'not-sent',
      1,
      [sam, pat],
    ],
    ['a stale request', [record(1, sam, 'Stale')], 'not-sent', 1, [sam, pat]],
    [
      'another workflow’s approvals',
      [record(1, sam, 'Approved', { workflowId: 'WF-002' })],
      'not-sent',
      1,
      [sam, pat],
    ],
  ])('%s', (_case, records, state, current, toSend) => {
    const progress = chainProgress(chain, records, 'WF-001', 'v-1');
    expect(progress.state).toBe(state);
    expect(progress.current?.step.number ?? null).toBe(current);
    expect(progress.toSend.map((a) => a.email)).toEqual(toSend);
  });

  it('finds the requests a plan change or a new selection made stale', () => {
    const records = [
      record(1, sam, 'Approved', { planVersion: 'v-0' }),
      record(1, pat, 'Sent'),
      record(1, pat, 'Stale', { planVersion: 'v-0' }),
      record(1, rivera, 'Sent', { workflowId: 'WF-003' }),
    ];
    expect(staleRequests(records, 'WF-001', 'v-1').map((r) => r.approver)).toEqual([sam, rivera]);
  });

  it.each<[string, number, Date, boolean]>([
    ['before the reminder day', 0, new Date('2026-11-04T15:00:00Z'), false],
    ['on the reminder day', 0, new Date('2026-11-05T15:00:00Z'), true],
    ['after one reminder, before the second is due', 1, new Date('2026-11-07T15:00:00Z'), false],
    ['after one reminder, when the second is due', 1, new Date('2026-11-08T15:00:00Z'), true],
    ['after the last reminder', 2, new Date('2026-12-30T15:00:00Z'), false],
  ])('reminds %s', (_case, reminders, now, due) => {
    expect(reminderDue(record(1, sam, 'Sent', { reminders }), now, 3)).toBe(due);
  });

  it('escalates once, after the escalation days', () => {
    expect(escalationDue(record(1, sam, 'Sent'), new Date('2026-11-06T15:00:00Z'), 5)).toBe(false);
    expect(escalationDue(record(1, sam, 'Sent'), new Date('2026-11-07T15:00:00Z'), 5)).toBe(true);
    expect(
      escalationDue(record(1, sam, 'Sent', { escalated: new Date() }), new Date('2026-11-20T15:00:00Z'), 5),
    ).toBe(false);
    expect(escalationDue(record(1, sam, 'Approved'), new Date('2026-11-20T15:00:00Z'), 5)).toBe(false);
  });
});

describe('who counts', () => {
  const approver = { email: 'pat.lee@district.example.org', aliases: ['pat@home.example.com'] };

  it.each<[string, string, string, boolean]>([
    ['the approver', 'Pat Lee <pat.lee@district.example.org>', '', true],
    ['the approver in capitals', '"Lee, Pat" <PAT.LEE@District.Example.Org>', '', true],
    ['a configured alias', 'pat@home.example.com', '', true],
    ['someone else', 'Sam Ortiz <sam@district.example.org>', '', false],
    ['someone else using the approver’s name', '"Pat Lee" <pat.lee@evil.example.com>', '', false],
    [
      'the approver’s address as a display name',
      '"pat.lee@district.example.org" <attacker@evil.example.com>',
      '',
      false,
    ],
    ['a look-alike domain', 'pat.lee@district-example.org', '', false],
    [
      'a DMARC failure',
      'pat.lee@district.example.org',
      'mx.google.com; dmarc=fail (p=NONE) header.from=district.example.org',
      false,
    ],
    [
      'a DMARC pass',
      'pat.lee@district.example.org',
      'mx.google.com; dmarc=pass header.from=district.example.org',
      true,
    ],
    ['no address at all', 'Pat Lee', '', false],
  ])('%s', (_case, from, auth, counts) => {
    expect(checkSender(from, approver, auth).counts).toBe(counts);
  });

  it('reads the address, not the display name', () => {
    expect(addressOf('"a@b.org" <c@d.org>')).toBe('c@d.org');
  });
});

describe('request tokens', () => {
  const sign = (secret: string) => (text: string) => createHmac('sha256', secret).update(text).digest('hex');

  it('are AP- and eight base-32 characters, stable for the same details', () => {
    const token = requestToken(sign('s1'), 'sheet-1', ['WF-001', 'v-1', '1', 'pat@x.org', '1']);
    expect(token).toMatch(/^AP-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(requestToken(sign('s1'), 'sheet-1', ['WF-001', 'v-1', '1', 'pat@x.org', '1'])).toBe(token);
  });

  it('differ between documents and between secrets', () => {
    const details = ['WF-001', 'v-1', '1', 'pat@x.org', '1'];
    const token = requestToken(sign('s1'), 'sheet-1', details);
    expect(requestToken(sign('s1'), 'sheet-2', details)).not.toBe(token);
    expect(requestToken(sign('s2'), 'sheet-1', details)).not.toBe(token);
  });

  it('are found in a reply’s subject', () => {
    expect(tokenInSubject('RE: Re: [AI Plan AP-7K2Q9F3M] Approval needed: FAQ')).toBe('AP-7K2Q9F3M');
    expect(tokenInSubject('Approval needed')).toBeNull();
  });
});

describe('reading Gmail’s own verdict from the raw message', () => {
  const raw = [
    'Delivered-To: owner@district.example.org',
    'Authentication-Results: mx.google.com;',
    '       dkim=pass header.i=@district.example.org;',
    '       dmarc=fail (p=NONE) header.from=district.example.org',
    'From: Pat Lee <pat.lee@district.example.org>',
    'Authentication-Results: forged; dmarc=pass',
    '',
    'Authentication-Results: in the body; dmarc=pass',
  ].join('\r\n');

  it('takes the first Authentication-Results header, unfolded, and ignores a forged one below it', () => {
    expect(firstHeader(raw, 'authentication-results')).toBe(
      'mx.google.com; dkim=pass header.i=@district.example.org; dmarc=fail (p=NONE) header.from=district.example.org',
    );
  });

  it('does not read the body', () => {
    expect(firstHeader('Subject: x\n\nX-Autoreply: yes', 'X-Autoreply')).toBe('');
  });
});
