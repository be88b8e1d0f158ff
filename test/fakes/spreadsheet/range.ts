import type {
  DataValidation,
  DeveloperMetadataFinder,
  DeveloperMetadataVisibility,
  FontWeight,
  HorizontalAlignment,
  Protection,
  Range,
  Sheet,
} from '../../../src/gas/apps-script';
import { unwrap, type SheetBound } from '../calls';
import { formatJavaDate } from '../java-date-format';
import { gasError, signatureError } from '../errors';
import { a1Notation } from './a1';
import type { SpreadsheetContext } from './context';
import { FakeDataValidation } from './data-validation';
import { FakeDeveloperMetadataFinder, metadataScope } from './developer-metadata';
import { FakeProtection } from './protection';
import { FakeSheet } from './sheet';
import type { CellState, CellStyle, GridRange, SheetState, ValidationState } from './state';

const DEFAULT_NUMBER_FORMAT = '0.###############';

export class FakeRange implements Range, SheetBound {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly grid: GridRange,
  ) {}

  /** The sheet this acts on, for the call log's per-sheet counts (calls.ts); not part of Apps Script. */
  get countedSheet(): string | null {
    return this.ctx.model.state.sheets.find((s) => s.id === this.grid.sheetId)?.name ?? null;
  }

  private get sheetState(): SheetState {
    return this.ctx.model.sheet(this.grid.sheetId);
  }

  private cells<T>(read: (cell: CellState | null, row: number, column: number) => T): T[][] {
    const sheet = this.sheetState;
    return this.ctx.model.grid(this.grid, (row, column) =>
      read(this.ctx.model.cell(sheet, row, column), row, column),
    );
  }

  /** Applies `change` to every cell, after checking protection for the whole range. */
  private editCells(change: (cell: CellState, i: number, j: number) => void): this {
    const { model, user } = this.ctx;
    model.assertCanEdit(user, this.grid);
    const sheet = this.sheetState;
    for (let i = 0; i < this.grid.numRows; i += 1) {
      const cells = model.mutableRow(sheet, this.grid.row + i);
      for (let j = 0; j < this.grid.numColumns; j += 1)
        change(model.mutableCellIn(cells, this.grid.column + j), i, j);
    }
    return this;
  }

  private assertShape(values: unknown, method: string): asserts values is unknown[][] {
    if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
      throw signatureError([values], `SpreadsheetApp.Range.${method}`);
    }
    if (values.length !== this.grid.numRows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.grid.numRows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this.grid.numColumns) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.grid.numColumns}.`,
        );
      }
    }
  }

  private styled(style: keyof CellStyle, value: CellStyle[keyof CellStyle] | null): this {
    // A cell's style is replaced, never changed in place: copies of the world share it (state.ts).
    return this.editCells((cell) => {
      if (value === null || value === undefined) {
        if (!cell.style) return;
        const rest = { ...cell.style };
        delete rest[style];
        cell.style = Object.freeze(rest);
      } else {
        cell.style = Object.freeze({ ...cell.style, [style]: value });
      }
    });
  }

  private first(): CellState | null {
    return this.ctx.model.cell(this.sheetState, this.grid.row, this.grid.column);
  }

  // ---- geometry -----------------------------------------------------------------------------------

  getRow(): number {
    return this.grid.row;
  }
  getColumn(): number {
    return this.grid.column;
  }
  getNumRows(): number {
    return this.grid.numRows;
  }
  getNumColumns(): number {
    return this.grid.numColumns;
  }
  getLastRow(): number {
    return this.grid.row + this.grid.numRows - 1;
  }
  getLastColumn(): number {
    return this.grid.column + this.grid.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Notation(this.grid.row, this.grid.column, this.grid.numRows, this.grid.numColumns);
  }
  getSheet(): Sheet {
    return this.ctx.wrap(new FakeSheet(this.ctx, this.grid.sheetId), 'Sheet');
  }
  activate(): Range {
    this.ctx.model.state.activeSheetId = this.grid.sheetId;
    this.ctx.model.state.activeRange = { ...this.grid };
    return this.ctx.wrap(this, 'Range');
  }

  // ---- values -------------------------------------------------------------------------------------

  getValues(): unknown[][] {
    return this.ctx.model.values(this.sheetState, this.grid);
  }

  getValue(): unknown {
    return this.ctx.model.values(this.sheetState, { ...this.grid, numRows: 1, numColumns: 1 })[0]?.[0];
  }

  getDisplayValues(): string[][] {
    const formats = this.getNumberFormats();
    const zone = this.ctx.model.state.timeZone;
    return this.getValues().map((row, i) =>
      row.map((v, j) => {
        if (v instanceof Date) {
          const pattern = javaDatePattern(formats[i]?.[j] ?? '');
          if (pattern) return formatJavaDate(v, zone, pattern);
          const timeOfDay = formatJavaDate(v, zone, 'HH:mm:ss') !== '00:00:00';
          return formatJavaDate(v, zone, timeOfDay ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy');
        }
        if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
        if (typeof v === 'number' && (formats[i]?.[j] ?? '').includes('%'))
          return `${Math.round(v * 10000) / 100}%`;
        return String(v);
      }),
    );
  }

  setValues(values: unknown[][]): Range {
    this.assertShape(values, 'setValues');
    this.ctx.model.writeValues(this.ctx.user, this.sheetState, this.grid, values);
    return this.ctx.wrap(this, 'Range');
  }

  setValue(value: unknown): Range {
    const values = Array.from({ length: this.grid.numRows }, () =>
      Array.from({ length: this.grid.numColumns }, () => value),
    );
    this.ctx.model.writeValues(this.ctx.user, this.sheetState, this.grid, values);
    return this.ctx.wrap(this, 'Range');
  }

  getFormula(): string {
    return this.first()?.formula ?? '';
  }

  getFormulas(): string[][] {
    return this.cells((cell) => cell?.formula ?? '');
  }

  setFormula(formula: string): Range {
    if (typeof formula !== 'string') throw signatureError([formula], 'SpreadsheetApp.Range.setFormula');
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  setFormulas(formulas: string[][]): Range {
    this.assertShape(formulas, 'setFormulas');
    const normalised = formulas.map((row) => row.map((f) => (f === '' || f.startsWith('=') ? f : `=${f}`)));
    this.ctx.model.writeValues(this.ctx.user, this.sheetState, this.grid, normalised);
    return this.ctx.wrap(this, 'Range');
  }

  clearContent(): Range {
    this.editCells((cell) => {
      delete cell.value;
      delete cell.formula;
    });
    return this.ctx.wrap(this, 'Range');
  }

  // ---- notes and formats --------------------------------------------------------------------------

  getNote(): string {
    return this.first()?.note ?? '';
  }
  getNotes(): string[][] {
    return this.cells((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): Range {
    this.editCells((cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this.ctx.wrap(this, 'Range');
  }
  setNotes(notes: (string | null)[][]): Range {
    this.assertShape(notes, 'setNotes');
    this.editCells((cell, i, j) => {
      const note = notes[i]?.[j];
      if (note === null || note === undefined || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this.ctx.wrap(this, 'Range');
  }
  clearNote(): Range {
    this.editCells((cell) => delete cell.note);
    return this.ctx.wrap(this, 'Range');
  }

  getNumberFormat(): string {
    return this.first()?.format ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this.cells((cell) => cell?.format ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(numberFormat: string): Range {
    this.editCells((cell) => {
      if (numberFormat === 'General' || numberFormat === '') delete cell.format;
      else cell.format = numberFormat;
    });
    return this.ctx.wrap(this, 'Range');
  }
  setNumberFormats(numberFormats: string[][]): Range {
    this.assertShape(numberFormats, 'setNumberFormats');
    this.editCells((cell, i, j) => {
      const format = numberFormats[i]?.[j] ?? 'General';
      if (format === 'General' || format === '') delete cell.format;
      else cell.format = format;
    });
    return this.ctx.wrap(this, 'Range');
  }

  getBackground(): string {
    return this.first()?.style?.background ?? '#ffffff';
  }
  getFontWeight(): FontWeight {
    return (this.first()?.style?.fontWeight ?? 'normal') as FontWeight;
  }
  setBackground(color: string | null): Range {
    this.styled('background', color);
    return this.ctx.wrap(this, 'Range');
  }
  setFontColor(color: string | null): Range {
    this.styled('fontColor', color);
    return this.ctx.wrap(this, 'Range');
  }
  setFontWeight(fontWeight: FontWeight | null): Range {
    this.styled('fontWeight', fontWeight === null ? null : (String(fontWeight) as 'bold' | 'normal'));
    return this.ctx.wrap(this, 'Range');
  }
  setWrap(isWrapEnabled: boolean): Range {
    this.styled('wrap', isWrapEnabled);
    return this.ctx.wrap(this, 'Range');
  }
  setHorizontalAlignment(alignment: HorizontalAlignment): Range {
    this.styled('horizontalAlignment', alignment);
    return this.ctx.wrap(this, 'Range');
  }

  // ---- data validation ----------------------------------------------------------------------------

  getDataValidation(): DataValidation | null {
    const rule = this.first()?.validation;
    return rule ? validationOf(this.ctx, rule) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.cells((cell) => (cell?.validation ? validationOf(this.ctx, cell.validation) : null));
  }

  /** Existing values that break the rule are kept (Sheets flags them); only later writes are refused. */
  setDataValidation(rule: DataValidation | null): Range {
    const state = rule === null ? null : FakeDataValidation.stateOf(rule);
    this.editCells((cell) => {
      if (state) cell.validation = state;
      else delete cell.validation;
    });
    return this.ctx.wrap(this, 'Range');
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.assertShape(rules, 'setDataValidations');
    this.editCells((cell, i, j) => {
      const rule = rules[i]?.[j] ?? null;
      if (rule) cell.validation = FakeDataValidation.stateOf(rule);
      else delete cell.validation;
    });
    return this.ctx.wrap(this, 'Range');
  }

  clearDataValidations(): Range {
    this.editCells((cell) => delete cell.validation);
    return this.ctx.wrap(this, 'Range');
  }

  // ---- protection and metadata --------------------------------------------------------------------

  protect(): Protection {
    return FakeProtection.create(this.ctx, 'RANGE', this.grid);
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: DeveloperMetadataVisibility,
  ): Range {
    const sheet = this.sheetState;
    const g = this.grid;
    const wholeRow = g.numRows === 1 && g.column === 1 && g.numColumns === sheet.maxColumns;
    const wholeColumn = g.numColumns === 1 && g.row === 1 && g.numRows === sheet.maxRows;
    if (!wholeRow && !wholeColumn) {
      throw gasError(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    const list = wholeRow
      ? (sheet.rowMetadata[g.row - 1] ??= [])
      : (sheet.columnMetadata[g.column - 1] ??= []);
    const [value, vis] = metadataArguments(valueOrVisibility, visibility);
    this.ctx.model.addMetadata(list, key, value, vis);
    return this.ctx.wrap(this, 'Range');
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this.ctx.wrap(
      new FakeDeveloperMetadataFinder(this.ctx, metadataScope.range(this.grid)),
      'DeveloperMetadataFinder',
    );
  }
}

/** The `(key, value?, visibility?)` overloads shared by Spreadsheet, Sheet and Range. */
export function metadataArguments(
  valueOrVisibility: unknown,
  visibility: unknown,
): [string | null, 'DOCUMENT' | 'PROJECT'] {
  if (valueOrVisibility === 'DOCUMENT' || valueOrVisibility === 'PROJECT') return [null, valueOrVisibility];
  const value = valueOrVisibility === undefined ? null : String(valueOrVisibility);
  return [value, visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT'];
}

/** The raw FakeRange behind a Range argument, or a signature error. */
export function rangeArgument(range: unknown, method: string): FakeRange {
  const raw = unwrap(range);
  if (!(raw instanceof FakeRange)) throw signatureError([range], method);
  return raw;
}

/**
 * A Sheets date number format ("yyyy-mm-dd", "yyyy-mm-dd hh:mm") as a Java date pattern, or null when
 * the format is not a date format. In Sheets "m" is minutes after an hour or before seconds, else the
 * month; "h" is the 24-hour clock unless the format has AM/PM.
 */
export function javaDatePattern(format: string): string | null {
  if (!/[yd]/i.test(format) && !/h/i.test(format)) return null;
  if (/am\/pm/i.test(format)) return null;
  const tokens = format.match(/y+|m+|d+|h+|s+|[^ymdhs]+/gi) ?? [];
  return tokens
    .map((token, k) => {
      const kind = token[0]?.toLowerCase();
      if (kind === 'y' || kind === 'd' || kind === 's') return token.toLowerCase();
      if (kind === 'h') return token.toUpperCase();
      if (kind === 'm') {
        const before = tokens
          .slice(0, k)
          .reverse()
          .find((t) => /^[ymdhs]/i.test(t))?.[0]
          ?.toLowerCase();
        const after = tokens
          .slice(k + 1)
          .find((t) => /^[ymdhs]/i.test(t))?.[0]
          ?.toLowerCase();
        return before === 'h' || after === 's' ? token.toLowerCase() : token.toUpperCase();
      }
      return `'${token.replace(/'/g, "''")}'`;
    })
    .join('');
}

/**
 * The DataValidation handed out for a rule, one per rule state and execution: a rule is set on a
 * column's thousand cells as one frozen state, and a DataValidation cannot be changed (its `copy`
 * makes a builder), so one object for all of them behaves as a thousand would. A proxy per cell
 * made most of a set-up re-run's time in the fakes.
 */
const validations = new WeakMap<SpreadsheetContext, WeakMap<ValidationState, DataValidation>>();

function validationOf(ctx: SpreadsheetContext, rule: ValidationState): DataValidation {
  let known = validations.get(ctx);
  if (!known) validations.set(ctx, (known = new WeakMap()));
  let validation = known.get(rule);
  if (!validation)
    known.set(rule, (validation = ctx.wrap(new FakeDataValidation(ctx, rule), 'DataValidation')));
  return validation;
}
