import { boardSummary as boardTemplate } from '../../sheets-templates/board-summary';
import { dashboard as dashboardTemplate } from '../../sheets-templates/dashboard';
import { incidents as incidentsTemplate } from '../../sheets-templates/incidents';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { boardSummary, type BoardContext, type BoardSummary } from '../domain/board-summary';
import { asCellText } from '../domain/cell-text';
import {
  chartLayout,
  dashboardBlock,
  DASHBOARD_FIRST_ROW,
  DASHBOARD_ROWS,
  DASHBOARD_WIDTH,
  type DashboardBlock,
} from '../domain/dashboard-view';
import {
  countIncidents,
  mergeParts,
  missingParts,
  noteVersion,
  phaseOf,
  RANKING_KEPT,
  TREND_KEPT,
  type IncidentsPart,
  type LeaderParts,
  type VersionBook,
} from '../domain/leader-parts';
import { shortened } from '../domain/leader-text';
import type { Phase } from '../domain/plan-lifecycle';
import type { Readership } from '../domain/messages/catalogue';
import { text } from '../domain/table';
import type { ApprovalBoard } from '../shared/approvals';
import type { GovernanceBoard } from '../shared/governance';
import type { MetricsBoard } from '../shared/metrics';
import type { PilotBoard } from '../shared/pilot';
import type { WorkflowBoard } from '../shared/workflows';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, EmbeddedChart, Sheet, Spreadsheet } from './apps-script';
import { approvalBoard } from './approvals';
import { governanceBoard } from './governance';
import { metricsBoard } from './metrics';
import { pilotBoard } from './pilot';
import { SheetTable } from './sheet-table';
import { workflowBoard } from './workflow-board';
import { sheetByName } from './sheet-reads';
import { documentProperties } from './document-properties';
import { localMinute, timeZoneOf } from './local-time';

/**
 * Writes the leader view (the Dashboard's block and the Board summary) inside the action that changed
 * it, from the parts that action already holds, in the same lock: no second read of any sheet.
 * The parts it did not touch come from the last write (one document property), which is written
 * first, so a run cut off after it leaves what the next write needs. Charts and the sheets' formats are
 * rebuilt only when their layout changes. The hourly run and set-up rebuild every part from the sheets
 * (a set-up with nothing to change, only when the last write no longer holds: `refreshLeaderView`).
 */
const STORE_KEY = 'aiplan.leaderView';
/** Document properties hold at most 9 kB per value: people's longer words are shortened when stored. */
const STORED_TEXT_MAX = 300;
/** Where the Dashboard's formulas showed the plan version's hash before schema 1's leader view. */
const LEGACY_VERSION_ROW = 8;

interface Stored {
  parts: LeaderParts;
  versions: VersionBook;
  readership: Readership;
  locale: string;
  timeZone: string;
  /** The charts' and formats' layout last applied; a different one rebuilds them. */
  layout: string;
}

export type PartSource = {
  workflows?: WorkflowBoard | undefined;
  governance?: GovernanceBoard | undefined;
  approvals?: ApprovalBoard | undefined;
  pilot?: PilotBoard | undefined;
  metrics?: MetricsBoard | undefined;
  incidents?: IncidentsPart | undefined;
  /** The pilot's state after an action that paused it without reading the Pilot board (an incident). */
  pilotState?: { workflowId: string; state: string } | undefined;
};

/**
 * Set-up's own writes of the leader view's sheets (marker, layout, protection), by sheet name, made
 * in the same commit as the view's, and the sheets it made (they get their whole layout).
 */
export interface SetUpViews {
  writes: ReadonlyMap<string, (sheet: Sheet) => void>;
  created: ReadonlySet<string>;
  /** The sheets' values as set-up read them (when it did): not read again. */
  rows: ReadonlyMap<string, readonly (readonly unknown[])[]>;
  /** Set-up had nothing to change (set-up-apply.ts): the view is written only if it no longer holds. */
  settled: boolean;
  /** The document properties as set-up read them (the stored parts among them). */
  properties: Readonly<Record<string, string>>;
  /** The Dashboard's charts, once read. */
  charts?: EmbeddedChart[];
}

/** One view sheet's part in set-up: its own writes, and its values if set-up read them. */
interface SheetSetUp {
  write: ((sheet: Sheet) => void) | undefined;
  rows: readonly (readonly unknown[])[] | undefined;
  charts?: EmbeddedChart[] | undefined;
}

/** Call inside the action's document lock, after its own writes. */
export function writeLeaderView(
  gas: AppsScript,
  fresh: PartSource,
  options: { full?: boolean; reread?: (keyof LeaderParts)[]; setUp?: SetUpViews } = {},
  now = new Date(),
): void {
  const spreadsheet = activeSpreadsheet(gas);
  const properties = documentProperties(gas);
  // Set-up reads every part again but keeps the charts while their layout holds.
  const raw =
    options.full && !options.setUp
      ? null
      : options.setUp
        ? (options.setUp.properties[STORE_KEY] ?? null)
        : properties.getProperty(STORE_KEY);
  const stored = raw ? parseStored(raw) : null;
  let parts = mergeParts((!options.full && stored?.parts) || {}, toParts(fresh));
  const paused = fresh.pilotState;
  if (paused && parts.pilot?.workflowId === paused.workflowId)
    parts = { ...parts, pilot: { ...parts.pilot, state: paused.state } };
  // What the merge cannot supply (a new selection, an approval for an older plan version, the first
  // write ever) is read once: the cost falls on the action that changed it, not on every action.
  const reread = new Set([...(options.reread ?? []), ...missingParts(parts)]);
  if (reread.size > 0) parts = mergeParts(parts, toParts(readBoards(gas, reread)));
  const base = stored && !options.full ? stored : readContext(spreadsheet);
  const versions = noteVersion(base.versions, parts);
  const ctx: BoardContext = {
    readership: base.readership,
    locale: base.locale,
    now: localMinute(gas, base.timeZone, now),
    versions,
  };
  const block = dashboardBlock(parts, ctx);
  const summary = boardSummary(parts, ctx);
  const layout = chartLayout(block.charts) + JSON.stringify(summary.widths);
  const next: Stored = { ...base, parts: forStorage(parts), versions, layout };
  properties.setProperty(STORE_KEY, JSON.stringify(next));

  const dashboard = sheetByName(spreadsheet, dashboardTemplate.name);
  const board = sheetByName(spreadsheet, boardTemplate.name);
  const setUp = options.setUp;
  const relayout = (name: string) =>
    setUp ? stored?.layout !== layout || setUp.created.has(name) : options.full || stored?.layout !== layout;
  const partOf = (name: string): SheetSetUp | undefined =>
    setUp && {
      write: setUp.writes.get(name),
      rows: setUp.rows.get(name),
      charts: name === dashboardTemplate.name ? setUp.charts : undefined,
    };
  if (dashboard)
    writeDashboard(gas, dashboard, block, relayout(dashboardTemplate.name), partOf(dashboardTemplate.name));
  if (board) writeBoard(board, summary, relayout(boardTemplate.name), partOf(boardTemplate.name)?.write);
}

/**
 * After a failed write: the stored parts may be older than the sheets, so they are dropped and the next
 * write reads every part again. (A run killed outright cannot get here; the hourly rebuild covers it.)
 */
export function forgetLeaderView(gas: AppsScript): void {
  documentProperties(gas).deleteProperty(STORE_KEY);
}

/** Every part from the sheets: the hourly run, set-up (with its own writes of the views) and the first write. */
export function refreshLeaderView(gas: AppsScript, now = new Date(), setUp?: SetUpViews): void {
  const spreadsheet = activeSpreadsheet(gas);
  const dashboard = sheetByName(spreadsheet, dashboardTemplate.name);
  if (!dashboard || !sheetByName(spreadsheet, 'Workflows')) return;
  let views = setUp;
  if (setUp?.settled) {
    // A set-up with nothing to change leaves the view the last write made, if its charts are all
    // there: the actions and the hourly run write it from the sheets. Else it is written, the charts
    // read here not read again.
    const charts = dashboard.getCharts();
    const stored = parseStored(setUp.properties[STORE_KEY] ?? '');
    if (stored && viewHolds(stored, charts.length)) return;
    views = { ...setUp, charts };
  }
  writeLeaderView(gas, {}, { full: true, ...(views ? { setUp: views } : {}) }, now);
}

/** The stored parts lay out as the last write did (same charts and widths), with every chart in place. */
function viewHolds(stored: Stored, charts: number): boolean {
  const ctx: BoardContext = {
    readership: stored.readership,
    locale: stored.locale,
    // The time written is not part of the layout.
    now: '',
    versions: stored.versions,
  };
  const block = dashboardBlock(stored.parts, ctx);
  const layout = chartLayout(block.charts) + JSON.stringify(boardSummary(stored.parts, ctx).widths);
  return layout === stored.layout && charts === block.charts.length;
}

/**
 * The parts as the sheets hold them now: the stored ones, completed by reading what they lack (only
 * after a failed write, or before the first). Read-only: nothing is stored.
 */
function currentParts(
  gas: AppsScript,
  properties?: Readonly<Record<string, string>>,
): { stored: Stored | null; parts: LeaderParts } {
  const raw = properties ? (properties[STORE_KEY] ?? null) : documentProperties(gas).getProperty(STORE_KEY);
  const stored = raw ? parseStored(raw) : null;
  let parts = stored?.parts ?? {};
  const missing = new Set(missingParts(parts));
  if (missing.size > 0) parts = mergeParts(parts, toParts(readBoards(gas, missing)));
  return { stored, parts };
}

/**
 * Where the plan stands, by the same parts and rules as the Dashboard and the Board summary
 * (`properties`: the document properties, when the caller has read them already).
 */
export function currentPhase(gas: AppsScript, properties?: Readonly<Record<string, string>>): Phase {
  return phaseOf(currentParts(gas, properties).parts);
}

/** The parts as the sheets hold them now, for sharing the summary. */
export function currentSummary(gas: AppsScript, now = new Date()): BoardSummary {
  const spreadsheet = activeSpreadsheet(gas);
  const { stored, parts } = currentParts(gas);
  const base = stored ?? readContext(spreadsheet);
  return boardSummary(parts, {
    readership: base.readership,
    locale: base.locale,
    now: localMinute(gas, base.timeZone, now),
    versions: noteVersion(base.versions, parts),
  });
}

function readBoards(gas: AppsScript, keys: ReadonlySet<keyof LeaderParts>): PartSource {
  const all = keys.has('workflows');
  return {
    ...(all ? { workflows: workflowBoard(gas) } : {}),
    ...(all || keys.has('governance') ? { governance: governanceBoard(gas) } : {}),
    ...(all || keys.has('approvals') ? { approvals: approvalBoard(gas) } : {}),
    ...(all || keys.has('pilot') ? { pilot: pilotBoard(gas) } : {}),
    ...(all || keys.has('metrics') ? { metrics: metricsBoard(gas) } : {}),
    ...(all || keys.has('incidents') ? { incidents: readIncidents(activeSpreadsheet(gas)) } : {}),
  };
}

/** The Incidents sheet's rows per workflow (a workspace set up before it existed has none). */
function readIncidents(spreadsheet: Spreadsheet): IncidentsPart {
  if (!sheetByName(spreadsheet, incidentsTemplate.name)) return { counts: {} };
  const table = SheetTable.open(spreadsheet, incidentsTemplate, ['workflowId']);
  return countIncidents(table.data.rows.map((r) => text(r.cells['workflowId'])));
}

function readContext(spreadsheet: Spreadsheet): Stored {
  let readership: Readership = 'en+es';
  if (sheetByName(spreadsheet, settingsTemplate.name)) {
    const table = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'value']);
    const row = table.data.rows.find((r) => text(r.cells['id']) === 'email.language');
    readership = readershipOf(row ? text(row.cells['value']) : '');
  }
  return {
    parts: {},
    versions: {},
    readership,
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: timeZoneOf(spreadsheet),
    layout: '',
  };
}

/** "English and Spanish" (the default), "English", "Spanish" / "Español". */
export function readershipOf(value: string): Readership {
  const english = /english|ingl[eé]s/i.test(value);
  const spanish = /spanish|espa[nñ]ol/i.test(value);
  if (spanish && !english) return 'es';
  if (english && !spanish) return 'en';
  return 'en+es';
}

function parseStored(raw: string): Stored | null {
  try {
    const value = JSON.parse(raw) as Stored;
    return typeof value === 'object' && value !== null && typeof value.timeZone === 'string' ? value : null;
  } catch {
    return null;
  }
}

function forStorage(parts: LeaderParts): LeaderParts {
  const p = parts.pilot;
  if (!p) return parts;
  const cut = (s: string) => shortened(s, STORED_TEXT_MAX);
  return {
    ...parts,
    pilot: {
      ...p,
      reviewRule: cut(p.reviewRule),
      dataRule: cut(p.dataRule),
      communication: cut(p.communication),
      rationale: cut(p.rationale),
    },
  };
}

/** The boards the actions return, as the parts the leader view needs (roles and counts only). */
export function toParts(source: PartSource): LeaderParts {
  const parts: LeaderParts = {};
  const w = source.workflows;
  if (w && w.setUp) {
    const chosen = w.workflows.find((c) => c.selected && c.id !== null);
    const ranked = w.workflows.filter((c) => c.rank !== null && c.total !== null);
    parts.workflows = {
      candidates: w.workflows.filter((c) => c.id !== null).length,
      selected: chosen?.id
        ? {
            id: chosen.id,
            name: chosen.name,
            total: chosen.total,
            band: chosen.band,
            reason: chosen.reason,
            dataTier: chosen.dataTier,
            familyFacing: chosen.flags.familyFacing,
            studentFacing: chosen.flags.studentFacing,
            kind: chosen.kind,
            scorers: chosen.scorers,
          }
        : null,
      ranking: ranked
        .slice(0, RANKING_KEPT)
        .map((c) => ({ name: c.name, total: c.total ?? 0, scorers: c.scorers })),
      ranked: ranked.length,
    };
  }
  const g = source.governance;
  if (g?.selected) {
    parts.governance = {
      workflowId: g.selected.id,
      planVersion: g.planVersion,
      complete: g.complete,
      gating: g.gating,
      ready: g.ready,
    };
  }
  const a = source.approvals;
  if (a?.selected) {
    parts.approvals = {
      workflowId: a.selected.id,
      planVersion: a.planVersion,
      state: a.state,
      steps: a.steps
        .filter((s) => s.applies)
        .map((s) => ({
          number: s.number,
          name: s.name,
          complete: s.complete,
          approvers: s.approvers.map((x) => ({
            role: x.role,
            status: x.status,
            requested: x.requestId !== null,
            decided: x.decided,
          })),
        })),
    };
  }
  const p = source.pilot;
  if (p?.selected) {
    parts.pilot = {
      workflowId: p.selected.id,
      state: p.state,
      pilotStart: p.plan.pilotStart,
      pilotEnd: p.plan.pilotEnd,
      reviewRule: p.plan.reviewRule,
      dataRule: p.plan.dataRule,
      communication: p.plan.communication,
      decision: p.decision,
      rationale: p.rationale,
      planVersion: p.planVersion,
      planMissing: p.missing.length,
    };
  }
  if (source.incidents) parts.incidents = source.incidents;
  const m = source.metrics;
  if (m?.selected) {
    parts.metrics = {
      workflowId: m.selected.id,
      pilotState: m.pilotState,
      metrics: m.metrics.map((x) => ({
        name: x.name,
        better: x.better === 'higher' ? 'higher' : 'lower',
        target: x.target,
        needsBaseline: x.needsBaseline,
        baseline: x.baseline,
        pilot: x.pilot,
        change: x.change,
        targetMet: x.targetMet,
        baselinePeriods: x.baselinePeriods,
        pilotPeriods: x.pilotPeriods,
        baselineItems: x.baselineItems,
        pilotItems: x.pilotItems,
      })),
      stopReasons: m.stopReasons,
      trends: m.trends.map((t) => ({ name: t.name, points: t.points.slice(-TREND_KEPT) })),
    };
  }
  return parts;
}

/**
 * `setUp`: set-up's own writes of the sheet, made after the reads and before the view's writes, so
 * the sheet is read once and written once; set-up also looks at the charts, and puts them back when
 * one was removed by hand.
 */
function writeDashboard(
  gas: AppsScript,
  sheet: Sheet,
  block: DashboardBlock,
  layoutChanged: boolean,
  setUp?: SheetSetUp,
): void {
  // People's words (workflow names, the decision's evidence) are text, never formulas.
  const rows = block.rows.map((r) => r.map((cell) => (typeof cell === 'string' ? asCellText(cell) : cell)));
  const range = sheet.getRange(DASHBOARD_FIRST_ROW, 1, DASHBOARD_ROWS, DASHBOARD_WIDTH);
  // What a new layout replaces is read first, so the sheet is read once and then written once.
  const oldCharts = setUp?.charts ?? (layoutChanged || setUp ? sheet.getCharts() : []);
  const relayout = layoutChanged || (setUp !== undefined && oldCharts.length !== block.charts.length);
  // Workspaces set up before the leader view numbered versions show the hash in row 8: replaced.
  const legacy = relayout ? sheet.getRange(LEGACY_VERSION_ROW, 1, 1, 2) : null;
  const legacyVersion =
    (setUp?.rows ? setUp.rows[LEGACY_VERSION_ROW - 1]?.[0] : legacy?.getValues()[0]?.[0]) === 'Plan version';
  setUp?.write?.(sheet);
  // Plain text, so a date or number typed in a name stays as written (numbers stay numbers); set with
  // the layout, since the format stays on the cells.
  if (relayout) range.setNumberFormat('@');
  range.setValues(rows);
  if (!relayout) return;
  if (legacyVersion) legacy?.setValues([['Plan version', 'In the leader view below, numbered for people']]);
  // A new layout moves the ranges: the Dashboard is the add-on's sheet, so its charts are replaced.
  for (const old of oldCharts) sheet.removeChart(old);
  for (const chart of block.charts) {
    const { row, column, numRows, numColumns } = chart.range;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(gas.Charts.ChartType[chart.type])
        .addRange(sheet.getRange(row, column, numRows, numColumns))
        .setOption('title', chart.title)
        .setOption('vAxis.title', chart.vAxis)
        .setOption('hAxis.title', chart.hAxis)
        .setOption('legend', { position: chart.type === 'PIE' ? 'right' : 'none' })
        .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
        .build(),
    );
  }
}

function writeBoard(
  sheet: Sheet,
  summary: BoardSummary,
  relayout: boolean,
  setUp?: (sheet: Sheet) => void,
): void {
  setUp?.(sheet);
  const width = summary.widths.length;
  const range = sheet.getRange(1, 1, summary.rows.length, width);
  if (relayout) {
    range.setNumberFormat('@').setWrap(true);
    summary.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
    sheet.getRange(1, 1, summary.rows.length, 1).setFontWeight('bold');
    // The title runs across the page instead of wrapping in the label column.
    sheet.getRange(1, 1).setWrap(false);
  }
  range.setValues(summary.rows.map((r) => r.map((cell) => asCellText(cell))));
}
