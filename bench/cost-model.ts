/**
 * A model of Apps Script time from counted service calls: a cost per call, plus a cost per cell for
 * bulk reads and writes. The figures and their sources are in README.md (Benchmarks); "measured" ones
 * come from published timings, the rest are estimates. Treat results as ±50%: they compare designs
 * (batched against per-row calls) far better than they predict a stopwatch.
 */
interface Cost {
  pattern: RegExp;
  perCall: number;
  perCell?: number;
}

export const costTable: readonly Cost[] = [
  { pattern: /^SpreadsheetApp\.getActiveSpreadsheet$/, perCall: 30 },
  { pattern: /^Spreadsheet\.(getSheets|getSheetByName)$/, perCall: 20 },
  { pattern: /^Spreadsheet\.insertSheet$/, perCall: 300 },
  { pattern: /^Spreadsheet\.toast$/, perCall: 50 },
  { pattern: /^Spreadsheet\.getName$/, perCall: 10 },
  { pattern: /^Sheet\.getRange$/, perCall: 2 },
  { pattern: /^Sheet\.(getDataRange|getLastRow|getLastColumn|getMaxRows|getMaxColumns)$/, perCall: 50 },
  {
    pattern: /^Range\.(getValues|getDisplayValues|getFormulas|getNotes|getNumberFormats|getDataValidations)$/,
    perCall: 50,
    perCell: 0.05,
  },
  { pattern: /^Range\.(setValues|setFormulas)$/, perCall: 40, perCell: 0.1 },
  { pattern: /^Range\.(setValue|getValue)$/, perCall: 3 },
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
  { pattern: /^PropertiesService\./, perCall: 1 },
  { pattern: /^Properties\.getProperty$/, perCall: 30 },
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
  { pattern: /^GmailApp\.search$/, perCall: 400 },
  { pattern: /^GmailThread\.(getMessages|reply|replyAll)$/, perCall: 200 },
  { pattern: /^GmailMessage\.getRawContent$/, perCall: 150 },
  { pattern: /^GmailMessage\.getPlainBody$/, perCall: 50 },
  { pattern: /^(GmailMessage|GmailThread|GmailDraft)\./, perCall: 5 },
  { pattern: /^MailApp\.getRemainingDailyQuota$/, perCall: 50 },
  { pattern: /^Utilities\.(computeHmacSha256Signature|computeDigest)$/, perCall: 2 },
  { pattern: /./, perCall: 10 },
];

export function callCost(method: string): Cost {
  return costTable.find((c) => c.pattern.test(method)) ?? { pattern: /./, perCall: 10 };
}

/** Modelled milliseconds for a set of counted calls and cells. */
export function modelledMs(calls: Record<string, number>, cells: Record<string, number>): number {
  let total = 0;
  for (const [method, count] of Object.entries(calls)) {
    const cost = callCost(method);
    total += count * cost.perCall + (cells[method] ?? 0) * (cost.perCell ?? 0);
  }
  return Math.round(total);
}

/** A sidebar call's own round trip (google.script.run start-up), added per action; an estimate. */
export const SIDEBAR_ROUND_TRIP_MS = 1500;
