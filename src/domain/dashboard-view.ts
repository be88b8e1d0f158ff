import { humanDateTime } from './human-date';
import { boardSummary, type BoardContext } from './board-summary';
import { cueOf, enough, TREND_KEPT, type LeaderParts, type MetricFigure } from './leader-parts';
import {
  baselineN,
  cueText,
  dayText,
  metricName,
  metText,
  num,
  pilotN,
  say,
  targetText,
  type Voice,
} from './leader-text';
import { languagesOf } from './messages/catalogue';
import { metricsFor } from './metric-definitions';

/**
 * The leader view the add-on writes below the Dashboard's live formulas, read at a glance: status,
 * decision, plan and what improved first; then every measure with baseline, pilot, change, target and
 * a better/worse cue that knows the measure's direction, each figure with its n; then the tables the
 * charts draw (one unit per chart, results first, the ranking last). A fixed-size block, so the charts
 * point at fixed ranges and each write overwrites everything the last one wrote.
 */
export type Cell = string | number;

/** Where the block starts on the Dashboard, below the formula rows; its size never changes. */
export const DASHBOARD_FIRST_ROW = 14;
export const DASHBOARD_WIDTH = 9;
export const DASHBOARD_ROWS = 80;
/**
 * Room for every current measure; a plan lists only its kind's (at most 11), so the block stays one
 * page. Measures retired since a workspace recorded them come last and are the first left off.
 */
const METRIC_ROWS = metricsFor('').length;
const TREND_ROWS = TREND_KEPT;
const STEP_ROWS = 8;
const RANKING_ROWS = 10;
/** Rows between charts: a chart of Sheets' default size (371 px) spans about 18 rows of 21 px. */
const CHART_ROWS = 19;
/** The two measures leaders follow week to week, each on its own chart (one unit per chart). */
const TREND_METRICS = ['Time per item (minutes)', 'Staff trust (% agreeing)'] as const;

export interface DashboardChart {
  title: string;
  type: 'BAR' | 'COLUMN' | 'LINE' | 'PIE';
  /** 1-based, on the Dashboard sheet. */
  range: { row: number; column: number; numRows: number; numColumns: number };
  /** Where the chart sits: its top-left cell. */
  anchor: { row: number; column: number };
  /** Axis titles: the unit, so no chart mixes two. */
  vAxis: string;
  hAxis: string;
}

export interface DashboardBlock {
  rows: Cell[][];
  charts: DashboardChart[];
}

export function dashboardBlock(parts: LeaderParts, ctx: BoardContext): DashboardBlock {
  const voice: Voice = { language: languagesOf(ctx.readership)[0] ?? 'en', locale: ctx.locale };
  const v = voice;
  // The status, decision, plan and risks sentences are the Board summary's own, so both agree.
  const board = boardSummary(parts, { ...ctx, readership: v.language });
  const rows: Cell[][] = [];
  const line = (...cells: Cell[]) => rows.push(cells);
  const pad = (count: number, used: number) => {
    for (let i = used; i < count; i += 1) line();
  };
  const at = (row: number) => DASHBOARD_FIRST_ROW + row - 1;

  line(say(v, 'leaderView'), say(v, 'updated', { date: humanDateTime(ctx.now, v.language, v.locale) }));
  line(say(v, 'status'), board.first.status);
  line(say(v, 'decision'), board.first.decision);
  line(say(v, 'plan'), board.first.plan);
  line(say(v, 'improved'), board.first.improved);
  line(say(v, 'safety'), board.first.risks);
  line(say(v, 'next'), board.first.next);
  line();

  line(
    say(v, 'measure'),
    say(v, 'baseline'),
    say(v, 'n'),
    say(v, 'pilot'),
    say(v, 'n'),
    say(v, 'change'),
    say(v, 'betterOrWorse'),
    say(v, 'target'),
    say(v, 'targetMet'),
  );
  const figures = new Map((parts.metrics?.metrics ?? []).map((m) => [m.name, m]));
  // The measures of the plan's kind, as the Measure view lists them (before any is measured, the kind's).
  const shown = (
    parts.metrics
      ? parts.metrics.metrics.map((m) => m.name)
      : metricsFor(parts.workflows?.selected?.kind ?? '').map((d) => d.name)
  ).slice(0, METRIC_ROWS);
  for (const name of shown) {
    const m = figures.get(name);
    if (!m) {
      line(
        metricName(v, name),
        '',
        '',
        '',
        '',
        say(v, 'notEnoughData'),
        say(v, 'cue.unknown'),
        '',
        say(v, 'notKnown'),
      );
      continue;
    }
    line(...metricRow(v, m));
  }
  pad(METRIC_ROWS, shown.length);
  line();

  const changeRow = rows.length + 1;
  line(say(v, 'measure'), say(v, 'changePercent'));
  const changes = shown.flatMap((name) => {
    const m = figures.get(name);
    return m && enough(m) && m.change !== null ? [[metricName(v, name), m.change] as Cell[]] : [];
  });
  for (const c of changes) line(...c);
  pad(METRIC_ROWS, changes.length);
  line();

  const trendRow = rows.length + 1;
  const [firstTrend, secondTrend] = TREND_METRICS.map(
    (name) => parts.metrics?.trends.find((t) => t.name === name)?.points.slice(-TREND_ROWS) ?? [],
  );
  line(say(v, 'week'), metricName(v, TREND_METRICS[0]), '', say(v, 'week'), metricName(v, TREND_METRICS[1]));
  for (let i = 0; i < TREND_ROWS; i += 1) {
    const a = firstTrend?.[i];
    const b = secondTrend?.[i];
    line(a ? weekOf(v, a.period) : '', a?.value ?? '', '', b ? weekOf(v, b.period) : '', b?.value ?? '');
  }
  line();

  const governanceRow = rows.length + 1;
  const g = parts.governance;
  line(say(v, 'checklist'), say(v, 'checklistItems'));
  line(say(v, 'itemsDone'), g?.complete ?? 0);
  line(say(v, 'itemsOpen'), g ? g.gating - g.complete : 0);
  line(say(v, 'readyForApproval'), g ? say(v, g.ready ? 'yes' : 'no') : say(v, 'noChecklist'));
  line();

  line(say(v, 'approvalSteps'), say(v, 'stepStatus'), say(v, 'stepDate'));
  const steps = (parts.approvals?.steps ?? []).slice(0, STEP_ROWS);
  for (const step of steps) {
    const requested = step.approvers.filter((a) => a.requested);
    const approved = requested.filter((a) => a.status === 'Approved');
    const stopped = requested.some((a) => a.status === 'Rejected' || a.status === 'Changes requested');
    const last =
      step.approvers
        .map((a) => a.decided)
        .filter(Boolean)
        .sort()
        .pop() ?? '';
    line(
      say(v, 'stepLabel', { number: step.number, name: step.name }),
      step.complete
        ? say(v, 'stepApproved')
        : stopped
          ? say(v, 'stepStopped')
          : requested.length === 0
            ? say(v, 'stepNotSent')
            : say(v, 'stepWaiting', { approved: approved.length, requested: requested.length }),
      step.complete ? dayText(v, last) : '',
    );
  }
  pad(STEP_ROWS, steps.length);
  line();

  const rankingRow = rows.length + 1;
  const workflows = parts.workflows;
  line(say(v, 'ranking'), say(v, 'teamScore'), say(v, 'scoredBy'));
  const ranking = (workflows?.ranking ?? []).slice(0, RANKING_ROWS);
  for (const r of ranking) line(r.name, r.total, r.scorers);
  pad(RANKING_ROWS, ranking.length);
  const more = (workflows?.ranked ?? 0) - ranking.length;
  line(more > 0 ? say(v, 'rankingMore', { count: more }) : '');

  pad(DASHBOARD_ROWS, rows.length);
  const grid = rows
    .slice(0, DASHBOARD_ROWS)
    .map((r) => Array.from({ length: DASHBOARD_WIDTH }, (_, i) => r[i] ?? ''));
  const chartColumn = DASHBOARD_WIDTH + 2;
  const unitOf = (name: string) => /\(([^)]+)\)$/.exec(metricName(v, name))?.[1] ?? '';
  return {
    rows: grid,
    charts: [
      {
        title: say(v, 'changeChart'),
        type: 'COLUMN',
        range: { row: at(changeRow), column: 1, numRows: METRIC_ROWS + 1, numColumns: 2 },
        anchor: { row: DASHBOARD_FIRST_ROW, column: chartColumn },
        vAxis: '%',
        hAxis: say(v, 'measure'),
      },
      ...TREND_METRICS.map((name, i): DashboardChart => ({
        title: say(v, 'byWeek', { metric: metricName(v, name) }),
        type: 'LINE',
        range: { row: at(trendRow), column: 1 + 3 * i, numRows: TREND_ROWS + 1, numColumns: 2 },
        anchor: { row: DASHBOARD_FIRST_ROW + CHART_ROWS * (i + 1), column: chartColumn },
        vAxis: unitOf(name),
        hAxis: say(v, 'week'),
      })),
      {
        title: say(v, 'checklistChart'),
        type: 'PIE',
        range: { row: at(governanceRow), column: 1, numRows: 3, numColumns: 2 },
        anchor: { row: DASHBOARD_FIRST_ROW + CHART_ROWS * 3, column: chartColumn },
        vAxis: '',
        hAxis: '',
      },
      {
        title: say(v, 'rankingChart'),
        type: 'BAR',
        range: { row: at(rankingRow), column: 1, numRows: RANKING_ROWS + 1, numColumns: 2 },
        anchor: { row: DASHBOARD_FIRST_ROW + CHART_ROWS * 4, column: chartColumn },
        vAxis: '',
        hAxis: say(v, 'teamScore'),
      },
    ],
  };
}

function metricRow(v: Voice, m: MetricFigure): Cell[] {
  const ok = enough(m);
  const cue = cueOf(m);
  const arrow = cue === 'better' ? '▲ ' : cue === 'worse' ? '▼ ' : '';
  return [
    metricName(v, m.name),
    m.baseline ?? '',
    m.baseline === null ? '' : baselineN(v, m),
    m.pilot ?? '',
    m.pilot === null ? '' : pilotN(v, m),
    ok && m.change !== null ? `${m.change > 0 ? '+' : ''}${num(v, m.change)}%` : say(v, 'notEnoughData'),
    `${arrow}${cueText(v, m)}`,
    targetText(v, m.target),
    metText(v, m),
  ];
}

const weekOf = (v: Voice, period: string) =>
  humanDateTime(period, v.language, v.locale).replace(/,? \d{4}$/, '');

/** A stable text of the charts' layout: when it changes, the charts are rebuilt; otherwise they stay. */
export const chartLayout = (charts: readonly DashboardChart[]) => JSON.stringify(charts);
