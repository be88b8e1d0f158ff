import {
  addressesIn,
  contentTypeFor,
  domainOf,
  headerValue,
  passingAuthResults,
  rfc2822Date,
  replySubject,
  type MailboxState,
  type MailMessageState,
  type MailModel,
  type MailThreadState,
  type SentRecord,
} from './mail-model';

/** A message from anyone, put straight into a user's mailbox by a test (`env.mail.deliver`). */
export interface DeliverOptions {
  /** The mailbox it arrives in: one address. */
  to: string;
  /** The From header as it should read: `ana@x.org`, `Ana Ruiz <ana@x.org>`, anything, even spoofed. */
  from: string;
  /** Defaults to "Re: " and the subject of the message it answers. */
  subject?: string;
  body: string;
  html?: string;
  cc?: string;
  replyTo?: string;
  /** The message it answers, in the recipient's mailbox: its Gmail id or its RFC Message-ID. */
  inReplyToMessageId?: string;
  /** The recipient's thread to put it in (defaults to the thread of the answered message, else new). */
  threadId?: string;
  /** Defaults to the environment's clock. */
  date?: Date;
  /** More headers, after the standard ones: `Auto-Submitted`, `List-Id`, a forged `Authentication-Results`. */
  headers?: Record<string, string>;
  /**
   * Gmail's own verdict, the top `Authentication-Results` header, e.g.
   * `mx.google.com; dkim=fail; spf=softfail smtp.mailfrom=x.org; dmarc=fail (p=REJECT) header.from=x.org`.
   * Defaults to SPF, DKIM and DMARC passing for the From domain.
   */
  authResults?: string;
  /** The RFC Message-ID, with angle brackets; made up when absent. */
  messageId?: string;
}

export interface DeliveredMessage {
  /** The Gmail id in the recipient's mailbox. */
  id: string;
  threadId: string;
  messageId: string;
}

/** One send, with its date as a Date. */
export type SentMail = Omit<SentRecord, 'date'> & { date: Date };

export interface MessageView {
  id: string;
  from: string;
  to: string;
  cc: string;
  subject: string;
  date: Date;
  plainBody: string;
  htmlBody: string | null;
  labels: string[];
  messageId: string;
}

export interface ThreadView {
  id: string;
  labels: string[];
  messages: MessageView[];
}

/**
 * Test-side controls of the mail world, `env.mail`: not part of Apps Script. Deliver replies from
 * anyone, read the outbox and mailboxes, and set quotas, names and the search lag.
 */
export class MailControls {
  constructor(private readonly model: MailModel) {}

  /** Puts a message from anyone into `to`'s mailbox, threaded with the message it answers. */
  deliver(options: DeliverOptions): DeliveredMessage {
    const mailbox = this.model.mailbox(options.to);
    let thread: MailThreadState | undefined;
    let answered: MailMessageState | undefined;
    if (options.threadId !== undefined) {
      thread = mailbox.threads.find((t) => t.id === options.threadId);
      if (!thread) throw new Error(`${options.to} has no thread ${options.threadId}`);
      answered = thread.messages.filter((m) => !m.labels.includes('DRAFT')).at(-1);
    }
    if (options.inReplyToMessageId !== undefined) {
      const located =
        this.model.locate(mailbox, options.inReplyToMessageId) ??
        this.model.locateByMessageId(mailbox, options.inReplyToMessageId);
      if (!located) throw new Error(`${options.to} has no message ${options.inReplyToMessageId}`);
      answered = located.message;
      thread ??= located.thread;
    }
    const subject =
      options.subject ?? (answered ? replySubject(headerValue(answered, 'Subject')) : undefined);
    if (subject === undefined) throw new Error('deliver needs a subject when it answers no message');

    const id = this.model.newId();
    const date = options.date?.getTime() ?? this.model.time();
    const sender = addressesIn(options.from)[0] ?? options.from;
    const messageId = options.messageId ?? `<reply.${id}@${domainOf(sender) || 'example.org'}>`;
    const answeredId = answered ? headerValue(answered, 'Message-ID') : '';
    const headers: [string, string][] = [
      ['Delivered-To', mailbox.address],
      ['Authentication-Results', options.authResults ?? passingAuthResults(options.from)],
      ['MIME-Version', '1.0'],
      ['Date', rfc2822Date(date)],
      ['Message-ID', messageId],
      ['Subject', subject],
      ['From', options.from],
      ['To', options.to],
    ];
    if (options.cc) headers.push(['Cc', options.cc]);
    if (options.replyTo) headers.push(['Reply-To', options.replyTo]);
    if (answered && answeredId) {
      headers.push(['In-Reply-To', answeredId]);
      const references = [headerValue(answered, 'References'), answeredId].filter((r) => r !== '');
      headers.push(['References', references.join(' ')]);
    }
    const htmlBody = options.html ?? null;
    headers.push(['Content-Type', contentTypeFor({ id, htmlBody })]);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.push([name, value]);
    const message: MailMessageState = {
      id,
      headers,
      date,
      plainBody: options.body,
      htmlBody,
      labels: ['INBOX'],
    };
    const filed = this.model.file(mailbox, message, thread);
    return { id, threadId: filed.id, messageId };
  }

  /** A draft in `user`'s mailbox, as Gmail's compose window shows it; null once sent or gone. */
  draft(
    user: string,
    draftId: string,
  ): { to: string; subject: string; body: string; threadId: string } | null {
    const mailbox = this.model.mailbox(user);
    const draft = mailbox.drafts.find((d) => d.id === draftId);
    const located = draft ? this.model.locate(mailbox, draft.messageId) : null;
    if (!located) return null;
    const m = located.message;
    return {
      to: headerValue(m, 'To'),
      subject: headerValue(m, 'Subject'),
      body: m.plainBody,
      threadId: located.thread.id,
    };
  }

  /** The person presses Send on a draft in Gmail's compose window (a draft the Gmail card opened). */
  sendDraft(user: string, draftId: string): SentMail {
    const mailbox = this.model.mailbox(user);
    const draft = mailbox.drafts.find((d) => d.id === draftId);
    if (!draft) throw new Error(`${user} has no draft ${draftId}`);
    const sent = this.model.sendDraft(mailbox, draft, 'Gmail');
    const record = this.model.state.sent.find(
      (r) => r.gmailId === sent.message.id && r.sender === mailbox.address,
    );
    if (!record) throw new Error('the sent draft is not in the outbox');
    return { ...record, date: new Date(record.date) };
  }

  /** Every message any user sent through GmailApp or MailApp, oldest first (the playground's outbox). */
  sent(): SentMail[] {
    return this.model.state.sent.map((r) => ({ ...r, date: new Date(r.date) }));
  }

  /** A user's threads, oldest first, each with its messages oldest first. */
  threads(user: string): ThreadView[] {
    return this.model.mailbox(user).threads.map((t) => ({
      id: t.id,
      labels: [...t.labels],
      messages: t.messages.map((m) => ({
        id: m.id,
        from: headerValue(m, 'From'),
        to: headerValue(m, 'To'),
        cc: headerValue(m, 'Cc'),
        subject: headerValue(m, 'Subject'),
        date: new Date(m.date),
        plainBody: m.plainBody,
        htmlBody: m.htmlBody,
        labels: [...m.labels],
        messageId: headerValue(m, 'Message-ID'),
      })),
    }));
  }

  /** The user's mailbox itself (plain data, live). */
  mailbox(user: string): MailboxState {
    return this.model.mailbox(user);
  }

  /** Makes `MailApp.getRemainingDailyQuota()` give `remaining` for `user` now. */
  setQuota(user: string, remaining: number): void {
    if (!Number.isInteger(remaining) || remaining < 0) throw new Error(`Not a quota: ${remaining}`);
    this.model.setRemainingQuota(this.model.mailbox(user), remaining);
  }

  remainingQuota(user: string): number {
    return this.model.remainingQuota(this.model.mailbox(user));
  }

  /** The daily recipient limit of every user without one of their own (1,500: Workspace). */
  setDailyLimit(limit: number): void {
    this.model.state.dailyRecipientLimit = limit;
  }

  /** The account name Gmail puts in From when a send has no `name` option. */
  setDisplayName(user: string, name: string): void {
    this.model.mailbox(user).displayName = name;
  }

  /** How long a message takes to show in search (eventual consistency, FAKES §8.3). */
  setSearchLag(ms: number): void {
    this.model.state.searchLagMs = ms;
  }

  /**
   * Gives a thread a new id, as Gmail may ("varies based on the messages it contains", GmailThread
   * reference): afterwards `getThreadById(old)` is null, while message ids still work.
   */
  changeThreadId(user: string, threadId: string): string {
    const thread = this.model.mailbox(user).threads.find((t) => t.id === threadId);
    if (!thread) throw new Error(`${user} has no thread ${threadId}`);
    thread.id = this.model.newId();
    return thread.id;
  }
}
