import type { Message } from '../domain/messages/catalogue';
import { metrics as metricsTemplate } from '../../sheets-templates/metrics';
import { pilot as pilotTemplate } from '../../sheets-templates/pilot';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import type { LogEvent } from '../domain/audit-log';
import { checkMeasurementInput, type MeasurementFields } from '../domain/measurement-input';
import { isoDayShape } from '../domain/iso-day';
import {
  checkStopRules,
  dayOf,
  metricDefinition,
  metricsFor,
  readMeasurements,
  summarizeMetrics,
  type MeasurementRecord,
} from '../domain/metrics';
import { itemsCovered } from '../domain/metric-evidence';
import { listEntries, periodTaken } from '../domain/measurement-entries';
import { keepInWindows, noWindows, periodFieldError, type PlanWindows } from '../domain/measurement-windows';
import { pilotDateFields, readPilot } from '../domain/pilot-plan';
import { pilotSeal, sealedPilot } from '../domain/pilot-seal';
import { nextId, text, type RowProblem } from '../domain/table';
import { readWorkflows } from '../domain/workflow-records';
import type { MetricsBoard, MetricsResult } from '../shared/metrics';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, Spreadsheet } from './apps-script';
import { commitJournaled } from './outbox';
import { pauseNotices } from './pilot-notices';
import { localSigner } from './document-secret';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';
import { SheetTable } from './sheet-table';
import { refusedForLength } from '../domain/input-caps';
import { sheetByName } from './sheet-reads';
import { localDay, timeZoneOf } from './local-time';

/**
 * Phase 4: measurements for the baseline and pilot windows, the per-metric summary, and the stop rules,
 * which pause a running pilot visibly (Pilot › State, Log) as soon as the sheet shows a reason.
 */
export interface MetricsContext {
  spreadsheet: Spreadsheet;
  table: SheetTable;
  pilot: SheetTable;
  selected: { id: string; name: string; kind: string } | null;
  sign: (text: string) => string;
  /** Each workflow's baseline and pilot windows, as the Pilot sheet shows its days. */
  planOf: (workflowId: string) => PlanWindows;
  /** Today in the spreadsheet's time zone, yyyy-mm-dd: no period may start after it. */
  today: string;
  /** A date-time cell as the spreadsheet's time zone shows it. */
  shownTime: (value: unknown) => string;
  /** A row's period days as the Metrics sheet shows them, so they compare with the plan's own days. */
  periodOf: (r: MeasurementRecord) => { start: string; end: string };
  /** A period cell's day as the sheet shows it (a day just written is its own text). */
  periodDay: (row: number, key: 'periodStart' | 'periodEnd', value: unknown) => string;
}

/** `write`: an action (a view makes no secret, so it writes nothing). `opened`: the Pilot sheet, read already. */
export function load(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  now: Date,
  write = true,
  opened?: SheetTable,
): MetricsContext {
  const workflows = SheetTable.open(spreadsheet, workflowsTemplate, ['id', 'name', 'selected']);
  const chosen = readWorkflows(workflows.data).workflows.filter((w) => w.selected && w.id);
  const only = chosen.length === 1 ? chosen[0] : undefined;
  const pilot = opened ?? SheetTable.open(spreadsheet, pilotTemplate, ['workflowId', 'state']);
  const shown = pilot.displayedColumns(pilotDateFields);
  const zone = timeZoneOf(spreadsheet);
  const table = SheetTable.open(spreadsheet, metricsTemplate, [
    'id',
    'workflowId',
    'metric',
    'window',
    'value',
  ]);
  const periods = table.displayedColumns(['periodStart', 'periodEnd']);
  // A date as read is shown in the sheet's zone; a day just written (yyyy-mm-dd text) is that day.
  const shownDay = (row: number, key: string, date: Date) => {
    const day = table.get(row, key) instanceof Date ? periods(row, key) : '';
    return isoDayShape.test(day) ? day : dayOf(date);
  };
  return {
    spreadsheet,
    table,
    pilot,
    selected: only?.id ? { id: only.id, name: only.name, kind: only.kind } : null,
    sign: localSigner(gas, write),
    planOf: (workflowId) => readPilot(pilot.data, workflowId, shown) ?? noWindows,
    today: localDay(gas, zone, now),
    shownTime: (value) =>
      value instanceof Date ? gas.Utilities.formatDate(value, zone, 'yyyy-MM-dd HH:mm') : text(value),
    periodDay: (row, key, value) => (value instanceof Date ? shownDay(row, key, value) : text(value)),
    periodOf: (r) => ({
      start: shownDay(r.row, 'periodStart', r.periodStart),
      end: shownDay(r.row, 'periodEnd', r.periodEnd),
    }),
  };
}

/** The rows that count (read, in their windows, not withdrawn) and the rows to fix, in sheet order. */
export function countedMeasurements(ctx: MetricsContext): {
  records: MeasurementRecord[];
  problems: RowProblem[];
} {
  const read = readMeasurements(ctx.table.current());
  const held = keepInWindows(read.records, ctx.planOf, ctx.today, ctx.periodOf);
  return {
    records: held.records,
    problems: [...read.problems, ...held.problems].sort((a, b) => a.row - b.row),
  };
}

/** Why a measurement cannot be saved for the selected workflow as it stands, or null. */
export function periodRefused(ctx: MetricsContext, workflowId: string, value: MeasurementFields) {
  return periodFieldError(value, ctx.planOf(workflowId), ctx.today);
}

/** The stop rules over the counted rows, and whether they pause the running pilot now (`due`). */
function stopCheck(ctx: MetricsContext) {
  const { records, problems } = countedMeasurements(ctx);
  const selected = ctx.selected;
  const pilotRow = selected
    ? ctx.pilot.data.rows.find((r) => text(r.cells['workflowId']) === selected.id)
    : undefined;
  // The state that counts is the sealed one: a state typed into the Pilot sheet is not.
  const sealed = pilotRow ? sealedPilot(ctx.sign, pilotRow.row, pilotRow.cells) : null;
  const stop = selected ? checkStopRules(records, selected.id) : { stop: false, reasons: [], said: [] };
  const reasons = stop.reasons.join(' ');
  // The sponsor resumed over exactly these reasons: only new evidence pauses the pilot again.
  const resumedOver = pilotRow ? text(pilotRow.cells['resumedAfter']) : '';
  const due = stop.stop && pilotRow !== undefined && sealed?.state === 'Running' && reasons !== resumedOver;
  return { records, problems, selected, pilotRow, sealed, stop, reasons, resumedOver, due };
}

/** Whether the selected workflow's pilot is running (by its sealed state) and whether a stop rule pauses it now. */
export function pilotCheck(ctx: MetricsContext): { running: boolean; pauseDue: boolean } {
  const { sealed, due } = stopCheck(ctx);
  return { running: sealed?.state === 'Running', pauseDue: due };
}

/**
 * The board, and the stop rules: when `pause`, a running pilot whose stop rule holds is paused (in
 * the table, for the caller to write) and the events say why; otherwise the rules are only listed.
 */
export function applyStopRules(
  ctx: MetricsContext,
  who: string,
  pause: boolean,
): { board: MetricsBoard; events: LogEvent[]; paused: Pause | null } {
  const { records, problems, selected, pilotRow, sealed, stop, reasons, resumedOver, due } = stopCheck(ctx);
  let pilotState = sealed?.state ?? 'Draft';
  const events: LogEvent[] = [];
  let paused: Pause | null = null;
  if (pause && due && pilotRow) {
    // Written with the sealed decision, so a decision typed into the row is not sealed with the pause.
    const cells = {
      ...pilotRow.cells,
      state: 'Paused',
      decision: sealed?.decision ?? '',
      pausedBecause: reasons,
    };
    ctx.pilot.set(pilotRow.row, 'state', 'Paused');
    ctx.pilot.set(pilotRow.row, 'decision', cells.decision);
    ctx.pilot.set(pilotRow.row, 'pausedBecause', reasons);
    ctx.pilot.set(pilotRow.row, 'seal', pilotSeal(ctx.sign, cells));
    pilotState = 'Paused';
    const started = pilotRow.cells['started'];
    paused = {
      reasons: stop.said,
      started: started instanceof Date ? started.toISOString() : text(started),
      resumedAfter: resumedOver,
    };
    events.push({
      who,
      action: 'Pilot paused by its stop rule',
      subject: selected?.id ?? '',
      before: 'Running',
      after: 'Paused',
      note: stop.reasons.join(' '),
    });
  }
  const summaries = selected ? summarizeMetrics(records, selected.id, selected.kind) : [];
  return {
    board: {
      setUp: true,
      selected: selected ? { id: selected.id, name: selected.name } : null,
      pilotState,
      metrics: summaries.map((m) => ({
        ...m,
        ...itemsOf(records, selected?.id ?? '', m.name),
        needsBaseline: metricDefinition(m.name)?.target.needsBaseline ?? false,
      })),
      stopReasons: stop.reasons,
      trends: summaries.filter((m) => m.trend.length > 0).map((m) => ({ name: m.name, points: m.trend })),
      problems,
      rows: records.length,
      metricNames: metricsFor(selected?.kind ?? '').map((d) => d.name),
      entries: selected
        ? listEntries(ctx.table.current().rows, selected.id, records, ctx.shownTime, ctx.periodDay)
        : [],
    },
    events,
    paused,
  };
}

/** A pause this run decided: what its notices say, and what tells it from another pause. */
interface Pause {
  /** In every language: the notices are read in the workspace's. */
  reasons: readonly Message[];
  started: string;
  resumedAfter: string;
}

/** The n behind each window's figure, for the leader view. */
function itemsOf(records: readonly MeasurementRecord[], workflowId: string, metric: string) {
  const rows = records.filter((r) => r.workflowId === workflowId && r.metric === metric);
  return {
    baselineItems: itemsCovered(rows.filter((r) => r.window === 'Baseline')),
    pilotItems: itemsCovered(rows.filter((r) => r.window === 'Pilot')),
  };
}

/**
 * Writes the measurements and the pilot with their Log events; a pause decided here is told to the
 * sponsor, the privacy officer and the requester through the Outbox, queued with it.
 */
export function finish(
  gas: AppsScript,
  ctx: MetricsContext,
  events: LogEvent[],
  now: Date,
  paused: Pause | null = null,
  by: 'measurement' | 'check' = 'measurement',
): void {
  const notices =
    paused && ctx.selected
      ? pauseNotices(gas, ctx.spreadsheet, ctx.sign, {
          workflowId: ctx.selected.id,
          workflow: ctx.selected.name,
          ...paused,
          by,
        })
      : null;
  commitJournaled(
    gas,
    ctx.spreadsheet,
    ctx.sign,
    notices ? [...events, notices.event] : events,
    now,
    () => {
      ctx.table.flush(gas);
      ctx.pilot.flush(gas);
    },
    notices?.intents ?? [],
    // A pause is decided from the sheets as they are: a run cut off after journaling it, before the
    // Pilot sheet was written, leaves the pilot running, and the next check decides the same pause.
    { again: paused !== null },
  );
}

/**
 * The Measure view. It reads only: the pilot's state is the sheet's, and stop rules that hold are
 * listed; the pause itself is written by the save of a measurement or the hourly run.
 */
export function metricsBoard(gas: AppsScript): MetricsBoard {
  const spreadsheet = activeSpreadsheet(gas);
  if (!sheetByName(spreadsheet, metricsTemplate.name)) {
    return {
      setUp: false,
      selected: null,
      pilotState: 'Draft',
      metrics: [],
      stopReasons: [],
      trends: [],
      problems: [],
      rows: 0,
      metricNames: metricsFor('').map((d) => d.name),
      entries: [],
    };
  }
  const ctx = load(gas, spreadsheet, new Date(), false);
  return applyStopRules(ctx, '', false).board;
}

/**
 * The hourly run: measurements typed into the sheet since the last run can trip a stop rule, which
 * pauses a running pilot now (Pilot › State, and the Log says why). Says whether the pilot still runs.
 */
export function applyStopRulesNow(gas: AppsScript): { running: boolean } {
  const spreadsheet = activeSpreadsheet(gas);
  if (!sheetByName(spreadsheet, metricsTemplate.name)) return { running: false };
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet, now);
    const { board, events, paused } = applyStopRules(ctx, displayName(whoAmI(gas)), true);
    if (events.length > 0) finish(gas, ctx, events, now, paused, 'check');
    // Whether the pilot still runs after the rules, for the hourly run's list.
    return { running: board.pilotState === 'Running' };
  });
}

/** Adds one measurement row for the selected workflow, then applies the stop rules. */
export function saveMeasurement(gas: AppsScript, input: unknown): MetricsResult {
  const checked = checkMeasurementInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('saveMeasurement', input);
  if (refused) return refused;
  const value = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet, now);
    if (!ctx.selected) return { ok: false, errors: [{ field: '', message: 'Select a workflow first.' }] };
    const refusal =
      periodRefused(ctx, ctx.selected.id, value) ??
      periodTaken(countedMeasurements(ctx).records, ctx.selected.id, value, null);
    if (refusal) return { ok: false, errors: [refusal] };
    const who = displayName(whoAmI(gas));
    const ids = ctx.table.data.rows.map((r) => text(r.cells['id']));
    const id = nextId(metricsTemplate.idPrefix, ids, 4);
    ctx.table.append({
      id,
      workflowId: ctx.selected.id,
      metric: value.metric,
      window: value.window,
      periodStart: value.periodStart,
      periodEnd: value.periodEnd,
      value: value.value,
      items: value.items,
      language: value.language,
      school: value.school,
      note: value.note,
      enteredBy: who,
      entered: now,
    });
    const { board, events, paused } = applyStopRules(ctx, who, true);
    finish(
      gas,
      ctx,
      [
        {
          who,
          action: 'Added measurement',
          subject: id,
          before: '',
          after: `${value.metric}, ${value.window} ${value.periodStart}–${value.periodEnd}: ${value.value}`,
          note: '',
        },
        ...events,
      ],
      now,
      paused,
      'measurement',
    );
    const pausedNow =
      events.length > 0 ? ` The pilot is paused by its stop rule: ${board.stopReasons.join(' ')}` : '';
    return { ok: true, message: `Added ${value.metric} for ${value.periodStart}.${pausedNow}`, board };
  });
}
