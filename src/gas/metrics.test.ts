import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { selectedWorkspace } from '../../test/support/approvals';
import { addMeasurementRows, sheetNamed } from '../../test/support/workspace';
import type { MeasurementInput, MetricsResult } from '../shared/metrics';
import { pilotSeal } from '../domain/pilot-seal';
import { localSigner } from './document-secret';
import { applyStopRulesNow, metricsBoard, saveMeasurement } from './metrics';
import { todayIs } from '../../test/support/today';

const selected = () => selectedWorkspace();

const input = (extra: Partial<MeasurementInput>): MeasurementInput => ({
  metric: 'Time per item (minutes)',
  window: 'Baseline',
  periodStart: '2026-11-02',
  periodEnd: '2026-11-06',
  value: 30,
  items: 40,
  language: '',
  school: '',
  note: '',
  ...extra,
});

function ok(result: MetricsResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.board;
}

const save = (env: FakeEnvironment, extra: Partial<MeasurementInput>) =>
  env.run((gas) => saveMeasurement(gas, input(extra)));

/** The pilot row for WF-001, running and sealed (as Start pilot leaves it). */
function running(env: FakeEnvironment): void {
  env.run((gas) => {
    const sheet = sheetNamed(gas, 'Pilot');
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const seal = pilotSeal(localSigner(gas), { id: 'PL-001', workflowId: 'WF-001', state: 'Running' });
    const cells: Record<string, string> = {
      'Pilot ID': 'PL-001',
      'Workflow ID': 'WF-001',
      State: 'Running',
      Seal: seal,
    };
    const row = headers.map((h) => cells[String(h)] ?? '');
    sheet.getRange(2, 1, 1, row.length).setValues([row]);
  });
}

// The fixed dates below are in the past from here: no period may start after today.
todayIs('2026-12-20T12:00:00Z');
describe('measurements', () => {
  it('adds a row for the selected workflow and summarises baseline against pilot', () => {
    const env = selected();
    ok(save(env, { value: 30 }));
    ok(save(env, { periodStart: '2026-11-09', periodEnd: '2026-11-13', value: 34 }));
    ok(save(env, { window: 'Pilot', periodStart: '2026-12-07', periodEnd: '2026-12-11', value: 19 }));
    const board = ok(
      save(env, { window: 'Pilot', periodStart: '2026-12-14', periodEnd: '2026-12-18', value: 21 }),
    );
    expect(board.metrics.find((m) => m.name === 'Time per item (minutes)')).toMatchObject({
      baseline: 32,
      pilot: 20,
      change: -37.5,
      // Two baseline weeks of 40 items: too little for a verdict (4 weeks and 30 items are needed).
      targetMet: null,
      verdict: 'Not enough data',
      baselinePeriods: 2,
      pilotPeriods: 2,
    });
    const rows = env.run((gas) => sheetNamed(gas, 'Metrics').getDataRange().getValues().slice(1));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['MS-0001', 'WF-001', 'Baseline'],
      ['MS-0002', 'WF-001', 'Baseline'],
      ['MS-0003', 'WF-001', 'Pilot'],
      ['MS-0004', 'WF-001', 'Pilot'],
    ]);
    expect(rows.every((r) => r[4] instanceof Date && r[5] instanceof Date)).toBe(true);
  });

  it.each<[string, Partial<MeasurementInput>, string]>([
    ['an unknown metric', { metric: 'Happiness' }, 'metric'],
    ['a percentage over 100', { metric: 'Adoption (%)', value: 140 }, 'value'],
    ['a trust score of 7', { metric: 'Staff trust (1–5)', value: 7 }, 'value'],
    ['half an incident', { metric: 'Incidents', value: 0.5 }, 'value'],
    ['a period ending before it starts', { periodEnd: '2026-11-01' }, 'periodEnd'],
    ['no value', { value: null }, 'value'],
    ['an unknown window', { window: 'Later' }, 'window'],
  ])('refuses %s and changes nothing', (_case, extra, field) => {
    const env = selected();
    const before = worldSnapshot(env);
    const result = save(env, extra);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
    expectUnchanged(env, before);
  });

  it('reports a row typed into the sheet that cannot count, with its row, and leaves it out', () => {
    const env = selected();
    ok(save(env, {}));
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Metrics');
      sheet.getRange(3, 1, 1, 8).clearDataValidations();
      sheet
        .getRange(3, 1, 1, 8)
        .setValues([
          [
            '',
            'WF-001',
            'Time per item (minutes)',
            'Baseline',
            new Date(2026, 10, 9),
            new Date(2026, 10, 13),
            'quick',
            10,
          ],
        ]);
    });
    const board = env.run((gas) => metricsBoard(gas));
    expect(board.problems.map((p) => p.message)).toEqual([expect.stringContaining('Metrics row 3')]);
    expect(board.metrics[0]?.baselinePeriods).toBe(1);
  });
});

describe('stop rules', () => {
  it('pause a running pilot at the first incident, visibly, and log why', () => {
    const env = selected();
    running(env);
    const result = save(env, {
      metric: 'Incidents',
      window: 'Pilot',
      periodStart: '2026-12-07',
      periodEnd: '2026-12-11',
      value: 1,
      items: null,
    });
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringContaining('The pilot is paused by its stop rule') as unknown,
    });
    const state = env.run((gas) => sheetNamed(gas, 'Pilot').getDataRange().getValues()[1]);
    expect(state).toContain('Paused');
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    // The pause, then who its notice goes to (pilot-notices.test.ts).
    expect(log.slice(-2).map((r) => r[3])).toEqual(['Pilot paused by its stop rule', 'Pause notice queued']);
  });

  it('pause it when low trust typed into the sheet two weeks running is next read', () => {
    const env = selected();
    running(env);
    ok(
      save(env, {
        metric: 'Staff trust (1–5)',
        window: 'Pilot',
        periodStart: '2026-12-07',
        periodEnd: '2026-12-11',
        value: 2.5,
        items: 6,
      }),
    );
    ok(
      save(env, {
        metric: 'Staff trust (1–5)',
        window: 'Pilot',
        periodStart: '2026-12-14',
        periodEnd: '2026-12-18',
        value: 2.8,
        items: 6,
      }),
    );
    const board = env.run((gas) => metricsBoard(gas));
    expect(board.pilotState).toBe('Paused');
    expect(board.stopReasons.join(' ')).toContain('Staff trust under 3 in 2 pilot periods running');
  });
});

describe('stop rules tripped by rows typed into the sheet', () => {
  it('are listed by the view, which writes nothing, and pause the pilot on the hourly run', () => {
    const env = selected();
    running(env);
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Metrics');
      sheet
        .getRange(2, 1, 1, 8)
        .setValues([['MS-H1', 'WF-001', 'Incidents', 'Pilot', '2026-12-07', '2026-12-11', 1, '']]);
    });
    const before = worldSnapshot(env);
    const board = env.run((gas) => metricsBoard(gas));
    expect(board.pilotState).toBe('Running');
    expect(board.stopReasons.length).toBeGreaterThan(0);
    expectUnchanged(env, before);
    env.run((gas) => applyStopRulesNow(gas));
    expect(env.run((gas) => metricsBoard(gas)).pilotState).toBe('Paused');
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    // The pause, then who its notice goes to (pilot-notices.test.ts).
    expect(log.slice(-2).map((r) => r[3])).toEqual(['Pilot paused by its stop rule', 'Pause notice queued']);
  });
});

describe('service calls', () => {
  it('are the same for adding a measurement and reading the summary at 10 and 1,000 rows', () => {
    const counts = (rows: number) => {
      const env = selected();
      addMeasurementRows(env, 'WF-001', rows);
      const measure = (action: () => unknown) => {
        env.calls.reset();
        action();
        return env.calls.byMethod();
      };
      return {
        read: measure(() => env.run((gas) => metricsBoard(gas))),
        add: measure(() =>
          save(env, {
            metric: 'Adoption (%)',
            window: 'Pilot',
            value: 80,
            periodStart: '2027-06-01',
            periodEnd: '2027-06-05',
          }),
        ),
      };
    };
    expect(counts(1000)).toEqual(counts(10));
  });
});
