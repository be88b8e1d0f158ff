import type { NamedRange, Range } from '../../../src/gas/apps-script';
import { gasError } from '../errors';
import type { SpreadsheetContext } from './context';
import { FakeRange } from './range';

/** Letters, digits and underscores; not starting with a digit; not TRUE/FALSE; not like a cell reference. */
export function assertValidRangeName(name: string): void {
  const valid =
    /^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  if (!valid) throw gasError(`The name "${name}" is not a valid range name.`);
}

export class FakeNamedRange implements NamedRange {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly name: string,
  ) {}

  private index(): number {
    const at = this.ctx.model.state.namedRanges.findIndex((n) => n.name === this.name);
    if (at < 0) throw gasError('The named range was removed.');
    return at;
  }

  getName(): string {
    return this.name;
  }
  getRange(): Range {
    const entry = this.ctx.model.state.namedRanges[this.index()];
    if (!entry) throw gasError('The named range was removed.');
    return this.ctx.wrap(new FakeRange(this.ctx, entry.range), 'Range');
  }
  remove(): void {
    this.ctx.model.state.namedRanges.splice(this.index(), 1);
  }
}
