import type { Signer } from './audit-log';
import { fromCellText } from './cell-text';
import { text, type TableData } from './table';

/**
 * The outbox: every email the add-on sends is first an intent, a row of the Outbox sheet with a token,
 * then sent, then marked sent. A run cut off anywhere leaves the row pending; the next run looks for the
 * token in the sender's sent mail before sending again, so no email goes twice and none is lost.
 *
 * Tokens are derived from what the email is about (the request, the reply, the reminder's number), so a
 * run that decides the same thing again after a cut-off queues the same intent, and queuing it twice is
 * a no-op.
 */
export const mailKinds = [
  'Request',
  'Reminder',
  'Escalation',
  'Note',
  'Receipt',
  'Reply note',
  'Notification',
  'Summary',
] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * "Pending": written before its send, so it may have gone out (a run cut off after sending it is found
 * in sent mail by the next). "Queued": a run left it for a later one (see mail-pacing.ts) without trying
 * it, so the run that sends it need not look in sent mail first; that run marks it "Pending" again,
 * in a write before it sends.
 */
export const mailStates = ['Pending', 'Queued', 'Sent', 'Not sent', 'Cancelled'] as const;
export type MailState = (typeof mailStates)[number];

/** Whether an email is still to go (or to be found in sent mail): pending, or queued for a later run. */
export function unsent(state: MailState | ''): boolean {
  return state === 'Pending' || state === 'Queued';
}

/** One email to send: what a domain decision outputs. */
export interface MailIntent {
  /** Unique per email and stable across runs (see `mailToken`); carried in the email so sent mail shows it. */
  token: string;
  kind: MailKind;
  /** What it is about (a request ID, a workflow ID), for people reading the Outbox sheet. */
  about: string;
  /** Comma-separated addresses. For a reply in a thread, who it goes to (Gmail's reply-all decides). */
  to: string;
  subject: string;
  plain: string;
  html: string;
  /**
   * For an email in an existing thread (reminders, escalations, receipts, notes): the Gmail ID of that
   * thread, which the reply goes into. Empty for a new message.
   */
  inThread: string;
  /**
   * For a reply in a thread: the lower-case addresses it may reach (the approver and their aliases).
   * Where Gmail's reply would take it to anyone else, it is not sent ("Not sent").
   */
  allowed: readonly string[];
  /** Copied (a reply in a thread: the sponsor on an escalation); empty for none. */
  cc: string;
  /** The sender's display name, e.g. "Morgan Diaz (via AI Plan Workspace)". */
  fromName: string;
}

/** An Outbox row read back. */
export interface OutboxRecord extends MailIntent {
  row: number;
  /** The add-on's signature over what the row sends and to whom (`outboxSeal`). */
  seal: string;
  state: MailState | '';
  /** Whose Gmail sends it: only that person's runs can send it or find it in sent mail. */
  sender: string;
  messageId: string;
  threadId: string;
}

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32

/** `OB-` and twelve characters from an HMAC over what the email is about, e.g. ["Reminder", "AP-…", "1"]. */
export function mailToken(sign: Signer, spreadsheetId: string, about: readonly string[]): string {
  const hex = sign(['outbox', spreadsheetId, ...about].join('\u0001'));
  let bits = '';
  for (const digit of hex.slice(0, 15)) bits += parseInt(digit, 16).toString(2).padStart(4, '0');
  let token = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) token += alphabet[parseInt(bits.slice(i, i + 5), 2)] ?? '0';
  return `OB-${token}`;
}

/**
 * The email as sent: the token goes in a last line of both bodies unless the subject carries it, so a
 * search of sent mail finds it and a person can quote it.
 */
export function withToken(intent: MailIntent): { plain: string; html: string } {
  if (intent.subject.includes(intent.token)) return { plain: intent.plain, html: intent.html };
  return {
    plain: `${intent.plain}\n\nRef. ${intent.token}`,
    html: `${intent.html}<p style="color:#5f6368;font-size:12px">Ref. ${intent.token}</p>`,
  };
}

/** Gmail's query for the sender's sent mail holding the token (subject or body). */
export function sentMailQuery(token: string): string {
  return `in:sent "${token}"`;
}

/** Whether a message is the email of this token, sent by `sender`: the evidence that it went out. */
export function isSentCopy(
  message: { from: string; subject: string; plain: string },
  token: string,
  sender: string,
): boolean {
  const from = message.from.toLowerCase();
  const mine = from === sender || from.endsWith(`<${sender}>`);
  return mine && (message.subject.includes(token) || message.plain.includes(`Ref. ${token}`));
}

export function readOutbox(table: TableData): OutboxRecord[] {
  return table.rows
    .filter(({ cells }) => text(cells['kind']) !== JOURNAL_KIND)
    .map(({ row, cells }): OutboxRecord => {
      const state = text(cells['state']);
      const kind = text(cells['kind']);
      return {
        row,
        token: text(cells['id']),
        kind: ((mailKinds as readonly string[]).includes(kind) ? kind : 'Notification') as MailKind,
        about: text(cells['about']),
        to: text(cells['to']),
        subject: text(cells['subject']),
        // Bodies are kept exactly as written (no trimming): they are what gets sent.
        plain: fromCellText(cells['plain']),
        html: fromCellText(cells['html']),
        inThread: text(cells['inThread']),
        allowed: text(cells['allowed'])
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter((a) => a !== ''),
        cc: text(cells['cc']),
        fromName: text(cells['fromName']),
        seal: text(cells['seal']),
        state: (mailStates as readonly string[]).includes(state) ? (state as MailState) : '',
        sender: text(cells['sender']).toLowerCase(),
        messageId: text(cells['messageId']),
        threadId: text(cells['threadId']),
      };
    })
    .filter((r) => r.token !== '');
}

/** The intents not queued yet (by token), each once: queuing what is already there changes nothing. */
export function newIntents(
  existing: readonly { token: string }[],
  intents: readonly MailIntent[],
): MailIntent[] {
  const seen = new Set(existing.map((r) => r.token));
  return intents.filter((intent) => {
    if (seen.has(intent.token)) return false;
    seen.add(intent.token);
    return true;
  });
}

/**
 * What to do with a pending intent. An intent queued by this very run cannot have gone out yet, so it is
 * sent at once; one left by an earlier run may have gone out before that run was cut off, so sent mail is
 * looked at first: found there, it is recorded as sent; not found, it is sent.
 */
export type Delivery = { kind: 'send' } | { kind: 'look' };

export function deliveryOf(record: Pick<OutboxRecord, 'token'>, queuedNow: ReadonlySet<string>): Delivery {
  return queuedNow.has(record.token) ? { kind: 'send' } : { kind: 'look' };
}

/** The pending intents a user's run may deliver: only their own, since only their Gmail sends them. */
export function pendingFor(records: readonly OutboxRecord[], sender: string): OutboxRecord[] {
  return records.filter((r) => unsent(r.state) && r.sender === sender);
}

/**
 * The Log's journal: the Log events of a run, written in the same Outbox write as its emails and before
 * its other sheets, so a run cut off before its Log append leaves them for the next run to append. A
 * journal row is kind "Log"; its token is noted in the Log head when its events are appended, so they
 * are appended once.
 */
export const JOURNAL_KIND = 'Log';
export const journalStates = ['Pending', 'Logged'] as const;

export interface JournalRecord {
  row: number;
  token: string;
  state: string;
  /** The events as JSON, until they are in the Log. */
  events: string;
  sender: string;
  seal: string;
}

/**
 * The signature over everything a pending row would send, to whom and from whose Gmail (or, for a
 * journal row, the events it would log), made with the document's secret. The sheet is open to
 * editors; a row typed or changed by hand does not verify, so it is never sent nor logged.
 */
export function outboxSeal(
  sign: Signer,
  row: Pick<
    OutboxRecord,
    'token' | 'sender' | 'to' | 'cc' | 'subject' | 'plain' | 'html' | 'inThread' | 'fromName'
  > & {
    kind: string;
    allowed: readonly string[];
  },
): string {
  const fields = [
    'outbox-seal',
    row.token,
    row.kind,
    row.sender,
    row.to,
    row.cc,
    row.subject,
    row.inThread,
    row.allowed.join(','),
    row.fromName,
    row.plain,
    row.html,
  ];
  return sign(fields.join('\u001f')).slice(0, 24);
}

/** The seal of a journal row: over its token, sender and events. */
export function journalSeal(sign: Signer, row: Pick<JournalRecord, 'token' | 'sender' | 'events'>): string {
  return outboxSeal(sign, {
    token: row.token,
    kind: JOURNAL_KIND,
    sender: row.sender,
    to: '',
    cc: '',
    subject: '',
    plain: row.events,
    html: '',
    inThread: '',
    allowed: [],
    fromName: '',
  });
}

export function readJournal(table: TableData): JournalRecord[] {
  return table.rows
    .filter(({ cells }) => text(cells['kind']) === JOURNAL_KIND && text(cells['id']) !== '')
    .map(({ row, cells }) => ({
      row,
      token: text(cells['id']),
      state: text(cells['state']),
      events: fromCellText(cells['plain']),
      sender: text(cells['sender']).toLowerCase(),
      seal: text(cells['seal']),
    }));
}
