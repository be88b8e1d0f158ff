import { describe, expect, it } from '@jest/globals';
import { approvalRow } from './approval-records';
import { awaitingSend, withSentIds } from './request-delivery';

const request = (cells: Record<string, unknown>) =>
  approvalRow(2, { id: 'AP-1', status: 'Sent', approver: 'sam@district.example.org', ...cells });
const outboxRow = (state: 'Pending' | 'Sent') => ({
  token: 'AP-1',
  kind: 'Request' as const,
  state,
  messageId: state === 'Sent' ? 'm-1' : '',
  threadId: state === 'Sent' ? 't-1' : '',
});

describe('a request row written once, before its email goes', () => {
  it('takes its Gmail IDs from its Outbox row once that is sent', () => {
    const [sent] = withSentIds([request({})], [outboxRow('Sent')]);
    expect(sent).toMatchObject({ messageId: 'm-1', threadId: 't-1' });
    expect(sent && awaitingSend(sent)).toBe(false);
  });

  it('waits for the Outbox while its email is still to go', () => {
    const [waiting] = withSentIds([request({})], [outboxRow('Pending')]);
    expect(waiting).toMatchObject({ messageId: '', threadId: '' });
    expect(waiting && awaitingSend(waiting)).toBe(true);
    expect(awaitingSend(request({ status: 'Sending' }))).toBe(true);
  });

  it('keeps the IDs a row of a run from before holds', () => {
    const [old] = withSentIds([request({ messageId: 'm-0', threadId: 't-0' })], [outboxRow('Sent')]);
    expect(old).toMatchObject({ messageId: 'm-0', threadId: 't-0' });
    expect(old && awaitingSend(old)).toBe(false);
  });
});
