import type { Signer } from './audit-log';
import { checkSeal, sealOf } from './record-seal';
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
 * A receipt or an unreadable-reply note, written in the run's one write, before the email goes: "Sent"
 * when that run sends it (the Outbox says when it went), "Sending" while it waits in the Outbox for a
 * later run (paced, or left by a run from before), "Not sent" when it could not go to the approver alone.
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
  /** The reviewer who resolved a reply the add-on could not read (empty when a reply decided). */
  resolvedBy: string;
  seal: string;
  /**
   * Set when the row's gated fields are not what the add-on wrote: `edited` names the fields typed in
   * by hand (the row counts with what the add-on wrote); `unsealed` means nothing in it counts.
   */
  tampered: { kind: 'edited'; fields: string[] } | { kind: 'unsealed' } | null;
  receipt: NoticeState | '';
  note: NoticeState | '';
  /** Replies that did not count, one line each, newest first (see uncounted-replies.ts). */
  uncounted: string;
}

const notice = (value: unknown): NoticeState | '' => {
  const state = text(value);
  return (noticeStates as readonly string[]).includes(state) ? (state as NoticeState) : '';
};

const date = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : null);

export function readApprovals(table: TableData, dueShown: ReadonlyMap<number, string>): ApprovalRecord[] {
  return table.rows.map(({ row, cells }) => approvalRow(row, cells, dueShown)).filter((r) => r.id !== '');
}

/** One request row from its cells by column key. */
export function approvalRow(
  row: number,
  cells: Readonly<Record<string, unknown>>,
  dueShown: ReadonlyMap<number, string> = new Map(),
): ApprovalRecord {
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
    resolvedBy: text(cells['resolvedBy']).toLowerCase(),
    receipt: notice(cells['receipt']),
    note: notice(cells['note']),
    uncounted: text(cells['uncounted']),
    seal: text(cells['seal']),
    tampered: null,
  };
}

/** Requests still in play: not replaced by a newer plan version and not cancelled. */
export const isLive = (r: ApprovalRecord): boolean => r.status !== 'Stale' && r.status !== 'Cancelled';

/** Waiting for the approver (or for a person to read their reply). */
export const isPending = (r: ApprovalRecord): boolean =>
  r.status === 'Sending' || r.status === 'Sent' || r.status === 'Needs review';

/** The fields of a request row that make it a decision, in seal order. */
export const sealedApprovalFields = [
  'workflowId',
  'step',
  'approver',
  'planVersion',
  'status',
  'decision',
  'replyMessageId',
  'resolvedBy',
  'messageId',
] as const;
type SealedField = (typeof sealedApprovalFields)[number];

const SEAL_KIND = 'approval';

function sealedValues(r: ApprovalRecord): string[] {
  return sealedApprovalFields.map((f) => String(r[f]));
}

/** The seal the add-on writes with a request row's gated fields. */
export function approvalSeal(sign: Signer, r: ApprovalRecord): string {
  return sealOf(sign, SEAL_KIND, r.id, sealedValues(r));
}

/**
 * Each row as the add-on wrote it: a field typed in by hand is replaced by the sealed value and the row
 * is flagged; a row without a valid seal is flagged and counts as cancelled (its approver is asked
 * again, by a request the add-on writes and seals).
 */
export function verifyApprovals(records: readonly ApprovalRecord[], sign: Signer): ApprovalRecord[] {
  return records.map((r) => {
    const check = checkSeal(sign, SEAL_KIND, r.id, r.seal, sealedValues(r));
    if (!check.ok) return { ...r, status: 'Cancelled', tampered: { kind: 'unsealed' } };
    if (check.edited.length === 0) return r;
    const sealed: Partial<Record<SealedField, string>> = {};
    sealedApprovalFields.forEach((f, i) => (sealed[f] = check.fields[i] ?? ''));
    const status = sealed.status ?? '';
    const step = Number(sealed.step);
    return {
      ...r,
      ...sealed,
      step: Number.isInteger(step) ? step : 0,
      status: (approvalStatuses as readonly string[]).includes(status) ? (status as ApprovalStatus) : '',
      tampered: { kind: 'edited', fields: check.edited.map((i) => sealedApprovalFields[i] ?? '') },
    };
  });
}
