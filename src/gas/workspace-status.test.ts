import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import { setCell, sheetNamed, typeRows } from '../../test/support/workspace';
import { workspaceTemplate } from '../../sheets-templates';
import { setUpWorkspace } from './set-up';
import { workspaceStatus } from './workspace-status';

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
    env.run((gas) => setUpWorkspace(gas));
    typeRows(env, 'Scores', 3);
    const status = env.run((gas) => workspaceStatus(gas));
    expect(status.schemaVersion).toBe(workspaceTemplate.schemaVersion);
    expect(status.phase).toEqual({
      number: 1,
      title: 'Identify one workflow',
      detail: '4 candidate workflows. Score them as a team and choose one.',
      step: 'workflows',
    });
    expect(status.sheets.find((s) => s.name === 'Scores')).toMatchObject({ present: true, rows: 3 });
    expect(status.pendingChanges).toEqual([]);
    expect(status.problems).toEqual([]);
  });

  it('follows the selection, approvals and pilot state in the sheets', () => {
    const env = new FakeEnvironment();
    env.run((gas) => setUpWorkspace(gas));
    setCell(env, 'Workflows', 3, 'selected', true);
    expect(env.run((gas) => workspaceStatus(gas)).phase).toMatchObject({
      number: 2,
      detail:
        '“Summaries of recurring inbound questions” is selected. Work through its governance checklist, then request approvals.',
      step: 'governance',
    });
    setCell(env, 'Approvals', 2, 'status', 'Approved');
    setCell(env, 'Approvals', 3, 'status', 'Sent');
    expect(env.run((gas) => workspaceStatus(gas)).phase).toMatchObject({
      detail: expect.stringContaining('1 of 2 approvals received') as unknown,
      step: 'approvals',
    });
    setCell(env, 'Pilot', 2, 'state', 'Running');
    expect(env.run((gas) => workspaceStatus(gas)).phase).toMatchObject({
      number: 3,
      title: 'Pilot with staff review',
      step: 'metrics',
    });
  });

  it('passes on hand-made problems, with their fixes', () => {
    const env = new FakeEnvironment();
    env.run((gas) => setUpWorkspace(gas));
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
      env.run((gas) => setUpWorkspace(gas));
      typeRows(env, 'Workflows', rows);
      env.calls.reset();
      env.run((gas) => workspaceStatus(gas));
      return env.calls.byMethod();
    };
    expect(calls(1000)).toEqual(calls(10));
  });

  it('opens the planner in at most 35 calls: values only, no sizes, no metadata once set up', () => {
    const env = new FakeEnvironment();
    env.run((gas) => setUpWorkspace(gas));
    typeRows(env, 'Workflows', 25);
    env.calls.reset();
    env.run((gas) => workspaceStatus(gas));
    const calls = env.calls.byMethod();
    expect(env.calls.total()).toBeLessThanOrEqual(35);
    expect(Object.keys(calls).filter((m) => /getMax|DeveloperMetadata/.test(m))).toEqual([]);
  });
});
