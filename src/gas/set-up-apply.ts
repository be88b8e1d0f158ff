import { asCellText } from '../domain/cell-text';
import { columnFormat } from '../domain/column-format';
import { columnLetter } from '../domain/header-map';
import type { LayoutSheetPlan, SetUpPlan, SheetSnapshot, TableSheetPlan } from '../domain/set-up-plan';
import type {
  CellInput,
  ColumnTemplate,
  ConditionalFormatTemplate,
  TableTemplate,
} from '../domain/workspace-template';
import type { AppsScript, ConditionalFormatRule, Protection, Sheet, Spreadsheet } from './apps-script';
import { formatDataRows, placeColumns, runs, ValidationRules, type PlacedColumn } from './column-formatting';
import { documentProperties } from './document-properties';
import { rememberRead } from './sheet-reads';
import {
  GRID_KEY,
  SCHEMA_VERSION_KEY,
  SHEET_MARKER_KEY,
  type SheetFormats,
  type WorkspaceRead,
} from './workspace-gateway';

const HEADER_BACKGROUND = '#e8eaed';
const COMPUTED_DESCRIPTION = 'AI Plan Workspace: filled in by the add-on';
const DASHBOARD_DESCRIPTION = 'AI Plan Workspace: formulas for the leader view';
const WARNING_DESCRIPTION = 'AI Plan Workspace: written by the add-on; hand edits show in the chained Log';
/**
 * Document property: set while a set-up writes protections, cleared when it completes. A protection
 * is made in three calls (`protect`, `setDescription`, `setWarningOnly`), and a run cut off between
 * them leaves one the cheap checks (how many there are) cannot tell from a whole one: the next run,
 * seeing this, looks at every protection.
 */
const UNDER_WAY_KEY = 'aiplan.setUpUnderWay';
/** The format Sheets reports for a cell never formatted ("General" as it is read back). */
const DEFAULT_FORMAT = '0.###############';

/** What set-up still owes once its table sheets are written. */
export interface AppliedSetUp {
  /**
   * The leader view's sheets (Dashboard, Board summary), by name: their own set-up (marker, layout,
   * tab colour, protection), for the leader view to make in the same commit as its own writes.
   */
  views: ReadonlyMap<string, (sheet: Sheet) => void>;
  /** View sheets made (or found blank) by this run: they get their whole layout. */
  created: ReadonlySet<string>;
  /** The view sheets' values, where set-up read them (a workspace not complete). */
  rows: ReadonlyMap<string, readonly (readonly unknown[])[]>;
  /** Every workspace sheet, as found or made: the rest of the run asks for none by name. */
  sheets: ReadonlyMap<string, Sheet>;
  /**
   * Nothing to change and no earlier run to complete: no sheet, column or row added, no upgrade, no
   * view laid out. What leaders read is as the last write left it (repairs of formats, rules and
   * protections do not change it).
   */
  settled: boolean;
  /**
   * Makes what the leader view did not (its views' set-up, if it failed or did not run), then stores
   * the grid and the schema version: last, so a run cut off before is completed by the next.
   */
  finish(): void;
}

/** A table sheet's set-up, decided from one read of each kind before anything is written. */
interface TableWork {
  plan: TableSheetPlan;
  existing: Sheet | undefined;
  snapshot: SheetSnapshot | undefined;
  /** Everything is (re)applied: a new sheet, new columns or an upgrade. */
  full: boolean;
  /** The data rows' formats as read (absent: all of them are applied). */
  formats: SheetFormats | undefined;
  /** The grid's rows as read (0 for a new sheet), and once the plan is applied. */
  rowsBefore: number;
  maxRows: number;
  /** The conditional formats on the sheet, when ours are to be rebuilt (else null). */
  rules: ConditionalFormatRule[] | null;
  /** Computed-column protections: those to remove, and the ranges to protect. */
  unprotect: Protection[];
  protect: { start: number; width: number }[];
  /** Whether the sheet's own warning protection is (re)made. */
  guard: boolean;
}

/**
 * Carries out a set-up plan, applying only what does not already hold, one sheet at a time: every
 * read (values, formats and validations by `readWorkspace`; conditional formats and protections
 * here) comes before any write, and each sheet's writes — structure, headers, formats, validations,
 * conditional formats, default rows, protections — are one run of calls on it. A sheet that is new,
 * gained columns or is being upgraded gets everything; otherwise a column whose validation or number
 * format is missing in any row gets them back, conditional formats are rebuilt when their count or
 * the grid changed, and protections are put back where one is missing or the grid changed. Every
 * step is safe to repeat.
 *
 * Each sheet is left for the rest of the run (the leader view) as set-up read it, with the rows it
 * wrote (sheet-reads.ts): nothing is read again, but a sheet holding a value Sheets may store other
 * than as written (`valuesAfter`).
 */
export function applySetUp(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  plan: Extract<SetUpPlan, { ok: true }>,
  read: WorkspaceRead,
  progress: (message: string) => void,
): AppliedSetUp {
  const { ProtectionType } = gas.SpreadsheetApp;
  const upgrade = plan.fromVersion !== plan.toVersion;
  const wasUnderWay = read.properties[UNDER_WAY_KEY] !== undefined;
  // An upgrade (or a new workspace), or a set-up that did not complete: everything is looked at.
  const recovering = upgrade || wasUnderWay;
  const snapshotOf = (name: string | null) =>
    name === null ? undefined : read.snapshot.sheets.find((s) => s.name === name);
  const handleOf = (name: string | null) => (name === null ? undefined : read.sheets.get(name));

  // Reads: what the tables' conditional formats and protections are now.
  const tables = plan.sheets.flatMap((p) => (p.template.kind === 'table' ? [p as TableSheetPlan] : []));
  const works = tables.map((p) =>
    inspectTable(p, handleOf(p.existing), snapshotOf(p.existing), read, upgrade),
  );
  const guarded = plan.sheets.filter(
    (p) => p.template.kind === 'layout' || p.template.protection === 'warning',
  );
  const wantedRanges = works.reduce((n, w) => n + computedRuns(w.plan).length, 0);
  const checkAll = recovering
    ? { ranges: true, sheets: true }
    : {
        ranges: spreadsheet.getProtections(ProtectionType.RANGE).length !== wantedRanges,
        sheets: spreadsheet.getProtections(ProtectionType.SHEET).length !== guarded.length,
      };
  for (const work of works) inspectProtections(gas, work, read, checkAll);
  const guardViews = new Set(
    plan.sheets
      .filter((p) => p.template.kind === 'layout' && (!handleOf(p.existing) || checkAll.sheets))
      .map((p) => p.template.name),
  );

  // Writes, one sheet after the other.
  const protecting =
    guardViews.size > 0 || works.some((w) => w.guard || w.protect.length + w.unprotect.length > 0);
  if (protecting && !wasUnderWay) documentProperties(gas).setProperty(UNDER_WAY_KEY, '1');
  const rules = new ValidationRules(gas);
  const views = new Map<string, (sheet: Sheet) => void>();
  const handles = new Map<string, Sheet>();
  const created = new Set<string>();
  const viewRows = new Map<string, readonly (readonly unknown[])[]>();
  const grid: Record<string, number> = {};
  const sheets = new Map<string, Sheet>();
  let previous: Sheet | null = null;
  plan.sheets.forEach((sheetPlan, i) => {
    const existing = handleOf(sheetPlan.existing);
    const work = works.find((w) => w.plan === sheetPlan);
    if (!existing || work?.full || sheetPlan.mark)
      progress(`Setting up ${sheetPlan.template.name} (${i + 1} of ${plan.sheets.length})…`);
    const sheet =
      existing ?? spreadsheet.insertSheet(sheetPlan.template.name, previous ? previous.getIndex() : 0);
    previous = sheet;
    sheets.set(sheetPlan.template.name, sheet);
    if (work) {
      writeTable(gas, sheet, work, rules);
      grid[work.plan.template.name] = work.maxRows;
      const snapshot = work.snapshot;
      const values =
        existing && snapshot && !read.headerOnly.has(snapshot.name) ? valuesAfter(work, snapshot) : null;
      if (values)
        rememberRead(spreadsheet, work.plan.template.name, {
          sheet,
          values,
          maxRows: work.maxRows,
          displayed: new Map(),
        });
      return;
    }
    const layout = sheetPlan as LayoutSheetPlan;
    const snapshot = snapshotOf(layout.existing);
    // A new sheet, or one an earlier run made but did not lay out: the layout's rows are its last
    // write, so a sheet holding anything has the rest of it.
    const laidOut = snapshot !== undefined && (snapshot.unread === true || !isBlank(snapshot.values));
    // Its view gets its whole layout too, as does one a run cut off may have left half laid out.
    if (!laidOut || recovering) created.add(layout.template.name);
    if (snapshot && snapshot.unread !== true) viewRows.set(layout.template.name, snapshot.values);
    const guard = guardViews.has(layout.template.name);
    const full = upgrade || !existing;
    handles.set(layout.template.name, sheet);
    views.set(layout.template.name, (target) => {
      if (layout.mark) markSheet(gas, target, layout.template.key);
      if (full) target.setTabColor(layout.template.tabColor);
      if (guard) protectSheet(target, DASHBOARD_DESCRIPTION);
      if (!laidOut) writeLayout(target, layout);
    });
  });

  // What the leader view does not write (it failed, or did not run), finish writes.
  const pending = new Map([...views].map(([name, write]) => [name, () => write(handles.get(name) as Sheet)]));
  return {
    views: new Map(
      [...views].map(([name, write]) => [
        name,
        (sheet: Sheet) => {
          write(sheet);
          pending.delete(name);
        },
      ]),
    ),
    created,
    rows: viewRows,
    sheets,
    settled: !recovering && created.size === 0 && plan.sheets.every((p) => p.changes.length === 0),
    finish() {
      for (const write of pending.values()) write();
      pending.clear();
      // Only a change asks for the properties again: a re-run with nothing to change stops at the read.
      const gridChanged = JSON.stringify(grid) !== JSON.stringify(read.grid);
      const versionChanged = read.snapshot.schemaVersion !== plan.toVersion;
      const underWay = protecting || wasUnderWay;
      if (!gridChanged && !versionChanged && !underWay) return;
      const properties = documentProperties(gas);
      if (gridChanged) properties.setProperty(GRID_KEY, JSON.stringify(grid));
      if (versionChanged) properties.setProperty(SCHEMA_VERSION_KEY, String(plan.toVersion));
      if (underWay) properties.deleteProperty(UNDER_WAY_KEY);
    },
  };
}

function inspectTable(
  plan: TableSheetPlan,
  existing: Sheet | undefined,
  snapshot: SheetSnapshot | undefined,
  read: WorkspaceRead,
  upgrade: boolean,
): TableWork {
  const template = plan.template;
  const full = upgrade || !existing || plan.addColumns.length > 0;
  const formats = full ? undefined : read.formats.get(template.name);
  const before = !existing ? 0 : snapshot && snapshot.maxRows > 0 ? snapshot.maxRows : existing.getMaxRows();
  const work: TableWork = {
    plan,
    existing,
    snapshot,
    full,
    formats,
    rowsBefore: before,
    maxRows: Math.max(before, plan.needRows),
    rules: null,
    unprotect: [],
    protect: [],
    guard: false,
  };
  if (template.conditionalFormats.length > 0) {
    const current = existing ? existing.getConditionalFormatRules() : [];
    // Ours are rebuilt when they may not hold: a new grid, or not as many rules as the template has.
    if (!formats || gridChanged(work, read) || current.length !== template.conditionalFormats.length)
      work.rules = current;
  }
  return work;
}

/** The grid is not the one set-up last applied protections and conditional formats to. */
function gridChanged(work: TableWork, read: WorkspaceRead): boolean {
  return read.grid[work.plan.template.name] !== work.maxRows;
}

/**
 * Which protections a table sheet needs put back. A sheet set up again from scratch, or whose grid
 * changed, gets its computed-column protections for the grid as it is; otherwise they are looked at
 * only when the spreadsheet does not hold as many as the templates want (one was removed by hand),
 * and then only the missing or stale ones are made again. The sheet's own protection is made again
 * in the same case, without reading it: `protect` returns the one the sheet has.
 */
function inspectProtections(
  gas: AppsScript,
  work: TableWork,
  read: WorkspaceRead,
  checkAll: { ranges: boolean; sheets: boolean },
): void {
  const { existing, plan } = work;
  const wanted = computedRuns(plan);
  const rows = work.maxRows - 1;
  const a1 = (w: { start: number; width: number }) =>
    `${columnLetter(w.start)}2:${columnLetter(w.start + w.width - 1)}${rows + 1}`;
  if (!existing) {
    work.protect = wanted;
  } else if (wanted.length > 0 && (checkAll.ranges || !work.formats || gridChanged(work, read))) {
    const kept = new Set<string>();
    for (const protection of existing.getProtections(gas.SpreadsheetApp.ProtectionType.RANGE)) {
      const description = protection.getDescription();
      // No description over one of our ranges: made by a run cut off before it described it.
      if (description !== COMPUTED_DESCRIPTION && description !== '') continue;
      const at = protection.getRange().getA1Notation();
      const whole = description === COMPUTED_DESCRIPTION && protection.isWarningOnly();
      if (whole && wanted.some((w) => a1(w) === at) && !kept.has(at)) kept.add(at);
      else if (description === COMPUTED_DESCRIPTION || wanted.some((w) => a1(w) === at))
        work.unprotect.push(protection);
    }
    work.protect = wanted.filter((w) => !kept.has(a1(w)));
  }
  // `protect` on a sheet returns its protection if it has one: made again, it is described and made
  // warning-only, whatever a run cut off left.
  if (plan.template.protection === 'warning') work.guard = !existing || checkAll.sheets;
}

/** The computed columns' runs of adjacent columns: one protection each. */
function computedRuns(plan: TableSheetPlan): { start: number; width: number }[] {
  const placed = placeColumns(plan.template, plan.columns).filter((p) => p.column.computed);
  return runs(placed).map((run) => ({ start: run.start, width: run.items.length }));
}

/** One sheet's writes, in one run of calls on it. */
function writeTable(gas: AppsScript, sheet: Sheet, work: TableWork, rules: ValidationRules): void {
  const { plan, formats } = work;
  const template = plan.template;
  if (plan.mark) markSheet(gas, sheet, template.key);
  const width = work.snapshot?.values[0]?.length ?? 0;
  if (plan.needColumns > width) {
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < plan.needColumns) sheet.insertColumnsAfter(maxColumns, plan.needColumns - maxColumns);
  }
  // A new sheet comes with a grid of its own.
  const rowsBefore = work.existing ? work.rowsBefore : sheet.getMaxRows();
  work.maxRows = Math.max(rowsBefore, plan.needRows);
  if (rowsBefore < work.maxRows) sheet.insertRowsAfter(rowsBefore, work.maxRows - rowsBefore);
  const placed = placeColumns(template, plan.columns);
  const dataRows = work.maxRows - 1;

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

  if (work.rules)
    applyConditionalFormats(gas, sheet, work.rules, template, plan.columns, dataRows, placed.length);

  if (plan.appendRows.length > 0) {
    const types = new Map(placed.map((p) => [p.at, p.column]));
    const rows = plan.appendRows.map((row) => row.map((value, i) => toCell(value, types.get(i + 1))));
    sheet.getRange(plan.appendAt, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  }

  for (const protection of work.unprotect) protection.remove();
  for (const w of work.protect) {
    sheet
      .getRange(2, w.start, dataRows, w.width)
      .protect()
      .setDescription(COMPUTED_DESCRIPTION)
      .setWarningOnly(true);
  }
  if (work.guard) protectSheet(sheet, WARNING_DESCRIPTION);
}

/**
 * The sheet's values (as `getDataRange().getValues()` returns them) once set-up's writes are made: as
 * read, with the headers and default rows it wrote. Null when Sheets may store a written value other
 * than as written (text it could read as a number or date, a number or checkbox in a text column):
 * then the sheet is read again by whoever needs it.
 */
function valuesAfter(work: TableWork, snapshot: SheetSnapshot): (readonly unknown[])[] | null {
  const { plan } = work;
  if (plan.addColumns.length === 0 && plan.appendRows.length === 0) return [...snapshot.values];
  const placed = placeColumns(plan.template, plan.columns);
  const byColumn = new Map(placed.map((p) => [p.at, p.column]));
  const rows = snapshot.values.map((line) => [...line]);
  const put = (row: number, column: number, value: unknown) => {
    while (rows.length < row) rows.push([]);
    const line = rows[row - 1] as unknown[];
    while (line.length < column) line.push('');
    line[column - 1] = value;
  };
  for (const column of plan.addColumns) {
    if (!plainWord(column.header)) return null;
    put(1, plan.columns[column.key] ?? 0, column.header);
  }
  for (const [i, line] of plan.appendRows.entries()) {
    for (const [k, value] of line.entries()) {
      if (value === null || value === '') continue;
      const column = byColumn.get(k + 1);
      if (!column) return null;
      const format = columnFormat(column.type);
      const certain =
        typeof value === 'string'
          ? format.plainText
          : typeof value === 'boolean'
            ? format.validation?.kind === 'checkbox'
            : !format.plainText;
      if (!certain) return null;
      put(plan.appendAt + i, k + 1, value);
    }
  }
  // The data range is a rectangle: every row as wide as the widest content.
  const width = Math.max(...rows.map((line) => line.length));
  for (const line of rows) while (line.length < width) line.push('');
  return rows;
}

/** A header Sheets keeps as the text it is: no number, date or formula. */
function plainWord(text: string): boolean {
  return /[A-Za-z]/.test(text) && !/^\s*[=+\-@]/.test(text) && !/^[\d\s.,:/-]+$/.test(text);
}

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

function markSheet(gas: AppsScript, sheet: Sheet, key: string): void {
  sheet.addDeveloperMetadata(SHEET_MARKER_KEY, key, gas.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** The rows last: a sheet that holds them has its widths and style. */
function writeLayout(sheet: Sheet, plan: LayoutSheetPlan): void {
  const width = Math.max(...plan.rows.map((r) => r.length));
  const rows = plan.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  plan.template.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
}

function isBlank(values: readonly (readonly unknown[])[]): boolean {
  return values.every((row) => row.every((v) => v === '' || v === null));
}

/** Our conditional formats are rebuilt from the template; other rules on the sheet are kept, first. */
function applyConditionalFormats(
  gas: AppsScript,
  sheet: Sheet,
  existing: readonly ConditionalFormatRule[],
  template: TableTemplate,
  columns: Readonly<Record<string, number>>,
  dataRows: number,
  width: number,
): void {
  const formats: readonly ConditionalFormatTemplate[] = template.conditionalFormats;
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
