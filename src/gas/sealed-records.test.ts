import { describe, expect, it } from '@jest/globals';
import { pilotPlan as plan } from '../../test/support/pilot-plan';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { checkReplies, district, readyWorkspace, reply, requester } from '../../test/support/approvals';
import { setCell, sheetNamed } from '../../test/support/workspace';
import { approvalBoard, sendApprovalRequests } from './approvals';
import { saveMeasurement } from './metrics';
import { pilotBoard, recordDecision, savePilotPlan, startPilot } from './pilot';

/**
 * What an editor types into a row that gates a step — "Approved" in a request's Status, a decision, the
 * pilot's state — never counts: the planner says so, and the next action logs it once
 * and writes the row back as the add-on recorded it.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const sam = emailOf('technology');
const pat = emailOf('privacy');
const rivera = emailOf('sponsor');
const NOT_COUNTED = 'Edited in the sheet — not counted';

const send = (env: FakeEnvironment) => env.run((gas) => sendApprovalRequests(gas), { user: requester });
const boardOf = (env: FakeEnvironment) => env.run((gas) => approvalBoard(gas));
const logOf = (env: FakeEnvironment) =>
  env.run((gas) =>
    sheetNamed(gas, 'Log')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => ({ action: String(r[3]), note: String(r[7]) })),
  );
/** The sheet row of the request to `approver` (rows are in the order sent). */
const rowOf = (env: FakeEnvironment, approver: string) =>
  2 +
  env.run((gas) =>
    sheetNamed(gas, 'Approvals')
      .getDataRange()
      .getValues()
      .slice(1)
      .findIndex((r) => r.includes(approver)),
  );

describe('an approval typed into the Approvals sheet', () => {
  it('does not count, is shown as edited in the planner, and is logged once by the next check', () => {
    const env = readyWorkspace();
    send(env);
    for (const approver of [sam, pat]) {
      setCell(env, 'Approvals', rowOf(env, approver), 'status', 'Approved');
      setCell(env, 'Approvals', rowOf(env, approver), 'decision', 'Approve');
    }

    const board = boardOf(env);
    expect(board.state).toBe('waiting');
    expect(board.steps[0]?.approvers.map((a) => a.status)).toEqual(['Sent', 'Sent']);
    expect(board.edited).toHaveLength(2);
    expect(board.edited[0]).toContain(NOT_COUNTED);
    expect(board.edited[0]).toContain('Status, Decision changed by hand');
    // A view says why, and writes nothing about it.
    expect(logOf(env).filter((e) => e.action === 'Approval row edited in the sheet')).toEqual([]);

    const summary = checkReplies(env);
    expect(summary.sent).toBe(0);
    expect(env.mail.sent().some((m) => m.to === rivera)).toBe(false);
    const logged = logOf(env).filter((e) => e.action === 'Approval row edited in the sheet');
    expect(logged).toHaveLength(2);
    expect(logged[0]?.note).toContain(NOT_COUNTED);
    // Written back as the add-on recorded it, so the next check has nothing more to log.
    expect(boardOf(env).edited).toEqual([]);
    checkReplies(env);
    expect(logOf(env).filter((e) => e.action === 'Approval row edited in the sheet')).toHaveLength(2);

    // The approvers' own replies still count.
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    expect(checkReplies(env)).toMatchObject({ decided: 2, sent: 1 });
  });

  it('does not let a decision be changed by hand: an approval edited to a rejection still reads as approved', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    setCell(env, 'Approvals', rowOf(env, sam), 'status', 'Rejected');
    const board = boardOf(env);
    expect(board.state).toBe('waiting');
    expect(board.steps[0]?.approvers[0]?.status).toBe('Approved');
    expect(board.edited[0]).toContain('Status changed by hand; the add-on’s record stands');
  });

  it('does not count a row typed in whole (no seal): its approver is asked by a request the add-on makes', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    // Someone types a request row for the sponsor's step, already approved, before the add-on sends it.
    const row = rowOf(env, pat) + 1;
    const version = boardOf(env).planVersion ?? '';
    for (const [key, value] of Object.entries({
      id: 'AP-HANDMADE',
      workflowId: 'WF-001',
      step: 5,
      role: 'Executive sponsor',
      approver: rivera,
      planVersion: version,
      status: 'Approved',
      decision: 'Approve',
      requestedBy: requester,
    }))
      setCell(env, 'Approvals', row, key, value);
    expect(boardOf(env).edited[0]).toContain('its seal is missing or does not match');
    expect(checkReplies(env)).toMatchObject({ decided: 2, sent: 1 });
    expect(env.mail.sent().filter((m) => m.to === rivera)).toHaveLength(1);
    expect(boardOf(env).state).toBe('waiting');
    const logged = logOf(env).filter((e) => e.action === 'Approval row edited in the sheet');
    expect(logged).toHaveLength(1);
  });
});

describe('the pilot’s state and decision typed into the Pilot sheet', () => {
  function withPlan(): FakeEnvironment {
    const env = readyWorkspace();
    const saved = env.run((gas) => savePilotPlan(gas, plan));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return env;
  }

  it('a pilot typed to "Running" is not running: the planner says why, and the next action logs it', () => {
    const env = withPlan();
    setCell(env, 'Pilot', 2, 'state', 'Running');
    const board = env.run((gas) => pilotBoard(gas));
    expect(board.state).toBe('Draft');
    expect(board.edited).toContain('State “Running” edited in the sheet — not counted');
    expect(logOf(env).some((e) => e.action === 'Pilot row edited in the sheet')).toBe(false);
    // Starting needs every approval, so it is refused; the edit is logged and written back all the same.
    expect(env.run((gas) => startPilot(gas)).ok).toBe(false);
    expect(logOf(env).filter((e) => e.action === 'Pilot row edited in the sheet')).toHaveLength(1);
    expect(env.run((gas) => pilotBoard(gas))).toMatchObject({ state: 'Draft', edited: null });
  });

  it('a decision typed in does not end the pilot, and the sponsor’s decision is still recorded', () => {
    const env = withPlan();
    send(env);
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    checkReplies(env);
    reply(env, rivera, 'APPROVE');
    checkReplies(env);
    expect(env.run((gas) => startPilot(gas)).ok).toBe(true);
    // The stop rule pauses the pilot (an incident recorded), so the sponsor may decide.
    env.run((gas) =>
      saveMeasurement(gas, {
        metric: 'Incidents',
        window: 'Pilot',
        // The pilot's first day: inside its window, and past (no period may start after today).
        periodStart: '2026-11-30',
        periodEnd: '2026-11-30',
        value: 1,
        items: null,
        note: '',
      }),
    );
    setCell(env, 'Pilot', 2, 'decision', 'Scale');
    setCell(env, 'Pilot', 2, 'state', 'Ended');
    const board = env.run((gas) => pilotBoard(gas));
    expect(board).toMatchObject({ state: 'Paused', decision: '' });
    expect(board.edited).toContain('Decision “Scale”');
    const decided = env.run(
      (gas) => recordDecision(gas, { decision: 'Extend', rationale: 'Two more weeks.' }),
      { user: rivera },
    );
    expect(decided).toMatchObject({ ok: true });
    expect(env.run((gas) => pilotBoard(gas))).toMatchObject({
      state: 'Ended',
      decision: 'Extend',
      edited: null,
    });
    const actions = logOf(env).map((e) => e.action);
    expect(actions.filter((a) => a === 'Pilot row edited in the sheet')).toHaveLength(1);
    expect(actions.filter((a) => a === 'Pilot decision')).toHaveLength(1);
  });
});
