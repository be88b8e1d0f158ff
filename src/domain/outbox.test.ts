import { describe, expect, it } from '@jest/globals';
import { hmacSha256Hex } from './hmac-sha256';
import { isSentCopy, mailToken, newIntents, withToken, type MailIntent } from './outbox';

const sign = (text: string) => hmacSha256Hex('the document secret', text);

const intent = (token: string, extra: Partial<MailIntent> = {}): MailIntent => ({
  token,
  kind: 'Reminder',
  about: 'AP-1',
  to: 'sam@district.example.org',
  subject: '',
  plain: 'A reminder.',
  html: '<p>A reminder.</p>',
  inThread: 't1',
  cc: '',
  allowed: [],
  fromName: 'AI Plan Workspace',
  ...extra,
});

describe('the outbox', () => {
  it('gives an email the same token whenever the same thing is decided again', () => {
    const first = mailToken(sign, 'sheet-1', ['Reminder', 'AP-1', '1']);
    expect(first).toMatch(/^OB-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(mailToken(sign, 'sheet-1', ['Reminder', 'AP-1', '1'])).toBe(first);
    expect(mailToken(sign, 'sheet-1', ['Reminder', 'AP-1', '2'])).not.toBe(first);
    expect(mailToken(sign, 'sheet-2', ['Reminder', 'AP-1', '1'])).not.toBe(first);
  });

  it('queues an email once, however often it is queued', () => {
    const queued = newIntents([{ token: 'OB-A' }], [intent('OB-A'), intent('OB-B'), intent('OB-B')]);
    expect(queued.map((i) => i.token)).toEqual(['OB-B']);
  });

  it('carries the token in the email, so sent mail shows it', () => {
    expect(withToken(intent('OB-A')).plain).toBe('A reminder.\n\nRef. OB-A');
    expect(withToken(intent('OB-A')).html).toContain('Ref. OB-A</p>');
    const request = intent('AP-7K2Q9F3M', { subject: '[AI Plan AP-7K2Q9F3M] Approval needed' });
    expect(withToken(request)).toEqual({ plain: request.plain, html: request.html });
  });

  it('takes as sent only the sender’s own copy, not a reply quoting it', () => {
    const me = 'coordinator@district.example.org';
    const copy = { from: `AI Plan Workspace <${me}>`, subject: 'Re: x', plain: 'A reminder.\n\nRef. OB-A' };
    expect(isSentCopy(copy, 'OB-A', me)).toBe(true);
    expect(isSentCopy({ ...copy, from: 'sam@district.example.org' }, 'OB-A', me)).toBe(false);
    expect(isSentCopy(copy, 'OB-B', me)).toBe(false);
  });
});
