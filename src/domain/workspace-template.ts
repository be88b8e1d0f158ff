/**
 * The shape of the declarative sheet templates in `sheets-templates/`. Set-up applies them; everything
 * else finds columns by their header and rows by their ID through them, never by position.
 */

export type SheetKey =
  | 'dashboard'
  | 'boardSummary'
  | 'workflows'
  | 'scores'
  | 'governance'
  | 'approvals'
  | 'pilot'
  | 'metrics'
  | 'incidents'
  | 'settings'
  | 'log'
  | 'outbox'
  | 'planVersions';

/**
 * What a column holds. It decides the validation, the number format and how values are read:
 * `text` columns carry the plain-text format so "01234" or "2024" stay as typed.
 */
export type ColumnType =
  | { kind: 'id' }
  | { kind: 'text'; long?: true }
  | { kind: 'number'; min?: number; max?: number; decimals?: number }
  | { kind: 'score' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'choice'; choices: readonly string[] };

export interface ColumnTemplate {
  /** Stable name used by the code; never shown. */
  key: string;
  header: string;
  type: ColumnType;
  width: number;
  /** Shown as the header's note: what goes in the column. */
  help: string;
  /** Filled in by the add-on; hand edits get a warning and are overwritten by the next refresh. */
  computed?: true;
  /** The schema version that introduced the column; set-up adds it to older workspaces. */
  since: number;
}

export type CellInput = string | number | boolean | null;

export interface DefaultRow {
  /** The schema version that introduced the row; set-up adds it when upgrading from an older one. */
  since: number;
  values: Readonly<Record<string, CellInput>>;
}

/** A conditional format over the data rows; `[key]` in the formula stands for that column, e.g. `$B`. */
export interface ConditionalFormatTemplate {
  formula: string;
  background: string;
  fontColor?: string;
  /** The columns it colours; all of them when absent. */
  columns?: readonly string[];
}

export interface TableTemplate {
  kind: 'table';
  key: SheetKey;
  name: string;
  /** One line on what the sheet is for, shown in the planner. */
  purpose: string;
  /** Prefix of row IDs, e.g. "WF" for WF-001. */
  idPrefix: string;
  columns: readonly ColumnTemplate[];
  /**
   * `warning`: hand edits ask "are you sure?" (Approvals, Log: the add-on writes them as each person
   * who uses it, so they cannot be closed to editors; the chained Log shows any tampering).
   */
  protection: 'none' | 'warning';
  tabColor: string;
  defaultRows: readonly DefaultRow[];
  conditionalFormats: readonly ConditionalFormatTemplate[];
}

/**
 * A sheet laid out cell by cell (the Dashboard). `[Sheet.key]` in a formula stands for that column's
 * data range, e.g. `Workflows!B2:B`, resolved from the actual headers when the sheet is written.
 */
export interface LayoutTemplate {
  kind: 'layout';
  key: SheetKey;
  name: string;
  purpose: string;
  tabColor: string;
  /** Rows from row 1; each cell is text or a formula. */
  rows: readonly (readonly string[])[];
  columnWidths: readonly number[];
  since: number;
}

export type SheetTemplate = TableTemplate | LayoutTemplate;

export interface WorkspaceTemplate {
  /** Raised whenever a template change needs set-up to run again. */
  schemaVersion: number;
  sheets: readonly SheetTemplate[];
}
