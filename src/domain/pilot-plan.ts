import { isoDayShape, isoDayToUtc } from './iso-day';
import { clean, isRecord, textField, type Checked, type FieldError } from './input-fields';
import { text, type TableData } from './table';
import { inputCaps } from './input-caps';

/**
 * The pilot plan (DOMAIN §3(c)): one row of the Pilot sheet per workflow. Its content is part of the
 * plan version, so editing it after approval makes the approval stale; its state (Draft, Running,
 * Paused, Ended) and the decision are the add-on's.
 */
export const pilotTextFields = [
  'question',
  'decisionInformed',
  'team',
  'inScope',
  'outOfScope',
  'tool',
  'agreement',
  'sources',
  'dataRule',
  'reviewRule',
  'humanOnly',
  'escalation',
  'stopRule',
  'communication',
  'feedback',
] as const;
export const pilotDateFields = ['baselineStart', 'baselineEnd', 'pilotStart', 'pilotEnd'] as const;
export const checkInDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

type TextField = (typeof pilotTextFields)[number];
type DateField = (typeof pilotDateFields)[number];

export type PilotFields = Record<TextField, string> & Record<DateField, string> & { checkInDay: string };

export interface PilotRecord extends PilotFields {
  row: number;
  id: string;
  workflowId: string;
  state: 'Draft' | 'Running' | 'Paused' | 'Ended';
  decision: string;
  rationale: string;
}

/** What a person must have written before the pilot can start: the plan approvers are asked to trust. */
export const requiredToStart: readonly (TextField | DateField)[] = [
  'question',
  'team',
  'baselineStart',
  'baselineEnd',
  'pilotStart',
  'pilotEnd',
  'tool',
  'sources',
  'dataRule',
  'reviewRule',
  'escalation',
  'stopRule',
];

export const pilotLabels: Record<TextField | DateField | 'checkInDay', string> = {
  question: 'The question the pilot answers',
  decisionInformed: 'The decision it informs',
  team: 'Team and participants',
  inScope: 'In scope',
  outOfScope: 'Out of scope',
  baselineStart: 'Baseline start',
  baselineEnd: 'Baseline end',
  pilotStart: 'Pilot start',
  pilotEnd: 'Pilot end',
  checkInDay: 'Weekly check-in day',
  tool: 'Tool and account',
  agreement: 'Data agreement or registry entry',
  sources: 'Approved sources',
  dataRule: 'Data rule',
  reviewRule: 'Review rule',
  humanOnly: 'Human-only categories',
  escalation: 'Escalation contact',
  stopRule: 'Stop rule',
  communication: 'Communication plan',
  feedback: 'Feedback channel',
};

const DAY = 86400000;

/** Days since 1970 for a real yyyy-mm-dd day, else null. */
function dayNumber(value: string): number | null {
  const date = isoDayToUtc(value);
  return date ? date.getTime() / DAY : null;
}

/** The date rules, shared by the planner's form and rows typed in the sheet. */
export function dateProblems(plan: Pick<PilotFields, DateField>): FieldError[] {
  const errors: FieldError[] = [];
  const days: Partial<Record<DateField, number>> = {};
  for (const field of pilotDateFields) {
    if (plan[field] === '') continue;
    const n = dayNumber(plan[field]);
    if (n === null) errors.push({ field, message: `${pilotLabels[field]} must be a date (yyyy-mm-dd).` });
    else days[field] = n;
  }
  const { baselineStart, baselineEnd, pilotStart, pilotEnd } = days;
  if (baselineStart !== undefined && baselineEnd !== undefined && baselineEnd < baselineStart)
    errors.push({ field: 'baselineEnd', message: 'The baseline ends before it starts.' });
  if (pilotStart !== undefined && pilotEnd !== undefined) {
    if (pilotEnd < pilotStart)
      errors.push({ field: 'pilotEnd', message: 'The pilot ends before it starts.' });
    else if (pilotEnd - pilotStart + 1 > 26 * 7)
      errors.push({
        field: 'pilotEnd',
        message: 'A pilot longer than 26 weeks is a rollout: shorten it (4–8 weeks is typical).',
      });
  }
  if (baselineEnd !== undefined && pilotStart !== undefined && pilotStart <= baselineEnd)
    errors.push({
      field: 'pilotStart',
      message: 'The pilot must start after the baseline window ends, so the two can be compared.',
    });
  return errors;
}

export const pilotLimits = { text: inputCaps.savePilotPlan.question } as const;

export function checkPilotInput(input: unknown): Checked<PilotFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The pilot plan could not be read.' }] };
  const errors: FieldError[] = [];
  const value = {} as PilotFields;
  for (const field of pilotTextFields)
    value[field] = textField(errors, input, field, pilotLabels[field], pilotLimits.text);
  for (const field of pilotDateFields) value[field] = clean(input[field]) ?? '';
  const day = clean(input['checkInDay']) ?? '';
  if (day !== '' && !(checkInDays as readonly string[]).includes(day))
    errors.push({
      field: 'checkInDay',
      message: `The check-in day must be one of ${checkInDays.join(', ')}.`,
    });
  value.checkInDay = day;
  errors.push(...dateProblems(value));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Why the pilot cannot start yet, field by field; empty when the plan is complete. */
export function missingToStart(plan: PilotFields): FieldError[] {
  return requiredToStart
    .filter((field) => plan[field].trim() === '')
    .map((field) => ({ field, message: `${pilotLabels[field]} is needed before the pilot starts.` }));
}

/**
 * The plan's fields still empty that approvers are asked to trust, as their labels: the same fields
 * the pilot needs to start, so a plan is never sent for approval half-written.
 */
export function unwrittenFields(plan: Readonly<Record<string, string | undefined>>): string[] {
  return requiredToStart
    .filter((field) => (plan[field] ?? '').trim() === '')
    .map((field) => pilotLabels[field]);
}

/**
 * The selected workflow's pilot row; dates read as the sheet shows them (`shown`, by row and column
 * key), so they are the spreadsheet's own days.
 */
export function readPilot(
  table: TableData,
  workflowId: string,
  shown: (row: number, key: DateField) => string,
): PilotRecord | null {
  const found = table.rows.find((r) => text(r.cells['workflowId']) === workflowId);
  if (!found) return null;
  const { row, cells } = found;
  const state = text(cells['state']);
  const record = {
    row,
    id: text(cells['id']),
    workflowId,
    state: state === 'Running' || state === 'Paused' || state === 'Ended' ? state : 'Draft',
    decision: text(cells['decision']),
    rationale: text(cells['rationale']),
    checkInDay: text(cells['checkInDay']),
  } as PilotRecord;
  for (const field of pilotTextFields) record[field] = text(cells[field]);
  for (const field of pilotDateFields) {
    const value = cells[field];
    const display = shown(row, field);
    record[field] =
      value instanceof Date
        ? isoDayShape.test(display)
          ? display
          : value.toISOString().slice(0, 10)
        : text(value);
  }
  return record;
}

/** The pilot plan's content, for the plan version: what approvers approve (not its state or decision). */
export function pilotContent(plan: PilotFields | null): Record<string, string> {
  if (!plan) return {};
  const content: Record<string, string> = { checkInDay: plan.checkInDay };
  for (const field of [...pilotTextFields, ...pilotDateFields]) content[field] = plan[field];
  return content;
}
