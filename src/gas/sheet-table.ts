import { asCellText } from '../domain/cell-text';
import { columnFormat } from '../domain/column-format';
import { columnLetter } from '../domain/header-map';
import { readTableData, type TableData } from '../domain/table';
import type { ColumnTemplate, TableTemplate } from '../domain/workspace-template';
import type { AppsScript, Sheet, Spreadsheet } from './apps-script';
import { formatDataRows, placeColumns, runs, ValidationRules } from './column-formatting';
import { forgetRead, rememberRead, sheetRead, type SheetRead, sheetByName, sheetValues } from './sheet-reads';
import { UserError } from './user-error';

/** Rows added when a sheet runs out of grid, so it does not grow one row at a time. */
const GROWTH = 100;

/**
 * One workspace sheet, read once: changes are made to a copy in memory and written back in batches by
 * `flush` — appended rows in one write, whole computed columns in one write per run of adjacent
 * columns, and edited cells grouped into rectangles of adjacent rows and columns. The number of calls
 * depends on what changed, never on how many rows the sheet holds.
 */
export class SheetTable {
  readonly sheet: Sheet;
  readonly data: TableData;
  /** The grid's rows, once asked (only a write past the rows read needs them). */
  private maxRows: number | null;
  private readonly values: unknown[][];
  private readonly columns = new Map<string, { column: ColumnTemplate; at: number }>();
  private readonly existingRows: number;
  private readonly dirty = new Map<number, Set<number>>();
  private readonly wholeColumns = new Set<number>();

  private constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly read: SheetRead,
    readonly template: TableTemplate,
  ) {
    this.sheet = read.sheet;
    this.maxRows = read.maxRows;
    // A copy: the run's read stays as read for the next part of the run that opens the sheet.
    const values = read.values.map((line) => [...line]);
    this.values = values;
    this.data = readTableData(template, values);
    for (const [key, at] of this.data.map.columns) {
      const column = template.columns.find((c) => c.key === key);
      if (column) this.columns.set(key, { column, at: at + 1 });
    }
    this.existingRows = this.data.lastRow;
    this.values.length = this.existingRows;
  }

  /**
   * Reads the sheet (one `getValues`), or takes what this run already read of it (sheet-reads.ts); a
   * missing sheet or column is the user's to repair, so it says how.
   */
  static open(
    spreadsheet: Spreadsheet,
    template: TableTemplate,
    required: readonly string[] = [],
  ): SheetTable {
    let read = sheetRead(spreadsheet, template.name);
    if (!read) {
      const sheet = sheetByName(spreadsheet, template.name);
      if (!sheet) {
        throw new UserError(
          `The ${template.name} sheet is missing. Run Set up workspace (on the planner's Overview) to repair it.`,
        );
      }
      const values = sheetValues(sheet);
      read = { sheet, values, maxRows: null, displayed: new Map() };
      rememberRead(spreadsheet, template.name, read);
    }
    const table = new SheetTable(spreadsheet, read, template);
    const missing = required.filter((key) => !table.columns.has(key));
    if (missing.length > 0) {
      const headers = missing
        .map((key) => `“${template.columns.find((c) => c.key === key)?.header ?? key}”`)
        .join(', ');
      throw new UserError(
        `The ${template.name} sheet has no ${headers} column. Run Set up workspace (on the planner's Overview) to repair it.`,
      );
    }
    return table;
  }

  /**
   * A column as the sheet shows it (one `getDisplayValues`), by row: dates in the spreadsheet's own
   * time zone and format, which a script's Date objects do not carry.
   */
  displayed(key: string): Map<number, string> {
    const shown = this.displayedColumns([key]);
    const byRow = new Map<number, string>();
    for (let row = 2; row <= this.existingRows; row += 1) byRow.set(row, shown(row, key));
    return byRow;
  }

  /**
   * Several columns as the sheet shows them, in one `getDisplayValues` over the columns' span:
   * `(row, key) => text`. Only a date needs its display (its day in the sheet's own time zone), so
   * columns that held no date when read are not asked for it, and show "".
   */
  displayedColumns(keys: readonly string[]): (row: number, key: string) => string {
    const placed = keys.flatMap((key) => {
      const at = this.columns.get(key)?.at;
      return at === undefined ? [] : [[key, at] as const];
    });
    const dated = placed.some(([, at]) =>
      this.read.values.some((line, i) => i > 0 && i < this.existingRows && line[at - 1] instanceof Date),
    );
    if (!dated) return () => '';
    const first = Math.min(...placed.map(([, at]) => at));
    const last = Math.max(...placed.map(([, at]) => at));
    const span = `${first}:${last}`;
    let values = this.read.displayed.get(span);
    if (!values) {
      values = this.sheet.getRange(2, first, this.existingRows - 1, last - first + 1).getDisplayValues();
      this.read.displayed.set(span, values);
    }
    const offsets = new Map(placed.map(([key, at]) => [key, at - first]));
    return (row, key) => values[row - 2]?.[offsets.get(key) ?? -1] ?? '';
  }

  /** The table as it stands in memory, changes included. */
  current(): TableData {
    // Parts of one action ask for it several times between changes: parsed again only after one.
    return (this.parsed ??= readTableData(this.template, this.values));
  }

  private parsed: TableData | null = null;

  has(key: string): boolean {
    return this.columns.has(key);
  }

  get lastRow(): number {
    return this.values.length;
  }

  /** The raw value in a row (1-based) and column key. */
  get(row: number, key: string): unknown {
    const at = this.columns.get(key)?.at;
    return at === undefined ? undefined : this.values[row - 1]?.[at - 1];
  }

  /** Sets a cell, converted for its column (text can never become a formula). Unknown columns are skipped. */
  set(row: number, key: string, value: unknown): void {
    const placed = this.columns.get(key);
    if (!placed) return;
    const line = (this.values[row - 1] ??= []);
    while (line.length < this.data.width) line.push('');
    const cell = toCell(placed.column, value);
    if (sameCell(line[placed.at - 1], cell)) return;
    line[placed.at - 1] = cell;
    this.parsed = null;
    if (row <= this.existingRows && !this.wholeColumns.has(placed.at)) {
      let cells = this.dirty.get(row);
      if (!cells) this.dirty.set(row, (cells = new Set()));
      cells.add(placed.at);
    }
  }

  /** Adds a row below the last one; returns its row number. */
  append(cells: Readonly<Record<string, unknown>>): number {
    this.values.push(Array.from({ length: this.data.width }, () => ''));
    this.parsed = null;
    const row = this.values.length;
    for (const [key, value] of Object.entries(cells)) this.set(row, key, value);
    return row;
  }

  /**
   * These columns are written whole (rows 2 to the last) at flush: for columns the add-on computes.
   * Cells already edited in them are written with the column, not again on their own.
   */
  writeWholeColumns(keys: readonly string[]): void {
    for (const key of keys) {
      const at = this.columns.get(key)?.at;
      if (at === undefined) continue;
      this.wholeColumns.add(at);
      for (const [row, cells] of this.dirty) {
        cells.delete(at);
        if (cells.size === 0) this.dirty.delete(row);
      }
    }
  }

  flush(gas: AppsScript): void {
    const width = this.data.width;
    const appended = this.values.length - this.existingRows;
    const existingData = this.existingRows - 1;
    const writes = appended > 0 || this.dirty.size > 0 || (existingData > 0 && this.wholeColumns.size > 0);
    // What the sheet holds once written, when that is certain; worked out before the marks are cleared.
    const held = writes ? this.held() : null;
    // Forgotten first: a write that fails part-way leaves nothing this run would take as read.
    if (writes) forgetRead(this.spreadsheet, this.template.name);
    if (appended > 0) {
      this.ensureRows(gas, this.values.length);
      const block = this.values
        .slice(this.existingRows)
        .map((line) => Array.from({ length: width }, (_, i) => line[i] ?? ''));
      this.sheet.getRange(this.existingRows + 1, 1, appended, width).setValues(block);
    }
    if (existingData > 0) {
      for (const run of runs([...this.wholeColumns].map((at) => ({ at })))) {
        const block = this.values
          .slice(1, this.existingRows)
          .map((line) => run.items.map((item) => line[item.at - 1] ?? ''));
        this.sheet.getRange(2, run.start, existingData, run.items.length).setValues(block);
      }
    }
    for (const block of this.dirtyBlocks()) {
      const lines = this.values.slice(block.row - 1, block.row - 1 + block.rows);
      const values = lines.map((line) =>
        Array.from({ length: block.width }, (_, i) => line[block.column - 1 + i] ?? ''),
      );
      this.sheet.getRange(block.row, block.column, block.rows, block.width).setValues(values);
    }
    this.dirty.clear();
    if (held) rememberRead(this.spreadsheet, this.template.name, { ...held, maxRows: this.maxRows });
  }

  /**
   * The sheet as this flush leaves it, for the next part of the run that opens it (read once, then
   * written once: no read after the write). Only when what Sheets stores is certain to be what is
   * written: this table was opened from the run's current read (no other table wrote the sheet
   * since), and every cell written is empty, a number, a boolean, a date, or text in a plain-text
   * column (stored as written, less the apostrophe that keeps it from being a formula). A string in
   * another column (a typed date, say) is parsed by Sheets, so the sheet is read again. Displayed
   * values are kept for the spans no write touched (rows appended blank there show blank).
   */
  private held(): SheetRead | null {
    if (sheetRead(this.spreadsheet, this.template.name) !== this.read) return null;
    const byAt = new Map([...this.columns.values()].map((p) => [p.at, p.column]));
    const written = new Set<number>(this.wholeColumns);
    for (const cells of this.dirty.values()) for (const at of cells) written.add(at);
    const values = this.values.map((line) => [...line]);
    const settle = (row: number, at: number): boolean => {
      const line = values[row - 1];
      const value = line?.[at - 1];
      if (!line || typeof value !== 'string' || value === '') return true;
      const column = byAt.get(at);
      if (!column || !columnFormat(column.type).plainText) return false;
      // Sheets keeps a leading apostrophe out of the value (asCellText's, or one typed in the text).
      line[at - 1] = value.startsWith("'") ? value.slice(1) : value;
      return true;
    };
    for (let row = 2; row <= this.existingRows; row += 1)
      for (const at of written) if (!settle(row, at)) return null;
    const filledBelow = new Set<number>();
    for (let row = this.existingRows + 1; row <= values.length; row += 1) {
      const line = values[row - 1] ?? [];
      for (let at = 1; at <= line.length; at += 1) {
        if (line[at - 1] !== '' && line[at - 1] !== undefined) filledBelow.add(at);
        if (!settle(row, at)) return null;
      }
    }
    const appended = values.length - this.existingRows;
    const displayed = new Map<string, string[][]>();
    for (const [span, shown] of this.read.displayed) {
      const [first = 0, last = 0] = span.split(':').map(Number);
      let touched = false;
      for (let at = first; at <= last; at += 1) touched ||= written.has(at) || filledBelow.has(at);
      if (touched) continue;
      const blank = () => Array.from({ length: last - first + 1 }, () => '');
      displayed.set(span, [...shown, ...Array.from({ length: appended }, blank)]);
    }
    return { sheet: this.sheet, values, maxRows: this.maxRows, displayed };
  }

  /**
   * Edited cells as rectangles: each edited row is written from its first to its last edited column in
   * one call, so a row's change lands whole or not at all (the cells between hold what was just read,
   * under the lock); adjacent rows edited over the same columns are one write.
   */
  private dirtyBlocks(): { row: number; rows: number; column: number; width: number }[] {
    const blocks: { row: number; rows: number; column: number; width: number }[] = [];
    for (const row of [...this.dirty.keys()].sort((a, b) => a - b)) {
      const columns = [...(this.dirty.get(row) ?? [])];
      const column = Math.min(...columns);
      const width = Math.max(...columns) - column + 1;
      const last = blocks[blocks.length - 1];
      if (last && last.column === column && last.width === width && last.row + last.rows === row)
        last.rows += 1;
      else blocks.push({ row, rows: 1, column, width });
    }
    return blocks;
  }

  /** Grows the grid when rows are appended past it; new rows get the columns' formats and validation. */
  private ensureRows(gas: AppsScript, needed: number): void {
    // The rows read are inside the grid: only a write past them asks how far the grid goes.
    if (needed <= this.read.values.length) return;
    const maxRows = (this.maxRows ??= this.sheet.getMaxRows());
    if (needed <= maxRows) return;
    const added = Math.max(needed - maxRows, GROWTH);
    this.sheet.insertRowsAfter(maxRows, added);
    const columns = Object.fromEntries([...this.columns].map(([key, p]) => [key, p.at]));
    formatDataRows(
      this.sheet,
      placeColumns(this.template, columns),
      maxRows + 1,
      added,
      new ValidationRules(gas),
    );
    this.maxRows = maxRows + added;
  }

  /** "Workflows!B7", for messages. */
  cellName(row: number, key: string): string {
    const at = this.columns.get(key)?.at ?? 1;
    return `${this.template.name}!${columnLetter(at)}${row}`;
  }
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function toCell(column: ColumnTemplate, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  switch (column.type.kind) {
    case 'boolean':
      return value === true;
    case 'number':
    case 'score':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'date':
      // A yyyy-mm-dd string is written as typed, so Sheets reads it in the spreadsheet's time zone.
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      return value instanceof Date ? value : '';
    case 'datetime':
      return value instanceof Date ? value : '';
    default:
      return asCellText(String(value));
  }
}
