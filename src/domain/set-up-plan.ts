import { columnLetter, mapHeaders, normaliseHeader } from './header-map';
import type {
  CellInput,
  ColumnTemplate,
  LayoutTemplate,
  SheetKey,
  SheetTemplate,
  TableTemplate,
  WorkspaceTemplate,
} from './workspace-template';

/**
 * Set-up as a pure function: from what the spreadsheet holds now, decide what to create and add, or
 * which hand edits stop it. Set-up never deletes or overwrites user data, so the plan only ever adds
 * sheets, columns and default rows, and re-applies formatting; when the workspace was broken by hand in
 * a way set-up cannot repair without guessing, the plan is a list of problems and nothing changes.
 */

export interface SheetSnapshot {
  name: string;
  /** The template key recorded on the sheet by an earlier set-up, if any. */
  markedAs: string | null;
  /** Every value from A1 to the last row and column with content. */
  values: readonly (readonly unknown[])[];
  maxRows: number;
  maxColumns: number;
  /** Not read (opening the planner skips sheets nothing it shows depends on): nothing to plan. */
  unread?: boolean;
}

export interface WorkspaceSnapshot {
  /** The schema version stored by the last completed set-up; null on a new workspace. */
  schemaVersion: number | null;
  /** Sheets in tab order. */
  sheets: readonly SheetSnapshot[];
}

/** A type alias, not an interface, so it can cross the sidebar contract as JSON. */
export type SetUpProblem = {
  sheet: string;
  problem: string;
  fix: string;
};

export interface TableSheetPlan {
  template: TableTemplate;
  /** The sheet's current name; null when it is to be created (after the workspace sheet before it). */
  existing: string | null;
  /** 1-based column of every template column once the plan is applied. */
  columns: Readonly<Record<string, number>>;
  /** Template columns whose headers are to be written (new sheet, missing or new columns). */
  addColumns: readonly ColumnTemplate[];
  /** Grid size the sheet needs, at least. */
  needRows: number;
  needColumns: number;
  /** Rows to write from `appendAt`, already laid out in the sheet's columns. */
  appendRows: readonly (readonly CellInput[])[];
  appendAt: number;
  /** Whether the sheet still needs the marker that lets set-up find it after a rename. */
  mark: boolean;
  /** What the plan does to this sheet, in words for the user. */
  changes: readonly string[];
}

export interface LayoutSheetPlan {
  template: LayoutTemplate;
  existing: string | null;
  /** The layout with every `[Sheet.key]` resolved; written only when the sheet is created. */
  rows: readonly (readonly string[])[];
  mark: boolean;
  changes: readonly string[];
}

export type SheetPlan = TableSheetPlan | LayoutSheetPlan;

export type SetUpPlan =
  | { ok: true; fromVersion: number | null; toVersion: number; sheets: readonly SheetPlan[] }
  | { ok: false; problems: readonly SetUpProblem[] };

const quote = (text: string) => `“${text}”`;

export function planSetUp(template: WorkspaceTemplate, snapshot: WorkspaceSnapshot): SetUpPlan {
  const from = snapshot.schemaVersion;
  if (from !== null && from > template.schemaVersion) {
    return {
      ok: false,
      problems: [
        {
          sheet: '',
          problem: `This workspace was set up by a newer version of the add-on (schema ${from}; this version knows ${template.schemaVersion}).`,
          fix: 'Update the AI Plan Workspace add-on, then run Set up workspace again.',
        },
      ],
    };
  }

  const problems: SetUpProblem[] = [];
  const located = template.sheets.map((t) => locate(t, snapshot, problems));
  if (problems.length > 0) return { ok: false, problems };

  const tables = new Map<SheetKey, TableSheetPlan>();
  template.sheets.forEach((sheetTemplate, i) => {
    if (sheetTemplate.kind !== 'table') return;
    const plan = planTable(sheetTemplate, located[i] ?? null, from, problems);
    if (plan) tables.set(sheetTemplate.key, plan);
  });
  if (problems.length > 0) return { ok: false, problems };

  const sheets = template.sheets.map((sheetTemplate, i): SheetPlan =>
    sheetTemplate.kind === 'table'
      ? (tables.get(sheetTemplate.key) as TableSheetPlan)
      : planLayout(sheetTemplate, located[i] ?? null, tables),
  );
  return { ok: true, fromVersion: from, toVersion: template.schemaVersion, sheets };
}

/** Finds the sheet for a template: by name, or by the marker when it was renamed (a problem). */
function locate(
  template: SheetTemplate,
  snapshot: WorkspaceSnapshot,
  problems: SetUpProblem[],
): SheetSnapshot | null {
  const byName = snapshot.sheets.find((s) => s.name === template.name);
  if (byName) {
    if (byName.markedAs === null && !looksLikeWorkspaceSheet(template, byName)) {
      problems.push({
        sheet: template.name,
        problem: `A sheet named ${quote(template.name)} already exists and is not a workspace sheet.`,
        fix: `Rename that sheet (double-click its tab), then run Set up workspace again; a new ${quote(template.name)} sheet will be made.`,
      });
    }
    return byName;
  }
  const renamed = snapshot.sheets.find((s) => s.markedAs === template.key);
  if (renamed) {
    problems.push({
      sheet: template.name,
      problem: `The ${quote(template.name)} sheet has been renamed to ${quote(renamed.name)}.`,
      fix: `Rename ${quote(renamed.name)} back to ${quote(template.name)} (double-click its tab), then run Set up workspace again.`,
    });
  }
  return null;
}

/** An unmarked sheet of the right name may be adopted if it is empty or already has the ID column. */
function looksLikeWorkspaceSheet(template: SheetTemplate, sheet: SheetSnapshot): boolean {
  const headerRow = sheet.values[0] ?? [];
  const empty = sheet.values.every((row) => row.every((v) => v === '' || v === null));
  if (empty) return true;
  if (template.kind === 'layout') return false;
  const id = template.columns[0];
  return id !== undefined && headerRow.some((h) => normaliseHeader(h) === normaliseHeader(id.header));
}

function planTable(
  template: TableTemplate,
  found: SheetSnapshot | null,
  from: number | null,
  problems: SetUpProblem[],
): TableSheetPlan | null {
  if (!found) {
    const columns = Object.fromEntries(template.columns.map((c, i) => [c.key, i + 1]));
    const rows = template.defaultRows.map((row) => layOut(row.values, columns, template.columns.length));
    return {
      template,
      existing: null,
      columns,
      addColumns: template.columns,
      needRows: Math.max(2, rows.length + 1),
      needColumns: template.columns.length,
      appendRows: rows,
      appendAt: 2,
      mark: true,
      changes: [
        `Created the ${template.name} sheet${rows.length ? ` with ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} to start from` : ''}.`,
      ],
    };
  }

  if (found.unread)
    return {
      template,
      existing: found.name,
      columns: Object.fromEntries(template.columns.map((c, i) => [c.key, i + 1])),
      addColumns: [],
      needRows: 0,
      needColumns: 0,
      appendRows: [],
      appendAt: 2,
      mark: false,
      changes: [],
    };
  const values = found.values;
  const width = Math.max(0, ...values.map((row) => lastFilled(row)));
  const headerRow = values[0] ?? [];
  const map = mapHeaders(template.columns, headerRow);
  const letters = (at: readonly number[]) => at.map((i) => columnLetter(i + 1)).join(' and ');
  const before = problems.length;

  for (const { column, at } of map.duplicated) {
    problems.push({
      sheet: found.name,
      problem: `${found.name} has ${at.length} columns headed ${quote(column.header)} (columns ${letters(at)}).`,
      fix: `Rename or delete all but one of them, then run Set up workspace again.`,
    });
  }

  const hasData = values.length > 1 && values.slice(1).some((row) => row.some((v) => v !== '' && v !== null));
  if (map.columns.size === 0 && map.duplicated.length === 0 && hasData && found.markedAs !== null) {
    problems.push({
      sheet: found.name,
      problem: `Row 1 of ${found.name} should hold the column headers, but none of them is there.`,
      fix: 'If a row was inserted above the headers, delete it; if the headers were cleared, undo that. Then run Set up workspace again.',
    });
    return null;
  }

  // A column the workspace already had is missing: deleted (set-up puts it back) or renamed (it asks).
  const expectedBefore = (c: ColumnTemplate) => from !== null && c.since <= from;
  const strangers = [
    ...map.unknown,
    ...headerRow.flatMap((h, i) => (normaliseHeader(h) === '' && columnHasData(values, i) ? [i] : [])),
  ].sort((a, b) => a - b);
  const lost = map.missing.filter(expectedBefore);
  if (lost.length > 0 && strangers.length > 0) {
    const names = strangers.map((i) =>
      quote(String(headerRow[i] ?? '') || `column ${columnLetter(i + 1)} (no header)`),
    );
    for (const column of lost) {
      problems.push({
        sheet: found.name,
        problem: `${found.name} has no column headed ${quote(column.header)}, and has ${names.join(', ')}, which the workspace does not use.`,
        fix: `If you renamed ${quote(column.header)}, rename its header back. If you deleted it, add an empty column headed ${quote(column.header)}. Then run Set up workspace again.`,
      });
    }
  }
  if (problems.length > before) return null;

  const columns: Record<string, number> = {};
  for (const [key, at] of map.columns) columns[key] = at + 1;
  let next = width;
  const changes: string[] = [];
  for (const column of map.missing) {
    next += 1;
    columns[column.key] = next;
    changes.push(
      expectedBefore(column)
        ? `Put back the missing column ${quote(column.header)} in ${found.name} (column ${columnLetter(next)}).`
        : `Added the column ${quote(column.header)} to ${found.name} (column ${columnLetter(next)}).`,
    );
  }

  const idColumn = columns['id'];
  const ids = new Set(
    idColumn === undefined ? [] : values.slice(1).map((row) => String(row[idColumn - 1] ?? '').trim()),
  );
  const due = template.defaultRows.filter(
    (row) => (from === null || row.since > from) && !ids.has(String(row.values['id'] ?? '')),
  );
  const sheetWidth = Math.max(next, template.columns.length);
  const rows = due.map((row) => layOut(row.values, columns, sheetWidth));
  const lastRow = values.length === 1 && lastFilled(values[0] ?? []) === 0 ? 0 : values.length;
  const appendAt = Math.max(lastRow, 1) + 1;
  if (rows.length > 0)
    changes.push(`Added ${rows.length} default ${rows.length === 1 ? 'row' : 'rows'} to ${found.name}.`);

  return {
    template,
    existing: found.name,
    columns,
    addColumns: map.missing,
    needRows: Math.max(2, found.maxRows, appendAt + rows.length - 1),
    needColumns: Math.max(found.maxColumns, next),
    appendRows: rows,
    appendAt,
    mark: found.markedAs === null,
    changes,
  };
}

function planLayout(
  template: LayoutTemplate,
  found: SheetSnapshot | null,
  tables: ReadonlyMap<SheetKey, TableSheetPlan>,
): LayoutSheetPlan {
  const rows = template.rows.map((row) => row.map((cell) => resolveReferences(cell, tables)));
  return {
    template,
    existing: found?.name ?? null,
    rows,
    mark: found ? found.markedAs === null : true,
    changes: found ? [] : [`Created the ${template.name} sheet.`],
  };
}

/** `[Workflows.name]` → `Workflows!B2:B`, from where the column really is. */
function resolveReferences(cell: string, tables: ReadonlyMap<SheetKey, TableSheetPlan>): string {
  return cell.replace(/\[([A-Za-z]+)\.([A-Za-z]+)\]/g, (whole, sheetName: string, key: string) => {
    const plan = [...tables.values()].find((t) => t.template.name === sheetName);
    const column = plan?.columns[key];
    if (column === undefined) throw new Error(`The layout refers to an unknown column ${whole}.`);
    const letter = columnLetter(column);
    return `${quoteSheetName(sheetName)}!${letter}2:${letter}`;
  });
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A template row laid out in the sheet's columns; columns the row does not mention stay empty. */
function layOut(
  values: Readonly<Record<string, CellInput>>,
  columns: Readonly<Record<string, number>>,
  width: number,
): CellInput[] {
  const row: CellInput[] = Array.from({ length: width }, () => null);
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key];
    if (column === undefined) throw new Error(`A default row sets an unknown column "${key}".`);
    row[column - 1] = value;
  }
  return row;
}

function lastFilled(row: readonly unknown[]): number {
  for (let i = row.length; i > 0; i -= 1)
    if (row[i - 1] !== '' && row[i - 1] !== null && row[i - 1] !== undefined) return i;
  return 0;
}

function columnHasData(values: readonly (readonly unknown[])[], column: number): boolean {
  return values
    .slice(1)
    .some((row) => row[column] !== '' && row[column] !== null && row[column] !== undefined);
}
