import { criteria, redFlags } from '../src/domain/rubric';
import type { ColumnTemplate, TableTemplate } from '../src/domain/workspace-template';

const score = (key: string, header: string, help: string): ColumnTemplate => ({
  key,
  header,
  type: { kind: 'score' },
  width: 95,
  since: 1,
  help: `${help} Whole numbers 1–5.`,
});

const redFlag = (key: string, header: string, help: string, since: number): ColumnTemplate => ({
  key,
  header,
  type: { kind: 'boolean' },
  width: 120,
  since,
  help: `${help} Any red flag makes the workflow ineligible.`,
});

export const scores: TableTemplate = {
  kind: 'table',
  key: 'scores',
  name: 'Scores',
  purpose: 'One row per scorer per workflow; the team consensus is the median.',
  idPrefix: 'SC',
  protection: 'none',
  tabColor: '#1a73e8',
  columns: [
    {
      key: 'id',
      header: 'ID',
      type: { kind: 'id' },
      width: 80,
      since: 1,
      help: 'Set by the add-on; rows are found by it.',
    },
    {
      key: 'workflowId',
      header: 'Workflow ID',
      type: { kind: 'text' },
      width: 100,
      since: 1,
      help: 'The ID of the workflow scored (from the Workflows sheet).',
    },
    {
      key: 'workflow',
      header: 'Workflow',
      type: { kind: 'text' },
      width: 200,
      since: 1,
      computed: true,
      help: 'The workflow’s name, filled in by the add-on for reading.',
    },
    {
      key: 'scorer',
      header: 'Scorer',
      type: { kind: 'text' },
      width: 200,
      since: 1,
      help: 'Who scored: their email, or the name they typed when Google does not share the address.',
    },
    ...criteria.map((c) =>
      score(
        c.key,
        c.name,
        `${c.question} 1: ${c.anchors[0].text.toLowerCase()} … 5: ${c.anchors[4].text.toLowerCase()} The lowest anchor that matches is the score.`,
      ),
    ),
    ...redFlags.map((f) => redFlag(f.key, f.header, `${f.label}.`, f.since)),
    {
      key: 'fitsDay',
      header: 'Fits how staff already work',
      type: { kind: 'choice', choices: ['Yes', 'No'] },
      width: 120,
      since: 1,
      help: 'Same tools and inbox, no new daily step? "No" shows a warning on the workflow.',
    },
    {
      key: 'note',
      header: 'Note',
      type: { kind: 'text', long: true },
      width: 240,
      since: 1,
      help: 'Anything the team should know about this score.',
    },
    {
      key: 'scoredAt',
      header: 'Scored',
      type: { kind: 'datetime' },
      width: 140,
      since: 1,
      computed: true,
      help: 'When the score was last saved.',
    },
  ],
  defaultRows: [],
  conditionalFormats: [],
};
