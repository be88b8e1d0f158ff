import { describe, expect, it } from '@jest/globals';
import { replyMarker } from './reply-marker';
import { classifyReply, readReply, visibleReply, type ReplyDecision } from './reply-reader';

// Our own request, as the approver's client quotes it back.
const requestLines = [
  replyMarker,
  'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
  'Responda con APROBAR, RECHAZAR o CAMBIOS como primera palabra y, después, sus comentarios.',
  '',
  'Approval needed: Lesson plan drafts — Curriculum director (APR-4821)',
  '',
  'THE DECISION ASKED OF YOU',
  'As Curriculum director, step 2 of 3: approve starting a pilot of “Lesson plan drafts”.',
];
const request = requestLines.join('\n');
const quoted = (lines: readonly string[], prefix = '> ') =>
  lines.map((l) => `${prefix}${l}`.trimEnd()).join('\n');
/** The request without its marker line, for clients (or forwards) that lost it. */
const unmarked = requestLines.slice(1);

const outlookBlock = [
  '________________________________',
  'From: Ana Ruiz <ana.ruiz@district.org>',
  'Sent: Monday, September 8, 2025 10:02 AM',
  'To: Luis Gómez <luis.gomez@district.org>',
  'Subject: [AI Plan APR-4821] Approval needed: Lesson plan drafts',
  '',
].join('\n');

const outlookBlockEs = [
  '________________________________',
  'De: Ana Ruiz <ana.ruiz@district.org>',
  'Enviado: lunes, 8 de septiembre de 2025 10:02',
  'Para: Luis Gómez <luis.gomez@district.org>',
  'Asunto: [AI Plan APR-4821] Approval needed: Lesson plan drafts',
  '',
].join('\n');

describe('the visible reply, client by client', () => {
  it.each<[string, string, string]>([
    [
      'Gmail (English)',
      `Approved — the pilot scope looks right.\n\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz <ana.ruiz@district.org> wrote:\n\n${quoted(unmarked)}`,
      'Approved — the pilot scope looks right.',
    ],
    [
      'Gmail with the header wrapped over three lines',
      `APPROVE\n\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz from the Curriculum Office\n<ana.ruiz@district.org>\nwrote:\n\n${quoted(unmarked)}`,
      'APPROVE',
    ],
    [
      'Gmail with the address wrapped onto the next line',
      `Approve\n\nOn Mon, Sep 8, 2025 at 10:02 AM Curriculum Office Approvals Mailbox <\napprovals@district.org> wrote:\n\n${quoted(unmarked)}`,
      'Approve',
    ],
    [
      'Gmail (Spanish)',
      `Aprobado. Buen trabajo.\n\nEl lun, 8 sept 2025 a las 10:02, Ana Ruiz (<ana.ruiz@district.org>) escribió:\n\n${quoted(unmarked)}`,
      'Aprobado. Buen trabajo.',
    ],
    [
      'Outlook desktop (English)',
      `Approve. Budget confirmed with finance.\n\n${outlookBlock}\n${unmarked.join('\n')}`,
      'Approve. Budget confirmed with finance.',
    ],
    [
      'Outlook desktop (Spanish)',
      `Rechazado: el nivel de datos no es correcto.\n\n${outlookBlockEs}\n${unmarked.join('\n')}`,
      'Rechazado: el nivel de datos no es correcto.',
    ],
    [
      'Outlook desktop (Spanish, "Enviado el")',
      `Cambios: falta la regla de parada.\n\nDe: Ana Ruiz\nEnviado el: lunes, 8 de septiembre de 2025 10:02\nPara: Luis Gómez\nCC: Dirección\nAsunto: Aprobación\n\n${unmarked.join('\n')}`,
      'Cambios: falta la regla de parada.',
    ],
    [
      'Outlook for iOS',
      `Rejected, the data tier is wrong.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n${outlookBlock}\n${unmarked.join('\n')}`,
      'Rejected, the data tier is wrong.',
    ],
    [
      'Outlook for Android (Spanish)',
      `Cambios: falta el presupuesto.\n\nObtener Outlook para Android<https://aka.ms/AAb9ysg>\n${outlookBlockEs}\n${unmarked.join('\n')}`,
      'Cambios: falta el presupuesto.',
    ],
    [
      'Exchange, with no addresses in the block',
      `Approved.\n\nFrom: District Approvals\nSent: Monday, September 8, 2025 10:02 AM\nTo: Luis Gomez\nSubject: Approval needed\n\n${unmarked.join('\n')}`,
      'Approved.',
    ],
    [
      'Outlook rendered by Gmail, with a bold *From:* block',
      `Approve\n\n*From:* Ana Ruiz [mailto:ana.ruiz@district.org]\n*Sent:* Monday, September 8, 2025 10:02 AM\n*To:* Luis Gómez\n*Subject:* Approval needed\n\n${unmarked.join('\n')}`,
      'Approve',
    ],
    [
      'Outlook "-----Original Message-----"',
      `Request changes: the stop rule is missing.\n\n-----Original Message-----\nFrom: Ana Ruiz [mailto:ana.ruiz@district.org]\nSent: Monday, September 8, 2025 10:02 AM\n\n${unmarked.join('\n')}`,
      'Request changes: the stop rule is missing.',
    ],
    [
      'Outlook in Spanish, "-----Mensaje original-----"',
      `No apruebo.\n\n-----Mensaje original-----\nDe: Ana Ruiz\n\n${unmarked.join('\n')}`,
      'No apruebo.',
    ],
    [
      'Apple Mail on an iPhone',
      `I approve.\n\nSent from my iPhone\n\n> On Sep 8, 2025, at 10:02 AM, Ana Ruiz <ana.ruiz@district.org> wrote:\n>\n${quoted(unmarked)}`,
      'I approve.',
    ],
    [
      'Apple Mail on a Mac',
      `Approved with thanks to the team.\n\n> On 8 Sep 2025, at 10:02, Ana Ruiz <ana.ruiz@district.org> wrote:\n> \n${quoted(unmarked)}`,
      'Approved with thanks to the team.',
    ],
    [
      'Apple Mail in Spanish, with "Enviado desde mi iPhone"',
      `Aprobado.\n\nEnviado desde mi iPhone\n\nEl 8 sept 2025, a las 10:02, Ana Ruiz <ana.ruiz@district.org> escribió:\n\n${quoted(unmarked)}`,
      'Aprobado.',
    ],
    [
      'Yahoo, with an indented header and no > quoting',
      `Approve\n\n\n    On Monday, September 8, 2025, 10:02:11 AM EDT, Ana Ruiz <ana.ruiz@district.org> wrote:\n\n\n${unmarked.join('\n')}`,
      'Approve',
    ],
    [
      'Yahoo "----- Original Message -----"',
      `Rejected.\n\n----- Original Message -----\nFrom: Ana Ruiz <ana.ruiz@district.org>\nTo: Luis Gómez\nSent: Monday, September 8, 2025 10:02 AM\nSubject: Approval needed\n\n${unmarked.join('\n')}`,
      'Rejected.',
    ],
    [
      'Thunderbird reply header',
      `Changes needed: add the review rule.\n\nOn 9/8/25 10:02 AM, Ana Ruiz wrote:\n${quoted(unmarked)}`,
      'Changes needed: add the review rule.',
    ],
    [
      'Thunderbird "-------- Original Message --------"',
      `Approved\n\n-------- Original Message --------\nSubject: Approval needed\nDate: Mon, 8 Sep 2025 10:02:00 -0400\nFrom: Ana Ruiz <ana.ruiz@district.org>\n\n${unmarked.join('\n')}`,
      'Approved',
    ],
    [
      'Thunderbird in Spanish, "-------- Mensaje original --------"',
      `Aprobado\n\n-------- Mensaje original --------\nAsunto: Aprobación\nFecha: 8/9/2025 10:02\n\n${unmarked.join('\n')}`,
      'Aprobado',
    ],
    [
      'Samsung / Android "-------- Original message --------"',
      `Approve\n\nSent from my Galaxy\n\n-------- Original message --------\nFrom: Ana Ruiz <ana.ruiz@district.org>\nDate: 9/8/25 10:02 AM (GMT-05:00)\n\n${unmarked.join('\n')}`,
      'Approve',
    ],
    [
      'plain > quoting with nested > > lines and no header',
      `Approve\n\n${quoted(unmarked)}\n> > an older message\n> > > and an even older one`,
      'Approve',
    ],
    [
      'a "-- " signature',
      `Approved. Thanks for the thorough plan.\n\n-- \nLuis Gómez\nDirector of Curriculum\n(555) 010-2030\n\n${quoted(unmarked)}`,
      'Approved. Thanks for the thorough plan.',
    ],
    [
      'a sign-off with name and title',
      `Approved — good to start in October.\n\nThanks,\nLuis Gómez\nDirector of Curriculum\n\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz <ana.ruiz@district.org> wrote:\n${quoted(unmarked)}`,
      'Approved — good to start in October.',
    ],
    [
      'a Spanish sign-off',
      `Aprobado, adelante con el piloto.\n\nSaludos cordiales,\nLuis Gómez\n\n${outlookBlockEs}`,
      'Aprobado, adelante con el piloto.',
    ],
    [
      'a confidentiality footer',
      `Approved.\n\nCONFIDENTIALITY NOTICE: This email is intended only for the named recipient. If you are not the intended recipient, delete it.\n\n${quoted(unmarked)}`,
      'Approved.',
    ],
    [
      'a mail gateway banner above the reply',
      `CAUTION: This email originated from outside the organization. Do not click links or open\nattachments unless you recognize the sender.\n\nApproved.\n\n${outlookBlock}`,
      'Approved.',
    ],
    [
      'Windows line endings',
      `Approve\r\n\r\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz <ana.ruiz@district.org> wrote:\r\n> Approval needed\r\n`,
      'Approve',
    ],
  ])('%s', (_client, body, visible) => {
    expect(visibleReply(body)).toBe(visible);
    expect(visibleReply(`${body}\n${request}`)).toBe(visible);
  });

  it('cuts at the marker line, quoted or not, before anything else', () => {
    expect(visibleReply(`Approve\n${request}`)).toBe('Approve');
    expect(visibleReply(`Approve\n\n${quoted(requestLines)}`)).toBe('Approve');
    expect(visibleReply(`Approve\n>>   ##- REPLY   above this LINE / x -##\nAPPROVE below`)).toBe('Approve');
    expect(visibleReply(`Aprobado\n> ##- Responda encima de esta línea -##\nmore`)).toBe('Aprobado');
  });

  it('keeps a reply that starts with "On" and lines that only look like headers', () => {
    expect(visibleReply('On reflection, approved.\n\nOn the timeline: October is fine.')).toBe(
      'On reflection, approved.\n\nOn the timeline: October is fine.',
    );
    expect(visibleReply('Approved.\n\nSent from my desk, where I read the whole plan.')).toBe(
      'Approved.\n\nSent from my desk, where I read the whole plan.',
    );
    expect(visibleReply('Approve. Date: 10/1/2025\nTime: 9:00 am\nRoom: 104')).toBe(
      'Approve. Date: 10/1/2025\nTime: 9:00 am\nRoom: 104',
    );
  });

  it('keeps a forwarded message (so the reader can flag it) instead of cutting it as history', () => {
    const forward = `FYI\n\n---------- Forwarded message ---------\nFrom: Ana Ruiz <ana.ruiz@district.org>\nDate: Mon, Sep 8, 2025 at 10:02 AM\nSubject: Approval needed\n\nApprove please`;
    expect(visibleReply(forward)).toBe(forward);
  });

  it('is empty when the approver typed nothing above the quote', () => {
    expect(
      visibleReply(
        `\n\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz <ana.ruiz@district.org> wrote:\n${quoted(requestLines)}`,
      ),
    ).toBe('');
    expect(visibleReply(`${outlookBlock}\n${request}`)).toBe('');
    expect(visibleReply('')).toBe('');
  });
});

const decide = (text: string): ReplyDecision => classifyReply(text).decision;

describe('the decision', () => {
  it.each<[string, ReplyDecision]>([
    // Approvals
    ['APPROVE', 'APPROVE'],
    ['Approved', 'APPROVE'],
    ['approved.', 'APPROVE'],
    ['I approve.', 'APPROVE'],
    ['Yes, approved — nice work.', 'APPROVE'],
    ['Hi Ana,\n\nApproved. The scope is right.\n\nLuis', 'APPROVE'],
    ['Approved, no concerns.', 'APPROVE'],
    ['Approved. Let me know if you need anything else.', 'APPROVE'],
    ['I have approved it.', 'APPROVE'],
    ['Approval granted.', 'APPROVE'],
    ['APROBAR', 'APPROVE'],
    ['Aprobado', 'APPROVE'],
    ['Apruebo el piloto.', 'APPROVE'],
    ['Hola Ana:\nAprobada, sin cambios.', 'APPROVE'],
    ['Approved 👍', 'APPROVE'],
    // Rejections
    ['REJECT', 'REJECT'],
    ['Rejected: the data tier is wrong.', 'REJECT'],
    ['I reject this plan.', 'REJECT'],
    ['Not approved', 'REJECT'],
    ['Not approved. Student data would be in the prompts.', 'REJECT'],
    ['I do not approve', 'REJECT'],
    ["I don't approve this pilot.", 'REJECT'],
    ['RECHAZAR', 'REJECT'],
    ['Rechazado', 'REJECT'],
    ['No apruebo', 'REJECT'],
    ['No lo apruebo, falta la revisión legal.', 'REJECT'],
    ['Declined.', 'REJECT'],
    ['Nope, rejected.', 'REJECT'],
    ["No, I don't approve.", 'REJECT'],
    // Change requests
    ['CHANGES', 'CHANGES'],
    ['Changes needed: add the stop rule.', 'CHANGES'],
    ['Request changes — the metrics are vague.', 'CHANGES'],
    ['Approve with changes', 'CHANGES'],
    ['Approved with changes: shorten the pilot to four weeks.', 'CHANGES'],
    ['CAMBIOS', 'CHANGES'],
    ['Aprobado con cambios: reducir a cuatro semanas.', 'CHANGES'],
    ['Se necesitan cambios en las métricas.', 'CHANGES'],
    ['Approved with minor edits: fix the typo in section 2.', 'CHANGES'],
    ['Please revise the metrics.', 'CHANGES'],
    // People decide
    ['Approved, but…', 'NEEDS_REVIEW'],
    ['OK', 'NEEDS_REVIEW'],
    ['', 'NEEDS_REVIEW'],
  ])('%j → %s', (text, decision) => {
    expect(decide(text)).toBe(decision);
  });

  it.each<[string, string]>([
    ['', 'The reply is empty: there is no text above the quoted email.'],
    [
      'Approved, but only after the budget is confirmed.',
      'It says “Approved” but adds a condition: “but only after the budget is confirmed.”.',
    ],
    ['Approve?', 'It is a question: “Approve?”.'],
    ['OK', 'It only says “OK”, which is not a clear decision.'],
    ['Sounds good to me', 'It only says “Sounds good to me”, which is not a clear decision.'],
    [
      'Thanks for sending this, will read tonight.',
      'It has no decision word (APPROVE, REJECT or CHANGES) at the start.',
    ],
    [
      "Don't approve yet, waiting on the quote.",
      "It says “Don't approve yet”, which is not a clear rejection.",
    ],
    ['Approve / Reject', 'It says “Approve” but also “Reject”.'],
    ['Not approved yet.', 'It says “Not approved yet”, which may only be for now.'],
    ['Out of office until Monday.', 'It looks like an automatic reply.'],
    [
      'Approved.\n\n---------- Forwarded message ---------\nFrom: Ana',
      'It looks like a forwarded message, not a reply.',
    ],
  ])('explains %j in plain words', (text, reason) => {
    expect(classifyReply(text)).toEqual({ decision: 'NEEDS_REVIEW', reason });
  });

  it.each([
    'Approve if the budget allows.',
    'Approve once IT signs off.',
    'Aprobado, pero falta la firma del director.',
    'Aprobado si el presupuesto lo permite.',
    'Approve pending the data review.',
  ])('%j is conditional, so a person decides', (text) => {
    const { decision, reason } = classifyReply(text);
    expect(decision).toBe('NEEDS_REVIEW');
    expect(reason).toMatch(/adds a condition/);
  });

  it.each(['yes', 'ok', 'sure', 'sí', 'vale', '👍', 'Okay!', 'De acuerdo.', 'LGTM'])(
    'a bare %j is not a decision',
    (text) => {
      expect(decide(text)).toBe('NEEDS_REVIEW');
    },
  );
});

describe('reading a whole reply', () => {
  const gmail = (reply: string) =>
    `${reply}\n\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz <ana.ruiz@district.org> wrote:\n\n${quoted(requestLines)}`;

  it('reads the decision and keeps the approver’s words as the comment', () => {
    expect(
      readReply({
        body: gmail('Approved. Start in October.\n\nSent from my iPhone'),
        subject: 'Re: [AI Plan APR-4821] Approval needed',
        autoReply: false,
      }),
    ).toEqual({
      decision: 'APPROVE',
      comment: 'Approved. Start in October.',
      reason: '',
    });
    expect(
      readReply({
        body: gmail('Rechazado: faltan las métricas.'),
        subject: 'RE: Approval needed',
        autoReply: false,
      }),
    ).toEqual({
      decision: 'REJECT',
      comment: 'Rechazado: faltan las métricas.',
      reason: '',
    });
  });

  it('sends auto-replies and forwards to a person', () => {
    const approved = gmail('Approved');
    expect(readReply({ body: approved, subject: 'Re: Approval needed', autoReply: true }).reason).toBe(
      'It looks like an automatic reply.',
    );
    for (const subject of [
      'Automatic reply: Approval needed',
      'Respuesta automática: Approval needed',
      'Out of Office: Approval needed',
      'Fuera de la oficina',
    ]) {
      expect(readReply({ body: approved, subject, autoReply: false }).decision).toBe('NEEDS_REVIEW');
    }
    for (const subject of [
      'Fwd: Approval needed',
      'RV: Approval needed',
      'Fw: Approval needed',
      'Re: FW: Approval needed',
    ]) {
      expect(readReply({ body: approved, subject, autoReply: false })).toMatchObject({
        decision: 'NEEDS_REVIEW',
        comment: 'Approved',
      });
    }
  });

  it('caps the comment at 2,000 characters', () => {
    const long = `Approved. ${'Great plan. '.repeat(400)}`;
    const reading = readReply({ body: long, subject: 'Re: x', autoReply: false });
    expect(reading.comment.length).toBeLessThanOrEqual(2_000);
    expect(reading.comment.startsWith('Approved. Great plan.')).toBe(true);
  });
});

describe('no false approval', () => {
  const tricky: [string, string][] = [
    ['a condition after a comma', 'Approved, but only after the budget is confirmed.'],
    ['a condition on the next line', 'Approved.\nOnly if the budget is confirmed.'],
    ['a condition hidden after a sign-off', 'Approved.\n\nThanks!\nOnly if the budget is confirmed.'],
    ['a condition in the next paragraph', 'Approve.\n\nBut please wait for the board vote before starting.'],
    ['a question', 'Approve?'],
    ['a question after the approval', 'Approved. Did legal review the data tier?'],
    ['a negation', "Don't approve yet, waiting on the quote."],
    ['a softer negation', 'I would not approve this as written.'],
    ['a negation later in the sentence', 'Approving is not possible this year.'],
    ['a negated approval later on', 'Approved for Q1. Do not approve the summer extension.'],
    ['"cannot approve"', 'I cannot approve this.'],
    ['both words', 'Approve / Reject'],
    ['a change of mind', 'Approved. Actually no, reject it.'],
    ['reject first, then approve', 'Reject. Actually, approve.'],
    ['approve with changes', 'Approve with changes'],
    ['a changes request after the approval', 'Approved — please make the changes we discussed.'],
    ['"not approved"', 'Not approved'],
    ['"not approved yet"', 'Not approved yet'],
    ['"disapprove"', 'Disapprove'],
    ['"approve once"', 'Approve once IT signs off.'],
    ['"pending"', 'Approve pending the data review.'],
    ['"as long as"', 'Approve as long as no student data is used.'],
    ['"subject to"', 'I approve subject to the board vote.'],
    ['"in principle"', 'Approved in principle.'],
    ['"for now"', 'Approved for now.'],
    ['"only"', 'Approved for the fall only.'],
    ['"maybe"', 'Approved (maybe).'],
    ['"I think"', 'Approve, I think.'],
    ['Spanish "pero"', 'Aprobado, pero falta la firma.'],
    ['Spanish "si"', 'Aprobado si hay presupuesto.'],
    ['Spanish "siempre que"', 'Aprobado siempre que no se usen datos de estudiantes.'],
    ['Spanish "una vez que"', 'Apruebo una vez que firme el director.'],
    ['Spanish "salvo"', 'Apruebo, salvo el punto 3.'],
    ['Spanish "aunque"', 'Apruebo, aunque tengo dudas.'],
    ['Spanish "no apruebo"', 'No apruebo'],
    ['Spanish "todavía no"', 'Aprobado... todavía no, perdón.'],
    ['bare yes', 'yes'],
    ['bare ok', 'OK'],
    ['bare sure', 'Sure'],
    ['bare sí', 'Sí'],
    ['bare vale', 'Vale'],
    ['a thumbs-up', '👍'],
    ['"looks good"', 'Looks good to me!'],
    ['empty', ''],
    ['blank lines only', '   \n\n  '],
    ['only a signature', '-- \nLuis Gómez'],
    [
      'the instructions leaking from the request',
      'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
    ],
    ['the three words', 'APPROVE, REJECT or CHANGES'],
    ['an auto-reply', 'I am out of the office until Monday. Approved requests will be processed then.'],
    ['a Spanish auto-reply', 'Respuesta automática: estoy fuera de la oficina. Aprobado.'],
    [
      'a forward',
      'Approved\n\n---------- Forwarded message ---------\nFrom: Ana Ruiz <ana.ruiz@district.org>',
    ],
    ['an Apple forward', 'Approve\n\nBegin forwarded message:\n\nFrom: Ana Ruiz'],
    [
      'the approve word only in the quoted history',
      `Will read it tonight.\n\nOn Mon, Sep 8, 2025 at 10:02 AM Ana Ruiz <ana.ruiz@district.org> wrote:\n> APPROVE\n${quoted(requestLines)}`,
    ],
    ['the approve word only below the marker', `Will read it tonight.\n${replyMarker}\nAPPROVE`],
    ['the approve word only below a quoted marker', `Thanks.\n> ${replyMarker}\nAPPROVE`],
    ['the approve word only in an Outlook block', `Thanks\n\n${outlookBlock}\nAPPROVE`],
    [
      'the approve word only after a forwarded header',
      `FYI\n\n---------- Forwarded message ---------\nAPPROVE`,
    ],
    ['a greeting only', 'Hi Ana,'],
    ['"no" before an approval', 'No, approved.'],
    ['many "no"s', `${'no '.repeat(20_000)}approved`],
    ['"approval" is not "approved"', 'Approval pending.'],
    ['"unapproved"', 'Unapproved.'],
    ['"approve" inside another word', 'Disapproved.'],
    ['a limit in a later sentence', 'Approved. Not for the high schools.'],
    ['misgivings', 'Approved. I have some concerns about privacy.'],
    ['reluctance', 'Approve, reluctantly.'],
    ['taken back', 'Approved.\n\nScratch that, wrong request.'],
    ['taken back in Spanish', 'Aprobado.\n\nOlvídalo, me equivoqué de solicitud.'],
    ['"never mind"', 'Approve. Never mind.'],
    ['"hold off"', 'Approved.\n\nOn second thought, hold off.'],
  ];

  it.each(tricky)('%s', (_label, body) => {
    expect(
      readReply({ body, subject: 'Re: [AI Plan APR-4821] Approval needed', autoReply: false }).decision,
    ).not.toBe('APPROVE');
    expect(classifyReply(body).decision).not.toBe('APPROVE');
  });

  it('never approves an auto-reply or a forward, whatever the body says', () => {
    expect(readReply({ body: 'APPROVE', subject: 'Re: x', autoReply: true }).decision).toBe('NEEDS_REVIEW');
    expect(readReply({ body: 'APPROVE', subject: 'Fwd: x', autoReply: false }).decision).toBe('NEEDS_REVIEW');
    expect(readReply({ body: 'APPROVE', subject: 'Automatic reply: x', autoReply: false }).decision).toBe(
      'NEEDS_REVIEW',
    );
  });
});

describe('hostile input', () => {
  const timed = (body: string) => {
    const started = Date.now();
    const reading = readReply({ body, subject: 'Re: x', autoReply: false });
    return { ms: Date.now() - started, reading };
  };

  it.each<[string, () => string]>([
    ['1 MB of "a" with no newline', () => 'a'.repeat(1_000_000)],
    ['200,000 lines of "> >"', () => '> >\n'.repeat(200_000)],
    ['1 MB of "On 1, a wrote" without a line break', () => 'On 1, a <b@c> wrote '.repeat(50_000)],
    ['many wrapped header fragments', () => 'On 1 Jan 2025 Ana <\nana@x.org>\n'.repeat(50_000)],
    ['many Outlook header lines', () => 'From: a\nSent: b\nTo: c\nSubject: d\n'.repeat(50_000)],
    ['a long line of spaces and colons', () => `${' :'.repeat(500_000)}wrote:`],
    ['a huge approve line', () => `Approved ${'if '.repeat(300_000)}`],
  ])('%s returns quickly', (_label, make) => {
    const { ms, reading } = timed(make());
    expect(ms).toBeLessThan(2_000);
    expect(reading.decision).not.toBe('APPROVE');
    expect(reading.comment.length).toBeLessThanOrEqual(2_000);
  });
});
