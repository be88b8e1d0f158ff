import { describe, expect, it, jest } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { callSites } from '../../test/fakes/faults';
import { district, readyWorkspace, reply, requester } from '../../test/support/approvals';
import { copySpreadsheet } from '../../test/fakes/world-copy';
import {
  addMeasurementRows,
  addScoredWorkflows,
  sheetNamed,
  tableTemplate,
} from '../../test/support/workspace';
import { cloneWorld, expectUnchanged, worldSnapshot } from '../../test/support/world';
import { mapHeaders } from '../domain/header-map';
import { DROPPED_PREFIX, WAITING_PREFIX } from '../domain/waiting-list';
import { checkApprovalReplies, sendApprovalRequests } from './approvals';
import { checkRepliesIfDue, runHourly } from './hourly-run';
import { takeDroppedNotices } from './waiting-list';
import { workspaceStatus } from './workspace-status';

const emailOf = (role: string) => district[role]?.[1] ?? '';
const sam = emailOf('technology');
const pat = emailOf('privacy');
const rivera = emailOf('sponsor');
const DAY = 24 * 60 * 60 * 1000;
const SECOND_ID = '1SecondWorkspace000000000000000000000000000';

/** Fires the user's hourly trigger as Apps Script does: a clock run, with no active spreadsheet. */
function fireHourly(env: FakeEnvironment) {
  expect(env.clockTriggers(requester).map((t) => t.handler)).toEqual(['checkApprovalRepliesHourly']);
  return env.run(
    (gas) => {
      expect(gas.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      expect(gas.PropertiesService.getDocumentProperties()).toBeNull();
      return runHourly(gas, { now: env.now() });
    },
    { kind: 'trigger', user: requester },
  );
}

function approvals(env: FakeEnvironment, spreadsheetId?: string): Record<string, unknown>[] {
  return env.run(
    (gas) => {
      const values = sheetNamed(gas, 'Approvals').getDataRange().getValues();
      const map = mapHeaders(tableTemplate('Approvals').columns, values[0] ?? []);
      return values
        .slice(1)
        .map((row) => Object.fromEntries([...map.columns].map(([key, at]) => [key, row[at]])));
    },
    spreadsheetId ? { spreadsheetId } : {},
  );
}
const statusOf = (env: FakeEnvironment, approver: string, spreadsheetId?: string) =>
  approvals(env, spreadsheetId)
    .filter((r) => r['approver'] === approver)
    .map((r) => r['status']);
const dashboardText = (env: FakeEnvironment) =>
  env.run((gas) => sheetNamed(gas, 'Dashboard').getDataRange().getDisplayValues().flat().join('\n'));

function send(env: FakeEnvironment, spreadsheetId?: string) {
  const result = env.run((gas) => sendApprovalRequests(gas), {
    user: requester,
    ...(spreadsheetId ? { spreadsheetId } : {}),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

/** A second workspace of the same user: a copy of the ready one (no request sent yet), under its own ID. */
function addSecondWorkspace(env: FakeEnvironment): void {
  const second = copySpreadsheet(env.state.spreadsheet);
  second.id = SECOND_ID;
  second.name = 'Second school plan';
  env.state.files.push(second);
  env.state.properties.documents = { [SECOND_ID]: { ...env.state.properties.document } };
}

/** The approver answers the request of one spreadsheet (found by the tokens in its Approvals sheet). */
function replyIn(env: FakeEnvironment, spreadsheetId: string, approver: string, body: string): void {
  const tokens = approvals(env, spreadsheetId)
    .filter((r) => r['approver'] === approver)
    .map((r) => String(r['id']));
  const request = env.mail.sent().find((m) => tokens.some((t) => m.subject.includes(`[AI Plan ${t}]`)));
  if (!request) throw new Error(`no request to ${approver} from ${spreadsheetId}`);
  env.mail.deliver({ to: requester, from: approver, inReplyToMessageId: request.messageId, body });
}

describe('the hourly run, fired as Apps Script fires a clock trigger (no active spreadsheet)', () => {
  it('records the decisions, sends due reminders and the next step, and refreshes the Dashboard', () => {
    const env = readyWorkspace();
    send(env);
    const before = dashboardText(env);
    reply(env, sam, 'APPROVE\nFine by me.');
    env.advance(3 * DAY + 60_000);

    const first = fireHourly(env);
    expect(first.checked[env.state.spreadsheet.id]).toMatchObject({ decided: 1, waiting: true });
    expect(statusOf(env, sam)).toEqual(['Approved']);
    // In the request's thread: the reminder to Pat, who has not answered (Sam's is the receipt).
    const inThread = env.mail.sent().filter((m) => m.subject.startsWith('Re: '));
    expect(inThread.filter((m) => m.to === pat)).toHaveLength(1);
    expect(dashboardText(env)).not.toEqual(before);
    expect(dashboardText(env)).toContain('1 of 2 approvals received');

    reply(env, pat, 'Aprobado.', { from: 'Pat Lee <pat@home.example.com>' });
    const second = fireHourly(env);
    expect(second.checked[env.state.spreadsheet.id]).toMatchObject({ decided: 1, sent: 1 });
    expect(statusOf(env, pat)).toEqual(['Approved']);
    // The next step's request, sent before the receipt (requests go first: mail-pacing.ts).
    expect(
      env.mail
        .sent()
        .slice(-2)
        .map((m) => m.to),
    ).toEqual([rivera, 'pat@home.example.com']);

    // The Log chain written by clock runs and planner runs together stays whole.
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues().slice(1));
    expect(log.filter((r) => r[3] === 'Approval decision')).toHaveLength(2);
    expect(env.run((gas) => sheetNamed(gas, 'Log').getLastRow())).toBe(log.length + 1);
  });

  it('leaves the planner counting the Log entries it appended (a clock run writes only the head’s mirror)', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'APPROVE');
    fireHourly(env);
    const status = env.run((gas) => workspaceStatus(gas), { user: requester });
    const logRows = env.run((gas) => sheetNamed(gas, 'Log').getLastRow() - 1);
    expect(status.sheets.find((s) => s.name === 'Log')?.rows).toBe(logRows);
  });

  it('counts a reply once, however many runs (clock and planner) see it', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'APPROVE');
    fireHourly(env);
    const rows = approvals(env);
    const sent = env.mail.sent().length;
    // The next run reads our own receipt once and moves the mark past it; nothing else changes.
    fireHourly(env);
    const marked = approvals(env);
    const unmarked = (list: typeof rows) => list.map((r) => ({ ...r, checkedThrough: '' }));
    expect(unmarked(marked)).toEqual(unmarked(rows));
    env.run((gas) => checkApprovalReplies(gas, { now: env.now() }), { user: requester });
    fireHourly(env);
    expect(approvals(env)).toEqual(marked);
    expect(env.mail.sent()).toHaveLength(sent);
  });

  it('reads the replies of both spreadsheets of one user, with one trigger', () => {
    const env = readyWorkspace();
    addSecondWorkspace(env);
    send(env);
    send(env, SECOND_ID);
    expect(env.clockTriggers(requester)).toHaveLength(1);
    replyIn(env, env.state.spreadsheet.id, sam, 'APPROVE');
    replyIn(env, SECOND_ID, pat, 'REJECT: not this year.');

    const summary = fireHourly(env);
    expect(Object.keys(summary.checked).sort()).toEqual([env.state.spreadsheet.id, SECOND_ID].sort());
    expect(statusOf(env, sam)).toEqual(['Approved']);
    expect(statusOf(env, pat)).toEqual(['Sent']);
    expect(statusOf(env, sam, SECOND_ID)).toEqual(['Sent']);
    expect(statusOf(env, pat, SECOND_ID)).toEqual(['Rejected']);
  });

  it('lets go of the user lock after each spreadsheet, so its owner’s planner waits for one at most', () => {
    const env = readyWorkspace();
    addSecondWorkspace(env);
    send(env);
    send(env, SECOND_ID);
    replyIn(env, env.state.spreadsheet.id, sam, 'APPROVE');
    replyIn(env, SECOND_ID, pat, 'APPROVE');
    const trace = env.faults.traceDuring(() => fireHourly(env));
    // Opened, locked, flushed and let go, then the next: never two spreadsheets under one hold.
    const each = ['SpreadsheetApp.openById', 'Lock.tryLock', 'SpreadsheetApp.flush', 'Lock.releaseLock'];
    const steps = trace.filter(
      (name, i) =>
        each.includes(name) &&
        (name !== 'SpreadsheetApp.flush' || trace.slice(i + 1, i + 3).includes('Lock.releaseLock')),
    );
    expect(steps).toEqual([...each, ...each]);
  });

  it('drops a spreadsheet that was deleted, keeps serving the others, and says so when the planner opens', () => {
    const env = readyWorkspace();
    addSecondWorkspace(env);
    send(env);
    send(env, SECOND_ID);
    env.deleteSpreadsheet(SECOND_ID);
    replyIn(env, env.state.spreadsheet.id, sam, 'APPROVE');

    const summary = fireHourly(env);
    expect(summary.dropped).toEqual([SECOND_ID]);
    expect(statusOf(env, sam)).toEqual(['Approved']);
    const keys = Object.keys(env.state.properties.user[requester] ?? {});
    expect(keys).toContain(`${WAITING_PREFIX}${env.state.spreadsheet.id}`);
    expect(keys).not.toContain(`${WAITING_PREFIX}${SECOND_ID}`);
    expect(keys).toContain(`${DROPPED_PREFIX}${SECOND_ID}`);

    const notices = env.run((gas) => takeDroppedNotices(gas), { user: requester });
    expect(notices).toEqual([
      'The hourly check could not open “Second school plan” (it was deleted, or you no longer have access), so it stopped reading approval replies for it. If it still exists, open the planner there once and the hourly check resumes.',
    ]);
    expect(env.run((gas) => takeDroppedNotices(gas), { user: requester })).toEqual([]);
  });

  it('drops a spreadsheet whose access was removed, but keeps one behind a passing server error', () => {
    const env = readyWorkspace();
    addSecondWorkspace(env);
    send(env);
    send(env, SECOND_ID);
    env.faults.failNext('SpreadsheetApp.openById');
    const flaky = fireHourly(env);
    expect(flaky.dropped).toEqual([]);
    expect(flaky.deferred).toHaveLength(1);
    const second = env.state.files.find((f) => f.id === SECOND_ID);
    if (second) second.owner = 'someone.else@district.example.org';
    expect(fireHourly(env).dropped).toEqual([SECOND_ID]);
  });

  it('leaves the list once nothing waits there any more', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'REJECT');
    reply(env, pat, 'APPROVE');
    fireHourly(env);
    expect(Object.keys(env.state.properties.user[requester] ?? {})).not.toContain(
      `${WAITING_PREFIX}${env.state.spreadsheet.id}`,
    );
  });
});

/** The Outbox's receipts: to whom, and in what state. */
function receipts(env: FakeEnvironment): string[] {
  return env.run((gas) =>
    sheetNamed(gas, 'Outbox')
      .getDataRange()
      .getValues()
      .filter((r) => r.includes('Receipt'))
      .map(
        (r) =>
          `${String(r.find((c) => String(c).endsWith('@district.example.org') && c !== requester))} ${String(r.find((c) => ['Pending', 'Queued', 'Sent', 'Not sent', 'Cancelled'].includes(String(c))))}`,
      )
      .sort(),
  );
}
const receiptsTo = (env: FakeEnvironment, to: string) =>
  env.mail.sent().filter((m) => m.to === to && /^Re: .*\[AI Plan AP-/.test(m.subject));

describe('receipts paced across runs', () => {
  it('records every decision at once and sends the receipts beyond the day’s quota in a later run, each once', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    // Room for two recipients today: the next step's request goes first, then one receipt.
    env.mail.setQuota(requester, 2);
    fireHourly(env);
    expect([...statusOf(env, sam), ...statusOf(env, pat)]).toEqual(['Approved', 'Approved']);
    expect(env.mail.sent().filter((m) => m.to === rivera)).toHaveLength(1);
    expect(receipts(env)).toEqual([`${pat} Queued`, `${sam} Sent`]);
    expect(receiptsTo(env, sam)).toHaveLength(1);
    // The rows and the Log say so: Sam's receipt sent, Pat's still to go (recorded by the run that sends it).
    const stepOne = () =>
      approvals(env)
        .filter((r) => r['step'] === 1)
        .map((r) => [r['approver'], r['receipt']]);
    expect(stepOne()).toEqual([
      [sam, 'Sent'],
      [pat, 'Sending'],
    ]);
    const receiptsLogged = () =>
      env.run(
        (gas) =>
          sheetNamed(gas, 'Log')
            .getDataRange()
            .getValues()
            .filter((r) => r.includes('Receipt sent')).length,
      );
    expect(receiptsLogged()).toBe(1);

    // No room left: the receipt stays queued, and the spreadsheet stays on the hourly list.
    env.advance(60 * 60 * 1000);
    fireHourly(env);
    expect(receipts(env)).toEqual([`${pat} Queued`, `${sam} Sent`]);

    // The next day: sent once, without a look in sent mail (it was never tried).
    env.advance(DAY);
    const trace = env.faults.traceDuring(() => fireHourly(env));
    // A look in sent mail would read each message's subject and text (outbox.ts, findSent).
    expect(trace.filter((c) => /^GmailMessage\.(getSubject|getPlainBody)$/.test(c))).toEqual([]);
    expect(receipts(env)).toEqual([`${pat} Sent`, `${sam} Sent`]);
    expect(receiptsTo(env, pat)).toHaveLength(1);
    expect(receiptsTo(env, sam)).toHaveLength(1);
    expect(
      approvals(env)
        .filter((r) => r['step'] === 1)
        .map((r) => r['receipt']),
    ).toEqual(['Sent', 'Sent']);
    expect(receiptsLogged()).toBe(2);
    fireHourly(env);
    expect(receiptsTo(env, pat)).toHaveLength(1);
  });

  it('ends as without faults, whichever call site of the pacing run or the later one fails: each receipt once', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const base = readyWorkspace();
    send(base);
    reply(base, sam, 'APPROVE');
    reply(base, pat, 'APPROVE');
    base.mail.setQuota(requester, 2);
    const run = (env: FakeEnvironment) =>
      env.run((gas) => runHourly(gas, { now: env.now() }), { kind: 'trigger', user: requester });
    const nextDay = (env: FakeEnvironment) => env.advance(DAY + 60_000);
    const outcome = (env: FakeEnvironment) => ({
      rows: approvals(env).map((r) => [r['approver'], r['status'], r['receipt']]),
      receipts: receipts(env),
      sent: env.mail
        .sent()
        .map((m) => `${m.to} ${m.subject}`)
        .sort(),
    });
    const changes = /\.(set|insert|delete|append|clear|create|send|reply|remove|add|protect)\w*$/;
    const sends = /^(GmailDraft\.send|MailApp\.sendEmail|GmailThread\.(reply|replyAll))$/;

    const reference = cloneWorld(base);
    const first = reference.faults.traceDuring(() => run(reference));
    expect(receipts(reference)).toContain(`${pat} Queued`);
    nextDay(reference);
    const later = reference.faults.traceDuring(() => run(reference));
    const expected = outcome(reference);
    expect(expected.receipts).toEqual([`${pat} Sent`, `${sam} Sent`]);

    // A fault in the run that queues a receipt, or in the run that sends it; then the runs after.
    for (const [which, trace] of [
      ['pacing run', first],
      ['later run', later],
    ] as const) {
      // The new path: from the run's look at the quota on (its delivery and what follows); the reading
      // before it is the hourly fault test's above.
      const from = trace.indexOf('MailApp.getRemainingDailyQuota') + 1;
      expect(from).toBeGreaterThan(0);
      const picks = callSites(trace, sends).filter((p) => p >= from);
      for (const mode of ['throws at', 'cut off after'] as const)
        for (const n of mode === 'throws at'
          ? picks
          : picks.filter((p) => changes.test(trace[p - 1] ?? ''))) {
          const env = cloneWorld(base);
          if (which === 'later run') {
            run(env);
            nextDay(env);
          }
          if (mode === 'throws at') env.faults.failCall(n);
          else env.faults.cutAfter(n);
          try {
            run(env);
          } catch {
            // Failed or cut off at call n; the next runs complete the work.
          }
          env.faults.clear();
          run(env);
          if (which === 'pacing run') nextDay(env);
          run(env);
          run(env);
          expect({ which, mode, n, ...outcome(env) }).toEqual({ which, mode, n, ...expected });
        }
    }
    warn.mockRestore();
  });
});

describe('an hour with nothing new and nothing due', () => {
  /** Step one's two requests out an hour ago, no reply yet; `rows` workflows and measurements typed. */
  function quietHour(rows: number) {
    const env = readyWorkspace();
    addScoredWorkflows(env, rows);
    addMeasurementRows(env, 'WF-001', rows);
    send(env);
    env.advance(60 * 60 * 1000);
    const before = worldSnapshot(env);
    env.calls.reset();
    const summary = env.run((gas) => runHourly(gas, { now: env.now() }), {
      kind: 'trigger',
      user: requester,
    });
    expectUnchanged(env, before);
    return { calls: env.calls.byMethod(), checked: summary.checked[env.state.spreadsheet.id] };
  }

  it('reads the little it needs and writes nothing, the leader view included: at most 50 calls, the same at 10 and 1,000 rows', () => {
    const small = quietHour(10);
    expect(small.checked).toMatchObject({ decided: 0, sent: 0, waiting: true });
    const total = Object.values(small.calls).reduce((a, b) => a + b, 0);
    expect({ total, withinBudget: total <= 50 }).toEqual({ total, withinBudget: true });
    // No write of any kind: the world is as it was (above), and no writing call was even made.
    expect(
      Object.keys(small.calls).filter((m) => /\.(set|insert|append|delete|remove|send|reply)/i.test(m)),
    ).toEqual([]);
    expect(quietHour(1000).calls).toEqual(small.calls);
  });
});

describe('opening the planner', () => {
  it('checks replies when requests wait and the last check is older than ten minutes', () => {
    const env = readyWorkspace();
    send(env);
    reply(env, sam, 'APPROVE');
    const open = () => env.run((gas) => checkRepliesIfDue(gas, env.now()), { user: requester });
    expect(open()).toBeNull();
    expect(statusOf(env, sam)).toEqual(['Sent']);
    env.advance(10 * 60 * 1000);
    expect(open()).toMatchObject({ decided: 1 });
    expect(statusOf(env, sam)).toEqual(['Approved']);
    expect(open()).toBeNull();
  });

  it('does not check for someone with nothing waiting', () => {
    const env = readyWorkspace();
    env.advance(DAY);
    expect(env.run((gas) => checkRepliesIfDue(gas, env.now()), { user: sam })).toBeNull();
  });
});

describe('faults in the hourly run', () => {
  /**
   * What must come out the same: every request's status, decision and receipt, and every email sent
   * (each through the Outbox, recorded before it goes: none twice, none lost).
   */
  /** An approval request: to an approver, its subject the request's own (not a "Re:" in its thread). */
  const isRequest = (m: string) =>
    !m.startsWith(requester) && !/^\S+ Re: /i.test(m) && /\[AI Plan AP-\w+\]/.test(m);

  function outcome(env: FakeEnvironment) {
    const rows = (id?: string) =>
      approvals(env, id).map((r) => [r['approver'], r['status'], r['decision'], r['receipt'], r['note']]);
    const sent = env.mail.sent().map((m) => `${m.to} ${m.subject}`);
    return {
      first: rows(),
      second: rows(SECOND_ID),
      requests: sent.filter(isRequest).sort(),
      others: sent.filter((m) => !isRequest(m)).sort(),
    };
  }

  it('ends as without faults, whichever call site of the run fails: no email twice, no decision lost or doubled', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const base = readyWorkspace();
    addSecondWorkspace(base);
    send(base);
    send(base, SECOND_ID);
    replyIn(base, base.state.spreadsheet.id, sam, 'APPROVE');
    replyIn(base, base.state.spreadsheet.id, pat, 'APPROVE');
    replyIn(base, SECOND_ID, pat, 'CHANGES: add the Spanish review.');
    base.advance(3 * DAY + 60_000);
    const world = () => cloneWorld(base, { now: () => base.now().getTime() });
    const run = (env: FakeEnvironment) =>
      env.run((gas) => runHourly(gas, { now: base.now() }), { kind: 'trigger', user: requester });

    const reference = world();
    // Every call site once, and every send (a run makes hundreds of calls, most of them repeats).
    const sends = /^(GmailDraft\.send|MailApp\.sendEmail|GmailThread\.(reply|replyAll))$/;
    const trace = reference.faults.traceDuring(() => run(reference));
    const picks = callSites(trace, sends);
    // A cut just after a call that changes nothing leaves the world a cut before it would: only the
    // call sites that write, send or schedule need a cut of their own.
    const changes = /\.(set|insert|delete|append|clear|create|send|reply|remove|add|protect)\w*$/;
    const cuts = picks.filter((n) => changes.test(trace[n - 1] ?? ''));
    run(reference);
    const expected = outcome(reference);
    expect(expected.requests.some((m) => m.startsWith(rivera))).toBe(true);
    expect(expected.others.length).toBeGreaterThan(0);

    // Each call site fails once; then the run is cut off just after it (the call takes effect, no code
    // runs after it); either way the next runs complete the work.
    for (const mode of ['throws at', 'cut off after'] as const)
      for (const n of mode === 'throws at' ? picks : cuts) {
        const env = world();
        if (mode === 'throws at') env.faults.failCall(n);
        else env.faults.cutAfter(n);
        try {
          run(env);
        } catch {
          // Failed or cut off at call n; the next hour's runs complete the work.
        }
        env.faults.clear();
        run(env);
        run(env);
        const got = outcome(env);
        // Every decision once, every email once: requests, receipts, reminders and notes alike.
        expect({ mode, n, ...got }).toEqual({ mode, n, ...expected });
      }
    warn.mockRestore();
  });
});
