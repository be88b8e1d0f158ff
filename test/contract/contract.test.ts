import { describe, expect, it } from '@jest/globals';
import { contractCases, runAgainstFakes } from './fake-run';

describe(`platform contract against the fakes (${contractCases.length} cases)`, () => {
  it.each(contractCases.map((c) => [c.id, c] as const))('%s', (_id, contractCase) => {
    const result = runAgainstFakes(contractCase);
    expect(result.error).toBeNull();
    expect(result.passed).toBe(true);
  });

  it('gives every case a unique id', () => {
    expect(new Set(contractCases.map((c) => c.id)).size).toBe(contractCases.length);
  });
});
