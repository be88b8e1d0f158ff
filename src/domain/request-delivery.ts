import type { ApprovalRecord } from './approval-records';
import type { OutboxRecord } from './outbox';

/**
 * A request row is written once, before its email goes: "Sent", at the run's time. The email's Gmail
 * IDs are then the Outbox's to hold (its row, the request's ID as token, once sent): a run that reads
 * both takes them from there. A row that holds IDs of its own (written by a run from before) keeps them.
 */
export function withSentIds(
  records: readonly ApprovalRecord[],
  outbox: readonly Pick<OutboxRecord, 'token' | 'kind' | 'state' | 'messageId' | 'threadId'>[],
): ApprovalRecord[] {
  const sent = new Map(
    outbox.filter((o) => o.kind === 'Request' && o.state === 'Sent').map((o) => [o.token, o] as const),
  );
  return records.map((r) => {
    const email = r.messageId === '' && r.threadId === '' ? sent.get(r.id) : undefined;
    return email ? { ...r, messageId: email.messageId, threadId: email.threadId } : r;
  });
}

/**
 * A request whose email has not gone yet, as far as the rows read say: written "Sent" with no Gmail IDs
 * (its Outbox row still to send, or not read here), or left "Sending" by a run from before. Nothing
 * in its thread is read, and nobody is chased, until the Outbox has sent it.
 */
export const awaitingSend = (r: ApprovalRecord): boolean =>
  r.status === 'Sending' || (r.status === 'Sent' && r.messageId === '' && r.threadId === '');
