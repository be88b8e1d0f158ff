/**
 * Where the plan stands among the five phases, read from the sheets themselves (the sheet is the
 * source of truth: nothing about the phase is stored elsewhere).
 */
export interface PlanProgress {
  setUp: boolean;
  workflows: number;
  selectedWorkflow: string | null;
  approvals: { requested: number; approved: number };
  pilotState: string | null;
  decision: string | null;
}

/** The planner's steps, in the order a plan goes through them. */
export const planSteps = ['workflows', 'governance', 'approvals', 'pilot', 'metrics'] as const;
export type PlanStep = (typeof planSteps)[number];

/** A type alias, not an interface, so it can cross the sidebar contract as JSON. */
export type Phase = {
  /** 0 before set-up, then 1–5. */
  number: number;
  title: string;
  detail: string;
  /** Where the next step is taken; null before set-up. */
  step: PlanStep | null;
};

export const phaseTitles = [
  'Set up the workspace',
  'Identify one workflow',
  'Define governance and approvals',
  'Pilot with staff review',
  'Measure what improved',
  'Decide and expand',
] as const;

const phase = (n: 0 | 1 | 2 | 3 | 4 | 5, detail: string, step: PlanStep | null): Phase => ({
  number: n,
  title: phaseTitles[n],
  detail,
  step,
});

export function derivePhase(p: PlanProgress): Phase {
  if (!p.setUp) return phase(0, 'Run Set up workspace to create the plan’s sheets.', null);
  if (p.decision) return phase(5, `The pilot ended with the decision: ${p.decision}.`, 'pilot');
  if (p.pilotState === 'Ended')
    return phase(
      4,
      'The pilot has ended; compare the baseline with the pilot and record a decision.',
      'pilot',
    );
  if (p.pilotState === 'Running' || p.pilotState === 'Paused') {
    return p.pilotState === 'Paused'
      ? phase(3, 'The pilot is paused by its stop rule: the sponsor resumes it or decides.', 'pilot')
      : phase(3, 'The pilot is running: add each week’s measurements.', 'metrics');
  }
  if (p.selectedWorkflow !== null) {
    const { requested, approved } = p.approvals;
    if (requested === 0)
      return phase(
        2,
        `“${p.selectedWorkflow}” is selected. Work through its governance checklist, then request approvals.`,
        'governance',
      );
    // Sent rows only: a later step's requests are not rows until the earlier step approves.
    return phase(
      2,
      `“${p.selectedWorkflow}” is selected. ${approved} of ${requested} approvals received.`,
      'approvals',
    );
  }
  const count = p.workflows;
  return phase(
    1,
    count === 0
      ? 'Add the workflows your team is considering, then score them.'
      : `${count} candidate ${count === 1 ? 'workflow' : 'workflows'}. Score them as a team and choose one.`,
    'workflows',
  );
}
