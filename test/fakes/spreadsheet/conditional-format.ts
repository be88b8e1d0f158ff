import type {
  BooleanCondition,
  BooleanCriteria,
  ConditionalFormatRule,
  ConditionalFormatRuleBuilder,
  Range,
} from '../../../src/gas/apps-script';
import { unwrap } from '../calls';
import { gasError, signatureError } from '../errors';
import type { SpreadsheetContext } from './context';
import { FakeRange, rangeArgument } from './range';
import type { ConditionalRuleState } from './state';

export class FakeConditionalFormatRule implements ConditionalFormatRule {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly state: ConditionalRuleState,
  ) {}

  static stateOf(rule: unknown): ConditionalRuleState {
    const raw = unwrap(rule);
    if (!(raw instanceof FakeConditionalFormatRule)) {
      throw signatureError([rule], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    }
    return raw.state;
  }

  getBooleanCondition(): BooleanCondition | null {
    return this.ctx.wrap(new FakeBooleanCondition(this.state), 'BooleanCondition');
  }

  getRanges(): Range[] {
    return this.state.ranges.map((r) => this.ctx.wrap(new FakeRange(this.ctx, r), 'Range'));
  }
}

class FakeBooleanCondition implements BooleanCondition {
  constructor(private readonly state: ConditionalRuleState) {}
  getBackground(): string | null {
    return this.state.background;
  }
  getCriteriaType(): BooleanCriteria {
    return this.state.criteria as unknown as BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
}

export class FakeConditionalFormatRuleBuilder implements ConditionalFormatRuleBuilder {
  private state: ConditionalRuleState = {
    ranges: [],
    criteria: '',
    values: [],
    background: null,
    fontColor: null,
    bold: null,
  };

  constructor(private readonly ctx: SpreadsheetContext) {}

  private self(change: Partial<ConditionalRuleState>): ConditionalFormatRuleBuilder {
    this.state = { ...this.state, ...change };
    return this.ctx.wrap(this, 'ConditionalFormatRuleBuilder');
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this.self({ criteria: 'CUSTOM_FORMULA', values: [formula] });
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this.self({ criteria: 'TEXT_EQUAL_TO', values: [text] });
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    return this.self({ background: color });
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    return this.self({ fontColor: color });
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    return this.self({ bold });
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    return this.self({
      ranges: ranges.map((r) => ({
        ...rangeArgument(r, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges').grid,
      })),
    });
  }
  build(): ConditionalFormatRule {
    if (this.state.criteria === '') throw gasError('A conditional format rule must have a condition.');
    if (this.state.ranges.length === 0)
      throw gasError('A conditional format rule must have at least one range.');
    return this.ctx.wrap(new FakeConditionalFormatRule(this.ctx, { ...this.state }), 'ConditionalFormatRule');
  }
}
