import { cloneWorld, expectUnchanged, worldSnapshot } from '../../test/support/world';
import { describe, expect, it, jest } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { SERVER_ERROR, callSites } from '../../test/fakes/faults';
import { district, readyWorkspace } from '../../test/support/approvals';
import { approveAll, pilotPlan } from '../../test/support/pilot';
import { addMeasurementRows, sheetNamed } from '../../test/support/workspace';
import type { MeasurementInput, MetricsResult } from '../shared/metrics';
import type { AppsScript } from './apps-script';
import * as actions from './actions';
import { correctMeasurement, withdrawMeasurement } from './measurement-entries';
import { applyStopRulesNow, metricsBoard, saveMeasurement } from './metrics';
import { pilotBoard, resumePilot, savePilotPlan, startPilot } from './pilot';

/**
 * Days relative to today (UTC). The rules compare with today in the spreadsheet's time zone, up to a
 * day away from UTC, so every period below keeps two days from today and from the windows' edges.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const plan = {
  ...pilotPlan,
  baselineStart: day(-60),
  baselineEnd: day(-30),
  pilotStart: day(-20),
  pilotEnd: day(30),
};
const sponsor = { user: district['sponsor']?.[1] ?? '' };

function ok(result: MetricsResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result;
}

const measurement = (extra: Partial<MeasurementInput> = {}): MeasurementInput => ({
  metric: 'Time per item (minutes)',
  window: 'Baseline',
  periodStart: day(-50),
  periodEnd: day(-46),
  value: 30,
  items: 40,
  language: '',
  school: '',
  note: '',
  ...extra,
});
const incident = (offset = -10): MeasurementInput =>
  measurement({
    metric: 'Incidents',
    window: 'Pilot',
    periodStart: day(offset),
    periodEnd: day(offset),
    value: 1,
    items: null,
  });

/**
 * A workspace whose plan is approved and whose pilot runs (so a stop rule can pause it): built once,
 * then copied for each test (world-copy.ts).
 */
function runningPilot(): FakeEnvironment {
  running ??= startedPilot();
  return cloneWorld(running);
}
let running: FakeEnvironment | null = null;

function startedPilot(): FakeEnvironment {
  const env = readyWorkspace();
  const saved = env.run((gas) => savePilotPlan(gas, plan));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  approveAll(env);
  const started = env.run((gas) => startPilot(gas));
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  return env;
}

const cells = (env: FakeEnvironment, sheet: string) =>
  env.run((gas) => {
    const values = sheetNamed(gas, sheet).getDataRange().getValues();
    const headers = (values[0] ?? []).map(String);
    return values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
  });
const lastLog = (env: FakeEnvironment) => cells(env, 'Log').at(-1) ?? {};
const timeFigure = (result: MetricsResult) =>
  result.ok ? result.board.metrics.find((m) => m.name === 'Time per item (minutes)')?.baseline : undefined;

describe('a measurement is held to the window it claims and to today', () => {
  it.each<[string, Partial<MeasurementInput>, string]>([
    [
      'a baseline period inside the pilot window',
      { periodStart: day(-10), periodEnd: day(-6) },
      'within the baseline window',
    ],
    [
      'a baseline period before the baseline window',
      { periodStart: day(-70), periodEnd: day(-66) },
      'within the baseline window',
    ],
    [
      'a pilot period inside the baseline window',
      { window: 'Pilot', periodStart: day(-50), periodEnd: day(-46) },
      'within the pilot window',
    ],
    [
      'a period starting after today',
      { window: 'Pilot', periodStart: day(3), periodEnd: day(7) },
      'after today',
    ],
    ['a future incident', { ...incident(3) }, 'after today'],
  ])('refuses %s, naming the window, and changes nothing', (_case, extra, words) => {
    const env = runningPilot();
    const before = worldSnapshot(env);
    const result = env.run((gas) => actions.saveMeasurement(gas, measurement(extra)));
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'periodStart', message: expect.stringContaining(words) as unknown }],
    });
    expectUnchanged(env, before);
  });

  it('names the window’s days in the refusal', () => {
    const env = runningPilot();
    const result = env.run((gas) =>
      saveMeasurement(gas, measurement({ periodStart: day(-10), periodEnd: day(-6) })),
    );
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `A baseline period must lie within the baseline window, ${plan.baselineStart} to ${plan.baselineEnd} (Pilot sheet, Baseline start–end).`,
    );
  });

  it('refuses a second entry for a period already measured, and changes nothing', () => {
    const env = runningPilot();
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    const before = worldSnapshot(env);
    const result = env.run((gas) => saveMeasurement(gas, measurement({ value: 31 })));
    expect(result.ok ? '' : result.errors[0]?.message).toContain('(MS-0001): correct that entry instead.');
    expectUnchanged(env, before);
  });

  it('leaves out rows typed by hand outside their window, listed as rows to fix, and they never pause the pilot', () => {
    const env = runningPilot();
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Metrics');
      sheet.getRange(3, 1, 2, 8).setValues([
        ['', 'WF-001', 'Time per item (minutes)', 'Baseline', day(-10), day(-6), 90, 40],
        ['', 'WF-001', 'Incidents', 'Pilot', day(4), day(4), 2, ''],
      ]);
    });
    env.run((gas) => applyStopRulesNow(gas));
    const board = env.run((gas) => metricsBoard(gas));
    expect(board.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('Metrics row 3: a baseline period must lie within the baseline window'),
      expect.stringContaining('Metrics row 4: the period starts'),
    ]);
    expect(board.metrics.find((m) => m.name === 'Time per item (minutes)')?.baseline).toBe(30);
    expect(board).toMatchObject({ pilotState: 'Running', stopReasons: [] });
  });
});

describe('the Measure view lists the entries', () => {
  it('newest period first, with window, metric, value and who entered it', () => {
    const env = runningPilot();
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    ok(
      env.run((gas) =>
        saveMeasurement(
          gas,
          measurement({ window: 'Pilot', periodStart: day(-15), periodEnd: day(-11), value: 18 }),
        ),
      ),
    );
    ok(
      env.run((gas) =>
        saveMeasurement(gas, measurement({ periodStart: day(-43), periodEnd: day(-39), value: 32 })),
      ),
    );
    const entries = env.run((gas) => metricsBoard(gas)).entries;
    expect(entries.map((e) => [e.id, e.window, e.periodStart, e.value, e.status])).toEqual([
      ['MS-0002', 'Pilot', day(-15), 18, 'counts'],
      ['MS-0003', 'Baseline', day(-43), 32, 'counts'],
      ['MS-0001', 'Baseline', day(-50), 30, 'counts'],
    ]);
    expect(entries[0]?.enteredBy).toBe(env.owner);
  });
});

describe('correcting an entry', () => {
  it('saves the new value on the same row, logs before and after, and the figures follow', () => {
    const env = runningPilot();
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    const result = ok(
      env.run((gas) => actions.correctMeasurement(gas, { ...measurement({ value: 26 }), id: 'MS-0001' })),
    );
    expect(result.message).toBe('Corrected MS-0001.');
    expect(timeFigure(result)).toBe(26);
    expect(cells(env, 'Metrics').map((r) => [r['ID'], r['Value']])).toEqual([['MS-0001', 26]]);
    expect(lastLog(env)).toMatchObject({
      Action: 'Corrected measurement',
      Item: 'MS-0001',
      Before: `Time per item (minutes), Baseline ${day(-50)}–${day(-46)}: 30`,
      After: `Time per item (minutes), Baseline ${day(-50)}–${day(-46)}: 26`,
    });
  });

  it.each<[string, Partial<MeasurementInput> & { id?: string }]>([
    ['a value out of range', { metric: 'Adoption (%)', value: 140 }],
    ['a period outside its window', { periodStart: day(-10), periodEnd: day(-6) }],
    ['a period starting after today', { window: 'Pilot', periodStart: day(3), periodEnd: day(5) }],
    ['a period another entry measures', { periodStart: day(-43), periodEnd: day(-39) }],
    ['an unknown entry', { id: 'MS-0099' }],
  ])('refuses %s and changes nothing', (_case, extra) => {
    const env = runningPilot();
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    ok(env.run((gas) => saveMeasurement(gas, measurement({ periodStart: day(-43), periodEnd: day(-39) }))));
    const before = worldSnapshot(env);
    const result = env.run((gas) =>
      actions.correctMeasurement(gas, { ...measurement(extra), id: extra.id ?? 'MS-0001' }),
    );
    expect(result.ok).toBe(false);
    expectUnchanged(env, before);
  });
});

describe('withdrawing an entry', () => {
  it('keeps the row with who, when and why, logs it, and it stops counting', () => {
    const env = runningPilot();
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    ok(
      env.run((gas) =>
        saveMeasurement(gas, measurement({ periodStart: day(-43), periodEnd: day(-39), value: 40 })),
      ),
    );
    const result = ok(
      env.run((gas) =>
        actions.withdrawMeasurement(gas, { id: 'MS-0002', reason: 'Measured the wrong team.' }),
      ),
    );
    expect(result.message).toBe('Withdrew MS-0002; it no longer counts.');
    expect(timeFigure(result)).toBe(30);
    const row = cells(env, 'Metrics')[1] ?? {};
    expect(row).toMatchObject({
      ID: 'MS-0002',
      Value: 40,
      'Withdrawn by': env.owner,
      'Why withdrawn': 'Measured the wrong team.',
    });
    expect(row['Withdrawn']).toBeInstanceOf(Date);
    expect(lastLog(env)).toMatchObject({
      Action: 'Withdrew measurement',
      Item: 'MS-0002',
      After: 'Withdrawn',
      Note: 'Measured the wrong team.',
    });
    const board = env.run((gas) => metricsBoard(gas));
    expect(board.entries.find((e) => e.id === 'MS-0002')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: env.owner, why: 'Measured the wrong team.' },
    });
    expect(board.problems).toEqual([]);
    // A withdrawn entry is not changed again; its period is free for a new entry.
    const before = worldSnapshot(env);
    expect(env.run((gas) => withdrawMeasurement(gas, { id: 'MS-0002', reason: 'Again' }))).toMatchObject({
      ok: false,
    });
    expect(env.run((gas) => correctMeasurement(gas, { ...measurement(), id: 'MS-0002' }))).toMatchObject({
      ok: false,
    });
    expect(env.run((gas) => withdrawMeasurement(gas, { id: 'MS-0001', reason: ' ' }))).toMatchObject({
      ok: false,
      errors: [{ field: 'reason' }],
    });
    expectUnchanged(env, before);
    ok(
      env.run((gas) =>
        saveMeasurement(gas, measurement({ periodStart: day(-43), periodEnd: day(-39), value: 28 })),
      ),
    );
  });

  it('does not resume the pilot it paused (the sponsor does), and never pauses it again', () => {
    const env = runningPilot();
    const paused = ok(env.run((gas) => actions.saveMeasurement(gas, incident())));
    expect(paused.board.pilotState).toBe('Paused');
    const withdrawn = ok(
      env.run((gas) =>
        actions.withdrawMeasurement(gas, { id: 'MS-0001', reason: 'Entered for the wrong workflow.' }),
      ),
    );
    expect(withdrawn.message).toContain('The pilot stays paused until the sponsor resumes it');
    expect(withdrawn.board).toMatchObject({ pilotState: 'Paused', stopReasons: [] });
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Paused');
    const resumed = env.run(
      (gas) => resumePilot(gas, { reason: 'The incident was another team’s.' }),
      sponsor,
    );
    expect(resumed.ok).toBe(true);
    // The hourly run and a new save read the sheet again: the withdrawn incident no longer counts.
    env.run((gas) => applyStopRulesNow(gas));
    ok(env.run((gas) => saveMeasurement(gas, measurement())));
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Running');
    // The leader view reads the same figures: no stop reason stands.
    expect(JSON.stringify(cells(env, 'Dashboard'))).not.toContain('incident in the pilot period');
  });
});

describe('service calls', () => {
  /** A running pilot with `rows` measurement rows of another metric typed in by hand (built once a size). */
  const worlds = new Map<number, FakeEnvironment>();
  function world(rows: number): FakeEnvironment {
    let env = worlds.get(rows);
    if (!env) {
      env = runningPilot();
      addMeasurementRows(env, 'WF-001', rows);
      ok(env.run((gas) => saveMeasurement(gas, measurement())));
      worlds.set(rows, env);
    }
    return cloneWorld(env);
  }
  it('are the same at 10 and 1,000 rows for a save, a correction and a withdrawal, with and without the leader view', () => {
    const save = measurement({ periodStart: day(-43), periodEnd: day(-39) });
    const correction = { ...measurement({ value: 29 }), id: 'MS-0001' };
    const withdrawal = { id: 'MS-0001', reason: 'Twice' };
    const runs: Record<string, (gas: AppsScript) => MetricsResult> = {
      save: (gas) => saveMeasurement(gas, save),
      correct: (gas) => correctMeasurement(gas, correction),
      withdraw: (gas) => withdrawMeasurement(gas, withdrawal),
      'save + leader view': (gas) => actions.saveMeasurement(gas, save),
      'correct + leader view': (gas) => actions.correctMeasurement(gas, correction),
      'withdraw + leader view': (gas) => actions.withdrawMeasurement(gas, withdrawal),
    };
    const count = (rows: number) => {
      const calls: Record<string, number> = {};
      for (const [name, run] of Object.entries(runs)) {
        const env = world(rows);
        env.calls.reset();
        expect(env.run(run).ok).toBe(true);
        calls[name] = env.calls.total();
      }
      return calls;
    };
    const small = count(10);
    const large = count(1000);
    console.log(`service calls at 10 rows ${JSON.stringify(small)}, at 1,000 rows ${JSON.stringify(large)}`);
    expect(large).toEqual(small);
  });
});

describe('cut off at any service call', () => {
  it('a withdrawal leaves the row counting or withdrawn whole, and the next run completes it', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const base = runningPilot();
    ok(base.run((gas) => saveMeasurement(gas, measurement())));
    const fresh = () => cloneWorld(base);
    const probe = fresh();
    const input = { id: 'MS-0001', reason: 'Twice' };
    const trace = probe.faults.traceDuring(() => probe.run((gas) => actions.withdrawMeasurement(gas, input)));
    const picks = callSites(trace);
    expect(picks.length).toBeGreaterThan(5);
    for (const n of picks) {
      const env = fresh();
      env.faults.failCall(n);
      try {
        env.run((gas) => actions.withdrawMeasurement(gas, input));
      } catch (error) {
        expect(error).toMatchObject({ message: SERVER_ERROR });
      }
      const row = cells(env, 'Metrics')[0] ?? {};
      const done = row['Withdrawn by'] !== '';
      // Whole or not at all: who, when and why land together.
      expect({ n, parts: [row['Withdrawn'] !== '', row['Why withdrawn'] !== ''] }).toEqual({
        n,
        parts: [done, done],
      });
      if (!done) ok(env.run((gas) => actions.withdrawMeasurement(gas, input)));
      const board = env.run((gas) => metricsBoard(gas));
      expect({
        n,
        status: board.entries[0]?.status,
        figure: board.metrics.find((m) => m.name === 'Time per item (minutes)')?.baseline,
      }).toEqual({ n, status: 'withdrawn', figure: null });
      // Logged at most once. A cut-off between the Metrics write and the Log's leaves the row withdrawn
      // (who, when and why on it) without its Log line: the Log is appended last, as by every action.
      const logged = cells(env, 'Log').filter((r) => r['Action'] === 'Withdrew measurement').length;
      expect({ n, once: logged <= 1 }).toEqual({ n, once: true });
    }
    warn.mockRestore();
  });
});
