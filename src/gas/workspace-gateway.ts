import { asCellText } from '../domain/cell-text';
import { columnFormat } from '../domain/column-format';
import { columnLetter } from '../domain/header-map';
import type {
  LayoutSheetPlan,
  SetUpPlan,
  SheetSnapshot,
  TableSheetPlan,
  WorkspaceSnapshot,
} from '../domain/set-up-plan';
import type {
  CellInput,
  ColumnTemplate,
  ConditionalFormatTemplate,
  WorkspaceTemplate,
} from '../domain/workspace-template';
import type { AppsScript, ConditionalFormatRule, Sheet, Spreadsheet } from './apps-script';
import { formatDataRows, placeColumns, runs, ValidationRules, type PlacedColumn } from './column-formatting';
import { documentProperties } from './document-properties';

/** Document property holding the schema version of the last completed set-up. */
export const SCHEMA_VERSION_KEY = 'aiplan.schemaVersion';
/** Sheet metadata naming the template a sheet was made from, so a renamed sheet is still recognised. */
export const SHEET_MARKER_KEY = 'aiplan.sheet';

const HEADER_BACKGROUND = '#e8eaed';
const COMPUTED_DESCRIPTION = 'AI Plan Workspace: filled in by the add-on';
const DASHBOARD_DESCRIPTION = 'AI Plan Workspace: formulas for the leader view';
const WARNING_DESCRIPTION = 'AI Plan Workspace: written by the add-on; hand edits show in the chained Log';

/** Document property: each table sheet's grid rows when set-up last applied its protections and rules. */
const GRID_KEY = 'aiplan.setUpGrid';

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
}

/**
 * One read of everything set-up and the planner need: the stored schema version, which sheets exist,
 * each workspace sheet's values in a single `getValues`, and — for set-up (`formats`) — one read of
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

  const all = spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
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
  const formats = new Map<string, SheetFormats>();
  const sheets: SheetSnapshot[] = all.map(({ sheet, name }) => {
    const markedAs = complete ? (keys.get(name)?.key ?? null) : (markers.get(name) ?? null);
    if (!names.has(name) && markedAs === null)
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0 };
    handles.set(name, sheet);
    // A layout sheet of a complete workspace is marked: nothing in its values decides anything.
    if (complete && keys.get(name)?.kind === 'layout')
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0 };
    // Nor, on opening, the add-on's own records of what it sent and what was reported (set-up reads
    // them, to repair their columns).
    if (complete && !options.formats && notReadOnOpening.has(keys.get(name)?.key ?? ''))
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0, unread: true };
    const values = sheet.getDataRange().getValues();
    const width = values[0]?.length ?? 0;
    let maxRows = 0;
    // A sheet holding only its headers may have a one-row grid, where row 2 does not exist: ask.
    const grid2 =
      options.formats === true &&
      keys.get(name)?.kind === 'table' &&
      (values.length >= 2 || sheet.getMaxRows() >= 2);
    if (options.formats && keys.get(name)?.kind === 'table' && grid2 && width > 0) {
      // Open-ended to the grid's last row: the arrays' length is the grid's height, at no extra call.
      const rows = sheet.getRange(`A2:${columnLetter(width)}`);
      const numberFormats = rows.getNumberFormats();
      // A sheet whose template validates no column has nothing to compare: its rules are not read.
      const template = keys.get(name);
      const validates =
        template?.kind === 'table' && template.columns.some((c) => columnFormat(c.type).validation !== null);
      const validated = validates
        ? rows.getDataValidations().map((line) => line.map((rule) => rule !== null))
        : numberFormats.map((line) => line.map(() => false));
      formats.set(name, { validated, numberFormats });
      maxRows = numberFormats.length + 1;
    }
    // 0: not read (set-up asks the sheet when it needs the size).
    return { name, markedAs, values, maxRows, maxColumns: 0 };
  });
  return { snapshot: { schemaVersion: version, sheets }, sheets: handles, formats, grid, properties };
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
 * Carries out a set-up plan, applying only what does not already hold. A sheet that is new, gained
 * columns or is being upgraded gets everything (headers, formats, validation, conditional formats);
 * otherwise a column whose validation or number format is missing in any row gets them back, and the
 * conditional formats and protections are rebuilt when their count or the grid changed. Every step is
 * safe to repeat, and the schema version is stored last, so a run cut short is completed by the next.
 */
export function applySetUp(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  plan: Extract<SetUpPlan, { ok: true }>,
  read: WorkspaceRead,
  progress: (message: string) => void,
): void {
  const rules = new ValidationRules(gas);
  const upgrade = plan.fromVersion !== plan.toVersion;
  const grid: Record<string, number> = {};
  const computed: { sheet: Sheet; at: number[]; dataRows: number }[] = [];
  const guarded: { sheet: Sheet; description: string }[] = [];
  let everything = upgrade;
  let previous: Sheet | null = null;
  plan.sheets.forEach((sheetPlan, i) => {
    const existing = sheetPlan.existing === null ? undefined : read.sheets.get(sheetPlan.existing);
    const full =
      upgrade ||
      !existing ||
      (sheetPlan.template.kind === 'table' && (sheetPlan as TableSheetPlan).addColumns.length > 0);
    if (full || sheetPlan.mark)
      progress(`Setting up ${sheetPlan.template.name} (${i + 1} of ${plan.sheets.length})…`);
    const sheet =
      existing ?? spreadsheet.insertSheet(sheetPlan.template.name, previous ? previous.getIndex() : 0);
    if (sheetPlan.mark) {
      sheet.addDeveloperMetadata(
        SHEET_MARKER_KEY,
        sheetPlan.template.key,
        gas.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
      );
    }
    const snapshot = read.snapshot.sheets.find((s) => s.name === sheetPlan.existing);
    if (sheetPlan.template.kind === 'table') {
      const tablePlan = sheetPlan as TableSheetPlan;
      const applied = applyTable(gas, sheet, tablePlan, snapshot, read, rules, full);
      grid[tablePlan.template.name] = applied.maxRows;
      everything ||= applied.rebuild;
      computed.push({ sheet, at: applied.computed, dataRows: applied.maxRows - 1 });
      if (tablePlan.template.protection === 'warning')
        guarded.push({ sheet, description: WARNING_DESCRIPTION });
    } else {
      applyLayout(sheet, sheetPlan as LayoutSheetPlan, snapshot === undefined, full);
      guarded.push({ sheet, description: DASHBOARD_DESCRIPTION });
    }
    previous = sheet;
  });
  applyProtections(gas, spreadsheet, computed, guarded, everything);
  // Only a change asks for the properties again: a re-run with nothing to change stops at the read.
  const gridChanged = JSON.stringify(grid) !== JSON.stringify(read.grid);
  const versionChanged = read.snapshot.schemaVersion !== plan.toVersion;
  if (!gridChanged && !versionChanged) return;
  const properties = documentProperties(gas);
  if (gridChanged) properties.setProperty(GRID_KEY, JSON.stringify(grid));
  if (versionChanged) properties.setProperty(SCHEMA_VERSION_KEY, String(plan.toVersion));
}

function applyTable(
  gas: AppsScript,
  sheet: Sheet,
  plan: TableSheetPlan,
  snapshot: SheetSnapshot | undefined,
  read: WorkspaceRead,
  rules: ValidationRules,
  full: boolean,
): { maxRows: number; computed: number[]; rebuild: boolean } {
  let maxRows = snapshot && snapshot.maxRows > 0 ? snapshot.maxRows : sheet.getMaxRows();
  const width = snapshot?.values[0]?.length ?? 0;
  if (plan.needColumns > width) {
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < plan.needColumns) sheet.insertColumnsAfter(maxColumns, plan.needColumns - maxColumns);
  }
  if (maxRows < plan.needRows) {
    sheet.insertRowsAfter(maxRows, plan.needRows - maxRows);
    maxRows = plan.needRows;
  }
  const template = plan.template;
  const placed = placeColumns(template, plan.columns);
  const dataRows = maxRows - 1;
  const formats = full ? undefined : read.formats.get(template.name);

  // Headers of new columns, and the width the template gives them (widths people set are kept).
  const added = new Set(plan.addColumns.map((c) => c.key));
  for (const run of runs(placed.filter((p) => added.has(p.column.key)))) {
    sheet.getRange(1, run.start, 1, run.items.length).setValues([run.items.map((p) => p.column.header)]);
    for (const p of run.items) sheet.setColumnWidth(p.at, p.column.width);
  }

  if (!formats) {
    // Every workspace column: header style and help, number format, validation, wrapping.
    for (const run of runs(placed)) {
      sheet
        .getRange(1, run.start, 1, run.items.length)
        .setNotes([run.items.map((p) => p.column.help)])
        .setFontWeight('bold')
        .setBackground(HEADER_BACKGROUND);
    }
    formatDataRows(sheet, placed, 2, dataRows, rules);
    sheet.setFrozenRows(1);
    sheet.setTabColor(template.tabColor);
  } else {
    // Only the columns that lost their validation or number format somewhere (pasted over, cleared).
    formatDataRows(
      sheet,
      placed.filter((p) => !holds(p, formats, dataRows)),
      2,
      dataRows,
      rules,
    );
  }

  let rebuild = !formats || read.grid[template.name] !== maxRows;
  if (template.conditionalFormats.length > 0 || rebuild) {
    const existing = sheet.getConditionalFormatRules();
    // Ours are rebuilt when they may not hold: a new grid, or not as many rules as the template has.
    if (rebuild || existing.length !== template.conditionalFormats.length) {
      applyConditionalFormats(
        gas,
        sheet,
        existing,
        template.conditionalFormats,
        plan.columns,
        dataRows,
        placed.length,
      );
      rebuild = true;
    }
  }

  if (plan.appendRows.length > 0) {
    const types = new Map(placed.map((p) => [p.at, p.column]));
    const rows = plan.appendRows.map((row) => row.map((value, i) => toCell(value, types.get(i + 1))));
    sheet.getRange(plan.appendAt, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  }
  return { maxRows, computed: placed.filter((p) => p.column.computed).map((p) => p.at), rebuild };
}

/** The format Sheets reports for a cell never formatted ("General" as it is read back). */
const DEFAULT_FORMAT = '0.###############';

/** Whether a column's data rows all have their validation rule and number format. */
function holds(placed: PlacedColumn, formats: SheetFormats, dataRows: number): boolean {
  const format = columnFormat(placed.column.type);
  const accepted = format.numberFormat === 'General' ? ['General', DEFAULT_FORMAT] : [format.numberFormat];
  const at = placed.at - 1;
  for (let row = 0; row < dataRows; row += 1) {
    if (format.validation && formats.validated[row]?.[at] !== true) return false;
    if (!accepted.includes(formats.numberFormats[row]?.[at] ?? '')) return false;
  }
  return true;
}

function applyLayout(sheet: Sheet, plan: LayoutSheetPlan, created: boolean, full: boolean): void {
  const template = plan.template;
  if (created) {
    const width = Math.max(...plan.rows.map((r) => r.length));
    const rows = plan.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    sheet.getRange(1, 1).setFontWeight('bold');
    template.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  }
  if (full) sheet.setTabColor(template.tabColor);
}

/**
 * Warning protections: computed columns, and the sheets the add-on writes (Approvals, Log, Dashboard).
 * Two reads tell whether they all still hold; when one was removed by hand (or a grid changed), they
 * are put back sheet by sheet.
 */
function applyProtections(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  computed: readonly { sheet: Sheet; at: readonly number[]; dataRows: number }[],
  guarded: readonly { sheet: Sheet; description: string }[],
  everything: boolean,
): void {
  const { ProtectionType } = gas.SpreadsheetApp;
  const wantedRanges = computed.reduce((n, c) => n + runs(c.at.map((at) => ({ at }))).length, 0);
  if (everything || spreadsheet.getProtections(ProtectionType.RANGE).length !== wantedRanges) {
    for (const c of computed) applyComputedProtections(gas, c.sheet, c.at, c.dataRows);
  }
  if (everything || spreadsheet.getProtections(ProtectionType.SHEET).length !== guarded.length) {
    for (const { sheet, description } of guarded) protectSheet(sheet, description);
  }
}

/** Our conditional formats are rebuilt from the template; other rules on the sheet are kept, first. */
function applyConditionalFormats(
  gas: AppsScript,
  sheet: Sheet,
  existing: readonly ConditionalFormatRule[],
  formats: readonly ConditionalFormatTemplate[],
  columns: Readonly<Record<string, number>>,
  dataRows: number,
  width: number,
): void {
  const patterns = formats.map((f) => templatePattern(f.formula));
  const theirs = existing.filter((rule) => !isOurs(rule, patterns));
  const ours = formats.map((f) => {
    const formula = f.formula.replace(
      /\[(\w+)\]/g,
      (_, key: string) => `$${columnLetter(columns[key] ?? 1)}`,
    );
    const ranges = f.columns
      ? f.columns.map((key) => sheet.getRange(2, columns[key] ?? 1, dataRows, 1))
      : [sheet.getRange(2, 1, dataRows, Math.max(width, 1))];
    let builder = gas.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(f.background);
    if (f.fontColor) builder = builder.setFontColor(f.fontColor);
    return builder.setRanges(ranges).build();
  });
  if (existing.length === 0 && ours.length === 0) return;
  sheet.setConditionalFormatRules([...theirs, ...ours]);
}

/** `=[status]2="Done"` matches `=$L2="Done"` whatever letter the column has now. */
function templatePattern(formula: string): RegExp {
  const escaped = formula.replace(/[.*+?^${}()|\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\[\w+\]/g, '\\$[A-Z]{1,3}')}$`);
}

function isOurs(rule: ConditionalFormatRule, patterns: readonly RegExp[]): boolean {
  const condition = rule.getBooleanCondition();
  const formula = condition ? String(condition.getCriteriaValues()[0] ?? '') : '';
  return patterns.some((p) => p.test(formula));
}

/** Columns the add-on fills get a warning-only protection: a hand edit asks "are you sure?". */
function applyComputedProtections(
  gas: AppsScript,
  sheet: Sheet,
  computed: readonly number[],
  dataRows: number,
): void {
  const wanted = runs(computed.map((at) => ({ at }))).map((run) => ({
    start: run.start,
    width: run.items.length,
    a1: `${columnLetter(run.start)}2:${columnLetter(run.start + run.items.length - 1)}${dataRows + 1}`,
  }));
  const kept = new Set<string>();
  for (const protection of sheet.getProtections(gas.SpreadsheetApp.ProtectionType.RANGE)) {
    if (protection.getDescription() !== COMPUTED_DESCRIPTION) continue;
    const a1 = protection.getRange().getA1Notation();
    if (wanted.some((w) => w.a1 === a1) && !kept.has(a1)) kept.add(a1);
    else protection.remove();
  }
  for (const w of wanted) {
    if (kept.has(w.a1)) continue;
    sheet
      .getRange(2, w.start, dataRows, w.width)
      .protect()
      .setDescription(COMPUTED_DESCRIPTION)
      .setWarningOnly(true);
  }
}

/**
 * The sheet's own protection: a warning before hand edits (Dashboard, Approvals, Log). Not owner-only:
 * the add-on runs as each person who uses it, and must write Approvals and the Log for all of them.
 */
function protectSheet(sheet: Sheet, description: string): void {
  sheet.protect().setDescription(description).setWarningOnly(true);
}

function toCell(value: CellInput, column: ColumnTemplate | undefined): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string' && (!column || columnFormat(column.type).plainText)) return asCellText(value);
  return value;
}
