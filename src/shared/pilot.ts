import type { ApprovedChangeConfirmation, ApprovedChangeNotice } from './approved-change';
import type { FieldError } from './workflows';

/** The pilot part of the sidebar ↔ server contract (plain JSON only). */

export type PilotPlanInput = {
  question: string;
  decisionInformed: string;
  team: string;
  inScope: string;
  outOfScope: string;
  /** Dates as yyyy-mm-dd, or "". */
  baselineStart: string;
  baselineEnd: string;
  pilotStart: string;
  pilotEnd: string;
  checkInDay: string;
  tool: string;
  agreement: string;
  sources: string;
  dataRule: string;
  reviewRule: string;
  humanOnly: string;
  escalation: string;
  stopRule: string;
  communication: string;
  feedback: string;
};

export type PilotBoard = {
  setUp: boolean;
  selected: { id: string; name: string } | null;
  plan: PilotPlanInput;
  /** "Draft", "Running", "Paused" or "Ended". */
  state: string;
  /** Why the Pilot row's state or decision, as typed in the sheet, does not count; null when it does. */
  edited: string | null;
  started: string;
  planVersion: string | null;
  /** "approved" when every approval step approved this plan version. */
  approvals: string;
  /** What is missing from the plan before it can start. */
  missing: FieldError[];
  /** Why "Start pilot" cannot be used now, or null. */
  cannotStart: string | null;
  decision: string;
  rationale: string;
  /** The sponsor whose decision it is, and who recorded it (the sponsor, or someone on their behalf). */
  decidedBy: string;
  recordedBy: string;
  /** Why the pilot is paused (the stop rule's reasons), or "". */
  pausedBecause: string;
  /** Why a decision cannot be recorded now, or null. */
  cannotDecide: string | null;
};

export type PilotResult =
  | { ok: true; message: string; board: PilotBoard }
  | { ok: false; errors: FieldError[]; approvedChange?: ApprovedChangeNotice };

/** What the plan form sends: the plan, and a confirmation when it changes an approved version. */
export type PilotPlanSave = PilotPlanInput & ApprovedChangeConfirmation;

export type DecisionInput = {
  decision: string;
  rationale: string;
  /** Scaling only: the data tier the wider use needs ("", "Amber" or "Red"). */
  scaleTier: string;
  /** Scaling only: the wider use needs a vendor not yet approved. */
  scaleNewVendor: boolean;
  /** Recorded for the executive sponsor by someone else, with what shows it is their decision. */
  onBehalf: boolean;
  evidence: string;
};

/** Resuming a paused pilot: the sponsor's act, with why it can go on. */
export type ResumeInput = {
  reason: string;
  onBehalf: boolean;
  evidence: string;
};
