import type { ColumnTemplate } from './workspace-template';

/** Headers match ignoring case and spacing, so "workflow " still finds "Workflow". */
export function normaliseHeader(header: unknown): string {
  // Every table read maps its headers: the few header texts a workspace has are normalised once.
  const text = String(header ?? '');
  let key = normalised.get(text);
  if (key === undefined) {
    key = text.trim().replace(/\s+/g, ' ').toLowerCase();
    if (normalised.size >= 2000) normalised.clear();
    normalised.set(text, key);
  }
  return key;
}

const normalised = new Map<string, string>();

export interface HeaderMap {
  /** 0-based column of each template column found, by key. */
  columns: ReadonlyMap<string, number>;
  /** Template columns with no header in the row. */
  missing: readonly ColumnTemplate[];
  /** Template columns whose header appears more than once, with every 0-based position. */
  duplicated: readonly { column: ColumnTemplate; at: readonly number[] }[];
  /** 0-based positions of non-empty headers the template does not know. */
  unknown: readonly number[];
}

/** Finds the template's columns in a header row by header text, never by position. */
export function mapHeaders(columns: readonly ColumnTemplate[], headerRow: readonly unknown[]): HeaderMap {
  const positions = new Map<string, number[]>();
  headerRow.forEach((header, i) => {
    const key = normaliseHeader(header);
    if (key !== '') positions.set(key, [...(positions.get(key) ?? []), i]);
  });
  const found = new Map<string, number>();
  const missing: ColumnTemplate[] = [];
  const duplicated: { column: ColumnTemplate; at: number[] }[] = [];
  const known = new Set<string>();
  for (const column of columns) {
    const key = normaliseHeader(column.header);
    known.add(key);
    const at = positions.get(key) ?? [];
    if (at.length === 0) missing.push(column);
    else if (at.length > 1) duplicated.push({ column, at });
    else found.set(column.key, at[0] ?? 0);
  }
  const unknown = [...positions.entries()].filter(([key]) => !known.has(key)).flatMap(([, at]) => at);
  return { columns: found, missing, duplicated, unknown: unknown.sort((a, b) => a - b) };
}

/** "A", "B", … "Z", "AA": the letter of a 1-based column. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
