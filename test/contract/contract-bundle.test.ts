import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkBundle } from '../bundle/bundle-check';
import { FakeEnvironment } from '../fakes/environment';
import { contractCases, prepareFakeWorld, runAgainstFakes } from './fake-run';
import type { ContractSummary } from './results';

const bundlePath = path.resolve(__dirname, '../../build/contract/Code.js');

describe('the contract build, loaded as Apps Script loads it', () => {
  if (!existsSync(bundlePath))
    throw new Error(`${bundlePath} is missing: run npm run build -- --contract (npm test does).`);
  const code = readFileSync(bundlePath, 'utf8');

  it('passes the bundle check with its developer-only entry points', () => {
    const manifest: unknown = JSON.parse(
      readFileSync(path.join(path.dirname(bundlePath), 'appsscript.json'), 'utf8'),
    );
    const entryPoints = [
      'onOpen',
      'runPlatformContract',
      'openContractClient',
      'recordClientContract',
      'contractEcho',
      'contractTriggerHandler',
      'contractClockRun',
    ];
    expect(checkBundle(code, { entryPoints, manifest }).problems).toEqual([]);
  });

  it('runs the whole suite against the fakes through the bundle, with the same results as jest', () => {
    const env = new FakeEnvironment();
    prepareFakeWorld(env);
    const { runtime } = checkBundle(code, { entryPoints: ['runPlatformContract'], manifest: {} }, env);
    const summary = runtime?.run('runPlatformContract') as ContractSummary;

    const direct = contractCases.map((c) => runAgainstFakes(c));
    expect(summary.total).toBe(contractCases.length);
    expect(summary.failed).toEqual(direct.filter((r) => !r.passed).map((r) => r.id));
    expect(summary.passed).toBe(direct.filter((r) => r.passed).length);

    // The table in "Contract results": one row per case, with what each observed.
    const sheet = env.state.spreadsheet.sheets.find((s) => s.name === 'Contract results');
    const rows = (sheet?.rows ?? [])
      .filter((r) => r?.[0]?.value !== undefined)
      .map((r) => [r?.[0]?.value, r?.[1]?.value]);
    expect(rows).toEqual([['Case', 'Result'], ...direct.map((r) => [r.id, r.passed ? 'PASS' : 'FAIL'])]);
    const observed = (sheet?.rows[1]?.[6]?.value ?? '') as string;
    expect(observed).toBe(direct[0]?.observations.map((o) => `${o.label} = ${o.value}`).join('\n'));

    // The scratch spreadsheet was trashed, and the trigger cases left no trigger behind.
    expect(env.state.files).toEqual([]);
    expect(env.state.triggers).toEqual([]);
  });
});
