import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { district, governedWorkspace } from '../../test/support/approvals';
import { approveAll, pilotPlan as plan } from '../../test/support/pilot';
import { sheetNamed } from '../../test/support/workspace';
import type { PilotPlanInput, PilotResult } from '../shared/pilot';
import { approvalBoard } from './approvals';
import { saveMeasurement } from './metrics';
import { pilotBoard, recordDecision, resumePilot, savePilotPlan, startPilot } from './pilot';

const emailOf = (role: string) => district[role]?.[1] ?? '';

function ok(result: PilotResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.board;
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
    const env = governedWorkspace();
    const before = worldSnapshot(env);
    expect(env.run((gas) => savePilotPlan(gas, { ...plan, ...change }))).toEqual({
      ok: false,
      errors: [{ field, message }],
    });
    expectUnchanged(env, before);
  });

  it('is saved in the Pilot sheet as written, dates as dates, and logged', () => {
    const env = governedWorkspace();
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
    const env = governedWorkspace();
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
    const env = governedWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    expect(env.run((gas) => startPilot(gas))).toEqual({
      ok: false,
      errors: [
        { field: '', message: 'Every approval step must approve this plan version first (4. Approve).' },
      ],
    });
    approveAll(env);
    const board = ok(env.run((gas) => startPilot(gas)));
    expect(board).toMatchObject({ state: 'Running', cannotStart: 'The pilot is running.' });
    expect(logActions(env).at(-1)).toBe('Started pilot');
    // Built from the rows the action holds, it is the board the sheets give when read again.
    expect(board).toEqual(env.run((gas) => pilotBoard(gas)));
  });

  it('makes approvals stale when the pilot plan changes after approval', () => {
    const env = governedWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, plan)));
    approveAll(env);
    const change = { ...plan, reviewRule: 'Spot-check one draft in five' };
    // Inside an approved version the change is confirmed first (approved-change.test.ts).
    const asked = env.run((gas) => savePilotPlan(gas, change));
    if (asked.ok || !asked.approvedChange) throw new Error('the change was not confirmed first');
    const edited = env.run((gas) =>
      savePilotPlan(gas, { ...change, confirmApprovedChange: asked.approvedChange?.version ?? '' }),
    );
    expect(edited).toMatchObject({
      ok: true,
      message: expect.stringContaining('no longer count: send the requests again') as unknown,
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

/**
 * A day relative to today, as yyyy-mm-dd in UTC. The rules compare with today in the spreadsheet's
 * time zone, up to a day away from UTC, so the plans below keep two days from today either way.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A plan whose pilot ended at least a day ago, wherever the spreadsheet is. */
const endedPlan: PilotPlanInput = {
  ...plan,
  baselineStart: day(-80),
  baselineEnd: day(-50),
  pilotStart: day(-45),
  pilotEnd: day(-2),
};
const sponsor = { user: emailOf('sponsor') };

describe('the decision', () => {
  function running(which: PilotPlanInput = endedPlan): FakeEnvironment {
    const env = governedWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, which)));
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    return env;
  }

  it.each<[string, unknown, string]>([
    ['an unknown decision', { decision: 'Continue', rationale: 'x' }, 'decision'],
    ['no evidence', { decision: 'Scale', rationale: '  ' }, 'rationale'],
  ])('refuses %s', (_case, input, field) => {
    const env = running();
    const result = env.run((gas) => recordDecision(gas, input), sponsor);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([field]);
  });

  it('records the sponsor’s decision with its evidence, ends the pilot, and keeps the plan as a record', () => {
    const env = running();
    const board = ok(
      env.run(
        (gas) =>
          recordDecision(gas, { decision: 'Scale', rationale: 'Response time down 41%; no escaped errors.' }),
        sponsor,
      ),
    );
    expect(board).toMatchObject({
      state: 'Ended',
      decision: 'Scale',
      rationale: 'Response time down 41%; no escaped errors.',
      decidedBy: 'Dr. Rivera (rivera@district.example.org)',
      recordedBy: 'rivera@district.example.org',
    });
    expect(board).toEqual(env.run((gas) => pilotBoard(gas)));
    expect(env.run((gas) => recordDecision(gas, { decision: 'Stop', rationale: 'x' }), sponsor).ok).toBe(
      false,
    );
    expect(env.run((gas) => savePilotPlan(gas, { ...plan, team: 'Everyone' })).ok).toBe(false);
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Ended');
    expect(logActions(env).slice(-2)).toEqual(['Pilot decision', 'Decision notice queued']);
  });

  it('is refused while the pilot is still running, changing nothing', () => {
    const env = running({
      ...plan,
      baselineStart: day(-40),
      baselineEnd: day(-10),
      pilotStart: day(-3),
      pilotEnd: day(30),
    });
    expect(env.run((gas) => pilotBoard(gas)).cannotDecide).toContain('The pilot runs until');
    const before = JSON.stringify(env.state.spreadsheet);
    const result = env.run(
      (gas) => recordDecision(gas, { decision: 'Scale', rationale: 'Day one looks good.' }),
      sponsor,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: '',
          message: expect.stringMatching(
            /^The pilot runs until \w{3} \d{1,2}, \d{4}: record the decision once it has ended, or if its stop rule pauses it\.$/,
          ) as unknown,
        },
      ],
    });
    expect(JSON.stringify(env.state.spreadsheet) === before).toBe(true);
  });

  it('by someone other than the sponsor needs “on behalf of”, with the evidence, and keeps both names', () => {
    const env = running();
    const before = JSON.stringify(env.state.spreadsheet);
    const refused = env.run((gas) =>
      recordDecision(gas, { decision: 'Extend', rationale: 'Need more weeks.' }),
    );
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'onBehalf' }] });
    const noEvidence = env.run((gas) =>
      recordDecision(gas, {
        decision: 'Extend',
        rationale: 'Need more weeks.',
        onBehalf: true,
        evidence: '',
      }),
    );
    expect(noEvidence).toMatchObject({ ok: false, errors: [{ field: 'evidence' }] });
    expect(JSON.stringify(env.state.spreadsheet) === before).toBe(true);

    const board = ok(
      env.run((gas) =>
        recordDecision(gas, {
          decision: 'Extend',
          rationale: 'Need more weeks.',
          onBehalf: true,
          evidence: 'Email from Dr. Rivera, Dec 18',
        }),
      ),
    );
    expect(board).toMatchObject({
      decidedBy: 'Dr. Rivera (rivera@district.example.org)',
      recordedBy: 'coordinator@district.example.org',
    });
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    expect(log.at(-2)?.map(String).join(' | ')).toContain(
      'Recorded by coordinator@district.example.org on behalf of Dr. Rivera (rivera@district.example.org) (Email from Dr. Rivera, Dec 18).',
    );
  });
});

describe('a pilot paused by its stop rule', () => {
  function paused(): FakeEnvironment {
    const env = governedWorkspace();
    ok(
      env.run((gas) =>
        savePilotPlan(gas, {
          ...plan,
          baselineStart: day(-40),
          baselineEnd: day(-10),
          pilotStart: day(-3),
          pilotEnd: day(30),
        }),
      ),
    );
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    const saved = env.run((gas) =>
      saveMeasurement(gas, {
        metric: 'Incidents',
        window: 'Pilot',
        periodStart: day(-2),
        periodEnd: day(-1),
        value: 1,
        items: null,
        note: '',
      }),
    );
    expect(saved.ok).toBe(true);
    expect(env.run((gas) => pilotBoard(gas))).toMatchObject({ state: 'Paused', cannotDecide: null });
    return env;
  }

  it('records why it paused, and can be decided before its end date', () => {
    const env = paused();
    expect(env.run((gas) => pilotBoard(gas)).pausedBecause).toContain('1 incident');
    ok(env.run((gas) => recordDecision(gas, { decision: 'Revise', rationale: 'One incident.' }), sponsor));
  });

  it('is resumed only by the sponsor with a reason; the same reasons do not pause it again, new ones do', () => {
    const env = paused();
    const before = JSON.stringify(env.state.spreadsheet);
    expect(env.run((gas) => resumePilot(gas, { reason: 'Filter fixed.' }))).toMatchObject({
      ok: false,
      errors: [{ field: 'resume-onBehalf' }],
    });
    expect(env.run((gas) => resumePilot(gas, { reason: ' ' }), sponsor)).toMatchObject({
      ok: false,
      errors: [{ field: 'reason' }],
    });
    expect(JSON.stringify(env.state.spreadsheet) === before).toBe(true);

    const board = ok(
      env.run((gas) => resumePilot(gas, { reason: 'Filter fixed; privacy officer checked.' }), sponsor),
    );
    expect(board).toMatchObject({ state: 'Running', pausedBecause: '' });
    expect(board).toEqual(env.run((gas) => pilotBoard(gas)));
    expect(logActions(env).at(-1)).toBe('Resumed pilot');
    const measure = (value: number) =>
      env.run((gas) =>
        saveMeasurement(gas, {
          metric: 'Time per item',
          window: 'Pilot',
          periodStart: day(-2),
          periodEnd: day(-1),
          value,
          items: 40,
          note: '',
        }),
      );
    measure(12);
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Running');
    env.run((gas) =>
      saveMeasurement(gas, {
        metric: 'Incidents',
        window: 'Pilot',
        periodStart: day(-1),
        periodEnd: day(-1),
        value: 1,
        items: null,
        note: '',
      }),
    );
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Paused');
  });
});

describe('a decision to scale', () => {
  it('into Red data with a new vendor re-opens the checklist and every approval step', () => {
    const env = governedWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, endedPlan)));
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    const result = env.run(
      (gas) =>
        recordDecision(gas, {
          decision: 'Scale',
          rationale: 'Worked well.',
          scaleTier: 'Red',
          scaleNewVendor: true,
        }),
      sponsor,
    );
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringContaining('every approval step open again') as unknown,
      reopens: true,
    });
    // The approvals asked again after the checklist followed: the board is the sheets' as they are now.
    expect(result.ok && result.board).toEqual(env.run((gas) => pilotBoard(gas)));
    expect(logActions(env)).toEqual(expect.arrayContaining(['Scaling re-opens approvals', 'Pilot decision']));
    const checklist = env.run((gas) => sheetNamed(gas, 'Governance').getDataRange().getValues());
    expect(checklist.some((r) => r.includes('G10'))).toBe(true);
    const approvals = env.run((gas) => approvalBoard(gas));
    expect(approvals.state).toBe('not-sent');
    expect(approvals.steps.filter((s) => s.applies).map((s) => s.name)).toContain(
      'Legal and procurement review',
    );
  });

  it('within the same tier and vendors leaves the approvals as they are', () => {
    const env = governedWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, endedPlan)));
    approveAll(env);
    ok(env.run((gas) => startPilot(gas)));
    ok(
      env.run(
        (gas) =>
          recordDecision(gas, {
            decision: 'Scale',
            rationale: 'Same data.',
            scaleTier: '',
            scaleNewVendor: false,
          }),
        sponsor,
      ),
    );
    expect(env.run((gas) => approvalBoard(gas)).state).toBe('approved');
  });
});
