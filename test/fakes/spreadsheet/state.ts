/**
 * The in-memory spreadsheet, as plain data so that the playground can save it to a JSON file. The
 * fake API objects (`FakeSpreadsheet`, `FakeSheet`, `FakeRange`, …) are views over this state.
 */
export type CellValue = string | number | boolean | Date;

export interface GridRange {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ValidationState {
  criteria: string; // a DataValidationCriteria name
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface CellStyle {
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold' | 'normal';
  wrap?: boolean;
  horizontalAlignment?: string;
}

export interface CellState {
  /** The stored value; for a formula cell, its last computed value is not stored but evaluated on read. */
  value?: CellValue;
  formula?: string;
  format?: string;
  note?: string;
  validation?: ValidationState;
  style?: CellStyle;
}

export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
}

export interface ConditionalRuleState {
  ranges: GridRange[];
  criteria: string; // a BooleanCriteria name
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ProtectionState {
  id: number;
  type: 'SHEET' | 'RANGE';
  range: GridRange;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export interface ChartState {
  id: number;
  chartType: string;
  ranges: GridRange[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** One entry per grid row (index 0 is row 1); `null` for a row with no cell state. */
  rows: ((CellState | null)[] | null)[];
  rowMetadata: (MetadataState[] | null)[];
  columnMetadata: (MetadataState[] | null)[];
  columnWidths: (number | null)[];
  frozenRows: number;
  tabColor: string | null;
  metadata: MetadataState[];
  conditionalRules: ConditionalRuleState[];
  charts: ChartState[];
}

export interface SpreadsheetState {
  id: string;
  name: string;
  owner: string;
  /** People the file is shared with, besides the owner. */
  editors: string[];
  viewers: string[];
  timeZone: string;
  /** Older saved states have none: en_US. */
  locale?: string;
  sheets: SheetState[];
  activeSheetId: number;
  /** The selection made by `Range.activate()` (what the user sees selected); absent until then. */
  activeRange?: GridRange;
  namedRanges: { name: string; range: GridRange }[];
  protections: ProtectionState[];
  metadata: MetadataState[];
  nextId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheetState(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  columns = DEFAULT_COLUMNS,
): SheetState {
  return {
    id,
    name,
    maxRows: rows,
    maxColumns: columns,
    rows: Array.from({ length: rows }, () => null),
    rowMetadata: Array.from({ length: rows }, () => null),
    columnMetadata: Array.from({ length: columns }, () => null),
    columnWidths: Array.from({ length: columns }, () => null),
    frozenRows: 0,
    tabColor: null,
    metadata: [],
    conditionalRules: [],
    charts: [],
  };
}

export function newSpreadsheetState(options: {
  id?: string;
  name?: string;
  owner: string;
  timeZone?: string;
}): SpreadsheetState {
  return {
    id: options.id ?? '1FakeSpreadsheetId0000000000000000000000000',
    name: options.name ?? 'District AI plan',
    owner: options.owner,
    editors: [],
    viewers: [],
    timeZone: options.timeZone ?? 'America/Chicago',
    sheets: [newSheetState(0, 'Sheet1')],
    activeSheetId: 0,
    namedRanges: [],
    protections: [],
    metadata: [],
    nextId: 1,
  };
}
