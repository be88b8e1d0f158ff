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
  return {
    state,
    event: {
      who: me,
      action: noticeAction[kind],
      subject: record.id,
      before: 'Sending',
      after: state,
      note: sent
        ? `To ${record.approver}, in the request's thread.`
        : queued === 'Cancelled'
          ? 'Not sent: cancelled when its row did not ask for it (a run cut off in between).'
          : 'Not sent: in the thread it would not have gone to the approver alone.',
    },
  };
}

/** The Log's name for a notice sent (the journal looks it up by this). */
export const noticeAction: Record<NoticeKind, string> = {
  receipt: 'Receipt sent',
  note: 'Unreadable-reply note sent',
};
