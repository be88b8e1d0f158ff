import { isoDayToUtc } from './iso-day';
import { clean, isRecord, textField, type Checked, type FieldError } from './input-fields';
import { metricDefinition, type MetricName } from './metric-definitions';
import { inputCaps } from './input-caps';

/** Checks a measurement entered in the planner: the same rules as rows typed into the Metrics sheet. */
export type MeasurementFields = {
  metric: MetricName;
  window: 'Baseline' | 'Pilot';
  periodStart: string;
  periodEnd: string;
  value: number;
  items: number | null;
  /** The language and the school of the items measured, or "" (optional splits). */
  language: string;
  school: string;
  note: string;
};

const day = (value: string): number | null => isoDayToUtc(value)?.getTime() ?? null;

export function checkMeasurementInput(input: unknown): Checked<MeasurementFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The measurement could not be read.' }] };
  const errors: FieldError[] = [];
  const definition = metricDefinition(clean(input['metric']) ?? '');
  if (!definition) errors.push({ field: 'metric', message: 'Choose the metric measured.' });
  const window = clean(input['window']) ?? '';
  if (window !== 'Baseline' && window !== 'Pilot')
    errors.push({ field: 'window', message: 'Choose Baseline (before the pilot) or Pilot.' });
  const periodStart = clean(input['periodStart']) ?? '';
  const periodEnd = clean(input['periodEnd']) ?? '';
  const start = day(periodStart);
  const end = day(periodEnd);
  if (start === null)
    errors.push({ field: 'periodStart', message: 'The period start must be a date (yyyy-mm-dd).' });
  if (end === null)
    errors.push({ field: 'periodEnd', message: 'The period end must be a date (yyyy-mm-dd).' });
  if (start !== null && end !== null && end < start)
    errors.push({ field: 'periodEnd', message: 'The period ends before it starts.' });
  const value = input['value'];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({ field: 'value', message: 'The value must be a number.' });
  } else if (
    definition &&
    (value < definition.min || value > definition.max || (definition.whole && !Number.isInteger(value)))
  ) {
    const range = Number.isFinite(definition.max)
      ? `from ${definition.min} to ${definition.max}`
      : `of ${definition.min} or more`;
    errors.push({
      field: 'value',
      message: `${definition.name} must be ${definition.whole ? 'a whole number' : 'a number'} ${range}.`,
    });
  }
  const items = input['items'];
  if (items !== null && (typeof items !== 'number' || !Number.isInteger(items) || items < 0))
    errors.push({ field: 'items', message: 'Items measured must be a whole number, or left empty.' });
  const note = textField(errors, input, 'note', 'The note', inputCaps.saveMeasurement.note);
  const optional = (field: 'language' | 'school', label: string) =>
    input[field] === undefined
      ? ''
      : textField(errors, input, field, label, inputCaps.saveMeasurement[field]);
  const language = optional('language', 'The language');
  const school = optional('school', 'The school');
  if (errors.length > 0 || !definition || typeof value !== 'number') return { ok: false, errors };
  return {
    ok: true,
    value: {
      metric: definition.name,
      window: window as 'Baseline' | 'Pilot',
      periodStart,
      periodEnd,
      value,
      items: typeof items === 'number' ? items : null,
      language,
      school,
      note,
    },
  };
}
