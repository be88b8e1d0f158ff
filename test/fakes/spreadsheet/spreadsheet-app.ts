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
  ) {}

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
