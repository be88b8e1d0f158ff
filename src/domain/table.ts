import { fromCellText } from './cell-text';
import { mapHeaders, type HeaderMap } from './header-map';
import type { TableTemplate } from './workspace-template';

/**
 * A table sheet read once, as plain data: its header map and its rows keyed by column key. Rows are
 * identified by their sheet row number for writing back, and by their ID for everything else.
 */
export interface TableRow {
  /** 1-based row in the sheet. */
  row: number;
  /** Raw cell values by template key (columns the sheet lacks are absent). */
  cells: Readonly<Record<string, unknown>>;
}

export interface TableData {
  map: HeaderMap;
  /** Columns in use (headers and data), at least the template's. */
  width: number;
  /** Non-empty data rows, in sheet order. */
  rows: readonly TableRow[];
  /** The last row with content (1 when only headers). */
  lastRow: number;
}

/** A row the add-on could not use, reported with its place so a person can fix it. */
export type RowProblem = {
  sheet: string;
  row: number;
  message: string;
};

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

export function readTableData(template: TableTemplate, values: readonly (readonly unknown[])[]): TableData {
  const map = mapHeaders(template.columns, values[0] ?? []);
  // A loop, not Math.max(...rows): spreading a long sheet's rows overflows the call stack.
  let width = template.columns.length;
  for (const line of values) if (line.length > width) width = line.length;
  const rows: TableRow[] = [];
  values.slice(1).forEach((line, i) => {
    if (line.every(isEmpty)) return;
    const cells: Record<string, unknown> = {};
    for (const [key, at] of map.columns) cells[key] = line[at] ?? '';
    rows.push({ row: i + 2, cells });
  });
  const lastFilled = values.reduce((last, line, i) => (line.some((v) => !isEmpty(v)) ? i + 1 : last), 0);
  return { map, width, rows, lastRow: Math.max(1, lastFilled) };
}

export function text(value: unknown): string {
  return fromCellText(value).trim();
}

/** Checkboxes read TRUE/FALSE; people also type yes/no. */
export function yes(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return /^(true|yes|y|x|✓)$/i.test(text(value));
}

/** The next free ID with this prefix: one above the highest number in use, never reusing one. */
export function nextId(prefix: string, existing: readonly string[], digits = 3): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const highest = existing.reduce((max, id) => {
    const match = pattern.exec(id);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `${prefix}-${String(highest + 1).padStart(digits, '0')}`;
}
