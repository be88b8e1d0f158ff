import { gasError, messages } from '../errors';
import { a1Notation } from './a1';
import { evaluateFormula, type FormulaError } from './formula';
import {
  newSheetState,
  type CellState,
  type CellValue,
  type GridRange,
  type MetadataState,
  type SheetState,
  type SpreadsheetState,
  type ValidationState,
} from './state';
import { parseEntry } from './typed-entry';

/**
 * The rules of the in-memory spreadsheet, over its plain state: cell values and formulas, typed
 * parsing, data validation, protection, and grid changes that move everything anchored to rows and
 * columns. The API objects (`FakeRange`, `FakeSheet`, …) check arguments and delegate here.
 */
export class SpreadsheetModel {
  constructor(
    readonly state: SpreadsheetState,
    readonly now: () => Date,
  ) {}

  nextId(): number {
    const id = this.state.nextId;
    this.state.nextId += 1;
    return id;
  }

  // ---- sheets -------------------------------------------------------------------------------------

  sheet(sheetId: number): SheetState {
    const sheet = this.state.sheets.find((s) => s.id === sheetId);
    if (!sheet) throw gasError('The sheet was deleted.');
    return sheet;
  }

  sheetByName(name: string): SheetState | null {
    return this.state.sheets.find((s) => s.name === name) ?? null;
  }

  assertNewName(name: string, except?: number): void {
    if (name.trim() === '' || name.length > 100) throw gasError(`Invalid sheet name: ${name}`);
    const clash = this.state.sheets.find(
      (s) => s.id !== except && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  insertSheet(name: string, index: number): SheetState {
    this.assertNewName(name);
    const sheet = newSheetState(this.nextId(), name);
    this.state.sheets.splice(Math.max(0, Math.min(index, this.state.sheets.length)), 0, sheet);
    this.state.activeSheetId = sheet.id;
    return sheet;
  }

  // ---- cells --------------------------------------------------------------------------------------

  cell(sheet: SheetState, row: number, column: number): CellState | null {
    return sheet.rows[row - 1]?.[column - 1] ?? null;
  }

  /**
   * The row's cells, ready to change. Rows and cells are copied before their first change when they
   * are frozen: a copy of the world shares them with the original until then (world-copy.ts).
   */
  mutableRow(sheet: SheetState, row: number): (CellState | null)[] {
    changed(sheet);
    let cells = sheet.rows[row - 1];
    if (!cells || Object.isFrozen(cells)) {
      cells = cells ? [...cells] : [];
      ownRows(sheet)[row - 1] = cells;
    }
    rowContent.delete(cells);
    return cells;
  }

  /** The cell's state, created on first write. */
  mutableCell(sheet: SheetState, row: number, column: number): CellState {
    return this.mutableCellIn(this.mutableRow(sheet, row), column);
  }

  /** The cell's state in a row from `mutableRow` (a range's edit asks for each row once). */
  mutableCellIn(cells: (CellState | null)[], column: number): CellState {
    let state = cells[column - 1];
    if (!state) {
      state = {};
      for (let c = cells.length; c < column - 1; c += 1) cells[c] = null;
      cells[column - 1] = state;
    } else if (Object.isFrozen(state)) {
      state = { ...state };
      cells[column - 1] = state;
    }
    return state;
  }

  lastRow(sheet: SheetState): number {
    const known = lastRowKnown.get(sheet);
    if (known && known.rows === sheet.rows) return known.row;
    let row = 0;
    for (let r = sheet.rows.length; r >= 1 && row === 0; r -= 1) {
      const cells = sheet.rows[r - 1];
      if (cells && lastContentColumn(cells) > 0) row = r;
    }
    lastRowKnown.set(sheet, { rows: sheet.rows, row });
    return row;
  }

  lastColumn(sheet: SheetState): number {
    // Set-up formats every row down to 1,000 and all but a few hold nothing: each row's last content
    // column is remembered (`lastContentColumn`).
    let last = 0;
    for (const cells of sheet.rows) {
      if (!cells || cells.length <= last) continue;
      last = Math.max(last, lastContentColumn(cells));
    }
    return last;
  }

  /** Computed values: formulas are evaluated, Dates copied, empty cells "". */
  values(sheet: SheetState, r: GridRange): CellValue[][] {
    // Every read of a sheet comes here, so plain cells are read straight from their row.
    const out: CellValue[][] = [];
    for (let i = 0; i < r.numRows; i += 1) {
      const cells = sheet.rows[r.row + i - 1];
      const line: CellValue[] = new Array<CellValue>(r.numColumns);
      for (let j = 0; j < r.numColumns; j += 1) {
        const cell = cells?.[r.column + j - 1];
        if (!cell) line[j] = '';
        else if (cell.formula !== undefined)
          line[j] = this.computedValue(sheet, r.row + i, r.column + j, new Set());
        else {
          const value = cell.value ?? '';
          line[j] = value instanceof Date ? new Date(value.getTime()) : value;
        }
      }
      out.push(line);
    }
    return out;
  }

  private computedValue(sheet: SheetState, row: number, column: number, visiting: Set<string>): CellValue {
    const cell = this.cell(sheet, row, column);
    if (!cell) return '';
    if (cell.formula !== undefined) {
      const key = `${sheet.id}:${row}:${column}`;
      if (visiting.has(key)) return '#REF!';
      visiting.add(key);
      try {
        return evaluateFormula(cell.formula, {
          read: (sheetName, r, c, nr, nc) => {
            const target = sheetName === null ? sheet : this.sheetByName(sheetName);
            if (!target) return [[{ error: '#REF!' } satisfies FormulaError]];
            return this.grid(
              { sheetId: target.id, row: r, column: c, numRows: nr, numColumns: nc },
              (rr, cc) => {
                const v = this.computedValue(target, rr, cc, visiting);
                return typeof v === 'string' && /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|ERROR!)$/.test(v)
                  ? { error: v }
                  : v;
              },
            );
          },
          extent: (sheetName) => {
            const target = sheetName === null ? sheet : this.sheetByName(sheetName);
            return target ? { rows: target.maxRows, columns: target.maxColumns } : null;
          },
          now: this.now,
        });
      } finally {
        visiting.delete(key);
      }
    }
    const value = cell.value ?? '';
    return value instanceof Date ? new Date(value.getTime()) : value;
  }

  grid<T>(r: GridRange, read: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < r.numRows; i += 1) {
      const line: T[] = [];
      for (let j = 0; j < r.numColumns; j += 1) line.push(read(r.row + i, r.column + j));
      out.push(line);
    }
    return out;
  }

  /**
   * Writes values as a script does: every cell is checked (protection, then data validation) before
   * any is changed, so a refused write changes nothing.
   */
  writeValues(user: string, sheet: SheetState, r: GridRange, values: readonly (readonly unknown[])[]): void {
    this.assertCanEdit(user, r);
    const planned: { cell: [number, number]; entry: { value: CellValue } | { formula: string } | null }[] =
      [];
    for (let i = 0; i < r.numRows; i += 1) {
      for (let j = 0; j < r.numColumns; j += 1) {
        const [row, column] = [r.row + i, r.column + j];
        const raw = values[i]?.[j];
        const existing = this.cell(sheet, row, column);
        const entry = this.entryFor(raw, existing?.format);
        if (entry && 'value' in entry && existing?.validation && !existing.validation.allowInvalid) {
          if (!satisfies(existing.validation, entry.value)) {
            throw gasError(
              `The data you entered in cell ${a1Notation(row, column, 1, 1)} violates the data validation rules set on this cell.`,
            );
          }
        }
        planned.push({ cell: [row, column], entry });
      }
    }
    for (const { cell, entry } of planned) {
      const [row, column] = cell;
      if (!entry) {
        const existing = this.cell(sheet, row, column);
        if (existing && ('value' in existing || 'formula' in existing)) {
          const state = this.mutableCell(sheet, row, column);
          delete state.value;
          delete state.formula;
        }
        continue;
      }
      const state = this.mutableCell(sheet, row, column);
      if ('formula' in entry) {
        state.formula = entry.formula;
        delete state.value;
      } else {
        state.value = entry.value;
        delete state.formula;
      }
    }
  }

  private entryFor(
    raw: unknown,
    format: string | undefined,
  ): { value: CellValue } | { formula: string } | null {
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'string') return parseEntry(raw, format, this.state.timeZone);
    if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
    if (raw instanceof Date) return { value: new Date(raw.getTime()) };
    return { value: String(raw) };
  }

  // ---- permissions --------------------------------------------------------------------------------

  /** Protection never blocks the owner, and warning-only protection never blocks a script. */
  canEdit(user: string, r: GridRange): boolean {
    if (sameUser(user, this.state.owner)) return true;
    return this.state.protections.every((p) => {
      if (p.warningOnly || p.editors.some((e) => sameUser(e, user))) return true;
      return !intersects(p.range, r);
    });
  }

  assertCanEdit(user: string, r: GridRange): void {
    if (!this.canEdit(user, r)) throw gasError(messages.protectedCell);
  }

  wholeSheet(sheet: SheetState): GridRange {
    return { sheetId: sheet.id, row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
  }

  // ---- grid changes -------------------------------------------------------------------------------

  insertRows(user: string, sheet: SheetState, after: number, count: number): void {
    this.assertCanEdit(user, this.wholeSheet(sheet));
    changed(sheet);
    ownRows(sheet).splice(after, 0, ...Array.from({ length: count }, () => null));
    sheet.rowMetadata.splice(after, 0, ...Array.from({ length: count }, () => null));
    sheet.maxRows += count;
    this.shiftAnchors(sheet.id, 'row', after + 1, count);
  }

  deleteRows(user: string, sheet: SheetState, start: number, count: number): void {
    if (start < 1 || start + count - 1 > sheet.maxRows || count < 1)
      throw gasError('Those rows are out of bounds.');
    if (count >= sheet.maxRows - sheet.frozenRows && start > sheet.frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.assertCanEdit(user, {
      sheetId: sheet.id,
      row: start,
      column: 1,
      numRows: count,
      numColumns: sheet.maxColumns,
    });
    changed(sheet);
    ownRows(sheet).splice(start - 1, count);
    sheet.rowMetadata.splice(start - 1, count);
    sheet.maxRows -= count;
    this.shiftAnchors(sheet.id, 'row', start, -count);
  }

  insertColumns(user: string, sheet: SheetState, after: number, count: number): void {
    this.assertCanEdit(user, this.wholeSheet(sheet));
    sheet.rows.forEach((cells, i) => {
      if (cells && cells.length > after)
        this.mutableRow(sheet, i + 1).splice(after, 0, ...Array.from({ length: count }, () => null));
    });
    sheet.columnMetadata.splice(after, 0, ...Array.from({ length: count }, () => null));
    sheet.columnWidths.splice(after, 0, ...Array.from({ length: count }, () => null));
    sheet.maxColumns += count;
    this.shiftAnchors(sheet.id, 'column', after + 1, count);
  }

  /** Moves ranges anchored at or after `from` by `delta` rows or columns; deleted ones shrink or go. */
  private shiftAnchors(sheetId: number, axis: 'row' | 'column', from: number, delta: number): void {
    const shift = (r: GridRange): GridRange | null => {
      if (r.sheetId !== sheetId) return r;
      const startKey = axis;
      const sizeKey = axis === 'row' ? 'numRows' : 'numColumns';
      const start = r[startKey];
      const end = start + r[sizeKey] - 1;
      if (delta > 0) {
        if (start >= from) return { ...r, [startKey]: start + delta };
        if (end >= from) return { ...r, [sizeKey]: r[sizeKey] + delta };
        return r;
      }
      const lastDeleted = from - delta - 1;
      const keptBefore = Math.max(0, Math.min(end, from - 1) - start + 1);
      const keptAfter = Math.max(0, end - Math.max(start, lastDeleted + 1) + 1);
      if (keptBefore + keptAfter === 0) return null;
      const newStart = start < from ? start : Math.max(from, start + delta);
      return { ...r, [startKey]: newStart, [sizeKey]: keptBefore + keptAfter };
    };
    const keep = <T>(items: T[], get: (t: T) => GridRange, set: (t: T, r: GridRange) => void): T[] =>
      items.filter((item) => {
        const moved = shift(get(item));
        if (moved) set(item, moved);
        return moved !== null;
      });
    const s = this.state;
    s.protections = keep(
      s.protections,
      (p) => (p.type === 'SHEET' ? { ...p.range, sheetId: -1 } : p.range),
      (p, r) => {
        if (p.type === 'RANGE') p.range = r;
      },
    );
    for (const p of s.protections)
      if (p.type === 'SHEET') p.range = this.wholeSheet(this.sheet(p.range.sheetId));
    s.namedRanges = keep(
      s.namedRanges,
      (n) => n.range,
      (n, r) => (n.range = r),
    );
    for (const sheet of s.sheets) {
      sheet.conditionalRules = sheet.conditionalRules.filter((rule) => {
        rule.ranges = rule.ranges.map(shift).filter((r): r is GridRange => r !== null);
        return rule.ranges.length > 0;
      });
      for (const chart of sheet.charts)
        chart.ranges = chart.ranges.map(shift).filter((r): r is GridRange => r !== null);
    }
  }

  // ---- developer metadata -------------------------------------------------------------------------

  addMetadata(
    list: MetadataState[],
    key: string,
    value: string | null,
    visibility: 'DOCUMENT' | 'PROJECT',
  ): void {
    list.push({ id: this.nextId(), key, value, visibility });
  }
}

function hasContent(cell: CellState | null | undefined): boolean {
  return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
}

/**
 * The last row with content, per sheet, until the model next changes one of its rows: every
 * `getDataRange` asks, and a set-up sheet has 1,000 formatted rows to look through. Every change to a
 * sheet's rows goes through the model (`mutableRow`, row insertion and deletion), which forgets it; a
 * copy of the world has sheets of its own and a `rows` array of its own, so it never sees another's.
 */
const lastRowKnown = new WeakMap<SheetState, { rows: SheetState['rows']; row: number }>();

/**
 * The sheet's rows array, ready to change: a copy of the world shares a frozen one (world-copy.ts),
 * which is copied before its first change (a thousand references, not the cells).
 */
function ownRows(sheet: SheetState): SheetState['rows'] {
  if (Object.isFrozen(sheet.rows)) sheet.rows = [...sheet.rows];
  return sheet.rows;
}

function changed(sheet: SheetState): void {
  lastRowKnown.delete(sheet);
}

/**
 * The last content column of each row, until the model next hands the row out to change
 * (`mutableRow` forgets it); a frozen row is shared by copies of the world and never changes.
 */
const rowContent = new WeakMap<readonly (CellState | null)[], number>();

/** The last column of a row with a value or formula in it; 0 for none. */
function lastContentColumn(cells: readonly (CellState | null)[]): number {
  const known = rowContent.get(cells);
  if (known !== undefined) return known;
  let last = 0;
  for (let c = cells.length; c >= 1; c -= 1) {
    if (hasContent(cells[c - 1])) {
      last = c;
      break;
    }
  }
  rowContent.set(cells, last);
  return last;
}

export function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function intersects(a: GridRange, b: GridRange): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const urlPattern = /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

/** Whether a value passes a rule; empty cells always do. */
export function satisfies(rule: ValidationState, value: CellValue): boolean {
  if (value === '') return true;
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const text = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
      return ((a as string[] | undefined) ?? []).includes(text);
    }
    case 'CHECKBOX':
      return a === undefined ? typeof value === 'boolean' : value === a || value === b;
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(a) && value <= Number(b);
    case 'DATE_IS_VALID_DATE':
      return value instanceof Date;
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && emailPattern.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && urlPattern.test(value);
    default:
      return true;
  }
}
