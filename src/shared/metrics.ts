import type { FieldError, RowProblem } from './workflows';

/** The metrics part of the sidebar ↔ server contract (plain JSON only). */

export type MetricLine = {
  name: string;
  target: string;
  better: string;
  baseline: number | null;
  pilot: number | null;
  /** Relative change in percent, or null. */
  change: number | null;
  targetMet: boolean | null;
  baselinePeriods: number;
  pilotPeriods: number;
  /** Items the window's rows cover, when every row says; null otherwise (the n is then the periods). */
  baselineItems: number | null;
  pilotItems: number | null;
  /** The target compares with the baseline, so the baseline needs enough data too. */
  needsBaseline: boolean;
};

export type MetricsBoard = {
  setUp: boolean;
  selected: { id: string; name: string } | null;
  pilotState: string;
  metrics: MetricLine[];
  /** The stop rules' verdict: why the pilot is (or would be) paused. */
  stopReasons: string[];
  /** Pilot values by period (yyyy-mm-dd of the period start), per metric that has any. */
  trends: { name: string; points: { period: string; value: number }[] }[];
  problems: RowProblem[];
  rows: number;
  metricNames: string[];
};

export type MeasurementInput = {
  metric: string;
  window: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  items: number | null;
  note: string;
};

export type MetricsResult =
  { ok: true; message: string; board: MetricsBoard } | { ok: false; errors: FieldError[] };
