import {
  MIN_BASELINE_PERIODS,
  MIN_ITEMS,
  MIN_RESPONSES,
  metricDefinition,
  metricDefinitions,
  metricsFor,
  type MetricDefinition,
  type MetricKind,
  type MetricName,
} from './metric-definitions';
import { isoDayToUtc } from './iso-day';
import { dayInText } from './email-dates';
import { render, type Language, type Message, type MessageParams } from './messages/catalogue';
import { stopRuleMessages } from './messages/stop-rule-messages';
import { text, type RowProblem, type TableData } from './table';

export {
  metricDefinition,
  metricDefinitions,
  metricNames,
  metricsFor,
  workflowKindNames,
  type MetricDefinition,
  type MetricKind,
  type MetricName,
  type MetricTarget,
} from './metric-definitions';

/**
 * The pilot's measurements, as pure functions: the Metrics sheet read into records, the baseline and
 * pilot figure per metric with change and target, and the stop rules. Counts and medians only: a row
 * measures a workflow over a period, never a person, and nothing here reads who entered it.
 */

export const measurementWindows = ['Baseline', 'Pilot'] as const;
export type MeasurementWindow = (typeof measurementWindows)[number];

export interface MeasurementRecord {
  row: number;
  /** "" for a row typed in by hand without an ID. */
  id: string;
  workflowId: string;
  /** The metric's name exactly as defined (a hand-typed variant is read as the defined name). */
  metric: string;
  window: MeasurementWindow;
  periodStart: Date;
  periodEnd: Date;
  value: number;
  /** How many items the value covers; null when not given. */
  items: number | null;
  /** The language of the items (e.g. Spanish), and the school, where recorded; "" otherwise. */
  language: string;
  school: string;
}

const plainNumber = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** The UTC day of a date, yyyy-mm-dd. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;
const found = (value: unknown) => `“${text(value)}”`;

/** A row is withdrawn once any of its withdrawal cells is filled, by the add-on or by hand. */
export function isWithdrawn(cells: Readonly<Record<string, unknown>>): boolean {
  return ['withdrawn', 'withdrawnBy', 'withdrawnWhy'].some((key) => text(cells[key]) !== '');
}

type Read<T> = { ok: true; value: T } | { ok: false; why: string };

/** A date cell: a Date from Sheets, or text typed as yyyy-mm-dd (read as that UTC day). */
function readDate(value: unknown, what: string): Read<Date> {
  if (isBlank(value)) return { ok: false, why: `no ${what}` };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { ok: false, why: `the ${what} is not a date` }
      : { ok: true, value };
  }
  const date = isoDayToUtc(text(value));
  if (date) return { ok: true, value: date };
  return { ok: false, why: `the ${what} ${found(value)} is not a date` };
}

/** A number cell, or a number typed as text (with a trailing % where the metric is a percentage). */
function readNumber(value: unknown, allowPercentSign: boolean): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  let raw = text(value);
  if (allowPercentSign && raw.endsWith('%')) raw = raw.slice(0, -1).trim();
  return plainNumber.test(raw) ? Number(raw) : null;
}

function rangeText(def: MetricDefinition): string {
  const kind = def.whole ? 'a whole number' : 'a number';
  return Number.isFinite(def.max) ? `${kind} from ${def.min} to ${def.max}` : `${kind}, ${def.min} or more`;
}

function readWindow(raw: string): MeasurementWindow | null {
  const lower = raw.toLowerCase();
  return measurementWindows.find((w) => w.toLowerCase() === lower) ?? null;
}

/**
 * Rows typed by staff in the sheet count as much as those saved by the add-on. A row that cannot count
 * (no workflow ID; an unknown metric or window; a value that is not a number or outside the metric's
 * range; items that are not a whole number ≥ 0; missing or invalid dates; an end before the start) is
 * reported with its row and left out. So is a row repeating the same workflow, metric, window and
 * period start as an earlier row: the earlier row counts, so no period is counted twice.
 */
export function readMeasurements(table: TableData): { records: MeasurementRecord[]; problems: RowProblem[] } {
  const records: MeasurementRecord[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const leftOut = (row: number, why: string) =>
    problems.push({
      sheet: 'Metrics',
      row,
      message: `Metrics row ${row}: ${why}. The row is left out until it is fixed.`,
    });

  for (const { row, cells } of table.rows) {
    // Withdrawn: kept on the sheet with who and why, never counted, never a row to fix.
    if (isWithdrawn(cells)) continue;
    const wrong: string[] = [];
    const workflowId = text(cells['workflowId']);
    if (workflowId === '') wrong.push('no workflow ID');

    const rawMetric = text(cells['metric']);
    const def = metricDefinition(rawMetric);
    if (rawMetric === '') wrong.push('no metric');
    else if (def === null) wrong.push(`the metric “${rawMetric}” is not one of the metrics in the list`);

    const rawWindow = text(cells['window']);
    const window = readWindow(rawWindow);
    if (rawWindow === '') wrong.push('no window (Baseline or Pilot)');
    else if (window === null) wrong.push(`the window “${rawWindow}” must be Baseline or Pilot`);

    const start = readDate(cells['periodStart'], 'period start');
    const end = readDate(cells['periodEnd'], 'period end');
    if (!start.ok) wrong.push(start.why);
    if (!end.ok) wrong.push(end.why);
    if (start.ok && end.ok && end.value.getTime() < start.value.getTime())
      wrong.push(`the period ends (${dayOf(end.value)}) before it starts (${dayOf(start.value)})`);

    const rawValue = cells['value'];
    const value = readNumber(rawValue, def?.kind === 'percent');
    if (isBlank(rawValue)) wrong.push('no value');
    else if (value === null) wrong.push(`the value ${found(rawValue)} is not a number`);
    else if (def && (value < def.min || value > def.max || (def.whole && !Number.isInteger(value))))
      wrong.push(`the value for ${def.name} must be ${rangeText(def)} (found ${found(rawValue)})`);

    const rawItems = cells['items'];
    const items = isBlank(rawItems) ? null : readNumber(rawItems, false);
    if (!isBlank(rawItems) && (items === null || items < 0 || !Number.isInteger(items)))
      wrong.push(`the items measured must be a whole number, 0 or more (found ${found(rawItems)})`);

    if (wrong.length > 0 || !def || !window || !start.ok || !end.ok || value === null) {
      leftOut(row, wrong.join('; '));
      continue;
    }
    const key = [workflowId, def.name, window, dayOf(start.value)].join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      leftOut(
        row,
        `it repeats the ${window.toLowerCase()} period starting ${dayOf(start.value)} for ${def.name} of ${workflowId}, already measured in row ${first}`,
      );
      continue;
    }
    seen.set(key, row);
    records.push({
      row,
      id: text(cells['id']),
      workflowId,
      metric: def.name,
      window,
      periodStart: start.value,
      periodEnd: end.value,
      value,
      items,
      language: text(cells['language']),
      school: text(cells['school']),
    });
  }
  return { records, problems };
}

export interface MetricSummary {
  name: string;
  kind: MetricKind;
  better: 'lower' | 'higher';
  /** The target in words. */
  target: string;
  /**
   * The window's figure, rounded to 2 decimals: time, the median of the period values; volume, the
   * mean per period; percent and score, the mean (weighted by items when every period gives them);
   * count, the total. Null when the window has no rows.
   */
  baseline: number | null;
  pilot: number | null;
  /** Relative change in percent (pilot vs baseline), rounded to one decimal; null when either side is missing or baseline is 0. */
  change: number | null;
  /**
   * Whether the pilot meets the target. Null when it cannot be judged: no pilot value yet, or a target
   * that compares with the baseline (time, volume) and no baseline.
   */
  targetMet: boolean | null;
  /** How many distinct periods each window has. */
  baselinePeriods: number;
  pilotPeriods: number;
  /** Pilot values by period start (yyyy-mm-dd, UTC day of periodStart), oldest first, for the trend chart. */
  trend: { period: string; value: number }[];
  /**
   * The verdict in words: "Met", "Not met", "Not enough data" (fewer than 30 items in a window, or a
   * baseline of fewer than 4 periods, where the target compares with it), "Hidden" (staff trust from
   * fewer than 5 responses) or "Not known yet".
   */
  verdict: 'Met' | 'Not met' | 'Not enough data' | 'Hidden' | 'Not known yet';
  /** Why the verdict is what it is, when it is not a plain Met or Not met; "" otherwise. */
  verdictNote: string;
  /** What is counted, by whom, when, and whether review time is in it. */
  definition: string;
  /** The figures per language and per school, where rows record them (pilot and baseline). */
  splits: { by: 'Language' | 'School'; group: string; baseline: number | null; pilot: number | null }[];
}

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Weighted by items when every row says how many (and they are not all 0); a plain mean otherwise. */
function mean(rows: readonly MeasurementRecord[]): number {
  const weights = rows.map((r) => r.items);
  const total = sum(weights.map((w) => w ?? 0));
  if (weights.every((w) => w !== null) && total > 0)
    return sum(rows.map((r) => r.value * (r.items ?? 0))) / total;
  return sum(rows.map((r) => r.value)) / rows.length;
}

/** One figure for a set of rows of one metric, by the metric's kind; null for no rows. */
export function aggregate(kind: MetricKind, rows: readonly MeasurementRecord[]): number | null {
  if (rows.length === 0) return null;
  const values = rows.map((r) => r.value);
  switch (kind) {
    case 'time':
      return round(median(values), 2);
    case 'volume':
      return round(sum(values) / values.length, 2);
    case 'percent':
    case 'score':
      return round(mean(rows), 2);
    case 'count':
      return round(sum(values), 2);
  }
}

/** Rows grouped by the UTC day of their period start, oldest first. */
function byPeriod(rows: readonly MeasurementRecord[]): { period: string; rows: MeasurementRecord[] }[] {
  const groups = new Map<string, MeasurementRecord[]>();
  for (const r of rows) {
    const key = dayOf(r.periodStart);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, grouped]) => ({ period, rows: grouped }));
}

/** Relative change in percent, one decimal; null without both sides or with a baseline of 0. */
export function relativeChange(baseline: number | null, pilot: number | null): number | null {
  if (baseline === null || pilot === null || baseline === 0) return null;
  return round(((pilot - baseline) / baseline) * 100, 1);
}

/**
 * One summary per metric definition, in order, from this workflow's rows only. The change and the
 * target are judged on the rounded figures shown, so what people see and what the code says agree.
 */
export function summarizeMetrics(
  records: readonly MeasurementRecord[],
  workflowId: string,
  kind = '',
): MetricSummary[] {
  const mine = records.filter((r) => r.workflowId === workflowId);
  const offered = metricsFor(kind);
  // A retired metric shows only where the sheet still has rows of it.
  const shown = metricDefinitions.filter((d) => offered.includes(d) || mine.some((r) => r.metric === d.name));
  return shown.map((def) => {
    const rows = mine.filter((r) => r.metric === def.name);
    const baselineRows = rows.filter((r) => r.window === 'Baseline');
    const pilotRows = rows.filter((r) => r.window === 'Pilot');
    const hidden = def.name === STAFF_TRUST && totalItems(pilotRows) < MIN_RESPONSES;
    const baseline = hidden ? null : aggregate(def.kind, baselineRows);
    const pilot = hidden ? null : aggregate(def.kind, pilotRows);
    const pilotPeriods = byPeriod(pilotRows);
    const baselinePeriods = byPeriod(baselineRows).length;
    const judged =
      pilot === null || (def.target.needsBaseline && baseline === null)
        ? null
        : def.target.test(baseline, pilot);
    const short = notEnough(def, baselineRows, pilotRows, baselinePeriods);
    const targetMet = hidden || short ? null : judged;
    const verdict: MetricSummary['verdict'] = hidden
      ? 'Hidden'
      : pilot === null || judged === null
        ? 'Not known yet'
        : short
          ? 'Not enough data'
          : judged
            ? 'Met'
            : 'Not met';
    const verdictNote = hidden
      ? `Hidden: fewer than ${MIN_RESPONSES} responses, so no answer can be traced to a person.`
      : verdict === 'Not enough data'
        ? short
        : '';
    return {
      name: def.name,
      kind: def.kind,
      better: def.better,
      target: def.target.text,
      baseline,
      pilot,
      change: relativeChange(baseline, pilot),
      targetMet,
      baselinePeriods,
      pilotPeriods: pilotPeriods.length,
      trend: hidden
        ? []
        : pilotPeriods
            .filter((p) => def.name !== STAFF_TRUST || totalItems(p.rows) >= MIN_RESPONSES)
            .map((p) => ({ period: p.period, value: aggregate(def.kind, p.rows) ?? 0 })),
      verdict,
      verdictNote,
      definition: `${def.counted} Recorded by: ${def.countedBy} When: ${def.when}${def.reviewTime === 'not applicable' ? '' : ` Review time ${def.reviewTime}.`}`,
      splits: hidden ? [] : splitsOf(def.kind, rows),
    };
  });
}

const totalItems = (rows: readonly MeasurementRecord[]) => sum(rows.map((r) => r.items ?? 0));

/** Why a verdict would rest on too little, or "" when there is enough. */
function notEnough(
  def: MetricDefinition,
  baselineRows: readonly MeasurementRecord[],
  pilotRows: readonly MeasurementRecord[],
  baselinePeriods: number,
): string {
  const reasons: string[] = [];
  if (def.target.needsBaseline && baselinePeriods < MIN_BASELINE_PERIODS)
    reasons.push(
      `the baseline has ${plural(baselinePeriods, 'period', 'periods')} (at least ${MIN_BASELINE_PERIODS} weeks are needed)`,
    );
  if (def.sampled) {
    for (const [name, rows] of [
      ['baseline', def.target.needsBaseline ? baselineRows : null],
      ['pilot', pilotRows],
    ] as const) {
      if (rows === null) continue;
      const items = totalItems(rows);
      if (items < MIN_ITEMS)
        reasons.push(
          `the ${name} covers ${plural(items, 'item', 'items')} (at least ${MIN_ITEMS} are needed)`,
        );
    }
  }
  return reasons.length > 0 ? `Not enough data: ${reasons.join('; ')}.` : '';
}

/** The figures per language and per school, for the groups the rows name. */
function splitsOf(kind: MetricKind, rows: readonly MeasurementRecord[]): MetricSummary['splits'] {
  const out: MetricSummary['splits'] = [];
  for (const by of ['Language', 'School'] as const) {
    const key = by === 'Language' ? 'language' : 'school';
    const groups = [...new Set(rows.map((r) => r[key]).filter((g) => g !== ''))].sort();
    for (const group of groups) {
      const mine = rows.filter((r) => r[key] === group);
      out.push({
        by,
        group,
        baseline: aggregate(
          kind,
          mine.filter((r) => r.window === 'Baseline'),
        ),
        pilot: aggregate(
          kind,
          mine.filter((r) => r.window === 'Pilot'),
        ),
      });
    }
  }
  return out;
}

export interface StopCheck {
  stop: boolean;
  /** In plain English, each naming the period: what the Pilot sheet and the Log keep. */
  reasons: string[];
  /** The same reasons in every language, for the pause notice. */
  said: Message[];
}

type Day = (iso: string) => string;
/**
 * One reason: in English with ISO days for the Pilot sheet and the Log, and in every language with
 * days as people read them ("Dec 7", "7 de dic.") for the pause notice. Numbers as each language
 * writes them (11.5, 11,5).
 */
function reasonOf(
  key: keyof typeof stopRuleMessages,
  params: (language: Language, day: Day) => MessageParams,
): { sheet: string; said: Message } {
  const said = (language: Language) =>
    render(
      stopRuleMessages[key],
      language,
      params(language, (iso) => dayInText(iso, language)),
    );
  return {
    sheet: render(
      stopRuleMessages[key],
      'en',
      params('en', (iso) => iso),
    ),
    said: { en: said('en'), es: said('es') },
  };
}
const numberIn = (language: Language, value: number) =>
  language === 'es' ? String(value).replace('.', ',') : String(value);

export const DEFAULT_TRUST_THRESHOLD = 3;

const INCIDENTS: MetricName = 'Incidents';
/** Only these pause the pilot: a minor slip (a typo) is counted, never a reason to stop. */
const PAUSING_ERRORS: readonly MetricName[] = [
  'Escaped errors: material',
  'Escaped errors: harmful',
  'Escaped errors',
];
const STAFF_TRUST: MetricName = 'Staff trust (% agreeing)';
const OLD_STAFF_TRUST: MetricName = 'Staff trust (1–5)';
/** Staff trust under this share agreeing, two measured periods running, pauses the pilot. */
export const DEFAULT_TRUST_PERCENT = 60;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function periodText(
  rows: readonly MeasurementRecord[],
  language: Language = 'en',
  day: Day = (d) => d,
): string {
  const start = rows.map((r) => dayOf(r.periodStart)).sort()[0] ?? '';
  const end =
    rows
      .map((r) => dayOf(r.periodEnd))
      .sort()
      .reverse()[0] ?? start;
  return start === end
    ? day(start)
    : render(stopRuleMessages.range, language, { start: day(start), end: day(end) });
}

/**
 * The stop rules, over this workflow's pilot periods (baseline rows never stop a pilot):
 * - any incident in a pilot period;
 * - any escaped error (an error that reached families or staff after review) in a pilot period;
 * - staff trust under `trustThreshold` in two consecutive pilot periods. Consecutive means next to each
 *   other among the periods where trust was measured, so a week without a pulse does not reset a run.
 * Each reason names its periods.
 */
export function checkStopRules(
  records: readonly MeasurementRecord[],
  workflowId: string,
  trustThreshold = DEFAULT_TRUST_THRESHOLD,
): StopCheck {
  const pilot = records.filter((r) => r.workflowId === workflowId && r.window === 'Pilot');
  const periodsOf = (metric: string) => byPeriod(pilot.filter((r) => r.metric === metric));
  const found: { sheet: string; said: Message }[] = [];
  const many = (n: number) => (n === 1 ? 'one' : 'many');

  for (const { rows } of periodsOf(INCIDENTS)) {
    const total = sum(rows.map((r) => r.value));
    if (total > 0)
      found.push(
        reasonOf(`incidents.${many(total)}`, (l, d) => ({
          n: numberIn(l, total),
          period: periodText(rows, l, d),
        })),
      );
  }
  for (const metric of PAUSING_ERRORS) {
    const severity = metric === 'Escaped errors: harmful' ? 'harmful' : 'material';
    for (const { rows } of periodsOf(metric)) {
      const total = sum(rows.map((r) => r.value));
      if (total > 0)
        found.push(
          reasonOf(`escaped.${severity}.${many(total)}`, (l, d) => ({
            n: numberIn(l, total),
            period: periodText(rows, l, d),
          })),
        );
    }
  }

  // Trust as % agreeing counts only in periods with enough responses; the old 1–5 pulse still reads.
  const percentTrust = periodsOf(STAFF_TRUST)
    .filter(({ rows }) => totalItems(rows) >= MIN_RESPONSES)
    .map(({ rows }) => ({
      rows,
      value: aggregate('percent', rows) ?? DEFAULT_TRUST_PERCENT,
      limit: DEFAULT_TRUST_PERCENT,
      unit: '%',
    }));
  const oldTrust = periodsOf(OLD_STAFF_TRUST).map(({ rows }) => ({
    rows,
    value: aggregate('score', rows) ?? trustThreshold,
    limit: trustThreshold,
    unit: '',
  }));
  const trust = percentTrust.length > 0 ? percentTrust : oldTrust;
  let run: typeof trust = [];
  const closeRun = () => {
    const periods = run;
    if (periods.length >= 2)
      found.push(
        reasonOf('trust', (l, d) => ({
          limit: `${numberIn(l, periods[0]?.limit ?? trustThreshold)}${periods[0]?.unit ?? ''}`,
          n: periods.length,
          values: periods
            .map((p) =>
              render(stopRuleMessages['trust.value'], l, {
                value: `${numberIn(l, p.value)}${p.unit}`,
                period: periodText(p.rows, l, d),
              }),
            )
            .join(', '),
        })),
      );
    run = [];
  };
  for (const period of trust) {
    if (period.value < period.limit) run.push(period);
    else closeRun();
  }
  closeRun();

  return { stop: found.length > 0, reasons: found.map((r) => r.sheet), said: found.map((r) => r.said) };
}
