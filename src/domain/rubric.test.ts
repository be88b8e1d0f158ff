import { describe, expect, it } from '@jest/globals';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import { criteria, scoreFromFacts, type WorkflowFacts } from './rubric';
import { bandFor, equalWeights, weightedTotal, type CriterionScores } from './scoring';

/**
 * Two people read each example workflow (the four seeded in the Workflows sheet). They agree on what
 * can be observed (is there a written guide, do families read it) and estimate the numbers differently.
 */
const staffOnly = { unreviewedOutput: false, studentRecords: false, personalData: false };
const examples: [string, WorkflowFacts, WorkflowFacts, string][] = [
  [
    'WF-001',
    {
      ...staffOnly,
      itemsPerWeek: 150,
      staffHoursPerWeek: 8,
      countable: true,
      timeLoggable: true,
      qualityGuide: true,
      systemTimestamps: true,
      reachesFamilies: true,
    },
    {
      ...staffOnly,
      itemsPerWeek: 110,
      staffHoursPerWeek: 12,
      countable: true,
      timeLoggable: true,
      qualityGuide: true,
      systemTimestamps: true,
      reachesFamilies: true,
    },
    'Strong',
  ],
  [
    'WF-002',
    {
      ...staffOnly,
      personalData: true,
      itemsPerWeek: 60,
      staffHoursPerWeek: 6,
      countable: true,
      timeLoggable: true,
      qualityGuide: false,
      systemTimestamps: true,
      reachesFamilies: false,
    },
    {
      ...staffOnly,
      personalData: true,
      itemsPerWeek: 85,
      staffHoursPerWeek: 10,
      countable: true,
      timeLoggable: true,
      qualityGuide: false,
      systemTimestamps: true,
      reachesFamilies: false,
    },
    'Possible',
  ],
  [
    'WF-003',
    {
      ...staffOnly,
      itemsPerWeek: 8,
      staffHoursPerWeek: 3,
      countable: true,
      timeLoggable: true,
      qualityGuide: true,
      systemTimestamps: false,
      reachesFamilies: true,
    },
    {
      ...staffOnly,
      itemsPerWeek: 15,
      staffHoursPerWeek: 4.5,
      countable: true,
      timeLoggable: true,
      qualityGuide: true,
      systemTimestamps: false,
      reachesFamilies: true,
    },
    'Possible',
  ],
  [
    'WF-004',
    {
      ...staffOnly,
      itemsPerWeek: 40,
      staffHoursPerWeek: 2,
      countable: true,
      timeLoggable: true,
      qualityGuide: false,
      systemTimestamps: false,
      reachesFamilies: false,
    },
    {
      ...staffOnly,
      itemsPerWeek: 70,
      staffHoursPerWeek: 4,
      countable: true,
      timeLoggable: true,
      qualityGuide: false,
      systemTimestamps: false,
      reachesFamilies: false,
    },
    'Possible',
  ],
];

const scoresFrom = (facts: WorkflowFacts): CriterionScores =>
  Object.fromEntries(criteria.map((c) => [c.key, scoreFromFacts(c, facts)])) as CriterionScores;

describe('the rubric, read by two people following the anchors', () => {
  it.each(examples)('%s lands in the same band for both readers', (id, first, second, band) => {
    const [a, b] = [scoresFrom(first), scoresFrom(second)];
    expect(a).toEqual(b);
    expect(bandFor(weightedTotal(a, equalWeights))).toBe(band);
    expect(bandFor(weightedTotal(b, equalWeights))).toBe(band);
    expect(workflowsTemplate.defaultRows.some((r) => r.values['id'] === id)).toBe(true);
  });

  it('scores personal data about families (the Amber tier, after redaction) 3, consistent with the data tiers', () => {
    const inbound = examples.find(([id]) => id === 'WF-002')?.[1];
    if (!inbound) throw new Error('no WF-002');
    expect(scoresFrom(inbound).risk).toBe(3);
    expect(workflowsTemplate.defaultRows.find((r) => r.values['id'] === 'WF-002')?.values['dataTier']).toBe(
      'Amber',
    );
  });

  it('takes the lowest anchor that matches when several do', () => {
    const risky: WorkflowFacts = {
      ...staffOnly,
      unreviewedOutput: true,
      studentRecords: true,
      personalData: true,
      reachesFamilies: true,
      itemsPerWeek: 0,
      staffHoursPerWeek: 0,
      countable: false,
      timeLoggable: false,
      qualityGuide: false,
      systemTimestamps: false,
    };
    expect(scoresFrom(risky)).toEqual({ common: 1, measurable: 1, risk: 1, pain: 1 });
    expect(scoresFrom({ ...risky, unreviewedOutput: false }).risk).toBe(2);
  });

  it('gives every criterion five anchors, the last matching anything, each text one sentence', () => {
    for (const criterion of criteria) {
      expect(criterion.anchors).toHaveLength(5);
      expect(criterion.anchors[4].matches({} as WorkflowFacts)).toBe(true);
      for (const anchor of criterion.anchors) expect(anchor.text.split('. ').length).toBe(1);
    }
  });
});
