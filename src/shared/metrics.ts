import type { MeasurementEntry } from '../domain/measurement-entries';
import type { MetricSummary } from '../domain/metrics';

export type { MeasurementEntry };
import type { FieldError, RowProblem } from './workflows';

/** The metrics part of the sidebar ↔ server contract (plain JSON only). */

/** One metric's summary as the Measure view shows it: the domain's summary, with the items behind it. */
export type MetricLine = { [K in keyof MetricSummary]: MetricSummary[K] } & {
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
  /** The selected workflow's entries with an ID, newest period first, withdrawn ones included. */
  entries: MeasurementEntry[];
};

export type MeasurementInput = {
  metric: string;
  window: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  items: number | null;
  /** Optional: the language and the school of the items measured. */
  language: string;
  school: string;
  note: string;
};

/** A new value for an entry, through the same checks as a new one. */
export type MeasurementCorrection = MeasurementInput & { id: string };

/** Withdrawing an entry: the row stays, with who, when and why, and stops counting. */
export type MeasurementWithdrawal = { id: string; reason: string };

export type MetricsResult =
  { ok: true; message: string; board: MetricsBoard } | { ok: false; errors: FieldError[] };
