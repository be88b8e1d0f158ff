import { describe, expect, it } from '@jest/globals';
import { evaluateFormula, type ReferenceResolver } from './formula';
import type { CellValue } from './state';

/** Sheet1 holds A1:C4 below; Other holds A1:A2. */
const sheets: Record<string, CellValue[][]> = {
  Sheet1: [
    ['Name', 'Score', 'Selected'],
    ['FAQ', 17, true],
    ['Summaries', 15, false],
    ['Newsletter', '', false],
  ],
  Other: [['x'], ['y']],
};

const resolver: ReferenceResolver = {
  read(sheetName, row, column, numRows, numColumns) {
    const grid = sheets[sheetName ?? 'Sheet1'] ?? [];
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (_, j) => grid[row - 1 + i]?.[column - 1 + j] ?? ''),
    );
  },
  extent: (sheetName) => (sheets[sheetName ?? 'Sheet1'] ? { rows: 10, columns: 5 } : null),
  now: () => new Date('2026-11-28T12:00:00Z'),
};

describe('formula cells compute their value', () => {
  it.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=2^3', 8],
    ['="a"&"b"', 'ab'],
    ['=B2+B3', 32],
    ['=SUM(B2:B4)', 32],
    ['=SUM(B:B)', 32],
    ['=COUNTA(A:A)', 4],
    ['=COUNTA(A2:A)', 3],
    ['=COUNTIF(C2:C4,TRUE)', 1],
    ['=COUNTIF(A2:A4,"N*")', 1],
    ['=COUNTIF(B2:B4,">15")', 1],
    ['=COUNTIFS(C2:C4,FALSE,A2:A4,"S*")', 1],
    ['=MEDIAN(B2:B4)', 16],
    ['=IF(B2>16,"strong","possible")', 'strong'],
    ['=IFERROR(1/0,"none")', 'none'],
    ['=1/0', '#DIV/0!'],
    ['=INDEX(A2:A4,MATCH(TRUE,C2:C4,0))', 'FAQ'],
    ['=IFERROR(INDEX(A2:A4,MATCH(TRUE,C3:C4,0)),"None yet")', 'None yet'],
    ["='Other'!A2", 'y'],
    ['=Other!A1', 'x'],
    ['=Missing!A1', '#REF!'],
    ['=NOSUCHFUNCTION(1)', '#NAME?'],
    ['=+1-555-0100', -654],
    ['=- not a list item', '#ERROR!'],
    ['=AND(TRUE,B2>10)', true],
    ['=ROUND(2/3,2)', 0.67],
    ['=COUNTIF(B2:B5,"*")', 0],
    ['=IFERROR(INDEX(A2:A5,MATCH("*",B2:B5,0)),"none")', 'none'],
  ])('%s', (formula, expected) => {
    expect(evaluateFormula(formula, resolver)).toEqual(expected);
  });
});
