import { checkApprovalReplies } from '../../src/gas/approvals';
import { governanceBoard, updateChecklistItem } from '../../src/gas/governance';
import { savePilotPlan } from '../../src/gas/pilot';
import { setUpWorkspace } from '../../src/gas/set-up';
import { saveScore, selectWorkflow } from '../../src/gas/workflow-board';
import { FakeEnvironment } from '../fakes/environment';
import { approvalRow, approvalSeal } from '../../src/domain/approval-records';
import { cloneWorld } from '../fakes/world-copy';
import { mapHeaders } from '../../src/domain/header-map';
import { localSigner } from '../../src/gas/document-secret';
import { pilotPlan } from './pilot-plan';
import { setCell, tableTemplate } from './workspace';

/** The people a district names in Settings, for approval tests, benchmarks and the playground. */
export const requester = 'coordinator@district.example.org';
export const district: Record<string, [string, string, string?]> = {
  sponsor: ['Dr. Rivera', 'rivera@district.example.org'],
  owner: ['Morgan Diaz', requester],
  technology: ['Sam Ortiz', 'sam@district.example.org'],
  privacy: ['Pat Lee', 'pat.lee@district.example.org', 'pat@home.example.com'],
  legal: ['Lee Chan', 'legal@district.example.org'],
  communications: ['Jo Park', 'comms@district.example.org'],
  accessibility: ['Ana Ruiz', 'ana@district.example.org'],
  hr: ['Kim Wong', 'hr@district.example.org'],
  security: ['Ray Fox', 'security@district.example.org'],
  training: ['Eva Stone', 'training@district.example.org'],
  procurement: ['Pia Park', 'buying@district.example.org'],
  curriculum: ['Cy Moss', 'curriculum@district.example.org'],
};

/**
 * The chain the approval mechanics are tested against: technology and privacy review in parallel as
 * step 1, then the sponsor's final approval; the communications review FAQ drafting would need is set to
 * a condition it does not meet, and the other steps keep their defaults. The default chain itself is tested in src/domain/approvals.test.ts and listed
 * in docs/checklist-by-profile.md.
 */
export function parallelReviewChain(env: FakeEnvironment): void {
  const rows = tableTemplate('Settings').defaultRows;
  const rowOf = (id: string) => 2 + rows.findIndex((r) => r.values['id'] === id);
  setCell(env, 'Settings', rowOf('step.1'), 'setting', 'Technology and privacy review');
  setCell(env, 'Settings', rowOf('step.1'), 'value', 'Technology director, Privacy officer');
  // FAQ drafting is family-facing: its communications review is left out of this chain.
  setCell(env, 'Settings', rowOf('step.5'), 'condition', 'Student-facing');
}

/** Names a person with an email for every role in Settings. */
export function namePeople(env: FakeEnvironment): void {
  const rows = tableTemplate('Settings').defaultRows;
  for (const [role, [name, email, aliases]] of Object.entries(district)) {
    const row = 2 + rows.findIndex((r) => r.values['id'] === `role.${role}`);
    setCell(env, 'Settings', row, 'value', name);
    setCell(env, 'Settings', row, 'email', email);
    if (aliases) setCell(env, 'Settings', row, 'aliases', aliases);
  }
}

export const SECOND_SCORER = 'second.scorer@district.example.org';

/**
 * A set-up workspace with FAQ drafting (WF-001, Green data, family-facing) scored 5/4/4/4 by two people and selected,
 * so its checklist exists. `beforeScoring` runs after set-up (e.g. to name people in Settings).
 */
export function selectedWorkspace(beforeScoring: (env: FakeEnvironment) => void = nothing): FakeEnvironment {
  // Built once per test file and preparation (a named function such as namePeople), then copied.
  let built = selected.get(beforeScoring);
  if (!built) {
    built = buildSelectedWorkspace(beforeScoring);
    selected.set(beforeScoring, built);
  }
  return cloneWorld(built);
}
const nothing = () => undefined;
const selected = new Map<(env: FakeEnvironment) => void, FakeEnvironment>();

function buildSelectedWorkspace(beforeScoring: (env: FakeEnvironment) => void): FakeEnvironment {
  const env = new FakeEnvironment();
  env.run((gas) => setUpWorkspace(gas));
  beforeScoring(env);
  // Two people score it: a selection needs at least two scorers.
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
  return env;
}

/** People named, FAQ drafting scored and selected, every required checklist item done; no pilot plan yet. */
export function governedWorkspace(): FakeEnvironment {
  // Built once per test file (each has its own module registry), then copied: building takes ~40
  // actions, a copy shares the built rows until a test writes them (world-copy.ts).
  governed ??= buildGovernedWorkspace();
  return cloneWorld(governed);
}
let governed: FakeEnvironment | null = null;

function buildGovernedWorkspace(): FakeEnvironment {
  const env = selectedWorkspace((e) => {
    namePeople(e);
    parallelReviewChain(e);
  });
  const board = env.run((gas) => governanceBoard(gas));
  for (const row of board.rows.filter((r) => r.gating)) {
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
  }
  return env;
}

/** A workspace whose plan is ready for approval: governed, and its pilot plan written (built once, copied). */
export function readyWorkspace(): FakeEnvironment {
  ready ??= buildReadyWorkspace();
  return cloneWorld(ready);
}
let ready: FakeEnvironment | null = null;

function buildReadyWorkspace(): FakeEnvironment {
  const env = governedWorkspace();
  const saved = env.run((gas) => savePilotPlan(gas, pilotPlan));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return env;
}

/** The approver replies to their request, in the requester's mailbox, as their mail client would. */
export function reply(
  env: FakeEnvironment,
  approver: string,
  body: string,
  options: { from?: string; authResults?: string; headers?: Record<string, string> } = {},
): void {
  const request = [...env.mail.sent()]
    .reverse()
    .find((m) => m.to === approver && m.subject.includes('[AI Plan AP-'));
  if (!request) throw new Error(`no request was sent to ${approver}`);
  env.mail.deliver({
    to: request.sender,
    from: options.from ?? approver,
    inReplyToMessageId: request.messageId,
    body: `${body}\n\nOn Mon, Nov 30, 2026 at 9:00 AM AI Plan Workspace <${request.sender}> wrote:\n> ${request.plainBody.split('\n').join('\n> ')}`,
    ...(options.authResults ? { authResults: options.authResults } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

/** Checks replies as the requester, at the environment's time (tests move it on with `env.advance`). */
export const checkReplies = (env: FakeEnvironment) =>
  env.run((gas) => checkApprovalReplies(gas, { now: env.now() }), { user: requester });

/**
 * Adds `count` pending requests (status Sent) to the Approvals sheet, each with its own Gmail thread
 * from the requester to an approver, and — when `replies` — an "APPROVE" reply waiting in each thread.
 * For scale tests and benchmarks of checking replies.
 */
export function addPendingRequests(env: FakeEnvironment, count: number, replies: boolean): void {
  const approver = district['technology']?.[1] ?? '';
  const version = env.run((gas) => governanceBoard(gas)).planVersion ?? '';
  const requests = env.run(
    (gas) =>
      Array.from({ length: count }, (_, i) => {
        const id = `AP-T${String(i).padStart(7, '0')}`;
        const message = gas.GmailApp.createDraft(
          approver,
          // The token last, as in the real subjects: the search must find it wherever it sits.
          `Approve the load test pilot? Due Dec 6 [AI Plan ${id}]`,
          `${id}`,
        ).send();
        return {
          id,
          messageId: message.getId(),
          threadId: message.getThread().getId(),
          rfc: message.getHeader('Message-ID'),
        };
      }),
    { user: requester },
  );
  env.run((gas) => {
    const sheet = gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Approvals');
    if (!sheet) throw new Error('no Approvals sheet');
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const map = mapHeaders(tableTemplate('Approvals').columns, headers);
    const start = sheet.getLastRow() + 1;
    const sign = localSigner(gas);
    const rows = requests.map((r, i) => {
      const cells: Record<string, unknown> = {
        id: r.id,
        workflowId: 'WF-001',
        step: 1,
        role: 'Technology director',
        approver,
        planVersion: version,
        status: 'Sent',
        sent: env.now(),
        reminders: 0,
        messageId: r.messageId,
        threadId: r.threadId,
        requestedBy: requester,
      };
      // Sealed as the add-on seals the rows it writes, so they count.
      cells['seal'] = approvalSeal(sign, approvalRow(start + i, cells));
      const line: unknown[] = headers.map(() => '');
      for (const [key, at] of map.columns) line[at] = cells[key] ?? '';
      return line;
    });
    if (start + count > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), start + count - sheet.getMaxRows());
    sheet.getRange(start, 1, count, headers.length).setValues(rows);
  });
  if (replies) {
    for (const r of requests)
      env.mail.deliver({ to: requester, from: approver, inReplyToMessageId: r.rfc, body: 'APPROVE' });
  }
}
