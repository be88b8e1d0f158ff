import { defaultChecklist } from '../../sheets-templates/checklist';
import { governance as governanceTemplate } from '../../sheets-templates/governance';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import type { LogEvent } from '../domain/audit-log';
import { checkChecklistInput, checkStatusForItem } from '../domain/checklist-input';
import { dataItemSigner } from '../domain/data-rule';
import { isComplete, readChecklist, rowProblem, type ChecklistRecord } from '../domain/checklist-records';
import { planChecklist } from '../domain/checklist-sync';
import { pilotContent, pilotDateFields, readPilot } from '../domain/pilot-plan';
import { canonicalPlan, planVersion } from '../domain/plan-version';
import { gates, ownerLabel, readiness } from '../domain/readiness';
import { readRoles, type RoleDirectory, type RolePerson } from '../domain/roles';
import { afterApprovedChange, type PlanAt } from '../domain/approved-change';
import { text, type RowProblem } from '../domain/table';
import { readWorkflows, type WorkflowRecord } from '../domain/workflow-records';
import type { ChecklistRow, ChecklistSaveResult, GovernanceBoard } from '../shared/governance';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, Spreadsheet } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { markStaleApprovals } from './stale-approvals';
import { guardApprovedChange, openPilot, pauseForChange, pilotRunning } from './approved-change';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';
import { SheetTable } from './sheet-table';
import { UserError } from './user-error';
import { inputCaps, refusedForLength } from '../domain/input-caps';
import { sheetByName } from './sheet-reads';
import { localDay, timeZoneOf } from './local-time';

/**
 * Phase 2 in the planner: the selected workflow's governance checklist, worked in the sheet or here,
 * and the readiness gate. The checklist follows the selection and the workflow's profile; the plan
 * version fingerprints what approvers will approve.
 */

interface Governance {
  spreadsheet: Spreadsheet;
  workflowsTable: SheetTable;
  governanceTable: SheetTable;
  roles: RoleDirectory;
  selected: WorkflowRecord | null;
  /** More than one workflow ticked as selected: the checklist waits until one is chosen. */
  ambiguous: boolean;
  workflowProblems: RowProblem[];
  checklist: ChecklistRecord[];
  dueShown: Map<number, string>;
  /** The selected workflow's pilot plan content (part of the plan version). */
  pilot: Record<string, string>;
  /** The Pilot sheet (null before it exists), read once for the content and the pilot's state. */
  pilotTable: SheetTable | null;
}

/** `workflows`: the Workflows table as this run holds it, changes not yet written (else it is opened). */
function load(spreadsheet: Spreadsheet, workflows?: SheetTable): Governance {
  const workflowsTable =
    workflows ?? SheetTable.open(spreadsheet, workflowsTemplate, ['id', 'name', 'selected']);
  const governanceTable = SheetTable.open(spreadsheet, governanceTemplate, [
    'id',
    'workflowId',
    'code',
    'status',
  ]);
  const settingsTable = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']);
  const selected = readWorkflows(workflowsTable.current()).workflows.filter(
    (w) => w.selected && w.id !== null,
  );
  const dueShown = governanceTable.displayed('due');
  const { directory, problems } = readRoles(settingsTable.data);
  const pilotTable = openPilot(spreadsheet);
  const selectedId = selected.length === 1 ? (selected[0]?.id ?? null) : null;
  return {
    spreadsheet,
    workflowsTable,
    governanceTable,
    roles: directory,
    selected: selected.length === 1 ? (selected[0] ?? null) : null,
    ambiguous: selected.length > 1,
    workflowProblems: problems,
    checklist: readChecklist(governanceTable.data, dueShown),
    dueShown,
    pilot: readPilotContent(pilotTable, selectedId),
    pilotTable,
  };
}

/** The pilot plan's content for the plan version; nothing when there is no Pilot sheet or row yet. */
function readPilotContent(table: SheetTable | null, workflowId: string | null): Record<string, string> {
  if (!workflowId || !table) return {};
  const shown = table.displayedColumns(pilotDateFields);
  return pilotContent(readPilot(table.data, workflowId, shown));
}

/** Re-reads the checklist from the table as it stands in memory, after changes. */
function reread(g: Governance): Governance {
  return { ...g, checklist: readChecklist(g.governanceTable.current(), g.dueShown) };
}

/**
 * Brings the Governance sheet in step with the selection and profile, and the plan version in
 * Workflows in step with the content. Returns what it did, for the Log; writes nothing when in step.
 */
function sync(g: Governance, who: string): { g: Governance; events: LogEvent[] } {
  const selected = g.selected;
  const changes = planChecklist(defaultChecklist, selected, g.checklist, g.roles.personFor);
  const table = g.governanceTable;
  for (const { row, cells } of changes.update)
    for (const [key, value] of Object.entries(cells)) table.set(row, key, value);
  for (const cells of changes.append) table.append(cells);
  const events: LogEvent[] = [];
  if (changes.append.length > 0 && selected?.id) {
    events.push({
      who,
      action: 'Generated checklist rows',
      subject: selected.id,
      before: '',
      after: changes.append.map((c) => String(c['code'])).join(', '),
      note: '',
    });
  }
  const stopped = changes.update.filter((u) => u.cells['applies'] === 'No');
  if (stopped.length > 0) {
    const records = stopped.map((u) => g.checklist.find((r) => r.row === u.row));
    const codes = records.map((r, i) => r?.code || `row ${stopped[i]?.row ?? ''}`);
    const workflows = [...new Set(records.map((r) => r?.workflowId ?? ''))].filter(Boolean);
    events.push({
      who,
      action: 'Checklist rows no longer apply',
      subject: workflows.join(', '),
      before: '',
      after: codes.join(', '),
      note: 'Kept with their content; they count again if they apply again.',
    });
  }
  // Parsing the checklist again is the run's largest cost; with nothing changed it is what `g` holds.
  const next = changes.update.length + changes.append.length > 0 ? reread(g) : g;
  writePlanVersion(next);
  return { g: next, events };
}

function versionOf(g: Governance): string | null {
  return planOf(g)?.version ?? null;
}

/** The plan as it stands in `g`: its version and the canonical form it hashes. */
function planOf(g: Governance): PlanAt | null {
  if (!g.selected?.id) return null;
  // One run asks several times of the same records (they are never changed in place, only replaced).
  const known = plans.get(g.checklist);
  if (known && known.selected === g.selected && known.pilot === g.pilot) return known.plan;
  const canonical = canonicalPlan(g.selected, g.checklist, g.pilot);
  const plan = { workflowId: g.selected.id, version: planVersion(canonical), canonical };
  plans.set(g.checklist, { selected: g.selected, pilot: g.pilot, plan });
  return plan;
}

const plans = new WeakMap<
  readonly ChecklistRecord[],
  { selected: WorkflowRecord; pilot: Record<string, string>; plan: PlanAt }
>();

/**
 * The plan as it stands, and as it would be with the selected workflow's row or its pilot plan
 * replaced (the checklist following the profile), for the approved-change guard. Writes nothing.
 */
export function planWith(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  edit: { workflow?: WorkflowRecord; pilot?: Record<string, string> },
): { before: PlanAt; after: PlanAt; people: RolePerson[]; pilotRunning: boolean } | null {
  if (!sheetByName(spreadsheet, governanceTemplate.name)) return null;
  const { g } = sync(load(spreadsheet), '');
  const before = planOf(g);
  if (!before || !g.selected) return null;
  const changed = sync({ ...g, selected: edit.workflow ?? g.selected, pilot: edit.pilot ?? g.pilot }, '').g;
  const after = planOf(changed);
  if (!after) return null;
  return {
    before,
    after,
    people: g.roles.people,
    pilotRunning: pilotRunning(gas, g.pilotTable, before.workflowId) !== null,
  };
}

function writePlanVersion(g: Governance): void {
  const version = versionOf(g);
  const { workflows } = readWorkflows(g.workflowsTable.current());
  for (const w of workflows) {
    g.workflowsTable.set(w.row, 'planVersion', w.row === g.selected?.row ? (version ?? '') : '');
  }
}

function board(g: Governance, today: string): GovernanceBoard {
  const selected = g.selected;
  const mine = selected ? g.checklist.filter((r) => r.workflowId === selected.id && r.applies) : [];
  const gate = readiness(mine, g.roles.personFor);
  const rows: ChecklistRow[] = mine
    .filter((r): r is ChecklistRecord & { id: string } => r.id !== null)
    .map((r) => ({
      id: r.id,
      row: r.row,
      code: r.code,
      category: r.category,
      item: r.item,
      requirement: r.requirement,
      condition: r.condition,
      expectedEvidence: r.expectedEvidence,
      basis: r.basis,
      verifiedBy: r.verifiedBy,
      ownerRole: r.ownerRole,
      owner: r.owner,
      ownerLabel: ownerLabel(r, g.roles.personFor),
      status: r.status ?? '',
      evidence: r.evidence,
      naReason: r.naReason,
      due: r.due,
      overdue: r.due !== '' && r.due < today && !isComplete(r),
      gating: gates(r),
      complete: isComplete(r),
      problem: rowProblem(r)?.message ?? null,
    }));
  const problems = [...g.workflowProblems, ...mine.flatMap((r) => rowProblem(r) ?? [])];
  if (g.ambiguous) {
    problems.unshift({
      sheet: 'Workflows',
      row: 0,
      message:
        'More than one workflow is ticked as selected. Choose one in the planner; the checklist follows it.',
    });
  }
  return {
    setUp: true,
    selected: selected?.id ? { id: selected.id, name: selected.name } : null,
    planVersion: versionOf(g),
    ready: gate.ready,
    gating: gate.gating,
    complete: gate.complete,
    recommendedOpen: gate.recommendedOpen,
    summary: selected
      ? gate.summary
      : 'Select a workflow first: its checklist is generated when it is selected.',
    missing: gate.missing.map((group) => ({
      owner: group.owner,
      ids: group.items.flatMap((r) => (r.id ? [r.id] : [])),
    })),
    rows,
    problems,
  };
}

function today(gas: AppsScript, spreadsheet: Spreadsheet): string {
  return localDay(gas, timeZoneOf(spreadsheet), new Date());
}

/**
 * Writes the tables and the Log: the checklist first, so a crash before the Log is repaired by the next
 * sync. When the plan version changed, requests for the earlier one are marked stale here, by the
 * change that caused it (approval runs mark them themselves: `planState`).
 */
function commit(gas: AppsScript, g: Governance, events: readonly LogEvent[], now: Date, who: string): void {
  const stale = writeChecklist(gas, g, who, true);
  g.workflowsTable.flush(gas);
  appendToLog(gas, g.spreadsheet, [...events, ...stale], now);
}

/**
 * The checklist, then the requests a changed plan version made stale (returned as Log events): both
 * before Workflows, which holds the version, so a run cut off in between marks them next time.
 */
function writeChecklist(gas: AppsScript, g: Governance, who: string, markStale: boolean): LogEvent[] {
  g.governanceTable.flush(gas);
  const version = versionOf(g);
  const stored = g.selected
    ? text(g.workflowsTable.data.rows.find((r) => r.row === g.selected?.row)?.cells['planVersion'])
    : '';
  return markStale && g.selected?.id && version && version !== stored
    ? markStaleApprovals(gas, g.spreadsheet, { workflowId: g.selected.id, version }, who)
    : [];
}

/**
 * The checklist following a change to Workflows this run holds unwritten (a selection, an edit of
 * the selected workflow's profile), in the change's own commit: synced in memory, with the plan
 * version set on `workflows`; `write` writes the checklist and the stale marks and returns the Log
 * events, for the caller to write Workflows and then append them with its own, once.
 */
export function followWorkflows(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  workflows: SheetTable,
  who: string,
): { write: () => LogEvent[] } | null {
  if (!sheetByName(spreadsheet, governanceTemplate.name)) return null;
  const { g, events } = sync(load(spreadsheet, workflows), who);
  return { write: () => [...events, ...writeChecklist(gas, g, who, true)] };
}

/**
 * Keeps the checklist in step with the selection: called after a workflow is selected or edited, inside
 * the caller's document lock.
 */
export function syncGovernance(gas: AppsScript, spreadsheet: Spreadsheet, who: string, now: Date): void {
  if (!sheetByName(spreadsheet, governanceTemplate.name)) return;
  const { g, events } = sync(load(spreadsheet), who);
  commit(gas, g, events, now, who);
}

/**
 * The Governance view. It reads only: a checklist that fell out of step (a profile flag edited in the
 * sheet, or an action cut short) is shown as it will be, and written by the next change or hourly run.
 */
export function governanceBoard(gas: AppsScript): GovernanceBoard {
  const spreadsheet = activeSpreadsheet(gas);
  if (!sheetByName(spreadsheet, governanceTemplate.name)) return emptyBoard();
  const { g } = sync(load(spreadsheet), '');
  return board(g, today(gas, spreadsheet));
}

function emptyBoard(): GovernanceBoard {
  return {
    setUp: false,
    selected: null,
    planVersion: null,
    ready: false,
    gating: 0,
    complete: 0,
    recommendedOpen: 0,
    summary: 'Run Set up workspace first.',
    missing: [],
    rows: [],
    problems: [],
  };
}

/** Saves a status, evidence link, N/A reason, due date or owner from the planner; logs status changes. */
export function updateChecklistItem(gas: AppsScript, input: unknown): ChecklistSaveResult {
  const checked = checkChecklistInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('updateChecklistItem', input);
  if (refused) return refused;
  const value = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const who = displayName(whoAmI(gas));
    const synced = sync(load(spreadsheet), who);
    const g = synced.g;
    const record = g.checklist.find((r) => r.id === value.id);
    if (!record || !g.selected || record.workflowId !== g.selected.id || !record.applies) {
      return {
        ok: false,
        errors: [
          {
            field: 'id',
            message: `Checklist row ${value.id} is no longer part of the selected workflow’s checklist; reload the list.`,
          },
        ],
      };
    }
    const refused = checkStatusForItem(value.status, record.requirement);
    if (refused.length > 0) return { ok: false, errors: refused };
    const table = g.governanceTable;
    const before = record.status ?? '';
    // Done is signed: by the person named, else the owner role's person, else whoever marks it.
    const verifiedBy =
      value.status === 'Done'
        ? value.verifiedBy || record.verifiedBy || g.roles.personFor(record.ownerRole) || who
        : value.verifiedBy;
    if (table.has('verifiedBy')) table.set(record.row, 'verifiedBy', verifiedBy);
    table.set(record.row, 'status', value.status);
    table.set(record.row, 'evidence', value.evidence);
    table.set(record.row, 'naReason', value.naReason);
    table.set(record.row, 'due', value.due);
    table.set(record.row, 'owner', value.owner);
    if (before !== value.status) table.set(record.row, 'updated', now);
    // An owner cleared here is the role's person again at once, not at the next action.
    const resynced = sync(reread(g), who);
    const after = resynced.g;
    writePlanVersion(after);
    const events: LogEvent[] = [...synced.events, ...resynced.events];
    // Inside an approved version, the change waits for the person's confirmation; nothing is written.
    const from = planOf(g);
    const to = planOf(after);
    const guarded =
      from && to
        ? guardApprovedChange(gas, spreadsheet, { before: from, after: to }, input, {
            people: g.roles.people,
            pilotRunning: pilotRunning(gas, g.pilotTable, from.workflowId) !== null,
            who,
          })
        : { go: null };
    if ('refused' in guarded) return guarded.refused;
    if (guarded.go && g.pilotTable)
      pauseForChange(
        gas,
        spreadsheet,
        g.pilotTable,
        { id: g.selected.id ?? '', name: g.selected.name },
        guarded.go.changes,
        who,
        now,
      );
    if (before !== value.status) {
      events.push({
        who,
        action: 'Checklist status',
        subject: `${record.id} ${record.code}`.trim(),
        before,
        after: value.status,
        note: value.status === 'N/A' ? value.naReason : value.evidence,
      });
    }
    commit(gas, after, [...events, ...(guarded.go?.events ?? [])], now, who);
    const shown = board(after, today(gas, spreadsheet));
    const message =
      (shown.ready
        ? `Saved ${record.code}. Every required item is complete: the plan is ready for approval.`
        : `Saved ${record.code}. ${shown.complete} of ${shown.gating} required items complete.`) +
      (guarded.go ? ` ${afterApprovedChange(guarded.go.notice)}` : '');
    return { ok: true, message, board: shown };
  });
}

/** Selects the row in the Governance sheet, so the person can work on it there. */
export function showChecklistRow(gas: AppsScript, id: unknown): { ok: boolean; message: string } {
  if (typeof id !== 'string' || id === '' || id.length > inputCaps.showChecklistRow.id)
    throw new UserError('The checklist row could not be read; reload the list.');
  const spreadsheet = activeSpreadsheet(gas);
  const table = SheetTable.open(spreadsheet, governanceTemplate, ['id']);
  const found = table.data.rows.find((r) => String(r.cells['id']) === id);
  if (!found) return { ok: false, message: `Checklist row ${id} is no longer in the Governance sheet.` };
  table.sheet.activate();
  table.sheet.getRange(found.row, 1, 1, table.data.width).activate();
  return { ok: true, message: `Governance row ${found.row} is selected in the sheet.` };
}

/** What approvals need to know about the plan: the selected workflow, its version and its gate. */
export interface PlanState {
  selected: WorkflowRecord | null;
  version: string | null;
  /** The canonical form the version hashes (kept as the version's copy when it is sent). */
  canonical: string | null;
  ready: boolean;
  complete: number;
  gating: number;
  /** Open gating items owned by a role, as "G08 Data classification …". */
  openFor: (role: string) => string[];
  roles: RoleDirectory;
  /** The selected workflow's pilot plan, as its fields read (empty when there is none yet). */
  pilot: Readonly<Record<string, string>>;
  /** Who signed the data-classification item (G08) as verified, or "" while it is not Done. */
  dataSigner: string;

  /** What bringing the checklist in step logs, for the action to journal with its own events. */
  events: readonly LogEvent[];
  /**
   * Writes the checklist as brought in step (and the plan version with it), after the action's journal
   * holds `events`; a view never calls it.
   */
  write: () => void;
}

/**
 * The plan as approvals see it, with the checklist in step: computed here, written by the action
 * that holds it (`write`), inside its document lock, in its own commit.
 */
export function planState(gas: AppsScript, spreadsheet: Spreadsheet, who: string): PlanState {
  const { g, events } = sync(load(spreadsheet), who);
  const mine = g.selected ? g.checklist.filter((r) => r.workflowId === g.selected?.id && r.applies) : [];
  const gate = readiness(mine, g.roles.personFor);
  return {
    selected: g.selected,
    version: versionOf(g),
    canonical: planOf(g)?.canonical ?? null,
    ready: gate.ready,
    complete: gate.complete,
    gating: gate.gating,
    openFor: (role) =>
      mine
        .filter((r) => gates(r) && !isComplete(r) && r.ownerRole.toLowerCase() === role.toLowerCase())
        .map((r) => `${r.code} ${r.item}`.trim()),
    roles: g.roles,
    pilot: g.pilot,
    dataSigner: dataItemSigner(mine),
    events,
    write: () => {
      writeChecklist(gas, g, who, false);
      g.workflowsTable.flush(gas);
    },
  };
}
