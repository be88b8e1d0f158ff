import { describe, expect, it } from '@jest/globals';
import type { ApprovalChain, Approver } from './approval-chain';
import { chainProgress } from './approval-flow';
import { approvalRow } from './approval-records';
import { checkMessage, nextStepDue, requestsToRead } from './reply-check';

const me = 'coordinator@district.example.org';
const row = (n: number, cells: Record<string, unknown>) =>
  approvalRow(n, { id: `AP-${n}`, workflowId: 'WF-001', planVersion: 'v-2', requestedBy: me, ...cells });

describe('the requests a reply check reads', () => {
  const records = [
    row(2, { status: 'Sent', messageId: 'm-2', threadId: 't-2' }),
    row(3, { status: 'Needs review' }),
    row(4, { status: 'Sending' }),
    row(5, { status: 'Approved', receipt: 'Sent' }),
    row(6, { status: 'Approved', receipt: 'Sending' }),
    row(7, { status: 'Approved', receipt: 'Sent', planVersion: 'v-1' }),
    row(8, { status: 'Sent', requestedBy: 'someone@district.example.org' }),
    row(9, { status: 'Rejected', receipt: 'Sent' }),
    // Written before its email went, which the Outbox has not sent yet: no thread to read.
    row(10, { status: 'Sent' }),
  ];
  const plan = { workflowId: 'WF-001', version: 'v-2' };

  it('are mine still waiting (their email gone), and approvals of this version whose receipt went out (open to CHANGES)', () => {
    expect(requestsToRead(records, me, plan, false).map((r) => r.row)).toEqual([2, 3, 5]);
  });

  it('are none in an hour that is there only to send queued mail', () => {
    expect(requestsToRead(records, me, plan, true)).toEqual([]);
  });
});

describe('the next step', () => {
  const person = (email: string): Approver => ({ role: email, name: '', email, aliases: [], language: 'en' });
  const chain: ApprovalChain = {
    steps: [
      {
        number: 1,
        name: 'Technology review',
        condition: '',
        applies: true,
        approvers: [person('sam@d.org')],
      },
      {
        number: 2,
        name: 'Final approval',
        condition: '',
        applies: true,
        approvers: [person('rivera@d.org')],
      },
    ],
    problems: [],
  };
  const first = row(2, { step: 1, approver: 'sam@d.org', status: 'Approved' });

  it('is sent by the check once the step before it approved, and never the first step', () => {
    expect(nextStepDue(chainProgress(chain, [first], 'WF-001', 'v-2'), false, null)).toBe(true);
    expect(nextStepDue(chainProgress(chain, [], 'WF-001', 'v-2'), false, null)).toBe(false);
  });

  it('waits when the check was cut short or the send gate refuses', () => {
    const progress = chainProgress(chain, [first], 'WF-001', 'v-2');
    expect(nextStepDue(progress, true, null)).toBe(false);
    expect(nextStepDue(progress, false, 'The checklist is not ready.')).toBe(false);
    expect(nextStepDue(null, false, null)).toBe(false);
  });
});

describe('the check’s one-line summary', () => {
  it('says what was read and recorded, and only the rest that happened', () => {
    expect(checkMessage({ read: 1, decided: 0, review: 0, sent: 0, partial: false })).toBe(
      'Read 1 pending request; 0 decisions recorded.',
    );
    expect(checkMessage({ read: 4, decided: 1, review: 2, sent: 1, partial: true })).toBe(
      'Read 4 pending requests; 1 decision recorded; 2 to review; 1 next-step request sent; stopped early to stay within the time limit; the next check continues.',
    );
  });
});
