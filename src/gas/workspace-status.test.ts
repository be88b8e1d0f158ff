import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import { namePeople, parallelReviewChain, SECOND_SCORER } from '../../test/support/approvals';
import { fillLog } from '../../test/support/log';
import { pilotPlan } from '../../test/support/pilot-plan';
import { setCell, sheetNamed, typeRows } from '../../test/support/workspace';
import * as actions from './actions';
import { governanceBoard } from './governance';
import { workspaceTemplate } from '../../sheets-templates';
import { openingStatus, workspaceStatus } from './workspace-status';

const score = {
  scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
  redFlags: [],
  fitsDay: 'yes',
  note: '',
  scorerName: null,
};

describe('the workspace status the planner opens with', () => {
  it('before set-up: phase 0, every sheet missing, and what set-up will do', () => {
    const env = new FakeEnvironment();
    const status = env.run((gas) => workspaceStatus(gas));
    expect(status.schemaVersion).toBeNull();
    expect(status.phase).toMatchObject({ number: 0, title: 'Set up the workspace' });
    expect(status.sheets.every((s) => !s.present)).toBe(true);
    expect(status.pendingChanges).toContain('Created the Workflows sheet with 4 rows to start from.');
  });

  it('after set-up: phase 1 with the example workflows counted, read from the sheet', () => {
    const env = new FakeEnvironment();
    env.run((gas) => actions.setUp(gas));
    typeRows(env, 'Scores', 3);
    const status = env.run((gas) => workspaceStatus(gas));
    expect(status.schemaVersion).toBe(workspaceTemplate.schemaVersion);
    expect(status.phase).toMatchObject({
      number: 1,
      title: 'Identify one workflow',
      stage: 'choosing',
      detail: '4 candidate workflows. Score them as a team and choose one.',
      step: 'workflows',
    });
    expect(status.sheets.find((s) => s.name === 'Scores')).toMatchObject({ present: true, rows: 3 });
    expect(status.pendingChanges).toEqual([]);
    expect(status.problems).toEqual([]);
  });

  it('follows the plan through the actions the planner calls: selection, checklist and plan, approvals', () => {
    const env = new FakeEnvironment();
    const phase = () => env.run((gas) => workspaceStatus(gas)).phase;
    env.run((gas) => actions.setUp(gas));
    namePeople(env);
    parallelReviewChain(env);
    for (const user of [env.owner, SECOND_SCORER])
      env.run((gas) => actions.saveScore(gas, { ...score, workflowId: 'WF-001' }), { user });
    env.run((gas) =>
      actions.selectWorkflow(gas, { workflowId: 'WF-001', reason: '', confirmReplace: false }),
    );
    expect(phase()).toMatchObject({
      number: 2,
      stage: 'selected',
      step: 'governance',
      detail: expect.stringMatching(
        /^“FAQ drafting from approved materials” is selected\. Finish the governance checklist \(0 of \d+ required items done\) and the pilot plan \(12 fields to write\), then request approvals\.$/,
      ) as unknown,
    });
    const gating = env.run((gas) => governanceBoard(gas)).rows.filter((r) => r.gating);
    for (const row of gating)
      env.run((gas) =>
        actions.updateChecklistItem(gas, {
          id: row.id,
          status: 'Done',
          evidence: `https://district.example.org/evidence/${row.code}`,
          naReason: '',
          due: '',
          owner: '',
          verifiedBy: '',
        }),
      );
    expect(phase()).toMatchObject({ stage: 'selected', step: 'pilot' });
    env.run((gas) => actions.savePilotPlan(gas, pilotPlan));
    expect(phase()).toMatchObject({ stage: 'ready', step: 'approvals' });
    env.run((gas) => actions.sendApprovalRequests(gas));
    expect(phase()).toMatchObject({
      stage: 'approvals',
      detail: '“FAQ drafting from approved materials” is waiting for approval: 0 of 2 approvals received.',
    });
    // A status typed into the Approvals sheet by hand is not an approval.
    setCell(env, 'Approvals', 2, 'status', 'Approved');
    setCell(env, 'Approvals', 3, 'status', 'Approved');
    expect(phase().detail).toBe(
      '“FAQ drafting from approved materials” is waiting for approval: 0 of 2 approvals received.',
    );
  });

  it('passes on hand-made problems, with their fixes', () => {
    const env = new FakeEnvironment();
    env.run((gas) => actions.setUp(gas));
    env.run((gas) => sheetNamed(gas, 'Log').setName('Audit'));
    const status = env.run((gas) => workspaceStatus(gas));
    expect(status.problems).toEqual([
      {
        sheet: 'Log',
        problem: 'The “Log” sheet has been renamed to “Audit”.',
        fix: 'Rename “Audit” back to “Log” (double-click its tab), then run Set up workspace again.',
      },
    ]);
    expect(status.sheets.find((s) => s.name === 'Log')?.present).toBe(false);
  });

  it('reads each sheet once: the same calls at 10 and 1,000 rows', () => {
    const calls = (rows: number) => {
      const env = new FakeEnvironment();
      env.run((gas) => actions.setUp(gas));
      typeRows(env, 'Workflows', rows);
      env.calls.reset();
      env.run((gas) => workspaceStatus(gas));
      return env.calls.byMethod();
    };
    expect(calls(1000)).toEqual(calls(10));
  });

  it('opens the planner in at most 35 calls, the whole sidebar call: values only, no sizes, of metadata the Log head’s mirror alone', () => {
    const env = new FakeEnvironment();
    env.run((gas) => actions.setUp(gas));
    typeRows(env, 'Workflows', 25);
    env.calls.reset();
    // As the sidebar calls it (main.ts): the reply check when due, the status, the user's news.
    env.run((gas) => openingStatus(gas));
    const calls = env.calls.byMethod();
    expect(env.calls.total()).toBeLessThanOrEqual(35);
    // Of developer metadata, the Log head's mirror alone: an hourly run keeps the Log's count there.
    expect(Object.entries(calls).filter(([m]) => /getMax|DeveloperMetadata/.test(m))).toEqual([
      ['DeveloperMetadataFinder.find', 1],
      ['DeveloperMetadataFinder.withKey', 1],
      ['Spreadsheet.createDeveloperMetadataFinder', 1],
    ]);
  });

  it('counts the Log’s entries from its head: a Log of 20,000 rows is not read on opening', () => {
    const env = new FakeEnvironment();
    env.run((gas) => actions.setUp(gas));
    env.run((gas) => actions.saveScore(gas, { ...score, workflowId: 'WF-001' }));
    fillLog(env, 20_000);
    env.calls.reset();
    const status = env.run((gas) => workspaceStatus(gas));
    expect(status.sheets.find((s) => s.name === 'Log')).toMatchObject({ present: true, rows: 20_001 });
    const logReads = env.calls.sequence.filter((c) => c.sheet === 'Log' && /^Range\.get/.test(c.name));
    expect(logReads.map((c) => c.name)).toEqual([]);
  });
});
