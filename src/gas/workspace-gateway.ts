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
import { formatDataRows, placeColumns, runs, ValidationRules } from './column-formatting';

/** Document property holding the schema version of the last completed set-up. */
export const SCHEMA_VERSION_KEY = 'aiplan.schemaVersion';
/** Sheet metadata naming the template a sheet was made from, so a renamed sheet is still recognised. */
export const SHEET_MARKER_KEY = 'aiplan.sheet';

const HEADER_BACKGROUND = '#e8eaed';
const COMPUTED_DESCRIPTION = 'AI Plan Workspace: filled in by the add-on';
const DASHBOARD_DESCRIPTION = 'AI Plan Workspace: formulas for the leader view';
const WARNING_DESCRIPTION = 'AI Plan Workspace: written by the add-on; hand edits show in the chained Log';

export interface WorkspaceRead {
  snapshot: WorkspaceSnapshot;
  /** The sheets read, by name. */
  sheets: ReadonlyMap<string, Sheet>;
}

/**
 * One read of everything set-up and the planner need: the stored schema version, which sheets exist
 * and what marks them, and each workspace sheet's values in a single `getValues`.
 */
export function readWorkspace(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  template: WorkspaceTemplate,
): WorkspaceRead {
  const stored = gas.PropertiesService.getDocumentProperties().getProperty(SCHEMA_VERSION_KEY);
  const version = stored === null || !/^\d+$/.test(stored) ? null : Number(stored);

  const markers = new Map<number, string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_MARKER_KEY).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) markers.set(sheet.getSheetId(), metadata.getValue() ?? '');
  }

  const names = new Set(template.sheets.map((s) => s.name));
  const handles = new Map<string, Sheet>();
  const sheets: SheetSnapshot[] = spreadsheet.getSheets().map((sheet) => {
    const name = sheet.getName();
    const markedAs = markers.get(sheet.getSheetId()) ?? null;
    if (!names.has(name) && markedAs === null)
      return { name, markedAs, values: [], maxRows: 0, maxColumns: 0 };
    handles.set(name, sheet);
    return {
      name,
      markedAs,
      values: sheet.getDataRange().getValues(),
      maxRows: sheet.getMaxRows(),
      maxColumns: sheet.getMaxColumns(),
    };
  });
  return { snapshot: { schemaVersion: version, sheets }, sheets: handles };
}

/**
 * Carries out a set-up plan. Every step is safe to repeat, and the schema version is stored last, so
 * a run cut short is completed by the next one.
 */
export function applySetUp(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  plan: Extract<SetUpPlan, { ok: true }>,
  read: WorkspaceRead,
  progress: (message: string) => void,
): void {
  const rules = new ValidationRules(gas);
  let previous: Sheet | null = null;
  plan.sheets.forEach((sheetPlan, i) => {
    progress(`Setting up ${sheetPlan.template.name} (${i + 1} of ${plan.sheets.length})…`);
    const existing = sheetPlan.existing === null ? undefined : read.sheets.get(sheetPlan.existing);
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
      applyTable(gas, sheet, sheetPlan as TableSheetPlan, snapshot, rules);
    } else {
      applyLayout(sheet, sheetPlan as LayoutSheetPlan, snapshot === undefined);
    }
    previous = sheet;
  });
  gas.PropertiesService.getDocumentProperties().setProperty(SCHEMA_VERSION_KEY, String(plan.toVersion));
}

function applyTable(
  gas: AppsScript,
  sheet: Sheet,
  plan: TableSheetPlan,
  snapshot: SheetSnapshot | undefined,
  rules: ValidationRules,
): void {
  let maxRows = snapshot?.maxRows ?? sheet.getMaxRows();
  const maxColumns = snapshot?.maxColumns ?? sheet.getMaxColumns();
  if (maxColumns < plan.needColumns) sheet.insertColumnsAfter(maxColumns, plan.needColumns - maxColumns);
  if (maxRows < plan.needRows) {
    sheet.insertRowsAfter(maxRows, plan.needRows - maxRows);
    maxRows = plan.needRows;
  }
  const template = plan.template;
  const placed = placeColumns(template, plan.columns);
  const dataRows = maxRows - 1;

  // Headers of new columns, and the width the template gives them (widths people set are kept).
  const added = new Set(plan.addColumns.map((c) => c.key));
  for (const run of runs(placed.filter((p) => added.has(p.column.key)))) {
    sheet.getRange(1, run.start, 1, run.items.length).setValues([run.items.map((p) => p.column.header)]);
    for (const p of run.items) sheet.setColumnWidth(p.at, p.column.width);
  }

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
  applyConditionalFormats(gas, sheet, template.conditionalFormats, plan.columns, dataRows, placed.length);
  applyComputedProtections(
    gas,
    sheet,
    placed.filter((p) => p.column.computed).map((p) => p.at),
    dataRows,
  );
  if (template.protection === 'warning') protectSheet(sheet, WARNING_DESCRIPTION);

  if (plan.appendRows.length > 0) {
    const types = new Map(placed.map((p) => [p.at, p.column]));
    const rows = plan.appendRows.map((row) => row.map((value, i) => toCell(value, types.get(i + 1))));
    sheet.getRange(plan.appendAt, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  }
}

function applyLayout(sheet: Sheet, plan: LayoutSheetPlan, created: boolean): void {
  const template = plan.template;
  if (created) {
    const width = Math.max(...plan.rows.map((r) => r.length));
    const rows = plan.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    sheet.getRange(1, 1).setFontWeight('bold');
    template.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  }
  sheet.setTabColor(template.tabColor);
  protectSheet(sheet, DASHBOARD_DESCRIPTION);
}

/** Our conditional formats are rebuilt from the template; other rules on the sheet are kept, first. */
function applyConditionalFormats(
  gas: AppsScript,
  sheet: Sheet,
  formats: readonly ConditionalFormatTemplate[],
  columns: Readonly<Record<string, number>>,
  dataRows: number,
  width: number,
): void {
  const patterns = formats.map((f) => templatePattern(f.formula));
  const existing = sheet.getConditionalFormatRules();
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
