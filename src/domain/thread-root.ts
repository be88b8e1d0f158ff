import type { ApprovalRecord } from './approval-records';
import { tokenInSubject } from './request-token';

/**
 * The request a thread's first message is, known without reading that message's ID: the walk back
 * over a thread (reply-inbox.ts) reaches the first message only when every later one is new to the
 * add-on. A request starts its own thread, so it is that thread's first message; and a request with
 * nothing read after it (no mark past it) has exactly one message the add-on knows there, its first.
 * So the first message is taken for the request that the first new message's subject names by its
 * token (never by thread ID), when that request was sent (its message ID is stored, in the sealed row)
 * and nothing after it has been read. Otherwise (no token, an unknown one, a request whose mark has
 * moved: its thread was read before, so the walk should have met that message) null, and the caller
 * reads the first message's ID as it reads every other.
 *
 * This only says which request the new messages follow; whether a reply counts is decided as for any
 * other (the named approver's address, Gmail's first Authentication-Results verdict, the token).
 */
export function threadRoot(
  records: readonly ApprovalRecord[],
  firstNewSubject: string,
): ApprovalRecord | null {
  const token = tokenInSubject(firstNewSubject);
  if (!token) return null;
  const record = records.find((r) => r.id === token);
  if (!record || record.messageId === '') return null;
  if (record.checkedThrough !== '' && record.checkedThrough !== record.messageId) return null;
  return record;
}
