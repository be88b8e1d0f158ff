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

/** A type alias, not an interface, so it can cross the sidebar contract as JSON. */
export type Phase = {
  /** 0 before set-up, then 1–5. */
  number: number;
  title: string;
  detail: string;
};

export const phaseTitles = [
  'Set up the workspace',
  'Identify one workflow',
  'Define governance and approvals',
  'Pilot with staff review',
  'Measure what improved',
  'Decide and expand',
] as const;

const phase = (n: 0 | 1 | 2 | 3 | 4 | 5, detail: string): Phase => ({
  number: n,
  title: phaseTitles[n],
  detail,
});

export function derivePhase(p: PlanProgress): Phase {
  if (!p.setUp) return phase(0, 'Run Set up workspace to create the plan’s sheets.');
  if (p.decision) return phase(5, `The pilot ended with the decision: ${p.decision}.`);
  if (p.pilotState === 'Ended')
    return phase(4, 'The pilot has ended; compare the baseline with the pilot and record a decision.');
  if (p.pilotState === 'Running' || p.pilotState === 'Paused') {
    return phase(
      3,
      p.pilotState === 'Paused' ? 'The pilot is paused by its stop rule.' : 'The pilot is running.',
    );
  }
  if (p.selectedWorkflow !== null) {
    const { requested, approved } = p.approvals;
    const detail =
      requested === 0
        ? `“${p.selectedWorkflow}” is selected. Work through its governance checklist, then request approvals.`
        : `“${p.selectedWorkflow}” is selected. ${approved} of ${requested} approvals received.`;
    return phase(2, detail);
  }
  const count = p.workflows;
  return phase(
    1,
    count === 0
      ? 'Add the workflows your team is considering, then score them.'
      : `${count} candidate ${count === 1 ? 'workflow' : 'workflows'}. Score them as a team and choose one.`,
  );
}
