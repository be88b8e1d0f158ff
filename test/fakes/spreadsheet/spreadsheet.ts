import type {
  DeveloperMetadataFinder,
  DeveloperMetadataVisibility,
  NamedRange,
  Protection,
  ProtectionType,
  Range,
  Sheet,
  Spreadsheet,
  User,
} from '../../../src/gas/apps-script';
import { gasError, signatureError } from '../errors';
import { FakeUser } from '../user';
import { parseA1 } from './a1';
import type { SpreadsheetContext } from './context';
import { FakeDeveloperMetadataFinder, metadataScope } from './developer-metadata';
import { assertValidRangeName, FakeNamedRange } from './named-range';
import { FakeProtection } from './protection';
import { FakeRange, metadataArguments, rangeArgument } from './range';
import { checkedGrid, FakeSheet } from './sheet';

export class FakeSpreadsheet implements Spreadsheet {
  constructor(private readonly ctx: SpreadsheetContext) {}

  private sheet(id: number): Sheet {
    return this.ctx.wrap(new FakeSheet(this.ctx, id), 'Sheet');
  }

  getId(): string {
    return this.ctx.model.state.id;
  }
  getName(): string {
    return this.ctx.model.state.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ctx.model.state.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.ctx.model.state.timeZone;
  }
  /** "en_US", "es_MX"…: the spreadsheet's locale (File › Settings), which sets date and number formats. */
  getSpreadsheetLocale(): string {
    return this.ctx.model.state.locale ?? 'en_US';
  }
  /**
   * Sharing (FAKES §1.14): an editor added as a viewer stays an editor; a viewer added as an editor is
   * promoted. An address that is not an email is refused with Apps Script's message.
   */
  addViewer(emailAddress: string): Spreadsheet {
    const email = shareAddress(emailAddress);
    const state = this.ctx.model.state;
    if (
      email !== state.owner.toLowerCase() &&
      !state.editors.includes(email) &&
      !state.viewers.includes(email)
    )
      state.viewers.push(email);
    return this.ctx.wrap(this, 'Spreadsheet');
  }

  addEditor(emailAddress: string): Spreadsheet {
    const email = shareAddress(emailAddress);
    const state = this.ctx.model.state;
    state.viewers = state.viewers.filter((v) => v !== email);
    if (email !== state.owner.toLowerCase() && !state.editors.includes(email)) state.editors.push(email);
    return this.ctx.wrap(this, 'Spreadsheet');
  }

  getViewers(): User[] {
    return this.ctx.model.state.viewers.map((v) => this.ctx.wrap(new FakeUser(v), 'User'));
  }

  getEditors(): User[] {
    const state = this.ctx.model.state;
    return [state.owner, ...state.editors].map((e) => this.ctx.wrap(new FakeUser(e), 'User'));
  }

  getOwner(): User | null {
    return this.ctx.wrap(new FakeUser(this.ctx.model.state.owner), 'User');
  }

  getSheets(): Sheet[] {
    return this.ctx.model.state.sheets.map((s) => this.sheet(s.id));
  }

  getSheetByName(name: string): Sheet | null {
    const state = this.ctx.model.sheetByName(name);
    return state ? this.sheet(state.id) : null;
  }

  /** Without an index the new sheet goes after the active one; either way it becomes active. */
  insertSheet(sheetName: string, sheetIndex?: number): Sheet {
    if (typeof sheetName !== 'string')
      throw signatureError([sheetName], 'SpreadsheetApp.Spreadsheet.insertSheet');
    const { model } = this.ctx;
    const activeIndex = model.state.sheets.findIndex((s) => s.id === model.state.activeSheetId);
    return this.sheet(model.insertSheet(sheetName, sheetIndex ?? activeIndex + 1).id);
  }

  getRange(a1Notation: string): Range {
    const a1 = parseA1(a1Notation);
    const { model } = this.ctx;
    const sheet =
      a1.sheetName === null ? model.sheet(model.state.activeSheetId) : model.sheetByName(a1.sheetName);
    if (!sheet) throw gasError('Range not found');
    const grid = checkedGrid(
      sheet,
      a1.row,
      a1.column,
      (a1.lastRow ?? sheet.maxRows) - a1.row + 1,
      (a1.lastColumn ?? sheet.maxColumns) - a1.column + 1,
    );
    return this.ctx.wrap(new FakeRange(this.ctx, grid), 'Range');
  }

  getRangeByName(name: string): Range | null {
    const entry = this.ctx.model.state.namedRanges.find((n) => n.name === name);
    return entry ? this.ctx.wrap(new FakeRange(this.ctx, entry.range), 'Range') : null;
  }

  setNamedRange(name: string, range: Range): void {
    assertValidRangeName(name);
    const grid = { ...rangeArgument(range, 'SpreadsheetApp.Spreadsheet.setNamedRange').grid };
    const list = this.ctx.model.state.namedRanges;
    const existing = list.find((n) => n.name === name);
    if (existing) existing.range = grid;
    else list.push({ name, range: grid });
  }

  getNamedRanges(): NamedRange[] {
    return this.ctx.model.state.namedRanges.map((n) =>
      this.ctx.wrap(new FakeNamedRange(this.ctx, n.name), 'NamedRange'),
    );
  }

  getProtections(type: ProtectionType): Protection[] {
    return this.ctx.model.state.protections
      .filter((p) => p.type === String(type))
      .map((p) => this.ctx.wrap(new FakeProtection(this.ctx, p.id), 'Protection'));
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: DeveloperMetadataVisibility,
  ): Spreadsheet {
    const [value, vis] = metadataArguments(valueOrVisibility, visibility);
    this.ctx.model.addMetadata(this.ctx.model.state.metadata, key, value, vis);
    return this.ctx.wrap(this, 'Spreadsheet');
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this.ctx.wrap(
      new FakeDeveloperMetadataFinder(this.ctx, metadataScope.spreadsheet()),
      'DeveloperMetadataFinder',
    );
  }

  toast(msg: string, title = '', timeoutSeconds: number | null = null): void {
    this.ctx.toast(String(msg), String(title), timeoutSeconds);
  }
}

function shareAddress(value: unknown): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email))
    throw gasError(`Invalid email: ${String(value)}`);
  return email;
}
