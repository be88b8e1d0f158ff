import type { Phase } from './workspace-phase';

/**
 * The leader view the add-on writes below the Dashboard's live formulas: where the plan stands, in
 * counts and medians only (nothing about one person), laid out as a fixed-size block so the charts
 * beside it can point at fixed ranges and a refresh overwrites everything it wrote before.
 */
export interface DashboardInput {
  refreshed: string;
  phase: Phase;
  selected: { name: string; total: number | null; band: string | null; reason: string } | null;
  ranking: { name: string; total: number }[];
  governance: { complete: number; gating: number; ready: boolean } | null;
  approvals: {
    summary: string;
    steps: { number: number; name: string; status: string; decided: string }[];
  } | null;
  pilot: { state: string; pilotStart: string; pilotEnd: string; decision: string; rationale: string } | null;
  metrics: {
    name: string;
    baseline: number | null;
    pilot: number | null;
    change: number | null;
    target: string;
    targetMet: boolean | null;
  }[];
  stopReasons: string[];
  /** Pilot values per period for the metrics that have any. */
  trends: { name: string; points: { period: string; value: number }[] }[];
}

export type Cell = string | number;

/** Where the block starts on the Dashboard, below the formula rows; its size never changes. */
export const DASHBOARD_FIRST_ROW = 14;
export const DASHBOARD_WIDTH = 6;
export const DASHBOARD_ROWS = 80;
const RANKING_ROWS = 10;
const STEP_ROWS = 8;
const METRIC_ROWS = 9;
const TREND_ROWS = 12;
/** The weekly trend shows the measures leaders follow week to week. */
const TREND_METRICS = [
  'Time per item (minutes)',
  'Response time (business hours)',
  'Staff trust (1–5)',
] as const;

export interface DashboardChart {
  title: string;
  type: 'BAR' | 'COLUMN' | 'LINE' | 'PIE';
  /** 1-based, on the Dashboard sheet. */
  range: { row: number; column: number; numRows: number; numColumns: number };
  /** Where the chart sits: its top-left cell. */
  anchor: { row: number; column: number };
}

export interface DashboardBlock {
  rows: Cell[][];
  charts: DashboardChart[];
}

const met = (value: boolean | null) => (value === null ? 'Not known yet' : value ? 'Met' : 'Not met');
const figure = (value: number | null): Cell => (value === null ? '' : value);

export function dashboardBlock(input: DashboardInput): DashboardBlock {
  const rows: Cell[][] = [];
  const line = (...cells: Cell[]) => rows.push(cells);
  const pad = (count: number, used: number) => {
    for (let i = used; i < count; i += 1) line();
  };

  line('Leader view (kept current by the add-on)', `Last refreshed ${input.refreshed}`);
  line(
    'Where the plan stands',
    input.phase.number === 0 ? input.phase.title : `Phase ${input.phase.number} of 5: ${input.phase.title}`,
  );
  line('', input.phase.detail);
  const pilot = input.pilot;
  line(
    'Pilot',
    !pilot
      ? 'Not planned yet'
      : pilot.decision
        ? `Ended. Decision: ${pilot.decision}`
        : `${pilot.state}${pilot.pilotStart ? ` (${pilot.pilotStart} to ${pilot.pilotEnd})` : ''}`,
  );
  line('Stop rule', input.stopReasons.length > 0 ? input.stopReasons.join(' ') : 'No stop rule holds.');
  line();

  line('The chosen workflow', input.selected?.name ?? 'None selected yet');
  line(
    'Why it was chosen',
    input.selected
      ? `${input.selected.total === null ? 'Not scored' : `${input.selected.total} of 20`}${input.selected.band ? ` (${input.selected.band})` : ''}. ${input.selected.reason}`
      : '',
  );
  line();

  const governanceRow = rows.length + 1;
  line('Governance', 'Items');
  line('Required items done', input.governance?.complete ?? 0);
  line('Required items open', input.governance ? input.governance.gating - input.governance.complete : 0);
  line('Ready for approval', input.governance ? (input.governance.ready ? 'Yes' : 'No') : 'No checklist yet');
  line();

  line('Approval chain', input.approvals?.summary ?? 'Not started');
  const steps = (input.approvals?.steps ?? []).slice(0, STEP_ROWS);
  for (const step of steps) line(`Step ${step.number}: ${step.name}`, step.status, step.decided);
  pad(STEP_ROWS, steps.length);
  line();

  const metricsRow = rows.length + 1;
  line('Metric', 'Baseline', 'Pilot', 'Change (%)', 'Target', 'Target met');
  const metrics = input.metrics.slice(0, METRIC_ROWS);
  for (const m of metrics)
    line(m.name, figure(m.baseline), figure(m.pilot), figure(m.change), m.target, met(m.targetMet));
  pad(METRIC_ROWS, metrics.length);
  line();

  const trendRow = rows.length + 1;
  line('Pilot period', ...TREND_METRICS);
  const periods = [...new Set(input.trends.flatMap((t) => t.points.map((p) => p.period)))]
    .sort()
    .slice(-TREND_ROWS);
  for (const period of periods) {
    line(
      period,
      ...TREND_METRICS.map(
        (name) =>
          input.trends.find((t) => t.name === name)?.points.find((p) => p.period === period)?.value ?? '',
      ),
    );
  }
  pad(TREND_ROWS, periods.length);
  line();

  const rankingRow = rows.length + 1;
  line('Candidate workflows, ranked', 'Team score (of 20)');
  const ranking = input.ranking.slice(0, RANKING_ROWS);
  for (const r of ranking) line(r.name, r.total);
  pad(RANKING_ROWS, ranking.length);
  line();

  line('Decision', pilot?.decision || 'Not decided yet');
  line('Evidence', pilot?.rationale ?? '');

  pad(DASHBOARD_ROWS, rows.length);
  const grid = rows
    .slice(0, DASHBOARD_ROWS)
    .map((r) => Array.from({ length: DASHBOARD_WIDTH }, (_, i) => r[i] ?? ''));
  const at = (row: number) => DASHBOARD_FIRST_ROW + row - 1;
  return {
    rows: grid,
    charts: [
      {
        title: 'Candidate workflows by team score',
        type: 'BAR',
        range: { row: at(rankingRow), column: 1, numRows: RANKING_ROWS + 1, numColumns: 2 },
        anchor: { row: DASHBOARD_FIRST_ROW, column: 8 },
      },
      {
        title: 'Baseline and pilot, per metric',
        type: 'COLUMN',
        range: { row: at(metricsRow), column: 1, numRows: METRIC_ROWS + 1, numColumns: 3 },
        anchor: { row: DASHBOARD_FIRST_ROW + 20, column: 8 },
      },
      {
        title: 'Weekly trend during the pilot',
        type: 'LINE',
        range: {
          row: at(trendRow),
          column: 1,
          numRows: TREND_ROWS + 1,
          numColumns: 1 + TREND_METRICS.length,
        },
        anchor: { row: DASHBOARD_FIRST_ROW + 60, column: 8 },
      },
      {
        title: 'Governance checklist: required items',
        type: 'PIE',
        range: { row: at(governanceRow), column: 1, numRows: 3, numColumns: 2 },
        anchor: { row: DASHBOARD_FIRST_ROW + 40, column: 8 },
      },
    ],
  };
}
