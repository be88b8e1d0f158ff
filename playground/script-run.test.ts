import { describe, expect, it } from '@jest/globals';
import vm from 'node:vm';
import { createScriptRun, untransferable, type Transport } from './script-run';
import { resultForSidebar } from './transfer';

type Runner = Record<string, (...args: unknown[]) => Runner>;

function runner(transport: Transport): Runner {
  return createScriptRun(transport) as Runner;
}

/** Calls `name` through the stand-in and resolves with the handler that fired. */
function callThrough(transport: Transport, name: string, ...args: unknown[]) {
  return new Promise<{ handler: 'success' | 'failure'; value: unknown; userObject: unknown }>((resolve) => {
    const run = runner(transport)
      .withSuccessHandler?.((value: unknown, userObject: unknown) =>
        resolve({ handler: 'success', value, userObject }),
      )
      .withFailureHandler?.((error: unknown, userObject: unknown) =>
        resolve({ handler: 'failure', value: error, userObject }),
      )
      .withUserObject?.({ row: 7 });
    run?.[name]?.(...args);
  });
}

const echo: Transport = (functionName, args) => Promise.resolve({ ok: true, value: { functionName, args } });

describe('the google.script.run stand-in', () => {
  it('passes the result and the user object to the success handler', async () => {
    const outcome = await callThrough(echo, 'getWorkspaceStatus', 'a', 1, [true, undefined], { x: null });
    expect(outcome).toEqual({
      handler: 'success',
      value: { functionName: 'getWorkspaceStatus', args: ['a', 1, [true, null], { x: null }] },
      userObject: { row: 7 },
    });
  });

  it.each([
    ['a Date', new Date(), 'a Date'],
    ['a function', () => 1, 'a function'],
    ['a Date inside an object', { when: new Date() }, 'a Date'],
  ])('fails the call when an argument is %s', async (_case, argument, reason) => {
    let sent = false;
    const outcome = await callThrough(
      () => ((sent = true), Promise.resolve({ ok: true, value: null })),
      'save',
      argument,
    );
    expect(outcome.handler).toBe('failure');
    expect((outcome.value as Error).message).toContain(reason);
    expect(outcome.userObject).toEqual({ row: 7 });
    expect(sent).toBe(false);
  });

  it('passes a class instance as a plain object with its own data, as Apps Script does', async () => {
    const outcome = await callThrough(
      echo,
      'save',
      new (class Score {
        readonly value = 3;
        twice(): number {
          return this.value * 2;
        }
      })(),
    );
    expect(outcome).toMatchObject({ handler: 'success', value: { args: [{ value: 3 }] } });
  });

  it('fails the call on a circular argument', async () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect((await callThrough(echo, 'save', cycle)).handler).toBe('failure');
  });

  it('reports a server error to the failure handler with its message', async () => {
    const outcome = await callThrough(
      () => Promise.resolve({ ok: false, message: 'Someone else is changing the workspace.' }),
      'save',
    );
    expect(outcome.handler).toBe('failure');
    expect((outcome.value as Error).message).toBe('Someone else is changing the workspace.');
  });

  it('judges values from another realm the same way', () => {
    const foreign = vm.runInNewContext('({ list: [1, { a: "b" }], when: null })') as unknown;
    expect(untransferable(foreign)).toBeNull();
    expect(untransferable(vm.runInNewContext('new Date()'))).toBe('a Date');
  });
});

describe('a server result on its way to the sidebar', () => {
  it('becomes null when it holds a Date, as in Apps Script, with a warning', () => {
    const warnings: string[] = [];
    expect(resultForSidebar('getStatus', { updated: new Date() }, (w) => warnings.push(w))).toBeNull();
    expect(warnings).toEqual([
      'getStatus returned a Date; Apps Script would give the sidebar null, and so does the playground.',
    ]);
  });

  it('is a plain copy otherwise, with undefined as null', () => {
    expect(resultForSidebar('f', { a: [1, 'x'] }, () => undefined)).toEqual({ a: [1, 'x'] });
    expect(resultForSidebar('f', undefined, () => undefined)).toBeNull();
  });
});
