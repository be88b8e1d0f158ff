import { expect } from '@jest/globals';
import type { FakeEnvironment, WorldState } from '../fakes/environment';
import { copyWorldState } from '../fakes/world-copy';

/**
 * The world as it is now (every sheet, property, trigger and mailbox), to compare with later: a copy
 * of its state, which takes a fraction of the time a JSON text of the 11 MB state takes.
 */
export function worldSnapshot(env: FakeEnvironment): WorldState {
  return copyWorldState(env.state);
}

/**
 * Whether two world states are exactly alike: the same keys in the same order, the same types, dates
 * to the millisecond, NaN equal only to NaN. Parts the two share (a copy shares the fakes' immutable
 * rules and styles) are alike without being walked, which keeps a comparison of whole worlds cheap.
 */
export function sameWorld(a: WorldState, b: WorldState): boolean {
  return alike(a, b);
}

function alike(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!alike(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    if (key !== others[i]) return false;
    if (!alike((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Asserts the world is exactly as in `before` (from `worldSnapshot`). Only on a difference does it
 * compare the two in full, so the failure shows where they differ.
 */
export function expectUnchanged(env: FakeEnvironment, before: WorldState): void {
  if (sameWorld(env.state, before)) return;
  const [after, was] = [worldText(env.state), worldText(before)];
  expect(JSON.parse(after)).toEqual(JSON.parse(was));
  // Equal once parsed but not as text: only the order of keys changed. Still a change.
  expect(after).toBe(was);
  // Alike as text but not as values (a key set to undefined, say). Still a change.
  expect({ unchanged: false }).toEqual({ unchanged: true });
}

/** The state as JSON text that keeps what JSON loses: dates (with their type) and non-finite numbers. */
function worldText(state: WorldState): string {
  return JSON.stringify(state, function tagged(this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { $number: String(raw) };
    return value;
  });
}

export { cloneWorld } from '../fakes/world-copy';

/**
 * The world with the spare grid below each sheet's data cut to a few rows, for loops that run an
 * action from the same start hundreds of times (fault injection): set-up leaves 1,000 formatted rows
 * per sheet, which every read of a sheet's extent looks at. A sheet that runs out of rows grows as it
 * would anyway. Returns the same world.
 */
export function trimmed(world: FakeEnvironment): FakeEnvironment {
  world.run((gas) => {
    for (const sheet of gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheets() ?? []) {
      const keep = Math.max(sheet.getLastRow(), 1) + 5;
      if (sheet.getMaxRows() > keep) sheet.deleteRows(keep + 1, sheet.getMaxRows() - keep);
    }
  });
  return world;
}
