import { gasError } from './errors';

/**
 * The mail world behind the GmailApp and MailApp fakes: one mailbox per user, as plain data (dates as
 * epoch milliseconds) so the playground can save it to JSON with the rest of the world state.
 *
 * Rules kept here (FAKES §8, PLATFORM §2.4):
 * - Every address has a mailbox. A message sent to someone is filed in their mailbox under a message
 *   id of their own (Gmail ids are per mailbox), threaded with the message it answers when that
 *   message is in their mailbox; a message to oneself is one message, in Sent and in the inbox.
 * - The daily recipient quota counts every to, cc and bcc address, is shared by GmailApp and MailApp,
 *   and opens a 24-hour window at the first send (PLATFORM §2.4: "reset 24 h after first use").
 * - Received copies carry Gmail's `Delivered-To` and `Authentication-Results` on top of the sender's
 *   headers, and lose the `Bcc` header.
 */

/** Google Workspace accounts (PLATFORM §2.4); consumer accounts get 100. */
export const DEFAULT_DAILY_RECIPIENTS = 1500;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_SUBJECT_LENGTH = 250;
/** Workspace accounts (PLATFORM §2.4); consumer accounts get 200 KB. */
export const MAX_BODY_BYTES = 400 * 1024;
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** English texts, as FAKES §8 and §9 quote them (ErrorHandler's tables). */
export const mailMessages = {
  quota: 'Service invoked too many times for one day: email.',
  noRecipient: 'Failed to send email: no recipient',
  tooManyRecipients: 'Limit Exceeded: Email Recipients Per Message.',
  bodySize: 'Limit Exceeded: Email Body Size.',
  subjectTooLong: 'Argument too large: subject',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  invalidArgument: (what: string) => `Invalid argument: ${what}`,
  invalidThreadId: 'Invalid thread_id value',
  searchMax: 'Argument max cannot exceed 500.',
} as const;

export type SystemLabel = 'INBOX' | 'SENT' | 'DRAFT';

export interface MailMessageState {
  /** The Gmail id in this mailbox: 16 hex digits. */
  id: string;
  /** Every header in source order, values unfolded and decoded. */
  headers: [string, string][];
  /** Epoch milliseconds. */
  date: number;
  plainBody: string;
  htmlBody: string | null;
  labels: SystemLabel[];
}

export interface MailThreadState {
  /** The id of the thread's first message, unless changed with `env.mail.changeThreadId`. */
  id: string;
  /** User label names. */
  labels: string[];
  /** Oldest first. */
  messages: MailMessageState[];
}

export interface DraftState {
  id: string;
  /** The Gmail id of the draft's message. */
  messageId: string;
}

export interface QuotaState {
  /** This user's daily recipient limit; null means the world's `dailyRecipientLimit`. */
  limit: number | null;
  /** When the current 24-hour window opened (epoch ms), or null before the first send. */
  windowStart: number | null;
  used: number;
}

export interface MailboxState {
  address: string;
  /** The account's name, used in From when a send gives no `name` option; "" for a bare address. */
  displayName: string;
  threads: MailThreadState[];
  labels: string[];
  drafts: DraftState[];
  quota: QuotaState;
}

/** One send, as the outbox of the playground lists it. */
export interface SentRecord {
  /** 'Gmail' is a person pressing Send in Gmail's own compose window (a draft the Gmail card made). */
  via: 'GmailApp' | 'MailApp' | 'Gmail';
  sender: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  plainBody: string;
  htmlBody: string | null;
  /** Epoch milliseconds. */
  date: number;
  /** The RFC 822 Message-ID, with its angle brackets. */
  messageId: string;
  /** The Gmail ids in the sender's mailbox. */
  gmailId: string;
  threadId: string;
}

export interface MailState {
  dailyRecipientLimit: number;
  /**
   * Gmail search is eventually consistent (FAKES §8.3): a message is found by `search` only this many
   * milliseconds after its date. 0 by default; set it to test code that must not rely on fresh results.
   */
  searchLagMs: number;
  nextId: number;
  /** By lower-case address. */
  mailboxes: Record<string, MailboxState>;
  sent: SentRecord[];
}

export function newMailState(): MailState {
  return {
    dailyRecipientLimit: DEFAULT_DAILY_RECIPIENTS,
    searchLagMs: 0,
    nextId: 1,
    mailboxes: {},
    sent: [],
  };
}

/** A message being written: addresses as lists, the rest as the headers will carry them. */
export interface Composition {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  plainBody: string;
  htmlBody: string | null;
  /** A display name for From, or null for the mailbox's own. */
  fromName: string | null;
  replyTo: string | null;
  inReplyTo: string | null;
  references: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Addresses and headers

const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/**
 * A comma-separated recipient string as GmailApp takes it. Only bare addresses pass: whether Apps Script
 * accepts `Name <addr>` here is unconfirmed, so the fake takes the stricter answer. Empty entries (a
 * trailing comma) are skipped.
 */
export function parseRecipients(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(',')) {
    const address = part.trim();
    if (address === '') continue;
    if (!isAddress(address)) throw gasError(mailMessages.invalidEmail(address));
    out.push(address);
  }
  return out;
}

/** Splits an address header on commas outside quotes and angle brackets. */
function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    if (ch === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The addresses in a header such as From or To: the last `<…>` of each entry, else the entry. */
export function addressesIn(value: string): string[] {
  return splitAddressList(value).map((entry) => {
    const match = /<([^<>]*)>\s*$/.exec(entry);
    return (match?.[1] ?? entry).trim();
  });
}

export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** `"Ana Ruiz" <ana@district.example.org>`, or the bare address when there is no name. */
export function formatAddress(name: string, address: string): string {
  if (name === '') return address;
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
}

/** The value of the last header of that name (case-insensitive), or "" (FAKES §8.3). */
export function headerValue(message: MailMessageState, name: string): string {
  const wanted = name.toLowerCase();
  for (let i = message.headers.length - 1; i >= 0; i--) {
    const header = message.headers[i];
    if (header && header[0].toLowerCase() === wanted) return header[1];
  }
  return '';
}

/** RFC 2822 date, in UTC: `Tue, 04 Jun 2024 14:00:00 +0000`. */
export function rfc2822Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/ GMT$/, ' +0000');
}

/** `Re: subject`, unless it already starts with Re:. */
export function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

/** Gmail's verdict for mail that passes SPF, DKIM and DMARC for the From domain. */
export function passingAuthResults(fromHeader: string): string {
  const address = addressesIn(fromHeader)[0] ?? fromHeader;
  const domain = domainOf(address);
  return (
    `mx.google.com; dkim=pass header.i=@${domain} header.s=google; ` +
    `spf=pass (google.com: domain of ${address} designates 209.85.220.41 as permitted sender) smtp.mailfrom=${address}; ` +
    `dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=${domain}`
  );
}

// ---------------------------------------------------------------------------------------------------
// Raw content

const isAscii = (text: string) => /^[\x20-\x7e\t\r\n]*$/.test(text);

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

const addressHeaders = new Set(['from', 'to', 'cc', 'bcc', 'reply-to']);

/** Header values as they travel: non-ASCII text as RFC 2047 encoded words, long lists folded. */
function encodeHeader(name: string, value: string): string {
  if (isAscii(value)) {
    if (name.toLowerCase() === 'authentication-results') return value.replace(/; /g, ';\r\n       ');
    return value;
  }
  if (addressHeaders.has(name.toLowerCase())) {
    return splitAddressList(value)
      .map((entry) => {
        const match = /^"?(.*?)"?\s*(<[^<>]*>)$/.exec(entry);
        return match && !isAscii(match[1] ?? '') ? `${encodedWord(match[1] ?? '')} ${match[2] ?? ''}` : entry;
      })
      .join(', ');
  }
  return encodedWord(value);
}

function encodeBody(text: string): { encoding: string; content: string } {
  const lines = text.split(/\r?\n/);
  if (isAscii(text) && lines.every((l) => l.length <= 998))
    return { encoding: '7bit', content: lines.join('\r\n') };
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  return { encoding: 'base64', content: base64.replace(/(.{76})/g, '$1\r\n') };
}

function boundaryOf(message: MailMessageState): string {
  return `000000000000${message.id}`;
}

export function contentTypeFor(message: Pick<MailMessageState, 'id' | 'htmlBody'>): string {
  return message.htmlBody === null
    ? 'text/plain; charset="UTF-8"'
    : `multipart/alternative; boundary="000000000000${message.id}"`;
}

/** The RFC 822 source, as Gmail's "Show original" gives it (CRLF line ends). */
export function rawContent(message: MailMessageState): string {
  const head = message.headers.map(([name, value]) => `${name}: ${encodeHeader(name, value)}`);
  if (message.htmlBody === null) {
    const plain = encodeBody(message.plainBody);
    return [...head, `Content-Transfer-Encoding: ${plain.encoding}`, '', plain.content].join('\r\n');
  }
  const boundary = boundaryOf(message);
  const part = (type: string, text: string) => {
    const body = encodeBody(text);
    return [
      `--${boundary}`,
      `Content-Type: ${type}; charset="UTF-8"`,
      `Content-Transfer-Encoding: ${body.encoding}`,
      '',
      body.content,
    ];
  };
  return [
    ...head,
    '',
    ...part('text/plain', message.plainBody),
    ...part('text/html', message.htmlBody),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

// ---------------------------------------------------------------------------------------------------
// The model

export interface Located {
  mailbox: MailboxState;
  thread: MailThreadState;
  message: MailMessageState;
}

export class MailModel {
  constructor(
    readonly state: MailState,
    private readonly now: () => Date,
  ) {}

  time(): number {
    return this.now().getTime();
  }

  mailbox(address: string): MailboxState {
    const key = address.trim().toLowerCase();
    return (this.state.mailboxes[key] ??= {
      address: address.trim(),
      displayName: '',
      threads: [],
      labels: [],
      drafts: [],
      quota: { limit: null, windowStart: null, used: 0 },
    });
  }

  /** A fresh Gmail-style id: 16 lower-case hex digits, unique in the world. */
  newId(): string {
    const n = this.state.nextId;
    this.state.nextId += 1;
    return `18f${n.toString(16).padStart(13, '0')}`;
  }

  newDraftId(): string {
    const n = this.state.nextId;
    this.state.nextId += 1;
    return `r-7${String(n).padStart(18, '0')}`;
  }

  locate(mailbox: MailboxState, gmailId: string): Located | null {
    for (const thread of mailbox.threads) {
      const message = thread.messages.find((m) => m.id === gmailId);
      if (message) return { mailbox, thread, message };
    }
    return null;
  }

  /** A message by its RFC Message-ID, with or without the angle brackets. */
  locateByMessageId(mailbox: MailboxState, messageId: string): Located | null {
    const wanted = bare(messageId);
    for (const thread of mailbox.threads) {
      const message = thread.messages.find((m) => bare(headerValue(m, 'Message-ID')) === wanted);
      if (message) return { mailbox, thread, message };
    }
    return null;
  }

  threadOf(mailbox: MailboxState, message: MailMessageState): MailThreadState {
    const thread = mailbox.threads.find((t) => t.messages.includes(message));
    if (!thread) throw new Error(`message ${message.id} is in no thread of ${mailbox.address}`);
    return thread;
  }

  // Quota ------------------------------------------------------------------------------------------

  private refreshWindow(mailbox: MailboxState): void {
    const quota = mailbox.quota;
    if (quota.windowStart !== null && this.time() >= quota.windowStart + QUOTA_WINDOW_MS) {
      quota.windowStart = null;
      quota.used = 0;
    }
  }

  dailyLimit(mailbox: MailboxState): number {
    return mailbox.quota.limit ?? this.state.dailyRecipientLimit;
  }

  remainingQuota(mailbox: MailboxState): number {
    this.refreshWindow(mailbox);
    return Math.max(0, this.dailyLimit(mailbox) - mailbox.quota.used);
  }

  /** Makes `remainingQuota` return `remaining` now (raising the limit if it has to). */
  setRemainingQuota(mailbox: MailboxState, remaining: number): void {
    this.refreshWindow(mailbox);
    const quota = mailbox.quota;
    if (remaining > this.dailyLimit(mailbox)) quota.limit = remaining;
    quota.used = this.dailyLimit(mailbox) - remaining;
    quota.windowStart ??= this.time();
  }

  private consumeQuota(mailbox: MailboxState, recipients: number): void {
    // Whether a message with more recipients than the quota left is refused whole is unconfirmed;
    // refusing it is the stricter answer.
    if (recipients > this.remainingQuota(mailbox)) throw gasError(mailMessages.quota);
    mailbox.quota.windowStart ??= this.time();
    mailbox.quota.used += recipients;
  }

  // Writing ----------------------------------------------------------------------------------------

  /** The headers of a message the user writes (a draft until sent). */
  private outgoingHeaders(
    sender: MailboxState,
    c: Composition,
    id: string,
    date: number,
  ): [string, string][] {
    const headers: [string, string][] = [
      ['MIME-Version', '1.0'],
      ['Date', rfc2822Date(date)],
      ['Message-ID', `<CAGf${id}@mail.gmail.com>`],
      ['Subject', c.subject],
      ['From', formatAddress(c.fromName ?? sender.displayName, sender.address)],
    ];
    if (c.to.length) headers.push(['To', c.to.join(', ')]);
    if (c.cc.length) headers.push(['Cc', c.cc.join(', ')]);
    if (c.bcc.length) headers.push(['Bcc', c.bcc.join(', ')]);
    if (c.replyTo) headers.push(['Reply-To', c.replyTo]);
    if (c.inReplyTo) headers.push(['In-Reply-To', c.inReplyTo]);
    if (c.references) headers.push(['References', c.references]);
    headers.push(['Content-Type', contentTypeFor({ id, htmlBody: c.htmlBody })]);
    return headers;
  }

  /** A draft in `thread` (a reply) or in a thread of its own. */
  createDraft(sender: MailboxState, c: Composition, thread: MailThreadState | null): DraftState {
    const id = this.newId();
    const date = this.time();
    const message: MailMessageState = {
      id,
      headers: this.outgoingHeaders(sender, c, id, date),
      date,
      plainBody: c.plainBody,
      htmlBody: c.htmlBody,
      labels: ['DRAFT'],
    };
    if (thread) thread.messages.push(message);
    else sender.threads.push({ id, labels: [], messages: [message] });
    const draft: DraftState = { id: this.newDraftId(), messageId: id };
    sender.drafts.push(draft);
    return draft;
  }

  /** Sends a draft: checks, quota, then Sent (and the inbox when sent to oneself) and delivery. */
  sendDraft(sender: MailboxState, draft: DraftState, via: SentRecord['via']): Located {
    const located = this.locate(sender, draft.messageId);
    if (!located || !sender.drafts.includes(draft)) {
      // Unconfirmed text: what Apps Script says for a draft that was already sent or deleted.
      throw gasError(mailMessages.invalidArgument('draft'));
    }
    const { message } = located;
    const recipients = ['To', 'Cc', 'Bcc'].flatMap((h) => addressesIn(headerValue(message, h)));
    if (recipients.length === 0) throw gasError(mailMessages.noRecipient);
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw gasError(mailMessages.tooManyRecipients);
    const bytes =
      Buffer.byteLength(message.plainBody, 'utf8') + Buffer.byteLength(message.htmlBody ?? '', 'utf8');
    if (bytes > MAX_BODY_BYTES) throw gasError(mailMessages.bodySize);
    this.consumeQuota(sender, recipients.length);

    sender.drafts.splice(sender.drafts.indexOf(draft), 1);
    const date = this.time();
    message.date = date;
    message.headers = message.headers.map(([n, v]) => [n, n === 'Date' ? rfc2822Date(date) : v]);
    message.labels = ['SENT'];
    const toSelf = recipients.some((r) => sameAddress(r, sender.address));
    if (toSelf) this.receive(sender, message, message.headers, 'self');
    const seen = new Set<string>([sender.address.toLowerCase()]);
    for (const recipient of recipients) {
      const key = recipient.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const copy = message.headers.filter(([n]) => n.toLowerCase() !== 'bcc');
      this.receive(this.mailbox(recipient), message, copy, 'copy');
    }
    this.state.sent.push({
      via,
      sender: sender.address,
      from: headerValue(message, 'From'),
      to: headerValue(message, 'To'),
      cc: headerValue(message, 'Cc'),
      bcc: headerValue(message, 'Bcc'),
      replyTo: headerValue(message, 'Reply-To'),
      subject: headerValue(message, 'Subject'),
      plainBody: message.plainBody,
      htmlBody: message.htmlBody,
      date,
      messageId: headerValue(message, 'Message-ID'),
      gmailId: message.id,
      threadId: located.thread.id,
    });
    return { mailbox: sender, thread: this.threadOf(sender, message), message };
  }

  /** Writes and sends at once (MailApp, GmailThread.reply). */
  send(
    sender: MailboxState,
    c: Composition,
    thread: MailThreadState | null,
    via: SentRecord['via'],
  ): Located {
    const draft = this.createDraft(sender, c, thread);
    try {
      return this.sendDraft(sender, draft, via);
    } catch (e) {
      this.discardDraft(sender, draft);
      throw e;
    }
  }

  private discardDraft(mailbox: MailboxState, draft: DraftState): void {
    mailbox.drafts.splice(mailbox.drafts.indexOf(draft), 1);
    const located = this.locate(mailbox, draft.messageId);
    if (!located) return;
    located.thread.messages.splice(located.thread.messages.indexOf(located.message), 1);
    if (located.thread.messages.length === 0)
      mailbox.threads.splice(mailbox.threads.indexOf(located.thread), 1);
  }

  /**
   * Files a sent message in a recipient's mailbox: the sender's own copy when it was sent to oneself,
   * else a new message with its own id, in the thread of the message it answers if that is there.
   */
  private receive(
    mailbox: MailboxState,
    sent: MailMessageState,
    headers: [string, string][],
    mode: 'self' | 'copy',
  ): void {
    const arrived: [string, string][] = [
      ['Delivered-To', mailbox.address],
      ['Authentication-Results', passingAuthResults(headerValue(sent, 'From'))],
    ];
    if (mode === 'self') {
      sent.headers = [...arrived, ...headers];
      sent.labels = ['SENT', 'INBOX'];
      return;
    }
    const message: MailMessageState = {
      id: this.newId(),
      headers: [...arrived, ...headers],
      date: sent.date,
      plainBody: sent.plainBody,
      htmlBody: sent.htmlBody,
      labels: ['INBOX'],
    };
    this.file(mailbox, message);
  }

  /** Puts a received message in the thread of a message it refers to, else in a new thread. */
  file(mailbox: MailboxState, message: MailMessageState, thread?: MailThreadState): MailThreadState {
    const referred = [headerValue(message, 'In-Reply-To'), ...headerValue(message, 'References').split(/\s+/)]
      .filter((id) => id !== '')
      .map((id) => this.locateByMessageId(mailbox, id))
      .find((l) => l !== null);
    const target = thread ?? referred?.thread;
    if (target) {
      target.messages.push(message);
      target.messages.sort((a, b) => a.date - b.date);
      return target;
    }
    const created: MailThreadState = { id: message.id, labels: [], messages: [message] };
    mailbox.threads.push(created);
    return created;
  }
}

function bare(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '').toLowerCase();
}
