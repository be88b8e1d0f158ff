import { planSetUp, type SheetSnapshot } from '../domain/set-up-plan';
import { phaseOf, type PlanFacts } from '../domain/plan-lifecycle';
import type { SheetStatus, WorkspaceStatus } from '../shared/contract';
import { workspaceTemplate } from '../../sheets-templates';
import { activeSpreadsheet } from './active-spreadsheet';
import { currentPhase } from './leader-view';
import type { AppsScript } from './apps-script';
import { LOG_HEAD_KEY } from './log-head';
import { readWorkspace } from './workspace-gateway';
import { checkRepliesIfDue } from './hourly-run';
import { userProperties } from './user-properties';
import { takeDroppedNotices } from './waiting-list';
import { logEntryCount } from './audit-log-gateway';

/**
 * The planner's opening call: replies read first when they are due, then the status, with the user's
 * news (a spreadsheet the hourly check dropped), read and cleared here. The user's properties are read
 * once for both (a reply check changes only its own entry, and only the hourly run leaves news).
 */
export function openingStatus(gas: AppsScript, now: Date = new Date()): WorkspaceStatus {
  const user = userProperties(gas).getProperties();
  checkRepliesIfDue(gas, now, user);
  return { ...workspaceStatus(gas), notices: takeDroppedNotices(gas, user) };
}

/** What the planner shows on opening: which sheets exist, the schema version and the phase, from the sheets. */
export function workspaceStatus(gas: AppsScript): WorkspaceStatus {
  const spreadsheet = activeSpreadsheet(gas);
  const { snapshot, properties } = readWorkspace(gas, spreadsheet, workspaceTemplate);
  const plan = planSetUp(workspaceTemplate, snapshot);
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));

  const sheets: SheetStatus[] = workspaceTemplate.sheets.map((t) => {
    const found = byName.get(t.name);
    return {
      name: t.name,
      purpose: t.purpose,
      present: found !== undefined,
      rows:
        found && t.kind === 'table'
          ? rowsOf(t.key, found, () => logEntryCount(gas, spreadsheet, properties[LOG_HEAD_KEY] ?? null))
          : null,
    };
  });

  return {
    spreadsheetName: spreadsheet.getName(),
    schemaVersion: snapshot.schemaVersion,
    currentSchemaVersion: workspaceTemplate.schemaVersion,
    sheets,
    // The same parts and rules as the Dashboard's, so the planner and the leaders state one phase.
    phase: snapshot.schemaVersion === null ? phaseOf(notSetUp) : currentPhase(gas, properties),
    pendingChanges: plan.ok ? plan.sheets.flatMap((s) => s.changes) : [],
    problems: plan.ok ? [] : [...plan.problems],
    // The user's own news, read and cleared by the entry point (main.ts), not by this view.
    notices: [],
  };
}

const notSetUp: PlanFacts = {
  setUp: false,
  candidates: 0,
  selected: null,
  checklist: { complete: 0, gating: 0, ready: false },
  planMissing: 0,
  approvals: { state: 'not-sent', requested: 0, approved: 0 },
  pilotState: null,
  decision: null,
};

/**
 * A table's rows; not counted where not read on opening (workspace-gateway.ts), except the Log, whose
 * head counts its entries (audit-log-gateway.ts).
 */
function rowsOf(key: string, sheet: SheetSnapshot, logEntries: () => number): number | null {
  if (!sheet.unread) return dataRows(sheet);
  return key === 'log' ? logEntries() : null;
}

function dataRows(sheet: SheetSnapshot): number {
  return sheet.values.slice(1).filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined))
    .length;
}
