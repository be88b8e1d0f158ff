/**
 * What each pilot metric means to the code: how its period values combine, which way is better, the
 * default target (DOMAIN §3(c)) and which values a person may type. Counts and medians only: no metric
 * here is about one person.
 */

export const metricNames = [
  'Time per item (minutes)',
  'Items handled per week',
  'Revision rate (%)',
  'Caught errors (%)',
  'Spot-check errors found (%)',
  'Summary accuracy (%)',
  'Answer found (%)',
  'Escaped errors: minor',
  'Escaped errors: material',
  'Escaped errors: harmful',
  'Response time (business hours)',
  'Staff trust (% agreeing)',
  'Adoption (%)',
  // Kept so rows recorded before these were replaced still read; not offered for new rows.
  'Escaped errors',
  'Staff trust (1–5)',
  'Incidents',
] as const;
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
  /** What one period's value counts. */
  counted: string;
  /** Who records it. */
  countedBy: string;
  /** When it is recorded. */
  when: string;
  /** Whether staff review and editing time is inside the figure. */
  reviewTime: 'included' | 'not included' | 'not applicable';
  /** A per-item measure: a window needs at least MIN_ITEMS items behind it before a verdict. */
  sampled: boolean;
  /** Replaced by a better-defined metric: still read, never offered for new rows. */
  retired: boolean;
}

/** Below this many items in a window, or this many baseline periods, the verdict is "not enough data". */
export const MIN_ITEMS = 30;
export const MIN_BASELINE_PERIODS = 4;
/** Staff-trust figures from fewer responses are hidden: with 3 or 4 staff one answer identifies a person. */
export const MIN_RESPONSES = 5;

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
const live = { retired: false } as const;
const weekly = 'Each week of the baseline and of the pilot.';

type Definition = Omit<MetricDefinition, 'name'>;

const escaped = (severity: string, meaning: string): Definition => ({
  ...count,
  ...live,
  target: none,
  counted: `Errors judged ${severity} (${meaning}) that reached a family, the public or staff after review, found by anyone: a complaint, a correction or the weekly spot check.`,
  countedBy: 'The workflow owner, from the error log.',
  when: weekly,
  reviewTime: 'not applicable',
  sampled: false,
});

const definitions: Record<MetricName, Definition> = {
  'Time per item (minutes)': {
    ...time,
    ...live,
    target: lowerBy(30),
    counted:
      'Median minutes from starting an item to having it ready to send, including the time a person spends reviewing and editing the draft (where savings often vanish).',
    countedBy: 'Each staff member, on a sample of their items (a stopwatch log is enough).',
    when: weekly,
    reviewTime: 'included',
    sampled: true,
  },
  'Items handled per week': {
    kind: 'volume',
    better: 'higher',
    ...live,
    target: atLeastBaseline,
    min: 0,
    max: Number.POSITIVE_INFINITY,
    whole: false,
    counted: 'Items completed and sent or published in the week, of the kinds in scope.',
    countedBy: 'The workflow owner, from the inbox, form or ticket counts.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: false,
  },
  'Revision rate (%)': {
    ...percent,
    ...live,
    better: 'lower',
    target: under(25, '%'),
    counted:
      'Share of AI drafts a reviewer rewrote heavily or discarded. Read it with the spot check: a falling rate is good only if spot-check errors do not rise.',
    countedBy: 'The reviewer, ticking light edit, heavy rewrite or discarded per draft.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: true,
  },
  'Caught errors (%)': {
    ...percent,
    ...live,
    better: 'lower',
    target: under(10, '%'),
    counted: 'Share of AI drafts in which the reviewer found a factual or policy error before sending.',
    countedBy: 'The reviewer.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: true,
  },
  'Spot-check errors found (%)': {
    ...percent,
    ...live,
    better: 'lower',
    target: under(5, '%'),
    counted:
      'Share of a weekly sample of already-reviewed items in which a second reviewer finds an error the first reviewer missed (so errors are found without waiting for a complaint, and rubber-stamping shows).',
    countedBy:
      'A second reviewer who did not review the items the first time; Items measured is the sample size.',
    when: 'Every pilot week, on a sample of at least 10 items (all of them when fewer).',
    reviewTime: 'not applicable',
    sampled: true,
  },
  'Summary accuracy (%)': {
    ...percent,
    ...live,
    better: 'higher',
    target: atLeast(90, '%'),
    counted:
      'Share of sampled summaries that a reviewer, reading the source messages, judges accurate and complete (no question missing, none invented).',
    countedBy: 'The reviewer, against the source messages.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: true,
  },
  'Answer found (%)': {
    ...percent,
    ...live,
    better: 'higher',
    target: atLeastBaseline,
    counted: 'Share of staff look-ups that ended with the current answer and a link to its approved source.',
    countedBy: 'Staff who look things up, ticking found or not found.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: true,
  },
  'Escaped errors: minor': escaped('minor', 'a typo or formatting slip that misleads nobody'),
  'Escaped errors: material': escaped(
    'material',
    'a wrong date, fact, policy or instruction someone could act on',
  ),
  'Escaped errors: harmful': escaped(
    'harmful',
    'it exposed personal data, treated a family unfairly or caused harm',
  ),
  'Response time (business hours)': {
    ...time,
    ...live,
    target: lowerBy(25),
    counted: 'Median business hours from receiving a message to sending the reply, review included.',
    countedBy: 'The workflow owner, from the inbox or ticket timestamps.',
    when: weekly,
    reviewTime: 'included',
    sampled: true,
  },
  'Staff trust (% agreeing)': {
    ...percent,
    ...live,
    better: 'higher',
    target: atLeast(75, '%'),
    counted:
      'Share of pilot staff agreeing with “After my review I trust the drafts enough to send them”; Items measured is the number of responses. Hidden below 5 responses.',
    countedBy: 'An anonymous weekly pulse the workflow owner sends.',
    when: 'Every pilot week (no baseline: the question is about the drafts).',
    reviewTime: 'not applicable',
    sampled: false,
  },
  'Adoption (%)': {
    ...percent,
    ...live,
    better: 'higher',
    target: atLeast(75, '%'),
    counted: 'Share of eligible items in the week where staff actually used the workflow.',
    countedBy: 'The workflow owner.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: false,
  },
  'Escaped errors': {
    ...escaped('material', 'recorded before severities existed, so counted as material'),
    retired: true,
  },
  'Staff trust (1–5)': {
    kind: 'score',
    better: 'higher',
    target: atLeast(4, ''),
    min: 1,
    max: 5,
    whole: false,
    counted: 'The mean of a 1–5 pulse, recorded before trust was reported as % agreeing.',
    countedBy: 'The workflow owner.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: false,
    retired: true,
  },
  Incidents: {
    ...count,
    target: none,
    counted: 'Privacy or policy incidents, recorded before the Incidents sheet existed.',
    countedBy: 'The workflow owner.',
    when: weekly,
    reviewTime: 'not applicable',
    sampled: false,
    retired: true,
  },
};

/** The kinds of workflow, each with the metrics that show whether it improved. */
export const workflowKinds = [
  {
    name: 'FAQ drafting',
    metrics: [
      'Time per item (minutes)',
      'Items handled per week',
      'Revision rate (%)',
      'Caught errors (%)',
      'Spot-check errors found (%)',
      'Escaped errors: minor',
      'Escaped errors: material',
      'Escaped errors: harmful',
      'Response time (business hours)',
      'Staff trust (% agreeing)',
      'Adoption (%)',
    ],
  },
  {
    name: 'Inbound summaries',
    metrics: [
      'Time per item (minutes)',
      'Items handled per week',
      'Summary accuracy (%)',
      'Spot-check errors found (%)',
      'Escaped errors: minor',
      'Escaped errors: material',
      'Escaped errors: harmful',
      'Staff trust (% agreeing)',
      'Adoption (%)',
    ],
  },
  {
    // No revision rate: an editor rewriting the draft is how a newsletter is made, not a failure.
    name: 'Newsletter',
    metrics: [
      'Time per item (minutes)',
      'Caught errors (%)',
      'Spot-check errors found (%)',
      'Escaped errors: minor',
      'Escaped errors: material',
      'Escaped errors: harmful',
      'Staff trust (% agreeing)',
    ],
  },
  {
    name: 'Knowledge retrieval',
    metrics: [
      'Time per item (minutes)',
      'Answer found (%)',
      'Spot-check errors found (%)',
      'Escaped errors: minor',
      'Escaped errors: material',
      'Escaped errors: harmful',
      'Staff trust (% agreeing)',
      'Adoption (%)',
    ],
  },
] as const satisfies readonly { name: string; metrics: readonly MetricName[] }[];
export type WorkflowKind = (typeof workflowKinds)[number]['name'];
export const workflowKindNames: readonly WorkflowKind[] = workflowKinds.map((k) => k.name);

/** One per metric of the Metrics sheet, in the sheet's order. */
export const metricDefinitions: readonly MetricDefinition[] = metricNames.map((name) => ({
  name,
  ...definitions[name],
}));

/** The metrics offered for a kind of workflow; every current one when the kind is not set. */
export function metricsFor(kind: string): readonly MetricDefinition[] {
  const set = workflowKinds.find((k) => k.name === kind)?.metrics as readonly string[] | undefined;
  return metricDefinitions.filter((d) => (set ? set.includes(d.name) : !d.retired));
}

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
