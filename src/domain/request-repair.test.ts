import { describe, expect, it } from '@jest/globals';
import { approvalRow } from './approval-records';
import { repairOf, stillWanted } from './request-repair';

describe('an approval email waiting in the Outbox', () => {
  const row = (cells: Record<string, unknown>) => approvalRow(2, { id: 'AP-1', ...cells });

  it('goes only while its row still asks for it', () => {
    expect(stillWanted('Request', row({ status: 'Sending' }))).toBe('send');
    expect(stillWanted('Request', row({ status: 'Sent' }))).toBe('send');
    expect(stillWanted('Request', row({ status: 'Stale' }))).toBe('cancel');
    expect(stillWanted('Request', undefined)).toBe('cancel');
    expect(stillWanted('Receipt', row({ status: 'Approved', receipt: 'Sending' }))).toBe('send');
    // Written with the decision, before the email goes: the Outbox says whether it went.
    expect(stillWanted('Receipt', row({ status: 'Approved', receipt: 'Sent' }))).toBe('send');
    expect(stillWanted('Receipt', row({ status: 'Approved', receipt: 'Not sent' }))).toBe('cancel');
    expect(stillWanted('Receipt', row({ status: 'Approved', receipt: '' }))).toBe('cancel');
    expect(stillWanted('Reply note', row({ status: 'Needs review', note: 'Sending' }))).toBe('send');
    expect(stillWanted('Reply note', row({ status: 'Needs review', note: 'Sent' }))).toBe('send');
    expect(stillWanted('Reply note', row({ status: 'Needs review', note: '' }))).toBe('cancel');
  });

  it('of another kind (reminder, escalation, note to the requester) always goes', () => {
    for (const kind of ['Reminder', 'Escalation', 'Note'] as const)
      expect(stillWanted(kind, undefined)).toBe('send');
  });
});

describe('a request row a cut-off run left at Sending', () => {
  const current = { current: true, approverInChain: true };

  it('is recorded when its email went, and left to the Outbox while it is still to go', () => {
    expect(repairOf('Sent', current)).toBe('record sent');
    expect(repairOf('Pending', current)).toBe('wait');
    expect(repairOf('Queued', current)).toBe('wait');
  });

  it('with its email gone from the Outbox, is asked again only while it matches the plan and the chain', () => {
    expect(repairOf(null, current)).toBe('queue again');
    expect(repairOf(null, { current: false, approverInChain: true })).toBe('cancel');
    expect(repairOf(null, { current: true, approverInChain: false })).toBe('cancel');
    expect(repairOf('Cancelled', current)).toBe('cancel');
  });
});
