import type { FieldError } from './input-fields';
import { dayOf, type MeasurementRecord, type MeasurementWindow } from './metrics';
import type { RowProblem } from './table';

/**
 * A measurement belongs to the window it claims: a Baseline period inside the pilot plan's baseline
 * window, a Pilot period inside the pilot window, and neither starting after today (the spreadsheet's
 * day). One rule for what the planner saves and for rows typed into the Metrics sheet, so a row that is
 * refused in the sidebar never counts when typed by hand either.
 *
 * Days are yyyy-mm-dd, compared as text. A window the plan has not set yet (either day empty) cannot be
 * checked, so periods are accepted until it is; once set, every row is checked against it, earlier ones
 * included.
 */
export interface PlanWindows {
  baselineStart: string;
  baselineEnd: string;
  pilotStart: string;
  pilotEnd: string;
}

export const noWindows: PlanWindows = { baselineStart: '', baselineEnd: '', pilotStart: '', pilotEnd: '' };

/** The window's days in the plan, or null when the plan has not set both. */
export function windowOf(
  plan: PlanWindows,
  window: MeasurementWindow,
): { start: string; end: string } | null {
  const [start, end] =
    window === 'Baseline' ? [plan.baselineStart, plan.baselineEnd] : [plan.pilotStart, plan.pilotEnd];
  return start !== '' && end !== '' ? { start, end } : null;
}

/** Why a period cannot count in `window`, in a short sentence; null when it can. */
export function periodOutsideWindow(
  window: MeasurementWindow,
  periodStart: string,
  periodEnd: string,
  plan: PlanWindows,
  today: string,
): string | null {
  if (periodStart > today)
    return `The period starts ${periodStart}, after today (${today}): enter it once the period has begun.`;
  const span = windowOf(plan, window);
  if (span && (periodStart < span.start || periodEnd > span.end)) {
    const name = window === 'Baseline' ? 'baseline' : 'pilot';
    return `A ${name} period must lie within the ${name} window, ${span.start} to ${span.end} (Pilot sheet, ${window} start–end).`;
  }
  return null;
}

/** The same rule for the planner's form: the refusal on the period start, or none. */
export function periodFieldError(
  value: { window: MeasurementWindow; periodStart: string; periodEnd: string },
  plan: PlanWindows,
  today: string,
): FieldError | null {
  const why = periodOutsideWindow(value.window, value.periodStart, value.periodEnd, plan, today);
  return why ? { field: 'periodStart', message: why } : null;
}

/**
 * Rows read from the sheet, held to their windows: a row outside its window (or starting after today)
 * is left out and listed as a row to fix, like any other row that cannot count.
 */
export function keepInWindows(
  records: readonly MeasurementRecord[],
  planOf: (workflowId: string) => PlanWindows,
  today: string,
  /** The period's days as the sheet shows them (its own time zone); the UTC day by default. */
  periodOf: (r: MeasurementRecord) => { start: string; end: string } = (r) => ({
    start: dayOf(r.periodStart),
    end: dayOf(r.periodEnd),
  }),
): { records: MeasurementRecord[]; problems: RowProblem[] } {
  const kept: MeasurementRecord[] = [];
  const problems: RowProblem[] = [];
  for (const r of records) {
    const { start, end } = periodOf(r);
    const why = periodOutsideWindow(r.window, start, end, planOf(r.workflowId), today);
    if (why === null) kept.push(r);
    else
      problems.push({
        sheet: 'Metrics',
        row: r.row,
        message: `Metrics row ${r.row}: ${lowerFirst(why)} The row is left out until it is fixed.`,
      });
  }
  return { records: kept, problems };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
