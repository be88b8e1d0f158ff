/**
 * The workflow-scoring rubric: four criteria scored 1–5 (5 is always better; for risk, 5 is safest),
 * the red flags that rule a workflow out, and the anchor text staff see while scoring. Written in our
 * own words from the district research (DOMAIN.md §3(b)).
 */
export type CriterionKey = 'common' | 'measurable' | 'risk' | 'pain';

export interface Criterion {
  key: CriterionKey;
  name: string;
  question: string;
  /** What 1, 2, 3, 4 and 5 mean. */
  anchors: readonly [string, string, string, string, string];
}

export const criteria: readonly Criterion[] = [
  {
    key: 'common',
    name: 'Common',
    question: 'How often does this work happen?',
    anchors: [
      'A few times a year, or a one-off project.',
      'Monthly, or in seasonal bursts such as back-to-school.',
      'Weekly: about 5–20 items a week, or one person regularly.',
      'Daily: about 20–100 items a week, or several staff.',
      'Many times a day across a team: over 100 items a week.',
    ],
  },
  {
    key: 'measurable',
    name: 'Measurable',
    question: 'Can we measure time, volume and quality before and during a pilot?',
    anchors: [
      'Nothing to count or time; the outcome is a matter of opinion.',
      'Volume can be counted, but not time or quality.',
      'Volume and time can be sampled by hand for a baseline.',
      'Items carry timestamps (inbox, form, tickets) and quality fits a simple rubric.',
      'A clean unit of work with timestamps, existing baseline data and a quality check.',
    ],
  },
  {
    key: 'risk',
    name: 'Low enough risk',
    question: 'Is it safe enough to pilot, with every output reviewed? (5 is safest)',
    anchors: [
      'Student records or decisions about individuals (discipline, grades, IEP/504, health, safety, legal, HR), or output leaves without review.',
      'Sensitive or politically charged topics, personal information of families or staff, or errors that are costly and hard to check.',
      'Public-facing content using some internal information; errors can be put right and a knowledgeable reviewer can check.',
      'Drafts only from approved public or district materials; every output reviewed before release; errors are easy to spot.',
      'Internal only, or fully grounded in approved public content; no personal data; errors are trivial to correct.',
    ],
  },
  {
    key: 'pain',
    name: 'Painful enough',
    question: 'How much does the current process cost staff and families?',
    anchors: [
      'A minor annoyance: under 15 minutes a week in all.',
      'Up to about one staff-hour a week; no complaints.',
      '1–5 staff-hours a week, or occasional delays.',
      '5–15 staff-hours a week, a recurring backlog, or complaints about response times.',
      'Over 15 staff-hours a week, missed commitments, burnout, or a named leadership priority.',
    ],
  },
];

export const criterionKeys: readonly CriterionKey[] = criteria.map((c) => c.key);

export type RedFlagKey =
  'flagStudentRecords' | 'flagNoReview' | 'flagCrisis' | 'flagIndividual' | 'flagLegalHr';

export interface RedFlag {
  key: RedFlagKey;
  label: string;
}

/** Any one of these, raised by any scorer, rules the workflow out of a first pilot. */
export const redFlags: readonly RedFlag[] = [
  { key: 'flagStudentRecords', label: 'Student records or personal data would go into the tool' },
  { key: 'flagNoReview', label: 'Output would be sent without a person reviewing it' },
  { key: 'flagCrisis', label: 'Crisis, emergency or safety communication' },
  { key: 'flagIndividual', label: 'Decisions or judgements about an individual student or employee' },
  { key: 'flagLegalHr', label: 'Legal, HR or discipline content' },
];

export const redFlagKeys: readonly RedFlagKey[] = redFlags.map((f) => f.key);

/** Bands on the 4–20 scale. */
export const bands = { strong: 16, possible: 12 } as const;
export type Band = 'Strong' | 'Possible' | 'Defer';

/** A consensus at or below these values rules a workflow out (risk) or asks for a baseline plan (measurable). */
export const gates = { risk: 2, measurable: 2 } as const;

/** Scorers this many points apart on a criterion disagree enough to talk it over. */
export const DISAGREEMENT_SPREAD = 2;
