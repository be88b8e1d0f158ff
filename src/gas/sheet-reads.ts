import type { Sheet, Spreadsheet } from './apps-script';

/**
 * What one run has read of each sheet, so every part of the run that needs a sheet (the action, the
 * checklist it re-syncs, the boards the leader view is written from) reads it once between them:
 * read, decide, write. Kept per Spreadsheet object, which lives as long as the run (the active
 * spreadsheet is one object per run: active-spreadsheet.ts; a clock run opens each file once).
 *
 * A sheet written is held as written when what Sheets stores is certain to be that (numbers,
 * booleans, dates, text in plain-text columns less a leading apostrophe: `SheetTable.flush`), so the
 * parts after the write read nothing again; otherwise (a typed date becomes a date) it is read again
 * by the next part that needs it. Code that writes a sheet in another way (the Log, set-up) forgets it.
 */
export interface SheetRead {
  readonly sheet: Sheet;
  /** The values as read (or as written and held): never changed (each table works on a copy). */
  readonly values: readonly (readonly unknown[])[];
  /** The grid's rows, or null until a write past the rows read asks. */
  readonly maxRows: number | null;
  /** Displayed values read so far, by span (`first:last` columns of rows 2 to the last). */
  readonly displayed: Map<string, string[][]>;
}

const runs = new WeakMap<Spreadsheet, Map<string, SheetRead>>();
const handles = new WeakMap<Spreadsheet, Map<string, Sheet | null>>();

/**
 * The sheet of that name (null when there is none), asked once per run: every part of an action
 * checks for the sheets it needs. Set-up, which adds and renames sheets, forgets them all.
 */
export function sheetByName(spreadsheet: Spreadsheet, name: string): Sheet | null {
  let known = handles.get(spreadsheet);
  if (!known) handles.set(spreadsheet, (known = new Map()));
  let sheet = known.get(name);
  if (sheet === undefined) known.set(name, (sheet = spreadsheet.getSheetByName(name)));
  return sheet;
}

/** Set-up, which found or made every sheet, hands them on: the rest of its run asks for none. */
export function rememberSheets(spreadsheet: Spreadsheet, sheets: ReadonlyMap<string, Sheet>): void {
  let known = handles.get(spreadsheet);
  if (!known) handles.set(spreadsheet, (known = new Map()));
  for (const [name, sheet] of sheets) known.set(name, sheet);
}

export function sheetRead(spreadsheet: Spreadsheet, name: string): SheetRead | undefined {
  return runs.get(spreadsheet)?.get(name);
}

export function rememberRead(spreadsheet: Spreadsheet, name: string, read: SheetRead): void {
  let reads = runs.get(spreadsheet);
  if (!reads) runs.set(spreadsheet, (reads = new Map()));
  reads.set(name, read);
}

/** The next part of the run that needs `name` (or, without it, any sheet and its handle) reads it again. */
export function forgetRead(spreadsheet: Spreadsheet, name?: string): void {
  if (name !== undefined) {
    runs.get(spreadsheet)?.delete(name);
    return;
  }
  runs.delete(spreadsheet);
  handles.delete(spreadsheet);
}

/**
 * The values `getDataRange().getValues()` returns, in one call instead of two (-1 reaches the last row
 * and column with content). A sheet with nothing on it has no last row to reach: Apps Script refuses
 * the range (or gives no rows), and it is read the longer way. Any other failure is the run's.
 */
export function sheetValues(sheet: Sheet): unknown[][] {
  let values: unknown[][] = [];
  try {
    values = sheet.getSheetValues(1, 1, -1, -1);
  } catch (error) {
    if (!/must be at least 1|too small/i.test(error instanceof Error ? error.message : String(error)))
      throw error;
  }
  return values.length > 0 ? values : sheet.getDataRange().getValues();
}
