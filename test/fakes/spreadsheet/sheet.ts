import type {
  ConditionalFormatRule,
  DeveloperMetadataFinder,
  DeveloperMetadataVisibility,
  EmbeddedChart,
  EmbeddedChartBuilder,
  Protection,
  ProtectionType,
  Range,
  Sheet,
} from '../../../src/gas/apps-script';
import type { SheetBound } from '../calls';
import { gasError, messages, signatureError } from '../errors';
import { parseA1 } from './a1';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './chart';
import { FakeConditionalFormatRule } from './conditional-format';
import type { SpreadsheetContext } from './context';
import { FakeDeveloperMetadataFinder, metadataScope } from './developer-metadata';
import { FakeProtection } from './protection';
import { FakeRange, metadataArguments } from './range';
import type { GridRange, SheetState } from './state';

const DEFAULT_COLUMN_WIDTH = 100;

export class FakeSheet implements Sheet, SheetBound {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly sheetId: number,
  ) {}

  /** The sheet this acts on, for the call log's per-sheet counts (calls.ts); not part of Apps Script. */
  get countedSheet(): string | null {
    return this.ctx.model.state.sheets.find((s) => s.id === this.sheetId)?.name ?? null;
  }

  private get state(): SheetState {
    return this.ctx.model.sheet(this.sheetId);
  }

  private self(): Sheet {
    return this.ctx.wrap(this, 'Sheet');
  }

  private range(grid: GridRange): Range {
    return this.ctx.wrap(new FakeRange(this.ctx, grid), 'Range');
  }

  getName(): string {
    return this.state.name;
  }

  setName(name: string): Sheet {
    this.ctx.model.assertNewName(name, this.sheetId);
    this.ctx.model.assertCanEdit(this.ctx.user, this.ctx.model.wholeSheet(this.state));
    this.state.name = name;
    return this.self();
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.ctx.model.state.sheets.indexOf(this.state) + 1;
  }

  activate(): Sheet {
    this.ctx.model.state.activeSheetId = this.sheetId;
    return this.self();
  }

  setTabColor(color: string | null): Sheet {
    this.state.tabColor = color;
    return this.self();
  }

  // ---- geometry -----------------------------------------------------------------------------------

  getMaxRows(): number {
    return this.state.maxRows;
  }
  getMaxColumns(): number {
    return this.state.maxColumns;
  }
  getLastRow(): number {
    return this.ctx.model.lastRow(this.state);
  }
  getLastColumn(): number {
    return this.ctx.model.lastColumn(this.state);
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    const sheet = this.state;
    if (typeof rowOrA1 === 'string' && column === undefined) {
      const a1 = parseA1(rowOrA1);
      if (a1.sheetName !== null && a1.sheetName !== sheet.name) throw gasError('Range not found');
      return this.range(
        checkedGrid(
          sheet,
          a1.row,
          a1.column,
          (a1.lastRow ?? sheet.maxRows) - a1.row + 1,
          (a1.lastColumn ?? sheet.maxColumns) - a1.column + 1,
        ),
      );
    }
    const args = [rowOrA1, column, numRows, numColumns].slice(
      0,
      numColumns !== undefined ? 4 : numRows !== undefined ? 3 : 2,
    );
    if (args.some((a) => typeof a !== 'number' || !Number.isInteger(a))) {
      throw signatureError(args, 'SpreadsheetApp.Sheet.getRange');
    }
    return this.range(checkedGrid(sheet, rowOrA1 as number, column as number, numRows ?? 1, numColumns ?? 1));
  }

  /**
   * `getRange(...).getValues()` in one call; -1 reaches the last row or column with content. A sheet
   * with no content has no such row: Apps Script refuses the range, as getRange refuses zero rows.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const sheet = this.state;
    const rows = numRows === -1 ? this.ctx.model.lastRow(sheet) - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.ctx.model.lastColumn(sheet) - startColumn + 1 : numColumns;
    return this.ctx.model.values(sheet, checkedGrid(sheet, startRow, startColumn, rows, columns));
  }

  getDataRange(): Range {
    const sheet = this.state;
    return this.range({
      sheetId: sheet.id,
      row: 1,
      column: 1,
      numRows: Math.max(1, this.ctx.model.lastRow(sheet)),
      numColumns: Math.max(1, this.ctx.model.lastColumn(sheet)),
    });
  }

  // ---- rows and columns ---------------------------------------------------------------------------

  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents) || rowContents.some(Array.isArray)) {
      throw signatureError([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    }
    const sheet = this.state;
    const row = this.ctx.model.lastRow(sheet) + 1;
    if (row > sheet.maxRows || rowContents.length > sheet.maxColumns)
      throw gasError('Those rows are out of bounds.');
    if (rowContents.length > 0) {
      const grid = { sheetId: sheet.id, row, column: 1, numRows: 1, numColumns: rowContents.length };
      this.ctx.model.writeValues(this.ctx.user, sheet, grid, [rowContents]);
    }
    return this.self();
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const sheet = this.state;
    if (
      !Number.isInteger(afterPosition) ||
      afterPosition < 1 ||
      afterPosition > sheet.maxRows ||
      !(howMany >= 1)
    ) {
      throw gasError('Those rows are out of bounds.');
    }
    this.ctx.model.insertRows(this.ctx.user, sheet, afterPosition, howMany);
    return this.self();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const sheet = this.state;
    if (
      !Number.isInteger(afterPosition) ||
      afterPosition < 1 ||
      afterPosition > sheet.maxColumns ||
      !(howMany >= 1)
    ) {
      throw gasError('Those columns are out of bounds.');
    }
    this.ctx.model.insertColumns(this.ctx.user, sheet, afterPosition, howMany);
    return this.self();
  }

  deleteRow(rowPosition: number): Sheet {
    if (typeof rowPosition !== 'number')
      throw signatureError([rowPosition], 'SpreadsheetApp.Sheet.deleteRow');
    this.ctx.model.deleteRows(this.ctx.user, this.state, rowPosition, 1);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (typeof rowPosition !== 'number' || typeof howMany !== 'number') {
      throw signatureError([rowPosition, howMany], 'SpreadsheetApp.Sheet.deleteRows');
    }
    this.ctx.model.deleteRows(this.ctx.user, this.state, rowPosition, howMany);
  }

  getColumnWidth(columnPosition: number): number {
    return this.state.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    const sheet = this.state;
    if (columnPosition < 1 || columnPosition > sheet.maxColumns) throw gasError(messages.rangeOutside);
    sheet.columnWidths[columnPosition - 1] = width;
    return this.self();
  }

  getFrozenRows(): number {
    return this.state.frozenRows;
  }

  setFrozenRows(rows: number): void {
    const sheet = this.state;
    if (!Number.isInteger(rows) || rows < 0 || rows >= sheet.maxRows) {
      throw gasError('You cannot freeze all rows of a sheet.');
    }
    sheet.frozenRows = rows;
  }

  // ---- conditional formats ------------------------------------------------------------------------

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.state.conditionalRules.map((rule) =>
      this.ctx.wrap(new FakeConditionalFormatRule(this.ctx, rule), 'ConditionalFormatRule'),
    );
  }

  /** Replaces every rule on the sheet; a rule may only cover this sheet. */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules))
      throw signatureError([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    const states = rules.map((rule) => FakeConditionalFormatRule.stateOf(rule));
    if (states.some((s) => s.ranges.some((r) => r.sheetId !== this.sheetId))) {
      throw gasError('Conditional format rule cannot reference a different sheet.');
    }
    this.state.conditionalRules = states.map((s) => structuredClone(s));
  }

  // ---- protection, metadata, charts ---------------------------------------------------------------

  protect(): Protection {
    return FakeProtection.create(this.ctx, 'SHEET', this.ctx.model.wholeSheet(this.state));
  }

  getProtections(type: ProtectionType): Protection[] {
    return this.ctx.model.state.protections
      .filter((p) => p.type === String(type) && p.range.sheetId === this.sheetId)
      .map((p) => this.ctx.wrap(new FakeProtection(this.ctx, p.id), 'Protection'));
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: DeveloperMetadataVisibility,
  ): Sheet {
    const [value, vis] = metadataArguments(valueOrVisibility, visibility);
    this.ctx.model.addMetadata(this.state.metadata, key, value, vis);
    return this.self();
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this.ctx.wrap(
      new FakeDeveloperMetadataFinder(this.ctx, metadataScope.sheet(this.sheetId)),
      'DeveloperMetadataFinder',
    );
  }

  newChart(): EmbeddedChartBuilder {
    const state = {
      id: 0,
      chartType: 'COLUMN',
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
    return this.ctx.wrap(new FakeEmbeddedChartBuilder(this.ctx, state), 'EmbeddedChartBuilder');
  }

  insertChart(chart: EmbeddedChart): void {
    const state = FakeEmbeddedChart.stateOf(chart, 'SpreadsheetApp.Sheet.insertChart');
    this.state.charts.push({ ...structuredClone(state), id: this.ctx.model.nextId() });
  }

  removeChart(chart: EmbeddedChart): void {
    const state = FakeEmbeddedChart.stateOf(chart, 'SpreadsheetApp.Sheet.removeChart');
    this.state.charts = this.state.charts.filter((c) => c.id !== state.id);
  }

  getCharts(): EmbeddedChart[] {
    return this.state.charts.map((c) =>
      this.ctx.wrap(new FakeEmbeddedChart(this.ctx, c, true), 'EmbeddedChart'),
    );
  }
}

/** Range bounds as Sheets checks them (FAKES §1.1), at `getRange` rather than at first use. */
export function checkedGrid(
  sheet: SheetState,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): GridRange {
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (column < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns)
    throw gasError(messages.rangeOutside);
  return { sheetId: sheet.id, row, column, numRows, numColumns };
}
