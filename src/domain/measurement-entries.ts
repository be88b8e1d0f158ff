import { checkMeasurementInput, type MeasurementFields } from './measurement-input';
import { clean, isRecord, textField, type Checked, type FieldError } from './input-fields';
import { inputCaps } from './input-caps';
import { dayOf, isWithdrawn, type MeasurementRecord } from './metrics';
import { text, type TableRow } from './table';

/**
 * The entries of the Metrics sheet as people correct them: listed newest first, corrected through the
 * same checks as a new entry, or withdrawn. A withdrawn row is kept with who, when and why (the audit
 * trail stays on the sheet) and never counts again in any figure or stop rule.
 */

const dayText = (value: unknown): string => (value instanceof Date ? dayOf(value) : text(value));
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The workflow's rows that have an ID, newest period first (then latest row first), each with whether it
 * counts, is a row to fix (listed with its reason), or is withdrawn. `when` shows a withdrawal's date-time as the sheet does.
 */
export function listEntries(
  rows: readonly TableRow[],
  workflowId: string,
  counted: readonly MeasurementRecord[],
  when: (value: unknown) => string,
  /** A period cell's day as the sheet shows it; by default a Date's UTC day, or the cell's text. */
  day: (row: number, key: 'periodStart' | 'periodEnd', value: unknown) => string = (_row, _key, value) =>
    dayText(value),
): MeasurementEntry[] {
  const counts = new Set(counted.map((r) => r.row));
  const entries = rows
    .filter((r) => text(r.cells['workflowId']) === workflowId && text(r.cells['id']) !== '')
    .map(({ row, cells }) => {
      const withdrawn = isWithdrawn(cells);
      const entry: MeasurementEntry = {
        id: text(cells['id']),
        metric: text(cells['metric']),
        window: text(cells['window']),
        periodStart: day(row, 'periodStart', cells['periodStart']),
        periodEnd: day(row, 'periodEnd', cells['periodEnd']),
        value: numberOrNull(cells['value']),
        items: numberOrNull(cells['items']),
        language: text(cells['language']),
        school: text(cells['school']),
        note: text(cells['note']),
        enteredBy: text(cells['enteredBy']),
        status: withdrawn ? 'withdrawn' : counts.has(row) ? 'counts' : 'to fix',
        withdrawn: withdrawn
          ? {
              by: text(cells['withdrawnBy']),
              when: when(cells['withdrawn']),
              why: text(cells['withdrawnWhy']),
            }
          : null,
      };
      return { row, entry };
    });
  return entries
    .sort((a, b) =>
      a.entry.periodStart === b.entry.periodStart
        ? b.row - a.row
        : a.entry.periodStart < b.entry.periodStart
          ? 1
          : -1,
    )
    .map((e) => e.entry);
}

/** One row of the Metrics sheet as the Measure view lists it. */
export type MeasurementEntry = {
  id: string;
  metric: string;
  window: string;
  /** yyyy-mm-dd, or the cell's text when it is not a date. */
  periodStart: string;
  periodEnd: string;
  value: number | null;
  items: number | null;
  language: string;
  school: string;
  note: string;
  enteredBy: string;
  /** Counts in the figures; listed as a row to fix; or withdrawn (kept, never counted). */
  status: 'counts' | 'to fix' | 'withdrawn';
  withdrawn: { by: string; when: string; why: string } | null;
};

export type CorrectionFields = MeasurementFields & { id: string };

const idOf = (errors: FieldError[], input: Record<string, unknown>): string => {
  const id = clean(input['id']) ?? '';
  if (id === '') errors.push({ field: '', message: 'Choose the entry to change.' });
  return id;
};

/** A correction: the entry's ID and the measurement, checked as a new one is. */
export function checkCorrectionInput(input: unknown): Checked<CorrectionFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The correction could not be read.' }] };
  const errors: FieldError[] = [];
  const id = idOf(errors, input);
  const checked = checkMeasurementInput(input);
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return { ok: true, value: { ...checked.value, id } };
}

/** A withdrawal: the entry's ID and why (required: the row keeps it for whoever reads it later). */
export function checkWithdrawalInput(input: unknown): Checked<{ id: string; reason: string }> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The withdrawal could not be read.' }] };
  const errors: FieldError[] = [];
  const id = idOf(errors, input);
  const reason = textField(
    errors,
    input,
    'reason',
    'Why it is withdrawn',
    inputCaps.withdrawMeasurement.reason,
    true,
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { id, reason } };
}

/** The row an ID names for this workflow, or why it cannot be changed. */
export function entryToChange(
  rows: readonly TableRow[],
  workflowId: string,
  id: string,
): { ok: true; row: TableRow } | { ok: false; message: string } {
  const found = rows.find((r) => text(r.cells['id']) === id);
  if (!found || text(found.cells['workflowId']) !== workflowId)
    return { ok: false, message: `There is no entry ${id} for the selected workflow.` };
  if (isWithdrawn(found.cells))
    return { ok: false, message: `Entry ${id} is withdrawn: add a new entry instead.` };
  return { ok: true, row: found };
}

/**
 * The counting entry that already measures this period (same workflow, metric, window and period
 * start), other than the row being corrected: a second one would be left out, so it is refused.
 */
export function periodTaken(
  counted: readonly MeasurementRecord[],
  workflowId: string,
  value: Pick<MeasurementFields, 'metric' | 'window' | 'periodStart'>,
  exceptRow: number | null,
): FieldError | null {
  const taken = counted.find(
    (r) =>
      r.row !== exceptRow &&
      r.workflowId === workflowId &&
      r.metric === value.metric &&
      r.window === value.window &&
      dayOf(r.periodStart) === value.periodStart,
  );
  if (!taken) return null;
  const name = taken.id || `row ${taken.row}`;
  return {
    field: 'periodStart',
    message: `${value.metric} is already measured for the ${value.window.toLowerCase()} period starting ${value.periodStart} (${name}): correct that entry instead.`,
  };
}
