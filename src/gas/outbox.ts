import { outbox as outboxTemplate } from '../../sheets-templates/outbox';
import {
  isSentCopy,
  newIntents,
  pendingFor,
  readOutbox,
  sentMailQuery,
  withToken,
  type MailIntent,
  type OutboxRecord,
} from '../domain/outbox';
import type { AppsScript, GmailMessage, Spreadsheet } from './apps-script';
import { SheetTable } from './sheet-table';

const SENDER_NAME = 'AI Plan Workspace';

/** What became of an intent that went out (now or in an earlier run that was cut off). */
export interface Delivered {
  token: string;
  kind: MailIntent['kind'];
  about: string;
  /** Empty for a reply in a thread (Gmail's reply does not return the new message). */
  messageId: string;
  threadId: string;
  sent: Date;
}

/** Whether an action may send a pending intent now, should cancel it, or leave it for another action. */
export type Vouch = (record: OutboxRecord) => 'send' | 'cancel' | 'hold';

/**
 * A request is only sent by the approvals flow, which knows whether its Approvals row was recorded; every
 * other email stands on its own.
 */
const byDefault: Vouch = (record) => (record.kind === 'Request' ? 'hold' : 'send');

/**
 * The Outbox sheet, read once per action. An action queues the emails its decision needs (`enqueue`),
 * writes them (`write`) before anything they follow from, writes its other sheets and the Log, then
 * calls `deliver`, which sends every pending email of the current user and marks it sent.
 */
export class Outbox {
  private readonly records: OutboxRecord[];
  private readonly queuedNow = new Set<string>();

  private constructor(
    private readonly gas: AppsScript,
    private readonly table: SheetTable,
    private readonly sender: string,
  ) {
    this.records = readOutbox(table.data);
  }

  static open(gas: AppsScript, spreadsheet: Spreadsheet, sender: string): Outbox {
    return new Outbox(gas, SheetTable.open(spreadsheet, outboxTemplate, ['id', 'state', 'sender']), sender);
  }

  /** Every record, as read and queued (for recovery decisions by the caller). */
  get all(): readonly OutboxRecord[] {
    return this.records;
  }

  find(token: string): OutboxRecord | undefined {
    return this.records.find((r) => r.token === token);
  }

  /**
   * Queues intents not queued before (by token); nothing is written until `write`. `look`: the email may
   * have gone out already (it is queued again to repair a cut-off run), so sent mail is looked at first.
   */
  enqueue(intents: readonly MailIntent[], now: Date, options: { look?: boolean } = {}): void {
    for (const intent of newIntents(this.records, intents)) {
      const row = this.table.append({
        id: intent.token,
        kind: intent.kind,
        about: intent.about,
        state: 'Pending',
        sender: this.sender,
        to: intent.to,
        subject: intent.subject,
        queued: now,
        inReplyTo: intent.inReplyTo,
        plain: intent.plain,
        html: intent.html,
      });
      this.records.push({
        ...intent,
        row,
        state: 'Pending',
        sender: this.sender,
        messageId: '',
        threadId: '',
      });
      if (!options.look) this.queuedNow.add(intent.token);
    }
  }

  /** Writes the queued intents: after this, a cut-off run's emails are known to the next run. */
  write(): void {
    this.table.flush(this.gas);
  }

  /**
   * Sends each pending email of the current user, looking first in sent mail for one an earlier run
   * may have sent, and records each as sent (one write at the end: an email sent but not yet marked is
   * found in sent mail by the next run).
   */
  deliver(now: Date, vouch: Vouch = byDefault): Delivered[] {
    this.write();
    const delivered: Delivered[] = [];
    let changed = false;
    for (const record of pendingFor(this.records, this.sender)) {
      const verdict = vouch(record);
      if (verdict === 'hold') continue;
      changed = true;
      if (verdict === 'cancel') {
        this.mark(record, 'Cancelled');
        continue;
      }
      const found = this.queuedNow.has(record.token) ? null : this.findSent(record);
      const sent = found ?? this.send(record, now);
      this.mark(record, 'Sent', sent);
      delivered.push({ token: record.token, kind: record.kind, about: record.about, ...sent });
    }
    if (changed) this.table.flush(this.gas);
    return delivered;
  }

  private mark(
    record: OutboxRecord,
    state: 'Sent' | 'Cancelled',
    sent?: Omit<Delivered, 'token' | 'kind' | 'about'>,
  ) {
    record.state = state;
    this.table.set(record.row, 'state', state);
    // The bodies were only kept to send; the row stays as the record of what went to whom.
    this.table.set(record.row, 'plain', '');
    this.table.set(record.row, 'html', '');
    if (!sent) return;
    record.messageId = sent.messageId;
    record.threadId = sent.threadId;
    this.table.set(record.row, 'sent', sent.sent);
    this.table.set(record.row, 'messageId', sent.messageId);
    this.table.set(record.row, 'threadId', sent.threadId);
  }

  private send(record: OutboxRecord, now: Date): Omit<Delivered, 'token' | 'kind' | 'about'> {
    const { GmailApp } = this.gas;
    const body = withToken(record);
    if (record.inReplyTo) {
      const thread = GmailApp.getMessageById(record.inReplyTo).getThread();
      thread.replyAll(body.plain, { htmlBody: body.html, name: SENDER_NAME });
      return { messageId: '', threadId: thread.getId(), sent: now };
    }
    const message = GmailApp.createDraft(record.to, record.subject, body.plain, {
      htmlBody: body.html,
      name: SENDER_NAME,
    }).send();
    return {
      messageId: message.getId(),
      threadId: message.getThread().getId(),
      sent: new Date(message.getDate().getTime()),
    };
  }

  /** The email of this intent in the user's sent mail, if an earlier run sent it. */
  private findSent(record: OutboxRecord): Omit<Delivered, 'token' | 'kind' | 'about'> | null {
    const { GmailApp } = this.gas;
    // A reply is looked for in its own thread, which is read directly (search can lag behind).
    const messages: GmailMessage[] = record.inReplyTo
      ? GmailApp.getMessageById(record.inReplyTo).getThread().getMessages()
      : GmailApp.search(sentMailQuery(record.token), 0, 5).flatMap((t) => t.getMessages());
    const copy = messages.find((m) =>
      isSentCopy(
        { from: m.getFrom(), subject: m.getSubject(), plain: m.getPlainBody() },
        record.token,
        this.sender,
      ),
    );
    if (!copy) return null;
    return {
      messageId: record.inReplyTo ? '' : copy.getId(),
      threadId: copy.getThread().getId(),
      sent: new Date(copy.getDate().getTime()),
    };
  }
}
