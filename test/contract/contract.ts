import type { AppsScript, Sheet, Spreadsheet } from '../../src/gas/apps-script';

/**
 * The platform contract: rules of Apps Script that the add-on relies on, written once as plain
 * functions with no test-runner API, so the same cases run against the fakes (in jest) and inside real
 * Apps Script. Each case records what it observed, so that a rule marked unconfirmed in
 * `reference/FAKES.md` can be settled by one real run.
 */
export interface ContractCase {
  /** Stable id, `area/what`. */
  id: string;
  /** The rule, as one sentence. */
  rule: string;
  /** Where the rule comes from (a FAKES.md section). */
  source: string;
  /** True while the rule has not been observed in real Apps Script. */
  unconfirmed?: true;
  run(t: ContractTools): void;
}

export interface ContractTools {
  gas: AppsScript;
  spreadsheet: Spreadsheet;
  /** A new empty sheet, removed with the scratch spreadsheet. */
  newSheet(): Sheet;
  observe(label: string, value: unknown): void;
  equal(actual: unknown, expected: unknown, label: string): void;
  ok(condition: boolean, label: string): void;
  /** Asserts that `body` throws; `message` is matched against the error text and returned. */
  throws(body: () => unknown, message: string | RegExp, label: string): string;
}

export class ContractFailure extends Error {
  override name = 'ContractFailure';
}

export interface CaseResult {
  id: string;
  passed: boolean;
  error: string | null;
  observations: { label: string; value: string }[];
}

export function runCase(
  contractCase: ContractCase,
  context: { gas: AppsScript; spreadsheet: Spreadsheet; newSheet(): Sheet },
): CaseResult {
  const observations: CaseResult['observations'] = [];
  const observe = (label: string, value: unknown) => observations.push({ label, value: show(value) });
  const tools: ContractTools = {
    ...context,
    observe,
    equal(actual, expected, label) {
      observe(label, actual);
      if (!deepEqual(actual, expected))
        throw new ContractFailure(`${label}: expected ${show(expected)}, got ${show(actual)}`);
    },
    ok(condition, label) {
      observe(label, condition);
      if (!condition) throw new ContractFailure(`${label}: expected true`);
    },
    throws(body, message, label) {
      let thrown: unknown = null;
      let threw = false;
      try {
        body();
      } catch (e) {
        threw = true;
        thrown = e;
      }
      const text = thrown instanceof Error ? thrown.message : String(thrown);
      observe(label, threw ? `threw: ${text}` : 'did not throw');
      if (!threw) throw new ContractFailure(`${label}: expected an error`);
      const matches = typeof message === 'string' ? text.includes(message) : message.test(text);
      if (!matches)
        throw new ContractFailure(`${label}: expected an error matching ${String(message)}, got "${text}"`);
      return text;
    },
  };
  try {
    contractCase.run(tools);
    return { id: contractCase.id, passed: true, error: null, observations };
  } catch (e) {
    return {
      id: contractCase.id,
      passed: false,
      error: e instanceof Error ? e.message : String(e),
      observations,
    };
  }
}

function show(value: unknown): string {
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Structural equality with Dates compared by time; written out because Apps Script has no library. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]))
    );
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return Object.is(a, b);
}
