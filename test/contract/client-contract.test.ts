import { describe, expect, it } from '@jest/globals';
import { createScriptRun, type Transport } from '../../playground/script-run';
import { resultForSidebar } from '../../playground/transfer';
import { clientCases, runClientCase } from './client-cases';
import { contractServerFunctions } from './server-functions';

/** The playground's path: the stand-in in the browser, the server function, the result check. */
const transport: Transport = (functionName, args) => {
  const fn = contractServerFunctions[functionName as keyof typeof contractServerFunctions] as (
    ...a: unknown[]
  ) => unknown;
  try {
    return Promise.resolve({ ok: true, value: resultForSidebar(functionName, fn(...args), () => undefined) });
  } catch (error) {
    return Promise.resolve({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

describe(`google.script.run contract against the playground stand-in (${clientCases.length} cases)`, () => {
  it.each(clientCases.map((c) => [c.id, c] as const))('%s', async (_id, clientCase) => {
    const result = await runClientCase(createScriptRun(transport), clientCase);
    expect(result.error).toBeNull();
  });
});
