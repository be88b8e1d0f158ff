import type { Approver } from './approval-chain';
import { addressOf, checkSender, replyOutcome } from './approval-flow';
import type { ApprovalRecord, ApprovalStatus } from './approval-records';
import type { LogEvent } from './audit-log';
import { oneLine } from './email-text';
import type { ParsedMessage } from './mime-message';
import { readReply, type ReplyReading } from './reply-reader';
import { tokenInSubject } from './request-token';

export interface ReplyFacts {
  record: ApprovalRecord;
  /** The request's status as this run has it: a second reply may follow a first in the same run. */
  status: string;
  /** The approver as the chain names them now; none when their role left the chain. */
  approver: Approver | undefined;
  /** Who runs the check (lower case): their own messages in the thread are passed over. */
  me: string;
  /** The message's Gmail ID, and its raw content parsed (fetched only once the request takes a reply). */
  id: string;
  parsed: () => ParsedMessage;
  /** Gmail's rendering of the body and its date, asked only where the raw content could not give them. */
  plainBody: () => string;
  date: () => Date;
}

/** What one new message in a request's thread does to the request. */
export type ReplyDecision =
  /** The request takes no reply now (decided, stale, cancelled): the message is not even marked read. */
  | { kind: 'closed' }
  /** Our own message (a reminder, a receipt): passed over. */
  | { kind: 'own' }
  /** Not the named approver, or a message naming another request: logged, never counted. */
  | { kind: 'not counted'; reason: string; from: string; event: LogEvent }
  /** A reply after a recorded approval that does not change it (only CHANGES or REJECT does). */
  | { kind: 'after approval'; event: LogEvent }
  | {
      kind: 'decided';
      status: ApprovalStatus;
      /** "Approve", "Reject", "Changes", or "" while it needs a person. */
      decision: string;
      changes: Record<string, unknown>;
      reading: ReplyReading;
      event: LogEvent;
      /** The reason it needs a person, for the unreadable-reply note; null for a clear decision (a receipt). */
      unreadable: string | null;
    };

/**
 * Only the named approver's reply counts (an alias of theirs too), checked against Gmail's first
 * Authentication-Results verdict; a message whose subject names another request does not count for
 * this one. A recorded approval stays open to a change of mind (CHANGES or REJECT) and to nothing else.
 */
export function decideReply(f: ReplyFacts): ReplyDecision {
  const { record, status, approver } = f;
  const correcting = record.status === 'Approved';
  if (status !== 'Sent' && status !== 'Needs review' && !(correcting && status === 'Approved'))
    return { kind: 'closed' };
  const parsed = f.parsed();
  const from = parsed.from;
  const address = addressOf(from);
  if (address === f.me) return { kind: 'own' };
  const token = tokenInSubject(parsed.subject);
  const sender = !approver
    ? { counts: false as const, reason: 'the approver’s role is no longer in the chain' }
    : token && token !== record.id
      ? { counts: false as const, reason: `its subject names another request (${token})` }
      : checkSender(from, approver, parsed.authenticationResults);
  if (!sender.counts)
    return {
      kind: 'not counted',
      reason: sender.reason,
      from: address || from,
      event: {
        who: address || oneLine(from, 80),
        action: 'Reply not counted',
        subject: record.id,
        before: '',
        after: '',
        note: `Not counted: ${sender.reason}.`,
      },
    };
  const reading = readReply({
    // The text from the raw content already fetched; Gmail's rendering only where it could not be read.
    body: parsed.text ?? f.plainBody(),
    subject: parsed.subject,
    autoReply: parsed.autoReply,
  });
  const outcome = replyOutcome(reading);
  if (status === 'Approved' && outcome.status !== 'Rejected' && outcome.status !== 'Changes requested')
    return {
      kind: 'after approval',
      event: {
        who: address,
        action: 'Reply after approval',
        subject: record.id,
        before: 'Approved',
        after: 'Approved',
        note: 'Left approved: only CHANGES or REJECT changes a recorded approval.',
      },
    };
  const review = outcome.status === 'Needs review';
  return {
    kind: 'decided',
    status: outcome.status,
    decision: outcome.decision,
    changes: {
      status: outcome.status,
      decision: outcome.decision,
      comment: reading.comment,
      reviewNote: reading.reason,
      decided: review ? null : (parsed.date ?? f.date()),
      replyMessageId: f.id,
      resolvedBy: '',
    },
    reading,
    event: {
      who: address,
      action: review ? 'Reply needs review' : 'Approval decision',
      subject: record.id,
      before: record.status,
      after: outcome.status,
      note: review ? reading.reason : reading.comment.slice(0, 300),
    },
    unreadable: review ? reading.reason : null,
  };
}
