import { expect } from '@jest/globals';
import { FakeEnvironment, type EnvironmentOptions, type WorldState } from '../fakes/environment';

/**
 * The world as one string: every sheet, property, trigger and mailbox. Comparing two of these is a
 * string comparison (a tenth of the time a deep-equal of the state takes), and stricter: dates keep
 * their instant and type, non-finite numbers stay distinct, and key order counts.
 */
export function worldSnapshot(env: FakeEnvironment): string {
  return JSON.stringify(env.state, function tagged(this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { $number: String(raw) };
    return value;
  });
}

/**
 * Asserts the world is exactly as in `before` (from `worldSnapshot`). Only on a difference does it
 * deep-compare the parsed states, so the failure shows where they differ.
 */
export function expectUnchanged(env: FakeEnvironment, before: string): void {
  const after = worldSnapshot(env);
  if (after === before) return;
  expect(JSON.parse(after)).toEqual(JSON.parse(before));
  // Equal once parsed but not as text: only the order of keys changed. Still a change.
  expect(after).toBe(before);
}

/**
 * A copy of a built world, to run one more scenario on without rebuilding it (fault injection runs
 * the same action from the same start once per service call).
 */
export function cloneWorld(
  env: FakeEnvironment,
  options: Omit<EnvironmentOptions, 'state'> = {},
): FakeEnvironment {
  return new FakeEnvironment({
    htmlFiles: env.htmlFiles,
    scriptTimeZone: env.scriptTimeZone,
    ...options,
    state: copy(env.state) as WorldState,
  });
}

/**
 * A deep copy of plain data made in this realm. (`structuredClone` makes its dates in Node's realm,
 * not the test's, so `instanceof Date` would fail on them inside Jest.)
 */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = copy(item);
  return out;
}
