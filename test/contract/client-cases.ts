import { deepEqual, type CaseResult } from './contract';

/**
 * The google.script.run contract (FAKES.md §3.2): what crosses between the sidebar and the server. It
 * runs in a browser: in jest against the playground's stand-in, and in real Apps Script from a dialog
 * of the contract build, against the real google.script.run.
 */
export interface ClientCase {
  id: string;
  rule: string;
  source: string;
  unconfirmed?: true;
  functionName: 'contractEcho' | 'contractDateResult' | 'contractThrow';
  /** Built when the case runs: Dates and functions cannot be written as data. */
  args: () => unknown[];
  expect: { handler: 'success'; value: unknown } | { handler: 'failure'; message?: string };
}

const source = 'FAKES.md §3.2';

export const clientCases: readonly ClientCase[] = [
  {
    id: 'run/plain-values-arrive-copied',
    rule: 'Strings, numbers, booleans, null, arrays and plain objects arrive as sent.',
    source,
    functionName: 'contractEcho',
    args: () => [{ text: 'a', n: 1.5, yes: true, none: null, list: [1, 'two'] }],
    expect: { handler: 'success', value: { text: 'a', n: 1.5, yes: true, none: null, list: [1, 'two'] } },
  },
  {
    id: 'run/undefined-in-array-becomes-null',
    rule: 'undefined inside an array arrives as null.',
    source,
    functionName: 'contractEcho',
    args: () => [[1, undefined, 3]],
    expect: { handler: 'success', value: [1, null, 3] },
  },
  {
    id: 'run/date-argument-fails',
    rule: 'A Date argument makes the call fail.',
    source,
    functionName: 'contractEcho',
    args: () => [new Date(0)],
    expect: { handler: 'failure' },
  },
  {
    id: 'run/function-argument-fails',
    rule: 'A function argument makes the call fail.',
    source,
    functionName: 'contractEcho',
    args: () => [{ callback: () => 1 }],
    expect: { handler: 'failure' },
  },
  {
    id: 'run/class-instance-argument-arrives-plain',
    rule:
      'A class instance argument arrives as a plain object holding its own data properties (its methods ' +
      'and prototype stay behind).',
    source:
      'HTML service guide: parameters may be "objects composed of primitives, objects and arrays"; ' +
      'FAKES.md §3.2; issue 12 (corrects the earlier stricter case)',
    unconfirmed: true,
    functionName: 'contractEcho',
    args: () => [
      new (class Score {
        readonly value = 3;
        twice(): number {
          return this.value * 2;
        }
      })(),
    ],
    expect: { handler: 'success', value: { value: 3 } },
  },
  {
    id: 'run/date-in-result-gives-null',
    rule: 'A result holding a Date reaches the success handler as null.',
    source,
    functionName: 'contractDateResult',
    args: () => [],
    expect: { handler: 'success', value: null },
  },
  {
    id: 'run/server-error-reaches-failure-handler',
    rule: 'An error thrown on the server reaches the failure handler with its message.',
    source,
    functionName: 'contractThrow',
    args: () => [],
    expect: { handler: 'failure', message: 'Thrown on purpose by the contract' },
  },
];

type Runner = Record<string, (...args: unknown[]) => unknown>;

/** Runs one case through a google.script.run object (the real one, or the playground's stand-in). */
export function runClientCase(run: unknown, clientCase: ClientCase): Promise<CaseResult> {
  return new Promise((resolve) => {
    const observations: CaseResult['observations'] = [];
    const finish = (handler: 'success' | 'failure', value: unknown) => {
      const shown =
        handler === 'failure'
          ? `failure: ${value instanceof Error ? value.message : String(value)}`
          : `success: ${JSON.stringify(value)}`;
      observations.push({ label: 'outcome', value: shown });
      const expected = clientCase.expect;
      let error: string | null = null;
      if (handler !== expected.handler) error = `expected the ${expected.handler} handler, got ${shown}`;
      else if (expected.handler === 'success' && !deepEqual(value, expected.value)) {
        error = `expected ${JSON.stringify(expected.value)}, got ${JSON.stringify(value)}`;
      } else if (expected.handler === 'failure' && expected.message && !shown.includes(expected.message)) {
        error = `expected a message containing "${expected.message}", got ${shown}`;
      }
      resolve({ id: clientCase.id, passed: error === null, error, observations });
    };
    try {
      const runner = (run as Runner)['withSuccessHandler']?.((v: unknown) => finish('success', v)) as
        Runner | undefined;
      const withFailure = runner?.['withFailureHandler']?.((e: unknown) => finish('failure', e)) as
        Runner | undefined;
      const target = withFailure?.[clientCase.functionName];
      if (typeof target !== 'function')
        throw new Error(`google.script.run has no ${clientCase.functionName}`);
      target(...clientCase.args());
    } catch (error) {
      // Some real runtimes refuse bad arguments by throwing at once rather than calling the failure handler.
      finish('failure', error);
    }
  });
}
