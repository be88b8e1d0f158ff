import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { governedWorkspace, readyWorkspace, selectedWorkspace } from '../../test/support/approvals';
import { pilotPlan } from '../../test/support/pilot-plan';
import { setCell } from '../../test/support/workspace';
import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import * as actions from './actions';

/**
 * Each step of the lifecycle refused where its guard says so: the planner's own action, its message,
 * and the workspace (sheets, properties, triggers, mail) exactly as it was.
 */
const refusedSend = (env: FakeEnvironment): string => {
  const before = worldSnapshot(env);
  const result = env.run((gas) => actions.sendApprovalRequests(gas));
  expectUnchanged(env, before);
  if (result.ok) throw new Error('sent');
  return result.errors.map((e) => e.message).join(' ');
};

describe('the approval request guard', () => {
  it('refuses a plan whose pilot plan is not written, naming what is missing', () => {
    expect(refusedSend(governedWorkspace())).toBe(
      'The pilot plan is not complete: write The question the pilot answers, Team and participants, Baseline start and 9 more in Pilot first. Approvers are asked to approve the plan as written, so nothing was sent.',
    );
  });

  it('refuses a pilot plan with one field still empty', () => {
    const env = governedWorkspace();
    env.run((gas) => actions.savePilotPlan(gas, { ...pilotPlan, stopRule: '' }));
    expect(refusedSend(env)).toBe(
      'The pilot plan is not complete: write Stop rule in Pilot first. Approvers are asked to approve the plan as written, so nothing was sent.',
    );
  });

  it('refuses a plan whose checklist is not done, before anything about the pilot plan', () => {
    const env = selectedWorkspace();
    env.run((gas) => actions.savePilotPlan(gas, pilotPlan));
    expect(refusedSend(env)).toBe(
      'The governance checklist is not complete: finish its required items first.',
    );
  });

  it('refuses a selection that is no longer eligible as the scores stand', () => {
    const env = readyWorkspace();
    // Both scorers now rate the risk 1 (the Scores sheet is where scores live).
    setCell(env, 'Scores', 2, 'risk', 1);
    setCell(env, 'Scores', 3, 'risk', 1);
    expect(refusedSend(env)).toMatch(
      /^“FAQ drafting from approved materials” cannot be sent for approval as the team’s scores stand\. .+ Nothing was sent: change the scores or choose another workflow\.$/,
    );
  });

  it('sends once the checklist and the pilot plan are complete', () => {
    const env = readyWorkspace();
    expect(env.run((gas) => actions.sendApprovalRequests(gas)).ok).toBe(true);
  });
});

describe('the pilot start guard', () => {
  it('refuses to start a pilot whose plan is not approved, changing nothing', () => {
    const env = readyWorkspace();
    const before = worldSnapshot(env);
    const result = env.run((gas) => actions.startPilot(gas));
    expect(result).toEqual({ ok: false, errors: [{ field: '', message: expect.any(String) as unknown }] });
    expectUnchanged(env, before);
  });
});
