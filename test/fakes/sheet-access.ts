import type { CallRecord } from './calls';

/**
 * Reads and writes of each sheet, counted from a call sequence (`CallLog.sequence`), for the rule
 * "each action reads each sheet at most once and writes each sheet at most once".
 *
 * A *read call* returns one kind of what a sheet holds: its values, displayed values, formulas,
 * notes, number formats, styles, validations, conditional format rules, protections, charts, or how
 * far its content reaches (`getLastRow`, `getLastColumn`: its extent). A *write call* changes any of
 * that, or its rows, columns, name, tab, widths or frozen rows. Everything else on a Range or Sheet is
 * neither: range factories (`getRange`, `getDataRange`), the grid's size (`getMaxRows`), identity
 * (`getName`) and selection (`activate`).
 *
 * - A sheet is *read* once when no kind of what it holds is read twice: its values in one
 *   `getValues`, its dates as shown in one `getDisplayValues`, and so on. `reads` is the most calls
 *   of any one kind (reading values, writing, and reading values again is 2).
 * - A sheet is *written* once when its write calls form one commit: one run of write calls on it,
 *   not broken by a read of it, by a read or write of another sheet, or by a call to a service other
 *   than the spreadsheet (mail, properties, locks). A bulk write made of a few adjacent `setValues`
 *   (appended rows, edited cells) with the formats of rows it grew is one commit; writing, sending an
 *   email and writing again is two. `writes` is the number of commits.
 */
export interface SheetTally {
  reads: number;
  writes: number;
  /** Read calls by kind: `{ getValues: 2, getDisplayValues: 1 }`. */
  readKinds: Readonly<Record<string, number>>;
  /** Each commit's calls in order, for messages: `setValues ×3 | setValues`. */
  commits: string;
}

const READS = new Set([
  'Range.getValues',
  'Range.getValue',
  'Range.getDisplayValues',
  'Range.getDisplayValue',
  'Range.getFormula',
  'Range.getFormulas',
  'Range.getNote',
  'Range.getNotes',
  'Range.getNumberFormat',
  'Range.getNumberFormats',
  'Range.getBackground',
  'Range.getFontWeight',
  'Range.getDataValidation',
  'Range.getDataValidations',
  'Sheet.getSheetValues',
  'Sheet.getLastRow',
  'Sheet.getLastColumn',
  'Sheet.getConditionalFormatRules',
  'Sheet.getProtections',
  'Sheet.getCharts',
]);

const WRITES = new Set([
  'Range.setValues',
  'Range.setValue',
  'Range.setFormula',
  'Range.setFormulas',
  'Range.setNote',
  'Range.setNotes',
  'Range.setNumberFormat',
  'Range.setNumberFormats',
  'Range.setBackground',
  'Range.setFontColor',
  'Range.setFontWeight',
  'Range.setWrap',
  'Range.setHorizontalAlignment',
  'Range.setDataValidation',
  'Range.setDataValidations',
  'Range.clearContent',
  'Range.clearDataValidations',
  'Range.clearNote',
  'Range.protect',
  'Range.addDeveloperMetadata',
  'Sheet.appendRow',
  'Sheet.insertRowsAfter',
  'Sheet.insertColumnsAfter',
  'Sheet.deleteRow',
  'Sheet.deleteRows',
  'Sheet.setName',
  'Sheet.setTabColor',
  'Sheet.setColumnWidth',
  'Sheet.setFrozenRows',
  'Sheet.setConditionalFormatRules',
  'Sheet.insertChart',
  'Sheet.removeChart',
  'Sheet.protect',
  'Sheet.addDeveloperMetadata',
]);

/** Types of the spreadsheet service: a call to one of them does not end a run (builders, metadata). */
const SPREADSHEET_TYPES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|DataValidation|DataValidationBuilder|ConditionalFormatRule|ConditionalFormatRuleBuilder|BooleanCondition|Protection|NamedRange|DeveloperMetadata|DeveloperMetadataFinder|DeveloperMetadataLocation|EmbeddedChart|EmbeddedChartBuilder)\./;

export function sheetAccess(name: string): 'read' | 'write' | null {
  if (READS.has(name)) return 'read';
  if (WRITES.has(name)) return 'write';
  return null;
}

/** The kind of what a sheet holds that a read call returns: values and `getValue` are one kind. */
function kindOf(method: string): string {
  return method.replace(/^get(Value|DisplayValue|Formula|Note|NumberFormat|DataValidation)s?$/, 'get$1s');
}

/** Reads and writes per sheet, by sheet name, from a call sequence. */
export function sheetTallies(sequence: readonly CallRecord[]): Map<string, SheetTally> {
  const reads = new Map<string, string[]>();
  const commits = new Map<string, string[][]>();
  /** The commit still open: any other access, or a call to another service, ends it. */
  let open = null as { sheet: string; calls: string[] } | null;
  for (const call of sequence) {
    const access = call.sheet === undefined ? null : sheetAccess(call.name);
    if (access === null || call.sheet === undefined) {
      if (!SPREADSHEET_TYPES.test(call.name)) open = null;
      continue;
    }
    const method = call.name.slice(call.name.indexOf('.') + 1);
    if (access === 'read') {
      open = null;
      reads.set(call.sheet, [...(reads.get(call.sheet) ?? []), kindOf(method)]);
      continue;
    }
    if (open?.sheet === call.sheet) {
      open.calls.push(method);
      continue;
    }
    open = { sheet: call.sheet, calls: [method] };
    commits.set(call.sheet, [...(commits.get(call.sheet) ?? []), open.calls]);
  }
  const sheets = new Set([...reads.keys(), ...commits.keys()]);
  return new Map(
    [...sheets].map((sheet) => {
      const kinds = counted(reads.get(sheet) ?? []);
      const written = commits.get(sheet) ?? [];
      return [
        sheet,
        {
          reads: Math.max(0, ...kinds.values()),
          writes: written.length,
          readKinds: Object.fromEntries(kinds),
          commits: written.map((calls) => describe(counted(calls))).join(' | '),
        },
      ];
    }),
  );
}

function counted(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** "setValues ×3, setNumberFormats". */
function describe(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ');
}
