import { describe, expect, it } from '@jest/globals';
import type { ApprovalChain, Approver } from './approval-chain';
import { approvalBoardFrom, editedNote } from './approval-board';
import { chainProgress } from './approval-flow';
import { approvalRow, type ApprovalRecord } from './approval-records';
import { withUncounted } from './uncounted-replies';

const person = (role: string, name: string, email: string): Approver => ({
  role,
  name,
  email,
  aliases: [],
  language: 'en',
});
const technology = person('Technology director', 'Sam Ortiz', 'sam@district.example.org');
const privacy = person('Privacy officer', '', 'pat@district.example.org');
const sponsor = person('Executive sponsor', 'Dr. Rivera', 'rivera@district.example.org');
const chain: ApprovalChain = {
  steps: [
    { number: 1, name: 'Technology review', condition: 'always', applies: true, approvers: [technology] },
    { number: 2, name: 'Privacy review', condition: 'student data', applies: false, approvers: [privacy] },
    { number: 3, name: 'Final approval', condition: 'always', applies: true, approvers: [sponsor] },
  ],
  problems: [],
};
const request = (row: number, cells: Record<string, unknown>): ApprovalRecord =>
  approvalRow(row, {
    workflowId: 'WF-001',
    planVersion: 'v-1',
    requestedBy: 'me@district.example.org',
    ...cells,
  });
const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

function boardOf(records: ApprovalRecord[], cannotSend: string | null = null) {
  return approvalBoardFrom({
    chain,
    progress: chainProgress(chain, records, 'WF-001', 'v-1'),
    records,
    selected: { id: 'WF-001', name: 'FAQ drafting' },
    version: 'v-1',
    ready: true,
    cannotSend,
    when,
  });
}

describe('the Approvals view', () => {
  it('shows each step with its approvers: sent, waiting, and the steps that do not apply', () => {
    const sent = new Date('2026-12-02T09:14:00Z');
    const board = boardOf([
      request(2, {
        id: 'AP-1',
        step: 1,
        role: 'Technology director',
        approver: technology.email,
        status: 'Sent',
        sent,
        reminders: 1,
      }),
    ]);
    expect(board.state).toBe('waiting');
    expect(board.summary).toBe('Waiting for replies.');
    expect(
      board.steps.map((s) => [s.number, s.applies, s.current, s.approvers.map((a) => [a.name, a.status])]),
    ).toEqual([
      [1, true, true, [['Sam Ortiz', 'Sent']]],
      [2, false, false, [['pat@district.example.org', 'Not needed']]],
      [3, true, false, [['Dr. Rivera', 'Not sent']]],
    ]);
    expect(board.steps[0]?.approvers[0]).toMatchObject({
      requestId: 'AP-1',
      sent: '2026-12-02 09:14',
      decided: '',
      reminders: 1,
    });
    expect(board.toSend).toBe(0);
  });

  it('lists a reply a person must read, with the reply and why the add-on did not decide', () => {
    const board = boardOf([
      request(2, {
        id: 'AP-1',
        step: 1,
        role: 'Technology director',
        approver: technology.email,
        status: 'Needs review',
        comment: 'Yes, but only for the spring term',
        reviewNote: 'The first word is not APPROVE, REJECT or CHANGES.',
      }),
    ]);
    expect(board.state).toBe('needs-review');
    expect(board.review).toEqual([
      {
        requestId: 'AP-1',
        role: 'Technology director',
        approver: 'Sam Ortiz',
        reply: 'Yes, but only for the spring term',
        reason: 'The first word is not APPROVE, REJECT or CHANGES.',
      },
    ]);
  });

  it('says why nothing can be sent, and offers nothing to send then', () => {
    const ready = boardOf([]);
    expect(ready.summary).toBe('Ready to send step 1: 1 request(s).');
    expect(ready.toSend).toBe(1);
    const refused = boardOf([], 'The selected workflow is no longer eligible: a scorer raised a red flag.');
    expect(refused.summary).toBe('The selected workflow is no longer eligible: a scorer raised a red flag.');
    expect(refused.cannotSend).toBe(refused.summary);
    expect(refused.toSend).toBe(0);
  });

  it('names who stopped the chain, and when every step approved, says the pilot can start', () => {
    const decided = new Date('2026-12-03T15:00:00Z');
    const stopped = boardOf([
      request(2, {
        id: 'AP-1',
        step: 1,
        role: 'Technology director',
        approver: technology.email,
        status: 'Changes requested',
        decided,
      }),
    ]);
    expect(stopped.summary).toBe(
      'Technology director answered “Changes requested”: change the plan, then send again.',
    );
    const approved = boardOf([
      request(2, {
        id: 'AP-1',
        step: 1,
        role: 'Technology director',
        approver: technology.email,
        status: 'Approved',
        decided,
      }),
      request(3, {
        id: 'AP-2',
        step: 3,
        role: 'Executive sponsor',
        approver: sponsor.email,
        status: 'Approved',
        decided,
      }),
    ]);
    expect(approved.state).toBe('approved');
    expect(approved.summary).toBe('Every step has approved this plan version. The pilot can start.');
    expect(approved.steps[2]?.approvers[0]?.decided).toBe('2026-12-03 15:00');
  });

  it('shows the replies that did not count, and the rows edited by hand', () => {
    const uncounted = withUncounted('', {
      when: '2026-12-02 10:00',
      from: 'someone@else.example.com',
      reason: 'it is not from the approver',
      text: 'APPROVE',
    });
    const edited: ApprovalRecord = {
      ...request(2, {
        id: 'AP-1',
        step: 1,
        role: 'Technology director',
        approver: technology.email,
        status: 'Sent',
        uncounted,
      }),
      tampered: { kind: 'edited', fields: ['status', 'decision'] },
    };
    const board = boardOf([edited]);
    expect(board.uncounted).toEqual([
      {
        requestId: 'AP-1',
        role: 'Technology director',
        lines: [expect.stringContaining('someone@else.example.com')],
      },
    ]);
    expect(board.edited).toEqual([
      'Approvals row 2 (AP-1, Technology director): Edited in the sheet — not counted — Status, Decision changed by hand; the add-on’s record stands.',
    ]);
  });
});

describe('a row edited by hand', () => {
  it('says which fields changed, or that its seal is gone; a row as the add-on wrote it has no note', () => {
    const row = request(7, { id: '', role: '' });
    expect(editedNote(row)).toBeNull();
    expect(editedNote({ ...row, tampered: { kind: 'unsealed' } })).toBe(
      'Approvals row 7 (no ID, no role): Edited in the sheet — not counted — its seal is missing or does not match.',
    );
  });
});
