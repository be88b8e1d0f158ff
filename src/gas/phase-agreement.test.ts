import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import {
  district,
  namePeople,
  parallelReviewChain,
  reply,
  requester,
  SECOND_SCORER,
} from '../../test/support/approvals';
import { pilotPlan } from '../../test/support/pilot-plan';
import { sheetNamed } from '../../test/support/workspace';
import { BOARD_ROWS } from '../domain/board-summary';
import { DASHBOARD_FIRST_ROW, DASHBOARD_ROWS, DASHBOARD_WIDTH } from '../domain/dashboard-view';
import type { Stage } from '../domain/plan-lifecycle';
import * as actions from './actions';
import { governanceBoard } from './governance';
import { shareWithLeaders } from './leader-share';
import { workspaceStatus } from './workspace-status';

/**
 * One workspace walked through its lifecycle by the planner's own actions. At each stage the planner,
 * the Dashboard, the Board summary and the leaders' email state the same one: the planner names the
 * stage, the other three carry the same status sentence.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const as = (user: string) => ({ user });

/** `note` makes each share a new one: a share made again the same day, with the same note, is sent once. */
function statusLines(
  env: FakeEnvironment,
  note: string,
): { board: string; dashboard: string; email: string } {
  const board = env.run((gas) =>
    sheetNamed(gas, 'Board summary').getRange(1, 1, BOARD_ROWS, 3).getDisplayValues(),
  );
  const dashboard = env.run((gas) =>
    sheetNamed(gas, 'Dashboard')
      .getRange(DASHBOARD_FIRST_ROW, 1, DASHBOARD_ROWS, DASHBOARD_WIDTH)
      .getDisplayValues(),
  );
  const before = env.mail.sent().length;
  const shared = env.run(
    (gas) =>
      shareWithLeaders(gas, {
        access: 'summary',
        confirmOutside: false,
        note,
        addresses: emailOf('sponsor'),
      }),
    as(requester),
  );
  if (!shared.ok) throw new Error(JSON.stringify(shared));
  const email = env.mail.sent().slice(before).at(-1)?.plainBody ?? '';
  return {
    board: board.find((r) => r[0] === 'Status / Estado')?.[1] ?? '',
    dashboard: dashboard.find((r) => r[0] === 'Status')?.[1] ?? '',
    email,
  };
}

let shares = 0;

function expectAgreement(env: FakeEnvironment, stage: Stage, sentence: RegExp): void {
  expect(env.run((gas) => workspaceStatus(gas)).phase.stage).toBe(stage);
  shares += 1;
  const { board, dashboard, email } = statusLines(env, `Where the plan stands (${shares}).`);
  expect(board).toMatch(sentence);
  expect(dashboard).toBe(board);
  expect(email).toContain(board);
}

describe('one phase, stated alike everywhere', () => {
  it('the planner, the Dashboard, the Board summary and the leaders’ email agree at every stage', () => {
    const env = new FakeEnvironment();
    env.run((gas) => actions.setUp(gas));
    expectAgreement(env, 'choosing', /^Choosing one workflow: staff are scoring 4 candidates\.$/);

    namePeople(env);
    parallelReviewChain(env);
    for (const user of [requester, SECOND_SCORER])
      env.run(
        (gas) =>
          actions.saveScore(gas, {
            workflowId: 'WF-001',
            scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
            redFlags: [],
            fitsDay: 'yes',
            note: '',
            scorerName: null,
          }),
        as(user),
      );
    env.run(
      (gas) => actions.selectWorkflow(gas, { workflowId: 'WF-001', reason: '', confirmReplace: false }),
      as(requester),
    );
    expectAgreement(
      env,
      'selected',
      /is chosen\. Its governance checklist is under way: 0 of \d+ required items done\.$/,
    );

    const gating = env.run((gas) => governanceBoard(gas)).rows.filter((r) => r.gating);
    for (const row of gating)
      env.run(
        (gas) =>
          actions.updateChecklistItem(gas, {
            id: row.id,
            status: 'Done',
            evidence: `https://district.example.org/evidence/${row.code}`,
            naReason: '',
            due: '',
            owner: '',
            verifiedBy: '',
          }),
        as(requester),
      );
    expectAgreement(
      env,
      'selected',
      /its governance checklist is done\. Its pilot plan is still being written\.$/,
    );

    const plan = {
      ...pilotPlan,
      baselineStart: day(-40),
      baselineEnd: day(-10),
      pilotStart: day(-3),
      pilotEnd: day(30),
    };
    env.run((gas) => actions.savePilotPlan(gas, plan), as(requester));
    expectAgreement(
      env,
      'ready',
      /is ready for approval: all \d+ required checklist items are done and the pilot plan is written\.$/,
    );

    expect(env.run((gas) => actions.sendApprovalRequests(gas), as(requester)).ok).toBe(true);
    expectAgreement(env, 'approvals', /is waiting for approval: 0 of 2 approvals received\.$/);

    reply(env, emailOf('technology'), 'APPROVE');
    reply(env, emailOf('privacy'), 'APPROVE');
    env.run((gas) => actions.checkRepliesNow(gas), as(requester));
    expectAgreement(env, 'approvals', /is waiting for approval: 2 of 3 approvals received\.$/);
    reply(env, emailOf('sponsor'), 'APPROVE');
    env.run((gas) => actions.checkRepliesNow(gas), as(requester));
    expectAgreement(env, 'approved', /is approved\. The pilot has not started yet\.$/);

    expect(env.run((gas) => actions.startPilot(gas), as(requester)).ok).toBe(true);
    expectAgreement(env, 'running', /^The pilot of “.+” is running, .+ to .+\.$/);

    const saved = env.run(
      (gas) =>
        actions.saveMeasurement(gas, {
          metric: 'Incidents',
          window: 'Pilot',
          periodStart: day(-2),
          periodEnd: day(-1),
          value: 1,
          items: null,
          note: '',
        }),
      as(requester),
    );
    expect(saved.ok).toBe(true);
    expectAgreement(env, 'paused', /is paused until the team reviews what happened\.$/);

    const decided = env.run(
      (gas) => actions.recordDecision(gas, { decision: 'Revise', rationale: 'One incident in week one.' }),
      as(emailOf('sponsor')),
    );
    expect(decided.ok).toBe(true);
    expectAgreement(env, 'decided', /has ended with a decision\.$/);
  });
});
