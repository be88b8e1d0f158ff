import { FakeEnvironment, type EnvironmentOptions, type WorldState } from './environment';
import type { CellState, SheetState, SpreadsheetState } from './spreadsheet/state';

/**
 * A deep copy of a world's state, to run another scenario from the same start (fault injection runs
 * one action once per service call) or to compare against later.
 *
 * A set-up workspace holds about 140,000 cell states (every column formatted and validated down to row
 * 1,000), so the copy shares them: each sheet's rows and their cells are frozen and shared by the
 * original and the copy, and the model copies a frozen row or cell before it changes it
 * (model.ts, `mutableCell`), so neither side ever sees the other's changes; the rows array itself is
 * frozen and shared too, and copied (its references only) by the first change to either side. A
 * cell's data-validation rule and style are frozen values too (data-validation.ts, range.ts).
 * Everything else is copied as plain data. Two copies whose rows were not changed since are alike
 * without a cell being compared.
 */
export function copyWorldState(state: WorldState): WorldState {
  return copyKeys(state, {
    spreadsheet: (s) => copySpreadsheet(s as SpreadsheetState),
    files: (files) => (files as SpreadsheetState[]).map(copySpreadsheet),
  });
}

export function copySpreadsheet(state: SpreadsheetState): SpreadsheetState {
  return copyKeys(state, { sheets: (sheets) => (sheets as SheetState[]).map(copySheet) });
}

/** A frozen rows array is shared as it is: neither side changed a row since it was frozen. */
function copySheet(sheet: SheetState): SheetState {
  if (!Object.isFrozen(sheet.rows)) {
    for (const cells of sheet.rows) shareRow(cells);
    Object.freeze(sheet.rows);
  }
  return copyKeys(sheet, { rows: (rows) => rows });
}

/** Freezes a row and its cells, to be shared (once frozen, they are only ever replaced). */
function shareRow(cells: (CellState | null)[] | null): (CellState | null)[] | null {
  if (cells === null || Object.isFrozen(cells)) return cells;
  for (const cell of cells) if (cell && !Object.isFrozen(cell)) Object.freeze(cell);
  return Object.freeze(cells) as (CellState | null)[];
}

/** A copy with the keys in the same order, copied by `special` where it names them, else as plain data. */
function copyKeys<T extends object>(value: T, special: Record<string, (item: unknown) => unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = (special[key] ?? copyPlain)(item);
  return out as T;
}

/**
 * A deep copy of plain data made in this realm. (`structuredClone` makes its dates in Node's realm,
 * not the test's, so `instanceof Date` would fail on them inside Jest.)
 */
export function copyPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copyPlain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyPlain((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * A copy of a built world, to run one more scenario on without rebuilding it (fault injection runs
 * the same action from the same start once per service call). Its clock reads the same time as the
 * original's, moved on by the original's `advance` calls so far.
 */
export function cloneWorld(
  env: FakeEnvironment,
  options: Omit<EnvironmentOptions, 'state'> = {},
): FakeEnvironment {
  const offset = env.now().getTime() - Date.now();
  return new FakeEnvironment({
    htmlFiles: env.htmlFiles,
    scriptTimeZone: env.scriptTimeZone,
    now: () => Date.now() + offset,
    ...options,
    state: copyWorldState(env.state),
  });
}
