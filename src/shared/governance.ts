import type { ApprovedChangeConfirmation, ApprovedChangeNotice } from './approved-change';
import type { FieldError, RowProblem } from './workflows';

/** The governance part of the sidebar ↔ server contract (plain JSON only). */

export type ChecklistRow = {
  id: string;
  row: number;
  code: string;
  category: string;
  item: string;
  /** "Required", "Conditional" or "Recommended". */
  requirement: string;
  /** For conditional rows: what turned the row on. */
  condition: string;
  expectedEvidence: string;
  /** The rule the item rests on. */
  basis: string;
  /** Who checked the evidence, or "". */
  verifiedBy: string;
  ownerRole: string;
  /** The person named on the row, or "" (the role's person from Settings is in ownerLabel). */
  owner: string;
  ownerLabel: string;
  /** "Not started", "In progress", "Done", "N/A", or what the cell holds when it is none of them. */
  status: string;
  evidence: string;
  naReason: string;
  /** yyyy-mm-dd or "". */
  due: string;
  overdue: boolean;
  /** Required, or conditional and turned on. */
  gating: boolean;
  complete: boolean;
  /** What is wrong with the row as edited in the sheet, or null. */
  problem: string | null;
};

export type GovernanceBoard = {
  setUp: boolean;
  /** The selected workflow, or null when none is selected yet. */
  selected: { id: string; name: string } | null;
  planVersion: string | null;
  ready: boolean;
  gating: number;
  complete: number;
  recommendedOpen: number;
  /** Why it is not ready, in one sentence; "" when ready. */
  summary: string;
  /** Gating rows not yet complete, grouped by owner (IDs into `rows`). */
  missing: { owner: string; ids: string[] }[];
  /** Every row of the selected workflow's checklist that applies, in checklist order. */
  rows: ChecklistRow[];
  problems: RowProblem[];
};

export type ChecklistInput = {
  id: string;
  status: string;
  evidence: string;
  naReason: string;
  /** yyyy-mm-dd or "". */
  due: string;
  owner: string;
  /** Who checked the evidence; "" lets the add-on name the owner role's person when it is Done. */
  verifiedBy: string;
} & ApprovedChangeConfirmation;

export type ChecklistSaveResult =
  | { ok: true; message: string; board: GovernanceBoard }
  | { ok: false; errors: FieldError[]; approvedChange?: ApprovedChangeNotice };

export type LogCheck = { ok: boolean; entries: number; message: string };
