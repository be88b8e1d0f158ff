import { describe, expect, it } from '@jest/globals';
import { phaseOf, stageOf, type PlanFacts, type Stage } from './plan-lifecycle';

const chosen: PlanFacts = {
  setUp: true,
  candidates: 4,
  selected: 'FAQ drafting',
  checklist: { complete: 3, gating: 12, ready: false },
  planMissing: 12,
  approvals: { state: 'not-sent', requested: 0, approved: 0 },
  pilotState: null,
  decision: null,
};
const doneChecklist = { complete: 12, gating: 12, ready: true };
const written: Partial<PlanFacts> = { checklist: doneChecklist, planMissing: 0 };

/** One workspace in each stage, as a plan goes through them. */
const factsInEachStage: Record<Stage, PlanFacts> = {
  'not-set-up': { ...chosen, setUp: false, candidates: 0, selected: null },
  empty: { ...chosen, candidates: 0, selected: null },
  choosing: { ...chosen, selected: null },
  selected: chosen,
  ready: { ...chosen, ...written },
  approvals: { ...chosen, ...written, approvals: { state: 'waiting', requested: 2, approved: 1 } },
  approved: { ...chosen, ...written, approvals: { state: 'approved', requested: 3, approved: 3 } },
  running: {
    ...chosen,
    ...written,
    approvals: { state: 'approved', requested: 3, approved: 3 },
    pilotState: 'Running',
  },
  paused: {
    ...chosen,
    ...written,
    approvals: { state: 'approved', requested: 3, approved: 3 },
    pilotState: 'Paused',
  },
  ended: {
    ...chosen,
    ...written,
    approvals: { state: 'approved', requested: 3, approved: 3 },
    pilotState: 'Ended',
  },
  decided: {
    ...chosen,
    ...written,
    approvals: { state: 'approved', requested: 3, approved: 3 },
    pilotState: 'Ended',
    decision: 'Extend',
  },
};

describe('the plan lifecycle', () => {
  it.each(Object.entries(factsInEachStage))('names the stage %s from its facts', (stage, facts) => {
    expect(stageOf(facts)).toBe(stage);
  });

  it.each<[Stage, number, string | null]>([
    ['not-set-up', 0, null],
    ['empty', 1, 'workflows'],
    ['choosing', 1, 'workflows'],
    ['selected', 2, 'governance'],
    ['ready', 2, 'approvals'],
    ['approvals', 2, 'approvals'],
    ['approved', 3, 'pilot'],
    ['running', 3, 'metrics'],
    ['paused', 3, 'pilot'],
    ['ended', 4, 'pilot'],
    ['decided', 5, 'pilot'],
  ])('puts %s in phase %i with its next step at %s', (stage, number, step) => {
    const phase = phaseOf(factsInEachStage[stage]);
    expect([phase.stage, phase.number, phase.step]).toEqual([stage, number, step]);
  });

  it('leads to the pilot plan once the checklist is done, and to approvals only once both are', () => {
    const checklistDone = phaseOf({ ...chosen, checklist: doneChecklist });
    expect(checklistDone.step).toBe('pilot');
    expect(checklistDone.detail).toBe(
      '“FAQ drafting” is selected. Finish the pilot plan (12 fields to write), then request approvals.',
    );
    expect(phaseOf(chosen).detail).toBe(
      '“FAQ drafting” is selected. Finish the governance checklist (3 of 12 required items done) and the pilot plan (12 fields to write), then request approvals.',
    );
    const approve = checklistDone.steps.find((s) => s.step === 'approvals');
    expect(approve).toEqual({ step: 'approvals', state: 'not-yet', why: 'finish the pilot plan first' });
  });

  it('treats approvals of an older version as none: a changed plan goes back to being sent', () => {
    const changed = {
      ...factsInEachStage.approvals,
      approvals: { state: 'not-sent', requested: 0, approved: 0 },
    };
    expect(stageOf(changed)).toBe('ready');
  });

  it('shows each step done, current or not yet, with why', () => {
    const states = (stage: Stage) =>
      phaseOf(factsInEachStage[stage]).steps.map((s) => `${s.step}:${s.state}`);
    expect(states('selected')).toEqual([
      'workflows:done',
      'governance:current',
      'pilot:not-yet',
      'approvals:not-yet',
      'metrics:not-yet',
    ]);
    expect(states('running')).toEqual([
      'workflows:done',
      'governance:done',
      'pilot:done',
      'approvals:done',
      'metrics:current',
    ]);
    expect(states('decided').every((s) => s.endsWith(':done'))).toBe(true);
    const choosing = phaseOf(factsInEachStage.choosing).steps;
    expect(choosing.filter((s) => s.state === 'not-yet').map((s) => s.why)).toEqual([
      'choose a workflow first',
      'choose a workflow first',
      'choose a workflow first',
      'choose a workflow first',
    ]);
  });

  it('gives every step that is not yet a reason, in every stage but before set-up', () => {
    for (const facts of Object.values(factsInEachStage)) {
      for (const step of phaseOf(facts).steps) if (step.state === 'not-yet') expect(step.why).not.toBe('');
    }
  });
});
