/**
 * How much evidence stands behind a metric's figures, for the leader view: how many items and periods
 * each window covers, and whether that is enough to report a change.
 *
 * MINIMUMS: the metric definitions (domain-defaults, src/domain/metric*.ts) are to declare the real
 * minimum per metric; until they do, this file is the one place that holds a rule: at least
 * `MIN_PERIODS` measured periods in each window that the target compares.
 */
export const MIN_PERIODS = 2;

export interface MetricEvidence {
  baselinePeriods: number;
  pilotPeriods: number;
  /** Items the window's rows cover, when every row gives them; null otherwise. */
  baselineItems: number | null;
  pilotItems: number | null;
}

/** Enough to report the pilot figure (and the change, when the target compares with the baseline). */
export function enoughData(e: MetricEvidence, needsBaseline: boolean): boolean {
  return e.pilotPeriods >= MIN_PERIODS && (!needsBaseline || e.baselinePeriods >= MIN_PERIODS);
}

/** Items covered by rows, or null when any row leaves the count out. */
export function itemsCovered(rows: readonly { items: number | null }[]): number | null {
  if (rows.length === 0) return null;
  let total = 0;
  for (const r of rows) {
    if (r.items === null) return null;
    total += r.items;
  }
  return total;
}
