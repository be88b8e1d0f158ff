import type {
  GmailAdvancedOptions,
  GmailApp,
  GmailDraft,
  GmailLabel,
  GmailMessage,
  GmailReplyOptions,
  GmailThread,
} from '../../src/gas/apps-script';
import { unwrap } from './calls';
import { gasError, signatureError } from './errors';
import { searchThreads } from './gmail-search';
import {
  addressesIn,
  headerValue,
  isAddress,
  MAX_SUBJECT_LENGTH,
  mailMessages,
  parseRecipients,
  rawContent,
  replySubject,
  sameAddress,
  type Composition,
  type DraftState,
  type MailboxState,
  type MailMessageState,
  type MailModel,
  type MailThreadState,
} from './mail-model';

/** What the Gmail fakes share within one execution. */
export interface MailContext {
  model: MailModel;
  /** The user running the execution: whose mailbox this is. */
  user: string;
  wrap<T extends object>(target: T, typeName: string): T;
}

const lineBreak = /[\r\n]/;

/**
 * Options GmailApp and MailApp share, checked the way the real services check them (FAKES §8.1).
 * A CR or LF in the subject or a name throws: what real Gmail does is unconfirmed, so the fake takes
 * the stricter answer and the add-on must keep header values on one line itself.
 */
export function composition(
  user: string,
  recipient: string,
  subject: string,
  body: string,
  options: GmailAdvancedOptions & { subject?: string | undefined },
): Composition {
  if (lineBreak.test(subject)) throw gasError(mailMessages.invalidArgument('subject'));
  if (subject.length > MAX_SUBJECT_LENGTH) throw gasError(mailMessages.subjectTooLong);
  const name = options.name;
  if (name !== undefined && (typeof name !== 'string' || lineBreak.test(name)))
    throw gasError(mailMessages.invalidArgument('name'));
  if (options.attachments !== undefined || options.inlineImages !== undefined) {
    throw new Error('The Gmail and MailApp fakes do not support attachments or inline images.');
  }
  if (options.from !== undefined && !sameAddress(String(options.from), user)) {
    // Only the user's own address is an alias here (GmailApp.getAliases() is empty).
    throw gasError(mailMessages.invalidArgument(String(options.from)));
  }
  const replyTo = options.replyTo === undefined ? null : String(options.replyTo).trim();
  if (replyTo !== null && replyTo !== '' && !isAddress(replyTo))
    throw gasError(mailMessages.invalidEmail(replyTo));
  const html = options.htmlBody;
  if (html !== undefined && typeof html !== 'string')
    throw gasError(mailMessages.invalidArgument('htmlBody'));
  return {
    to: parseRecipients(recipient),
    cc: parseRecipients(options.cc === undefined ? '' : String(options.cc)),
    bcc: parseRecipients(options.bcc === undefined ? '' : String(options.bcc)),
    subject,
    plainBody: body,
    htmlBody: html ?? null,
    fromName: name ?? null,
    replyTo: replyTo || null,
    inReplyTo: null,
    references: null,
  };
}

function optionsObject(value: unknown, args: unknown[], method: string): GmailReplyOptions {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw signatureError(args, method);
  return value as GmailReplyOptions;
}

/**
 * GmailApp as the add-on uses it: drafts (so that the sent message and its ids come back), threads
 * and messages by id, search and labels, in the executing user's own mailbox.
 */
export class FakeGmailApp implements GmailApp {
  constructor(private readonly ctx: MailContext) {}

  private get mailbox(): MailboxState {
    return this.ctx.model.mailbox(this.ctx.user);
  }

  /** Drafts cost no quota; the recipients are checked now, the quota when the draft is sent. */
  createDraft(recipient: string, subject: string, body: string, options?: GmailAdvancedOptions): GmailDraft {
    const args = [recipient, subject, body, ...(options === undefined ? [] : [options])];
    if (typeof recipient !== 'string' || typeof subject !== 'string' || typeof body !== 'string')
      throw signatureError(args, 'GmailApp.createDraft');
    const c = composition(
      this.ctx.user,
      recipient,
      subject,
      body,
      optionsObject(options, args, 'GmailApp.createDraft'),
    );
    const draft = this.ctx.model.createDraft(this.mailbox, c, null);
    return this.ctx.wrap(new FakeGmailDraft(this.ctx, this.mailbox, draft), 'GmailDraft');
  }

  /**
   * Null for an id that is not in this mailbox (FAKES §8.3, §11 rule 8). An id that is not even
   * Gmail-shaped throws, as real Gmail can ("Invalid thread_id value"; the stricter choice).
   */
  getThreadById(id: string): GmailThread | null {
    if (typeof id !== 'string') throw signatureError([id], 'GmailApp.getThreadById');
    if (!/^[0-9a-f]{16}$/i.test(id)) throw gasError(mailMessages.invalidThreadId);
    const thread = this.mailbox.threads.find((t) => t.id.toLowerCase() === id.toLowerCase());
    return thread ? this.ctx.wrap(new FakeGmailThread(this.ctx, this.mailbox, thread), 'GmailThread') : null;
  }

  /** Throws for an unknown id (FAKES §8.3; the message text is unconfirmed). */
  getMessageById(id: string): GmailMessage {
    if (typeof id !== 'string') throw signatureError([id], 'GmailApp.getMessageById');
    const located = this.ctx.model.locate(this.mailbox, id.toLowerCase());
    if (!located) throw gasError(mailMessages.invalidArgument('id'));
    return messageObject(this.ctx, this.mailbox, located.message);
  }

  search(query: string, start?: number, max?: number): GmailThread[] {
    const args = [query, ...(start === undefined ? [] : [start]), ...(max === undefined ? [] : [max])];
    if (typeof query !== 'string') throw signatureError(args, 'GmailApp.search');
    if ((start === undefined) !== (max === undefined)) throw signatureError(args, 'GmailApp.search');
    if (start !== undefined && max !== undefined) {
      if (!Number.isInteger(start) || !Number.isInteger(max) || start < 0 || max < 0)
        throw signatureError(args, 'GmailApp.search');
      if (max > 500) throw gasError(mailMessages.searchMax);
    }
    const found = searchThreads(this.mailbox.threads, query, {
      user: this.ctx.user,
      now: this.ctx.model.time(),
      lagMs: this.ctx.model.state.searchLagMs,
    });
    const page = start === undefined || max === undefined ? found : found.slice(start, start + max);
    return page.map((t) => this.ctx.wrap(new FakeGmailThread(this.ctx, this.mailbox, t), 'GmailThread'));
  }

  /**
   * Every message of each thread, oldest first, one array per thread in the order given (GmailApp
   * reference, getMessagesForThreads). Anything but threads of this mailbox does not match the
   * signature. No size limit is documented; the add-on asks in chunks anyway.
   */
  getMessagesForThreads(threads: GmailThread[]): GmailMessage[][] {
    if (!Array.isArray(threads)) throw signatureError([threads], 'GmailApp.getMessagesForThreads');
    return threads.map((thread) => {
      const raw = unwrap(thread);
      if (!(raw instanceof FakeGmailThread))
        throw signatureError([threads], 'GmailApp.getMessagesForThreads');
      return raw.thread.messages.map((m) => messageObject(this.ctx, this.mailbox, m));
    });
  }

  /**
   * Creating a label that exists (in any case) returns the existing label rather than throwing:
   * johnagan/gmail-labeler#1 reports createLabel "returns the existing label" for a duplicate name, and
   * contract case gmail/create-label-returns-existing checks it on a real account. (FAKES §8.4 said a
   * duplicate "may throw" the ErrorHandler list's "Label name exists or conflicts"; which names still
   * throw that is unconfirmed, and the add-on uses no labels.)
   */
  createLabel(name: string): GmailLabel {
    if (typeof name !== 'string' || name.trim() === '' || lineBreak.test(name))
      throw gasError(mailMessages.invalidArgument('name'));
    const existing = this.mailbox.labels.find((l) => l.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) return this.ctx.wrap(new FakeGmailLabel(existing), 'GmailLabel');
    this.mailbox.labels.push(name);
    return this.ctx.wrap(new FakeGmailLabel(name), 'GmailLabel');
  }

  /** Null when absent (FAKES §8.4). Matches the exact name (case-insensitive matching is unconfirmed). */
  getUserLabelByName(name: string): GmailLabel | null {
    if (typeof name !== 'string') throw signatureError([name], 'GmailApp.getUserLabelByName');
    return this.mailbox.labels.includes(name) ? this.ctx.wrap(new FakeGmailLabel(name), 'GmailLabel') : null;
  }
}

export class FakeGmailLabel implements GmailLabel {
  constructor(readonly name: string) {}
  getName(): string {
    return this.name;
  }
}

export class FakeGmailDraft implements GmailDraft {
  constructor(
    private readonly ctx: MailContext,
    private readonly mailbox: MailboxState,
    private readonly draft: DraftState,
  ) {}

  getId(): string {
    return this.draft.id;
  }

  /** Sends the draft and returns the sent message, filed in its thread in the sender's mailbox. */
  send(): GmailMessage {
    const sent = this.ctx.model.sendDraft(this.mailbox, this.draft, 'GmailApp');
    return messageObject(this.ctx, this.mailbox, sent.message);
  }
}

function messageObject(ctx: MailContext, mailbox: MailboxState, message: MailMessageState): GmailMessage {
  return ctx.wrap(new FakeGmailMessage(ctx, mailbox, message), 'GmailMessage');
}

/** A view over one message of a mailbox; it reads the current state on every call. */
export class FakeGmailMessage implements GmailMessage {
  constructor(
    private readonly ctx: MailContext,
    private readonly mailbox: MailboxState,
    private readonly message: MailMessageState,
  ) {}

  getId(): string {
    return this.message.id;
  }
  getThread(): GmailThread {
    const thread = this.ctx.model.threadOf(this.mailbox, this.message);
    return this.ctx.wrap(new FakeGmailThread(this.ctx, this.mailbox, thread), 'GmailThread');
  }
  /** `ana@x.org`, `"Ana Ruiz" <ana@x.org>` or `Ana Ruiz <ana@x.org>`: parse the last `<…>` (FAKES §8.3). */
  getFrom(): string {
    return headerValue(this.message, 'From');
  }
  getTo(): string {
    return headerValue(this.message, 'To');
  }
  getCc(): string {
    return headerValue(this.message, 'Cc');
  }
  /** "" when the message has no Reply-To (FAKES §8.3, unconfirmed). */
  getReplyTo(): string {
    return headerValue(this.message, 'Reply-To');
  }
  getDate(): Date {
    return new Date(this.message.date);
  }
  getSubject(): string {
    return headerValue(this.message, 'Subject');
  }
  getPlainBody(): string {
    return this.message.plainBody;
  }
  /** The HTML body; for a plain-text message, its text. */
  getBody(): string {
    return this.message.htmlBody ?? this.message.plainBody;
  }
  /**
   * Case-insensitive, "" when absent. With the header repeated (several Authentication-Results, one
   * of them the sender's own) the fake gives the last, i.e. the one furthest from Gmail's: which one
   * real Gmail gives is unconfirmed, so read the first from `getRawContent()` instead.
   */
  getHeader(name: string): string {
    if (typeof name !== 'string') throw signatureError([name], 'GmailMessage.getHeader');
    return headerValue(this.message, name);
  }
  getRawContent(): string {
    return rawContent(this.message);
  }
  isDraft(): boolean {
    return this.message.labels.includes('DRAFT');
  }
  isInInbox(): boolean {
    return this.message.labels.includes('INBOX');
  }

  /**
   * A draft reply to this message's sender (its Reply-To, else From), in its thread, "Re: " and its
   * subject (GmailMessage reference). The Gmail card uses it under gmail.addons.current.action.compose.
   */
  createDraftReply(body: string, options?: GmailReplyOptions): GmailDraft {
    const args = [body, ...(options === undefined ? [] : [options])];
    if (typeof body !== 'string') throw signatureError(args, 'GmailMessage.createDraftReply');
    const opts = optionsObject(options, args, 'GmailMessage.createDraftReply');
    const recipients = addressesIn(
      headerValue(this.message, 'Reply-To') || headerValue(this.message, 'From'),
    );
    const subject = opts.subject ?? replySubject(headerValue(this.message, 'Subject'));
    if (typeof subject !== 'string') throw signatureError(args, 'GmailMessage.createDraftReply');
    const c = composition(this.ctx.user, recipients.join(','), subject, body, opts);
    const messageId = headerValue(this.message, 'Message-ID');
    c.inReplyTo = messageId || null;
    c.references =
      [headerValue(this.message, 'References'), messageId].filter((x) => x !== '').join(' ') || null;
    const thread = this.ctx.model.threadOf(this.mailbox, this.message);
    const draft = this.ctx.model.createDraft(this.mailbox, c, thread);
    return this.ctx.wrap(new FakeGmailDraft(this.ctx, this.mailbox, draft), 'GmailDraft');
  }
}

/** A view over one thread of a mailbox. */
export class FakeGmailThread implements GmailThread {
  constructor(
    private readonly ctx: MailContext,
    private readonly mailbox: MailboxState,
    readonly thread: MailThreadState,
  ) {}

  private self(): GmailThread {
    return this.ctx.wrap(this, 'GmailThread');
  }

  /** The last message that is not a draft: the one replies answer. */
  private lastSent(): MailMessageState {
    const sent = this.thread.messages.filter((m) => !m.labels.includes('DRAFT'));
    const last = sent[sent.length - 1];
    if (!last) throw gasError(mailMessages.invalidArgument('thread'));
    return last;
  }

  getId(): string {
    return this.thread.id;
  }
  /** Oldest first, the user's own sent messages and drafts included (FAKES §8.3). */
  getMessages(): GmailMessage[] {
    return this.thread.messages.map((m) => messageObject(this.ctx, this.mailbox, m));
  }
  getMessageCount(): number {
    return this.thread.messages.length;
  }
  getFirstMessageSubject(): string {
    const first = this.thread.messages[0];
    return first ? headerValue(first, 'Subject') : '';
  }
  getLastMessageDate(): Date {
    return new Date(Math.max(...this.thread.messages.map((m) => m.date)));
  }

  getLabels(): GmailLabel[] {
    return this.thread.labels.map((l) => this.ctx.wrap(new FakeGmailLabel(l), 'GmailLabel'));
  }

  addLabel(label: GmailLabel): GmailThread {
    const raw = unwrap(label);
    if (!(raw instanceof FakeGmailLabel) || !this.mailbox.labels.includes(raw.name))
      throw signatureError([label], 'GmailThread.addLabel');
    if (!this.thread.labels.includes(raw.name)) this.thread.labels.push(raw.name);
    return this.self();
  }

  /**
   * A reply in this thread to the sender of its last message, at its Reply-To address if it has one
   * (GmailThread reference). When that last message is the user's own, the reply goes to the user.
   */
  private composeReply(body: string, options: unknown, method: string, all: boolean): Composition {
    const args = [body, ...(options === undefined ? [] : [options])];
    if (typeof body !== 'string') throw signatureError(args, method);
    const opts = optionsObject(options, args, method);
    const last = this.lastSent();
    const sender = headerValue(last, 'Reply-To') || headerValue(last, 'From');
    let recipients = addressesIn(sender);
    if (all) {
      // Reply-all leaves out the user's own address (unconfirmed), so a reply-all to the user's own
      // request goes to its recipients.
      const others = ['To', 'Cc'].flatMap((h) => addressesIn(headerValue(last, h)));
      const everyone = [...recipients, ...others].filter(
        (a, i, list) => list.findIndex((b) => sameAddress(a, b)) === i,
      );
      const notMe = everyone.filter((a) => !sameAddress(a, this.ctx.user));
      recipients = notMe.length ? notMe : everyone;
    }
    const subject = opts.subject ?? replySubject(headerValue(last, 'Subject'));
    if (typeof subject !== 'string') throw signatureError(args, method);
    const c = composition(this.ctx.user, recipients.join(','), subject, body, opts);
    const messageId = headerValue(last, 'Message-ID');
    c.inReplyTo = messageId || null;
    c.references = [headerValue(last, 'References'), messageId].filter((x) => x !== '').join(' ') || null;
    return c;
  }

  /** Sends at once and returns this thread (not the new message; FAKES §8.3). */
  reply(body: string, options?: GmailAdvancedOptions): GmailThread {
    const c = this.composeReply(body, options, 'GmailThread.reply', false);
    this.ctx.model.send(this.mailbox, c, this.thread, 'GmailApp');
    return this.self();
  }

  /** Reply-all: the sender of the last message and all its recipients (GmailThread reference). */
  replyAll(body: string, options?: GmailAdvancedOptions): GmailThread {
    const c = this.composeReply(body, options, 'GmailThread.replyAll', true);
    this.ctx.model.send(this.mailbox, c, this.thread, 'GmailApp');
    return this.self();
  }

  /** A draft reply in this thread; `send()` on it gives the new message and its id. */
  createDraftReply(body: string, options?: GmailReplyOptions): GmailDraft {
    const c = this.composeReply(body, options, 'GmailThread.createDraftReply', false);
    const draft = this.ctx.model.createDraft(this.mailbox, c, this.thread);
    return this.ctx.wrap(new FakeGmailDraft(this.ctx, this.mailbox, draft), 'GmailDraft');
  }
}
