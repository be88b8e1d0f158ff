import type { ApprovalRecord, NoticeState } from './approval-records';
import type { LogEvent } from './audit-log';
import { unsent, type MailState } from './outbox';

export type NoticeKind = 'receipt' | 'note';

/**
 * A receipt or unreadable-reply note the Outbox has settled, into its row: Sent, or Not sent when
 * Gmail's reply would have reached someone besides the approver (or it was cancelled). Logged
 * once: not when a journal waiting for the Log already has it. Null while it is still to go.
 */
export function noticeOutcome(
  kind: NoticeKind,
  record: ApprovalRecord,
  queued: MailState | '',
  /** Whether a journal waiting for the Log has its event (asked only once it is settled). */
  journaled: () => boolean,
  me: string,
): { state: NoticeState; event: LogEvent | null } | null {
  if (unsent(queued)) return null;
  const sent = queued === 'Sent';
  const state = sent ? 'Sent' : 'Not sent';
  if (journaled()) return { state, event: null };
  const cancelled = 'Not sent: cancelled when its row did not ask for it (a run cut off in between).';
  return {
    state,
    event: noticeEvent(kind, record, me, 'Sending', state, queued === 'Cancelled' ? cancelled : null),
  };
}

/**
 * A receipt or note this run decided, into its row with the decision, before it goes: "Sent" (queued in
 * the Outbox; one the run's pacing leaves for a later run stays "Sending" until then) unless `reaches`
 * says the thread's last message, as the reader parsed it, would take a reply to someone besides the
 * approver: then "Not sent", and nothing is queued. `reaches` null: not known before sending, so the send decides (it sends
 * nothing to anyone else). Logged once, with the decision it follows from.
 */
export function noticeDecided(
  kind: NoticeKind,
  record: ApprovalRecord,
  reaches: boolean | null,
  me: string,
): { state: NoticeState; event: LogEvent } {
  const state = reaches === false ? 'Not sent' : 'Sent';
  return { state, event: noticeEvent(kind, record, me, '', state, null) };
}

/** The Log's event for a notice's state; `notSent` says why when it is not the thread's route. */
function noticeEvent(
  kind: NoticeKind,
  record: ApprovalRecord,
  me: string,
  before: string,
  state: NoticeState,
  notSent: string | null,
): LogEvent {
  return {
    who: me,
    action: noticeAction[kind],
    subject: record.id,
    before,
    after: state,
    note:
      state === 'Sent'
        ? `To ${record.approver}, in the request's thread.`
        : (notSent ?? 'Not sent: in the thread it would not have gone to the approver alone.'),
  };
}

/** The Log's name for a notice sent (the journal looks it up by this). */
export const noticeAction: Record<NoticeKind, string> = {
  receipt: 'Receipt sent',
  note: 'Unreadable-reply note sent',
};
