import { describe, expect, it } from '@jest/globals';
import type { RedFlagKey } from './rubric';
import {
  assessWorkflow,
  bandFor,
  equalWeights,
  median,
  rankWorkflows,
  scoreWorkflows,
  weightedTotal,
  type Score,
} from './scoring';

const score = (
  workflowId: string,
  scorer: string,
  [common, measurable, risk, pain]: number[],
  extra: Partial<Score> = {},
): Score => ({
  workflowId,
  scorer,
  scores: { common: common ?? 0, measurable: measurable ?? 0, risk: risk ?? 0, pain: pain ?? 0 },
  redFlags: [],
  fitsDay: true,
  ...extra,
});

describe('consensus and totals', () => {
  it.each([
    [[3], 3],
    [[1, 5], 3],
    [[2, 4, 5], 4],
    [[5, 1, 4, 4], 4],
    [[1, 2, 4, 5], 3],
    [[3, 4], 3.5],
  ])('the median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [{ common: 5, measurable: 4, risk: 4, pain: 4 }, equalWeights, 17],
    [{ common: 2, measurable: 3, risk: 4, pain: 3 }, equalWeights, 12],
    // Double weight on risk: (5 + 4 + 2·4 + 4) · 4 / 5 = 16.8
    [{ common: 5, measurable: 4, risk: 4, pain: 4 }, { common: 1, measurable: 1, risk: 2, pain: 1 }, 16.8],
    [{ common: 3.5, measurable: 4, risk: 4, pain: 4 }, equalWeights, 15.5],
  ])('weights %j by %j to %d on the 4–20 scale', (consensus, weights, total) => {
    expect(weightedTotal(consensus, weights)).toBe(total);
  });

  it.each([
    [20, 'Strong'],
    [16, 'Strong'],
    [15.9, 'Possible'],
    [12, 'Possible'],
    [11.9, 'Defer'],
    [4, 'Defer'],
  ])('a total of %d is %s', (total, band) => {
    expect(bandFor(total)).toBe(band);
  });
});

describe('eligibility', () => {
  const flag = (...flags: RedFlagKey[]) => ({ redFlags: flags });

  it.each<[string, Score[], string, string]>([
    ['nobody has scored it', [], 'not-scored', 'No scores yet.'],
    [
      'risk and measurability are fine',
      [score('W', 'a', [4, 4, 4, 4]), score('W', 'b', [4, 4, 4, 4])],
      'eligible',
      'Eligible: risk is low enough and no red flag was raised.',
    ],
    [
      'the risk consensus is 2',
      [score('W', 'a', [5, 5, 2, 5]), score('W', 'b', [5, 5, 2, 5])],
      'not-eligible',
      "Not eligible: the team's risk score is 2 (it must be above 2 to review safely).",
    ],
    [
      'the risk consensus is 2.5',
      [score('W', 'a', [5, 5, 2, 5]), score('W', 'b', [5, 5, 3, 5])],
      'eligible',
      '',
    ],
    [
      'one scorer raises a red flag',
      [score('W', 'a', [5, 5, 5, 5]), score('W', 'b', [5, 5, 5, 5], flag('flagStudentRecords'))],
      'not-eligible',
      'Not eligible: red flag raised by 1 scorer (student education records (Red tier) would go into the tool).',
    ],
    [
      'measurability is 2',
      [score('W', 'a', [4, 2, 4, 4]), score('W', 'b', [4, 2, 4, 4])],
      'needs-baseline',
      'Needs a baseline plan: measurability is 2; decide how time and quality will be measured before choosing it.',
    ],
    [
      'only one person has scored it',
      [score('W', 'a', [5, 5, 5, 5])],
      'needs-scorers',
      'Needs a second scorer: 1 person has scored it, and at least 2 must before it can be selected, so one reading of the anchors does not decide alone.',
    ],
    [
      'a red flag and low risk together',
      [score('W', 'a', [4, 4, 1, 4], flag('flagCrisis', 'flagLegalHr'))],
      'not-eligible',
      'Not eligible: red flag raised by 1 scorer (crisis, emergency or safety communication; legal, HR or discipline content).',
    ],
  ])('when %s', (_case, scores, eligibility, reason) => {
    const result = assessWorkflow('W', scores, equalWeights);
    expect(result.eligibility).toBe(eligibility);
    if (reason) expect(result.reason).toBe(reason);
  });

  it('lets the privacy officer hold a workflow back: the lower of their risk score and the median counts, with the reason', () => {
    const scores = [score('W', 'Pat@District.org', [5, 5, 2, 5]), score('W', 'b', [5, 5, 3, 5])];
    const context = { privacyOfficer: ['pat@district.org', 'Pat Lee'], blockFor: () => null };
    const held = assessWorkflow('W', scores, equalWeights, context);
    expect(held.consensus?.risk).toBe(2);
    expect(held.eligibility).toBe('not-eligible');
    expect(held.reason).toBe(
      "Not eligible: the team's risk score is 2 (it must be above 2 to review safely). The privacy officer scored risk 2, below the team’s median of 2.5; the privacy officer’s score counts.",
    );
    // Without the privacy officer among the scorers the median stands, and a higher score of theirs changes nothing.
    expect(assessWorkflow('W', scores, equalWeights).consensus?.risk).toBe(2.5);
    const higher = [score('W', 'pat@district.org', [5, 5, 5, 5]), score('W', 'b', [5, 5, 3, 5])];
    expect(assessWorkflow('W', higher, equalWeights, context)).toMatchObject({
      consensus: { risk: 4 },
      riskNote: null,
    });
  });

  it('rules a workflow out when its profile blocks it, naming the reason', () => {
    const scores = [score('W', 'a', [5, 5, 5, 5]), score('W', 'b', [5, 5, 5, 5])];
    const result = assessWorkflow('W', scores, equalWeights, {
      privacyOfficer: [],
      blockFor: () => 'its data tier is Red.',
    });
    expect(result).toMatchObject({
      eligibility: 'not-eligible',
      reason: 'Not eligible: its data tier is Red.',
    });
  });

  it('flags criteria where scorers are 2 or more points apart', () => {
    const result = assessWorkflow(
      'W',
      [score('W', 'a', [5, 3, 2, 4]), score('W', 'b', [4, 4, 4, 5]), score('W', 'c', [3, 3, 5, 4])],
      equalWeights,
    );
    expect(result.disagreements).toEqual(['Common (3–5)', 'Low enough risk (2–5)']);
    expect(result.consensus).toEqual({ common: 4, measurable: 3, risk: 4, pain: 4 });
  });

  it('warns when someone says the workflow does not fit how staff already work', () => {
    const result = assessWorkflow(
      'W',
      [score('W', 'a', [4, 4, 4, 4]), score('W', 'b', [4, 4, 4, 4], { fitsDay: false })],
      equalWeights,
    );
    expect(result.fitWarning).toBe('1 of 2 scorers say it does not fit how staff already work.');
  });
});

describe('ranking', () => {
  it.each<[string, Score[], Record<string, number | null>]>([
    ['by total', [score('A', 'x', [3, 3, 3, 3]), score('B', 'x', [5, 5, 5, 5])], { A: 2, B: 1 }],
    ['ties broken by risk', [score('A', 'x', [5, 4, 3, 4]), score('B', 'x', [4, 4, 4, 4])], { A: 2, B: 1 }],
    ['then by measurability', [score('A', 'x', [5, 3, 4, 4]), score('B', 'x', [4, 4, 4, 4])], { A: 2, B: 1 }],
    ['then by pain', [score('A', 'x', [5, 4, 4, 3]), score('B', 'x', [4, 4, 4, 4])], { A: 2, B: 1 }],
    [
      'full ties share a rank',
      [score('A', 'x', [4, 4, 4, 4]), score('B', 'x', [4, 4, 4, 4]), score('C', 'x', [3, 4, 4, 4])],
      { A: 1, B: 1, C: 3 },
    ],
    [
      'ineligible and unscored workflows are not ranked',
      [score('A', 'x', [5, 5, 1, 5]), score('B', 'x', [3, 3, 3, 3])],
      { A: null, B: 1, C: null },
    ],
    [
      'a workflow needing a baseline plan is still ranked',
      [score('A', 'x', [5, 2, 5, 5]), score('B', 'x', [3, 3, 3, 3])],
      { A: 1, B: 2 },
    ],
  ])('%s', (_case, scores, ranks) => {
    const ids = Object.keys(ranks);
    const results = scoreWorkflows(ids, scores, equalWeights);
    expect(Object.fromEntries(results.map((r) => [r.workflowId, r.rank]))).toEqual(ranks);
  });

  it('keeps the order it was given', () => {
    const results = rankWorkflows(
      scoreWorkflows(
        ['A', 'B'],
        [score('A', 'x', [1, 3, 3, 1]), score('B', 'x', [5, 5, 5, 5])],
        equalWeights,
      ),
    );
    expect(results.map((r) => r.workflowId)).toEqual(['A', 'B']);
  });
});
