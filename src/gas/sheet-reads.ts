import type { Sheet, Spreadsheet } from './apps-script';

/**
 * What one run has read of each sheet, so every part of the run that needs a sheet (the action, the
 * checklist it re-syncs, the boards the leader view is written from) reads it once between them:
 * read, decide, write. Kept per Spreadsheet object, which lives as long as the run (the active
 * spreadsheet is one object per run: active-spreadsheet.ts; a clock run opens each file once).
 *
 * A sheet written is read again by the next part that needs it: what Sheets stores is not always
 * what was written (a typed date becomes a date, an apostrophe is dropped), so only a read says.
 * `SheetTable.flush` forgets the sheets it wrote; code that writes a sheet in another way (the Log,
 * the leader view, set-up) forgets it too.
 */
export interface SheetRead {
  readonly sheet: Sheet;
  /** The values as read: never changed (each table works on a copy). */
  readonly values: readonly (readonly unknown[])[];
  readonly maxRows: number;
  /** Displayed values read so far, by span (`first:last` columns of rows 2 to the last). */
  readonly displayed: Map<string, string[][]>;
}

const runs = new WeakMap<Spreadsheet, Map<string, SheetRead>>();

export function sheetRead(spreadsheet: Spreadsheet, name: string): SheetRead | undefined {
  return runs.get(spreadsheet)?.get(name);
}

export function rememberRead(spreadsheet: Spreadsheet, name: string, read: SheetRead): void {
  let reads = runs.get(spreadsheet);
  if (!reads) runs.set(spreadsheet, (reads = new Map()));
  reads.set(name, read);
}

/** The next part of the run that needs `name` (or, without it, any sheet) reads it again. */
export function forgetRead(spreadsheet: Spreadsheet, name?: string): void {
  if (name === undefined) runs.delete(spreadsheet);
  else runs.get(spreadsheet)?.delete(name);
}
