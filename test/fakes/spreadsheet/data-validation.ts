import type {
  DataValidation,
  DataValidationBuilder,
  DataValidationCriteria,
} from '../../../src/gas/apps-script';
import { unwrap } from '../calls';
import { gasError, signatureError } from '../errors';
import type { SpreadsheetContext } from './context';
import type { ValidationState } from './state';

/** A built rule: immutable (frozen), shared by every cell it is applied to and by copies of the world. */
export class FakeDataValidation implements DataValidation {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly state: ValidationState,
  ) {}

  static stateOf(rule: unknown): ValidationState {
    const raw = unwrap(rule);
    if (!(raw instanceof FakeDataValidation))
      throw signatureError([rule], 'SpreadsheetApp.Range.setDataValidation');
    return raw.state;
  }

  copy(): DataValidationBuilder {
    return this.ctx.wrap(new FakeDataValidationBuilder(this.ctx, { ...this.state }), 'DataValidationBuilder');
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getCriteriaType(): DataValidationCriteria {
    return this.state.criteria as unknown as DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.state.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }
  getHelpText(): string {
    return this.state.helpText;
  }
}

/** `allowInvalid` defaults to true (a warning only), as in Sheets. */
export class FakeDataValidationBuilder implements DataValidationBuilder {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private state: ValidationState = { criteria: '', values: [], allowInvalid: true, helpText: '' },
  ) {}

  private set(criteria: string, values: unknown[]): DataValidationBuilder {
    this.state = { ...this.state, criteria, values };
    return this.ctx.wrap(this, 'DataValidationBuilder');
  }

  requireCheckbox(): DataValidationBuilder {
    return this.set('CHECKBOX', []);
  }
  requireDate(): DataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    if (typeof start !== 'number' || typeof end !== 'number') {
      throw signatureError([start, end], 'SpreadsheetApp.DataValidationBuilder.requireNumberBetween');
    }
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): DataValidationBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values))
      throw signatureError([values], 'SpreadsheetApp.DataValidationBuilder.requireValueInList');
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.state = { ...this.state, allowInvalid: allowInvalidData };
    return this.ctx.wrap(this, 'DataValidationBuilder');
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.state = { ...this.state, helpText };
    return this.ctx.wrap(this, 'DataValidationBuilder');
  }
  build(): DataValidation {
    if (this.state.criteria === '') throw gasError('You must specify a validation criteria.');
    return this.ctx.wrap(new FakeDataValidation(this.ctx, frozenRule(this.state)), 'DataValidation');
  }
}

function frozenRule(state: ValidationState): ValidationState {
  const values = state.values.map((v) => (Array.isArray(v) ? Object.freeze([...v]) : v));
  return Object.freeze({ ...state, values: Object.freeze(values) as unknown[] });
}
