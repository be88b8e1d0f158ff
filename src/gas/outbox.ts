import { outbox as outboxTemplate } from '../../sheets-templates/outbox';
import type { LogEvent, Signer } from '../domain/audit-log';
import {
  isSentCopy,
  JOURNAL_KIND,
  journalSeal,
  outboxSeal,
  newIntents,
  pendingFor,
  readJournal,
  readOutbox,
  sentMailQuery,
  withToken,
  type JournalRecord,
  type MailIntent,
  type OutboxRecord,
} from '../domain/outbox';
import { paceDeliveries } from '../domain/mail-pacing';
import { replyInThread, type ParsedLast } from './approval-mail';
import type { AppsScript, GmailMessage, GmailThread, Spreadsheet } from './apps-script';
import { appendToLog, loggedJournals, type Journal } from './audit-log-gateway';
import { whoAmI } from './identity';
import { SheetTable } from './sheet-table';

/** What became of an intent an action delivered (now, or in an earlier run that was cut off). */
export interface Delivered {
  token: string;
  kind: MailIntent['kind'];
  about: string;
  /** Sent, or not: a reply in a thread that Gmail would have taken to someone not allowed. */
  outcome: 'Sent' | 'Not sent';
  /** Empty for a reply in a thread (Gmail's reply does not return the new message). */
  messageId: string;
  threadId: string;
  sent: Date;
}

type Sent = Pick<Delivered, 'messageId' | 'threadId' | 'sent'>;

/** Whether an action may send a pending intent now, should cancel it, or leave it for another action. */
export type Vouch = (record: OutboxRecord) => 'send' | 'cancel' | 'hold';

/**
 * A request, a receipt and an unreadable-reply note are only sent by the approvals flow, which knows
 * whether their Approvals row was recorded; every other email stands on its own.
 */
const byDefault: Vouch = (record) =>
  record.kind === 'Request' || record.kind === 'Receipt' || record.kind === 'Reply note' ? 'hold' : 'send';

/**
 * Threads already read in this run, by thread ID, so a reply into one does not read it again; `last`:
 * its last message as the reply reader parsed it, so where the reply goes is not read again either.
 */
export type ThreadCache = Map<string, HeldThread>;
export interface HeldThread {
  thread: GmailThread;
  messages: GmailMessage[];
  last?: ParsedLast;
}

/**
 * The Outbox sheet, read once per action. An action queues the emails its decision needs (`enqueue`)
 * and journals its Log events (`journal`), writes both in one write (`write`) before anything they
 * follow from, writes its other sheets, appends the journal to the Log (`log`), then calls `deliver`,
 * which sends every pending email of the current user and marks it sent.
 */
export class Outbox {
  private readonly records: OutboxRecord[];
  private readonly journals: JournalRecord[];
  private readonly queuedNow = new Set<string>();
  private readonly journaledNow = new Set<string>();
  /** Rows queued or journaled since the last `write`. */
  private unwritten = false;

  private constructor(
    private readonly gas: AppsScript,
    private readonly spreadsheet: Spreadsheet,
    private readonly table: SheetTable,
    private readonly sender: string,
    private readonly sign: Signer,
  ) {
    this.records = readOutbox(table.data);
    this.journals = readJournal(table.data);
  }

  /** `sign`: the document's signer (localSigner), for the rows' seals. */
  static open(gas: AppsScript, spreadsheet: Spreadsheet, sender: string, sign: Signer): Outbox {
    return new Outbox(
      gas,
      spreadsheet,
      SheetTable.open(spreadsheet, outboxTemplate, ['id', 'state', 'sender']),
      sender,
      sign,
    );
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
      const seal = outboxSeal(this.sign, { ...intent, sender: this.sender });
      const row = this.table.append({
        id: intent.token,
        kind: intent.kind,
        about: intent.about,
        state: 'Pending',
        sender: this.sender,
        to: intent.to,
        cc: intent.cc,
        subject: intent.subject,
        queued: now,
        inThread: intent.inThread,
        allowed: intent.allowed.join(', '),
        fromName: intent.fromName,
        plain: intent.plain,
        html: intent.html,
        seal,
      });
      this.records.push({
        ...intent,
        row,
        seal,
        state: 'Pending',
        sender: this.sender,
        messageId: '',
        threadId: '',
      });
      if (!options.look) this.queuedNow.add(intent.token);
      this.unwritten = true;
    }
  }

  /**
   * Journals Log events: written with the next `write`, appended to the Log by `log` (this run's, or the
   * next run's if this one is cut off in between).
   */
  journal(events: readonly LogEvent[], now: Date): void {
    if (events.length === 0) return;
    const row = this.table.lastRow + 1;
    // Unique among the sheet's rows at any time: the row it takes and the time it was written.
    const token = `LOG-${row}-${now.getTime().toString(36).toUpperCase()}`;
    const json = JSON.stringify(events);
    const seal = journalSeal(this.sign, { token, sender: this.sender, events: json });
    this.table.append({
      id: token,
      kind: JOURNAL_KIND,
      state: 'Pending',
      sender: this.sender,
      queued: now,
      plain: json,
      seal,
    });
    this.journals.push({ row, token, state: 'Pending', events: json, sender: this.sender, seal });
    this.journaledNow.add(token);
    this.unwritten = true;
  }

  /** Whether a journal still waiting for the Log holds this very event (every field alike). */
  holds(event: LogEvent): boolean {
    const same = (e: LogEvent) =>
      e.action === event.action &&
      e.subject === event.subject &&
      e.before === event.before &&
      e.after === event.after &&
      e.note === event.note;
    return this.journals.some((j) => j.state === 'Pending' && parseEvents(j.events).some(same));
  }

  /** Whether a journal still waiting for the Log holds an event of this action about this subject. */
  journaled(action: string, subject: string): boolean {
    return this.journals.some(
      (j) =>
        j.state === 'Pending' &&
        parseEvents(j.events).some((e) => e.action === action && e.subject === subject),
    );
  }

  /**
   * Writes the queued intents and journal: after this, a cut-off run's emails and events are known.
   * Earlier runs' journals that the Log head lists as appended are marked Logged in the same write:
   * an action that sends no email then writes the Outbox once (its own journal is marked by the next).
   */
  write(): void {
    // Only a run that writes rows of its own marks earlier ones: a refused action changes nothing.
    const earlier = this.unwritten
      ? this.journals.filter((j) => j.state === 'Pending' && !this.journaledNow.has(j.token))
      : [];
    const logged =
      earlier.length > 0 ? loggedJournals(this.gas.PropertiesService.getDocumentProperties()) : null;
    for (const journal of earlier.filter((j) => logged?.has(j.token))) this.markLogged(journal);
    this.table.flush(this.gas);
    this.unwritten = false;
  }

  private markLogged(journal: JournalRecord): void {
    journal.state = 'Logged';
    this.table.set(journal.row, 'state', 'Logged');
    this.table.set(journal.row, 'plain', '');
  }

  /**
   * Appends every journal not yet in the Log (this run's, and any a cut-off run left) and marks them
   * logged (written with the Outbox's next write, or found noted in the Log head by the next run).
   */
  log(now: Date): void {
    const pending = this.journals.filter((j) => j.state === 'Pending');
    // A journal row typed or changed by hand is no record of anything: it is never logged.
    for (const forged of pending.filter((j) => j.seal !== journalSeal(this.sign, j))) {
      forged.state = 'Cancelled';
      this.table.set(forged.row, 'state', 'Cancelled');
    }
    const journals: Journal[] = pending
      .filter((j) => j.state === 'Pending')
      .map((j) => ({ token: j.token, events: parseEvents(j.events), own: this.journaledNow.has(j.token) }));
    appendToLog(this.gas, this.spreadsheet, [], now, journals);
    // This run's own journals: written with the emails' marks if this run sends any, else by the next
    // run's `write`. Earlier runs' are marked only by a run that writes rows of its own (`write`), so
    // an action that changes nothing (a refused send) leaves the Outbox as it was.
    for (const journal of pending.filter((j) => j.state === 'Pending' && this.journaledNow.has(j.token)))
      this.markLogged(journal);
  }

  /**
   * The pending emails of the current user that `deliver` would send now and leave for a later run,
   * given the same `vouch` and `allowance` (asked only when there is something to send).
   */
  paced(vouch: Vouch, allowance: () => number): { now: OutboxRecord[]; later: OutboxRecord[] } {
    const sendable = pendingFor(this.records, this.sender).filter(
      (record) => record.seal === outboxSeal(this.sign, record) && vouch(record) === 'send',
    );
    return sendable.length > 0 ? paceDeliveries(sendable, allowance()) : { now: [], later: [] };
  }

  /**
   * Sends each pending email of the current user, looking first in sent mail for one an earlier run
   * may have sent, and records each as sent (one write at the end: an email sent but not yet marked is
   * found in sent mail by the next run). Intents queued since the last `write` are written first, as
   * every email is written before it is sent. `threads`: threads this run has read already. `allowance`: the
   * recipients this run may send to beyond its requests (asked only when there is something to send);
   * the rest is marked "Queued" for a later run (see mail-pacing.ts), in a write before anything is sent.
   */
  deliver(
    now: Date,
    vouch: Vouch = byDefault,
    threads: ThreadCache = new Map(),
    allowance?: () => number,
  ): Delivered[] {
    const sendable: OutboxRecord[] = [];
    // Rows to write after the sends (sent, cancelled, left queued), and before them (a queued row tried).
    let marked = false;
    let staged = false;
    for (const record of pendingFor(this.records, this.sender)) {
      // A row typed or changed by hand would send someone's words from this user's Gmail: never.
      const verdict = record.seal === outboxSeal(this.sign, record) ? vouch(record) : 'cancel';
      if (verdict === 'cancel') {
        this.mark(record, 'Cancelled');
        marked = true;
      } else if (verdict === 'send') sendable.push(record);
    }
    const paced =
      allowance && sendable.length > 0 ? paceDeliveries(sendable, allowance()) : { now: sendable, later: [] };
    // Never tried, so not in sent mail: queued now, or left queued by an earlier run.
    const untried = new Set(
      sendable.filter((r) => r.state === 'Queued' || this.queuedNow.has(r.token)).map((r) => r.token),
    );
    // Left queued: marked with the sends (a run cut off before leaves it pending, looked for next time).
    for (const record of paced.later)
      if (untried.has(record.token) && record.state !== 'Queued') marked = this.setState(record, 'Queued');
    // Tried from here on: written now, so a run cut off after sending it leaves it pending, to be found
    // in sent mail, not queued to be sent again.
    for (const record of paced.now) if (record.state === 'Queued') staged = this.setState(record, 'Pending');
    if (this.unwritten || staged) this.write();
    const delivered: Delivered[] = [];
    for (const record of paced.now) {
      const found = untried.has(record.token) ? null : this.findSent(record, threads);
      const sent = found ?? this.send(record, now, threads);
      const outcome = sent ? 'Sent' : 'Not sent';
      const done = sent ?? { messageId: '', threadId: record.inThread, sent: now };
      this.mark(record, outcome, done);
      marked = true;
      delivered.push({ token: record.token, kind: record.kind, about: record.about, outcome, ...done });
    }
    // The second write of the Outbox in a run, only when an email went out (or was cancelled or left).
    if (marked) this.table.flush(this.gas);
    return delivered;
  }

  /** Sets a row's state (written with the next flush); true, for the caller to note it. */
  private setState(record: OutboxRecord, state: 'Pending' | 'Queued'): true {
    record.state = state;
    this.table.set(record.row, 'state', state);
    return true;
  }

  private mark(record: OutboxRecord, state: 'Sent' | 'Not sent' | 'Cancelled', sent?: Sent) {
    record.state = state;
    this.table.set(record.row, 'state', state);
    // The bodies were only kept to send; the row stays as the record of what went to whom.
    this.table.set(record.row, 'plain', '');
    this.table.set(record.row, 'html', '');
    if (!sent || state !== 'Sent') return;
    record.messageId = sent.messageId;
    record.threadId = sent.threadId;
    this.table.set(record.row, 'sent', sent.sent);
    this.table.set(record.row, 'messageId', sent.messageId);
    this.table.set(record.row, 'threadId', sent.threadId);
  }

  private thread(id: string, threads: ThreadCache): HeldThread | null {
    const known = threads.get(id);
    if (known) return known;
    const thread = this.gas.GmailApp.getThreadById(id);
    if (!thread) return null;
    const read = { thread, messages: thread.getMessages() };
    threads.set(id, read);
    return read;
  }

  /** Sends one intent; null when it was not sent (a reply Gmail would take to someone not allowed). */
  private send(record: OutboxRecord, now: Date, threads: ThreadCache): Sent | null {
    const body = withToken(record);
    if (record.inThread) {
      const read = this.thread(record.inThread, threads);
      if (!read) return null;
      const sent = replyInThread({
        thread: read.thread,
        messages: read.messages,
        last: read.last,
        me: this.sender,
        allowed: record.allowed,
        email: { subject: record.subject, plain: body.plain, html: body.html },
        name: record.fromName,
        ...(record.cc ? { cc: record.cc } : {}),
      });
      // The thread has a new last message now: whoever replies in it next reads it again.
      threads.delete(record.inThread);
      return sent ? { messageId: '', threadId: record.inThread, sent: now } : null;
    }
    const message = this.gas.GmailApp.createDraft(record.to, record.subject, body.plain, {
      htmlBody: body.html,
      name: record.fromName,
      ...(record.cc ? { cc: record.cc } : {}),
    }).send();
    return {
      messageId: message.getId(),
      threadId: message.getThread().getId(),
      sent: new Date(message.getDate().getTime()),
    };
  }

  /** The email of this intent in the user's sent mail, if an earlier run sent it. */
  private findSent(record: OutboxRecord, threads: ThreadCache): Sent | null {
    // A reply is looked for in its own thread, which is read directly (search can lag behind).
    const messages: GmailMessage[] = record.inThread
      ? (this.thread(record.inThread, threads)?.messages ?? [])
      : this.gas.GmailApp.search(sentMailQuery(record.token), 0, 5).flatMap((t) => t.getMessages());
    const copy = messages.find((m) =>
      isSentCopy(
        { from: m.getFrom(), subject: m.getSubject(), plain: m.getPlainBody() },
        record.token,
        this.sender,
      ),
    );
    if (!copy) return null;
    return {
      messageId: record.inThread ? '' : copy.getId(),
      threadId: record.inThread || copy.getThread().getId(),
      sent: new Date(copy.getDate().getTime()),
    };
  }
}

function parseEvents(json: string): LogEvent[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((e: unknown) => {
      if (typeof e !== 'object' || e === null) return [];
      const f = (k: string) => {
        const v = (e as Record<string, unknown>)[k];
        return typeof v === 'string' ? v : '';
      };
      return [
        {
          who: f('who'),
          action: f('action'),
          subject: f('subject'),
          before: f('before'),
          after: f('after'),
          note: f('note'),
        },
      ];
    });
  } catch {
    return [];
  }
}

/**
 * Commits an action that records something that gates a step (the pilot's state, a decision), with the
 * emails it decided (`mail`: the pilot's notifications): its emails and Log events go to the Outbox
 * first, then its sheets are written (`write`), then the journal goes to the Log, then every pending
 * email of the user is sent — this action's, and any a cut-off run left. A run cut off anywhere leaves
 * the events and emails for the next action to complete. A workspace without the Outbox (set up before
 * it) logs directly and sends nothing.
 */
export function commitJournaled(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  sign: Signer,
  events: readonly LogEvent[],
  now: Date,
  write: () => void,
  mail: readonly MailIntent[] = [],
  options: { again?: boolean } = {},
): void {
  if (events.length === 0 || !spreadsheet.getSheetByName(outboxTemplate.name)) {
    write();
    appendToLog(gas, spreadsheet, events, now);
    return;
  }
  const outbox = Outbox.open(gas, spreadsheet, whoAmI(gas).email.toLowerCase(), sign);
  outbox.enqueue(mail, now);
  // `again`: a decision a cut-off run may have journaled already (its sheet write lost): its events,
  // still waiting in that run's journal, are not journaled a second time.
  outbox.journal(options.again ? events.filter((e) => !outbox.holds(e)) : events, now);
  outbox.write();
  write();
  outbox.log(now);
  outbox.deliver(now);
}

/**
 * Sends the current user's pending emails left by a run that was cut off, for an action that records
 * nothing (a refused decision tried again): their notifications go out now rather than at their next
 * recorded action.
 */
export function deliverPending(gas: AppsScript, spreadsheet: Spreadsheet, sign: Signer, now: Date): void {
  if (!spreadsheet.getSheetByName(outboxTemplate.name)) return;
  Outbox.open(gas, spreadsheet, whoAmI(gas).email.toLowerCase(), sign).deliver(now);
}
