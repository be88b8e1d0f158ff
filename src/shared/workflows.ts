import type { RowProblem } from '../domain/table';
import type { FieldError } from '../domain/workflow-input';

export type { FieldError, RowProblem };

/** The workflow-scoring part of the sidebar ↔ server contract (plain JSON only). */

export type ProfileFlags = {
  familyFacing: boolean;
  studentFacing: boolean;
  nonEnglish: boolean;
  newVendor: boolean;
  dutiesChange: boolean;
};

export type WorkflowInput = {
  /** null to add a new workflow. */
  id: string | null;
  name: string;
  description: string;
  team: string;
  timeLost: string;
  fragmented: string;
  frequentSafe: string;
  /** "Green", "Amber", "Red", or "" when not yet known. */
  dataTier: string;
  flags: ProfileFlags;
};

export type CriterionValues = { common: number; measurable: number; risk: number; pain: number };

export type ScoreInput = {
  workflowId: string;
  scores: CriterionValues;
  /** Red-flag keys from the rubric. */
  redFlags: string[];
  /** "Fits how staff already work". */
  fitsDay: 'yes' | 'no' | null;
  note: string;
  /** Only when Google does not share the scorer's email: the name to score under. */
  scorerName: string | null;
};

export type SelectionInput = {
  workflowId: string;
  /** Why: required when another workflow was selected before. */
  reason: string;
  /** Set after the person confirmed replacing the current selection. */
  confirmReplace: boolean;
};

export type MyScore = {
  scores: CriterionValues;
  redFlags: string[];
  fitsDay: 'yes' | 'no' | null;
  note: string;
};

export type WorkflowCard = {
  id: string | null;
  row: number;
  name: string;
  description: string;
  team: string;
  timeLost: string;
  fragmented: string;
  frequentSafe: string;
  dataTier: string;
  flags: ProfileFlags;
  consensus: CriterionValues | null;
  total: number | null;
  band: string | null;
  /** "eligible", "needs-baseline", "not-eligible" or "not-scored". */
  eligibility: string;
  reason: string;
  rank: number | null;
  disagreements: string[];
  fitWarning: string | null;
  scorers: number;
  selected: boolean;
  myScore: MyScore | null;
};

export type WorkflowBoard = {
  /** In ranked order: selectable by rank, then unscored, then not eligible. */
  workflows: WorkflowCard[];
  /** Rows of Workflows, Scores or Settings that could not be used, with their row. */
  problems: RowProblem[];
  /** Who is scoring: an email, or a name where Google does not share the email (null: ask for one). */
  me: { email: string; name: string | null };
  setUp: boolean;
};

/** What a save returns: the new board, or what is wrong with the input (nothing was changed). */
export type SaveResult =
  { ok: true; message: string; board: WorkflowBoard } | { ok: false; errors: FieldError[] };
