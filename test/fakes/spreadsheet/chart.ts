import type { ChartType, EmbeddedChart, EmbeddedChartBuilder, Range } from '../../../src/gas/apps-script';
import { unwrap } from '../calls';
import { signatureError } from '../errors';
import type { SpreadsheetContext } from './context';
import { FakeRange, rangeArgument } from './range';
import type { ChartState } from './state';

/**
 * Charts are recorded, not drawn: type, ranges, position and options, so that tests and the
 * playground can check what a leader would see. `build()` does not insert the chart (FAKES §1.12).
 */
export class FakeEmbeddedChart implements EmbeddedChart {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly state: ChartState,
    readonly inserted: boolean,
  ) {}

  static stateOf(chart: unknown, method: string): ChartState {
    const raw = unwrap(chart);
    if (!(raw instanceof FakeEmbeddedChart)) throw signatureError([chart], method);
    return raw.state;
  }

  getChartId(): number | null {
    return this.inserted ? this.state.id : null;
  }
  getRanges(): Range[] {
    return this.state.ranges.map((r) => this.ctx.wrap(new FakeRange(this.ctx, r), 'Range'));
  }
  modify(): EmbeddedChartBuilder {
    return this.ctx.wrap(
      new FakeEmbeddedChartBuilder(this.ctx, structuredClone(this.state)),
      'EmbeddedChartBuilder',
    );
  }
}

export class FakeEmbeddedChartBuilder implements EmbeddedChartBuilder {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly state: ChartState,
  ) {}

  private self(): EmbeddedChartBuilder {
    return this.ctx.wrap(this, 'EmbeddedChartBuilder');
  }
  addRange(range: Range): EmbeddedChartBuilder {
    this.state.ranges.push({ ...rangeArgument(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange').grid });
    return this.self();
  }
  setChartType(type: ChartType): EmbeddedChartBuilder {
    this.state.chartType = String(type);
    return this.self();
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.state.options[option] = value;
    return this.self();
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  build(): EmbeddedChart {
    return this.ctx.wrap(
      new FakeEmbeddedChart(this.ctx, structuredClone(this.state), false),
      'EmbeddedChart',
    );
  }
}
