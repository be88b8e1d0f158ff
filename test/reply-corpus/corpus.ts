import { readFileSync } from 'node:fs';
import { visibleReply } from '../../src/domain/reply-reader';

/**
 * Runs the reply reader's visible-text step over the public reply-parsing corpus
 * (../shared/corpora/email-replies, see its README) and scores it the way the README describes.
 */

export interface CorpusExpect {
  exact?: string;
  whole?: boolean;
  starts?: string;
  contains?: string[];
  forbid?: string[];
  perfOnly?: boolean;
}

export interface CorpusCase {
  suite: string;
  source?: string;
  name: string;
  input: string;
  expect: CorpusExpect;
}

export interface CaseResult {
  suite: string;
  name: string;
  perfOnly: boolean;
  passed: boolean;
  /** Passed only because the reader also stripped a short trailing signature the expectation keeps. */
  lenient: boolean;
  ms: number;
  problems: string[];
  actual: string;
}

export interface SuiteResult {
  suite: string;
  total: number;
  passed: number;
}

export interface CorpusReport {
  suites: SuiteResult[];
  /** Over the cases that are not perfOnly. */
  passed: number;
  total: number;
  perfOnly: number;
  slowest: { name: string; ms: number };
  casesPerSecond: number;
  cases: CaseResult[];
}

/** Line ends and surrounding white space do not count. */
export function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

const quoteWords = [
  'wrote:',
  'escribió',
  'from:',
  'sent:',
  'de:',
  'enviado:',
  'original message',
  'mensaje original',
  'forwarded message',
];

/**
 * Whether `actual` matches `expected` exactly, or is `expected` minus a short trailing signature or
 * footer (at most 8 non-blank lines, no quoted lines, no quote-header words): talon's expectations keep
 * signatures and footers such as "Sent from my iPhone", which this reader strips on purpose.
 */
export function matchesExact(actual: string, expected: string): { ok: boolean; lenient: boolean } {
  const a = normalize(actual);
  const e = normalize(expected);
  if (a === e) return { ok: true, lenient: false };
  if (a === '') return { ok: false, lenient: false };
  const aLines = a.split('\n');
  const eLines = e.split('\n');
  if (aLines.length >= eLines.length || aLines.some((line, i) => line !== eLines[i]))
    return { ok: false, lenient: false };
  const rest = eLines.slice(aLines.length).filter((line) => line.trim() !== '');
  const short =
    rest.length <= 8 &&
    rest.every((line) => !line.trimStart().startsWith('>')) &&
    !rest.some((line) => quoteWords.some((w) => line.toLowerCase().includes(w)));
  return { ok: short, lenient: short };
}

export function scoreCase(
  c: CorpusCase,
  actual: string,
): { passed: boolean; lenient: boolean; problems: string[] } {
  const problems: string[] = [];
  let lenient = false;
  const text = normalize(actual);
  const exact = c.expect.whole ? c.input : c.expect.exact;
  if (exact !== undefined) {
    const match = matchesExact(actual, exact);
    if (!match.ok) problems.push('the visible text is not the expected text');
    lenient = match.lenient;
  }
  if (c.expect.starts !== undefined && !text.startsWith(normalize(c.expect.starts)))
    problems.push(`does not start with ${JSON.stringify(c.expect.starts)}`);
  for (const s of c.expect.contains ?? [])
    if (!actual.includes(s) && !text.includes(normalize(s))) problems.push(`lacks ${JSON.stringify(s)}`);
  for (const s of c.expect.forbid ?? [])
    if (actual.includes(s)) problems.push(`keeps quoted ${JSON.stringify(s.slice(0, 60))}`);
  return { passed: problems.length === 0, lenient, problems };
}

export function loadCorpus(path: string): CorpusCase[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { format?: number; cases?: CorpusCase[] };
  if (data.format !== 1 || !Array.isArray(data.cases))
    throw new Error(`${path} is not a format-1 reply corpus`);
  return data.cases;
}

export function runCorpus(path: string): CorpusReport {
  const cases = loadCorpus(path);
  const results: CaseResult[] = [];
  const started = performance.now();
  for (const c of cases) {
    const t0 = performance.now();
    const actual = visibleReply(c.input);
    const ms = performance.now() - t0;
    const perfOnly = c.expect.perfOnly === true;
    const score = perfOnly ? { passed: true, lenient: false, problems: [] } : scoreCase(c, actual);
    results.push({ suite: c.suite, name: c.name, perfOnly, ms, actual, ...score });
  }
  const elapsed = performance.now() - started;

  const suites: SuiteResult[] = [];
  for (const r of results) {
    if (r.perfOnly) continue;
    let suite = suites.find((s) => s.suite === r.suite);
    if (!suite) {
      suite = { suite: r.suite, total: 0, passed: 0 };
      suites.push(suite);
    }
    suite.total++;
    if (r.passed) suite.passed++;
  }
  const scored = results.filter((r) => !r.perfOnly);
  const slowest = results.reduce<CaseResult | undefined>((a, b) => (a && a.ms >= b.ms ? a : b), undefined);
  return {
    suites,
    passed: scored.filter((r) => r.passed).length,
    total: scored.length,
    perfOnly: results.length - scored.length,
    slowest: { name: slowest ? `${slowest.suite}/${slowest.name}` : '', ms: slowest?.ms ?? 0 },
    casesPerSecond: elapsed > 0 ? Math.round((results.length * 1000) / elapsed) : results.length,
    cases: results,
  };
}

/** One line: "Reply corpus: 201/207 (97.1%) — github 20/20, …; 2 perf-only; slowest 12 ms (…)". */
export function summarize(report: CorpusReport): string {
  const pct = report.total > 0 ? ((100 * report.passed) / report.total).toFixed(1) : '0.0';
  const suites = report.suites.map((s) => `${s.suite} ${s.passed}/${s.total}`).join(', ');
  return (
    `Reply corpus: ${report.passed}/${report.total} (${pct}%) — ${suites}; ${report.perfOnly} perf-only; ` +
    `slowest ${report.slowest.ms.toFixed(1)} ms (${report.slowest.name}); ${report.casesPerSecond} cases/s`
  );
}
