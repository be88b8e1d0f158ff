import { scores as scoresTemplate } from '../../sheets-templates/scores';
import { pilot as pilotTemplate } from '../../sheets-templates/pilot';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import type { LogEvent } from '../domain/audit-log';
import { criterionKeys, redFlagKeys } from '../domain/rubric';
import { isSelectable, scoreWorkflows, type WorkflowResult } from '../domain/scoring';
import { checkGivenName } from '../domain/given-name';
import { readRoles, type RolePerson } from '../domain/roles';
import { isFirstPilot, profileBlock } from '../domain/selection-gate';
import { nextId, text, type RowProblem } from '../domain/table';
import { computedWorkflowColumns, computedWorkflowKeys } from '../domain/workflow-columns';
import {
  checkScoreInput,
  checkSelectionInput,
  checkWorkflowInput,
  type FieldError,
} from '../domain/workflow-input';
import {
  readScores,
  readWeights,
  readWorkflows,
  type ScoreRecord,
  type WorkflowRecord,
} from '../domain/workflow-records';
import type { SaveResult, WorkflowBoard, WorkflowCard } from '../shared/workflows';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, Spreadsheet } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { withDocumentLock } from './document-lock';
import { followWorkflows, planWith } from './governance';
import { guardApprovedChange, openPilot, pauseForChange } from './approved-change';
import { afterApprovedChange, type ApprovedChangeNotice } from '../domain/approved-change';
import { displayName, rememberMyName, whoAmI, type Identity } from './identity';
import { profileFlags, workflowTextFields, type WorkflowTextKey } from '../domain/workflow-profile';
import { SheetTable } from './sheet-table';
import { refusedForLength } from '../domain/input-caps';
import { sheetByName } from './sheet-reads';

/**
 * Phase 1 in the planner: the candidate workflows with their team scores, adding and editing them,
 * scoring, and choosing exactly one. The sheets are the source of truth: every action reads Workflows,
 * Scores and Settings once, decides in the domain, and writes back in batches under the document lock,
 * finding rows by their ID.
 */

interface Workspace {
  spreadsheet: Spreadsheet;
  workflowsTable: SheetTable;
  scoresTable: SheetTable;
  weights: ReturnType<typeof readWeights>;
  /** People named in Settings: a name given by an account without a shared email may not be theirs. */
  people: RolePerson[];
  /** Who the privacy officer is, and whether this is the district's first pilot. */
  context: { privacyOfficer: string[]; firstPilot: boolean };
  workflows: WorkflowRecord[];
  scores: ScoreRecord[];
  results: Map<string, WorkflowResult>;
  problems: RowProblem[];
}

const PRIVACY_OFFICER = 'Privacy officer';

function load(spreadsheet: Spreadsheet): Workspace {
  const workflowsTable = SheetTable.open(spreadsheet, workflowsTemplate, ['id', 'name', 'selected']);
  const scoresTable = SheetTable.open(spreadsheet, scoresTemplate, [
    'workflowId',
    'scorer',
    ...criterionKeys,
  ]);
  const settingsTable = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'value']);
  const people = readRoles(settingsTable.data).directory.people;
  const officer = people.find((p) => p.role.toLowerCase() === PRIVACY_OFFICER.toLowerCase());
  const pilotSheet = sheetByName(spreadsheet, pilotTemplate.name)
    ? SheetTable.open(spreadsheet, pilotTemplate).data
    : null;
  return analyse({
    spreadsheet,
    workflowsTable,
    scoresTable,
    weights: readWeights(settingsTable.data),
    people,
    context: {
      privacyOfficer: officer ? [officer.email, officer.name] : [],
      firstPilot: pilotSheet === null || isFirstPilot(pilotSheet),
    },
  });
}

/** Reads records from the tables as they stand in memory and scores every workflow. */
function analyse(
  base: Pick<Workspace, 'spreadsheet' | 'workflowsTable' | 'scoresTable' | 'weights' | 'people' | 'context'>,
): Workspace {
  const read = readWorkflows(base.workflowsTable.current());
  const ids = new Set(read.workflows.flatMap((w) => (w.id ? [w.id] : [])));
  const scoreRead = readScores(base.scoresTable.current(), ids);
  const byId = new Map(read.workflows.map((w) => [w.id, w]));
  const results = scoreWorkflows([...ids], scoreRead.scores, base.weights.weights, {
    privacyOfficer: base.context.privacyOfficer,
    blockFor: (id) => {
      const workflow = byId.get(id);
      return workflow ? profileBlock(workflow, base.context.firstPilot) : null;
    },
  });
  const problems = [...read.problems, ...scoreRead.problems, ...base.weights.problems];
  const selected = read.workflows.filter((w) => w.selected);
  if (selected.length > 1) {
    problems.push({
      sheet: 'Workflows',
      row: selected[1]?.row ?? 0,
      message: `${selected.length} workflows are ticked as selected (rows ${selected.map((w) => w.row).join(', ')}); choose one in the planner.`,
    });
  }
  const resultById = new Map(results.map((r) => [r.workflowId, r]));
  for (const w of selected) {
    const result = w.id ? resultById.get(w.id) : undefined;
    if (result && !isSelectable(result)) {
      problems.push({
        sheet: 'Workflows',
        row: w.row,
        message: `“${w.name}” is selected but is no longer eligible. ${result.reason} Choose another workflow, or revisit its scores.`,
      });
    }
  }
  return {
    ...base,
    workflows: read.workflows,
    scores: scoreRead.scores,
    results: resultById,
    problems,
  };
}

/** The board for the sidebar; before set-up (no Workflows sheet) an empty board that says so. */
export function workflowBoard(gas: AppsScript): WorkflowBoard {
  const spreadsheet = activeSpreadsheet(gas);
  if (!sheetByName(spreadsheet, workflowsTemplate.name)) {
    const me = whoAmI(gas);
    return { workflows: [], problems: [], me: { email: me.email, name: me.name }, setUp: false };
  }
  return board(load(spreadsheet), whoAmI(gas));
}

function board(ws: Workspace, me: Identity): WorkflowBoard {
  const mine = displayName(me).toLowerCase();
  const cards: WorkflowCard[] = ws.workflows.map((w) => {
    const result = w.id ? ws.results.get(w.id) : undefined;
    const my = ws.scores.find((s) => s.workflowId === w.id && s.scorer.toLowerCase() === mine);
    return {
      ...(Object.fromEntries(workflowTextFields.map((f) => [f.key, w[f.key]])) as Record<
        WorkflowTextKey,
        string
      >),
      id: w.id,
      row: w.row,
      dataTier: w.dataTier,
      kind: w.kind,
      flags: { ...w.flags },
      consensus: result?.consensus ? { ...result.consensus } : null,
      total: result?.total ?? null,
      band: result?.band ?? null,
      eligibility: result?.eligibility ?? 'not-scored',
      reason: w.id
        ? (result?.reason ?? 'No scores yet.')
        : 'This row has no ID yet; it gets one with the next save.',
      rank: result?.rank ?? null,
      disagreements: result?.disagreements ?? [],
      fitWarning: result?.fitWarning ?? null,
      scorers: result?.scorers ?? 0,
      selected: w.selected,
      myScore: my
        ? {
            scores: { ...my.scores },
            redFlags: [...my.redFlags],
            fitsDay: my.fitsDay === null ? null : my.fitsDay ? 'yes' : 'no',
            note: my.note,
          }
        : null,
    };
  });
  const order = (c: WorkflowCard) =>
    c.rank !== null ? c.rank : c.eligibility === 'not-scored' ? 100000 : 200000;
  const sorted = cards
    .map((card, i) => ({ card, i }))
    .sort((a, b) => order(a.card) - order(b.card) || a.i - b.i)
    .map((x) => x.card);
  return {
    workflows: sorted,
    problems: ws.problems,
    me: { email: me.email, name: me.name },
    setUp: true,
  };
}

/** Rows typed into Workflows by hand get the next free IDs. */
function assignMissingIds(ws: Workspace): void {
  const taken = ws.workflows.flatMap((w) => (w.id ? [w.id] : []));
  for (const w of ws.workflows) {
    if (w.id) continue;
    const id = nextId(workflowsTemplate.idPrefix, taken);
    taken.push(id);
    ws.workflowsTable.set(w.row, 'id', id);
  }
}

/**
 * Writes what the add-on computes into Workflows (consensus, total, band, eligibility, rank, …) and
 * the workflow names into Scores, and stamps the rows whose result changed.
 */
function writeComputed(ws: Workspace, now: Date): void {
  const table = ws.workflowsTable;
  // The selection and the plan version are the add-on's columns too, between the scores and the
  // stamp: one write of adjacent columns, not one per run of them and one for the cells between.
  table.writeWholeColumns([...computedWorkflowKeys, 'selected', 'planVersion', 'updated']);
  for (const w of ws.workflows) {
    const result = ws.results.get(w.id ?? '');
    if (!result) continue;
    const columns = computedWorkflowColumns(result);
    const changed = Object.entries(columns).some(
      ([key, value]) => String(table.get(w.row, key) ?? '') !== String(value ?? ''),
    );
    for (const [key, value] of Object.entries(columns)) table.set(w.row, key, value);
    if (changed) table.set(w.row, 'updated', now);
  }
  const names = new Map(ws.workflows.map((w) => [w.id, w.name]));
  const scores = ws.scoresTable;
  if (scores.has('workflow')) {
    const rows = scores.current().rows.map((r) => r.row);
    const stale = rows.some(
      (row) => text(scores.get(row, 'workflow')) !== (names.get(text(scores.get(row, 'workflowId'))) ?? ''),
    );
    if (stale) {
      scores.writeWholeColumns(['workflow']);
      for (const row of rows)
        scores.set(row, 'workflow', names.get(text(scores.get(row, 'workflowId'))) ?? '');
    }
  }
}

/** Runs a change: lock, read, check, change, recompute, write, log; the board comes from what was written. */
function change(
  gas: AppsScript,
  apply: (
    ws: Workspace,
    me: Identity,
    now: Date,
  ) =>
    | { errors: FieldError[]; approvedChange?: ApprovedChangeNotice }
    | { message: string; events: LogEvent[]; checklistMayChange?: boolean },
): SaveResult {
  return withDocumentLock(gas, () => {
    const me = whoAmI(gas);
    const loaded = load(activeSpreadsheet(gas));
    const now = new Date();
    const outcome = apply(loaded, me, now);
    if ('errors' in outcome)
      return outcome.approvedChange
        ? { ok: false, errors: outcome.errors, approvedChange: outcome.approvedChange }
        : { ok: false, errors: outcome.errors };
    assignMissingIds(loaded);
    const ws = analyse(loaded);
    writeComputed(ws, now);
    // The checklist follows the selection and the selected workflow's profile, in the same commit:
    // the checklist and stale requests first, then Workflows (with the plan version), then the Log.
    const follow = outcome.checklistMayChange
      ? followWorkflows(gas, ws.spreadsheet, ws.workflowsTable, displayName(me))
      : null;
    const followed = follow?.write() ?? [];
    ws.workflowsTable.flush(gas);
    ws.scoresTable.flush(gas);
    appendToLog(gas, ws.spreadsheet, [...outcome.events, ...followed], now);
    // Someone without a shared email may just have given their name: read it back for the board.
    const after = me.email === '' ? whoAmI(gas) : me;
    return { ok: true, message: outcome.message, board: board(analyse(ws), after) };
  });
}

const describeWorkflow = (w: { id: string | null; name: string }) => `${w.id ?? '(new)'} ${w.name}`;

export function saveWorkflow(gas: AppsScript, input: unknown): SaveResult {
  const checked = checkWorkflowInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('saveWorkflow', input);
  if (refused) return refused;
  const value = checked.value;
  return change(gas, (ws, me, now) => {
    const existing = value.id === null ? null : ws.workflows.find((w) => w.id === value.id);
    if (value.id !== null && !existing) {
      return {
        errors: [
          {
            field: 'id',
            message: `Workflow ${value.id} is no longer in the sheet; someone may have deleted it. Reload the list.`,
          },
        ],
      };
    }
    const clash = ws.workflows.find(
      (w) => w !== existing && w.name.toLowerCase() === value.name.toLowerCase(),
    );
    if (clash) {
      return {
        errors: [
          {
            field: 'name',
            message: `A workflow named “${clash.name}” already exists (${clash.id ?? `row ${clash.row}`}).`,
          },
        ],
      };
    }
    const cells = {
      ...Object.fromEntries(workflowTextFields.map((f) => [f.key, value[f.key]])),
      dataTier: value.dataTier,
      kind: value.kind,
      ...value.flags,
    };
    const table = ws.workflowsTable;
    if (existing) {
      const before = summary(table, existing.row);
      for (const [key, v] of Object.entries(cells)) table.set(existing.row, key, v);
      const approved = existing.selected
        ? guardWorkflowEdit(gas, ws, existing.row, input, displayName(me), now)
        : null;
      if (approved && 'refused' in approved) return approved.refused;
      const confirmed = approved?.go ?? null;
      return {
        checklistMayChange: existing.selected,
        message: `Saved “${value.name}”.${confirmed ? ` ${afterApprovedChange(confirmed.notice)}` : ''}`,
        events: [
          ...(confirmed?.events ?? []),
          {
            who: displayName(me),
            action: 'Edited workflow',
            subject: existing.id ?? '',
            before,
            after: summary(table, existing.row),
            note: '',
          },
        ],
      };
    }
    const id = nextId(
      workflowsTemplate.idPrefix,
      ws.workflows.flatMap((w) => (w.id ? [w.id] : [])),
    );
    const row = table.append({ id, ...cells, selected: false });
    return {
      message: `Added “${value.name}” as ${id}.`,
      events: [
        {
          who: displayName(me),
          action: 'Added workflow',
          subject: id,
          before: '',
          after: summary(table, row),
          note: '',
        },
      ],
    };
  });
}

/**
 * Editing the selected workflow inside an approved version waits for the person's confirmation
 * (nothing is written); confirmed, a running pilot pauses before the edit is written.
 */
function guardWorkflowEdit(
  gas: AppsScript,
  ws: Workspace,
  row: number,
  input: unknown,
  who: string,
  now: Date,
): ReturnType<typeof guardApprovedChange> | null {
  const edited = readWorkflows(ws.workflowsTable.current()).workflows.find((w) => w.row === row);
  const planned = edited ? planWith(gas, ws.spreadsheet, { workflow: edited }) : null;
  if (!planned || !edited?.id) return null;
  const guarded = guardApprovedChange(gas, ws.spreadsheet, planned, input, {
    people: planned.people,
    pilotRunning: planned.pilotRunning,
    who,
  });
  const pilot = 'go' in guarded && guarded.go ? openPilot(ws.spreadsheet) : null;
  if ('go' in guarded && guarded.go && pilot)
    pauseForChange(
      gas,
      ws.spreadsheet,
      pilot,
      { id: edited.id, name: edited.name },
      guarded.go.changes,
      who,
      now,
    );
  return guarded;
}

function summary(table: SheetTable, row: number): string {
  const keys = ['name', 'team', 'dataTier', ...profileFlags];
  return keys
    .map((k) => [k, table.get(row, k)] as const)
    .filter(([, v]) => v !== '' && v !== false && v !== undefined)
    .map(([k, v]) => (v === true ? k : `${k}: ${text(v)}`))
    .join('; ');
}

export function saveScore(gas: AppsScript, input: unknown): SaveResult {
  const checked = checkScoreInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('saveScore', input);
  if (refused) return refused;
  const value = checked.value;
  return change(gas, (ws, me) => {
    let who = displayName(me);
    if (me.email === '') {
      // Nothing vouches for a typed name: it may not pass for a person in Settings or another scorer.
      const given = checkGivenName(value.scorerName ?? me.name ?? '', {
        people: ws.people,
        scorers: ws.scoresTable.data.rows.map((r) => text(r.cells['scorer'])),
        remembered: me.name,
      });
      if (!given.ok) return { errors: [{ field: 'scorerName', message: given.message }] };
      if (given.name !== me.name) rememberMyName(gas, given.name);
      who = given.scorer;
    }
    const workflow = ws.workflows.find((w) => w.id === value.workflowId);
    if (!workflow) {
      return {
        errors: [
          {
            field: 'workflowId',
            message: `Workflow ${value.workflowId} is no longer in the sheet; reload the list.`,
          },
        ],
      };
    }
    const table = ws.scoresTable;
    const mine = table.data.rows.find(
      (r) =>
        text(r.cells['workflowId']) === value.workflowId &&
        text(r.cells['scorer']).toLowerCase() === who.toLowerCase(),
    );
    const cells: Record<string, unknown> = {
      workflowId: value.workflowId,
      workflow: workflow.name,
      scorer: who,
      ...value.scores,
      ...Object.fromEntries(redFlagKeys.map((k) => [k, value.redFlags.includes(k)])),
      fitsDay: value.fitsDay === 'yes' ? 'Yes' : value.fitsDay === 'no' ? 'No' : '',
      note: value.note,
      scoredAt: new Date(),
    };
    const describe = (scores: Record<string, unknown>) =>
      criterionKeys.map((k) => `${k} ${String(scores[k] ?? '')}`).join(', ');
    let before = '';
    if (mine) {
      before = describe(mine.cells);
      for (const [key, v] of Object.entries(cells)) table.set(mine.row, key, v);
    } else {
      const ids = table.data.rows.map((r) => text(r.cells['id']));
      table.append({ id: nextId(scoresTemplate.idPrefix, ids, 4), ...cells });
    }
    return {
      message: `Saved your score for “${workflow.name}”.`,
      events: [
        {
          who,
          action: 'Scored workflow',
          subject: value.workflowId,
          before,
          after: describe(value.scores),
          note: value.note,
        },
      ],
    };
  });
}

export function selectWorkflow(gas: AppsScript, input: unknown): SaveResult {
  const checked = checkSelectionInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('selectWorkflow', input);
  if (refused) return refused;
  const value = checked.value;
  return change(gas, (ws, me) => {
    const chosen = ws.workflows.find((w) => w.id === value.workflowId);
    if (!chosen?.id)
      return {
        errors: [
          {
            field: 'workflowId',
            message: `Workflow ${value.workflowId} is no longer in the sheet; reload the list.`,
          },
        ],
      };
    const result = ws.results.get(chosen.id);
    if (!result || !isSelectable(result)) {
      return {
        errors: [
          {
            field: 'workflowId',
            message: `“${chosen.name}” cannot be selected. ${result?.reason ?? 'No scores yet.'}`,
          },
        ],
      };
    }
    const current = ws.workflows.filter((w) => w.selected);
    const others = current.filter((w) => w !== chosen);
    if (others.length === 0 && chosen.selected)
      return { message: `“${chosen.name}” is already the selected workflow.`, events: [] };
    if (others.length > 0 && (!value.confirmReplace || value.reason === '')) {
      return {
        errors: [
          {
            field: 'reason',
            message: `“${others.map((w) => w.name).join('”, “')}” is selected now. Confirm replacing it, and say why (the reason is logged).`,
          },
        ],
      };
    }
    const table = ws.workflowsTable;
    for (const w of ws.workflows) table.set(w.row, 'selected', w === chosen);
    const warning = result.eligibility === 'needs-baseline' ? ' It still needs a baseline plan.' : '';
    return {
      checklistMayChange: true,
      message: `Selected “${chosen.name}”.${warning}`,
      events: [
        {
          who: displayName(me),
          action: others.length > 0 ? 'Replaced the selected workflow' : 'Selected workflow',
          subject: chosen.id,
          before: others.map(describeWorkflow).join('; '),
          after: describeWorkflow(chosen),
          note: value.reason,
        },
      ],
    };
  });
}
