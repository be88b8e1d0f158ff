import type { LeaderParts } from '../domain/leader-parts';
import type { SetUpReport } from '../shared/contract';
import type { ApprovalBoard, ApprovalResult } from '../shared/approvals';
import type { GovernanceBoard } from '../shared/governance';
import type { IncidentResult } from '../shared/incidents';
import type { MetricsBoard } from '../shared/metrics';
import type { PilotBoard, PilotResult } from '../shared/pilot';
import type { WorkflowBoard } from '../shared/workflows';
import * as approvals from './approvals';
import type { AppsScript } from './apps-script';
import { withDocumentLock } from './document-lock';
import * as governance from './governance';
import * as incidents from './incidents';
import { forgetLeaderView, refreshLeaderView, writeLeaderView, type PartSource } from './leader-view';
import * as entries from './measurement-entries';
import * as metrics from './metrics';
import * as pilot from './pilot';
import { setUpWorkspace as runSetUp } from './set-up';
import { noteServed } from './waiting-list';
import * as workflows from './workflow-board';

/**
 * The actions that change what leaders read. Each runs in one document lock with the leader view
 * (Dashboard and Board summary) it changes, written from the board the action returns: one commit,
 * no separate refresh. A failure of the leader view is logged and never turns a change that succeeded
 * into an error; the next change, or the hourly run, writes it.
 */
function changing<R extends { ok: boolean }>(
  gas: AppsScript,
  run: () => R,
  parts: (result: R) => PartSource,
  reread: (result: R) => (keyof LeaderParts)[] = () => [],
): R {
  return withDocumentLock(gas, () => {
    let result: R;
    try {
      result = run();
    } catch (error) {
      // Cut off part-way: some sheets may hold the change, so the stored parts may be behind them.
      forget(gas);
      throw error;
    }
    if (result.ok) leaderView(gas, () => writeLeaderView(gas, parts(result), { reread: reread(result) }));
    return result;
  });
}

function leaderView(gas: AppsScript, write: () => void): void {
  try {
    write();
  } catch (error) {
    console.warn(
      `The leader view could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
    forget(gas);
  }
}

/** The next write then reads every part from the sheets. */
function forget(gas: AppsScript): void {
  try {
    forgetLeaderView(gas);
  } catch {
    // Twice unlucky: the hourly run rebuilds the leader view from every sheet.
  }
}

const boardOf = <B>(result: { ok: boolean }): B | undefined =>
  result.ok ? (result as unknown as { board: B }).board : undefined;

export function setUp(gas: AppsScript): SetUpReport {
  return withDocumentLock(gas, () => {
    // The leader view is written from what set-up read, each of its sheets in one commit with its set-up.
    return runSetUp(gas, undefined, (views) =>
      leaderView(gas, () => refreshLeaderView(gas, new Date(), views)),
    );
  });
}

export const saveWorkflow = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => workflows.saveWorkflow(gas, input),
    (r) => ({ workflows: boardOf<WorkflowBoard>(r) }),
    // Editing the selected workflow's profile can change its checklist.
    (r) => {
      const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : null;
      return boardOf<WorkflowBoard>(r)?.workflows.some((w) => w.selected && w.id === id)
        ? ['governance']
        : [];
    },
  );

export const saveScore = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => workflows.saveScore(gas, input),
    (r) => ({ workflows: boardOf<WorkflowBoard>(r) }),
  );

/** A new selection has no parts yet: the leader view reads them once (see missingParts). */
export const selectWorkflow = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => workflows.selectWorkflow(gas, input),
    (r) => ({ workflows: boardOf<WorkflowBoard>(r) }),
  );

export const updateChecklistItem = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => governance.updateChecklistItem(gas, input),
    (r) => ({ governance: boardOf<GovernanceBoard>(r) }),
  );

export const sendApprovalRequests = (gas: AppsScript) =>
  changing(
    gas,
    () => approvals.sendApprovalRequests(gas),
    (r) => ({ approvals: boardOf<ApprovalBoard>(r) }),
  );

export const checkRepliesNow = (gas: AppsScript) =>
  changing(
    gas,
    (): ApprovalResult => {
      const { summary, board } = approvals.checkWithBoard(gas);
      return { ok: true, message: summary.message, board: board() };
    },
    (r) => ({ approvals: boardOf<ApprovalBoard>(r) }),
  );

export const resolveReview = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => approvals.resolveReview(gas, input),
    (r) => ({ approvals: boardOf<ApprovalBoard>(r) }),
  );

export const savePilotPlan = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => pilot.savePilotPlan(gas, input),
    (r) => ({ pilot: boardOf<PilotBoard>(r) }),
  );

export const startPilot = (gas: AppsScript) =>
  changing(
    gas,
    () => pilot.startPilot(gas),
    (r) => ({ pilot: boardOf<PilotBoard>(r) }),
  );

export const resumePilot = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => pilot.resumePilot(gas, input),
    (r) => ({ pilot: boardOf<PilotBoard>(r) }),
  );

export function recordDecision(gas: AppsScript, input: unknown): PilotResult {
  const decided = changing(
    gas,
    () => pilot.recordDecision(gas, input),
    (r) => ({ pilot: boardOf<PilotBoard>(r) }),
    // Scaling into a higher tier or with a new vendor re-opens the checklist.
    (r) => ('reopens' in r && r.reopens ? ['governance'] : []),
  );
  if (!decided.ok) return decided;
  return { ok: true, message: decided.message, board: decided.board };
}

/** An incident pauses a running pilot and adds to the count leaders read; the parts stay server-side. */
export function recordIncident(gas: AppsScript, input: unknown): IncidentResult {
  const recorded = changing(
    gas,
    () => incidents.recordIncident(gas, input),
    (r) => (r.ok ? r.leader : {}),
  );
  if (!recorded.ok) return recorded;
  return { ok: true, message: recorded.message };
}

export const saveMeasurement = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => metrics.saveMeasurement(gas, input),
    (r) => ({ metrics: boardOf<MetricsBoard>(r) }),
  );

/** A corrected or withdrawn entry changes the figures leaders read. */
export const correctMeasurement = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => entries.correctMeasurement(gas, input),
    (r) => ({ metrics: boardOf<MetricsBoard>(r) }),
  );

export const withdrawMeasurement = (gas: AppsScript, input: unknown) =>
  changing(
    gas,
    () => entries.withdrawMeasurement(gas, input),
    (r) => ({ metrics: boardOf<MetricsBoard>(r) }),
  );

/**
 * Reads replies (menu and hourly), applies the stop rules to measurements typed into the sheet, and
 * rebuilds the leader view from every sheet, so hand edits reach it within the hour.
 */
export function checkRepliesAndRefresh(
  gas: AppsScript,
  options: { stopRules?: boolean; now?: Date; budgetMs?: number; mailOnlyWhenIdle?: boolean } = {},
): approvals.CheckSummary {
  return withDocumentLock(gas, () => {
    // The stop rules first: a pause a cut-off run journaled but did not write is then found still
    // waiting in its journal, and not journaled again (metrics.ts, finish).
    if (options.stopRules) {
      const { running } = metrics.applyStopRulesNow(gas);
      // The hourly run keeps serving a running pilot, and lets go of one that stopped or ended.
      const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
      if (spreadsheet) noteServed(gas, spreadsheet, options.now ?? new Date(), { pilot: running });
    }
    const summary = approvals.checkApprovalReplies(gas, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
      ...(options.mailOnlyWhenIdle ? { mailOnlyWhenIdle: true } : {}),
    });
    leaderView(gas, () => refreshLeaderView(gas));
    return summary;
  });
}
