import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { checkReplies, district, readyWorkspace, reply } from '../../test/support/approvals';
import { sheetNamed } from '../../test/support/workspace';
import type { PilotPlanInput, PilotResult } from '../shared/pilot';
import { approvalBoard, sendApprovalRequests } from './approvals';
import { pilotBoard, recordDecision, savePilotPlan, startPilot } from './pilot';

const plan: PilotPlanInput = {
  question: 'Does drafting FAQ answers from approved pages cut response time without losing accuracy?',
  decisionInformed: 'Whether to use it for all front-office FAQs next term.',
  team: 'Communications office: 3 staff',
  inScope: 'Enrollment and calendar questions',
  outOfScope: 'Anything about an individual student',
  baselineStart: '2026-11-02',
  baselineEnd: '2026-11-27',
  pilotStart: '2026-11-30',
  pilotEnd: '2027-01-22',
  checkInDay: 'Friday',
  tool: 'District-licensed assistant, signed in with district accounts',
  agreement: 'Registry entry 2026-14',
  sources: 'The public website FAQ pages (owner: Communications)',
  dataRule: 'Green data only; remove names before pasting',
  reviewRule: 'Every draft read by the communications lead before sending',
  humanOnly: 'Safety, legal, individual students',
  escalation: 'Jo Park, communications director',
  stopRule: 'Any privacy incident; any wrong answer reaching a family',
  communication: 'Staff briefing; board update in January',
  feedback: 'The office feedback form',
};

const emailOf = (role: string) => district[role]?.[1] ?? '';

function ok(result: PilotResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.board;
}

/** Every approval step approves the plan as it stands now. */
function approveAll(env: FakeEnvironment): void {
  const sent = env.run((gas) => sendApprovalRequests(gas));
  if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
  reply(env, emailOf('technology'), 'APPROVE');
  reply(env, emailOf('privacy'), 'APPROVE');
  checkReplies(env);
  reply(env, emailOf('sponsor'), 'APPROVE');
  checkReplies(env);
  expect(env.run((gas) => approvalBoard(gas)).state).toBe('approved');
}

const logActions = (env: FakeEnvironment) =>
  env.run((gas) =>
    sheetNamed(gas, 'Log')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => String(r[3])),
  );

describe('the pilot plan', () => {
  it.each<[string, Partial<PilotPlanInput>, string, string]>([
    [
      'a date that does not exist',
      { pilotEnd: '2027-02-30' },
      'pilotEnd',
      'Pilot end must be a date (yyyy-mm-dd).',
    ],
    [
      'a pilot ending before it starts',
      { pilotEnd: '2026-11-01' },
      'pilotEnd',
      'The pilot ends before it starts.',
    ],
    [
      'a pilot starting inside the baseline',
      { pilotStart: '2026-11-20' },
      'pilotStart',
      'The pilot must start after the baseline window ends, so the two can be compared.',
    ],
    [
      'a pilot of a year',
      { pilotEnd: '2027-11-30' },
      'pilotEnd',
      'A pilot longer than 26 weeks is a rollout: shorten it (4–8 weeks is typical).',
    ],
    [
      'an unknown check-in day',
      { checkInDay: 'Sunday' },
      'checkInDay',
      'The check-in day must be one of Monday, Tuesday, Wednesday, Thursday, Friday.',
    ],
    [
      'an over-long field',
      { reviewRule: 'x'.repeat(2001) },
      'reviewRule',
      'Review rule is too long: 2001 characters, at most 2000.',
    ],
  ])('refuses %s with a clear message and changes nothing', (_case, change, field, message) => {
    const env = readyWorkspace();
    const before = structuredClone(env.state);
    expect(env.run((gas) => savePilotPlan(gas, { ...plan, ...change }))).toEqual({
      ok: false,
      errors: [{ field, message }],
    });
    expect(env.state).toEqual(before);
  });

  it('is saved in the Pilot sheet as written, dates as dates, and logged', () => {
    const env = readyWorkspace();
    const board = ok(env.run((gas) => savePilotPlan(gas, { ...plan, stopRule: '=any incident' })));
    expect(board.plan).toEqual({ ...plan, stopRule: '=any incident' });
    expect(board.missing).toEqual([]);
    const row = env.run((gas) => sheetNamed(gas, 'Pilot').getDataRange().getValues()[1] ?? []);
    expect(row.filter((v) => v instanceof Date)).toHaveLength(4);
    expect(
      env.run((gas) => sheetNamed(gas, 'Pilot').getDataRange().getFormulas().flat().filter(Boolean)),
    ).toEqual([]);
    expect(logActions(env).at(-1)).toBe('Wrote pilot plan');
  });

  it('lists what is missing before the pilot can start', () => {
    const env = readyWorkspace();
    const board = ok(env.run((gas) => savePilotPlan(gas, { ...plan, question: '', stopRule: '' })));
    expect(board.missing.map((m) => m.message)).toEqual([
      'The question the pilot answers is needed before the pilot starts.',
      'Stop rule is needed before the pilot starts.',
    ]);
    expect(board.cannotStart).toBe('The plan is missing 2 parts (listed below).');
  });
});

describe('starting the pilot', () => {
  it('starts only when every approval step approved the current plan version, and logs it', () => {
    const env = readyWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    expect(env.run((gas) => startPilot(gas))).toEqual({
      ok: false,
      errors: [
        { field: '', message: 'Every approval step must approve this plan version first (3. Approve).' },
      ],
    });
    approveAll(env);
    const board = ok(env.run((gas) => startPilot(gas)));
    expect(board).toMatchObject({ state: 'Running', cannotStart: 'The pilot is running.' });
    expect(logActions(env).at(-1)).toBe('Started pilot');
  });

  it('makes approvals stale when the pilot plan changes after approval', () => {
    const env = readyWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    approveAll(env);
    const edited = env.run((gas) =>
      savePilotPlan(gas, { ...plan, reviewRule: 'Spot-check one draft in five' }),
    );
    expect(edited).toMatchObject({
      ok: true,
      message: expect.stringContaining('approvals given to the earlier version are stale') as unknown,
    });
    expect(env.run((gas) => startPilot(gas)).ok).toBe(false);
    const approvals = env.run((gas) => approvalBoard(gas));
    expect(approvals.state).toBe('not-sent');
    expect(approvals.steps.find((s) => s.number === 1)?.approvers.map((a) => a.status)).toEqual([
      'Not sent',
      'Not sent',
    ]);
  });
});

describe('the decision', () => {
  function running(): FakeEnvironment {
    const env = readyWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    return env;
  }

  it.each<[string, unknown, string]>([
    ['an unknown decision', { decision: 'Continue', rationale: 'x' }, 'decision'],
    ['no evidence', { decision: 'Scale', rationale: '  ' }, 'rationale'],
  ])('refuses %s', (_case, input, field) => {
    const env = running();
    const result = env.run((gas) => recordDecision(gas, input));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([field]);
  });

  it('records the sponsor’s decision with its evidence, ends the pilot, and keeps the plan as a record', () => {
    const env = running();
    const board = ok(
      env.run((gas) =>
        recordDecision(gas, { decision: 'Scale', rationale: 'Response time down 41%; no escaped errors.' }),
      ),
    );
    expect(board).toMatchObject({
      state: 'Ended',
      decision: 'Scale',
      rationale: 'Response time down 41%; no escaped errors.',
    });
    expect(env.run((gas) => recordDecision(gas, { decision: 'Stop', rationale: 'x' })).ok).toBe(false);
    expect(env.run((gas) => savePilotPlan(gas, { ...plan, team: 'Everyone' })).ok).toBe(false);
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Ended');
    expect(logActions(env).at(-1)).toBe('Pilot decision');
  });
});

describe('a decision to scale', () => {
  it('into Red data with a new vendor re-opens the checklist and every approval step', () => {
    const env = readyWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    const result = env.run((gas) =>
      recordDecision(gas, {
        decision: 'Scale',
        rationale: 'Worked well.',
        scaleTier: 'Red',
        scaleNewVendor: true,
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringContaining('every approval step open again') as unknown,
    });
    expect(logActions(env)).toEqual(expect.arrayContaining(['Scaling re-opens approvals', 'Pilot decision']));
    const checklist = env.run((gas) => sheetNamed(gas, 'Governance').getDataRange().getValues());
    expect(checklist.some((r) => r.includes('G10'))).toBe(true);
    const approvals = env.run((gas) => approvalBoard(gas));
    expect(approvals.state).toBe('not-sent');
    expect(approvals.steps.filter((s) => s.applies).map((s) => s.name)).toContain('Legal review');
  });

  it('within the same tier and vendors leaves the approvals as they are', () => {
    const env = readyWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    ok(
      env.run((gas) =>
        recordDecision(gas, {
          decision: 'Scale',
          rationale: 'Same data.',
          scaleTier: '',
          scaleNewVendor: false,
        }),
      ),
    );
    expect(env.run((gas) => approvalBoard(gas)).state).toBe('approved');
  });
});
