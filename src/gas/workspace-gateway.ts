import { columnFormat } from '../domain/column-format';
import { columnLetter } from '../domain/header-map';
import type { SheetSnapshot, WorkspaceSnapshot } from '../domain/set-up-plan';
import type { WorkspaceTemplate } from '../domain/workspace-template';
import type { AppsScript, Sheet, Spreadsheet } from './apps-script';
import { documentProperties } from './document-properties';
import { LOG_HEAD_KEY } from './log-head';
import { sheetValues } from './sheet-reads';

/** Document property holding the schema version of the last completed set-up. */
export const SCHEMA_VERSION_KEY = 'aiplan.schemaVersion';
/** Sheet metadata naming the template a sheet was made from, so a renamed sheet is still recognised. */
export const SHEET_MARKER_KEY = 'aiplan.sheet';

/** Document property: each table sheet's grid rows when set-up last applied its protections and rules. */
export const GRID_KEY = 'aiplan.setUpGrid';

/** What set-up reads of a table sheet's data rows, to apply only what does not hold. */
export interface SheetFormats {
  /** Per data row (2 to the grid's last), per column: whether the cell has a validation rule. */
  validated: readonly (readonly boolean[])[];
  numberFormats: readonly (readonly string[])[];
}

export interface WorkspaceRead {
  snapshot: WorkspaceSnapshot;
  /** The sheets read, by name. */
  sheets: ReadonlyMap<string, Sheet>;
  /** Table sheets' data-row formats, by name (only when read with `formats`). */
  formats: ReadonlyMap<string, SheetFormats>;
  /** Grid rows per sheet when set-up last applied protections and conditional formats. */
  grid: Readonly<Record<string, number>>;
  /** The document properties, as read once for the schema version. */
  properties: Readonly<Record<string, string>>;
  /** Sheets of which only the header row is known (the Log, from its head): not read. */
  headerOnly: ReadonlySet<string>;
}

/**
 * One read of everything set-up and the planner need: the stored schema version, which sheets exist,
 * each workspace sheet's values in a single `getSheetValues`, and — for set-up (`formats`) — one read of
 * its validations and one of its number formats. The markers that find a renamed sheet are read only
 * when a sheet is missing by name or the schema changed: a completed set-up marked every sheet.
 */
/**
 * Sheets whose values nothing the planner shows on opening depends on. The Log's entries are counted
 * by its head (Document properties, audit-log-gateway.ts), so a Log of years is not read to count it.
 */
const notReadOnOpening = new Set(['outbox', 'incidents', 'planVersions', 'log']);

export function readWorkspace(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  template: WorkspaceTemplate,
  options: { formats?: boolean } = {},
): WorkspaceRead {
  const properties = documentProperties(gas).getProperties();
  const stored = properties[SCHEMA_VERSION_KEY] ?? null;
  const version = stored === null || !/^\d+$/.test(stored) ? null : Number(stored);
  const grid = parseGrid(properties[GRID_KEY]);

  const byName = version === template.schemaVersion ? templateSheets(spreadsheet, template) : null;
  const all = byName ?? spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
  const names = new Set(template.sheets.map((s) => s.name));
  const complete =
    version === template.schemaVersion && template.sheets.every((t) => all.some((s) => s.name === t.name));
  const markers = new Map<string, string>();
  if (!complete) {
    const ids = new Map(all.map(({ sheet, name }) => [sheet.getSheetId(), name]));
    for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_MARKER_KEY).find()) {
      const name = ids.get(metadata.getLocation().getSheet()?.getSheetId() ?? -1);
      if (name !== undefined) markers.set(name, metadata.getValue() ?? '');
    }
  }
  const keys = new Map(template.sheets.map((t) => [t.name, t]));

  const handles = new Map<string, Sheet>();
  const headerOnly = new Set<string>();
  const headRow = logHeaderRow(properties[LOG_HEAD_KEY], template);
  const formats = new Map<string, SheetFormats>();
  const sheets: SheetSnapshot[] = all.map(({ sheet, name }) => {
    const markedAs = complete ? (keys.get(name)?.key ?? null) : (markers.get(name) ?? null);
    if (!names.has(name) && markedAs === null)
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0 };
    handles.set(name, sheet);
    // A layout sheet of a complete workspace is marked: nothing in its values decides anything.
    if (complete && keys.get(name)?.kind === 'layout')
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0, unread: true };
    // Nor, on opening, the add-on's own records of what it sent and what was reported (set-up reads
    // them, to repair their columns).
    if (complete && !options.formats && notReadOnOpening.has(keys.get(name)?.key ?? ''))
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0, unread: true };
    // Set-up never reads what the Log holds: its header row is the one the Log head keeps (below).
    const logHeaders = options.formats && complete && keys.get(name)?.key === 'log' ? headRow : null;
    if (logHeaders) headerOnly.add(name);
    const values = logHeaders ? [logHeaders] : sheetValues(sheet);
    const width = values[0]?.length ?? 0;
    let maxRows = 0;
    const template = keys.get(name);
    if (options.formats && template?.kind === 'table' && width > 0) {
      // From row 1 (which every grid has), open-ended to the grid's last row: the arrays' length is
      // the grid's height, at no extra call.
      const rows = sheet.getRange(`A1:${columnLetter(width)}`);
      const numberFormats = rows.getNumberFormats().slice(1);
      // A sheet whose template validates no column has nothing to compare: its rules are not read.
      const validates = template.columns.some((c) => columnFormat(c.type).validation !== null);
      const validated = validates
        ? rows
            .getDataValidations()
            .slice(1)
            .map((line) => line.map((rule) => rule !== null))
        : numberFormats.map((line) => line.map(() => false));
      // A one-row grid has no data rows to compare: set-up formats the rows it adds.
      if (numberFormats.length > 0) formats.set(name, { validated, numberFormats });
      maxRows = numberFormats.length + 1;
    }
    // 0: not read (set-up asks the sheet when it needs the size).
    return { name, markedAs, values, maxRows, maxColumns: 0 };
  });
  return {
    snapshot: { schemaVersion: version, sheets },
    sheets: handles,
    formats,
    grid,
    properties,
    headerOnly,
  };
}

/**
 * A workspace set up to this schema, asked for its sheets by name: one call per sheet, where listing
 * them costs one more and then one per sheet for its name. Null once one is missing: the caller then
 * lists every sheet, to find one renamed (or make the missing one in its place).
 */
function templateSheets(
  spreadsheet: Spreadsheet,
  template: WorkspaceTemplate,
): { sheet: Sheet; name: string }[] | null {
  const found: { sheet: Sheet; name: string }[] = [];
  for (const t of template.sheets) {
    const sheet = spreadsheet.getSheetByName(t.name);
    if (!sheet) return null;
    found.push({ sheet, name: t.name });
  }
  return found;
}

function parseGrid(raw: string | undefined): Record<string, number> {
  try {
    const value: unknown = JSON.parse(raw ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * The Log's header row as its head in Document properties lays out its columns (audit-log-gateway.ts:
 * a template key per sheet column, "" for others), or null without a head that says. Every append
 * writes by that layout, so it is the Log's row 1 as the add-on uses it; set-up reads no more of a
 * Log that may hold years of entries. An upgrade, or a workspace missing a sheet, reads the Log itself.
 */
function logHeaderRow(raw: string | undefined, template: WorkspaceTemplate): string[] | null {
  const log = template.sheets.find((t) => t.key === 'log');
  if (!raw || log?.kind !== 'table') return null;
  try {
    const columns = (JSON.parse(raw) as { columns?: unknown }).columns;
    if (!Array.isArray(columns) || columns.length === 0) return null;
    const headers = new Map(log.columns.map((c) => [c.key, c.header]));
    // "" is a column of the user's own: no header of ours.
    const row = columns.map((key) =>
      typeof key !== 'string' ? null : key === '' ? '' : (headers.get(key) ?? null),
    );
    return row.includes(null) ? null : (row as string[]);
  } catch {
    return null;
  }
}
