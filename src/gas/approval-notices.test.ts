import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { checkReplies, district, readyWorkspace, reply, requester } from '../../test/support/approvals';
import { setCell, sheetNamed, tableTemplate } from '../../test/support/workspace';
import { cloneWorld } from '../../test/support/world';
import { longDay } from '../domain/email-dates';
import { mapHeaders } from '../domain/header-map';
import { saveScore } from './workflow-board';
import { approvalBoard, sendApprovalRequests } from './approvals';

/**
 * The approver's side of the approval emails, end to end on the fakes: each approver in their own
 * language, the sender's name, the whole text of reminders with their due date, receipts and
 * unreadable-reply notes sent once in the thread and only to the approver, and eligibility at sending.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const sam = emailOf('technology');
const pat = emailOf('privacy');
const rivera = emailOf('sponsor');
const DAY = 24 * 60 * 60 * 1000;

const send = (env: FakeEnvironment) => env.run((gas) => sendApprovalRequests(gas));
const roleRow = (id: string) =>
  2 + tableTemplate('Settings').defaultRows.findIndex((r) => r.values['id'] === id);

/** Sam reads English, Pat Spanish; everyone else the workspace's English and Spanish. */
function bilingualDistrict(): FakeEnvironment {
  const env = readyWorkspace();
  setCell(env, 'Settings', roleRow('role.technology'), 'language', 'English');
  setCell(env, 'Settings', roleRow('role.privacy'), 'language', 'Spanish');
  return env;
}

function sentStepOne(): FakeEnvironment {
  const env = bilingualDistrict();
  const result = send(env);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return env;
}

function rows(env: FakeEnvironment): Record<string, unknown>[] {
  return env.run((gas) => {
    const values = sheetNamed(gas, 'Approvals').getDataRange().getValues();
    const shown = sheetNamed(gas, 'Approvals').getDataRange().getDisplayValues();
    const map = mapHeaders(tableTemplate('Approvals').columns, values[0] ?? []);
    return values
      .slice(1)
      .map((row, i) =>
        Object.fromEntries(
          [...map.columns].map(([key, at]) => [key, key === 'due' ? shown[i + 1]?.[at] : row[at]]),
        ),
      );
  });
}
const rowOf = (env: FakeEnvironment, approver: string) =>
  rows(env).find((r) => r['approver'] === approver) ?? {};
const mailTo = (env: FakeEnvironment, to: string) => env.mail.sent().filter((m) => m.to === to);
const inThreadTo = (env: FakeEnvironment, to: string) =>
  mailTo(env, to).filter((m) => m.subject.startsWith('Re: '));

describe('each approver’s own language', () => {
  it('writes to each approver in the language Settings gives them, from the requester by name', () => {
    const env = sentStepOne();
    const [toSam, toPat] = [mailTo(env, sam)[0], mailTo(env, pat)[0]];
    const due = String(rowOf(env, sam)['due']);
    expect(toSam?.subject).toMatch(
      /^Approve the FAQ drafting from approved materials pilot\? Due \w{3} \d{1,2} \[AI Plan AP-[0-9A-Z]{8}\]$/,
    );
    expect(toPat?.subject).toMatch(
      /^¿Aprueba el piloto de FAQ drafting from approved…\? Vence el \d{1,2} de [a-z]+\. \[AI Plan AP-[0-9A-Z]{8}\]$/,
    );
    expect(toSam?.plainBody.split('\n').slice(0, 5)).toEqual([
      '##- Reply above this line -##',
      '',
      'Approve the FAQ drafting from approved materials pilot?',
      `Please reply by ${longDay(due, 'en')}.`,
      'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
    ]);
    expect(toPat?.plainBody.split('\n').slice(0, 5)).toEqual([
      '##- Responda encima de esta línea -##',
      '',
      '¿Aprueba el piloto de FAQ drafting from approved materials?',
      `Le rogamos que responda a más tardar el ${longDay(due, 'es')}.`,
      'Responda con APROBAR, RECHAZAR o CAMBIOS como primera palabra y, después, sus comentarios.',
    ]);
    expect(toSam?.plainBody).not.toMatch(/Responda|Quién/);
    expect(toPat?.plainBody).not.toMatch(/Reply with|Who is asking/);
    expect(toSam?.from).toBe('"Morgan Diaz (via AI Plan Workspace)" <coordinator@district.example.org>');
  });

  it('states who asks, the scores and the eligibility as they are', () => {
    const env = sentStepOne();
    const plain = mailTo(env, sam)[0]?.plainBody ?? '';
    expect(plain).toContain('Morgan Diaz, Workflow owner (coordinator@district.example.org), for');
    expect(plain).toContain(
      'The team’s scores (median of 2 scorers, from 1 to 5): common 5, measurable 4, low enough risk 4, painful enough 4; total 17 of 20 (strong).\nEligible: risk is low enough and no scorer raised a red flag.',
    );
    expect(plain).toContain('Executive sponsor: Dr. Rivera.');
    expect(plain).not.toMatch(/passed the team|Pilot sheet|See the Workflows sheet/);
  });

  it('sends nothing while the workspace’s language is not one it writes, and says which row', () => {
    const env = readyWorkspace();
    const row = roleRow('email.language');
    setCell(env, 'Settings', row, 'value', 'Klingon');
    const before = rows(env);
    expect(send(env)).toMatchObject({ ok: false });
    expect(env.run((gas) => approvalBoard(gas)).problems).toContain(
      `Settings row ${row}: the email language (“Klingon”) is not one of English, Spanish, English and Spanish.`,
    );
    expect(env.mail.sent()).toEqual([]);
    expect(rows(env)).toEqual(before);
  });
});

describe('an ineligible selection', () => {
  it('cannot be sent: a clear message, nothing sent, nothing written', () => {
    const env = bilingualDistrict();
    env.run((gas) =>
      saveScore(gas, {
        workflowId: 'WF-001',
        scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
        redFlags: ['flagStudentRecords'],
        fitsDay: 'yes',
        note: '',
        scorerName: 'Second scorer',
      }),
    );
    const before = rows(env);
    const result = send(env);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: '',
          message:
            '“FAQ drafting from approved materials” cannot be sent for approval as the team’s scores stand. Not eligible: red flag raised by 1 scorer (student education records (Red tier) would go into the tool). Nothing was sent: change the scores or choose another workflow.',
        },
      ],
    });
    expect(env.mail.sent()).toEqual([]);
    expect(rows(env)).toEqual(before);
  });
});

describe('reminders and escalations', () => {
  it('remind in the approver’s language, in the thread, with the due date, read as a whole text', () => {
    const env = sentStepOne();
    env.advance(3 * DAY + 60_000);
    checkReplies(env);
    const row = rowOf(env, sam);
    const due = String(row['due']);
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const url = env.run((gas) => gas.SpreadsheetApp.getActiveSpreadsheet()?.getUrl() ?? '');
    const [reminder] = inThreadTo(env, sam);
    expect(reminder?.subject).toBe(`Re: ${mailTo(env, sam)[0]?.subject ?? ''}`);
    expect(reminder?.threadId).toBe(mailTo(env, sam)[0]?.threadId);
    // The Outbox's reference line comes last (outbox.ts): the text above it is the catalogue's.
    expect(reminder?.plainBody.replace(/\n\nRef\. OB-[0-9A-Z]{12}$/, '')).toBe(
      [
        '##- Reply above this line -##',
        '',
        'A reminder from Morgan Diaz: this request is waiting for your reply.',
        'Approve the FAQ drafting from approved materials pilot?',
        `Please reply by ${longDay(due, 'en')}.`,
        'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
        '',
        `Request ${String(row['id'])} · plan version ${String(row['planVersion'])}. People with access to the plan can open it here: ${url}`,
        '',
      ].join('\n'),
    );
    expect(inThreadTo(env, pat)[0]?.plainBody).toContain(
      `Le rogamos que responda a más tardar el ${longDay(due, 'es')}.`,
    );
  });

  it('copy the sponsor in the request’s thread once, in the approver’s and the sponsor’s languages', () => {
    const env = sentStepOne();
    env.advance(5 * DAY + 60_000);
    checkReplies(env);
    checkReplies(env);
    const escalations = inThreadTo(env, pat).filter((m) => m.cc === rivera);
    expect(escalations).toHaveLength(1);
    const plain = escalations[0]?.plainBody ?? '';
    expect(plain.split('\n')[0]).toBe('##- Reply above this line / Responda encima de esta línea -##');
    expect(plain).toContain('No reply in 5 days: Dr. Rivera, the executive sponsor, is copied.');
    expect(plain).toContain(
      'Sin respuesta en 5 días: se envía copia a Dr. Rivera, patrocinador/a ejecutivo/a.',
    );
  });
});

describe('receipts', () => {
  it('confirm a counted reply once, in its thread, to the approver, with the plan version and time', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE\nLooks good.');
    checkReplies(env);
    checkReplies(env);
    const receipts = inThreadTo(env, sam);
    expect(receipts).toHaveLength(1);
    const row = rowOf(env, sam);
    expect(row['receipt']).toBe('Sent');
    expect(receipts[0]?.threadId).toBe(mailTo(env, sam)[0]?.threadId);
    expect(receipts[0]?.plainBody.split('\n').slice(0, 4)).toEqual([
      '##- Reply above this line -##',
      '',
      expect.stringMatching(
        new RegExp(
          `^Recorded: Approve, plan version ${String(row['planVersion'])}, at \\d{2}:\\d{2} on \\w+day, \\w+ \\d{1,2}, \\d{4}\\.$`,
        ),
      ),
      'If that is not what you meant, reply CHANGES.',
    ]);
  });

  it('take a change of mind after an approval: CHANGES stops the chain and is confirmed too', () => {
    const env = sentStepOne();
    reply(env, pat, 'Aprobado.');
    checkReplies(env);
    expect(rowOf(env, pat)['status']).toBe('Approved');
    reply(env, pat, 'CAMBIOS: falta la regla de revisión.');
    checkReplies(env);
    expect(rowOf(env, pat)).toMatchObject({ status: 'Changes requested', receipt: 'Sent' });
    const receipts = inThreadTo(env, pat).map((m) => m.plainBody.split('\n')[2] ?? '');
    expect(receipts).toEqual([
      expect.stringMatching(/^Registrado: Aprobar, versión del plan /),
      expect.stringMatching(/^Registrado: Cambios, versión del plan /),
    ]);
    expect(mailTo(env, requester).map((m) => m.subject)).toEqual([
      expect.stringMatching(
        /^Privacy officer answered Changes: FAQ drafting from approved materials \[AI Plan AP-/,
      ),
    ]);
  });

  it('leave an approval standing when a later reply is not a change of mind', () => {
    const env = sentStepOne();
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    reply(env, sam, 'Thanks!');
    checkReplies(env);
    expect(rowOf(env, sam)).toMatchObject({ status: 'Approved' });
    expect(inThreadTo(env, sam)).toHaveLength(1);
  });

  it('go only to the approver: an alias gets it, another sender’s reply earns nothing', () => {
    const env = sentStepOne();
    reply(env, pat, 'APPROVE', { from: 'Sam Ortiz <sam@district.example.org>' });
    reply(env, pat, 'APPROVE', { from: '"Pat Lee" <pat.lee@evil.example.com>' });
    checkReplies(env);
    expect(
      env.mail.sent().filter((m) => m.to.includes('evil.example.com') || m.subject.startsWith('Re: ')),
    ).toEqual([]);
    reply(env, pat, 'Aprobado', { from: 'Pat Lee <pat@home.example.com>' });
    checkReplies(env);
    expect(
      env.mail
        .sent()
        .filter((m) => m.subject.startsWith('Re: '))
        .map((m) => m.to),
    ).toEqual(['pat@home.example.com']);
  });

  it('are not sent into a thread whose last message would take them to someone else', () => {
    const env = sentStepOne();
    const request = mailTo(env, sam)[0];
    env.mail.deliver({
      to: requester,
      from: sam,
      replyTo: 'everyone@district.example.org',
      inReplyToMessageId: request?.messageId ?? '',
      body: 'APPROVE',
    });
    checkReplies(env);
    expect(rowOf(env, sam)).toMatchObject({ status: 'Approved', receipt: 'Not sent' });
    expect(env.mail.sent().filter((m) => m.to.includes('everyone@'))).toEqual([]);
  });
});

describe('the note when a reply cannot be read', () => {
  it('goes once per request, in the thread, and says how to answer', () => {
    const env = sentStepOne();
    reply(env, sam, 'Looks fine to me if legal agrees?');
    checkReplies(env);
    reply(env, sam, 'Hmm, maybe.');
    checkReplies(env);
    const notes = inThreadTo(env, sam);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.plainBody.split('\n').slice(0, 6)).toEqual([
      '##- Reply above this line -##',
      '',
      'Your reply could not be read as a decision, so Morgan Diaz will read it in person. To answer directly, reply as below.',
      'Approve the FAQ drafting from approved materials pilot?',
      expect.stringMatching(/^Please reply by \w+day, /),
      'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
    ]);
    expect(rowOf(env, sam)).toMatchObject({ status: 'Needs review', note: 'Sent' });
    reply(env, sam, 'APPROVE');
    checkReplies(env);
    expect(rowOf(env, sam)).toMatchObject({ status: 'Approved', receipt: 'Sent', note: 'Sent' });
    expect(inThreadTo(env, sam)).toHaveLength(2);
  });

  it('is not sent to an automatic reply', () => {
    const env = sentStepOne();
    reply(env, sam, 'I am out of the office until Monday.', {
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    checkReplies(env);
    expect(rowOf(env, sam)).toMatchObject({ status: 'Needs review', note: '' });
    expect(inThreadTo(env, sam)).toEqual([]);
  });
});

/** The receipt's time moves with the clock between runs; everything else must match. */
const atSomeTime = (line: string) => line.replace(/at \d{2}:\d{2} on [^.]+\./, 'at (time).');

describe('receipts and notes under injected faults', () => {
  function attempt(action: () => unknown): void {
    try {
      action();
    } catch {
      // The run failed part-way; the next runs must complete it without sending anything twice.
    }
  }

  /** Sam approves, Pat's reply cannot be read: built once, copied for each run from this start. */
  let replied: FakeEnvironment | null = null;
  function start(): FakeEnvironment {
    if (!replied) {
      replied = sentStepOne();
      reply(replied, sam, 'APPROVE');
      reply(replied, pat, 'Lo veo bien, creo.');
    }
    return cloneWorld(replied);
  }

  /** One check fails at call `n`, two more follow. */
  function scenario(faultAt: number | null) {
    const env = start();
    if (faultAt !== null) env.faults.failCall(faultAt);
    attempt(() => checkReplies(env));
    env.faults.clear();
    checkReplies(env);
    checkReplies(env);
    return {
      rows: rows(env).map((r) => [r['approver'], r['status'], r['receipt'], r['note']]),
      inThread: env.mail
        .sent()
        .flatMap((m) =>
          m.subject.startsWith('Re: ') ? [`${m.to}: ${atSomeTime(m.plainBody.split('\n')[2] ?? '')}`] : [],
        ),
    };
  }

  it('go exactly once, to the approver, whichever call fails', () => {
    const clean = start();
    const calls = clean.faults.callsDuring(() => checkReplies(clean));
    const expected = scenario(null);
    expect(expected.rows).toEqual([
      [sam, 'Approved', 'Sent', ''],
      [pat, 'Needs review', '', 'Sent'],
    ]);
    expect(expected.inThread).toEqual([
      expect.stringMatching(new RegExp(`^${sam}: Recorded: Approve`)),
      expect.stringMatching(new RegExp(`^${pat}: Su respuesta no se pudo leer`)),
    ]);
    for (let n = 1; n <= calls; n += 1) expect({ n, ...scenario(n) }).toEqual({ n, ...expected });
  });
});
