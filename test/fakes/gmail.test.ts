import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment, newWorldState, type FakeGlobals, type WorldState } from './environment';
import { SERVER_ERROR } from './faults';

const coordinator = 'coordinator@district.example.org';
const approver = 'ana.ruiz@district.example.org';
const outsider = 'someone@elsewhere.example.com';
const start = Date.UTC(2024, 5, 3, 15, 0, 0); // Monday 3 June 2024, 08:00 in California
const HOUR = 60 * 60 * 1000;

/** Real time does not pass in these tests; `env.advance()` moves the fake clock. */
function newEnv(state?: WorldState): FakeEnvironment {
  return new FakeEnvironment({ ...(state ? { state } : {}), now: () => start });
}

/** Sends the approval request the way the add-on does; returns its ids. */
function sendRequest(gas: FakeGlobals, subject = '[AI Plan AP-7K2Q9F] Approval needed: FAQ pilot — Privacy') {
  const message = gas.GmailApp.createDraft(approver, subject, 'Reply APPROVE, REJECT or CHANGES.', {
    htmlBody: '<p>Reply <b>APPROVE</b>, REJECT or CHANGES.</p>',
    name: 'AI Plan Workspace',
  }).send();
  return {
    id: message.getId(),
    threadId: message.getThread().getId(),
    messageId: message.getHeader('Message-ID'),
  };
}

describe('sending through a draft', () => {
  it('returns the sent message, filed in a thread of the sender that holds it', () => {
    const env = newEnv();
    env.run((gas) => {
      const draft = gas.GmailApp.createDraft(approver, 'Approval needed', 'Please reply.', {
        name: 'Ana Ruiz',
        cc: 'sponsor@district.example.org',
        replyTo: 'coordinator+replies@district.example.org',
      });
      expect(draft.getId()).toMatch(/^r-\d+$/);
      const message = draft.send();
      const thread = message.getThread();
      expect(thread.getMessages().map((m) => m.getId())).toEqual([message.getId()]);
      expect(message.getId()).toMatch(/^[0-9a-f]{16}$/);
      expect(message.isDraft()).toBe(false);
      expect(message.isInInbox()).toBe(false);
      expect(message.getFrom()).toBe(`"Ana Ruiz" <${coordinator}>`);
      expect(message.getTo()).toBe(approver);
      expect(message.getCc()).toBe('sponsor@district.example.org');
      expect(message.getReplyTo()).toBe('coordinator+replies@district.example.org');
      expect(message.getSubject()).toBe('Approval needed');
      expect(message.getPlainBody()).toBe('Please reply.');
      expect(message.getDate()).toEqual(new Date(start));
      expect(message.getHeader('Message-ID')).toMatch(/^<[^<>\s]+@mail\.gmail\.com>$/);
    });
  });

  it('uses the bare address in From without a name, and the account name once one is set', () => {
    const env = newEnv();
    const bare = env.run((gas) => gas.GmailApp.createDraft(approver, 'a', 'b').send().getFrom());
    env.mail.setDisplayName(coordinator, 'Cora Díaz');
    const named = env.run((gas) => gas.GmailApp.createDraft(approver, 'a', 'b').send().getFrom());
    expect([bare, named]).toEqual([coordinator, `"Cora Díaz" <${coordinator}>`]);
  });

  it('keeps the draft, the outbox and the quota untouched when sending fails', () => {
    const env = newEnv();
    env.mail.setQuota(coordinator, 0);
    env.run((gas) => {
      const draft = gas.GmailApp.createDraft(approver, 'a', 'b');
      expect(() => draft.send()).toThrow('Service invoked too many times for one day: email.');
      env.mail.setQuota(coordinator, 1);
      expect(draft.send().getSubject()).toBe('a');
      expect(() => draft.send()).toThrow('Invalid argument: draft');
    });
    expect(env.mail.sent().map((m) => m.subject)).toEqual(['a']);
  });

  it('refuses a draft with no recipient only when it is sent', () => {
    const env = newEnv();
    env.run((gas) => {
      const draft = gas.GmailApp.createDraft('', 'No one yet', 'b');
      expect(() => draft.send()).toThrow('Failed to send email: no recipient');
    });
  });

  it('refuses more than 50 recipients in one message', () => {
    const env = newEnv();
    const many = Array.from({ length: 51 }, (_, i) => `person${i}@district.example.org`).join(',');
    env.run((gas) =>
      expect(() => gas.GmailApp.createDraft(many, 's', 'b').send()).toThrow(
        'Limit Exceeded: Email Recipients Per Message.',
      ),
    );
  });
});

describe('validation of what is sent', () => {
  it.each([
    [
      'recipient',
      (gas: FakeGlobals) => gas.GmailApp.createDraft('not-an-address', 's', 'b'),
      'not-an-address',
    ],
    [
      'cc',
      (gas: FakeGlobals) => gas.GmailApp.createDraft(approver, 's', 'b', { cc: `${outsider}, bad@` }),
      'bad@',
    ],
    [
      'bcc',
      (gas: FakeGlobals) => gas.GmailApp.createDraft(approver, 's', 'b', { bcc: 'a b@x.org' }),
      'a b@x.org',
    ],
    ['replyTo', (gas: FakeGlobals) => gas.GmailApp.createDraft(approver, 's', 'b', { replyTo: 'x@' }), 'x@'],
    [
      'a display-name recipient',
      (gas: FakeGlobals) => gas.MailApp.sendEmail(`Ana <${approver}>`, 's', 'b'),
      `Ana <${approver}>`,
    ],
  ])('throws "Invalid email" for an invalid %s', (_what, send, address) => {
    const env = newEnv();
    env.run((gas) => expect(() => send(gas)).toThrow(`Invalid email: ${address}`));
    expect(env.mail.sent()).toEqual([]);
  });

  it.each(['Approval\r\nBcc: victim@example.org', 'Line one\nline two', 'carriage\rreturn'])(
    'refuses a line break in the subject: %j',
    (subject) => {
      const env = newEnv();
      env.run((gas) => {
        expect(() => gas.GmailApp.createDraft(approver, subject, 'b')).toThrow('Invalid argument: subject');
        expect(() => gas.MailApp.sendEmail(approver, subject, 'b')).toThrow('Invalid argument: subject');
      });
    },
  );

  it('refuses a line break in the sender name', () => {
    const env = newEnv();
    env.run((gas) =>
      expect(() => gas.GmailApp.createDraft(approver, 's', 'b', { name: 'AI Plan\r\nX-Evil: 1' })).toThrow(
        'Invalid argument: name',
      ),
    );
  });

  it('refuses a subject over 250 characters', () => {
    const env = newEnv();
    env.run((gas) => {
      expect(gas.GmailApp.createDraft(approver, 'x'.repeat(250), 'b').getId()).toBeTruthy();
      expect(() => gas.GmailApp.createDraft(approver, 'x'.repeat(251), 'b')).toThrow(
        'Argument too large: subject',
      );
    });
  });

  it('refuses a from address that is not the user', () => {
    const env = newEnv();
    env.run((gas) =>
      expect(() =>
        gas.GmailApp.createDraft(approver, 's', 'b', { from: 'boss@district.example.org' }),
      ).toThrow('Invalid argument: boss@district.example.org'),
    );
  });

  it('throws a signature error for arguments of the wrong type', () => {
    const env = newEnv();
    env.run((gas) =>
      expect(() => gas.GmailApp.createDraft(approver, 5 as unknown as string, 'b')).toThrow(
        "The parameters (String,number,String) don't match the method signature for GmailApp.createDraft.",
      ),
    );
  });
});

describe('daily recipient quota', () => {
  it('starts at the Workspace limit and counts to, cc and bcc across GmailApp and MailApp', () => {
    const env = newEnv();
    env.run((gas) => {
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1500);
      gas.GmailApp.createDraft(approver, 's', 'b', { cc: outsider, bcc: 'x@district.example.org' });
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1500);
      gas.GmailApp.createDraft(approver, 's', 'b', { cc: outsider, bcc: 'x@district.example.org' }).send();
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1497);
      gas.MailApp.sendEmail(`${approver},${outsider}`, 's', 'b');
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1495);
    });
  });

  it('is per user', () => {
    const env = newEnv();
    env.run((gas) => gas.MailApp.sendEmail(approver, 's', 'b'));
    expect(env.run((gas) => gas.MailApp.getRemainingDailyQuota(), { user: approver })).toBe(1500);
    expect(env.mail.remainingQuota(coordinator)).toBe(1499);
  });

  it('throws at zero, and refuses a message with more recipients than are left', () => {
    const env = newEnv();
    env.mail.setQuota(coordinator, 1);
    env.run((gas) => {
      expect(() => gas.MailApp.sendEmail(`${approver},${outsider}`, 's', 'b')).toThrow(
        'Service invoked too many times for one day: email.',
      );
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1);
      gas.MailApp.sendEmail(approver, 's', 'b');
      expect(() => gas.GmailApp.createDraft(approver, 's', 'b').send()).toThrow(
        'Service invoked too many times for one day: email.',
      );
    });
    expect(env.mail.sent()).toHaveLength(1);
  });

  it('comes back 24 hours after the first send of the window', () => {
    const env = newEnv();
    env.mail.setDailyLimit(100);
    env.run((gas) => gas.MailApp.sendEmail(approver, 's', 'b'));
    env.advance(23 * HOUR);
    env.run((gas) => gas.MailApp.sendEmail(approver, 's', 'b'));
    expect(env.mail.remainingQuota(coordinator)).toBe(98);
    env.advance(HOUR);
    expect(env.mail.remainingQuota(coordinator)).toBe(100);
  });
});

describe('mailboxes, threads and replies', () => {
  it('delivers to a recipient who is also a user, under an id of their own and without Bcc', () => {
    const env = newEnv();
    const sent = env.run((gas) =>
      gas.GmailApp.createDraft(approver, 'Approval needed', 'Please reply.', {
        bcc: 'audit@district.example.org',
      })
        .send()
        .getId(),
    );
    const [thread] = env.mail.threads(approver);
    expect(thread?.messages).toHaveLength(1);
    const copy = thread?.messages[0];
    expect(copy?.id).not.toBe(sent);
    expect(copy?.labels).toEqual(['INBOX']);
    env.run(
      (gas) => {
        const message = gas.GmailApp.getMessageById(copy?.id ?? '');
        expect(message.isInInbox()).toBe(true);
        expect(message.getHeader('Bcc')).toBe('');
        expect(message.getRawContent()).not.toMatch(/^Bcc:/m);
      },
      { user: approver },
    );
    env.run((gas) =>
      expect(gas.GmailApp.getMessageById(sent).getHeader('bcc')).toBe('audit@district.example.org'),
    );
  });

  it('files a message sent to oneself once, in Sent and in the inbox', () => {
    const env = newEnv();
    env.run((gas) => {
      const message = gas.GmailApp.createDraft(coordinator, 'Note to self', 'b').send();
      expect(message.isInInbox()).toBe(true);
      expect(message.getThread().getMessageCount()).toBe(1);
    });
    expect(env.mail.threads(coordinator)).toHaveLength(1);
  });

  it('finds the thread by its stored id with the reply in it, oldest message first', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.advance(2 * HOUR);
    const reply = env.mail.deliver({
      to: coordinator,
      from: `"Ana Ruiz" <${approver}>`,
      body: 'APPROVE\n\nOn Mon, coordinator wrote:\n> Reply APPROVE',
      inReplyToMessageId: request.id,
    });
    expect(reply.threadId).toBe(request.threadId);
    env.run((gas) => {
      const thread = gas.GmailApp.getThreadById(request.threadId);
      const messages = thread?.getMessages() ?? [];
      expect(messages.map((m) => m.getId())).toEqual([request.id, reply.id]);
      const answer = messages[1];
      expect(answer?.getFrom()).toBe(`"Ana Ruiz" <${approver}>`);
      expect(answer?.getSubject()).toBe('Re: [AI Plan AP-7K2Q9F] Approval needed: FAQ pilot — Privacy');
      expect(answer?.getHeader('In-Reply-To')).toBe(request.messageId);
      expect(answer?.getHeader('References')).toBe(request.messageId);
      expect(answer?.getDate()).toEqual(new Date(start + 2 * HOUR));
      expect(thread?.getLastMessageDate()).toEqual(new Date(start + 2 * HOUR));
      expect(thread?.getFirstMessageSubject()).toBe(
        '[AI Plan AP-7K2Q9F] Approval needed: FAQ pilot — Privacy',
      );
      expect(gas.GmailApp.getMessageById(reply.id).getThread().getId()).toBe(request.threadId);
    });
  });

  it('threads a reply sent by another user with GmailApp into the requester’s thread', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.run(
      (gas) => {
        const [thread] = gas.GmailApp.search('subject:"AP-7K2Q9F"');
        thread?.reply('REJECT — no data agreement yet.');
      },
      { user: approver },
    );
    env.run((gas) => {
      const messages = gas.GmailApp.getThreadById(request.threadId)?.getMessages() ?? [];
      expect(messages.map((m) => m.getFrom())).toEqual([`"AI Plan Workspace" <${coordinator}>`, approver]);
      expect(messages[1]?.getPlainBody()).toBe('REJECT — no data agreement yet.');
    });
  });

  it('gives null for an unknown thread id, throws for a malformed one and for an unknown message id', () => {
    const env = newEnv();
    env.run((gas) => {
      expect(gas.GmailApp.getThreadById('18f0000000000999')).toBeNull();
      expect(() => gas.GmailApp.getThreadById('not a thread')).toThrow('Invalid thread_id value');
      expect(() => gas.GmailApp.getMessageById('18f0000000000999')).toThrow('Invalid argument: id');
    });
  });

  it('loses the old thread id when Gmail renumbers the thread, while message ids keep working', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    const renumbered = env.mail.changeThreadId(coordinator, request.threadId);
    env.run((gas) => {
      expect(gas.GmailApp.getThreadById(request.threadId)).toBeNull();
      expect(gas.GmailApp.getMessageById(request.id).getThread().getId()).toBe(renumbered);
    });
  });

  it('replies to the sender of the last message, at its Reply-To, and returns the thread', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.mail.deliver({
      to: coordinator,
      from: approver,
      replyTo: 'ana.personal@elsewhere.example.com',
      body: 'Question first.',
      inReplyToMessageId: request.id,
    });
    env.run((gas) => {
      const thread = gas.GmailApp.getThreadById(request.threadId);
      expect(thread?.reply('Answer.')?.getId()).toBe(request.threadId);
      const last = thread?.getMessages().at(-1);
      expect(last?.getTo()).toBe('ana.personal@elsewhere.example.com');
      expect(last?.getSubject()).toBe('Re: [AI Plan AP-7K2Q9F] Approval needed: FAQ pilot — Privacy');
    });
  });

  it('sends a plain reply to one’s own last message back to oneself, and a reply-all to its recipients', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.run((gas) => {
      const thread = gas.GmailApp.getThreadById(request.threadId);
      thread?.replyAll('Reminder: please reply.');
      thread?.reply('A note (to me).');
    });
    expect(env.mail.sent().map((m) => m.to)).toEqual([approver, approver, coordinator]);
  });

  it('gives the new reply and its id through createDraftReply().send()', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.mail.deliver({
      to: coordinator,
      from: approver,
      body: 'CHANGES',
      inReplyToMessageId: request.messageId,
    });
    env.run((gas) => {
      const thread = gas.GmailApp.getThreadById(request.threadId);
      const draft = thread?.createDraftReply('Thanks, noted.', { subject: 'Noted' });
      expect(thread?.getMessages().map((m) => m.isDraft())).toEqual([false, false, true]);
      const sent = draft?.send();
      expect(sent?.getThread().getId()).toBe(request.threadId);
      expect(sent?.getSubject()).toBe('Noted');
      expect(sent?.getTo()).toBe(approver);
      expect(thread?.getMessageCount()).toBe(3);
    });
  });
});

describe('headers and raw content', () => {
  it('reads headers case-insensitively, with "" for an absent one', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.run((gas) => {
      const message = gas.GmailApp.getMessageById(request.id);
      expect(message.getHeader('message-id')).toBe(message.getHeader('MESSAGE-ID'));
      expect(message.getHeader('Message-Id')).toBe(request.messageId);
      expect(message.getHeader('Auto-Submitted')).toBe('');
      expect(message.getReplyTo()).toBe('');
    });
  });

  it('carries Gmail’s Authentication-Results above a forged one, which getHeader returns', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    const spoof = env.mail.deliver({
      to: coordinator,
      from: approver,
      body: 'APPROVE',
      inReplyToMessageId: request.id,
      authResults: `mx.google.com; spf=softfail smtp.mailfrom=${approver}; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=district.example.org`,
      headers: { 'Authentication-Results': 'mx.google.com; dmarc=pass header.from=district.example.org' },
    });
    env.run((gas) => {
      const message = gas.GmailApp.getMessageById(spoof.id);
      const raw = message.getRawContent();
      const results = raw.split('\r\n\r\n')[0]?.match(/^Authentication-Results:.*(\r\n\s+.*)*/gm) ?? [];
      expect(results).toHaveLength(2);
      expect(results[0]).toContain('dmarc=fail');
      expect(results[1]).toContain('dmarc=pass');
      expect(message.getHeader('Authentication-Results')).toContain('dmarc=pass');
    });
  });

  it('writes RFC 822 source with CRLF, Message-ID, In-Reply-To, Auto-Submitted and encoded non-ASCII subjects', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    const auto = env.mail.deliver({
      to: coordinator,
      from: approver,
      body: 'I am out of the office.',
      inReplyToMessageId: request.id,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    env.run((gas) => {
      const raw = gas.GmailApp.getMessageById(auto.id).getRawContent();
      const head = raw.split('\r\n\r\n')[0] ?? '';
      expect(head).toMatch(/^Delivered-To: coordinator@district\.example\.org\r\n/);
      expect(head).toContain(`\r\nMessage-ID: ${auto.messageId}\r\n`);
      expect(head).toContain(`\r\nIn-Reply-To: ${request.messageId}\r\n`);
      expect(head).toContain('\r\nAuto-Submitted: auto-replied');
      expect(head).toMatch(/\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\n/);
      expect(raw).not.toMatch(/[^\r]\n/);
      expect(gas.GmailApp.getMessageById(auto.id).getHeader('Auto-Submitted')).toBe('auto-replied');
      const sentRaw = gas.GmailApp.getMessageById(request.id).getRawContent();
      expect(sentRaw).toContain('Content-Type: multipart/alternative;');
      expect(sentRaw).toContain('<p>Reply <b>APPROVE</b>, REJECT or CHANGES.</p>');
    });
  });
});

describe('search', () => {
  function world() {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.advance(HOUR);
    const reply = env.mail.deliver({
      to: coordinator,
      from: `Ana Ruiz <${approver}>`,
      body: 'APPROVE',
      inReplyToMessageId: request.id,
    });
    env.advance(3 * 24 * HOUR);
    env.run((gas) => sendRequest(gas, '[AI Plan AP-QQQQQQ] Approval needed: Newsletter — Legal'));
    env.advance(HOUR);
    env.mail.deliver({
      to: coordinator,
      from: outsider,
      subject: 'Lunch on Friday?',
      body: 'Planning a pilot lunch.',
    });
    return { env, request, reply };
  }
  const subjects = (env: FakeEnvironment, query: string, start?: number, max?: number) =>
    env.run((gas) =>
      (start === undefined ? gas.GmailApp.search(query) : gas.GmailApp.search(query, start, max ?? 0)).map(
        (t) => t.getFirstMessageSubject(),
      ),
    );
  const first = '[AI Plan AP-7K2Q9F] Approval needed: FAQ pilot — Privacy';
  const second = '[AI Plan AP-QQQQQQ] Approval needed: Newsletter — Legal';

  it.each([
    ['subject:"[AI Plan AP-7K2Q9F]"', [first]],
    ['subject:(AP-QQQQQQ)', [second]],
    ['subject:approval', [second, first]],
    [`from:${approver}`, [first]],
    ['from:me', [second, first]],
    ['from:me -subject:AP-QQQQQQ', [first]],
    ['in:inbox', ['Lunch on Friday?', first]],
    ['in:sent', [second, first]],
    ['newer_than:2d', ['Lunch on Friday?', second]],
    ['older_than:2d', [first]],
    ['after:2024/06/04', ['Lunch on Friday?', second]],
    ['before:2024/06/04', [first]],
    ['"pilot lunch"', ['Lunch on Friday?']],
    ['pilo', []],
    ['APPROVE', [second, first]],
    ['subject:lunch OR subject:legal', ['Lunch on Friday?', second]],
    ['in:anywhere -(subject:approval)', ['Lunch on Friday?']],
  ])('%s', (query, expected) => {
    const { env } = world();
    expect(subjects(env, query)).toEqual(expected);
  });

  it('finds a request by its Message-ID with rfc822msgid:, brackets or not', () => {
    const { env, request } = world();
    expect(subjects(env, `rfc822msgid:${request.messageId}`)).toEqual([first]);
    expect(subjects(env, `rfc822msgid:${request.messageId.slice(1, -1)}`)).toEqual([first]);
  });

  it('matches labels written with dashes for spaces and slashes', () => {
    const { env, request } = world();
    env.run((gas) => {
      const label = gas.GmailApp.createLabel('AI Plan/Processed replies');
      gas.GmailApp.getThreadById(request.threadId)?.addLabel(label);
    });
    expect(subjects(env, 'label:ai-plan-processed-replies')).toEqual([first]);
    expect(subjects(env, 'subject:approval -label:AI-Plan-Processed-replies')).toEqual([second]);
  });

  it('pages newest first and refuses max over 500', () => {
    const { env } = world();
    expect(subjects(env, 'in:anywhere', 0, 2)).toEqual(['Lunch on Friday?', second]);
    expect(subjects(env, 'in:anywhere', 2, 2)).toEqual([first]);
    env.run((gas) =>
      expect(() => gas.GmailApp.search('x', 0, 501)).toThrow('Argument max cannot exceed 500.'),
    );
  });

  it('leaves drafts out unless asked for them', () => {
    const env = newEnv();
    env.run((gas) => gas.GmailApp.createDraft(approver, 'Unsent plan', 'b'));
    expect(subjects(env, 'subject:unsent')).toEqual([]);
    expect(subjects(env, 'in:drafts')).toEqual(['Unsent plan']);
  });

  it('can lag behind new mail, as Gmail search is eventually consistent', () => {
    const env = newEnv();
    env.mail.setSearchLag(30_000);
    env.run((gas) => sendRequest(gas));
    expect(subjects(env, 'subject:AP-7K2Q9F')).toEqual([]);
    env.advance(30_000);
    expect(subjects(env, 'subject:AP-7K2Q9F')).toEqual([first]);
  });

  it('fails loudly on operators the fake does not implement', () => {
    const env = newEnv();
    env.run((gas) => expect(() => gas.GmailApp.search('is:unread')).toThrow('does not support is:'));
  });
});

describe('labels', () => {
  it('creates, finds and attaches labels; a missing one is null and a duplicate is the existing one', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.run((gas) => {
      expect(gas.GmailApp.getUserLabelByName('AI Plan')).toBeNull();
      const label = gas.GmailApp.createLabel('AI Plan');
      expect(gas.GmailApp.createLabel('ai plan').getName()).toBe('AI Plan');
      const thread = gas.GmailApp.getThreadById(request.threadId);
      expect(
        thread
          ?.addLabel(label)
          .getLabels()
          .map((l) => l.getName()),
      ).toEqual(['AI Plan']);
      thread?.addLabel(gas.GmailApp.getUserLabelByName('AI Plan') ?? label);
      expect(thread?.getLabels()).toHaveLength(1);
    });
    expect(env.run((gas) => gas.GmailApp.getUserLabelByName('AI Plan'), { user: approver })).toBeNull();
  });
});

describe('MailApp', () => {
  it('sends in every documented form and returns nothing', () => {
    const env = newEnv();
    env.run((gas) => {
      expect(gas.MailApp.sendEmail(approver, 'one', 'b')).toBeUndefined();
      gas.MailApp.sendEmail(approver, 'two', 'b', { htmlBody: '<p>b</p>', name: 'AI Plan', cc: outsider });
      (gas.MailApp.sendEmail as unknown as (m: object) => void)({
        to: approver,
        subject: 'three',
        body: 'b',
      });
      (gas.MailApp.sendEmail as unknown as (a: string, b: string, c: string, d: string) => void)(
        approver,
        outsider,
        'four',
        'b',
      );
    });
    const sent = env.mail.sent();
    expect(sent.map((m) => [m.via, m.subject, m.cc, m.replyTo])).toEqual([
      ['MailApp', 'one', '', ''],
      ['MailApp', 'two', outsider, ''],
      ['MailApp', 'three', '', ''],
      ['MailApp', 'four', '', outsider],
    ]);
    expect(sent[1]?.from).toBe(`"AI Plan" <${coordinator}>`);
    expect(sent[0]?.date).toEqual(new Date(start));
  });
});

describe('the fakes as a world', () => {
  it('counts every Gmail and MailApp call by Type.method', () => {
    const env = newEnv();
    env.run((gas) => {
      const request = sendRequest(gas);
      gas.GmailApp.getThreadById(request.threadId)?.getMessages();
      gas.MailApp.getRemainingDailyQuota();
    });
    expect(env.calls.byMethod()).toMatchObject({
      'GmailApp.createDraft': 1,
      'GmailDraft.send': 1,
      'GmailMessage.getId': 1,
      'GmailMessage.getThread': 1,
      'GmailMessage.getHeader': 1,
      'GmailThread.getId': 1,
      'GmailApp.getThreadById': 1,
      'GmailThread.getMessages': 1,
      'MailApp.getRemainingDailyQuota': 1,
    });
  });

  it('keeps mailboxes in plain data that survives a JSON round trip', () => {
    const env = newEnv();
    const request = env.run((gas) => sendRequest(gas));
    env.mail.deliver({ to: coordinator, from: approver, body: 'APPROVE', inReplyToMessageId: request.id });
    const reloaded = newEnv(JSON.parse(JSON.stringify(env.state)) as WorldState);
    reloaded.run((gas) => {
      const messages = gas.GmailApp.getThreadById(request.threadId)?.getMessages() ?? [];
      expect(messages.map((m) => m.getDate().getTime())).toEqual([start, start]);
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1499);
    });
    expect(reloaded.mail.sent()).toEqual(env.mail.sent());
  });

  it('adds mail to a world saved before mail existed', () => {
    const old = newWorldState() as Partial<WorldState>;
    delete old.mail;
    const env = newEnv(old as WorldState);
    expect(env.run((gas) => gas.MailApp.getRemainingDailyQuota())).toBe(1500);
  });

  it('keeps Gmail out of reach in AuthMode.LIMITED', () => {
    const env = newEnv();
    env.run(
      (gas) => {
        expect(() => gas.GmailApp.search('x')).toThrow('Authorization is required');
        expect(() => gas.MailApp.getRemainingDailyQuota()).toThrow('Authorization is required');
      },
      { authMode: 'LIMITED' },
    );
  });
});

describe('fault injection', () => {
  it('fails the n-th counted call from now once, with the server error by default', () => {
    const env = newEnv();
    env.run((gas) => {
      env.faults.failCall(2);
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1500);
      expect(() => gas.MailApp.getRemainingDailyQuota()).toThrow(SERVER_ERROR);
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1500);
    });
    expect(env.faults.injected).toEqual([
      { call: 2, method: 'MailApp.getRemainingDailyQuota', message: SERVER_ERROR },
    ]);
    expect(env.calls.byMethod()['MailApp.getRemainingDailyQuota']).toBe(3);
  });

  it('fails the next call of a named method with the given message, as an Apps Script Exception', () => {
    const env = newEnv();
    env.faults.failNext('GmailDraft.send', 'Service invoked too many times in a short time: gmail.');
    env.run((gas) => {
      const draft = gas.GmailApp.createDraft(approver, 's', 'b');
      let thrown: unknown;
      try {
        draft.send();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toMatchObject({
        name: 'Exception',
        message: 'Service invoked too many times in a short time: gmail.',
      });
      expect(env.mail.sent()).toEqual([]);
      expect(gas.MailApp.getRemainingDailyQuota()).toBe(1500);
      draft.send();
    });
    expect(env.mail.sent()).toHaveLength(1);
    expect(env.faults.pending).toBe(0);
  });

  it('lets a test fail each call of an action in turn and check what is left', () => {
    const action = (env: FakeEnvironment) =>
      env.run((gas) => {
        if (gas.MailApp.getRemainingDailyQuota() < 1) return;
        sendRequest(gas);
      });
    const probe = newEnv();
    const total = probe.faults.callsDuring(() => action(probe));
    expect(total).toBe(7);
    const outcomes: number[] = [];
    for (let n = 1; n <= total; n++) {
      const env = newEnv();
      env.faults.failCall(n);
      expect(() => action(env)).toThrow(SERVER_ERROR);
      outcomes.push(env.mail.sent().length);
    }
    // Calls 1-3 fail before the mail is out (call 3 is GmailDraft.send); from call 4 on, it is out.
    expect(outcomes).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('does not count or fail calls refused because their execution ended', () => {
    const env = newEnv();
    const execution = env.start();
    const app = execution.globals.MailApp;
    execution.end();
    env.faults.failCall(1);
    expect(() => app.getRemainingDailyQuota()).toThrow('after its execution ended');
    expect(env.faults.callCount).toBe(0);
    expect(env.faults.pending).toBe(1);
  });
});
