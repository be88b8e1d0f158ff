import { describe, expect, it } from '@jest/globals';
import { readyWorkspace } from './approvals';
import { setCell } from './workspace';
import { cloneWorld, sameWorld, worldSnapshot } from './world';

describe('world snapshots', () => {
  const env = readyWorkspace();

  it('are alike while nothing changes, and unlike after any change, however small', () => {
    const before = worldSnapshot(env);
    expect(sameWorld(env.state, before)).toBe(true);
    const copy = cloneWorld(env);
    setCell(copy, 'Workflows', 2, 'name', 'Renamed');
    expect(sameWorld(copy.state, before)).toBe(false);
    // The original is untouched by the copy's change, and the copy by the original's.
    expect(sameWorld(env.state, before)).toBe(true);
    setCell(env, 'Settings', 2, 'value', 'Changed');
    expect(sameWorld(env.state, before)).toBe(false);
  });

  it('tell apart what JSON text would not: a date from its text, NaN from null, key order, a key set to undefined', () => {
    const base = worldSnapshot(env);
    const variant = (change: (state: typeof base) => void) => {
      const state = worldSnapshot(env);
      change(state);
      return sameWorld(state, base);
    };
    expect(variant(() => undefined)).toBe(true);
    expect(variant((s) => (s.properties.script['x'] = 'y'))).toBe(false);
    const at = new Date(0);
    const withDate = worldSnapshot(env);
    (withDate.properties as unknown as Record<string, unknown>)['when'] = at;
    const withText = worldSnapshot(env);
    (withText.properties as unknown as Record<string, unknown>)['when'] = at.toJSON();
    expect(sameWorld(withDate, withText)).toBe(false);
    const withNaN = worldSnapshot(env);
    withNaN.nextTriggerId = NaN;
    const withNull = worldSnapshot(env);
    (withNull as unknown as Record<string, unknown>)['nextTriggerId'] = null;
    expect(sameWorld(withNaN, withNull)).toBe(false);
    expect(sameWorld(withNaN, { ...withNaN })).toBe(true);
    const reordered = worldSnapshot(env);
    const { script, ...rest } = reordered.properties;
    reordered.properties = { ...rest, script };
    expect(sameWorld(reordered, base)).toBe(false);
    const undefinedKey = worldSnapshot(env);
    (undefinedKey.properties as unknown as Record<string, unknown>)['extra'] = undefined;
    expect(sameWorld(undefinedKey, base)).toBe(false);
  });

  it('share the rows they copy until one side writes, and a shared row cannot be changed in place', () => {
    const copy = cloneWorld(env);
    const row = copy.state.spreadsheet.sheets.find((s) => s.name === 'Workflows')?.rows[1];
    expect(row).toBe(env.state.spreadsheet.sheets.find((s) => s.name === 'Workflows')?.rows[1]);
    expect(() => row?.push(null)).toThrow(TypeError);
  });
});
