import type { WorkflowResult } from './scoring';

/** The Workflows columns the add-on fills, for one workflow's result: what a viewer reads in the sheet. */
export function computedWorkflowColumns(result: WorkflowResult): Record<string, string | number | null> {
  const c = result.consensus;
  return {
    common: c?.common ?? null,
    measurable: c?.measurable ?? null,
    risk: c?.risk ?? null,
    pain: c?.pain ?? null,
    total: result.total,
    band: result.band ?? '',
    eligible:
      result.eligibility === 'eligible'
        ? 'Yes'
        : result.eligibility === 'needs-baseline'
          ? 'Needs baseline plan'
          : result.eligibility === 'needs-scorers'
            ? 'Needs a second scorer'
            : result.eligibility === 'not-eligible'
              ? 'No'
              : '',
    reason: [result.reason, result.fitWarning].filter(Boolean).join(' '),
    rank: result.rank,
    disagreement: result.disagreements.join('; '),
    scorers: result.scorers,
  };
}

export const computedWorkflowKeys = [
  'common',
  'measurable',
  'risk',
  'pain',
  'total',
  'band',
  'eligible',
  'reason',
  'rank',
  'disagreement',
  'scorers',
];
