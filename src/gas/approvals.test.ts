import { cloneWorld, trimmed } from '../../test/support/world';
import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import {
  addPendingRequests,
  checkReplies,
  district,
  readyWorkspace,
  reply,
  requester,
} from '../../test/support/approvals';
import { setCell, sheetNamed, tableTemplate } from '../../test/support/workspace';
import { mapHeaders } from '../domain/header-map';
import type { ApprovalResult } from '../shared/approvals';
import { approvalBoard, checkApprovalReplies, resolveReview, sendApprovalRequests } from './approvals';
import { governanceBoard, updateChecklistItem } from './governance';

const emailOf = (role: string) => district[role]?.[1] ?? '';
const sam = emailOf('technology');
const pat = emailOf('privacy');
const rivera = emailOf('sponsor');

const send = (env: FakeEnvironment) => env.run((gas) => sendApprovalRequests(gas));
const boardOf = (env: FakeEnvironment) => env.run((gas) => approvalBoard(gas));

function ok(result: ApprovalResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.board;
}

/** A table sheet's data rows, by column key. */
function sheetRows(env: FakeEnvironment, name: string): Record<string, unknown>[] {
  return env.run((gas) => {
    const values = sheetNamed(gas, name).getDataRange().getValues();
    const map = mapHeaders(tableTemplate(name).columns, values[0] ?? []);
    return values
      .slice(1)
      .map((row) => Object.fromEntries([...map.columns].map(([key, at]) => [key, row[at]])));
  });
}
const approvals = (env: FakeEnvironment) => sheetRows(env, 'Approvals');
const outboxRows = (env: FakeEnvironment) => sheetRows(env, 'Outbox');
const statusOf = (env: FakeEnvironment, approver: string) =>
  approvals(env)
    .filter((r) => r['approver'] === approver)
    .map((r) => r['status']);
const logActions = (env: FakeEnvironment) =>
  env.run((gas) =>
    sheetNamed(gas, 'Log')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => String(r[3])),
  );

describe('sending approval requests', () => {
  it('sends the first step, one email per approver, each recorded before it went', () => {
    const env = readyWorkspace();
    const board = ok(send(env));
    const sent = env.mail.sent();
    expect(sent.map((m) => m.to)).toEqual([sam, pat]);
    expect(sent.every((m) => m.sender === requester && m.via === 'GmailApp')).toBe(true);
    const rows = approvals(env);
    expect(rows.map((r) => [r['step'], r['approver'], r['status'], r['planVersion']])).toEqual([
      [1, sam, 'Sent', board.planVersion],
      [1, pat, 'Sent', board.planVersion],
    ]);
    // Each row written once, before its email went; the email's Gmail IDs are in its Outbox row.
    const emails = outboxRows(env);
    for (const [i, mail] of sent.entries()) {
      expect(mail.subject).toContain(`[AI Plan ${String(rows[i]?.['id'])}]`);
      expect([rows[i]?.['messageId'], rows[i]?.['threadId']]).toEqual(['', '']);
      const email = emails.find((r) => r['id'] === rows[i]?.['id']);
      expect(email).toMatchObject({ kind: 'Request', state: 'Sent', messageId: mail.gmailId });
      expect(email?.['threadId']).toEqual(expect.stringMatching(/./));
    }
    expect(sent[0]?.plainBody.split('\n')[0]).toBe(
      '##- Reply above this line / Responda encima de esta línea -##',
    );
    expect(env.state.triggers.map((t) => t.handler)).toEqual(['checkApprovalRepliesHourly']);
    expect(board).toMatchObject({ state: 'waiting', toSend: 0 });
  });

  it('installs the hourly check once, however many times requests are sent', () => {
    const env = readyWorkspace();
    ok(send(env));
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    checkReplies(env);
    expect(env.state.triggers.filter((t) => t.handler === 'checkApprovalRepliesHourly')).toHaveLength(1);
  });

  it('sends once a request whose row was written before its email, with its Outbox row removed by hand', () => {
    const env = readyWorkspace();
    // The first email fails: nothing went, both rows were written ("Sent") before it.
    env.faults.failNext('GmailDraft.send');
    expect(() => send(env)).toThrow();
    expect(env.mail.sent()).toEqual([]);
    expect(approvals(env).map((r) => r['status'])).toEqual(['Sent', 'Sent']);
    // Sam's email removed from the Outbox by hand: the next check queues it again (sent mail first).
    const samsRequest = approvals(env).find((r) => r['approver'] === sam)?.['id'];
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Outbox');
      const at = sheet
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === samsRequest);
      sheet.deleteRow(at + 1);
    });
    checkReplies(env);
    checkReplies(env);
    expect(env.mail.sent().map((m) => m.to)).toEqual([pat, sam]);
    expect(statusOf(env, sam)).toEqual(['Sent']);
    expect(
      outboxRows(env)
        .filter((r) => r['kind'] === 'Request')
        .map((r) => [r['about'], r['state']]),
    ).toEqual(expect.arrayContaining([[samsRequest, 'Sent']]));
    // Its thread is read from the Outbox row's IDs: Sam's answer counts.
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    expect(statusOf(env, sam)).toEqual(['Approved']);
  });

  it('installs the hourly check on the next action when installing it failed', () => {
    const env = readyWorkspace();
    env.faults.failNext('ClockTriggerBuilder.create');
    const board = ok(send(env));
    expect(board.state).toBe('waiting');
    expect(env.mail.sent()).toHaveLength(2);
    expect(env.state.triggers).toEqual([]);
    checkReplies(env);
    expect(env.state.triggers.map((t) => t.handler)).toEqual(['checkApprovalRepliesHourly']);
  });

  it.each<[string, (env: FakeEnvironment) => void, string]>([
    [
      'the checklist is not complete',
      (env) => {
        const row = env.run((gas) => governanceBoard(gas)).rows.find((r) => r.gating);
        env.run((gas) =>
          updateChecklistItem(gas, {
            id: row?.id ?? '',
            status: 'In progress',
            evidence: '',
            naReason: '',
            due: '',
            owner: '',
          }),
        );
      },
      'The governance checklist is not complete',
    ],
    [
      'an approver has no email',
      (env) =>
        setCell(
          env,
          'Settings',
          2 + tableTemplate('Settings').defaultRows.findIndex((r) => r.values['id'] === 'role.privacy'),
          'email',
          '',
        ),
      'Fix the approval chain in Settings first',
    ],
    [
      'the daily quota is too low',
      (env) => env.mail.setQuota(requester, 1),
      'Gmail allows 1 more recipient today and this step needs 2. Nothing was sent',
    ],
  ])('sends nothing when %s, and says why', (_case, prepare, message) => {
    const env = readyWorkspace();
    prepare(env);
    const approvalsBefore = approvals(env);
    const result = send(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(message);
    expect(env.mail.sent()).toEqual([]);
    expect(approvals(env)).toEqual(approvalsBefore);
  });

  it('keeps line breaks and markup from names out of the subject and the HTML', () => {
    const env = readyWorkspace();
    setCell(env, 'Workflows', 2, 'name', 'FAQ\nBcc: all@district.example.org <script>alert(1)</script>');
    env.run((gas) => governanceBoard(gas));
    const board = ok(send(env));
    expect(board.state).toBe('waiting');
    const mail = env.mail.sent()[0];
    expect(mail?.subject).not.toMatch(/[\r\n]/);
    expect(mail?.bcc).toBe('');
    expect(mail?.htmlBody).not.toContain('<script>');
  });
});

describe('reading replies', () => {
  function sentStepOne(): FakeEnvironment {
    const env = readyWorkspace();
    ok(send(env));
    return env;
  }

  it('records approvals from the named approvers and sends the next step when the step is complete', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE\nLooks good.');
    reply(env, pat, 'Aprobado. Gracias.', { from: 'Pat Lee <PAT@home.example.com>' });
    const summary = checkReplies(env);
    expect(summary).toMatchObject({ read: 2, decided: 2, sent: 1 });
    expect(statusOf(env, sam)).toEqual(['Approved']);
    expect(statusOf(env, pat)).toEqual(['Approved']);
    // The next step's request goes before the two receipts (requests first: mail-pacing.ts).
    expect(env.mail.sent().at(-3)?.to).toBe(rivera);
    reply(env, rivera, 'Approve');
    checkReplies(env);
    expect(boardOf(env)).toMatchObject({
      state: 'approved',
      summary: 'Every step has approved this plan version. The pilot can start.',
    });
  });

  it.each(['=1+1', '+1-2', '-1+2', '@SUM(A1)', '\t=1+1', '\r=IMPORTXML("x","y")'])(
    'stores a reply starting %j as text in the Comment column',
    (start) => {
      const env = sentStepOne();
      reply(env, sam, `${start} please look again`);
      checkReplies(env);
      expect(
        env.run((gas) => sheetNamed(gas, 'Approvals').getDataRange().getFormulas().flat().filter(Boolean)),
      ).toEqual([]);
      expect(approvals(env).find((r) => r['approver'] === sam)?.['status']).toBe('Needs review');
    },
  );

  it('stores the approver’s words as text, even when they look like a formula', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE =HYPERLINK("http://evil.example.com","click") +1 @all');
    checkReplies(env);
    const row = approvals(env).find((r) => r['approver'] === sam);
    expect(row?.['comment']).toBe('APPROVE =HYPERLINK("http://evil.example.com","click") +1 @all');
    expect(
      env.run((gas) => sheetNamed(gas, 'Approvals').getDataRange().getFormulas().flat().filter(Boolean)),
    ).toEqual([]);
  });

  it.each<[string, Parameters<typeof reply>[3], string]>([
    ['someone else', { from: 'Sam Ortiz <sam@district.example.org>' }, 'not from the approver'],
    [
      'the approver’s name on another address',
      { from: '"Pat Lee" <pat.lee@evil.example.com>' },
      'not from the approver',
    ],
    [
      'a message failing DMARC',
      {
        authResults:
          'mx.google.com; dkim=fail; spf=fail; dmarc=fail (p=NONE) header.from=district.example.org',
      },
      'failed DMARC',
    ],
    [
      'a forged pass below Gmail’s failing verdict',
      {
        authResults: 'mx.google.com; dmarc=fail (p=NONE) header.from=district.example.org',
        headers: { 'Authentication-Results': 'mx.google.com; dmarc=pass' },
      },
      'failed DMARC',
    ],
  ])('does not count a reply from %s, and logs it', (_case, options, why) => {
    const env = sentStepOne();
    const to = pat;
    reply(env, to, 'APPROVE', options);
    checkReplies(env);
    expect(statusOf(env, pat)).toEqual(['Sent']);
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    expect(log.find((r) => r[3] === 'Reply not counted')?.[7]).toContain(why);
    // The Approvals view says so too, with who sent it and the reply's first words.
    const shown = env.run((gas) => approvalBoard(gas)).uncounted;
    expect(shown).toEqual([
      {
        requestId: expect.stringMatching(/^AP-/) as unknown,
        role: 'Privacy officer',
        lines: [expect.any(String)],
      },
    ]);
    expect(shown[0]?.lines[0]).toMatch(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · .+ · .*${why}.* · “APPROVE”$`),
    );
  });

  it('does not count a reply whose subject carries another request’s token (another document’s, say)', () => {
    const env = sentStepOne();
    const request = env.mail.sent().find((m) => m.to === sam);
    env.mail.deliver({
      to: requester,
      from: sam,
      inReplyToMessageId: request?.messageId ?? '',
      subject: 'Re: [AI Plan AP-ZZZZZZZZ] Approval needed: something else',
      body: 'APPROVE',
    });
    checkReplies(env);
    expect(statusOf(env, sam)).toEqual(['Sent']);
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    expect(log.find((r) => r[3] === 'Reply not counted')?.[7]).toContain('another request (AP-ZZZZZZZZ)');
    const shown = env.run((gas) => approvalBoard(gas)).uncounted;
    expect(shown.map((u) => u.role)).toEqual(['Technology director']);
    expect(shown[0]?.lines[0]).toContain(
      `${sam} · its subject names another request (AP-ZZZZZZZZ) · “APPROVE”`,
    );
  });

  it('counts a reply in a request’s thread whose subject names no request, by the thread’s first message’s ID', () => {
    const env = sentStepOne();
    const request = env.mail.sent().find((m) => m.to === sam);
    env.mail.deliver({
      to: requester,
      from: sam,
      inReplyToMessageId: request?.messageId ?? '',
      subject: 'Re: the load test',
      body: 'APPROVE',
    });
    env.calls.reset();
    checkReplies(env);
    expect(statusOf(env, sam)).toEqual(['Approved']);
    // Not taken for a request by its subject: the first message's ID is read, as every other's.
    expect(env.calls.byMethod()['GmailMessage.getId']).toBe(3);
  });

  it('sends an unclear reply to a person, who resolves it, and that is logged', () => {
    const env = sentStepOne();
    reply(env, pat, 'Approved, but only after legal reads the vendor terms.');
    checkReplies(env);
    const board = boardOf(env);
    expect(board.state).toBe('needs-review');
    expect(board.review).toEqual([
      expect.objectContaining({
        role: 'Privacy officer',
        reply: expect.stringContaining('Approved, but only after legal') as unknown,
      }),
    ]);
    const requestId = board.review[0]?.requestId ?? '';
    expect(env.run((gas) => resolveReview(gas, { requestId, decision: 'Approve', note: '' })).ok).toBe(false);
    const resolved = ok(
      env.run((gas) =>
        resolveReview(gas, { requestId, decision: 'Changes', note: 'Called Pat: legal first.' }),
      ),
    );
    expect(resolved.state).toBe('stopped');
    expect(logActions(env)).toContain('Review resolved');
  });

  it('stops the chain on a rejection and tells the requester', () => {
    const env = sentStepOne();
    reply(env, sam, 'REJECT - the vendor is not on the registry.');
    checkReplies(env);
    expect(boardOf(env)).toMatchObject({ state: 'stopped' });
    const notes = env.mail.sent().filter((m) => m.to === requester);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ via: 'GmailApp' });
    expect(notes[0]?.subject).toMatch(
      /^Technology director answered Reject: FAQ drafting from approved materials \[AI Plan AP-[0-9A-Z]{8}\]$/,
    );
  });

  it('counts a reply once, however often replies are checked', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    const rows = approvals(env);
    const log = logActions(env);
    const sent = env.mail.sent().length;
    // The next check reads our own receipt once and moves the mark past it; nothing else changes.
    checkReplies(env);
    const marked = approvals(env);
    const unmarked = (list: typeof rows) => list.map((r) => ({ ...r, checkedThrough: '' }));
    expect(unmarked(marked)).toEqual(unmarked(rows));
    checkReplies(env);
    expect(approvals(env)).toEqual(marked);
    expect(logActions(env)).toEqual(log);
    expect(env.mail.sent()).toHaveLength(sent);
  });

  it('marks approvals stale when the plan changes, and asks again', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    setCell(env, 'Workflows', 2, 'description', 'Now also drafts replies to families in Spanish.');
    const board = boardOf(env);
    // The view asks again (the approval no longer counts) but writes nothing; the next run marks it.
    expect(statusOf(env, sam)).toEqual(['Approved']);
    expect(board).toMatchObject({ state: 'not-sent', toSend: 2 });
    ok(send(env));
    expect(statusOf(env, sam)).toEqual(['Stale', 'Sent']);
  });

  it('marks them stale in the save that changes the plan', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    const row = env.run((gas) => governanceBoard(gas)).rows.find((r) => r.gating && r.status === 'Done');
    if (!row) throw new Error('no completed gating row');
    // The change voids an approval of this version: it is confirmed (approved-change.test.ts).
    const version = env.run((gas) => governanceBoard(gas)).planVersion ?? '';
    const saved = env.run((gas) =>
      updateChecklistItem(gas, {
        id: row.id,
        status: 'Done',
        evidence: 'https://district.example.org/memo',
        naReason: '',
        due: '',
        owner: '',
        confirmApprovedChange: version,
      }),
    );
    expect(saved.ok).toBe(true);
    expect(statusOf(env, sam)).toEqual(['Stale']);
    expect(logActions(env)).toContain('Approval request stale');
    // Marked as the add-on marks a row (sealed again): not read as a hand edit, then or later.
    const shown = JSON.stringify(boardOf(env));
    expect(shown).not.toContain('Edited in the sheet');
    checkReplies(env);
    expect(statusOf(env, sam)).toEqual(['Stale']);
    expect(logActions(env)).not.toContain('Approval row edited in the sheet');
  });

  it('reminds in the same thread after the reminder days, and copies the sponsor there after the escalation days', () => {
    const env = sentStepOne();
    const day = 24 * 60 * 60 * 1000;
    env.advance(3 * day + 60_000);
    checkReplies(env);
    const chasers = () => env.mail.sent().filter((m) => m.subject.startsWith('Re: '));
    expect(
      chasers()
        .map((m) => m.to)
        .sort(),
    ).toEqual([pat, sam].sort());
    const request = env.mail.sent().find((m) => m.to === sam && m.subject.includes('[AI Plan AP-'));
    expect(
      env.mail.threads(requester).find((t) => t.messages.some((m) => m.id === request?.gmailId))?.messages,
    ).toHaveLength(2);
    env.advance(2 * day);
    checkReplies(env);
    const escalations = chasers().filter((m) => m.cc === rivera);
    expect(escalations.map((m) => m.to).sort()).toEqual([pat, sam].sort());
    checkReplies(env);
    expect(chasers().filter((m) => m.cc === rivera)).toHaveLength(2);
  });
});

describe('a run near the time limit', () => {
  it('stops taking on requests when its time is up, says so, and the next run finishes the work', () => {
    const env = readyWorkspace();
    ok(send(env));
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    const cut = env.run((gas) => checkApprovalReplies(gas, { now: env.now(), budgetMs: -1 }), {
      user: requester,
    });
    expect(cut).toMatchObject({ read: 0, partial: true });
    expect(cut.message).toContain('the next check continues');
    expect(statusOf(env, sam)).toEqual(['Sent']);
    expect(checkReplies(env)).toMatchObject({ read: 2, decided: 2, partial: false });
  });
});

describe('faults on the send and read paths', () => {
  /** Everything that matters at the end: the rows, what was sent to whom, and the decisions. */
  function outcome(env: FakeEnvironment) {
    return {
      rows: approvals(env).map((r) => [r['approver'], r['status'], r['decision'], r['receipt']]),
      sent: env.mail.sent().map((m) => [m.to, m.subject.replace(/AP-[0-9A-Z]{8}/, 'AP-…')]),
    };
  }

  function scenario(env: FakeEnvironment, faultAt: number | null): void {
    const attempt = (action: () => unknown) => {
      try {
        action();
      } catch {
        // The run failed part-way; the next run (below) must complete it.
      }
    };
    if (faultAt !== null) env.faults.failCall(faultAt);
    attempt(() => send(env));
    env.faults.clear();
    send(env);
    reply(env, sam, 'APPROVE');
    reply(env, pat, 'APPROVE');
    if (faultAt !== null) env.faults.failCall(faultAt);
    attempt(() => checkReplies(env));
    env.faults.clear();
    checkReplies(env);
    checkReplies(env);
  }

  it('ends exactly as without faults, whichever call fails: no email twice, no decision lost or doubled', () => {
    // Built once; each fault point runs on a copy of it.
    const ready = trimmed(readyWorkspace());
    const clean = cloneWorld(ready);
    const calls = Math.max(
      clean.faults.callsDuring(() => send(clean)),
      (() => {
        reply(clean, sam, 'APPROVE');
        reply(clean, pat, 'APPROVE');
        return clean.faults.callsDuring(() => checkReplies(clean));
      })(),
    );
    const reference = cloneWorld(ready);
    scenario(reference, null);
    const expected = outcome(reference);
    // The two requests, then the next step's request, then a receipt to each approver in their thread
    // (requests go first: mail-pacing.ts).
    expect(expected.sent.map((s) => s[0])).toEqual([sam, pat, rivera, sam, pat]);
    expect(expected.rows.map((r) => r[3])).toEqual(['Sent', 'Sent', '']);
    for (let n = 1; n <= calls; n += 1) {
      const env = cloneWorld(ready);
      scenario(env, n);
      expect({ n, ...outcome(env) }).toEqual({ n, ...expected });
    }
  });
  it('reading replies by the request a thread starts, or by its first message’s ID, ends as without faults', () => {
    // Sam's reply names its request (its thread's first message is not read); Pat's names none (it is).
    const replied = (() => {
      const env = trimmed(readyWorkspace());
      send(env);
      reply(env, sam, 'APPROVE');
      const request = env.mail.sent().find((m) => m.to === pat);
      env.mail.deliver({
        to: requester,
        from: pat,
        inReplyToMessageId: request?.messageId ?? '',
        subject: 'Re: the load test',
        body: 'APPROVE',
      });
      return env;
    })();
    const check = (env: FakeEnvironment, faultAt: number | null) => {
      if (faultAt !== null) env.faults.failCall(faultAt);
      try {
        checkReplies(env);
      } catch {
        // Cut off part-way; the next runs complete it.
      }
      env.faults.clear();
      checkReplies(env);
      checkReplies(env);
    };
    const probe = cloneWorld(replied);
    const calls = probe.faults.callsDuring(() => checkReplies(probe));
    const reference = cloneWorld(replied);
    check(reference, null);
    const expected = outcome(reference);
    expect(expected.rows.map((r) => r[1])).toEqual(['Approved', 'Approved', 'Sent']);
    expect(expected.sent.map((s) => s[0])).toEqual([sam, pat, rivera, sam, pat]);
    for (let n = 1; n <= calls; n += 1) {
      const env = cloneWorld(replied);
      check(env, n);
      expect({ n, ...outcome(env) }).toEqual({ n, ...expected });
    }
  });
});

describe('service calls when checking replies', () => {
  function calls(pending: number, replies = true): { calls: Record<string, number>; decided: number } {
    const env = readyWorkspace();
    addPendingRequests(env, pending, replies);
    env.calls.reset();
    const summary = checkReplies(env);
    return { calls: env.calls.byMethod(), decided: summary.decided };
  }
  // Per request: reading its thread, its receipt (the time in the spreadsheet's zone) and signing its
  // Log entries (the chain hashes each entry).
  const perRequest = /^(Gmail|MailApp|Utilities\.computeHmacSha256Signature|Utilities\.formatDate)/;
  const sheetsCalls = (c: Record<string, number>) =>
    Object.fromEntries(Object.entries(c).filter(([method]) => !perRequest.test(method)));
  const mailCalls = (c: Record<string, number>) =>
    Object.entries(c)
      .filter(([method]) => perRequest.test(method))
      .reduce((sum, [, n]) => sum + n, 0);

  it('reads the sheets the same number of times, and Gmail a fixed number of times per reply', () => {
    // From 30 replies on, receipts beyond the run's 25 wait for the next hour (mail-pacing.ts), which
    // installs the hourly check: the sizes compared all have some waiting.
    const [small, forty, sixty, hundred] = [calls(30), calls(40), calls(60), calls(100)];
    expect([small.decided, hundred.decided]).toEqual([30, 100]);
    expect(sheetsCalls(hundred.calls)).toEqual(sheetsCalls(small.calls));
    const each = (mailCalls(sixty.calls) - mailCalls(forty.calls)) / 20;
    expect((mailCalls(hundred.calls) - mailCalls(forty.calls)) / 60).toBe(each);
    // Reading and deciding took up to 14; the receipt in the thread adds its route (the last message's
    // sender), the reply, its time and its Log entry.
    expect(each).toBeLessThanOrEqual(20);
  });

  it('reads a reply to a request with nothing read after it in two Gmail calls: its ID and its raw content', () => {
    // The walk back stops at the thread's first message, the request its subject names, unread.
    const [forty, sixty] = [calls(40), calls(60)];
    const each = (name: string) => ((sixty.calls[name] ?? 0) - (forty.calls[name] ?? 0)) / 20;
    expect(each('GmailMessage.getId')).toBe(1);
    expect(each('GmailMessage.getRawContent')).toBe(1);
  });

  it('with many requests waiting, reads only the threads that have a reply', () => {
    const quiet = calls(100, false);
    expect(quiet.decided).toBe(0);
    expect(quiet.calls['GmailApp.getThreadById'] ?? 0).toBe(0);
    expect(quiet.calls['GmailApp.search']).toBe(1);
  });
});
