import { describe, expect, it } from '@jest/globals';
import { metrics as metricsTemplate } from '../../sheets-templates/metrics';
import { metricDefinition, metricNames } from './metric-definitions';
import {
  checkStopRules,
  metricDefinitions,
  metricsFor,
  workflowKindNames,
  readMeasurements,
  summarizeMetrics,
  type MeasurementRecord,
  type MetricName,
  type MetricSummary,
} from './metrics';
import { readTableData } from './table';

const headers = metricsTemplate.columns.map((c) => c.header);
const keys = metricsTemplate.columns.map((c) => c.key);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** A hand-typed row of the Metrics sheet, valid unless a test changes a cell. */
function line(cells: Record<string, unknown> = {}): unknown[] {
  const valid: Record<string, unknown> = {
    id: 'MS-001',
    workflowId: 'WF-001',
    metric: 'Time per item (minutes)',
    window: 'Pilot',
    periodStart: utc('2026-09-07'),
    periodEnd: utc('2026-09-11'),
    value: 12,
    items: 34,
    note: 'Timed from opening the message to send-ready.',
    enteredBy: 'pat@district.example.org',
    entered: utc('2026-09-12'),
    ...cells,
  };
  return keys.map((k) => valid[k] ?? '');
}

const read = (...lines: unknown[][]) => readMeasurements(readTableData(metricsTemplate, [headers, ...lines]));

/** A measurement as read from the sheet: one period of five days starting on `start`. */
function m(
  metric: MetricName,
  window: 'Baseline' | 'Pilot',
  start: string,
  value: number,
  extra: Partial<MeasurementRecord> = {},
): MeasurementRecord {
  const periodStart = utc(start);
  return {
    row: 2,
    id: '',
    workflowId: 'WF-001',
    metric,
    window,
    periodStart,
    periodEnd: new Date(periodStart.getTime() + 4 * 86_400_000),
    value,
    items: null,
    language: '',
    school: '',
    ...extra,
  };
}

/** Consecutive weekly periods from 2026-09-07 (pilot) or 2026-05-04 (baseline), one per value. */
function weeks(
  metric: MetricName,
  window: 'Baseline' | 'Pilot',
  values: readonly number[],
): MeasurementRecord[] {
  const first = utc(window === 'Pilot' ? '2026-09-07' : '2026-05-04').getTime();
  return values.map((value, i) =>
    m(metric, window, new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10), value),
  );
}

const summaryOf = (records: readonly MeasurementRecord[], metric: MetricName, workflowId = 'WF-001') => {
  const summary = summarizeMetrics(records, workflowId).find((s) => s.name === metric);
  if (!summary) throw new Error(`no summary for ${metric}`);
  return summary;
};

describe('the metric definitions', () => {
  it('has one definition per metric of the sheet, in the same order', () => {
    expect(metricDefinitions.map((d) => d.name)).toEqual([...metricNames]);
  });

  it.each<[MetricName, string, 'lower' | 'higher']>([
    ['Time per item (minutes)', 'At least 30% lower than baseline', 'lower'],
    ['Items handled per week', 'At least the baseline', 'higher'],
    ['Revision rate (%)', 'Under 25%', 'lower'],
    ['Caught errors (%)', 'Under 10%', 'lower'],
    ['Escaped errors', 'None (0)', 'lower'],
    ['Response time (business hours)', 'At least 25% lower than baseline', 'lower'],
    ['Staff trust (1–5)', '4 or more', 'higher'],
    ['Adoption (%)', '75% or more', 'higher'],
    ['Incidents', 'None (0)', 'lower'],
  ])('%s: target “%s”, %s is better', (name, target, better) => {
    const def = metricDefinitions.find((d) => d.name === name);
    expect(def?.target.text).toBe(target);
    expect(def?.better).toBe(better);
  });

  it('a target that compares with the baseline is never met without one', () => {
    for (const def of metricDefinitions.filter((d) => d.target.needsBaseline))
      expect([def.name, def.target.test(null, 0)]).toEqual([def.name, false]);
  });
});

describe('reading the Metrics sheet', () => {
  it('reads a valid row into a record, without who entered it', () => {
    const { records, problems } = read(line());
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        row: 2,
        id: 'MS-001',
        workflowId: 'WF-001',
        metric: 'Time per item (minutes)',
        window: 'Pilot',
        periodStart: utc('2026-09-07'),
        periodEnd: utc('2026-09-11'),
        value: 12,
        items: 34,
        language: '',
        school: '',
      },
    ]);
  });

  it('reads what people type by hand: text dates, a lower-case window, a hyphen for the dash, a percent sign, no ID, no items', () => {
    const { records, problems } = read(
      line({
        id: '',
        metric: 'staff trust (1-5)',
        window: ' baseline ',
        periodStart: '2026-05-04',
        periodEnd: '2026-05-08',
        value: '3.5',
        items: '',
      }),
      line({ id: '', metric: 'Adoption (%)', value: '80%', items: '' }),
    );
    expect(problems).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({
        id: '',
        metric: 'Staff trust (1–5)',
        window: 'Baseline',
        periodStart: utc('2026-05-04'),
        periodEnd: utc('2026-05-08'),
        value: 3.5,
        items: null,
      }),
      expect.objectContaining({ metric: 'Adoption (%)', value: 80, items: null }),
    ]);
  });

  it('accepts a period of one day and the ends of each range', () => {
    const { records, problems } = read(
      line({ periodEnd: utc('2026-09-07') }),
      line({ metric: 'Adoption (%)', value: 100 }),
      line({ metric: 'Revision rate (%)', value: 0 }),
      line({ metric: 'Staff trust (1–5)', value: 1 }),
      line({ metric: 'Staff trust (1–5)', window: 'Baseline', value: 5 }),
      line({ metric: 'Incidents', value: 0 }),
      line({ metric: 'Escaped errors', value: 3, items: 0 }),
    );
    expect(problems).toEqual([]);
    expect(records).toHaveLength(7);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no workflow ID', { workflowId: '' }, 'no workflow ID'],
    [
      'an unknown metric',
      { metric: 'Happiness' },
      'the metric “Happiness” is not one of the metrics in the list',
    ],
    ['no metric', { metric: '' }, 'no metric'],
    ['an unknown window', { window: 'Trial' }, 'the window “Trial” must be Baseline or Pilot'],
    ['no window', { window: '' }, 'no window (Baseline or Pilot)'],
    ['a value that is not a number', { value: 'about 12' }, 'the value “about 12” is not a number'],
    ['no value', { value: '' }, 'no value'],
    [
      'a negative time',
      { value: -3 },
      'the value for Time per item (minutes) must be a number, 0 or more (found “-3”)',
    ],
    [
      'a percentage over 100',
      { metric: 'Adoption (%)', value: 120 },
      'the value for Adoption (%) must be a number from 0 to 100 (found “120”)',
    ],
    [
      'a trust score of 0',
      { metric: 'Staff trust (1–5)', value: 0 },
      'the value for Staff trust (1–5) must be a number from 1 to 5 (found “0”)',
    ],
    [
      'a trust score of 6',
      { metric: 'Staff trust (1–5)', value: 6 },
      'the value for Staff trust (1–5) must be a number from 1 to 5 (found “6”)',
    ],
    [
      'a count that is not whole',
      { metric: 'Incidents', value: 1.5 },
      'the value for Incidents must be a whole number, 0 or more (found “1.5”)',
    ],
    [
      'a percent sign on a count',
      { metric: 'Escaped errors', value: '5%' },
      'the value “5%” is not a number',
    ],
    ['no period start', { periodStart: '' }, 'no period start'],
    ['no period end', { periodEnd: '' }, 'no period end'],
    [
      'a start that is not a date',
      { periodStart: 'next week' },
      'the period start “next week” is not a date',
    ],
    ['a day that does not exist', { periodEnd: '2026-02-30' }, 'the period end “2026-02-30” is not a date'],
    [
      'an end before the start',
      { periodStart: utc('2026-09-14'), periodEnd: utc('2026-09-11') },
      'the period ends (2026-09-11) before it starts (2026-09-14)',
    ],
    [
      'items that are not whole',
      { items: 2.5 },
      'the items measured must be a whole number, 0 or more (found “2.5”)',
    ],
    ['negative items', { items: -1 }, 'the items measured must be a whole number, 0 or more (found “-1”)'],
  ])('reports a row with %s, naming the row, and leaves it out', (_case, cells, why) => {
    const { records, problems } = read(line(), line({ id: 'MS-002', ...cells }));
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(problems).toEqual([
      { sheet: 'Metrics', row: 3, message: `Metrics row 3: ${why}. The row is left out until it is fixed.` },
    ]);
  });

  it('names the sheet row even after blank lines, and lists every problem of a row in one message', () => {
    const blank = keys.map(() => '');
    const { records, problems } = read(
      line(),
      blank,
      blank,
      line({ periodStart: utc('2026-09-14'), periodEnd: utc('2026-09-18') }),
      blank,
      line({ metric: 'Adoption (%)', window: 'Later', value: 'most' }),
    );
    expect(records.map((r) => r.row)).toEqual([2, 5]);
    expect(problems.map((p) => p.message)).toEqual([
      'Metrics row 7: the window “Later” must be Baseline or Pilot; the value “most” is not a number. The row is left out until it is fixed.',
    ]);
  });

  it('counts a period once: a row repeating the workflow, metric, window and start is reported', () => {
    const { records, problems } = read(
      line(),
      line({ window: 'Baseline' }),
      line({ workflowId: 'WF-002' }),
      line({ value: 15, periodEnd: utc('2026-09-13') }),
    );
    expect(records.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(problems.map((p) => p.message)).toEqual([
      'Metrics row 5: it repeats the pilot period starting 2026-09-07 for Time per item (minutes) of WF-001, already measured in row 2. The row is left out until it is fixed.',
    ]);
  });
});

describe('a window’s figure, by kind of metric', () => {
  const rows = (metric: MetricName, values: readonly (readonly [number, number | null])[]) =>
    weeks(
      metric,
      'Pilot',
      values.map(([v]) => v),
    ).map((r, i) => ({ ...r, items: values[i]?.[1] ?? null }));

  it.each<[string, MetricName, readonly (readonly [number, number | null])[], number]>([
    [
      'time: the median of an odd number of periods',
      'Time per item (minutes)',
      [
        [12, 30],
        [8, 30],
        [30, 30],
      ],
      12,
    ],
    [
      'time: the median of an even number of periods is the middle pair’s mean',
      'Response time (business hours)',
      [
        [12, null],
        [8, null],
        [10, null],
        [20, null],
      ],
      11,
    ],
    [
      'time: the median ignores items',
      'Time per item (minutes)',
      [
        [10, 1],
        [20, 100],
      ],
      15,
    ],
    [
      'volume: the mean per period',
      'Items handled per week',
      [
        [40, null],
        [50, null],
        [45, null],
      ],
      45,
    ],
    [
      'volume: the mean, rounded to 2 decimals',
      'Items handled per week',
      [
        [1, null],
        [1, null],
        [2, null],
      ],
      1.33,
    ],
    [
      'percent: the mean weighted by items',
      'Revision rate (%)',
      [
        [20, 10],
        [40, 30],
      ],
      35,
    ],
    [
      'percent: a plain mean without items',
      'Revision rate (%)',
      [
        [20, null],
        [40, null],
      ],
      30,
    ],
    [
      'percent: a plain mean when one period lacks items',
      'Caught errors (%)',
      [
        [20, 10],
        [40, null],
      ],
      30,
    ],
    [
      'percent: a plain mean when every period has 0 items',
      'Adoption (%)',
      [
        [70, 0],
        [90, 0],
      ],
      80,
    ],
    [
      'score: the mean weighted by items',
      'Staff trust (1–5)',
      [
        [3, 4],
        [4, 12],
      ],
      3.75,
    ],
    [
      'count: the total',
      'Incidents',
      [
        [1, null],
        [0, null],
        [2, null],
      ],
      3,
    ],
    [
      'count: the total, whatever the items',
      'Escaped errors',
      [
        [1, 40],
        [0, 10],
      ],
      1,
    ],
  ])('%s', (_case, metric, values, expected) => {
    const summary = summaryOf(rows(metric, values), metric);
    expect(summary.pilot).toBe(expected);
    expect(summary.pilotPeriods).toBe(values.length);
  });

  it('a window without rows has no figure and no periods', () => {
    const empty: Partial<MetricSummary> = {
      name: 'Escaped errors: harmful',
      kind: 'count',
      better: 'lower',
      target: 'None (0)',
      baseline: null,
      pilot: null,
      change: null,
      targetMet: null,
      baselinePeriods: 0,
      pilotPeriods: 0,
      trend: [],
      verdict: 'Not known yet',
      verdictNote: '',
      splits: [],
    };
    expect(summaryOf([], 'Escaped errors: harmful')).toMatchObject(empty);
  });
});

describe('change and target met, for each default metric', () => {
  it.each<[MetricName, readonly number[], readonly number[], number | null, boolean | null]>([
    ['Time per item (minutes)', [10], [7], -30, true],
    ['Time per item (minutes)', [30, 30, 30], [21, 22, 20], -30, true],
    ['Time per item (minutes)', [10], [7.5], -25, false],
    ['Time per item (minutes)', [], [7], null, null],
    ['Time per item (minutes)', [10], [], null, null],
    ['Items handled per week', [40], [40], 0, true],
    ['Items handled per week', [40], [44], 10, true],
    ['Items handled per week', [40], [38], -5, false],
    ['Items handled per week', [], [38], null, null],
    ['Items handled per week', [40], [], null, null],
    ['Revision rate (%)', [40], [24], -40, true],
    ['Revision rate (%)', [40], [25], -37.5, false],
    ['Revision rate (%)', [], [24], null, true],
    ['Revision rate (%)', [40], [], null, null],
    ['Caught errors (%)', [15], [9.5], -36.7, true],
    ['Caught errors (%)', [15], [10], -33.3, false],
    ['Caught errors (%)', [], [12], null, false],
    ['Caught errors (%)', [15], [], null, null],
    ['Escaped errors', [1, 2], [0, 0], -100, true],
    ['Escaped errors', [3], [0, 1], -66.7, false],
    ['Escaped errors', [], [0], null, true],
    ['Escaped errors', [3], [], null, null],
    ['Response time (business hours)', [20], [15], -25, true],
    ['Response time (business hours)', [20], [16], -20, false],
    ['Response time (business hours)', [], [15], null, null],
    ['Response time (business hours)', [20], [], null, null],
    ['Staff trust (1–5)', [3], [4], 33.3, true],
    ['Staff trust (1–5)', [3], [3.9], 30, false],
    ['Staff trust (1–5)', [], [4.5], null, true],
    ['Staff trust (1–5)', [3], [], null, null],
    ['Adoption (%)', [0], [75], null, true],
    ['Adoption (%)', [60], [74.5], 24.2, false],
    ['Adoption (%)', [], [80], null, true],
    ['Adoption (%)', [60], [], null, null],
    ['Incidents', [0], [0], null, true],
    ['Incidents', [2], [1], -50, false],
    ['Incidents', [], [0], null, true],
    ['Incidents', [0], [], null, null],
  ])('%s: baseline %j, pilot %j → change %s, target met %s', (metric, baseline, pilot, change, met) => {
    // Enough data for a verdict: 30 items a row, and 4 baseline weeks where the target compares with it.
    const padded =
      metricDefinition(metric)?.target.needsBaseline && baseline.length > 0
        ? [...baseline, ...Array<number>(4).fill(baseline.at(-1) ?? 0)].slice(0, Math.max(4, baseline.length))
        : baseline;
    const summary = summaryOf(
      [...weeks(metric, 'Baseline', padded), ...weeks(metric, 'Pilot', pilot)].map((r) => ({
        ...r,
        items: 30,
      })),
      metric,
    );
    expect([summary.change, summary.targetMet]).toEqual([change, met]);
  });

  it('a time target cannot be met against a baseline of 0', () => {
    const summary = summaryOf(
      [
        ...weeks('Time per item (minutes)', 'Baseline', [0, 0, 0, 0]),
        ...weeks('Time per item (minutes)', 'Pilot', [0]),
      ].map((r) => ({ ...r, items: 30 })),
      'Time per item (minutes)',
    );
    expect([summary.change, summary.targetMet]).toEqual([null, false]);
  });
});

describe('summarizing one workflow', () => {
  const records = [
    ...weeks('Time per item (minutes)', 'Baseline', [20, 22, 18]),
    m('Time per item (minutes)', 'Pilot', '2026-09-21', 11),
    m('Time per item (minutes)', 'Pilot', '2026-09-07', 14),
    m('Time per item (minutes)', 'Pilot', '2026-09-14', 12),
    m('Time per item (minutes)', 'Baseline', '2026-05-04', 90, { workflowId: 'WF-002' }),
    m('Time per item (minutes)', 'Pilot', '2026-09-28', 90, { workflowId: 'WF-002' }),
    m('Incidents', 'Pilot', '2026-09-07', 4, { workflowId: 'WF-002' }),
  ];

  it('gives one summary per metric, in the sheet’s order', () => {
    expect(summarizeMetrics(records, 'WF-001').map((s) => s.name)).toEqual(
      metricDefinitions.filter((d) => !d.retired).map((d) => d.name),
    );
  });

  it('leaves out other workflows’ rows', () => {
    expect(summaryOf(records, 'Time per item (minutes)')).toMatchObject({
      baseline: 20,
      pilot: 12,
      change: -40,
      targetMet: null,
      verdict: 'Not enough data',
      baselinePeriods: 3,
      pilotPeriods: 3,
    });
    // Incidents is a retired metric: WF-001 has no rows of it, so it is not shown for WF-001.
    expect(summarizeMetrics(records, 'WF-001').some((m) => m.name === 'Incidents')).toBe(false);
    expect(summaryOf(records, 'Incidents', 'WF-002')).toMatchObject({ pilot: 4, targetMet: false });
    expect(summarizeMetrics(records, 'WF-404').every((s) => s.pilot === null && s.baseline === null)).toBe(
      true,
    );
  });

  it('gives the pilot trend by period start, oldest first, whatever the order of the rows', () => {
    expect(summaryOf(records, 'Time per item (minutes)').trend).toEqual([
      { period: '2026-09-07', value: 14 },
      { period: '2026-09-14', value: 12 },
      { period: '2026-09-21', value: 11 },
    ]);
  });
});

describe('the stop rules', () => {
  const trust = (...values: number[]) => weeks('Staff trust (1–5)', 'Pilot', values);
  const calm = [
    ...weeks('Incidents', 'Pilot', [0, 0, 0]),
    ...weeks('Escaped errors', 'Pilot', [0, 0, 0]),
    ...trust(4, 3.5, 3),
  ];

  it.each<[string, MeasurementRecord[], string[]]>([
    ['no incident, no escaped error and trust at 3 or above: no stop', calm, []],
    ['no measurements yet: no stop', [], []],
    [
      'one incident in a pilot period: stop',
      [...calm, m('Incidents', 'Pilot', '2026-09-28', 1)],
      ['1 incident in the pilot period 2026-09-28 to 2026-10-02.'],
    ],
    [
      'one escaped error in a pilot period: stop',
      [...weeks('Escaped errors', 'Pilot', [0, 1])],
      [
        '1 material escaped error (reaching families or staff after review) in the pilot period 2026-09-14 to 2026-09-18.',
      ],
    ],
    [
      'incidents and escaped errors in several periods: one reason per period',
      [...weeks('Incidents', 'Pilot', [2, 0, 1]), ...weeks('Escaped errors', 'Pilot', [0, 0, 3])],
      [
        '2 incidents in the pilot period 2026-09-07 to 2026-09-11.',
        '1 incident in the pilot period 2026-09-21 to 2026-09-25.',
        '3 material escaped errors (reaching families or staff after review) in the pilot period 2026-09-21 to 2026-09-25.',
      ],
    ],
    ['trust 2.5 in one period only: no stop', trust(4, 2.5, 3.5), []],
    ['trust low in the last period only: no stop', trust(4, 4, 2), []],
    [
      'trust under 3 two periods running: stop, naming both periods',
      trust(4, 2.5, 2.8),
      [
        'Staff trust under 3 in 2 pilot periods running: 2.5 in 2026-09-14 to 2026-09-18, 2.8 in 2026-09-21 to 2026-09-25.',
      ],
    ],
    [
      'trust under 3 three periods running: one reason naming all three',
      trust(2, 2.5, 2.9, 4),
      [
        'Staff trust under 3 in 3 pilot periods running: 2 in 2026-09-07 to 2026-09-11, 2.5 in 2026-09-14 to 2026-09-18, 2.9 in 2026-09-21 to 2026-09-25.',
      ],
    ],
    ['trust low in two periods that are not consecutive: no stop', trust(2.5, 3, 2.5, 4), []],
    [
      'the periods are taken in date order, not row order',
      [m('Staff trust (1–5)', 'Pilot', '2026-09-21', 2), ...trust(2, 4)],
      [],
    ],
    [
      'baseline-window incidents, escaped errors and low trust do not stop the pilot',
      [
        ...weeks('Incidents', 'Baseline', [1, 2]),
        ...weeks('Escaped errors', 'Baseline', [4]),
        ...weeks('Staff trust (1–5)', 'Baseline', [2, 2]),
        ...calm,
      ],
      [],
    ],
    [
      'other workflows’ incidents and trust do not stop this one',
      [
        ...calm,
        m('Incidents', 'Pilot', '2026-09-07', 1, { workflowId: 'WF-002' }),
        ...trust(2, 2).map((r) => ({ ...r, workflowId: 'WF-002' })),
      ],
      [],
    ],
  ])('%s', (_case, records, reasons) => {
    const { stop, reasons: said } = checkStopRules(records, 'WF-001');
    expect({ stop, reasons: said }).toEqual({ stop: reasons.length > 0, reasons });
  });

  it('uses the trust threshold it is given', () => {
    expect(checkStopRules(trust(3.4, 3.2), 'WF-001', 3.5)).toMatchObject({
      stop: true,
      reasons: [
        'Staff trust under 3.5 in 2 pilot periods running: 3.4 in 2026-09-07 to 2026-09-11, 3.2 in 2026-09-14 to 2026-09-18.',
      ],
    });
    expect(checkStopRules(trust(3.4, 3.2), 'WF-001', 3.4).stop).toBe(false);
  });
});

describe('the stop rules in Spanish, for the pause notice', () => {
  it('says each reason in both languages with days people read, and in English with ISO days for the sheet and the Log', () => {
    const records = [
      ...weeks('Incidents', 'Pilot', [2]),
      ...weeks('Escaped errors: harmful', 'Pilot', [0, 1]),
      ...weeks('Staff trust (1–5)', 'Pilot', [2.5, 2]),
    ];
    const check = checkStopRules(records, 'WF-001');
    expect(check.reasons[0]).toBe('2 incidents in the pilot period 2026-09-07 to 2026-09-11.');
    expect(check.said.map((m) => m.en)).toEqual([
      '2 incidents in the pilot period Sep 7 to Sep 11.',
      '1 harmful escaped error (reaching families or staff after review) in the pilot period Sep 14 to Sep 18.',
      'Staff trust under 3 in 2 pilot periods running: 2.5 in Sep 7 to Sep 11, 2 in Sep 14 to Sep 18.',
    ]);
    expect(check.said.map((m) => m.es)).toEqual([
      '2 incidentes en el período del piloto del 7 de septiembre al 11 de septiembre.',
      '1 error dañino que llegó a familias o al personal después de la revisión, en el período del piloto del 14 de septiembre al 18 de septiembre.',
      'Confianza del personal por debajo de 3 en 2 períodos seguidos del piloto: 2,5 en el período del 7 de septiembre al 11 de septiembre, 2 en el período del 14 de septiembre al 18 de septiembre.',
    ]);
  });
});

describe('honest metrics', () => {
  const items = (rows: MeasurementRecord[], n: number) => rows.map((r) => ({ ...r, items: n }));

  it('says "not enough data" below 30 items or under 4 baseline weeks, instead of a verdict', () => {
    const time: MetricName = 'Time per item (minutes)';
    const fewItems = summaryOf(
      [...items(weeks(time, 'Baseline', [10, 10, 10, 10]), 2), ...items(weeks(time, 'Pilot', [5]), 3)],
      time,
    );
    expect(fewItems).toMatchObject({ targetMet: null, verdict: 'Not enough data' });
    expect(fewItems.verdictNote).toBe(
      'Not enough data: the baseline covers 8 items (at least 30 are needed); the pilot covers 3 items (at least 30 are needed).',
    );
    const shortBaseline = summaryOf(
      [...items(weeks(time, 'Baseline', [10]), 40), ...items(weeks(time, 'Pilot', [5]), 40)],
      time,
    );
    expect(shortBaseline.verdictNote).toBe(
      'Not enough data: the baseline has 1 period (at least 4 weeks are needed).',
    );
    const enough = summaryOf(
      [...items(weeks(time, 'Baseline', [10, 10, 10, 10]), 10), ...items(weeks(time, 'Pilot', [5]), 30)],
      time,
    );
    expect(enough).toMatchObject({ targetMet: true, verdict: 'Met', verdictNote: '' });
  });

  it('defines every metric: what is counted, by whom, when, and whether review time is in it', () => {
    for (const def of metricDefinitions) {
      expect(def.counted.length).toBeGreaterThan(20);
      expect(def.countedBy.length).toBeGreaterThan(5);
      expect(def.when.length).toBeGreaterThan(5);
    }
    expect(metricDefinition('Time per item (minutes)')?.reviewTime).toBe('included');
    expect(summaryOf([], 'Time per item (minutes)').definition).toContain('Review time included.');
  });

  it('offers a set per kind of workflow, with no revision-rate target for newsletters an editor rewrites', () => {
    const names = (kind: string) => metricsFor(kind).map((d) => d.name);
    for (const kind of workflowKindNames) {
      expect(names(kind)).toEqual(
        expect.arrayContaining(['Spot-check errors found (%)', 'Escaped errors: material']),
      );
      expect(names(kind).some((n) => metricDefinition(n)?.retired)).toBe(false);
    }
    expect(names('Newsletter')).not.toContain('Revision rate (%)');
    expect(names('Inbound summaries')).toContain('Summary accuracy (%)');
    expect(names('Knowledge retrieval')).toContain('Answer found (%)');
    expect(names('FAQ drafting')).toContain('Response time (business hours)');
  });

  it('pauses only for material or harmful escaped errors, never for a minor one', () => {
    expect(checkStopRules(weeks('Escaped errors: minor', 'Pilot', [3]), 'WF-001').stop).toBe(false);
    expect(checkStopRules(weeks('Escaped errors: material', 'Pilot', [1]), 'WF-001').stop).toBe(true);
    expect(checkStopRules(weeks('Escaped errors: harmful', 'Pilot', [1]), 'WF-001').reasons).toEqual([
      '1 harmful escaped error (reaching families or staff after review) in the pilot period 2026-09-07 to 2026-09-11.',
    ]);
  });

  it('reports staff trust as % agreeing, hidden below 5 responses, and pauses on two low weeks with enough answers', () => {
    const trust: MetricName = 'Staff trust (% agreeing)';
    const hidden = summaryOf(items(weeks(trust, 'Pilot', [100, 50]), 2), trust);
    expect(hidden).toMatchObject({ pilot: null, verdict: 'Hidden', trend: [], splits: [] });
    const shown = summaryOf(items(weeks(trust, 'Pilot', [80, 70]), 6), trust);
    expect(shown).toMatchObject({ pilot: 75, verdict: 'Met' });
    expect(checkStopRules(items(weeks(trust, 'Pilot', [50, 40]), 6), 'WF-001').reasons).toEqual([
      'Staff trust under 60% in 2 pilot periods running: 50% in 2026-09-07 to 2026-09-11, 40% in 2026-09-14 to 2026-09-18.',
    ]);
    expect(checkStopRules(items(weeks(trust, 'Pilot', [50, 40]), 3), 'WF-001').stop).toBe(false);
  });

  it('splits results by language and by school where the rows record them', () => {
    const time: MetricName = 'Time per item (minutes)';
    const rows = [
      ...weeks(time, 'Pilot', [10]).map((r) => ({ ...r, language: 'English', school: 'Lincoln' })),
      ...weeks(time, 'Pilot', [20]).map((r) => ({ ...r, row: 3, language: 'Spanish', school: 'Lincoln' })),
      ...weeks(time, 'Baseline', [30]).map((r) => ({ ...r, language: 'Spanish' })),
    ];
    expect(summaryOf(rows, time).splits).toEqual([
      { by: 'Language', group: 'English', baseline: null, pilot: 10 },
      { by: 'Language', group: 'Spanish', baseline: 30, pilot: 20 },
      { by: 'School', group: 'Lincoln', baseline: null, pilot: 15 },
    ]);
  });
});
