import { describe, expect, it } from '@jest/globals';
import { decodeHeader, parseMessage } from './mime-message';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('parsing a reply from its raw content', () => {
  it('reads Gmail’s first Authentication-Results, not a forged one below it', () => {
    const raw = crlf([
      'Authentication-Results: mx.google.com;',
      '       dmarc=fail (p=NONE) header.from=district.example.org',
      'From: Sam <sam@district.example.org>',
      'Authentication-Results: mx.google.com; dmarc=pass',
      'Subject: Re: [AI Plan AP-7K2Q9F3M] Approval needed',
      'Date: Tue, 01 Dec 2026 09:30:00 +0000',
      '',
      'APPROVE',
    ]);
    const parsed = parseMessage(raw);
    expect(parsed.authenticationResults).toBe(
      'mx.google.com; dmarc=fail (p=NONE) header.from=district.example.org',
    );
    expect(parsed).toMatchObject({
      from: 'Sam <sam@district.example.org>',
      subject: 'Re: [AI Plan AP-7K2Q9F3M] Approval needed',
      text: 'APPROVE',
      autoReply: false,
    });
    expect(parsed.date?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
  });

  it('decodes encoded words in the subject and name, so the token is found in a non-English subject', () => {
    expect(decodeHeader('=?UTF-8?B?UmU6IFtBSSBQbGFuIEFQLTdLMlE5RjNNXSBBcHJvYmFjacOzbg==?=')).toBe(
      'Re: [AI Plan AP-7K2Q9F3M] Aprobación',
    );
    expect(decodeHeader('=?ISO-8859-1?Q?Jos=E9_P=E9rez?= <jose@x.org>')).toBe('José Pérez <jose@x.org>');
  });

  it('reads the text part of a multipart message in base64 UTF-8 and in quoted-printable Windows-1252', () => {
    const raw = crlf([
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Aprobado. ¡Gracias!\r\n', 'utf8').toString('base64'),
      '--b1',
      'Content-Type: text/html; charset="UTF-8"',
      '',
      '<p>Aprobado</p>',
      '--b1--',
    ]);
    expect(parseMessage(raw).text).toBe('Aprobado. ¡Gracias!');
    const outlook = crlf([
      'Content-Type: text/plain; charset="windows-1252"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'APPROVE =96 it=92s fine and a long line that is soft =',
      'broken.',
    ]);
    expect(parseMessage(outlook).text).toBe('APPROVE – it’s fine and a long line that is soft broken.');
  });

  it('leaves the text to Gmail when there is only HTML or an unknown charset', () => {
    expect(parseMessage(crlf(['Content-Type: text/html', '', '<p>APPROVE</p>'])).text).toBeNull();
    expect(
      parseMessage(
        crlf(['Content-Type: text/plain; charset=koi8-r', 'Content-Transfer-Encoding: base64', '', 'AAAA']),
      ).text,
    ).toBeNull();
  });

  it('knows an out-of-office reply by Auto-Submitted or X-Autoreply', () => {
    expect(parseMessage(crlf(['Auto-Submitted: auto-replied', '', 'Away'])).autoReply).toBe(true);
    expect(parseMessage(crlf(['Auto-Submitted: no', '', 'APPROVE'])).autoReply).toBe(false);
    expect(parseMessage(crlf(['X-Autoreply: yes', '', 'Away'])).autoReply).toBe(true);
  });
});
