import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import type { GridRange } from '../../test/fakes/spreadsheet/state';
import { sheetTallies } from '../../test/fakes/sheet-access';
import { sheetNamed } from '../../test/support/workspace';
import { cloneWorld } from '../../test/support/world';
import { workspaceTemplate } from '../../sheets-templates';
import { setUp } from './actions';

/**
 * Set up workspace as the menu and the planner run it (with the leader view), cut off where its one
 * pass per sheet could leave something half made, is completed by the next run, which leaves the
 * workspace exactly as a set-up never cut off does.
 */

// One instant for every run, so the leader view's "updated" line is the same in each.
beforeAll(() => {
  jest.useFakeTimers({ now: new Date('2026-12-01T09:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
  // A leader view cut off reports it on the console and carries on (actions.ts): expected here.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

/**
 * Whether two values would be the same JSON once every object's keys are put in order (a cell's style
 * is the same whichever was set first). Values a copy of a world shares with the original are the
 * same object (world-copy.ts), so most of a world is passed over without a look inside.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return jsonOf(a) === jsonOf(b);
  }
  const frozen = Object.isFrozen(a) && Object.isFrozen(b);
  if (frozen && knownSame.get(a)?.has(b)) return true;
  const same = sameInside(a, b);
  if (same && frozen) knownSame.set(a, (knownSame.get(a) ?? new WeakSet()).add(b));
  return same;
}

/**
 * Frozen values found the same: a cell's style and validation rule are frozen, and one is shared by
 * all the cells a call formatted (a column down to row 1,000), so each pair is looked inside once.
 */
const knownSame = new WeakMap<object, WeakSet<object>>();

function sameInside(a: object, b: object): boolean {
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys JSON leaves out (undefined, functions) do not count; no arrays are made for a cell.
  let count = 0;
  for (const key in x) {
    const value = x[key];
    if (value === undefined || typeof value === 'function') continue;
    count += 1;
    if (!(key in y) || !sameJson(value, y[key])) return false;
  }
  for (const key in y) {
    const value = y[key];
    if (value !== undefined && typeof value !== 'function') count -= 1;
  }
  return count === 0;
}

/** What JSON makes of a value that is not an object: undefined for what it leaves out. */
function jsonOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? '{}' : JSON.stringify(value);
}

/** What set-up makes, by sheet name and without IDs: values, formats, rules, protections, charts. */
function made(env: FakeEnvironment): Made {
  const spreadsheet = env.state.spreadsheet;
  const names = new Map(spreadsheet.sheets.map((s) => [s.id, s.name]));
  const at = (r: GridRange) => ({ ...r, sheetId: names.get(r.sheetId) });
  return {
    sheets: spreadsheet.sheets.map((s) => ({
      name: s.name,
      grid: [s.maxRows, s.maxColumns, s.frozenRows, s.tabColor, s.columnWidths],
      rows: s.rows,
      metadata: s.metadata.map((m) => [m.key, m.value, m.visibility]),
      rules: s.conditionalRules.map((r) => ({ ...r, ranges: r.ranges.map(at) })),
      charts: s.charts.map((c) => ({ ...c, id: 0, ranges: c.ranges.map(at) })),
    })),
    protections: spreadsheet.protections
      .map((p) => JSON.stringify({ ...p, id: 0, range: at(p.range) }))
      .sort(),
    properties: env.state.properties.document,
  };
}

interface Made {
  sheets: { name: string }[];
  protections: string[];
  properties: unknown;
}

function expectSame(found: Made, expected: Made): void {
  expect(sameJson(found, expected) ? 'the same' : firstDifference(found, expected)).toBe('the same');
}

/** The sheet that differs first, for the failure message. */
function firstDifference(a: Made, b: Made): string {
  const sheet = a.sheets.find((s, i) => !sameJson(s, b.sheets[i]));
  return sheet ? `the ${sheet.name} sheet` : 'the protections or properties';
}

/**
 * Call numbers (1-based) to cut after, where a cut can leave something half made: a protection made
 * but not yet described or made warning-only, the leader view's sheets between their set-up and
 * their figures (their marker, protection and layout, and the write after it), every property
 * stored; with `everyWrite` (for a run that writes little), every write of a sheet.
 */
function cutPoints(env: FakeEnvironment, everyWrite: boolean): number[] {
  env.calls.reset();
  env.run((gas) => setUp(gas));
  const nth = new Map<string, number>();
  /** A view sheet's writes since its layout's rows (its first setValues). */
  const sinceLayout = new Map<string, number>();
  return env.calls.sequence.flatMap((call, i) => {
    const sheet = call.sheet ?? '';
    const count = (key: string) => {
      const n = (nth.get(key) ?? 0) + 1;
      nth.set(key, n);
      return n;
    };
    const first = count(call.name) === 1;
    const write = sheet !== '' && /\.(set|insert|protect|add|remove)/.test(call.name);
    const view = write && (sheet === 'Dashboard' || sheet === 'Board summary');
    const firstOnView = view && count(`${call.name} @${sheet}`) === 1;
    const after = sinceLayout.get(sheet);
    if (view && after !== undefined) sinceLayout.set(sheet, after + 1);
    else if (view && call.name === 'Range.setValues') sinceLayout.set(sheet, 0);
    const pick =
      (everyWrite && write) ||
      /^Properties\.(set|delete)Property$/.test(call.name) ||
      (first && /^(Range\.protect|Protection\.setDescription|Sheet\.protect)$/.test(call.name)) ||
      // The views' set-up is one code path: the Dashboard's steps, and the Board summary's relayout.
      (firstOnView &&
        sheet === 'Dashboard' &&
        /^(Sheet\.addDeveloperMetadata|Sheet\.protect|Range\.setValues)$/.test(call.name)) ||
      (view && sinceLayout.get(sheet) === 1);
    return pick ? [i + 1] : [];
  });
}

/**
 * The table sheets' spare grid cut to a few rows, so each of the many runs looks at less (the leader
 * view's sheets keep the rows their layout fills); set up again after, it is a workspace like another.
 */
function trimTables(env: FakeEnvironment): FakeEnvironment {
  env.run((gas) => {
    for (const t of workspaceTemplate.sheets.filter((s) => s.kind === 'table')) {
      const sheet = sheetNamed(gas, t.name);
      const keep = Math.max(sheet.getLastRow(), 1) + 5;
      if (sheet.getMaxRows() > keep) sheet.deleteRows(keep + 1, sheet.getMaxRows() - keep);
    }
  });
  return env;
}

function cutOffThenRun(start: FakeEnvironment, after: number): FakeEnvironment {
  const env = cloneWorld(start);
  env.faults.cutAfter(after);
  try {
    env.run((gas) => setUp(gas));
  } catch {
    // Cut off: Apps Script ends the run.
  }
  env.faults.clear();
  const report = env.run((gas) => setUp(gas));
  expect(report.ok).toBe(true);
  return env;
}

describe('a set-up cut off', () => {
  it('of a new spreadsheet, at any of its sheets or stored properties, is completed by the next', () => {
    const clean = new FakeEnvironment();
    clean.run((gas) => setUp(gas));
    const expected = made(clean);
    const start = new FakeEnvironment();
    const points = cutPoints(cloneWorld(start), false);
    expect(points.length).toBeGreaterThanOrEqual(10);
    const wrong = points.flatMap((n) => {
      const found = made(cutOffThenRun(start, n));
      return sameJson(found, expected) ? [] : [`cut after call ${n}: ${firstDifference(found, expected)}`];
    });
    expect(wrong).toEqual([]);
  });

  it('while it repairs a workspace (a chart, a validation and a protection removed by hand) is completed by the next', () => {
    const clean = new FakeEnvironment();
    clean.run((gas) => setUp(gas));
    trimTables(clean).run((gas) => setUp(gas));
    const expected = made(clean);
    const broken = cloneWorld(clean);
    broken.run((gas) => {
      const dashboard = sheetNamed(gas, 'Dashboard');
      const [chart] = dashboard.getCharts();
      if (chart) dashboard.removeChart(chart);
      sheetNamed(gas, 'Governance').getRange('L2:L4').setDataValidation(null);
      for (const p of sheetNamed(gas, 'Approvals').getProtections(gas.SpreadsheetApp.ProtectionType.SHEET))
        p.remove();
    });
    const points = cutPoints(cloneWorld(broken), true);
    expect(points.length).toBeGreaterThanOrEqual(5);
    const wrong = points.flatMap((n) => {
      const found = made(cutOffThenRun(broken, n));
      return sameJson(found, expected) ? [] : [`cut after call ${n}: ${firstDifference(found, expected)}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('a set-up repair', () => {
  it('puts back a chart removed from the Dashboard, in the one write of the Dashboard', () => {
    const clean = new FakeEnvironment();
    clean.run((gas) => setUp(gas));
    const env = cloneWorld(clean);
    env.run((gas) => {
      const dashboard = sheetNamed(gas, 'Dashboard');
      const [chart] = dashboard.getCharts();
      if (chart) dashboard.removeChart(chart);
    });
    env.calls.reset();
    env.run((gas) => setUp(gas));
    expectSame(made(env), made(clean));
    const dashboard = sheetTallies(env.calls.sequence).get('Dashboard');
    expect(dashboard).toMatchObject({ reads: 1, writes: 1 });
  });

  it('run again with nothing to change keeps the charts and writes nothing: the leader view holds', () => {
    const env = new FakeEnvironment();
    env.run((gas) => setUp(gas));
    // A copy: `made` holds the live rows, which the next run changes in place.
    const before = made(cloneWorld(env));
    env.calls.reset();
    env.run((gas) => setUp(gas));
    expectSame(made(env), before);
    const calls = env.calls.byMethod();
    expect(Object.keys(calls).filter((m) => /Chart/.test(m))).toEqual(['Sheet.getCharts']);
    const written = [...sheetTallies(env.calls.sequence)].filter(([, t]) => t.writes > 0);
    expect(written.map(([sheet, t]) => [sheet, t.commits])).toEqual([]);
    expect(Object.keys(calls).filter((m) => /^Properties\.(set|delete)/.test(m))).toEqual([]);
  });
});
