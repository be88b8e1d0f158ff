import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allSamples, reRequestFacts, sampleFacts, sampleName } from '../../test/support/email-samples';
import { requestEmail, requestSubject, SUBJECT_ASK_MAX, tokenTag } from './approval-email';
import { stoppedEmail } from './approval-notices';
import { readerships } from './messages/catalogue';
import { replyMarkerFor } from './reply-marker';
import { readReply } from './reply-reader';
import { tokenInSubject } from './request-token';

const goldenDir = path.resolve(__dirname, '../../test/golden/approval-emails');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** Compares with the checked-in text; `UPDATE_GOLDEN=1 npx jest …` rewrites it, for review as a diff. */
function expectGolden(file: string, actual: string): void {
  const at = path.join(goldenDir, file);
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(at, actual);
  }
  expect({ file, exists: existsSync(at) }).toEqual({ file, exists: true });
  expect(actual).toBe(readFileSync(at, 'utf8'));
}

describe('the golden texts of every email an approver receives', () => {
  it.each(allSamples.map((s) => [sampleName(s.kind, s.readership), s.email] as const))(
    '%s matches its checked-in text and HTML',
    (name, email) => {
      expectGolden(`${name}.txt`, `Subject: ${email.subject}\n\n${email.plain}`);
      expectGolden(`${name}.html`, `${email.html}\n`);
    },
  );
});

describe('the subject', () => {
  it.each([
    ['en', 'Approve the FAQ drafting from approved materials pilot? Due Dec 6 [AI Plan AP-7K2Q9F3M]'],
    ['es', '¿Aprueba el piloto de FAQ drafting from approved…? Vence el 6 de dic. [AI Plan AP-7K2Q9F3M]'],
    ['en+es', 'Approve the FAQ drafting from approved materials pilot? Due Dec 6 [AI Plan AP-7K2Q9F3M]'],
  ] as const)('asks first and ends with the token (%s)', (readership, subject) => {
    expect(requestEmail(sampleFacts(readership)).subject).toBe(subject);
  });

  it('keeps the ask and due date within 70 characters, whatever the workflow is called', () => {
    for (const name of [
      'FAQ',
      'x'.repeat(300),
      'Resúmenes de preguntas frecuentes de las familias y del personal',
    ]) {
      for (const readership of readerships) {
        const subject = requestSubject(name, '2026-12-06', readership, 'AP-7K2Q9F3M');
        const tag = ` ${tokenTag('AP-7K2Q9F3M')}`;
        expect(subject.endsWith(tag)).toBe(true);
        expect(subject.length - tag.length).toBeLessThanOrEqual(SUBJECT_ASK_MAX);
        expect(tokenInSubject(`RE: Re: ${subject}`)).toBe('AP-7K2Q9F3M');
      }
    }
  });

  it('puts nothing from the sheet on a second header line', () => {
    const subject = requestSubject('FAQ\r\nBcc: all@district.example.org', '2026-12-06', 'en', 'AP-7K2Q9F3M');
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe(
      'Approve the FAQ Bcc: all@district.example.org pilot? Due Dec 6 [AI Plan AP-7K2Q9F3M]',
    );
  });
});

describe('the request’s text', () => {
  const lines = (readership: (typeof readerships)[number]) =>
    requestEmail(sampleFacts(readership)).plain.split('\n');

  it('starts with the marker, then the ask, the due date and how to reply, one line per language', () => {
    expect(lines('en+es').slice(0, 10)).toEqual([
      '##- Reply above this line / Responda encima de esta línea -##',
      '',
      'Approve the FAQ drafting from approved materials pilot?',
      'Please reply by Sunday, December 6, 2026.',
      'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
      '',
      '¿Aprueba el piloto de FAQ drafting from approved materials?',
      'Le rogamos que responda a más tardar el domingo, 6 de diciembre de 2026.',
      'Responda con APROBAR, RECHAZAR o CAMBIOS como primera palabra y, después, sus comentarios.',
      '',
    ]);
    expect(lines('es')[0]).toBe('##- Responda encima de esta línea -##');
    expect(lines('en')[0]).toBe('##- Reply above this line -##');
  });

  it('states the scores and eligibility as they are, never a fixed claim', () => {
    const needsBaseline = requestEmail({
      ...sampleFacts('en'),
      assessment: {
        scorers: 1,
        consensus: { common: 3, measurable: 2, risk: 4, pain: 3 },
        total: 12,
        band: 'Possible',
        eligibility: 'needs-baseline',
      },
    }).plain;
    expect(needsBaseline).toContain(
      'The team’s scores (median of 1 scorer, from 1 to 5): common 3, measurable 2, low enough risk 4, painful enough 3; total 12 of 20 (possible).',
    );
    expect(needsBaseline).toContain(
      'Eligible once a baseline is planned: measurability is 2 of 5, so the plan must say how time and quality are measured before the pilot.',
    );
    expect(needsBaseline).not.toContain('Eligible: risk is low enough');
    expect(needsBaseline).not.toContain('passed the team');
  });

  it('says what the plan does not say yet rather than pointing at a sheet approvers cannot open', () => {
    const facts = sampleFacts('es');
    const plain = requestEmail({
      ...facts,
      pilot: { ...facts.pilot, tool: '', dataRule: ' ', pilotStart: '', stopRule: '' },
    }).plain;
    expect(plain).toContain('Herramienta y cuenta con la que se usa: aún no consta en el plan');
    expect(plain).toContain('Regla de datos del plan: aún no consta en el plan');
    expect(plain).toContain('Piloto: fechas aún no indicadas en el plan.');
    expect(plain).toContain('Regla de suspensión: aún no consta en el plan');
    expect(plain).not.toMatch(/Pilot sheet|hoja Pilot/);
  });

  it('escapes what the sheet says for the HTML, and keeps it whole in the plain text', () => {
    const facts = sampleFacts('en+es');
    const email = requestEmail({
      ...facts,
      workflow: { ...facts.workflow, description: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
      pilot: { ...facts.pilot, tool: 'Tool "A" & <b>B</b>' },
    });
    expect(email.html).not.toMatch(/<script|<img|<b>/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Tool &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;');
    expect(email.plain).toContain('<script>alert(1)</script>');
  });

  it('names the requester by name and role, with the address second', () => {
    expect(lines('en')).toContain(
      'Morgan Diaz, Workflow owner (coordinator@district.example.org), for Communications.',
    );
  });
});

describe('the requester’s notice when an approver stops the chain', () => {
  it('is in the requester’s language, carries the approver’s words and no reply marker', () => {
    const email = stoppedEmail(
      'es',
      {
        token: 'AP-7K2Q9F3M',
        planVersion: 'v-1',
        workflow: 'FAQ drafting',
        due: '2026-12-06',
        sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
      },
      {
        approver: { name: 'Pat Lee', role: 'Privacy officer', email: 'pat.lee@district.example.org' },
        decision: 'Reject',
        comment: 'The vendor is not on the registry.',
      },
    );
    expect(email.subject).toBe('Privacy officer respondió Rechazar: FAQ drafting [AI Plan AP-7K2Q9F3M]');
    expect(email.plain).toBe(
      [
        'Pat Lee, Privacy officer (pat.lee@district.example.org) respondió «Rechazar» sobre el piloto de FAQ drafting. La cadena de aprobación se detiene aquí hasta que cambie el plan.',
        'Sus palabras:',
        'The vendor is not on the registry.',
        'Abra el plan: https://docs.google.com/spreadsheets/d/x/edit',
        '',
        'Solicitud AP-7K2Q9F3M · versión del plan v-1. Quienes tienen acceso al plan pueden abrirlo aquí: https://docs.google.com/spreadsheets/d/x/edit',
        '',
      ].join('\n'),
    );
  });
});

/**
 * Replies as each mail client quotes our emails (the quote headers and layouts of EMAIL-REPLIES.md §3),
 * built from the emails themselves, so a change to our text that breaks reading shows here.
 */
const from = 'Morgan Diaz (via AI Plan Workspace) <coordinator@district.example.org>';
const quoted = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');

const clients: Record<string, (reply: string, ours: { subject: string; plain: string }) => string> = {
  'Gmail (wrapped header)': (reply, ours) =>
    `${reply}\n\nOn Tue, Dec 1, 2026 at 9:00 AM Morgan Diaz (via AI Plan Workspace) <\ncoordinator@district.example.org> wrote:\n\n${quoted(ours.plain)}\n`,
  'Gmail in Spanish': (reply, ours) =>
    `${reply}\n\nEl mar, 1 dic 2026 a las 9:00, Morgan Diaz (via AI Plan Workspace) (<coordinator@district.example.org>) escribió:\n\n${quoted(ours.plain)}\n`,
  'Outlook desktop': (reply, ours) =>
    `${reply}\n\n________________________________\nFrom: ${from}\nSent: Tuesday, December 1, 2026 9:00 AM\nTo: Pat Lee <pat.lee@district.example.org>\nSubject: ${ours.subject}\n\n${ours.plain}`,
  'Outlook in Spanish': (reply, ours) =>
    `${reply}\n\n________________________________\nDe: ${from}\nEnviado: martes, 1 de diciembre de 2026 9:00\nPara: Pat Lee <pat.lee@district.example.org>\nAsunto: ${ours.subject}\n\n${ours.plain}`,
  'Apple Mail': (reply, ours) =>
    `${reply}\n\n> On Dec 1, 2026, at 09:00, ${from} wrote:\n> \n${quoted(ours.plain)}\n`,
  'iPhone Mail': (reply, ours) =>
    `${reply}\n\nSent from my iPhone\n\n> On Dec 1, 2026, at 9:00 AM, ${from} wrote:\n> \n${quoted(ours.plain)}\n`,
  'Outlook for iOS': (reply, ours) =>
    `${reply}\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n________________________________\nFrom: ${from}\nSent: Tuesday, December 1, 2026 9:00:12 AM\nTo: Pat Lee <pat.lee@district.example.org>\nSubject: ${ours.subject}\n\n${ours.plain}`,
  'Samsung Email in Spanish': (reply, ours) =>
    `${reply}\n\nEnviado desde mi Samsung Galaxy\n\n\n-------- Mensaje original --------\nDe: ${from}\nFecha: 1/12/26 9:00 (GMT-06:00)\nPara: pat.lee@district.example.org\nAsunto: ${ours.subject}\n\n${ours.plain}`,
  'a client that pastes our text with no header': (reply, ours) => `${reply}\n\n${ours.plain}`,
};

describe('a reply quoting each of our emails, from each mail client', () => {
  const answers = [
    ['APPROVE\nThanks, fine by me.', 'APPROVE', 'Thanks, fine by me.'],
    ['Rechazo: el proveedor no está en el registro.', 'REJECT', 'el proveedor no está en el registro.'],
    ['CAMBIOS\nAñadan la regla de revisión.', 'CHANGES', 'Añadan la regla de revisión.'],
  ] as const;
  const cases = allSamples
    .filter((s) => s.kind !== 'escalation' || s.readership === 'en')
    .flatMap((s) =>
      Object.keys(clients).map((client) => [sampleName(s.kind, s.readership), client, s.email] as const),
    );

  it.each(cases)('reads the approver’s words above %s quoted by %s', (_name, client, email) => {
    const write = clients[client];
    if (!write) throw new Error(client);
    for (const [typed, decision, comment] of answers) {
      const reading = readReply({
        body: write(typed, email),
        subject: `Re: ${email.subject}`,
        autoReply: false,
      });
      expect({ client, typed, decision: reading.decision, comment: reading.comment }).toEqual({
        client,
        typed,
        decision,
        comment: expect.stringContaining(comment) as unknown,
      });
      expect(reading.comment).not.toMatch(/Reply with|Responda con|Approve the|¿Aprueba/);
    }
    // Sent with nothing typed: our own "Approve the … pilot?" must never read as an approval.
    expect(
      readReply({ body: write('', email), subject: `Re: ${email.subject}`, autoReply: false }).decision,
    ).toBe('NEEDS_REVIEW');
  });

  it('finds the marker first in every readership, quoted or not', () => {
    for (const readership of readerships) {
      const marker = replyMarkerFor(readership);
      const plain = requestEmail(sampleFacts(readership)).plain;
      expect(plain.split('\n')[0]).toBe(marker);
      expect(
        readReply({ body: `Approved\n> ${marker}\n> Approve the x pilot?`, subject: '', autoReply: false }),
      ).toMatchObject({ decision: 'APPROVE', comment: 'Approved' });
    }
  });
});

describe('a request sent again', () => {
  it('says what changed, first, naming a changed owner but not who it is now or was', () => {
    for (const readership of ['en', 'es', 'en+es'] as const) {
      const email = requestEmail(reRequestFacts(readership));
      for (const body of [email.plain, email.html]) {
        expect(body).not.toContain('Sam Ortiz');
        expect(body).toContain('Checklist G08 › Owner');
      }
      expect(email.html).toContain('staff trust &lt; 3 two weeks running');
      expect(email.html).not.toContain('trust < 3');
    }
    expect(requestEmail(sampleFacts('en')).plain).not.toContain('Asked again');
  });

  it('lists at most twelve changes and points to the Log for the rest', () => {
    const facts = reRequestFacts('en');
    const changes = Array.from({ length: 15 }, (_, i) => ({
      label: `Checklist G${i + 10} › Status`,
      before: 'Done',
      after: 'In progress',
      personal: false,
    }));
    const plain = requestEmail({
      ...facts,
      changedSince: { version: 'v-1', day: '2026-12-03', changes },
    }).plain;
    expect(plain).toContain('Checklist G21 › Status: Done → In progress');
    expect(plain).not.toContain('Checklist G22');
    expect(plain).toContain('…and 3 more changes: the plan’s Log sheet lists each one.');
  });
});
