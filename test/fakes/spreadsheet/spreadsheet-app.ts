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
import { FakeSpreadsheet } from './spreadsheet';

export class FakeSpreadsheetApp implements SpreadsheetApp {
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
  readonly ProtectionType = enums.ProtectionType;

  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly hasDocument: boolean,
  ) {}

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
