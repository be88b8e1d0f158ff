import { describe, expect, it } from '@jest/globals';
import { sampleEmail } from '../../test/support/email-samples';
import { cardDecisions, prepareReply, readOpenedMessage, type OpenedMessage } from './approver-card';
import { MAX_COMMENT_CHARS, readReply } from './reply-reader';
import { replyMarker } from './reply-marker';

const approver = 'pat.lee@district.example.org';

function opened(overrides: Partial<OpenedMessage> = {}): OpenedMessage {
  // The request as the add-on sends it to a reader of English and Spanish.
  const email = sampleEmail('request', 'en+es');
  return {
    subject: email.subject,
    from: '"Morgan Diaz (via AI Plan Workspace)" <coordinator@district.example.org>',
    to: approver,
    cc: '',
    replyTo: '',
    plainBody: email.plain,
    ...overrides,
  };
}

describe('reading the open message for the card', () => {
  it('reads our request: the token, the ask, the due date and the facts the email carries', () => {
    const reading = readOpenedMessage(opened(), approver);
    if (!reading.ours) throw new Error(`not ours: ${reading.reason}`);
    const request = reading.request;
    expect(request.token).toBe('AP-7K2Q9F3M');
    expect(request.language).toBe('en');
    expect(request.ask).toBe('Approve the FAQ drafting from approved materials pilot?');
    expect(request.due).toBe('Dec 6');
    expect(request.replyTo).toContain('coordinator@district.example.org');
    expect(request.facts.map((f) => f.label)).toContain('Who is asking');
    expect(request.facts.find((f) => f.label === 'Tool and data')?.lines).toContain(
      'The plan’s data rule: Only published, public district materials go into prompts; no student or staff records.',
    );
    const text = JSON.stringify(request.facts);
    expect(text).not.toContain(replyMarker);
    expect(text).not.toMatch(/APPROVE|APROBAR/);
  });

  it('finds the token anywhere in the subject, as the new subjects end with it', () => {
    const subject = 'Re: Approve the FAQ drafting pilot? Due Dec 6 [AI Plan AP-7K2Q9F3M]';
    const reading = readOpenedMessage(opened({ subject }), approver);
    expect(reading.ours && reading.request.token).toBe('AP-7K2Q9F3M');
    expect(reading.ours && reading.request.due).toBe('Dec 6');
  });

  it('answers in the language whose reply keywords the email states first', () => {
    const spanish = opened().plainBody.replace(/^Reply with APPROVE.*$/m, '');
    const reading = readOpenedMessage(opened({ plainBody: spanish }), approver);
    expect(reading.ours && reading.request.language).toBe('es');
  });

  it('accepts the approver in To or Cc, in any case and with a display name', () => {
    const to = '"Lee, Pat" <Pat.Lee@District.example.org>, sam@district.example.org';
    expect(readOpenedMessage(opened({ to }), approver).ours).toBe(true);
    expect(readOpenedMessage(opened({ to: 'sam@district.example.org', cc: approver }), approver).ours).toBe(
      true,
    );
  });

  it.each([
    ['no token', { subject: 'Approval needed: FAQ drafting pilot' }, 'no-token'],
    ['a token of the wrong shape', { subject: '[AI Plan AP-7K2Q] Approval needed' }, 'no-token'],
    ['a token in lower case', { subject: '[AI Plan ap-7k2q9f3m] Approval needed' }, 'no-token'],
    ['no marker line', { plainBody: 'APPROVE or REJECT this, please.' }, 'no-marker'],
    ['someone else as the recipient', { to: 'sam@district.example.org' }, 'not-addressed'],
    [
      'our approver only in a display name',
      { to: '"pat.lee@district.example.org" <x@evil.example>' },
      'not-addressed',
    ],
  ])('offers no answers on a message with %s', (_, overrides, reason) => {
    expect(readOpenedMessage(opened(overrides), approver)).toEqual({ ours: false, reason });
  });

  it('offers no answers when the reader is unknown', () => {
    expect(readOpenedMessage(opened(), '')).toEqual({ ours: false, reason: 'not-addressed' });
  });

  it('keeps a huge body to its first lines', () => {
    const plainBody = `${opened().plainBody}\n${'FACT LINE\n'.repeat(50_000)}`;
    const reading = readOpenedMessage(opened({ plainBody }), approver);
    expect(reading.ours && reading.request.facts.length).toBeLessThanOrEqual(20);
  });
});

describe('the reply the card prepares', () => {
  it.each(cardDecisions.flatMap((d) => (['en', 'es'] as const).map((l) => [d, l] as const)))(
    'starts %s in %s with the keyword, and the requester’s reader reads it so',
    (decision, language) => {
      const prepared = prepareReply({ language, subject: 'Approval needed' }, decision, '');
      if (!prepared.ok) throw new Error(prepared.message);
      expect(prepared.reply.reading).toBe(decision);
      expect(readReply({ body: prepared.reply.body, subject: 'Re: x', autoReply: false }).decision).toBe(
        decision,
      );
    },
  );

  it('carries the comment after the keyword, and the reader keeps it as the comment', () => {
    const prepared = prepareReply(
      { language: 'en', subject: 'x' },
      'CHANGES',
      'Please add the records-retention note.\r\nThanks',
    );
    expect(prepared).toEqual({
      ok: true,
      reply: { body: 'CHANGES\n\nPlease add the records-retention note.\nThanks', reading: 'CHANGES' },
    });
  });

  it('says when a comment will send the reply to a person, as a typed reply would', () => {
    const prepared = prepareReply(
      { language: 'en', subject: 'x' },
      'APPROVE',
      'but only after legal reads the terms',
    );
    expect(prepared.ok && prepared.reply.reading).toBe('NEEDS_REVIEW');
  });

  it('refuses a comment over the limit, with a short message in the approver’s language', () => {
    const long = 'a'.repeat(MAX_COMMENT_CHARS + 1);
    expect(prepareReply({ language: 'es', subject: 'x' }, 'APPROVE', long)).toEqual({
      ok: false,
      message: `El comentario tiene ${MAX_COMMENT_CHARS + 1} caracteres; el límite es ${MAX_COMMENT_CHARS}. Por favor, acórtelo.`,
    });
  });
});

describe('reading the layouts the emails are moving to', () => {
  const layout = (marker: string, body: string[]) =>
    opened({
      subject: 'Approve the FAQ drafting pilot? Due Dec 6 [AI Plan AP-7K2Q9F3M]',
      plainBody: [marker, '', ...body].join('\n'),
    });

  it('accepts the marker in one language or both', () => {
    for (const marker of [
      '##- Reply above this line -##',
      '##- Responda encima de esta línea -##',
      '##- Reply above this line / Responda encima de esta línea -##',
    ])
      expect(readOpenedMessage(layout(marker, ['Approve the FAQ drafting pilot?']), approver).ours).toBe(
        true,
      );
    expect(readOpenedMessage(layout('##- Reply below this line -##', ['Ask']), approver)).toEqual({
      ours: false,
      reason: 'no-marker',
    });
  });

  it('keeps the first language of a two-language email: its lead and its details', () => {
    const reading = readOpenedMessage(
      layout('##- Reply above this line / Responda encima de esta línea -##', [
        'Approve the FAQ drafting pilot?',
        'Due Dec 6.',
        'Reply APPROVE, CHANGES or REJECT as the first word.',
        '',
        '¿Aprueba el piloto de redacción de preguntas frecuentes?',
        'Vence el 6 de dic.',
        'Responda APROBAR, CAMBIOS o RECHAZAR como primera palabra.',
        '',
        '— English —',
        '',
        'Morgan Diaz asks, for Communications.',
        '',
        'DATA',
        'Data tier: Green.',
        '',
        '— En español —',
        '',
        'DATOS',
        'Nivel de datos: verde.',
      ]),
      approver,
    );
    if (!reading.ours) throw new Error(reading.reason);
    expect(reading.request.language).toBe('en');
    expect(reading.request.ask).toBe('Approve the FAQ drafting pilot?');
    expect(reading.request.due).toBe('Dec 6');
    expect(reading.request.facts).toEqual([
      { label: '', lines: ['Due Dec 6.'] },
      { label: '', lines: ['Morgan Diaz asks, for Communications.'] },
      { label: 'Data', lines: ['Data tier: Green.'] },
    ]);
  });
});
