import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import {
  checkReplies,
  district,
  namePeople,
  parallelReviewChain,
  readyWorkspace,
  reply,
  SECOND_SCORER,
} from '../../test/support/approvals';
import { workspaceTemplate } from '../../sheets-templates';
import type { WorkspaceTemplate } from '../domain/workspace-template';
import { saveScore, selectWorkflow } from './workflow-board';
import { approveAll, pilotPlan as plan } from '../../test/support/pilot';
import { setCell, sheetNamed, tableTemplate } from '../../test/support/workspace';
import { approvalBoard, sendApprovalRequests } from './approvals';
import { governanceBoard, updateChecklistItem } from './governance';
import { savePilotPlan } from './pilot';
import { setUpWorkspace } from './set-up';
import { SCHEMA_VERSION_KEY } from './workspace-gateway';

/**
 * A request sent again to a step that approved an earlier version says what changed since that
 * version, from the copy kept when it was sent: after several changes, after hand edits, and in
 * both languages; a copy edited by hand, or a workspace set up before copies were kept, says so.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const sam = emailOf('technology');
const pat = emailOf('privacy');

const version = (env: FakeEnvironment) => env.run((gas) => governanceBoard(gas)).planVersion ?? '';

/** Every step approved; then the stop rule changed (confirmed), then the review rule typed into the sheet. */
function changedTwice(): { env: FakeEnvironment; approved: string } {
  const env = readyWorkspace();
  approveAll(env);
  const approved = version(env);
  const saved = env.run((gas) =>
    savePilotPlan(gas, { ...plan, stopRule: 'Two privacy incidents', confirmApprovedChange: approved }),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  // By hand, in the Pilot sheet: the next action brings the version in step.
  setCell(env, 'Pilot', 2, 'reviewRule', 'Spot-check one draft in five');
  return { env, approved };
}

/** The plain text of the last request sent to `to`. */
const lastRequest = (env: FakeEnvironment, to: string) =>
  [...env.mail.sent()].reverse().find((m) => m.to === to && m.subject.includes('[AI Plan AP-'));

/** The "What changed" section of a plain-text request, line by line, up to the next section. */
function changedSection(body: string, title: string): string[] {
  const lines = body.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines.slice(start, end);
}

describe('a request sent again', () => {
  it('says, first, what changed since the version the step approved, after several changes and a hand edit', () => {
    const { env, approved } = changedTwice();
    const sent = env.run((gas) => sendApprovalRequests(gas));
    expect(sent.ok).toBe(true);
    const email = lastRequest(env, sam);
    if (!email) throw new Error('no request to the technology director');
    const body = email.plainBody;
    const section = changedSection(body, 'WHAT CHANGED SINCE THIS STEP APPROVED');
    expect(section[1]).toMatch(
      new RegExp(
        `^This step approved plan version ${approved} on [A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, 20\\d\\d\\. Since then:$`,
      ),
    );
    expect([section[0], ...section.slice(2)]).toEqual([
      'WHAT CHANGED SINCE THIS STEP APPROVED',
      'Pilot plan › Review rule: Every draft read by the communications lead before sending → Spot-check one draft in five',
      'Pilot plan › Stop rule: Any privacy incident; any wrong answer reaching a family → Two privacy incidents',
    ]);
    // The first screen says why the email came again, before the ask.
    expect(body.split('\n').slice(2, 4)).toEqual([
      'Asked again: the plan changed since this step approved it. What changed is listed first below.',
      'Approve the FAQ drafting from approved materials pilot?',
    ]);
    expect(email.htmlBody).toContain(
      '<h2 style="font-size:17px;margin:20px 0 4px">What changed since this step approved</h2>',
    );
    expect(body).toContain(`plan version ${version(env)}`);
  });

  it('is in the languages the approver reads', () => {
    const { env, approved } = changedTwice();
    setCell(env, 'Settings', settingsRow('privacy'), 'language', 'Spanish');
    env.run((gas) => sendApprovalRequests(gas));
    const body = lastRequest(env, pat)?.plainBody ?? '';
    expect(changedSection(body, 'QUÉ CAMBIÓ DESDE QUE ESTE PASO APROBÓ')[1]).toMatch(
      new RegExp(`^Este paso aprobó la versión del plan ${approved} el .+ de 20\\d\\d\\. Desde entonces:$`),
    );
    expect(body).not.toContain('WHAT CHANGED');
  });

  it('is a first request, with nothing about changes, for a step that never approved', () => {
    const env = readyWorkspace();
    env.run((gas) => sendApprovalRequests(gas));
    expect(lastRequest(env, sam)?.plainBody).not.toMatch(/What changed|Asked again/);
  });

  it('says the earlier version is not on record when its copy was edited by hand', () => {
    const { env, approved } = changedTwice();
    setCell(env, 'Plan versions', 2, 'plan', '{"workflow":[],"flags":[],"checklist":[],"pilot":[]}');
    env.run((gas) => sendApprovalRequests(gas));
    const body = lastRequest(env, sam)?.plainBody ?? '';
    expect(changedSection(body, 'WHAT CHANGED SINCE THIS STEP APPROVED')[1]).toMatch(
      new RegExp(
        `^This step approved plan version ${approved} on .+\\. That version is not on record in the sheet`,
      ),
    );
  });

  it('keeps one copy per version sent, in the Plan versions sheet', () => {
    const { env, approved } = changedTwice();
    env.run((gas) => sendApprovalRequests(gas));
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    checkReplies(env);
    const kept = env.run((gas) =>
      sheetNamed(gas, 'Plan versions')
        .getDataRange()
        .getValues()
        .slice(1)
        .map((r) => String(r[0])),
    );
    expect(kept).toEqual([approved, version(env)]);
    expect(env.run((gas) => approvalBoard(gas)).state).toBe('waiting');
  });
});

describe('a workspace set up before plan copies were kept (schema 4)', () => {
  it('sends requests again saying the earlier version is not on record, and keeps copies once set-up adds the sheet', () => {
    const env = schema4Ready();
    expect(env.state.properties.document[SCHEMA_VERSION_KEY]).toBe('4');
    approveAll(env);
    const approved = version(env);
    env.run((gas) =>
      savePilotPlan(gas, { ...plan, stopRule: 'Two incidents', confirmApprovedChange: approved }),
    );
    expect(env.run((gas) => sendApprovalRequests(gas)).ok).toBe(true);
    expect(lastRequest(env, sam)?.plainBody).toContain('That version is not on record in the sheet');

    const report = env.run((gas) => setUpWorkspace(gas));
    expect(report).toMatchObject({
      ok: true,
      changes: expect.arrayContaining([expect.stringMatching(/^Created the Plan versions sheet/)]) as unknown,
    });
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    checkReplies(env);
    expect(
      env.run((gas) =>
        sheetNamed(gas, 'Plan versions')
          .getDataRange()
          .getValues()
          .slice(1)
          .map((r) => String(r[0])),
      ),
    ).toEqual([version(env)]);
  });
});

/** Schema 4 as the templates describe it: the sheets added since (Plan versions) left out. */
const schema4: WorkspaceTemplate = {
  schemaVersion: 4,
  sheets: workspaceTemplate.sheets.filter((t) => t.kind !== 'table' || t.columns.some((c) => c.since <= 4)),
};

/** A workspace set up at schema 4, governed and with its pilot plan written, as readyWorkspace() builds one. */
function schema4Ready(): FakeEnvironment {
  const env = new FakeEnvironment();
  env.run((gas) => setUpWorkspace(gas, schema4));
  namePeople(env);
  parallelReviewChain(env);
  for (const user of [env.owner, SECOND_SCORER])
    env.run(
      (gas) =>
        saveScore(gas, {
          workflowId: 'WF-001',
          scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
          redFlags: [],
          fitsDay: 'yes',
          note: '',
          scorerName: null,
        }),
      { user },
    );
  env.run((gas) => selectWorkflow(gas, { workflowId: 'WF-001', reason: '', confirmReplace: false }));
  for (const row of env.run((gas) => governanceBoard(gas)).rows.filter((r) => r.gating))
    env.run((gas) =>
      updateChecklistItem(gas, {
        id: row.id,
        status: 'Done',
        evidence: `https://district.example.org/evidence/${row.code}`,
        naReason: '',
        due: '',
        owner: '',
        verifiedBy: '',
      }),
    );
  const saved = env.run((gas) => savePilotPlan(gas, plan));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return env;
}

function settingsRow(role: string): number {
  return tableTemplate('Settings').defaultRows.findIndex((r) => r.values['id'] === `role.${role}`) + 2;
}
