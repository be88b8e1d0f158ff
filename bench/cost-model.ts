/**
 * A model of Apps Script time from the service calls an action makes, in order: a cost per call, a
 * cost per cell for bulk reads and writes (per item for Gmail lists), a flush when a read follows
 * pending writes, and a start-up cost per execution. The figures and their sources are in README.md
 * (Benchmarks); "measured" ones come from published timings, the rest are estimates. Treat results as
 * ±50%: they compare designs (batched against per-row calls) far better than they predict a stopwatch.
 */
import type { CallRecord } from '../test/fakes/calls';

interface Cost {
  pattern: RegExp;
  perCall: number;
  /** Per cell read or written, or per item a Gmail list returns. */
  perCell?: number;
}

export const costTable: readonly Cost[] = [
  { pattern: /^SpreadsheetApp\.getActiveSpreadsheet$/, perCall: 30 },
  // Opening another file is a fetch of its structure, like the first call on the active one and more.
  { pattern: /^SpreadsheetApp\.openById$/, perCall: 300 },
  { pattern: /^Spreadsheet\.(getSheets|getSheetByName)$/, perCall: 20 },
  { pattern: /^Spreadsheet\.insertSheet$/, perCall: 300 },
  { pattern: /^Spreadsheet\.toast$/, perCall: 50 },
  { pattern: /^Spreadsheet\.getName$/, perCall: 10 },
  { pattern: /^Sheet\.getRange$/, perCall: 2 },
  { pattern: /^Sheet\.(getDataRange|getLastRow|getLastColumn|getMaxRows|getMaxColumns)$/, perCall: 50 },
  {
    pattern:
      /^(Range\.(getValues|getDisplayValues|getFormulas|getNotes|getNumberFormats|getDataValidations)|Sheet\.getSheetValues)$/,
    perCall: 50,
    perCell: 0.05,
  },
  { pattern: /^Range\.(setValues|setFormulas)$/, perCall: 40, perCell: 0.1 },
  // A single-cell read or write is a round trip like any other: ~160 ms a get/set pair measured publicly.
  { pattern: /^Range\.(setValue|getValue|getDisplayValue|setFormula)$/, perCall: 80 },
  { pattern: /^Range\.(setNumberFormats|setNotes)$/, perCall: 5, perCell: 0.01 },
  { pattern: /^Range\.setDataValidations?$/, perCall: 50 },
  {
    pattern:
      /^Range\.(setNumberFormat|setNote|setFontWeight|setBackground|setFontColor|setWrap|setHorizontalAlignment)$/,
    perCall: 5,
  },
  {
    pattern: /^Sheet\.(setColumnWidth|setFrozenRows|setTabColor|insertRowsAfter|insertColumnsAfter)$/,
    perCall: 5,
  },
  { pattern: /^Sheet\.getConditionalFormatRules$/, perCall: 50 },
  { pattern: /^Sheet\.setConditionalFormatRules$/, perCall: 150 },
  { pattern: /^(Sheet|Spreadsheet)\.getProtections$/, perCall: 100 },
  { pattern: /^(Sheet|Range)\.protect$/, perCall: 300 },
  { pattern: /^Protection\.(get\w+|is\w+|can\w+)$/, perCall: 20 },
  { pattern: /^Protection\./, perCall: 200 },
  { pattern: /^(Spreadsheet|Sheet|Range)\.addDeveloperMetadata$/, perCall: 100 },
  { pattern: /^DeveloperMetadataFinder\.find$/, perCall: 150 },
  { pattern: /^DeveloperMetadata\.setValue$/, perCall: 100 },
  { pattern: /^PropertiesService\./, perCall: 1 },
  { pattern: /^Properties\.(getProperty|getProperties)$/, perCall: 30 },
  { pattern: /^Properties\.(setProperty|setProperties|deleteProperty)$/, perCall: 60 },
  { pattern: /^Lock\.(tryLock|waitLock)$/, perCall: 50 },
  { pattern: /^Lock\.releaseLock$/, perCall: 20 },
  {
    pattern: /^(DataValidationBuilder|ConditionalFormatRuleBuilder|SpreadsheetApp\.new\w+|LockService\.)/,
    perCall: 1,
  },
  { pattern: /^GmailApp\.createDraft$/, perCall: 400 },
  { pattern: /^GmailDraft\.send$/, perCall: 800 },
  { pattern: /^MailApp\.sendEmail$/, perCall: 800 },
  { pattern: /^GmailApp\.(getThreadById|getMessageById)$/, perCall: 200 },
  // Search by page: a call, plus the threads it returns.
  { pattern: /^GmailApp\.search$/, perCall: 400, perCell: 2 },
  // Many threads' messages in one call: a call, plus the messages it returns.
  { pattern: /^GmailApp\.getMessagesForThreads$/, perCall: 300, perCell: 3 },
  { pattern: /^GmailThread\.(getMessages|reply|replyAll)$/, perCall: 200 },
  { pattern: /^GmailMessage\.getRawContent$/, perCall: 150 },
  { pattern: /^GmailMessage\.getPlainBody$/, perCall: 50 },
  { pattern: /^(GmailMessage|GmailThread|GmailDraft)\./, perCall: 5 },
  { pattern: /^MailApp\.getRemainingDailyQuota$/, perCall: 50 },
  { pattern: /^Utilities\.(computeHmacSha256Signature|computeDigest)$/, perCall: 2 },
  { pattern: /./, perCall: 10 },
];

/**
 * Writes are buffered, and the first read after them waits for them to be applied (Google's
 * best-practices guide; a read with pending writes measured ~160 ms against ~50 without, bugbugnow
 * 2019): this is the extra a read pays then, and what `SpreadsheetApp.flush()` costs with writes pending.
 */
export const FLUSH_MS = 110;
/** Starting an execution (loading the script, authorising) for a trigger run; an estimate. */
export const TRIGGER_START_MS = 1000;
/** A sidebar call's own round trip (google.script.run start-up), added per action; an estimate. */
export const SIDEBAR_ROUND_TRIP_MS = 1500;

const spreadsheetRead =
  /^(Range\.(get\w+)|Sheet\.(getDataRange|getSheetValues|getLastRow|getLastColumn|getMaxRows|getMaxColumns|getCharts)|DeveloperMetadataFinder\.find)$/;
const spreadsheetWrite =
  /^(Range\.(set\w+|clear\w*|insert\w+|delete\w+|merge|protect|addDeveloperMetadata)|Sheet\.(set\w+|insert\w+|delete\w+|appendRow|clear\w*|removeChart|insertChart|updateChart|hide\w*|show\w*)|Spreadsheet\.(insertSheet|deleteSheet|setActiveSheet|addDeveloperMetadata|addEditor|addViewer)|DeveloperMetadata\.(setValue|remove))$/;

export function callCost(method: string): Cost {
  return costTable.find((c) => c.pattern.test(method)) ?? { pattern: /./, perCall: 10 };
}

/** Modelled milliseconds for the calls of one execution, in the order made, and the flushes charged. */
export function model(
  sequence: readonly CallRecord[],
  options: { trigger?: boolean } = {},
): { ms: number; flushes: number } {
  let total = options.trigger ? TRIGGER_START_MS : 0;
  let pending = false;
  let flushes = 0;
  for (const { name, cells } of sequence) {
    const cost = callCost(name);
    total += cost.perCall + cells * (cost.perCell ?? 0);
    const flushing = name === 'SpreadsheetApp.flush' || spreadsheetRead.test(name);
    if (flushing && pending) {
      total += FLUSH_MS;
      flushes += 1;
      pending = false;
    } else if (!flushing && spreadsheetWrite.test(name)) pending = true;
  }
  return { ms: Math.round(total), flushes };
}

/** Gmail calls of any kind in a sequence. */
export function gmailCalls(sequence: readonly CallRecord[]): number {
  return sequence.filter((c) => /^Gmail/.test(c.name)).length;
}

const gmailSend =
  /^(GmailDraft\.send|GmailThread\.(reply|replyAll)|GmailMessage\.(reply|replyAll|forward)|GmailApp\.sendEmail)$/;

/** Gmail calls that send: they count against the daily recipients quota, not the read/write one. */
export function gmailSends(sequence: readonly CallRecord[]): number {
  return sequence.filter((c) => gmailSend.test(c.name)).length;
}

/**
 * Gmail calls that count against the daily "Email read/write (excluding send)" quota (20,000 consumer,
 * 50,000 Workspace): every Gmail call but the sends, which Google's quotas table excludes and counts as
 * recipients instead (https://developers.google.com/apps-script/guides/services/quotas; PLATFORM §2.4).
 */
export function gmailReadWrites(sequence: readonly CallRecord[]): number {
  return gmailCalls(sequence) - gmailSends(sequence);
}
