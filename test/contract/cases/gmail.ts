import type { GmailMessage, GmailThread } from '../../../src/gas/apps-script';
import { firstHeader } from '../../../src/domain/mail-headers';
import { parseMessage } from '../../../src/domain/mime-message';
import { replySearchQuery } from '../../../src/gas/reply-inbox';
import { ContractFailure, type ContractCase, type ContractTools } from '../contract';

/**
 * Gmail and MailApp rules the approval flow relies on (DESIGN §5.4–5.5). In a real run every message
 * goes to the running user's own address and nowhere else, so the contract can never mail anyone;
 * what it sends stays in the developer's mailbox, with the label below.
 */
const LABEL = 'AI Plan Workspace contract';
const NAME = 'AI Plan Workspace contract';

function me(t: ContractTools): string {
  const email = t.gas.Session.getEffectiveUser().getEmail();
  if (email === '')
    throw new ContractFailure('the effective user has no email address; the Gmail cases need one');
  return email;
}

/** A subject no other message has, with a request token like the add-on's. */
function uniqueSubject(t: ContractTools, what: string): { subject: string; token: string } {
  const token = `CT-${t.gas.Utilities.getUuid().slice(0, 8).toUpperCase()}`;
  return { subject: `[AI Plan ${token}] Contract: ${what}`, token };
}

/** Sends a request to oneself the way the add-on sends one to an approver. */
function sendToSelf(t: ContractTools, subject: string): GmailMessage {
  return t.gas.GmailApp.createDraft(me(t), subject, 'Reply APPROVE, REJECT or CHANGES.', {
    htmlBody: '<p>Reply <b>APPROVE</b>, REJECT or CHANGES.</p>',
    name: NAME,
  }).send();
}

/** Gmail search is eventually consistent (FAKES §8.3): ask again a few times before giving up. */
function eventually<T>(t: ContractTools, label: string, find: () => T | null): T | null {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const found = find();
    if (found !== null) {
      t.observe(`${label}: attempts`, attempt);
      return found;
    }
    t.gas.Utilities.sleep(2000);
  }
  t.observe(`${label}: attempts`, 'gave up after 5');
  return null;
}

const threadIds = (threads: GmailThread[]) => threads.map((x) => x.getId());

/**
 * The subject of the message a deployer sends to the contract account FROM ANOTHER ACCOUNT before a
 * run (within the last 30 days). Gmail runs its inbound checks (SPF, DKIM, DMARC → the
 * Authentication-Results it adds) only on mail that arrives from outside; a message sent to oneself
 * never gets them, so the cases that read Gmail's verdict, and the production reply search (which
 * leaves out threads only from me), need this one.
 */
export const INBOUND_SUBJECT = '[AI Plan AP-CONTRACT] AI Plan Workspace contract inbound';

function inbound(t: ContractTools): GmailMessage {
  const threads = t.gas.GmailApp.search(
    `subject:"AI Plan Workspace contract inbound" -from:me newer_than:30d`,
    0,
    5,
  );
  const message = threads[0]?.getMessages().find((m) => m.getFrom().indexOf(me(t)) < 0);
  if (!message)
    throw new ContractFailure(
      `needs a message from another account: send one with the subject "${INBOUND_SUBJECT}" to ${me(t)} first`,
    );
  return message;
}

export const gmailCases: ContractCase[] = [
  {
    id: 'gmail/draft-send-returns-message-in-thread',
    rule: 'createDraft(...).send() returns the sent GmailMessage, whose thread holds it; it is not a draft.',
    source: 'FAKES.md §8.1; PLATFORM.md §2.1',
    run(t) {
      const before = Date.now();
      const message = sendToSelf(t, uniqueSubject(t, 'draft send').subject);
      t.ok(/^[0-9a-f]+$/i.test(message.getId()), 'message id is hex');
      t.ok(message.getThread().getId() !== '', 'thread id is not empty');
      t.ok(
        message
          .getThread()
          .getMessages()
          .some((m) => m.getId() === message.getId()),
        'the thread holds the message',
      );
      t.equal(message.isDraft(), false, 'isDraft()');
      const date = message.getDate();
      t.ok(date instanceof Date, 'getDate() is a Date');
      t.ok(Math.abs(date.getTime() - before) < 5 * 60 * 1000, 'getDate() is about now');
      t.observe('getFrom()', message.getFrom());
      t.ok(message.getFrom().indexOf(me(t)) >= 0, 'getFrom() holds the sender address');
    },
  },
  {
    id: 'gmail/message-id-finds-message-and-thread',
    rule: 'getMessageById on a stored message id gives the same message, and getThread() its thread.',
    source: 'FAKES.md §8.3 (GmailThread.getId: persist message ids)',
    run(t) {
      const message = sendToSelf(t, uniqueSubject(t, 'message id').subject);
      const again = t.gas.GmailApp.getMessageById(message.getId());
      t.equal(again.getId(), message.getId(), 'getMessageById(id).getId()');
      t.equal(again.getThread().getId(), message.getThread().getId(), 'its thread id');
      t.equal(again.getSubject(), message.getSubject(), 'its subject');
    },
  },
  {
    id: 'gmail/thread-id-finds-thread-with-replies',
    rule:
      'getThreadById on the stored thread id gives the thread with later replies, oldest first; a reply ' +
      'made with createDraftReply(...).send() is a new message carrying In-Reply-To: the request Message-ID.',
    source: 'FAKES.md §8.3; PLATFORM.md §2.1',
    unconfirmed: true,
    run(t) {
      const request = sendToSelf(t, uniqueSubject(t, 'thread with reply').subject);
      const threadId = request.getThread().getId();
      const reply = request.getThread().createDraftReply('APPROVE (contract reply)').send();
      t.ok(reply.getId() !== request.getId(), 'the reply is a new message');
      t.equal(reply.getThread().getId(), threadId, 'the reply is in the same thread');
      t.observe('reply subject', reply.getSubject());
      t.equal(reply.getHeader('In-Reply-To'), request.getHeader('Message-ID'), 'In-Reply-To');
      const thread = t.gas.GmailApp.getThreadById(threadId);
      t.ok(thread !== null, 'getThreadById(stored id) is not null');
      const ids = thread ? thread.getMessages().map((m) => m.getId()) : [];
      t.equal(ids.slice(0, 2), [request.getId(), reply.getId()], 'messages, oldest first');
      t.equal(thread?.getId(), threadId, 'thread id unchanged after the reply');
    },
  },
  {
    id: 'gmail/unknown-thread-is-null',
    rule: 'getThreadById on a well-formed id that is not in the mailbox returns null.',
    source: 'FAKES.md §8.3, §11 rule 8',
    run(t) {
      t.equal(t.gas.GmailApp.getThreadById('17a0c0ffee000001'), null, 'getThreadById(unknown)');
    },
  },
  {
    id: 'gmail/unknown-message-throws',
    rule: 'getMessageById on an id that is not in the mailbox throws.',
    source: 'FAKES.md §8.3',
    unconfirmed: true,
    run(t) {
      t.throws(() => t.gas.GmailApp.getMessageById('17a0c0ffee000001'), /.+/, 'getMessageById(unknown)');
    },
  },
  {
    id: 'gmail/headers-case-insensitive',
    rule: 'getHeader reads a header whatever the case of its name, "" when absent; Message-ID keeps its angle brackets.',
    source: 'FAKES.md §8.3',
    unconfirmed: true,
    run(t) {
      const message = sendToSelf(t, uniqueSubject(t, 'headers').subject);
      const id = message.getHeader('Message-ID');
      t.ok(/^<[^<>\s]+>$/.test(id), 'Message-ID has angle brackets');
      t.equal(message.getHeader('message-id'), id, 'getHeader("message-id")');
      t.equal(message.getHeader('MESSAGE-ID'), id, 'getHeader("MESSAGE-ID")');
      t.equal(message.getHeader('X-Contract-Absent'), '', 'an absent header');
    },
  },
  {
    id: 'gmail/raw-content-has-authentication-results',
    rule:
      'getRawContent() of a message received from another account is its RFC 822 source, whose first ' +
      'Authentication-Results is Gmail’s (mx.google.com, with a dmarc= verdict), with the Message-ID; ' +
      'the add-on’s parser reads the same headers from it as getHeader, and the same text as getPlainBody.',
    source:
      'FAKES.md §8.3; DESIGN.md §5.5; EMAIL-REPLIES.md (Gmail adds Authentication-Results on receipt). ' +
      'Needs a message sent from another account (INBOUND_SUBJECT): mail to oneself is not checked.',
    unconfirmed: true,
    run(t) {
      const message = inbound(t);
      const raw = message.getRawContent();
      const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
      const results = head.match(/^Authentication-Results:.*(?:\r?\n[ \t].*)*/gim) ?? [];
      t.observe('Authentication-Results headers', results);
      const first = firstHeader(raw, 'Authentication-Results');
      t.ok(/^mx\.google\.com/i.test(first), 'the first is Gmail’s (mx.google.com)');
      t.ok(/dmarc=/i.test(first), 'with a dmarc= verdict');
      t.ok(head.indexOf(message.getHeader('Message-ID')) >= 0, 'the raw headers hold the Message-ID');
      const parsed = parseMessage(raw);
      t.equal(parsed.subject, message.getSubject(), 'parsed Subject = getSubject()');
      t.equal(parsed.from, message.getFrom(), 'parsed From = getFrom()');
      t.equal(
        parsed.date?.getTime() ?? null,
        Math.floor(message.getDate().getTime() / 1000) * 1000,
        'parsed Date = getDate()',
      );
      t.observe('parsed text', parsed.text);
      t.equal(
        parsed.text?.trim() ?? null,
        message.getPlainBody().replace(/\r\n/g, '\n').trim(),
        'parsed text = getPlainBody()',
      );
    },
  },
  {
    id: 'gmail/production-reply-search',
    rule:
      'The query the hourly run uses, subject:"AI Plan AP-" -from:me after:<seconds>, finds a thread with a ' +
      'message from someone else and leaves out a request thread that holds only the user’s own messages.',
    source:
      'src/gas/reply-inbox.ts (replySearchQuery); FAKES.md §8.4. Needs the inbound message (INBOUND_SUBJECT).',
    unconfirmed: true,
    run(t) {
      const message = inbound(t);
      const threadId = message.getThread().getId();
      const mine = sendToSelf(t, uniqueSubject(t, 'production search').subject).getThread().getId();
      const query = replySearchQuery(Math.floor((Date.now() - 31 * 86400000) / 1000));
      t.observe('query', query);
      const found = eventually(t, query, () => {
        const ids = threadIds(t.gas.GmailApp.search(query, 0, 500));
        return ids.indexOf(threadId) >= 0 ? ids : null;
      });
      t.ok(found !== null, 'finds the thread with a message from another account');
      t.equal((found ?? []).indexOf(mine), -1, 'leaves out a thread only from me');
    },
  },
  {
    id: 'gmail/messages-for-threads',
    rule:
      'getMessagesForThreads(threads) gives one array per thread, in the order given, each the thread’s ' +
      'messages oldest first, as getMessages() gives them.',
    source: 'GmailApp reference (getMessagesForThreads); issue 12',
    unconfirmed: true,
    run(t) {
      const first = sendToSelf(t, uniqueSubject(t, 'batch one').subject).getThread();
      const second = sendToSelf(t, uniqueSubject(t, 'batch two').subject);
      second.getThread().createDraftReply('A second message in the thread.').send();
      const threads = [t.gas.GmailApp.getThreadById(second.getThread().getId()), first].filter(
        (x): x is GmailThread => x !== null,
      );
      const batch = t.gas.GmailApp.getMessagesForThreads(threads);
      t.equal(batch.length, threads.length, 'one array per thread');
      t.equal(
        batch.map((messages) => messages.map((m) => m.getId())),
        threads.map((thread) => thread.getMessages().map((m) => m.getId())),
        'each the thread’s messages, oldest first',
      );
    },
  },
  {
    id: 'mail/quota-counts-recipients',
    rule: 'getRemainingDailyQuota() drops by one for a message to one recipient, sent with GmailApp or MailApp.',
    source: 'FAKES.md §8.2; PLATFORM.md §2.4',
    run(t) {
      const quota = () => t.gas.MailApp.getRemainingDailyQuota();
      const before = quota();
      t.observe('quota before', before);
      sendToSelf(t, uniqueSubject(t, 'quota, GmailApp').subject);
      t.equal(quota(), before - 1, 'after GmailApp');
      t.gas.MailApp.sendEmail(me(t), uniqueSubject(t, 'quota, MailApp').subject, 'Contract quota check.', {
        name: NAME,
      });
      t.equal(quota(), before - 2, 'after MailApp');
    },
  },
  {
    id: 'mail/quota-counts-cc-and-bcc',
    rule: 'Every to, cc and bcc entry counts against the daily quota, the same address repeated included.',
    source: 'FAKES.md §8.2',
    unconfirmed: true,
    run(t) {
      const before = t.gas.MailApp.getRemainingDailyQuota();
      t.gas.GmailApp.createDraft(
        me(t),
        uniqueSubject(t, 'quota, cc and bcc').subject,
        'Contract quota check.',
        {
          cc: me(t),
          bcc: me(t),
        },
      ).send();
      t.equal(before - t.gas.MailApp.getRemainingDailyQuota(), 3, 'recipients counted');
    },
  },
  {
    id: 'mail/invalid-address',
    rule: 'Sending to an invalid address throws "Invalid email: <address>" and sends nothing.',
    source: 'FAKES.md §8.1, §11 rule 25',
    run(t) {
      const before = t.gas.MailApp.getRemainingDailyQuota();
      t.throws(
        () => t.gas.MailApp.sendEmail('not-an-address', 'Contract: invalid address', 'Never sent.'),
        'Invalid email: not-an-address',
        'MailApp.sendEmail',
      );
      t.equal(t.gas.MailApp.getRemainingDailyQuota(), before, 'quota unchanged');
    },
  },
  {
    id: 'gmail/draft-invalid-address',
    rule: 'A draft to an invalid address fails with "Invalid email: <address>" (when created or when sent).',
    source: 'FAKES.md §8.1',
    unconfirmed: true,
    run(t) {
      t.throws(
        () => t.gas.GmailApp.createDraft('not-an-address', 'Contract: invalid address', 'Never sent.').send(),
        'Invalid email: not-an-address',
        'createDraft(...).send()',
      );
    },
  },
  {
    id: 'gmail/subject-line-break-refused',
    rule:
      'A CR or LF in a subject is refused, so no header can be injected (the fake throws; the add-on keeps ' +
      'subjects on one line itself).',
    source: 'FAKES.md §8.1; DESIGN.md §8 (headers cannot be injected)',
    unconfirmed: true,
    run(t) {
      const { subject } = uniqueSubject(t, 'line break');
      const outcome: { sent: GmailMessage | null } = { sent: null };
      try {
        t.throws(
          () => {
            // Only a harmless header: if Gmail accepts it, the message still goes only to oneself.
            const draft = t.gas.GmailApp.createDraft(
              me(t),
              `${subject}\r\nX-Contract-Injected: yes`,
              'Line break.',
            );
            outcome.sent = draft.send();
          },
          /.+/,
          'subject with CR LF',
        );
      } finally {
        if (outcome.sent) {
          t.observe('subject as sent', outcome.sent.getSubject());
          t.observe('injected header', outcome.sent.getHeader('X-Contract-Injected'));
        }
      }
    },
  },
  {
    id: 'gmail/subject-too-long',
    rule: 'A subject over 250 characters throws "Argument too large: subject".',
    source: 'FAKES.md §8.1',
    unconfirmed: true,
    run(t) {
      t.throws(
        () => t.gas.GmailApp.createDraft(me(t), `Contract ${'x'.repeat(250)}`, 'Too long.').send(),
        'Argument too large: subject',
        '251-character subject',
      );
    },
  },
  {
    id: 'gmail/search-max-500',
    rule: 'search(query, start, max) with max over 500 throws "Argument max cannot exceed 500."',
    source: 'FAKES.md §8.4',
    run(t) {
      t.throws(
        () => t.gas.GmailApp.search('in:anywhere', 0, 501),
        'Argument max cannot exceed 500.',
        'search max 501',
      );
    },
  },
  {
    id: 'gmail/search-queries-we-use',
    rule:
      'A sent request is found (after a few seconds at most) by subject:"[AI Plan <token>]", rfc822msgid:, ' +
      'from:me with newer_than:1d, in:sent, and label: once labelled, and left out by -label:.',
    source: 'FAKES.md §8.4; PLATFORM.md §2.1',
    unconfirmed: true,
    run(t) {
      const { subject, token } = uniqueSubject(t, 'search');
      const message = sendToSelf(t, subject);
      const threadId = message.getThread().getId();
      const finds = (query: string) => {
        const found = eventually(t, query, () => {
          const ids = threadIds(t.gas.GmailApp.search(query, 0, 10));
          return ids.indexOf(threadId) >= 0 ? ids : null;
        });
        t.ok(found !== null, `search(${JSON.stringify(query)}) finds the request`);
      };
      finds(`subject:"[AI Plan ${token}]"`);
      finds(`rfc822msgid:${message.getHeader('Message-ID')}`);
      finds(`from:me newer_than:1d subject:"${token}"`);
      finds(`in:sent subject:"${token}"`);

      const label = t.gas.GmailApp.getUserLabelByName(LABEL) ?? t.gas.GmailApp.createLabel(LABEL);
      const thread = t.gas.GmailApp.getThreadById(threadId);
      if (!thread) throw new ContractFailure('the request thread is gone');
      thread.addLabel(label);
      const labelQuery = `label:${LABEL.replace(/[\s/]+/g, '-')}`;
      finds(`${labelQuery} subject:"${token}"`);
      const excluded = threadIds(t.gas.GmailApp.search(`-${labelQuery} subject:"${token}"`, 0, 10));
      t.equal(excluded.indexOf(threadId), -1, 'left out by -label:');
    },
  },
  {
    id: 'gmail/search-leaves-out-threads-only-from-me',
    rule: 'subject:"…" -from:me leaves out a thread whose every message is from me; from:me finds it.',
    source: 'FAKES.md §8.4 (search operators apply to messages; a thread matches when one message does)',
    unconfirmed: true,
    run(t) {
      const { subject, token } = uniqueSubject(t, 'from-me');
      sendToSelf(t, subject);
      const mine = eventually(t, `subject:"${token}" from:me`, () =>
        t.gas.GmailApp.search(`subject:"${token}" from:me`, 0, 5).length > 0 ? true : null,
      );
      t.ok(mine !== null, 'from:me finds the thread');
      t.equal(
        t.gas.GmailApp.search(`subject:"${token}" -from:me`, 0, 5).length,
        0,
        'threads found by -from:me',
      );
    },
  },
  {
    id: 'gmail/labels-get-or-create',
    rule: 'getUserLabelByName gives null for a missing label and the label once created; addLabel shows in getLabels().',
    source: 'FAKES.md §8.4, §11 rule 8',
    run(t) {
      t.equal(t.gas.GmailApp.getUserLabelByName(`${LABEL} absent 7f3a`), null, 'a missing label');
      const label = t.gas.GmailApp.getUserLabelByName(LABEL) ?? t.gas.GmailApp.createLabel(LABEL);
      t.equal(label.getName(), LABEL, 'label name');
      t.equal(t.gas.GmailApp.getUserLabelByName(LABEL)?.getName(), LABEL, 'found by name');
      const thread = sendToSelf(t, uniqueSubject(t, 'labels').subject).getThread();
      const returned = thread.addLabel(label);
      t.equal(returned.getId(), thread.getId(), 'addLabel returns the thread');
      t.ok(
        thread.getLabels().some((l) => l.getName() === LABEL),
        'getLabels() has it',
      );
    },
  },
  {
    id: 'gmail/create-label-returns-existing',
    rule: 'createLabel with the name of an existing label returns that label rather than throwing.',
    source:
      'johnagan/gmail-labeler#1 (createLabel returns the existing label); issue 12 (corrects FAKES.md §8.4)',
    unconfirmed: true,
    run(t) {
      if (!t.gas.GmailApp.getUserLabelByName(LABEL)) t.gas.GmailApp.createLabel(LABEL);
      t.equal(t.gas.GmailApp.createLabel(LABEL).getName(), LABEL, 'createLabel(existing).getName()');
    },
  },
  {
    id: 'gmail/thread-reply-returns-thread',
    rule:
      'GmailThread.reply sends to the sender of the last message (here oneself) in the same thread and returns ' +
      'the thread, not the new message.',
    source: 'FAKES.md §8.3, §11 rule 23',
    unconfirmed: true,
    run(t) {
      const request = sendToSelf(t, uniqueSubject(t, 'thread reply').subject);
      const thread = request.getThread();
      const before = thread.getMessageCount();
      const returned = thread.reply('Contract reply to oneself.');
      t.equal(returned.getId(), thread.getId(), 'reply() returns the thread');
      const after = t.gas.GmailApp.getThreadById(thread.getId());
      t.equal(after?.getMessageCount(), before + 1, 'one more message in the thread');
      const last = after?.getMessages().pop();
      t.ok((last?.getTo() ?? '').indexOf(me(t)) >= 0, 'sent to the last sender');
    },
  },
];
