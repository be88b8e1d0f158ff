import type { FieldError } from './workflows';

/** The approvals part of the sidebar ↔ server contract (plain JSON only). */

export type ApproverLine = {
  role: string;
  name: string;
  /** The request's status, or "Not sent". */
  status: string;
  requestId: string | null;
  /** yyyy-mm-dd hh:mm in the spreadsheet's time zone, or "". */
  sent: string;
  decided: string;
  comment: string;
  reminders: number;
};

export type StepLine = {
  number: number;
  name: string;
  condition: string;
  applies: boolean;
  complete: boolean;
  current: boolean;
  approvers: ApproverLine[];
};

export type ReviewItem = {
  requestId: string;
  role: string;
  approver: string;
  /** The reply, as the approver wrote it (shown as text). */
  reply: string;
  /** Why the add-on did not decide by itself. */
  reason: string;
};

export type ApprovalBoard = {
  setUp: boolean;
  selected: { id: string; name: string } | null;
  planVersion: string | null;
  ready: boolean;
  /** "not-sent", "waiting", "needs-review", "approved" or "stopped". */
  state: string;
  summary: string;
  steps: StepLine[];
  review: ReviewItem[];
  /** Why nothing can be sent now, or null when "Send" would send the current step. */
  cannotSend: string | null;
  /** How many emails "Send" would send. */
  toSend: number;
  /** Problems with the approval chain in Settings. */
  problems: string[];
  /** Rows of the Approvals sheet edited by hand, which do not count: one sentence each. */
  edited: string[];
  /** Replies to this version's requests that did not count, with why (newest first per request). */
  uncounted: { requestId: string; role: string; lines: string[] }[];
};

export type ApprovalResult =
  { ok: true; message: string; board: ApprovalBoard } | { ok: false; errors: FieldError[] };

export type ReviewDecision = {
  requestId: string;
  /** "Approve", "Reject" or "Changes". */
  decision: string;
  note: string;
};
