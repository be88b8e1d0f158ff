import type { RowProblem } from '../domain/table';
import type { FieldError, WorkflowFields } from '../domain/workflow-input';
import type { ProfileFlags } from '../domain/workflow-profile';
import type { ApprovedChangeConfirmation, ApprovedChangeNotice } from './approved-change';

export type { FieldError, RowProblem };

/** The workflow-scoring part of the sidebar ↔ server contract (plain JSON only). */

export type { ProfileFlags };

/** What the form sends: exactly the fields the domain declares (src/domain/workflow-profile.ts). */
export type WorkflowInput = Omit<WorkflowFields, 'dataTier' | 'kind'> & {
  /** A data tier name ("Green" … "Red"), or "" when not yet known; checked on the server. */
  dataTier: string;
  /** A kind of workflow ("FAQ drafting" …), or ""; checked on the server. */
  kind: string;
} & ApprovedChangeConfirmation;

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

export type WorkflowCard = WorkflowInput & {
  row: number;
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
  | { ok: true; message: string; board: WorkflowBoard }
  | { ok: false; errors: FieldError[]; approvedChange?: ApprovedChangeNotice };
