/**
 * The workflow-scoring rubric: four criteria scored 1–5 (5 is always better; for risk, 5 is safest),
 * the red flags that rule a workflow out, and the anchor text staff see while scoring. Written in our
 * own words from the district research (DOMAIN.md §3(b)).
 */
export type CriterionKey = 'common' | 'measurable' | 'risk' | 'pain';

/**
 * What a scorer observes about a workflow. Each anchor tests one of these, so two people who agree on
 * the facts give the same score.
 */
export interface WorkflowFacts {
  /** Items a week, averaged over a normal month. */
  itemsPerWeek: number;
  /** Staff hours a week the work takes today, all staff together. */
  staffHoursPerWeek: number;
  /** One item can be told from the next (a question, a message, an issue). */
  countable: boolean;
  /** The time one item takes can be recorded, by hand if need be. */
  timeLoggable: boolean;
  /** A written guide says what a good item is, so quality can be checked. */
  qualityGuide: boolean;
  /** Items carry system timestamps (inbox, form, ticket). */
  systemTimestamps: boolean;
  /** Some output could leave without a named person reviewing it first. */
  unreviewedOutput: boolean;
  /** The inputs include student education records (the Red tier). */
  studentRecords: boolean;
  /** The inputs include personal data about staff or families (the Amber tier), even after redaction. */
  personalData: boolean;
  /** Families or the public read the output. */
  reachesFamilies: boolean;
}

export interface Anchor {
  text: string;
  /** The one observable condition the anchor names. */
  matches: (facts: WorkflowFacts) => boolean;
}

export interface Criterion {
  key: CriterionKey;
  name: string;
  question: string;
  /** What 1, 2, 3, 4 and 5 mean; the lowest anchor that matches is the score. */
  anchors: readonly [Anchor, Anchor, Anchor, Anchor, Anchor];
}

const always = () => true;

/** How every scorer reads the anchors: start at 1 and stop at the first that is true. */
export const anchorRule = 'Read the anchors from 1 up: the lowest anchor that matches is your score.';

/** What "personal data" means in the anchors, the red flags and the data tiers. */
export const personalDataDefinition =
  'Personal data: anything that identifies a living person, alone or with other details: a name, an email address or phone number, a student or staff ID, a message a parent or staff member wrote, sign-in records, or details that together point to one child (a grade and a school).';

export const criteria: readonly Criterion[] = [
  {
    key: 'common',
    name: 'Common',
    question: 'How many items a week, averaged over a normal month?',
    anchors: [
      { text: 'Fewer than 1 item a week.', matches: (f) => f.itemsPerWeek < 1 },
      { text: 'Fewer than 5 items a week.', matches: (f) => f.itemsPerWeek < 5 },
      { text: 'Fewer than 20 items a week.', matches: (f) => f.itemsPerWeek < 20 },
      { text: 'Fewer than 100 items a week.', matches: (f) => f.itemsPerWeek < 100 },
      { text: '100 or more items a week.', matches: always },
    ],
  },
  {
    key: 'measurable',
    name: 'Measurable',
    question: 'What can be counted, timed and checked today?',
    anchors: [
      { text: 'Items cannot be counted: there is no clear unit of work.', matches: (f) => !f.countable },
      {
        text: 'Items can be counted, but the time one takes cannot be recorded.',
        matches: (f) => !f.timeLoggable,
      },
      {
        text: 'Time can be logged, but there is no written guide to check quality against.',
        matches: (f) => !f.qualityGuide,
      },
      {
        text: 'There is a written quality guide, but items carry no system timestamps.',
        matches: (f) => !f.systemTimestamps,
      },
      { text: 'Items carry system timestamps and are checked against a written guide.', matches: always },
    ],
  },
  {
    key: 'risk',
    name: 'Low enough risk',
    question: 'What could go wrong, with every output reviewed? (5 is safest)',
    anchors: [
      {
        text: 'Some output can leave without a named person reviewing it first.',
        matches: (f) => f.unreviewedOutput,
      },
      {
        text: 'The inputs include student education records (Red tier).',
        matches: (f) => f.studentRecords,
      },
      {
        text: 'The inputs include personal data about staff or families (Amber tier), even after redaction.',
        matches: (f) => f.personalData,
      },
      { text: 'Families or the public read the output.', matches: (f) => f.reachesFamilies },
      { text: 'Only staff read the output, and the inputs are public or internal.', matches: always },
    ],
  },
  {
    key: 'pain',
    name: 'Painful enough',
    question: 'How many staff hours a week does the work take today, all staff together?',
    anchors: [
      { text: 'Under 15 minutes a week.', matches: (f) => f.staffHoursPerWeek < 0.25 },
      { text: 'Under 1 hour a week.', matches: (f) => f.staffHoursPerWeek < 1 },
      { text: 'Under 5 hours a week.', matches: (f) => f.staffHoursPerWeek < 5 },
      { text: 'Under 15 hours a week.', matches: (f) => f.staffHoursPerWeek < 15 },
      { text: '15 hours or more a week.', matches: always },
    ],
  },
];

export const criterionKeys: readonly CriterionKey[] = criteria.map((c) => c.key);

/** The score the anchors give for the facts: the lowest anchor that matches. */
export function scoreFromFacts(criterion: Criterion, facts: WorkflowFacts): number {
  return criterion.anchors.findIndex((a) => a.matches(facts)) + 1;
}

export type RedFlagKey =
  | 'flagStudentRecords'
  | 'flagNoReview'
  | 'flagCrisis'
  | 'flagIndividual'
  | 'flagLegalHr'
  | 'flagStudentFacing'
  | 'flagSensitive'
  | 'flagLegalNotice'
  | 'flagMonitoring';

export interface RedFlag {
  key: RedFlagKey;
  /** The Scores column's header. */
  header: string;
  label: string;
  /** The schema version that added its Scores column. */
  since: number;
}

/** Any one of these, raised by any scorer, rules the workflow out of a first pilot. */
export const redFlags: readonly RedFlag[] = [
  {
    key: 'flagStudentRecords',
    header: 'Red flag: student records',
    label: 'Student education records (Red tier) would go into the tool',
    since: 1,
  },
  {
    key: 'flagNoReview',
    header: 'Red flag: no review',
    label: 'Output would be sent without a person reviewing it',
    since: 1,
  },
  {
    key: 'flagCrisis',
    header: 'Red flag: crisis or safety',
    label: 'Crisis, emergency or safety communication',
    since: 1,
  },
  {
    key: 'flagIndividual',
    header: 'Red flag: decisions about a person',
    label: 'Decisions or judgements about an individual student or employee',
    since: 1,
  },
  {
    key: 'flagLegalHr',
    header: 'Red flag: legal, HR or discipline',
    label: 'Legal, HR or discipline content',
    since: 1,
  },
  {
    key: 'flagStudentFacing',
    header: 'Red flag: student-facing',
    label: 'Students would use the tool or see its output',
    since: 3,
  },
  {
    key: 'flagSensitive',
    header: 'Red flag: IEP, 504, health or immigration',
    label: 'IEP or 504, health or immigration information would go into the tool',
    since: 3,
  },
  {
    key: 'flagLegalNotice',
    header: 'Red flag: legally required notice',
    label: 'It drafts or translates a legally required notice (such as a special-education notice)',
    since: 3,
  },
  {
    key: 'flagMonitoring',
    header: 'Red flag: monitoring people',
    label: 'It monitors students or staff',
    since: 3,
  },
];

export const redFlagKeys: readonly RedFlagKey[] = redFlags.map((f) => f.key);

/** Bands on the 4–20 scale. */
export const bands = { strong: 16, possible: 12 } as const;
export type Band = 'Strong' | 'Possible' | 'Defer';

/** A consensus at or below these values rules a workflow out (risk) or asks for a baseline plan (measurable). */
export const gates = { risk: 2, measurable: 2 } as const;

/** Scorers this many points apart on a criterion disagree enough to talk it over. */
export const DISAGREEMENT_SPREAD = 2;
