/**
 * The part of Apps Script this add-on relies on, as narrow interfaces.
 *
 * Every signature is copied from `@types/google-apps-script`, and `services.ts` assigns the real
 * globals to these types, so the compiler proves the real services satisfy them. The in-memory fakes
 * in `test/fakes` implement the same interfaces, so a fake with a wrong signature does not compile
 * either. Anything not listed here is out of reach of `src/gas` on purpose: using a new Apps Script
 * method means adding it here, which makes the fakes implement it.
 */

type SpreadsheetEnums = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
export type DataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
export type BooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
export type DeveloperMetadataVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
export type DeveloperMetadataLocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
export type ChartType = GoogleAppsScript.Charts.ChartType;
export type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
export type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right' | null;
export type AuthMode = GoogleAppsScript.Script.AuthMode;
export type EventType = GoogleAppsScript.Script.EventType;
export type TriggerSource = GoogleAppsScript.Script.TriggerSource;
export type AuthorizationStatus = GoogleAppsScript.Script.AuthorizationStatus;
export type Button = GoogleAppsScript.Base.Button;
export type ButtonSet = GoogleAppsScript.Base.ButtonSet;
export type Charset = GoogleAppsScript.Utilities.Charset;
export type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;
export type GmailAdvancedOptions = GoogleAppsScript.Gmail.GmailAdvancedOptions;
export type GmailReplyOptions = GoogleAppsScript.Gmail.GmailReplyOptions;
export type MailAdvancedParameters = GoogleAppsScript.Mail.MailAdvancedParameters;
/**
 * What Gmail's date getters are declared to return. At run time it is a JavaScript Date, but @types
 * declares Apps Script's own Date interface (no `Symbol.toPrimitive`), so read it with `getTime()`.
 */
export type GasDate = GoogleAppsScript.Base.Date;

export interface SpreadsheetApp {
  DataValidationCriteria: SpreadsheetEnums['DataValidationCriteria'];
  BooleanCriteria: SpreadsheetEnums['BooleanCriteria'];
  DeveloperMetadataLocationType: SpreadsheetEnums['DeveloperMetadataLocationType'];
  DeveloperMetadataVisibility: SpreadsheetEnums['DeveloperMetadataVisibility'];
  ProtectionType: SpreadsheetEnums['ProtectionType'];
  flush(): void;
  getActiveSpreadsheet(): Spreadsheet | null;
  getUi(): Ui;
  /** Needs the full `spreadsheets` scope; throws for a file the user cannot open (FAKES §1.13). */
  openById(id: string): Spreadsheet;
  newConditionalFormatRule(): ConditionalFormatRuleBuilder;
  newDataValidation(): DataValidationBuilder;
}

export interface Spreadsheet {
  addEditor(emailAddress: string): Spreadsheet;
  addViewer(emailAddress: string): Spreadsheet;
  addDeveloperMetadata(key: string): Spreadsheet;
  addDeveloperMetadata(key: string, visibility: DeveloperMetadataVisibility): Spreadsheet;
  addDeveloperMetadata(key: string, value: string): Spreadsheet;
  addDeveloperMetadata(key: string, value: string, visibility: DeveloperMetadataVisibility): Spreadsheet;
  createDeveloperMetadataFinder(): DeveloperMetadataFinder;
  getEditors(): User[];
  getId(): string;
  getName(): string;
  getNamedRanges(): NamedRange[];
  getOwner(): User | null;
  getProtections(type: ProtectionType): Protection[];
  getRange(a1Notation: string): Range;
  getRangeByName(name: string): Range | null;
  getSheetByName(name: string): Sheet | null;
  getSheets(): Sheet[];
  getSpreadsheetLocale(): string;
  getSpreadsheetTimeZone(): string;
  getUrl(): string;
  getViewers(): User[];
  insertSheet(sheetName: string): Sheet;
  insertSheet(sheetName: string, sheetIndex: number): Sheet;
  setNamedRange(name: string, range: Range): void;
  toast(msg: string): void;
  toast(msg: string, title: string): void;
  toast(msg: string, title: string, timeoutSeconds: number | null): void;
}

export interface Sheet {
  activate(): Sheet;
  addDeveloperMetadata(key: string): Sheet;
  addDeveloperMetadata(key: string, visibility: DeveloperMetadataVisibility): Sheet;
  addDeveloperMetadata(key: string, value: string): Sheet;
  addDeveloperMetadata(key: string, value: string, visibility: DeveloperMetadataVisibility): Sheet;
  appendRow(rowContents: unknown[]): Sheet;
  createDeveloperMetadataFinder(): DeveloperMetadataFinder;
  deleteRow(rowPosition: number): Sheet;
  deleteRows(rowPosition: number, howMany: number): void;
  getCharts(): EmbeddedChart[];
  getColumnWidth(columnPosition: number): number;
  getConditionalFormatRules(): ConditionalFormatRule[];
  getDataRange(): Range;
  getFrozenRows(): number;
  getIndex(): number;
  getLastColumn(): number;
  getLastRow(): number;
  getMaxColumns(): number;
  /** Values from (startRow, startColumn); -1 rows or columns: to the last with content. */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][];
  getMaxRows(): number;
  getName(): string;
  getProtections(type: ProtectionType): Protection[];
  getRange(row: number, column: number): Range;
  getRange(row: number, column: number, numRows: number): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRange(a1Notation: string): Range;
  getSheetId(): number;
  insertChart(chart: EmbeddedChart): void;
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet;
  insertRowsAfter(afterPosition: number, howMany: number): Sheet;
  newChart(): EmbeddedChartBuilder;
  protect(): Protection;
  removeChart(chart: EmbeddedChart): void;
  setColumnWidth(columnPosition: number, width: number): Sheet;
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void;
  setFrozenRows(rows: number): void;
  setName(name: string): Sheet;
  setTabColor(color: string | null): Sheet;
}

export interface Range {
  activate(): Range;
  addDeveloperMetadata(key: string): Range;
  addDeveloperMetadata(key: string, visibility: DeveloperMetadataVisibility): Range;
  addDeveloperMetadata(key: string, value: string): Range;
  addDeveloperMetadata(key: string, value: string, visibility: DeveloperMetadataVisibility): Range;
  clearContent(): Range;
  clearDataValidations(): Range;
  clearNote(): Range;
  createDeveloperMetadataFinder(): DeveloperMetadataFinder;
  getA1Notation(): string;
  getBackground(): string;
  getColumn(): number;
  getDataValidation(): DataValidation | null;
  getDataValidations(): (DataValidation | null)[][];
  getDisplayValues(): string[][];
  getFontWeight(): FontWeight;
  getFormula(): string;
  getFormulas(): string[][];
  getLastColumn(): number;
  getLastRow(): number;
  getNote(): string;
  getNotes(): string[][];
  getNumColumns(): number;
  getNumRows(): number;
  getNumberFormat(): string;
  getNumberFormats(): string[][];
  getRow(): number;
  getSheet(): Sheet;
  getValue(): unknown;
  getValues(): unknown[][];
  protect(): Protection;
  setBackground(color: string | null): Range;
  setDataValidation(rule: DataValidation | null): Range;
  setDataValidations(rules: (DataValidation | null)[][]): Range;
  setFontColor(color: string | null): Range;
  setFontWeight(fontWeight: FontWeight | null): Range;
  setFormula(formula: string): Range;
  setFormulas(formulas: string[][]): Range;
  setHorizontalAlignment(alignment: HorizontalAlignment): Range;
  setNote(note: string | null): Range;
  setNotes(notes: (string | null)[][]): Range;
  setNumberFormat(numberFormat: string): Range;
  setNumberFormats(numberFormats: string[][]): Range;
  setValue(value: unknown): Range;
  setValues(values: unknown[][]): Range;
  setWrap(isWrapEnabled: boolean): Range;
}

export interface DataValidation {
  copy(): DataValidationBuilder;
  getAllowInvalid(): boolean;
  getCriteriaType(): DataValidationCriteria;
  getCriteriaValues(): unknown[];
  getHelpText(): string;
}

export interface DataValidationBuilder {
  build(): DataValidation;
  requireCheckbox(): DataValidationBuilder;
  requireDate(): DataValidationBuilder;
  requireNumberBetween(start: number, end: number): DataValidationBuilder;
  requireTextIsEmail(): DataValidationBuilder;
  requireTextIsUrl(): DataValidationBuilder;
  requireValueInList(values: string[]): DataValidationBuilder;
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder;
  setHelpText(helpText: string): DataValidationBuilder;
}

export interface BooleanCondition {
  getBackground(): string | null;
  getCriteriaType(): BooleanCriteria;
  getCriteriaValues(): unknown[];
}

export interface ConditionalFormatRule {
  getBooleanCondition(): BooleanCondition | null;
  getRanges(): Range[];
}

export interface ConditionalFormatRuleBuilder {
  build(): ConditionalFormatRule;
  setBackground(color: string | null): ConditionalFormatRuleBuilder;
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder;
  setFontColor(color: string | null): ConditionalFormatRuleBuilder;
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder;
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder;
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder;
}

export interface Protection {
  addEditor(emailAddress: string): Protection;
  canDomainEdit(): boolean;
  canEdit(): boolean;
  getDescription(): string;
  getEditors(): User[];
  getProtectionType(): ProtectionType;
  getRange(): Range;
  isWarningOnly(): boolean;
  remove(): void;
  removeEditors(emailAddresses: string[]): Protection;
  setDescription(description: string): Protection;
  setDomainEdit(editable: boolean): Protection;
  setWarningOnly(warningOnly: boolean): Protection;
}

export interface NamedRange {
  getName(): string;
  getRange(): Range;
  remove(): void;
}

export interface DeveloperMetadata {
  getId(): number;
  getKey(): string;
  getLocation(): DeveloperMetadataLocation;
  getValue(): string | null;
  remove(): void;
  setValue(value: string): DeveloperMetadata;
}

export interface DeveloperMetadataLocation {
  getLocationType(): DeveloperMetadataLocationType;
  getRow(): Range | null;
  getSheet(): Sheet | null;
}

export interface DeveloperMetadataFinder {
  find(): DeveloperMetadata[];
  onIntersectingLocations(): DeveloperMetadataFinder;
  withKey(key: string): DeveloperMetadataFinder;
  withLocationType(locationType: DeveloperMetadataLocationType): DeveloperMetadataFinder;
  withValue(value: string): DeveloperMetadataFinder;
}

export interface EmbeddedChart {
  getChartId(): number | null;
  getRanges(): Range[];
  modify(): EmbeddedChartBuilder;
}

export interface EmbeddedChartBuilder {
  addRange(range: Range): EmbeddedChartBuilder;
  build(): EmbeddedChart;
  setChartType(type: ChartType): EmbeddedChartBuilder;
  setOption(option: string, value: unknown): EmbeddedChartBuilder;
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder;
}

export interface User {
  getEmail(): string;
}

export interface Ui {
  Button: typeof GoogleAppsScript.Base.Button;
  ButtonSet: typeof GoogleAppsScript.Base.ButtonSet;
  alert(prompt: string): Button;
  alert(prompt: string, buttons: ButtonSet): Button;
  alert(title: string, prompt: string, buttons: ButtonSet): Button;
  createAddonMenu(): Menu;
  createMenu(caption: string): Menu;
  showSidebar(userInterface: HtmlOutput): void;
}

export interface Menu {
  addItem(caption: string, functionName: string): Menu;
  addSeparator(): Menu;
  addSubMenu(menu: Menu): Menu;
  addToUi(): void;
}

export interface HtmlService {
  createHtmlOutput(html: string): HtmlOutput;
  createHtmlOutputFromFile(filename: string): HtmlOutput;
}

export interface HtmlOutput {
  getContent(): string;
  getTitle(): string;
  setTitle(title: string): HtmlOutput;
}

export interface PropertiesService {
  getDocumentProperties(): Properties;
  getScriptProperties(): Properties;
  getUserProperties(): Properties;
}

export interface Properties {
  deleteAllProperties(): Properties;
  deleteProperty(key: string): Properties;
  getKeys(): string[];
  getProperties(): { [key: string]: string };
  getProperty(key: string): string | null;
  setProperties(properties: { [key: string]: string }): Properties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): Properties;
  setProperty(key: string, value: string): Properties;
}

export interface LockService {
  getDocumentLock(): Lock;
  getScriptLock(): Lock;
  getUserLock(): Lock;
}

export interface Lock {
  hasLock(): boolean;
  releaseLock(): void;
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
}

export interface Session {
  getActiveUser(): User;
  getEffectiveUser(): User;
  getScriptTimeZone(): string;
  getTemporaryActiveUserKey(): string;
}

export interface Utilities {
  Charset: typeof GoogleAppsScript.Utilities.Charset;
  DigestAlgorithm: typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  base64Decode(encoded: string): number[];
  base64DecodeWebSafe(encoded: string): number[];
  base64Encode(data: number[]): string;
  base64Encode(data: string): string;
  base64EncodeWebSafe(data: number[]): string;
  base64EncodeWebSafe(data: string): string;
  computeDigest(algorithm: DigestAlgorithm, value: number[]): number[];
  computeDigest(algorithm: DigestAlgorithm, value: string): number[];
  computeHmacSha256Signature(value: number[], key: number[]): number[];
  computeHmacSha256Signature(value: string, key: string): number[];
  formatDate(date: Date, timeZone: string, format: string): string;
  getUuid(): string;
  sleep(milliseconds: number): void;
}

export interface ScriptApp {
  AuthMode: typeof GoogleAppsScript.Script.AuthMode;
  AuthorizationStatus: typeof GoogleAppsScript.Script.AuthorizationStatus;
  EventType: typeof GoogleAppsScript.Script.EventType;
  TriggerSource: typeof GoogleAppsScript.Script.TriggerSource;
  deleteTrigger(trigger: Trigger): void;
  getAuthorizationInfo(authMode: AuthMode): AuthorizationInfo;
  getProjectTriggers(): Trigger[];
  newTrigger(functionName: string): TriggerBuilder;
}

export interface AuthorizationInfo {
  getAuthorizationStatus(): AuthorizationStatus;
}

export interface TriggerBuilder {
  forSpreadsheet(sheet: Spreadsheet): SpreadsheetTriggerBuilder;
  timeBased(): ClockTriggerBuilder;
}

export interface ClockTriggerBuilder {
  create(): Trigger;
  everyHours(n: number): ClockTriggerBuilder;
  everyMinutes(n: number): ClockTriggerBuilder;
}

export interface SpreadsheetTriggerBuilder {
  create(): Trigger;
  onEdit(): SpreadsheetTriggerBuilder;
  onOpen(): SpreadsheetTriggerBuilder;
}

export interface Trigger {
  getEventType(): EventType;
  getHandlerFunction(): string;
  getTriggerSource(): TriggerSource;
  getTriggerSourceId(): string;
  getUniqueId(): string;
}

export interface Charts {
  ChartType: typeof GoogleAppsScript.Charts.ChartType;
}

/** `getThreadById` and `getUserLabelByName` give null for unknown names (FAKES §11 rule 8). */
export interface GmailApp {
  createDraft(recipient: string, subject: string, body: string): GmailDraft;
  createDraft(recipient: string, subject: string, body: string, options: GmailAdvancedOptions): GmailDraft;
  createLabel(name: string): GmailLabel;
  getMessageById(id: string): GmailMessage;
  /** Every message of each thread, oldest first, in one call (GmailApp reference). */
  getMessagesForThreads(threads: GmailThread[]): GmailMessage[][];
  getThreadById(id: string): GmailThread | null;
  getUserLabelByName(name: string): GmailLabel | null;
  search(query: string): GmailThread[];
  search(query: string, start: number, max: number): GmailThread[];
}

export interface GmailDraft {
  getId(): string;
  send(): GmailMessage;
}

export interface GmailMessage {
  getBody(): string;
  getCc(): string;
  getDate(): GasDate;
  getFrom(): string;
  getHeader(name: string): string;
  getId(): string;
  getPlainBody(): string;
  getRawContent(): string;
  getReplyTo(): string;
  getSubject(): string;
  getThread(): GmailThread;
  getTo(): string;
  isDraft(): boolean;
  isInInbox(): boolean;
}

export interface GmailThread {
  addLabel(label: GmailLabel): GmailThread;
  createDraftReply(body: string): GmailDraft;
  createDraftReply(body: string, options: GmailReplyOptions): GmailDraft;
  getFirstMessageSubject(): string;
  getId(): string;
  getLabels(): GmailLabel[];
  getLastMessageDate(): GasDate;
  getMessageCount(): number;
  getMessages(): GmailMessage[];
  reply(body: string): GmailThread;
  reply(body: string, options: GmailAdvancedOptions): GmailThread;
  replyAll(body: string): GmailThread;
  replyAll(body: string, options: GmailAdvancedOptions): GmailThread;
}

export interface GmailLabel {
  getName(): string;
}

export interface MailApp {
  getRemainingDailyQuota(): number;
  sendEmail(recipient: string, subject: string, body: string): void;
  sendEmail(recipient: string, subject: string, body: string, options: MailAdvancedParameters): void;
}

/** The Apps Script globals the add-on reads, gathered in one record (see `services.ts`). */
export interface AppsScript {
  SpreadsheetApp: SpreadsheetApp;
  Charts: Charts;
  HtmlService: HtmlService;
  PropertiesService: PropertiesService;
  LockService: LockService;
  Session: Session;
  Utilities: Utilities;
  ScriptApp: ScriptApp;
  GmailApp: GmailApp;
  MailApp: MailApp;
}
