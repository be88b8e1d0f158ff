import { metricNames } from '../../sheets-templates/metrics';

/**
 * What each pilot metric means to the code: how its period values combine, which way is better, the
 * default target (DOMAIN §3(c)) and which values a person may type. Counts and medians only: no metric
 * here is about one person.
 */

export type MetricName = (typeof metricNames)[number];

/**
 * How period values combine into one figure per window:
 * - time: the median of the period values (a median of medians, robust to one odd week);
 * - volume: the mean per period;
 * - percent and score: the mean, weighted by items when every period says how many;
 * - count: the total.
 */
export type MetricKind = 'time' | 'volume' | 'percent' | 'count' | 'score';

export interface MetricTarget {
  /** The target in words, for people. */
  text: string;
  /**
   * Whether the target compares with the baseline. When it does and there is no baseline, the target
   * cannot be judged: `test` returns false, and the summary reports "not known" (null) rather than
   * "not met".
   */
  needsBaseline: boolean;
  /** The target as a rule, over the window figures. */
  test: (baseline: number | null, pilot: number) => boolean;
}

export interface MetricDefinition {
  name: MetricName;
  kind: MetricKind;
  /** Which way is better. */
  better: 'lower' | 'higher';
  /** The default target, in words for people and as a rule for the code. */
  target: MetricTarget;
  /** Valid values for one period (e.g. percent 0–100, score 1–5, counts whole numbers ≥ 0). */
  min: number;
  max: number;
  whole: boolean;
}

/** Tolerance for figures that are equal on paper but not in floating point (30 × 0.7 and 21). */
const EPSILON = 1e-9;

/** At least `percent`% lower than a positive baseline; a baseline of 0 cannot be improved on. */
function lowerBy(percent: number): MetricTarget {
  return {
    text: `At least ${percent}% lower than baseline`,
    needsBaseline: true,
    test: (baseline, pilot) =>
      baseline !== null && baseline > 0 && pilot <= baseline * (1 - percent / 100) + EPSILON * baseline,
  };
}

const atLeastBaseline: MetricTarget = {
  text: 'At least the baseline',
  needsBaseline: true,
  test: (baseline, pilot) => baseline !== null && pilot >= baseline - EPSILON * Math.abs(baseline),
};

const under = (limit: number, unit: string): MetricTarget => ({
  text: `Under ${limit}${unit}`,
  needsBaseline: false,
  test: (_baseline, pilot) => pilot < limit,
});

const atLeast = (limit: number, unit: string): MetricTarget => ({
  text: `${limit}${unit} or more`,
  needsBaseline: false,
  test: (_baseline, pilot) => pilot >= limit,
});

const none: MetricTarget = {
  text: 'None (0)',
  needsBaseline: false,
  test: (_baseline, pilot) => pilot === 0,
};

const time = { kind: 'time', better: 'lower', min: 0, max: Number.POSITIVE_INFINITY, whole: false } as const;
const percent = { kind: 'percent', min: 0, max: 100, whole: false } as const;
const count = { kind: 'count', better: 'lower', min: 0, max: Number.POSITIVE_INFINITY, whole: true } as const;

const definitions: Record<MetricName, Omit<MetricDefinition, 'name'>> = {
  'Time per item (minutes)': { ...time, target: lowerBy(30) },
  'Items handled per week': {
    kind: 'volume',
    better: 'higher',
    target: atLeastBaseline,
    min: 0,
    max: Number.POSITIVE_INFINITY,
    whole: false,
  },
  'Revision rate (%)': { ...percent, better: 'lower', target: under(25, '%') },
  'Caught errors (%)': { ...percent, better: 'lower', target: under(10, '%') },
  'Escaped errors': { ...count, target: none },
  'Response time (business hours)': { ...time, target: lowerBy(25) },
  'Staff trust (1–5)': {
    kind: 'score',
    better: 'higher',
    target: atLeast(4, ''),
    min: 1,
    max: 5,
    whole: false,
  },
  'Adoption (%)': { ...percent, better: 'higher', target: atLeast(75, '%') },
  Incidents: { ...count, target: none },
};

/** One per metric of the Metrics sheet, in the sheet's order. */
export const metricDefinitions: readonly MetricDefinition[] = metricNames.map((name) => ({
  name,
  ...definitions[name],
}));

/** The definition for a metric name as typed in the sheet (case, spacing and dashes forgiven). */
export function metricDefinition(name: string): MetricDefinition | null {
  const key = normalName(name);
  return metricDefinitions.find((d) => normalName(d.name) === key) ?? null;
}

const normalName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[‐-―−-]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*([()])\s*/g, '$1')
    .trim();
