import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCorpus, summarize, type CorpusReport } from './corpus';

// The public corpus sits beside the project (../shared/corpora/email-replies); EMAIL_REPLY_CORPUS
// points elsewhere, and makes the corpus required.
const fromEnv = process.env['EMAIL_REPLY_CORPUS'];
const repoRoot = path.resolve(__dirname, '../..');
const defaultPath = path.resolve(repoRoot, '../shared/corpora/email-replies/cases.json');
const corpusPath = fromEnv ? path.resolve(fromEnv) : defaultPath;
const available = existsSync(corpusPath);

const MIN_PASS_RATE = 0.9;

let cached: CorpusReport | undefined;
const report = (): CorpusReport => (cached ??= runCorpus(corpusPath));

describe('the public reply-parsing corpus', () => {
  it('is found (required when EMAIL_REPLY_CORPUS is set)', () => {
    if (fromEnv) expect({ corpusPath, exists: available }).toEqual({ corpusPath, exists: true });
    if (!available) console.log(`Reply corpus: skipped, ${corpusPath} not found (set EMAIL_REPLY_CORPUS).`);
    else console.log(summarize(report()));
  });

  it(`strips quoted history in at least ${MIN_PASS_RATE * 100}% of the cases`, () => {
    if (!available) return;
    const { passed, total, cases } = report();
    const failed = cases
      .filter((c) => !c.passed)
      .map((c) => `${c.suite}/${c.name}: ${c.problems.join('; ')}`);
    expect(total).toBeGreaterThan(0);
    const verdict =
      passed / total >= MIN_PASS_RATE ? 'pass' : `only ${passed}/${total}; failing: ${failed.join(' | ')}`;
    expect(verdict).toBe('pass');
  });

  // How fast is shown by `npm run bench` (the slowest case against its 1,000 ms bound), never timed here:
  // a loaded machine would fail a timed test that has nothing wrong with it.
  it('reads every hostile or very long input to the end', () => {
    if (!available) return;
    const perf = report().cases.filter((c) => c.perfOnly);
    expect(perf.length).toBeGreaterThan(0);
    expect(perf.filter((c) => typeof c.actual !== 'string').map((c) => c.name)).toEqual([]);
  });
});
