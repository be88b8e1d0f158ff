import type { ApprovalBoard } from '../domain/approval-board';
import type { FieldError } from './workflows';

/** The approvals part of the sidebar ↔ server contract (plain JSON only). */

export type { ApprovalBoard, ApproverLine, ReviewItem, StepLine } from '../domain/approval-board';

export type ApprovalResult =
  { ok: true; message: string; board: ApprovalBoard } | { ok: false; errors: FieldError[] };

export type ReviewDecision = {
  requestId: string;
  /** "Approve", "Reject" or "Changes". */
  decision: string;
  note: string;
};
