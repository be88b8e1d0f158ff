import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceTemplate } from '../../sheets-templates';
import { plannerFunctionNames, type SetUpReport, type WorkspaceStatus } from '../../src/shared/contract';
import type { ApprovalBoard } from '../../src/shared/approvals';
import { FakeEnvironment } from '../fakes/environment';
import { readyWorkspace, reply, requester } from '../support/approvals';
import { checkBundle, touchedProblems, triggerProblems } from './bundle-check';

const dist = path.resolve(__dirname, '../../dist');

/** The names menus, triggers and the sidebar rely on; they must never disappear from the bundle. */
const stableEntryPoints = [
  'onOpen',
  'onInstall',
  'openPlanner',
  'setUpWorkspace',
  'checkApprovalReplies',
  'checkApprovalRepliesHourly',
];

function built(file: string): string {
  const full = path.join(dist, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: run npm run build first (npm test does).`);
  return readFileSync(full, 'utf8');
}

describe('dist/Code.js, loaded as Apps Script loads it', () => {
  const code = built('Code.js');
  const manifest: unknown = JSON.parse(built('appsscript.json'));
  const expectations = { entryPoints: [...stableEntryPoints, ...plannerFunctionNames], manifest };

  it('is a classic script whose entry points, menu items and manifest functions are all top-level functions', () => {
    const { problems, runtime } = checkBundle(code, expectations);
    expect(problems).toEqual([]);
    expect(runtime?.env.ui.menu).toEqual([
      { caption: 'Open planner', functionName: 'openPlanner' },
      { caption: 'Check approval replies now', functionName: 'checkApprovalReplies' },
      { caption: 'Set up workspace', functionName: 'setUpWorkspace' },
    ]);
  });

  it('exposes nothing but the add-on entry points (no developer-only contract runner)', () => {
    const { runtime } = checkBundle(code, expectations);
    expect([...(runtime?.functions ?? [])].sort()).toEqual(
      [...stableEntryPoints, ...plannerFunctionNames].sort(),
    );
  });

  it('sets up the workspace through the bundle, opens the planner, and touches no missing global', () => {
    const env = new FakeEnvironment({ htmlFiles: { Sidebar: built('Sidebar.html') } });
    const { runtime } = checkBundle(code, expectations, env);
    if (!runtime) throw new Error('the bundle did not load');

    runtime.run('setUpWorkspace');
    expect(env.state.spreadsheet.sheets.map((s) => s.name)).toEqual([
      ...workspaceTemplate.sheets.map((t) => t.name),
      'Sheet1',
    ]);

    runtime.run('openPlanner');
    expect(env.ui.sidebar?.title).toBe('AI Plan Workspace');
    expect(env.ui.sidebar?.content).toContain('<main id="app"');

    const status = runtime.run('getWorkspaceStatus') as WorkspaceStatus;
    expect(status.phase.number).toBe(1);
    expect(status.sheets.every((s) => s.present)).toBe(true);

    const again = runtime.run('setUpWorkspaceFromPlanner') as SetUpReport;
    expect(again).toEqual({ ok: true, schemaVersion: workspaceTemplate.schemaVersion, changes: [] });

    expect([...touchedProblems(runtime), ...triggerProblems(runtime)]).toEqual([]);
  });

  it('gives the sidebar plain JSON: no Date or function reaches google.script.run', () => {
    const env = new FakeEnvironment();
    const { runtime } = checkBundle(code, expectations, env);
    runtime?.run('setUpWorkspace');
    for (const name of plannerFunctionNames.filter((n) => n.startsWith('get'))) {
      const value = runtime?.run(name);
      expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    }
  });

  it('runs the hourly trigger as Apps Script fires it (no active spreadsheet), and reads the replies', () => {
    const ready = readyWorkspace();
    const env = new FakeEnvironment({ state: ready.state, htmlFiles: { Sidebar: built('Sidebar.html') } });
    const { runtime } = checkBundle(code, expectations, env);
    if (!runtime) throw new Error('the bundle did not load');
    const sent = runtime.run('sendApprovalRequests', [], { user: requester }) as { ok: boolean };
    expect(sent.ok).toBe(true);
    const [handler] = env.clockTriggers(requester).map((t) => t.handler);
    expect(handler).toBe('checkApprovalRepliesHourly');
    for (const approver of ['sam@district.example.org', 'pat.lee@district.example.org'])
      reply(env, approver, 'APPROVE');
    runtime.run(handler ?? '', [], { kind: 'trigger', user: requester });
    const board = runtime.run('getApprovalBoard', [], { user: requester }) as ApprovalBoard;
    expect(board.steps[0]?.approvers.map((a) => a.status)).toEqual(['Approved', 'Approved']);
    expect([...touchedProblems(runtime), ...triggerProblems(runtime)]).toEqual([]);
  });

  it('asks only for the scopes it uses', () => {
    expect((manifest as { oauthScopes: string[] }).oauthScopes).toEqual([
      'https://mail.google.com/',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect((manifest as { runtimeVersion: string }).runtimeVersion).toBe('V8');
  });
});
