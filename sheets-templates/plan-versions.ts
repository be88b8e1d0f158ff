import { PLAN_PART_MAX } from '../src/domain/plan-copies';
import type { ColumnTemplate, TableTemplate } from '../src/domain/workspace-template';

const column = (
  key: string,
  header: string,
  type: ColumnTemplate['type'],
  width: number,
  help: string,
): ColumnTemplate => ({ key, header, type, width, since: 5, computed: true, help });

/**
 * The plan as each version was when it was sent for approval, in the canonical form its version
 * hashes: a request sent again to a step that approved an earlier version says what changed since,
 * even after several changes and hand edits, without reading the Log. Written by the add-on only; a
 * copy that no longer hashes to its version is not used.
 */
export const planVersions: TableTemplate = {
  kind: 'table',
  key: 'planVersions',
  name: 'Plan versions',
  purpose: 'The plan as each version was sent for approval, so a new request can say what changed.',
  idPrefix: 'PV',
  protection: 'warning',
  tabColor: '#9aa0a6',
  columns: [
    column(
      'id',
      'Plan version',
      { kind: 'id' },
      130,
      'The plan version, as approvers saw it in their request.',
    ),
    column('workflowId', 'Workflow ID', { kind: 'text' }, 100, 'The workflow the plan is for.'),
    column(
      'part',
      'Part',
      { kind: 'number' },
      60,
      `A long plan takes several rows of ${PLAN_PART_MAX} characters.`,
    ),
    column('stored', 'Stored', { kind: 'datetime' }, 140, 'When its first request was sent.'),
    column(
      'plan',
      'Plan',
      { kind: 'text', long: true },
      300,
      'The plan in the form its version is computed from (workflow, checklist, pilot plan).',
    ),
  ],
  defaultRows: [],
  conditionalFormats: [],
};
