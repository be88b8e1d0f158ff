import type { SetUpProblem } from '../domain/set-up-plan';
import type { Phase } from '../domain/plan-lifecycle';
import type { JsonApi } from './json';
import type { ApprovalBoard, ApprovalResult, ReviewDecision } from './approvals';
import type {
  MeasurementCorrection,
  MeasurementInput,
  MeasurementWithdrawal,
  MetricsBoard,
  MetricsResult,
} from './metrics';
import type { IncidentInput, IncidentResult } from './incidents';
import type { ShareInput, ShareResult } from './share';
import type { DecisionInput, PilotBoard, PilotPlanSave, PilotResult, ResumeInput } from './pilot';
import type { ChecklistInput, ChecklistSaveResult, GovernanceBoard, LogCheck } from './governance';
import type { SaveResult, ScoreInput, SelectionInput, WorkflowBoard, WorkflowInput } from './workflows';

/**
 * The sidebar ↔ server contract. The server's entry file must export these functions (checked in
 * `src/gas/planner-contract.ts`) and the sidebar can call nothing else; every value is plain JSON.
 */
export type SheetStatus = {
  name: string;
  purpose: string;
  present: boolean;
  /** Data rows below the header; null for the Dashboard and for missing sheets. */
  rows: number | null;
};

export type WorkspaceStatus = {
  spreadsheetName: string;
  /** The schema version stored by set-up; null before the first set-up. */
  schemaVersion: number | null;
  currentSchemaVersion: number;
  sheets: SheetStatus[];
  phase: Phase;
  /** What set-up would change now; empty when the workspace is complete. */
  pendingChanges: string[];
  /** Hand edits that set-up cannot repair by itself, with what to do. */
  problems: SetUpProblem[];
  /** News for this user since the planner last opened (a spreadsheet the hourly check had to drop). */
  notices: string[];
};

export type SetUpReport =
  { ok: true; schemaVersion: number; changes: string[] } | { ok: false; problems: SetUpProblem[] };

export type PlannerApi = JsonApi<{
  getWorkspaceStatus(): WorkspaceStatus;
  setUpWorkspaceFromPlanner(): SetUpReport;
  getWorkflowBoard(): WorkflowBoard;
  saveWorkflow(input: WorkflowInput): SaveResult;
  saveScore(input: ScoreInput): SaveResult;
  selectWorkflow(input: SelectionInput): SaveResult;
  getGovernanceBoard(): GovernanceBoard;
  updateChecklistItem(input: ChecklistInput): ChecklistSaveResult;
  showChecklistRow(id: string): { ok: boolean; message: string };
  checkLog(): LogCheck;
  getApprovalBoard(): ApprovalBoard;
  sendApprovalRequests(): ApprovalResult;
  checkRepliesFromPlanner(): ApprovalResult;
  resolveReview(input: ReviewDecision): ApprovalResult;
  getPilotBoard(): PilotBoard;
  savePilotPlan(input: PilotPlanSave): PilotResult;
  startPilot(): PilotResult;
  recordDecision(input: DecisionInput): PilotResult;
  resumePilot(input: ResumeInput): PilotResult;
  getMetricsBoard(): MetricsBoard;
  saveMeasurement(input: MeasurementInput): MetricsResult;
  correctMeasurement(input: MeasurementCorrection): MetricsResult;
  withdrawMeasurement(input: MeasurementWithdrawal): MetricsResult;
  recordIncident(input: IncidentInput): IncidentResult;
  shareWithLeaders(input: ShareInput): ShareResult;
}>;

/** The contract's function names at run time, for the bundle check; the compiler keeps it complete. */
export const plannerFunctionNames = [
  'getWorkspaceStatus',
  'setUpWorkspaceFromPlanner',
  'getWorkflowBoard',
  'saveWorkflow',
  'saveScore',
  'selectWorkflow',
  'getGovernanceBoard',
  'updateChecklistItem',
  'showChecklistRow',
  'checkLog',
  'getApprovalBoard',
  'sendApprovalRequests',
  'checkRepliesFromPlanner',
  'resolveReview',
  'getPilotBoard',
  'savePilotPlan',
  'startPilot',
  'recordDecision',
  'resumePilot',
  'getMetricsBoard',
  'saveMeasurement',
  'correctMeasurement',
  'withdrawMeasurement',
  'recordIncident',
  'shareWithLeaders',
] as const satisfies readonly (keyof PlannerApi)[];
/**
 * The contract's views: calls that only read. Each leaves the spreadsheet, properties, triggers and
 * mail exactly as they were (one test walks them over a workspace in every phase); whatever changes
 * because of an action or of time is written by that action or by the hourly run.
 */
export const plannerViewNames = [
  'getWorkspaceStatus',
  'getWorkflowBoard',
  'getGovernanceBoard',
  'checkLog',
  'getApprovalBoard',
  'getPilotBoard',
  'getMetricsBoard',
] as const satisfies readonly (keyof PlannerApi)[];
type Assert<T extends true> = T;
export type PlannerFunctionNamesComplete = Assert<
  [Exclude<keyof PlannerApi, (typeof plannerFunctionNames)[number]>] extends [never] ? true : false
>;
