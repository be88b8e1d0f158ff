import { gasError } from './errors';

/** Apps Script's generic transient error (FAKES §0), the default injected failure. */
export const SERVER_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";
/** What Apps Script reports when it stops an execution (the end of a cut-off run). */
export const CUT_OFF = 'Exceeded maximum execution time';

/**
 * Fault injection: makes one counted service call throw an Apps Script error, to prove that an action
 * interrupted at any call leaves the world consistent (record-then-send, idempotent reply handling).
 *
 * Every call through a counted proxy (see `calls.ts`) passes `check` after it is recorded, so a
 * failed call still shows in `env.calls`. A planned failure fires once, then is forgotten.
 *
 * - `env.faults.failCall(n, message?)`: the n-th counted call from now throws (1 = the next call).
 * - `env.faults.failNext(method, message?)`: the next call of `method` ("GmailDraft.send") throws.
 * - `env.faults.cutAfter(n)`: the run is cut off just after the n-th call from now — that call takes
 *   effect and every later one throws, as when Apps Script stops an execution (no code runs after it,
 *   so no catch can carry on), until `clear`.
 * - `env.faults.callCount`: counted calls so far (unlike `env.calls`, never reset).
 * - `env.faults.callsDuring(body)`: how many counted calls `body` makes.
 * - `env.faults.traceDuring(body)`: their names, in order (`callSites` picks call numbers that reach
 *   every call site, for runs too long to fail call by call).
 * - `env.faults.injected`: the failures that fired, in order.
 *
 * Every point of failure of an action, each in a fresh world:
 *
 *   const total = newEnv().faults.callsDuring(() => action(env));   // on a probe environment
 *   for (let n = 1; n <= total; n++) {
 *     const env = newEnv();
 *     env.faults.failCall(n);
 *     expect(() => action(env)).toThrow(SERVER_ERROR);   // or the action reports it
 *     checkInvariants(env);   // e.g. env.mail.sent() matches the request rows
 *   }
 */
export class FaultInjector {
  private seen = 0;
  /** Every counted call's name, in order, while `traceDuring` runs. */
  private trace: string[] | null = null;
  private readonly atCall = new Map<number, string>();
  private readonly byMethod: { method: string; message: string }[] = [];
  private cutAt: number | null = null;
  readonly injected: { call: number; method: string; message: string }[] = [];

  get callCount(): number {
    return this.seen;
  }

  failCall(n: number, message: string = SERVER_ERROR): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failCall needs a call number of 1 or more, not ${n}`);
    this.atCall.set(this.seen + n, message);
  }

  failNext(method: string, message: string = SERVER_ERROR): void {
    this.byMethod.push({ method, message });
  }

  cutAfter(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new Error(`cutAfter needs a call number of 0 or more, not ${n}`);
    this.cutAt = this.seen + n;
  }

  /** Forgets every planned failure that has not fired, and ends a cut-off. */
  clear(): void {
    this.cutAt = null;
    this.atCall.clear();
    this.byMethod.length = 0;
  }

  /** Planned failures that have not fired yet. */
  get pending(): number {
    return this.atCall.size + this.byMethod.length + (this.cutAt === null ? 0 : 1);
  }

  /** The names of the counted calls `body` makes, in order (to pick one call of each call site). */
  traceDuring(body: () => unknown): string[] {
    const trace: string[] = [];
    this.trace = trace;
    try {
      body();
    } finally {
      this.trace = null;
    }
    return trace;
  }

  callsDuring(body: () => unknown): number {
    const before = this.seen;
    body();
    return this.seen - before;
  }

  /** Called by the counted proxies for each call, with its `Type.method` name. */
  check(name: string): void {
    this.seen += 1;
    this.trace?.push(name);
    if (this.cutAt !== null && this.seen > this.cutAt) {
      this.injected.push({ call: this.seen, method: name, message: CUT_OFF });
      throw gasError(CUT_OFF);
    }
    let message = this.atCall.get(this.seen);
    if (message !== undefined) this.atCall.delete(this.seen);
    else {
      const at = this.byMethod.findIndex((f) => f.method === name);
      if (at >= 0) {
        message = this.byMethod[at]?.message;
        this.byMethod.splice(at, 1);
      }
    }
    if (message === undefined) return;
    this.injected.push({ call: this.seen, method: name, message });
    throw gasError(message);
  }
}

/**
 * 1-based call numbers that reach every call site of a trace: the first call of each method, and every
 * call matching `every` (the sends, say, where a cut matters most).
 */
export function callSites(trace: readonly string[], every: RegExp = /$^/): number[] {
  const seen = new Set<string>();
  return trace.flatMap((name, i) => {
    const pick = !seen.has(name) || every.test(name);
    seen.add(name);
    return pick ? [i + 1] : [];
  });
}
