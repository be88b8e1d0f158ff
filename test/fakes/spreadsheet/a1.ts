import { gasError } from '../errors';

/** A1 notation: "B2", "A1:C3", open-ended "A2:C" and "B:B", whole rows "3:3", and a "Sheet!" prefix. */
export interface A1Range {
  sheetName: string | null;
  row: number;
  column: number;
  /** null when the range runs to the end of the grid. */
  lastRow: number | null;
  lastColumn: number | null;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Notation(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const columnOnly = /^\$?([A-Za-z]{1,3})$/;
const rowOnly = /^\$?(\d+)$/;

export function parseA1(text: string): A1Range {
  const notFound = () => gasError('Range not found');
  let sheetName: string | null = null;
  let ref = text.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = ref.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'"))
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const [start = '', end, extra] = ref.split(':');
  if (extra !== undefined) throw notFound();
  const startCell = cell.exec(start);
  if (end === undefined) {
    if (!startCell) throw notFound();
    const row = Number(startCell[2]);
    const column = columnIndex(startCell[1] ?? '');
    return { sheetName, row, column, lastRow: row, lastColumn: column };
  }
  const endCell = cell.exec(end);
  if (startCell && endCell) {
    return {
      sheetName,
      row: Math.min(Number(startCell[2]), Number(endCell[2])),
      column: Math.min(columnIndex(startCell[1] ?? ''), columnIndex(endCell[1] ?? '')),
      lastRow: Math.max(Number(startCell[2]), Number(endCell[2])),
      lastColumn: Math.max(columnIndex(startCell[1] ?? ''), columnIndex(endCell[1] ?? '')),
    };
  }
  const endColumn = columnOnly.exec(end);
  if (startCell && endColumn) {
    return {
      sheetName,
      row: Number(startCell[2]),
      column: columnIndex(startCell[1] ?? ''),
      lastRow: null,
      lastColumn: columnIndex(endColumn[1] ?? ''),
    };
  }
  const startColumn = columnOnly.exec(start);
  if (startColumn && endColumn) {
    const [a, b] = [columnIndex(startColumn[1] ?? ''), columnIndex(endColumn[1] ?? '')];
    return { sheetName, row: 1, column: Math.min(a, b), lastRow: null, lastColumn: Math.max(a, b) };
  }
  const startRow = rowOnly.exec(start);
  const endRow = rowOnly.exec(end);
  if (startRow && endRow) {
    const [a, b] = [Number(startRow[1]), Number(endRow[1])];
    return { sheetName, row: Math.min(a, b), column: 1, lastRow: Math.max(a, b), lastColumn: null };
  }
  throw notFound();
}
