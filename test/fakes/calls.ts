/**
 * Call counting for the benchmarks, and the boundary between a fake's internals and its callers.
 *
 * Each fake object handed to code under test is wrapped in a proxy that records `Type.method` before
 * the call and runs the method on the unwrapped object, so calls the fakes make among themselves are
 * not counted. The same object always gets the same proxy.
 *
 * Order per call: the guard may refuse it (not counted), then it is recorded, then the fault injector
 * (`faults.ts`, `env.faults`) may make it throw an Apps Script error once, then it runs.
 *
 * A fake that acts on one sheet (a Range, a Sheet) names it in `countedSheet`, read before the call
 * runs (so a rename or a deletion is charged to the sheet it acted on); the record carries it, and
 * `sheet-access.ts` counts each sheet's reads and writes from the sequence.
 */
const MAX_SEQUENCE = 200_000;

export interface CallRecord {
  name: string;
  /** The sheet a Range or Sheet call acted on (its name), else absent. */
  sheet?: string;
  /** Cells moved (a grid read or written) or items returned (threads, messages); 0 for most calls. */
  cells: number;
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly cellCounts = new Map<string, number>();
  /** Every call in order, for a cost model that depends on order (a read after writes flushes them). */
  readonly sequence: CallRecord[] = [];

  record(name: string, sheet?: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    // Bounded, so a long-lived world (the playground) does not grow without end; benches reset first.
    if (this.sequence.length < MAX_SEQUENCE)
      this.sequence.push(sheet === undefined ? { name, cells: 0 } : { name, sheet, cells: 0 });
  }

  /** Cells moved by a bulk read or write (getValues, setValues, setNumberFormats, …), for the cost model. */
  recordCells(name: string, cells: number): void {
    this.cellCounts.set(name, (this.cellCounts.get(name) ?? 0) + cells);
    const last = this.sequence[this.sequence.length - 1];
    if (last?.name === name) last.cells += cells;
  }

  cellsByMethod(): Record<string, number> {
    return Object.fromEntries([...this.cellCounts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Counts by `Type.method`, sorted by name. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(filter: (name: string) => boolean = () => true): number {
    let sum = 0;
    for (const [name, count] of this.counts) if (filter(name)) sum += count;
    return sum;
  }

  reset(): void {
    this.counts.clear();
    this.cellCounts.clear();
    this.sequence.length = 0;
  }
}

/** Called before every counted call; throws to refuse it (authorisation, ended executions). */
export type CallGuard = (qualifiedName: string) => void;

/** Sees every counted call after it is recorded, and may fail it (fault injection, `faults.ts`). */
export interface CallInterceptor {
  check(qualifiedName: string): void;
}

/** A fake whose calls act on one sheet: its name, or null when the sheet is gone. */
export interface SheetBound {
  readonly countedSheet: string | null;
}

function sheetOf(target: object): string | undefined {
  if (!('countedSheet' in target)) return undefined;
  return (target as SheetBound).countedSheet ?? undefined;
}

const proxies = new WeakMap<object, object>();
const targets = new WeakMap<object, object>();

export function counted<T extends object>(
  target: T,
  typeName: string,
  log: CallLog,
  guard?: CallGuard,
  faults?: CallInterceptor,
): T {
  const existing = proxies.get(target);
  if (existing) return existing as T;
  // One wrapper per method, made on its first use: code under test asks for methods millions of times.
  const wrappers = new Map<string, { method: unknown; wrapper: (...args: unknown[]) => unknown }>();
  const proxy = new Proxy(target, {
    get(raw, property, receiver) {
      const value: unknown = Reflect.get(raw, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor')
        return value;
      const known = wrappers.get(property);
      if (known?.method === value) return known.wrapper;
      const name = `${typeName}.${property}`;
      const wrapper = (...args: unknown[]) => {
        guard?.(name);
        log.record(name, sheetOf(raw));
        faults?.check(name);
        const result = (value as (...a: unknown[]) => unknown).apply(raw, args);
        // Gmail's lists are priced by what they return: threads from a search, messages per thread.
        const cells =
          gridSize(args[0]) || gridSize(result) || (name.startsWith('GmailApp.') ? listSize(result) : 0);
        if (cells > 0) log.recordCells(name, cells);
        return result;
      };
      wrappers.set(property, { method: value, wrapper });
      return wrapper;
    },
  });
  proxies.set(target, proxy);
  targets.set(proxy, target);
  return proxy;
}

function listSize(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function gridSize(value: unknown): number {
  if (!Array.isArray(value) || !value.every(Array.isArray)) return 0;
  return (value as unknown[][]).reduce((sum, row) => sum + row.length, 0);
}

/** The fake object behind a proxy handed out by `counted` (or the value itself). */
export function unwrap<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return (targets.get(value) as T | undefined) ?? value;
}
