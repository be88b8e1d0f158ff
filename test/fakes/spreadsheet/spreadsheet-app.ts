import type {
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  Spreadsheet,
  SpreadsheetApp,
  Ui,
} from '../../../src/gas/apps-script';
import * as enums from '../enums';
import { FakeConditionalFormatRuleBuilder } from './conditional-format';
import type { SpreadsheetContext } from './context';
import { FakeDataValidationBuilder } from './data-validation';
import { SpreadsheetModel } from './model';
import { FakeSpreadsheet } from './spreadsheet';
import { newSpreadsheetState, type SpreadsheetState } from './state';
import { gasError } from '../errors';
import { sameUser } from './model';

/** The scope `openById` needs: `spreadsheets.currentonly` only reaches the active file (FAKES §1.13). */
export const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export const openByIdMessages = {
  // peterherrmann/BetterLog#29 quotes this text for openById under `spreadsheets.currentonly`.
  scope: `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SPREADSHEETS_SCOPE}`,
  // The text Apps Script gives for an ID it cannot open (deleted, never shared or access removed), as
  // widely reported (e.g. Stack Overflow "Unexpected error while getting the method or property
  // openById"); the contract case `spreadsheet/open-by-id-missing` checks it on a real account.
  missing: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
} as const;

/** What `openById` needs from the world: every file in the Drive and the scopes granted. */
export interface Drive {
  files(): SpreadsheetState[];
  scopes: readonly string[];
}

export class FakeSpreadsheetApp implements SpreadsheetApp {
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
  readonly ProtectionType = enums.ProtectionType;

  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly hasDocument: boolean,
    /** Other spreadsheets in the user's Drive, where `create` puts new ones. */
    private readonly files: SpreadsheetState[],
    private readonly drive: Drive = { files: () => files, scopes: [SPREADSHEETS_SCOPE] },
  ) {}

  /**
   * A spreadsheet by ID, where the user can see it, under the full `spreadsheets` scope only. It is
   * only the file: it gives no document context (no Document properties, no document lock), as
   * `PropertiesService.getDocumentProperties()` names "the open document" (PropertiesService
   * reference) and openById opens none.
   */
  openById(id: string): Spreadsheet {
    if (!this.drive.scopes.includes(SPREADSHEETS_SCOPE)) throw gasError(openByIdMessages.scope);
    const state = this.drive.files().find((f) => f.id === id);
    const user = this.ctx.user;
    const reaches =
      state && [state.owner, ...state.editors, ...state.viewers].some((person) => sameUser(person, user));
    if (!state || !reaches) throw gasError(openByIdMessages.missing);
    const model = new SpreadsheetModel(state, this.ctx.model.now);
    return this.ctx.wrap(new FakeSpreadsheet({ ...this.ctx, model }), 'Spreadsheet');
  }

  /** A new spreadsheet in the user's Drive (needs the full spreadsheets scope in Apps Script). */
  create(name: string): Spreadsheet {
    const state = newSpreadsheetState({
      id: `1FakeCreated${String(this.files.length + 1).padStart(32, '0')}`,
      name,
      owner: this.ctx.user,
      timeZone: this.ctx.model.state.timeZone,
    });
    this.files.push(state);
    const model = new SpreadsheetModel(state, this.ctx.model.now);
    return this.ctx.wrap(new FakeSpreadsheet({ ...this.ctx, model }), 'Spreadsheet');
  }

  /** Null where the execution has no document, as for a standalone script. */
  getActiveSpreadsheet(): Spreadsheet | null {
    return this.hasDocument ? this.ctx.wrap(new FakeSpreadsheet(this.ctx), 'Spreadsheet') : null;
  }

  getUi(): Ui {
    return this.ctx.ui();
  }

  /** Writes are applied at once in the fake, so there is nothing to flush; the call is still counted. */
  flush(): void {}

  newDataValidation(): DataValidationBuilder {
    return this.ctx.wrap(new FakeDataValidationBuilder(this.ctx), 'DataValidationBuilder');
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return this.ctx.wrap(new FakeConditionalFormatRuleBuilder(this.ctx), 'ConditionalFormatRuleBuilder');
  }
}
