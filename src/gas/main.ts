/**
 * The whole Apps Script surface of the add-on. Every export becomes a top-level function in
 * dist/Code.js (gas-webpack-plugin), so menus, triggers and `google.script.run` can call it; nothing
 * else in the bundle is reachable from outside. Keep this file to thin wrappers.
 */
import type { SetUpReport, WorkspaceStatus } from '../shared/contract';
import type { ApprovalBoard, ApprovalResult, ReviewDecision } from '../shared/approvals';
import type {
  MeasurementCorrection,
  MeasurementInput,
  MeasurementWithdrawal,
  MetricsBoard,
  MetricsResult,
} from '../shared/metrics';
import type { IncidentInput, IncidentResult } from '../shared/incidents';
import type { ShareInput, ShareResult } from '../shared/share';
import type { DecisionInput, PilotBoard, PilotPlanSave, PilotResult, ResumeInput } from '../shared/pilot';
import type { ChecklistInput, ChecklistSaveResult, GovernanceBoard, LogCheck } from '../shared/governance';
import type {
  SaveResult,
  ScoreInput,
  SelectionInput,
  WorkflowBoard,
  WorkflowInput,
} from '../shared/workflows';
import { activeSpreadsheet } from './active-spreadsheet';
import * as approvals from './approvals';
import { checkLog as checkLogChain } from './audit-log-gateway';
import * as governance from './governance';
import * as actions from './actions';
import { checkRepliesIfDue, runHourly } from './hourly-run';
import { shareWithLeaders as share } from './leader-share';
import { buildMenu } from './menu';
import * as metrics from './metrics';
import * as pilot from './pilot';
import { showPlanner } from './planner';
import { appsScript } from './services';
import { TOAST_TITLE } from './set-up';
import { UserError } from './user-error';
import * as workflows from './workflow-board';
import { openingStatus } from './workspace-status';

/** Simple trigger: adds the menu when the spreadsheet opens. */
export function onOpen(): void {
  buildMenu(appsScript());
}

/** Runs when the add-on is installed from the Marketplace: the menu is needed at once. */
export function onInstall(): void {
  onOpen();
}

/** Menu: Open planner. */
export function openPlanner(): void {
  showPlanner(appsScript());
}

/** Menu: Set up workspace. Problems it cannot repair are shown, with what to do. */
export function setUpWorkspace(): void {
  const gas = appsScript();
  // The Ui is asked for only when there is something to say: a set-up that succeeds says so in a toast.
  const alert = (title: string, message: string) => {
    const ui = gas.SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  };
  try {
    const report = actions.setUp(gas);
    if (!report.ok) {
      const lines = report.problems.map((p) => `• ${p.problem}\n  ${p.fix}`);
      alert('The workspace needs a repair by hand', `Nothing was changed.\n\n${lines.join('\n\n')}`);
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    alert(TOAST_TITLE, error.message);
  }
}

/**
 * Sidebar, as the planner opens: the workspace's sheets, schema version and phase, and news for this
 * user (a spreadsheet the hourly check dropped). Replies are read first when they are due.
 */
export function getWorkspaceStatus(): WorkspaceStatus {
  return openingStatus(appsScript());
}

/** Sidebar: set up or repair the workspace, returning what changed. */
export function setUpWorkspaceFromPlanner(): SetUpReport {
  return actions.setUp(appsScript());
}

/** Sidebar: the candidate workflows with their scores, ranked. */
export function getWorkflowBoard(): WorkflowBoard {
  return workflows.workflowBoard(appsScript());
}

/** Sidebar: add a workflow (id null) or edit one. */
export function saveWorkflow(input: WorkflowInput): SaveResult {
  return actions.saveWorkflow(appsScript(), input);
}

/** Sidebar: save the current user's score for a workflow. */
export function saveScore(input: ScoreInput): SaveResult {
  return actions.saveScore(appsScript(), input);
}

/** Sidebar: choose the one workflow to pilot (replacing a selection needs a reason, which is logged). */
export function selectWorkflow(input: SelectionInput): SaveResult {
  return actions.selectWorkflow(appsScript(), input);
}

/** Sidebar: the selected workflow's checklist and the readiness gate. */
export function getGovernanceBoard(): GovernanceBoard {
  return governance.governanceBoard(appsScript());
}

/** Sidebar: save a checklist row's status, evidence, N/A reason, due date or owner. */
export function updateChecklistItem(input: ChecklistInput): ChecklistSaveResult {
  return actions.updateChecklistItem(appsScript(), input);
}

/** Sidebar: select a checklist row in the Governance sheet. */
export function showChecklistRow(id: string): { ok: boolean; message: string } {
  return governance.showChecklistRow(appsScript(), id);
}

/** Sidebar: check the Log's chain and report the first broken link. */
export function checkLog(): LogCheck {
  const gas = appsScript();
  return checkLogChain(gas, activeSpreadsheet(gas));
}

/** Sidebar: the approval chain for the selected workflow, request by request (replies read when due). */
export function getApprovalBoard(): ApprovalBoard {
  const gas = appsScript();
  checkRepliesIfDue(gas);
  return approvals.approvalBoard(gas);
}

/** Sidebar: send the current step's approval requests from the user's Gmail. */
export function sendApprovalRequests(): ApprovalResult {
  return actions.sendApprovalRequests(appsScript());
}

/** Sidebar: read approvers' replies now. */
export function checkRepliesFromPlanner(): ApprovalResult {
  return actions.checkRepliesNow(appsScript());
}

/** Sidebar: a person decides a reply the add-on could not read with certainty. */
export function resolveReview(input: ReviewDecision): ApprovalResult {
  return actions.resolveReview(appsScript(), input);
}

/** Menu: Check approval replies now; the outcome is shown as a toast. */
export function checkApprovalReplies(): void {
  const gas = appsScript();
  try {
    const summary = actions.checkRepliesAndRefresh(gas);
    activeSpreadsheet(gas).toast(summary.message, TOAST_TITLE, 10);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    gas.SpreadsheetApp.getUi().alert(TOAST_TITLE, error.message, gas.SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

/**
 * Hourly trigger, one per user, installed with their first request: in every spreadsheet where they
 * have requests waiting, reads replies, chases late ones, sends next steps, applies the stop rules and
 * refreshes the Dashboard. It runs with no active spreadsheet, as Apps Script runs an add-on's clock
 * trigger.
 */
export function checkApprovalRepliesHourly(): void {
  runHourly(appsScript());
}

/** Sidebar: the pilot plan, whether it can start, and the decision. */
export function getPilotBoard(): PilotBoard {
  return pilot.pilotBoard(appsScript());
}

/** Sidebar: save the pilot plan (part of the plan version). */
export function savePilotPlan(input: PilotPlanSave): PilotResult {
  return actions.savePilotPlan(appsScript(), input);
}

/** Sidebar: start the pilot once every approval step approved the current plan version. */
export function startPilot(): PilotResult {
  return actions.startPilot(appsScript());
}

/** Sidebar: record the sponsor's end-of-pilot decision with its evidence. */
export function recordDecision(input: DecisionInput): PilotResult {
  return actions.recordDecision(appsScript(), input);
}

/** Sidebar: the sponsor resumes a pilot its stop rule paused, with why it can go on. */
export function resumePilot(input: ResumeInput): PilotResult {
  return actions.resumePilot(appsScript(), input);
}

/** Sidebar: baseline and pilot figures per metric, and the stop rules. */
export function getMetricsBoard(): MetricsBoard {
  return metrics.metricsBoard(appsScript());
}

/** Sidebar: add one measurement (a metric for one period). */
export function saveMeasurement(input: MeasurementInput): MetricsResult {
  return actions.saveMeasurement(appsScript(), input);
}

/** Sidebar: a new value for a measurement entry, through the same checks as a new one. */
export function correctMeasurement(input: MeasurementCorrection): MetricsResult {
  return actions.correctMeasurement(appsScript(), input);
}

/** Sidebar: withdraw a measurement entry; the row stays with who, when and why, and stops counting. */
export function withdrawMeasurement(input: MeasurementWithdrawal): MetricsResult {
  return actions.withdrawMeasurement(appsScript(), input);
}

/** Sidebar: record an incident; it pauses the pilot and tells the privacy officer, security lead and sponsor. */
export function recordIncident(input: IncidentInput): IncidentResult {
  return actions.recordIncident(appsScript(), input);
}

/** Sidebar: share the plan with leaders (view only unless asked) and send each the summary. */
export function shareWithLeaders(input: ShareInput): ShareResult {
  return share(appsScript(), input);
}
