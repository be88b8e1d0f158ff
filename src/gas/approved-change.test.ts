import { describe, expect, it, jest } from '@jest/globals';
import { callSites, SERVER_ERROR } from '../../test/fakes/faults';
import { cloneWorld } from '../../test/support/world';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { district, governedWorkspace } from '../../test/support/approvals';
import { approveAll, pilotPlan as plan } from '../../test/support/pilot';
import { sheetNamed } from '../../test/support/workspace';
import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import type { PilotPlanInput } from '../shared/pilot';
import { approvalBoard } from './approvals';
import { governanceBoard, updateChecklistItem } from './governance';
import { pilotBoard, resumePilot, savePilotPlan, startPilot } from './pilot';
import { saveWorkflow, workflowBoard } from './workflow-board';

/**
 * Changing a plan inside an approved version: each save path refused with its message and the world
 * as it was, until the person confirms; confirmed, the change is logged field by field, the approvals
 * go stale, a running pilot pauses (its notice sent once) and resumes only once re-approved.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const sponsor = { user: emailOf('sponsor') };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const runningPlan: PilotPlanInput = {
  ...plan,
  baselineStart: day(-60),
  baselineEnd: day(-20),
  pilotStart: day(-10),
  pilotEnd: day(30),
};

function ok<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
}

/** Every step approved the plan; `start` also starts the pilot. */
function approved(start = false): FakeEnvironment {
  const env = governedWorkspace();
  ok(env.run((gas) => savePilotPlan(gas, runningPlan)));
  approveAll(env);
  if (start) ok(env.run((gas) => startPilot(gas)));
  return env;
}

const version = (env: FakeEnvironment) => env.run((gas) => governanceBoard(gas)).planVersion ?? '';

const voids = [
  { step: 1, role: 'Privacy officer', approver: 'Pat Lee' },
  { step: 1, role: 'Technology director', approver: 'Sam Ortiz' },
  { step: 8, role: 'Executive sponsor', approver: 'Dr. Rivera' },
];

const refusedMessage = (running: boolean) =>
  `This changes the plan the Privacy officer (Pat Lee), the Technology director (Sam Ortiz) and the Executive sponsor (Dr. Rivera) approved: those approvals would no longer count, and those steps are asked again.${running ? ' The running pilot would pause until the new version is approved.' : ''} Confirm the change to save it; nothing was saved.`;

/** Runs a save expected to be refused for confirmation, and checks the world is as it was. */
function refused<T extends { ok: boolean }>(env: FakeEnvironment, save: () => T): T {
  const before = worldSnapshot(env);
  const result = save();
  expectUnchanged(env, before);
  expect(result.ok).toBe(false);
  return result;
}

const log = (env: FakeEnvironment) =>
  env.run((gas) =>
    sheetNamed(gas, 'Log')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => ({
        action: String(r[3]),
        subject: String(r[4]),
        before: String(r[5]),
        after: String(r[6]),
        note: String(r[7]),
      })),
  );

const approvalStatuses = (env: FakeEnvironment) =>
  env.run((gas) => {
    const [head, ...rows] = sheetNamed(gas, 'Approvals').getDataRange().getValues();
    const at = (head ?? []).indexOf('Status');
    return rows.map((r) => String(r[at]));
  });

const firstGating = (env: FakeEnvironment) => {
  const row = env.run((gas) => governanceBoard(gas)).rows.find((r) => r.gating);
  if (!row) throw new Error('no gating row');
  return row;
};

const checklistSave = (row: ReturnType<typeof firstGating>, evidence: string) => ({
  id: row.id,
  status: row.status,
  evidence,
  naReason: row.naReason,
  due: row.due,
  owner: row.owner,
  verifiedBy: row.verifiedBy,
});

const workflowSave = (env: FakeEnvironment, changes: Record<string, unknown>) => {
  const card = env.run((gas) => workflowBoard(gas)).workflows.find((w) => w.id === 'WF-001');
  if (!card) throw new Error('no WF-001');
  return {
    id: card.id,
    name: card.name,
    description: card.description,
    team: card.team,
    timeLost: card.timeLost,
    fragmented: card.fragmented,
    frequentSafe: card.frequentSafe,
    dataTier: card.dataTier,
    kind: card.kind,
    flags: card.flags,
    ...changes,
  };
};

describe('a change inside an approved version', () => {
  it('to the pilot plan is refused until confirmed, naming the approvals it voids and what it changes', () => {
    const env = approved();
    const v = version(env);
    const result = refused(env, () =>
      env.run((gas) => savePilotPlan(gas, { ...runningPlan, stopRule: 'Two privacy incidents' })),
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'confirmApprovedChange', message: refusedMessage(false) }],
      approvedChange: {
        version: v,
        voids,
        changes: [
          {
            label: 'Pilot plan › Stop rule',
            before: 'Any privacy incident; any wrong answer reaching a family',
            after: 'Two privacy incidents',
          },
        ],
        pausesPilot: false,
      },
    });
  });

  it('to a checklist item is refused until confirmed', () => {
    const env = approved();
    const row = firstGating(env);
    const result = refused(env, () =>
      env.run((gas) => updateChecklistItem(gas, checklistSave(row, 'https://district.example.org/new'))),
    );
    expect(result).toMatchObject({
      errors: [{ message: refusedMessage(false) }],
      approvedChange: {
        changes: [
          {
            label: `Checklist ${row.code} › Evidence link`,
            before: row.evidence,
            after: 'https://district.example.org/new',
          },
        ],
      },
    });
  });

  it('to the selected workflow’s profile is refused until confirmed, with the checklist rows it brings', () => {
    const env = approved();
    const result = refused(env, () =>
      env.run((gas) => saveWorkflow(gas, workflowSave(env, { dataTier: 'Amber' }))),
    );
    if (result.ok || !('approvedChange' in result) || !result.approvedChange) throw new Error('not asked');
    expect(result.errors[0]?.message).toBe(refusedMessage(false));
    expect(result.approvedChange.changes[0]).toEqual({
      label: 'Workflow › Data tier',
      before: 'Green',
      after: 'Amber',
    });
  });

  it('is not asked about when the version stays as it is', () => {
    const env = approved();
    expect(env.run((gas) => savePilotPlan(gas, runningPlan))).toMatchObject({
      ok: true,
      message: 'Nothing changed.',
    });
    // Another workflow than the selected one is not in the plan.
    const other = env.run((gas) => workflowBoard(gas)).workflows.find((w) => w.id === 'WF-002');
    if (!other) throw new Error('no WF-002');
    expect(
      env.run((gas) =>
        saveWorkflow(gas, {
          ...workflowSave(env, {}),
          id: other.id,
          name: other.name,
          description: 'Edited.',
        }),
      ).ok,
    ).toBe(true);
    expect(env.run((gas) => approvalBoard(gas)).state).toBe('approved');
  });

  it('is not asked about before anything is approved', () => {
    const env = governedWorkspace();
    ok(env.run((gas) => savePilotPlan(gas, runningPlan)));
    ok(env.run((gas) => savePilotPlan(gas, { ...runningPlan, stopRule: 'Two privacy incidents' })));
  });

  it('confirmed for another version than the one shown is asked again', () => {
    const env = approved();
    refused(env, () =>
      env.run((gas) =>
        savePilotPlan(gas, {
          ...runningPlan,
          stopRule: 'Two incidents',
          confirmApprovedChange: 'v-000000000000',
        }),
      ),
    );
  });
});

describe('a confirmed change of an approved plan', () => {
  it('saves, logs field: before → after with the versions, marks the approvals stale and pauses the running pilot once', () => {
    const env = approved(true);
    const v = version(env);
    const sentBefore = env.mail.sent().length;
    const change = { ...runningPlan, stopRule: 'Two privacy incidents' };
    const asked = env.run((gas) => savePilotPlan(gas, change));
    if (asked.ok || !asked.approvedChange) throw new Error('not asked');
    expect(asked.approvedChange.pausesPilot).toBe(true);
    expect(asked.errors[0]?.message).toBe(refusedMessage(true));

    const saved = ok(env.run((gas) => savePilotPlan(gas, { ...change, confirmApprovedChange: v })));
    const now = version(env);
    expect(now).not.toBe(v);
    expect(saved).toMatchObject({
      message: `Saved the pilot plan. The earlier approvals no longer count: send the requests again (4. Approve). The pilot is paused until every step approves the new version.`,
      board: {
        state: 'Paused',
        pausedBecause: 'The approved plan changed (Pilot plan › Stop rule): it needs approval again.',
      },
    });
    const entries = log(env);
    expect(entries.find((e) => e.action === 'Changed approved plan')).toEqual({
      action: 'Changed approved plan',
      subject: 'WF-001 Pilot plan › Stop rule',
      before: 'Any privacy incident; any wrong answer reaching a family',
      after: 'Two privacy incidents',
      note: `Plan ${v} → ${now}. Confirmed over the approval of the Privacy officer (Pat Lee), the Technology director (Sam Ortiz) and the Executive sponsor (Dr. Rivera).`,
    });
    expect(entries.filter((e) => e.action === 'Approval request stale')).toHaveLength(3);
    expect(entries.filter((e) => e.action === 'Pilot paused: approved plan changed')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'Pause notice queued')).toHaveLength(1);
    const notices = env.mail.sent().slice(sentBefore);
    expect(notices.map((m) => m.to).sort()).toEqual(
      [emailOf('sponsor'), emailOf('privacy'), 'coordinator@district.example.org'].sort(),
    );
    const notice = notices.find((m) => m.to === emailOf('sponsor'));
    expect(notice?.plainBody).toContain('is paused: the plan its approvers approved was changed.');
    expect(notice?.plainBody).toContain('What changed: Pilot plan › Stop rule.');
    expect(notice?.plainBody).not.toContain('Two privacy incidents');
    expect(env.run((gas) => approvalBoard(gas)).state).not.toBe('approved');

    // A second change: the approvals are stale already, so it is not asked about and pauses nothing.
    ok(env.run((gas) => savePilotPlan(gas, { ...change, feedback: 'A new form' })));
    expect(env.mail.sent().length - sentBefore).toBe(3);
  });

  it('of a checklist item pauses the running pilot too', () => {
    const env = approved(true);
    const v = version(env);
    const row = firstGating(env);
    ok(
      env.run((gas) =>
        updateChecklistItem(gas, {
          ...checklistSave(row, 'https://district.example.org/new'),
          confirmApprovedChange: v,
        }),
      ),
    );
    expect(env.run((gas) => pilotBoard(gas))).toMatchObject({
      state: 'Paused',
      pausedBecause: `The approved plan changed (Checklist ${row.code} › Evidence link): it needs approval again.`,
    });
    expect(log(env).filter((e) => e.action === 'Approval request stale')).toHaveLength(3);
  });

  it('of the selected workflow pauses the running pilot and logs each field', () => {
    const env = approved(true);
    const v = version(env);
    ok(
      env.run((gas) =>
        saveWorkflow(gas, { ...workflowSave(env, { team: 'Front office' }), confirmApprovedChange: v }),
      ),
    );
    expect(env.run((gas) => pilotBoard(gas)).state).toBe('Paused');
    expect(log(env).find((e) => e.action === 'Changed approved plan')).toMatchObject({
      subject: 'WF-001 Workflow › Team',
      after: 'Front office',
    });
  });

  it('leaves the pilot paused until every step approves the new version, then the sponsor can resume it', () => {
    const env = approved(true);
    const v = version(env);
    ok(
      env.run((gas) =>
        savePilotPlan(gas, { ...runningPlan, stopRule: 'Two incidents', confirmApprovedChange: v }),
      ),
    );
    const before = worldSnapshot(env);
    expect(env.run((gas) => resumePilot(gas, { reason: 'The new stop rule is agreed.' }), sponsor)).toEqual({
      ok: false,
      errors: [
        {
          field: '',
          message:
            'The plan changed since it was approved: the pilot stays paused until every approval step approves the new version (4. Approve).',
        },
      ],
    });
    expectUnchanged(env, before);
    approveAll(env);
    expect(
      env.run((gas) => resumePilot(gas, { reason: 'The new stop rule is approved.' }), sponsor),
    ).toMatchObject({
      ok: true,
      board: { state: 'Running' },
    });
  });
});

describe('a confirmed change cut off at any service call', () => {
  /** Fails each call site of `save` in turn; the same save tried again completes what was cut off. */
  function completedAfterCutOff(
    save: (env: FakeEnvironment, confirm: string) => { ok: boolean },
    expectSaved: (env: FakeEnvironment, n: number) => void,
  ): void {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const base = approved(true);
    const v = version(base);
    const told = [emailOf('sponsor'), emailOf('privacy'), 'coordinator@district.example.org'].sort();
    const probe = cloneWorld(base);
    const picks = callSites(
      probe.faults.traceDuring(() => save(probe, v)),
      /send/i,
    );
    expect(picks.length).toBeGreaterThan(10);
    for (const n of picks) {
      const env = cloneWorld(base);
      const sent = env.mail.sent().length;
      env.faults.failCall(n);
      try {
        save(env, v);
      } catch (error) {
        expect(error).toMatchObject({ message: SERVER_ERROR });
      }
      expect({ n, ok: save(env, v).ok }).toEqual({ n, ok: true });
      expect({ n, state: env.run((gas) => pilotBoard(gas)).state }).toEqual({ n, state: 'Paused' });
      expectSaved(env, n);
      const notices = env.mail
        .sent()
        .slice(sent)
        .filter((m) => /^AI pilot paused/.test(m.subject))
        .map((m) => m.to)
        .sort();
      expect({ n, notices }).toEqual({ n, notices: told });
      expect({ n, statuses: approvalStatuses(env) }).toEqual({ n, statuses: ['Stale', 'Stale', 'Stale'] });
    }
    warn.mockRestore();
  }

  it('of the pilot plan is completed by the same save tried again: saved, approvals stale, pilot paused, each person told once', () => {
    completedAfterCutOff(
      (env, v) =>
        env.run((gas) =>
          savePilotPlan(gas, { ...runningPlan, stopRule: 'Two privacy incidents', confirmApprovedChange: v }),
        ),
      (env, n) =>
        expect({ n, stopRule: env.run((gas) => pilotBoard(gas)).plan.stopRule }).toEqual({
          n,
          stopRule: 'Two privacy incidents',
        }),
    );
  });

  it('of the selected workflow is completed by the same save tried again', () => {
    const edit = workflowSave(approved(), { team: 'Front office' });
    completedAfterCutOff(
      (env, v) => env.run((gas) => saveWorkflow(gas, { ...edit, confirmApprovedChange: v })),
      (env, n) =>
        expect({
          n,
          team: env.run((gas) => workflowBoard(gas)).workflows.find((w) => w.id === 'WF-001')?.team,
        }).toEqual({ n, team: 'Front office' }),
    );
  });

  it('of a checklist item is completed by the same save tried again', () => {
    const row = firstGating(approved());
    completedAfterCutOff(
      (env, v) =>
        env.run((gas) =>
          updateChecklistItem(gas, {
            ...checklistSave(row, 'https://district.example.org/new'),
            confirmApprovedChange: v,
          }),
        ),
      (env, n) =>
        expect({
          n,
          evidence: env.run((gas) => governanceBoard(gas)).rows.find((r) => r.id === row.id)?.evidence,
        }).toEqual({ n, evidence: 'https://district.example.org/new' }),
    );
  });
});
