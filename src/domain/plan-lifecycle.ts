/**
 * The plan's lifecycle, declared once: the stages a plan goes through, which phase and planner step
 * each one is, and what each step is waiting for. The sidebar, the Dashboard, the Board summary and
 * the leaders' email all state the stage this module derives, from the same facts.
 *
 * Choose → Govern (the checklist and the pilot plan, together) → Approve one plan version →
 * Pilot (running, or paused by its stop rule) → Decide. A change inside an approved version sends
 * the plan back to Approve; a wider rollout re-opens Govern.
 */

/** The planner's steps, in the order a plan goes through them: the pilot plan is written before it is approved. */
export const planSteps = ['workflows', 'governance', 'pilot', 'approvals', 'metrics'] as const;
export type PlanStep = (typeof planSteps)[number];

export const stages = [
  'not-set-up',
  'empty',
  'choosing',
  /** A workflow is chosen; its checklist or its pilot plan is not finished. */
  'selected',
  /** The checklist and the pilot plan are complete; nothing is sent for this version yet. */
  'ready',
  'approvals',
  'approved',
  'running',
  'paused',
  'ended',
  'decided',
] as const;
export type Stage = (typeof stages)[number];

/** What the stage is decided from: counts and states any reader of the plan can give. */
export interface PlanFacts {
  setUp: boolean;
  candidates: number;
  /** The selected workflow's name, or null. */
  selected: string | null;
  checklist: { complete: number; gating: number; ready: boolean };
  /** How many of the fields the pilot plan needs before it is sent for approval are still empty. */
  planMissing: number;
  /** The current plan version's approvals only: a stale approval is not counted. */
  approvals: {
    /** "not-sent", "waiting", "needs-review", "approved" or "stopped". */
    state: string;
    requested: number;
    approved: number;
  };
  /** "Draft", "Running", "Paused", "Ended", or null before there is a pilot row. */
  pilotState: string | null;
  decision: string | null;
}

export function stageOf(f: PlanFacts): Stage {
  if (!f.setUp) return 'not-set-up';
  if (!f.selected) return f.candidates === 0 ? 'empty' : 'choosing';
  if (f.decision) return 'decided';
  if (f.pilotState === 'Ended') return 'ended';
  if (f.pilotState === 'Paused') return 'paused';
  if (f.pilotState === 'Running') return 'running';
  if (f.approvals.state === 'approved') return 'approved';
  if (f.approvals.state !== 'not-sent') return 'approvals';
  return f.checklist.ready && f.planMissing === 0 ? 'ready' : 'selected';
}

export const phaseTitles = [
  'Set up the workspace',
  'Identify one workflow',
  'Define governance and approvals',
  'Pilot with staff review',
  'Measure what improved',
  'Decide and expand',
] as const;

export type StepState = 'done' | 'current' | 'not-yet';

/** A type alias, not an interface, so it can cross the sidebar contract as JSON. */
export type StepProgress = {
  step: PlanStep;
  state: StepState;
  /** Why a step is not open yet ("finish the checklist first"); "" otherwise. */
  why: string;
};

export type Phase = {
  /** 0 before set-up, then 1–5. */
  number: number;
  title: string;
  stage: Stage;
  detail: string;
  /** Where the next step is taken; null before set-up. */
  step: PlanStep | null;
  /** Every step, in order, as done, current or not yet. */
  steps: StepProgress[];
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The phase number, the step where the next act is taken, and what that act is. */
function place(
  f: PlanFacts,
  stage: Stage,
): { number: 0 | 1 | 2 | 3 | 4 | 5; step: PlanStep | null; detail: string } {
  const name = `“${f.selected ?? ''}”`;
  switch (stage) {
    case 'not-set-up':
      return { number: 0, step: null, detail: 'Run Set up workspace to create the plan’s sheets.' };
    case 'empty':
      return {
        number: 1,
        step: 'workflows',
        detail: 'Add the workflows your team is considering, then score them.',
      };
    case 'choosing':
      return {
        number: 1,
        step: 'workflows',
        detail: `${plural(f.candidates, 'candidate workflow', 'candidate workflows')}. Score them as a team and choose one.`,
      };
    case 'selected': {
      const { complete, gating, ready } = f.checklist;
      const still = [
        ready ? '' : `the governance checklist (${complete} of ${gating} required items done)`,
        f.planMissing === 0 ? '' : `the pilot plan (${plural(f.planMissing, 'field', 'fields')} to write)`,
      ].filter(Boolean);
      return {
        number: 2,
        step: ready ? 'pilot' : 'governance',
        detail: `${name} is selected. Finish ${still.join(' and ')}, then request approvals.`,
      };
    }
    case 'ready':
      return {
        number: 2,
        step: 'approvals',
        detail: `${name}: the checklist and the pilot plan are complete. Send the plan for approval.`,
      };
    case 'approvals':
      return {
        number: 2,
        step: 'approvals',
        detail:
          f.approvals.state === 'stopped'
            ? `${name}: an approver asked for changes or rejected the plan. Change the plan, then send it again.`
            : `${name} is waiting for approval: ${f.approvals.approved} of ${f.approvals.requested} approvals received.`,
      };
    case 'approved':
      return {
        number: 3,
        step: 'pilot',
        detail: `Every step approved this version of the plan for ${name}. Start the pilot.`,
      };
    case 'running':
      return { number: 3, step: 'metrics', detail: 'The pilot is running: add each week’s measurements.' };
    case 'paused':
      return {
        number: 3,
        step: 'pilot',
        detail: 'The pilot is paused by its stop rule: the sponsor resumes it or decides.',
      };
    case 'ended':
      return {
        number: 4,
        step: 'pilot',
        detail: 'The pilot has ended; compare the baseline with the pilot and record a decision.',
      };
    case 'decided':
      return { number: 5, step: 'pilot', detail: `The pilot ended with the decision: ${f.decision ?? ''}.` };
  }
}

const piloting: readonly Stage[] = ['running', 'paused', 'ended', 'decided'];

/** Whether a step's work is done, as the facts stand. */
function isDone(step: PlanStep, f: PlanFacts, stage: Stage): boolean {
  if (stage === 'decided') return true;
  switch (step) {
    case 'workflows':
      return f.selected !== null;
    case 'governance':
      return f.selected !== null && f.checklist.ready;
    case 'pilot':
      return f.selected !== null && f.planMissing === 0;
    case 'approvals':
      return stage === 'approved' || piloting.includes(stage);
    case 'metrics':
      return stage === 'ended';
  }
}

/** Why a step cannot be taken yet. */
function whyNotYet(step: PlanStep, f: PlanFacts, stage: Stage): string {
  if (stage === 'not-set-up') return 'set up the workspace first';
  if (step === 'workflows') return '';
  if (f.selected === null) return 'choose a workflow first';
  // The checklist and the pilot plan are written together: either is open once a workflow is chosen.
  if (step === 'governance') return 'the checklist is not finished';
  if (step === 'pilot') return 'the pilot plan is not finished';
  if (step === 'approvals')
    return !f.checklist.ready
      ? 'finish the checklist first'
      : f.planMissing > 0
        ? 'finish the pilot plan first'
        : '';
  return stage === 'paused'
    ? 'the pilot is paused: the sponsor resumes it or decides'
    : 'get the plan approved and start the pilot first';
}

export function phaseOf(f: PlanFacts): Phase {
  const stage = stageOf(f);
  const { number, step, detail } = place(f, stage);
  return {
    number,
    title: phaseTitles[number],
    stage,
    detail,
    step,
    steps: planSteps.map((s) => {
      const state: StepState =
        s === step && stage !== 'decided' ? 'current' : isDone(s, f, stage) ? 'done' : 'not-yet';
      return { step: s, state, why: state === 'not-yet' ? whyNotYet(s, f, stage) : '' };
    }),
  };
}
