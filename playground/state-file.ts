import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { WorldState } from '../test/fakes/environment';

/**
 * The playground's workspace survives restarts in a JSON file. Dates are the one value JSON loses, so
 * they are written as {"$date": "…"} and revived on reading. The in-memory spreadsheet keeps a cell
 * for every formatted row (a text column formats all 1,000 rows), so runs of equal values in an array
 * are written once as {"$repeat": n, "of": value}: a walk-through's file stays a few hundred kilobytes
 * instead of growing to megabytes.
 */
const MIN_RUN = 3;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The JSON text, made in one pass: each value's text is made once and also serves to find runs of
 * equal values (making the JSON and then its text for every array item again took most of a save).
 */
function toText(value: unknown): string {
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) return `[${compactRuns(Array.from(value as unknown[], toText)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields: string[] = [];
    for (const [key, v] of Object.entries(value))
      if (v !== undefined) fields.push(`${JSON.stringify(key)}:${toText(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function compactRuns(items: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length;) {
    let j = i + 1;
    while (j < items.length && items[j] === items[i]) j += 1;
    const item = items[i] ?? 'null';
    if (j - i >= MIN_RUN) out.push(`{"$repeat":${j - i},"of":${item}}`);
    else for (let k = i; k < j; k += 1) out.push(items[k] ?? 'null');
    i = j;
  }
  return out;
}

function fromJson(value: Json): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (isRun(item)) {
        // Each copy is its own object: the fakes change cells in place.
        for (let k = 0; k < item.$repeat; k += 1) out.push(fromJson(item.of));
      } else out.push(fromJson(item));
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    if (typeof value['$date'] === 'string' && Object.keys(value).length === 1)
      return new Date(value['$date']);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = fromJson(v);
    return out;
  }
  return value;
}

function isRun(item: Json): item is { $repeat: number; of: Json } {
  return (
    item !== null &&
    typeof item === 'object' &&
    !Array.isArray(item) &&
    typeof item['$repeat'] === 'number' &&
    'of' in item &&
    Object.keys(item).length === 2
  );
}

export function encodeState(state: WorldState): string {
  return toText(state);
}

export function decodeState(text: string): WorldState {
  return fromJson(JSON.parse(text) as Json) as WorldState;
}

export function loadState(file: string): WorldState | null {
  if (!existsSync(file)) return null;
  const state = decodeState(readFileSync(file, 'utf8'));
  state.files ??= [];
  return state;
}

/** Written to a temporary file first, so a crash never leaves half a file behind. */
export function saveState(file: string, state: WorldState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, encodeState(state));
  renameSync(temporary, file);
}
