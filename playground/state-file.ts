import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { WorldState } from '../test/fakes/environment';

/**
 * The playground's workspace survives restarts in a JSON file. Dates are the one value JSON loses, so
 * they are written as {"$date": "…"} and revived on reading.
 */
export function encodeState(state: WorldState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function decodeState(text: string): WorldState {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && '$date' in value && typeof value.$date === 'string') {
      return new Date(value.$date);
    }
    return value;
  }) as WorldState;
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
