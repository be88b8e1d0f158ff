import { text, type TableData } from './table';

/** The Approvals sheet read as records: one request to one approver, and what became of it. */
export const approvalStatuses = [
  'Sending',
  'Sent',
  'Approved',
  'Rejected',
  'Changes requested',
  'Needs review',
  'Stale',
  'Cancelled',
] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/**
 * A receipt or an unreadable-reply note: "Sending" is written with the decision, before the email goes,
 * "Sent" after it; "Not sent" when it could not go to the approver alone.
 */
export const noticeStates = ['Sending', 'Sent', 'Not sent'] as const;
export type NoticeState = (typeof noticeStates)[number];

export interface ApprovalRecord {
  row: number;
  id: string;
  workflowId: string;
  step: number;
  role: string;
  approver: string;
  planVersion: string;
  status: ApprovalStatus | '';
  sent: Date | null;
  due: string;
  reminders: number;
  decided: Date | null;
  decision: string;
  comment: string;
  reviewNote: string;
  replyMessageId: string;
  messageId: string;
  threadId: string;
  checkedThrough: string;
  escalated: Date | null;
  requestedBy: string;
  receipt: NoticeState | '';
  note: NoticeState | '';
}

const notice = (value: unknown): NoticeState | '' => {
  const state = text(value);
  return (noticeStates as readonly string[]).includes(state) ? (state as NoticeState) : '';
};

const date = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : null);

export function readApprovals(table: TableData, dueShown: ReadonlyMap<number, string>): ApprovalRecord[] {
  return table.rows
    .map(({ row, cells }): ApprovalRecord => {
      const status = text(cells['status']);
      const step = Number(cells['step']);
      const reminders = Number(cells['reminders']);
      return {
        row,
        id: text(cells['id']),
        workflowId: text(cells['workflowId']),
        step: Number.isInteger(step) ? step : 0,
        role: text(cells['role']),
        approver: text(cells['approver']).toLowerCase(),
        planVersion: text(cells['planVersion']),
        status: (approvalStatuses as readonly string[]).includes(status) ? (status as ApprovalStatus) : '',
        sent: date(cells['sent']),
        due: cells['due'] instanceof Date ? (dueShown.get(row) ?? '') : text(cells['due']),
        reminders: Number.isInteger(reminders) && reminders > 0 ? reminders : 0,
        decided: date(cells['decided']),
        decision: text(cells['decision']),
        comment: text(cells['comment']),
        reviewNote: text(cells['reviewNote']),
        replyMessageId: text(cells['replyMessageId']),
        messageId: text(cells['messageId']),
        threadId: text(cells['threadId']),
        checkedThrough: text(cells['checkedThrough']),
        escalated: date(cells['escalated']),
        requestedBy: text(cells['requestedBy']).toLowerCase(),
        receipt: notice(cells['receipt']),
        note: notice(cells['note']),
      };
    })
    .filter((r) => r.id !== '');
}

/** Requests still in play: not replaced by a newer plan version and not cancelled. */
export const isLive = (r: ApprovalRecord): boolean => r.status !== 'Stale' && r.status !== 'Cancelled';

/** Waiting for the approver (or for a person to read their reply). */
export const isPending = (r: ApprovalRecord): boolean =>
  r.status === 'Sending' || r.status === 'Sent' || r.status === 'Needs review';
