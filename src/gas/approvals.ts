import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { scores as scoresTemplate } from '../../sheets-templates/scores';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import {
  readApprovalChain,
  readershipOfPerson,
  type ApprovalChain,
  type ApprovalStep,
  type Approver,
} from '../domain/approval-chain';
import { requestEmail, type Person } from '../domain/approval-email';
import { requestFacts } from '../domain/request-facts';
import { cannotSend as sendGate } from '../domain/approval-gate';
import { chase, readTiming, type ApprovalTiming } from '../domain/approval-chase';
import {
  receiptEmail,
  stoppedEmail,
  unreadableEmail,
  type CountedDecision,
  type RequestRef,
} from '../domain/approval-notices';
import { chainProgress, type ChainProgress } from '../domain/approval-flow';
import {
  approvalRow,
  approvalSeal,
  isPending,
  readApprovals,
  verifyApprovals,
  type ApprovalRecord,
} from '../domain/approval-records';
import type { LogEvent, Signer } from '../domain/audit-log';
import { RECIPIENTS_PER_RUN } from '../domain/mail-pacing';
import { mailToken, pendingFor, type MailIntent, type OutboxRecord } from '../domain/outbox';
import { senderName } from '../domain/email-layout';
import type { Readership } from '../domain/messages/catalogue';
import { unwrittenFields } from '../domain/pilot-plan';
import { AUTO_REPLY_REASON } from '../domain/reply-reader';
import { decideReply } from '../domain/reply-decision';
import { checkMessage, nextStepDue, requestsToRead } from '../domain/reply-check';
import { repairOf, stillWanted } from '../domain/request-repair';
import { awaitingSend, withSentIds } from '../domain/request-delivery';
import { noticeAction, noticeDecided, noticeOutcome } from '../domain/notice-outcome';
import { replyRoute, routeAllowed } from '../domain/reply-route';
import { staleMarking } from '../domain/stale-approvals';
import { withUncounted } from '../domain/uncounted-replies';
import { requestToken, tokenInSubject } from '../domain/request-token';
import { assessWorkflow, type WorkflowResult } from '../domain/scoring';
import { text, type TableData } from '../domain/table';
import { readScores, readWeights } from '../domain/workflow-records';
import type { ApprovalResult } from '../shared/approvals';
import { checkReviewInput } from '../domain/review-input';
import { approvalBoardFrom, notSetUpBoard, type ApprovalBoard } from '../domain/approval-board';
import { settleHandEdits } from '../domain/approval-edits';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, Spreadsheet } from './apps-script';
import { localSigner } from './document-secret';
import { withDocumentLock } from './document-lock';
import type * as entryPoints from './main';
import { planState, type PlanState } from './governance';
import { displayName, whoAmI } from './identity';
import { Outbox, type Delivered, type ThreadCache } from './outbox';
import { newMessages, type NewMessage } from './reply-inbox';
import { parsedAddressing } from './approval-mail';
import { SheetTable } from './sheet-table';
import { PlanCopies } from './plan-copies';
import { quoted, refusedForLength } from '../domain/input-caps';
import { noteWaiting } from './waiting-list';
import { timeZoneOf } from './local-time';
import { sheetByName } from './sheet-reads';

/**
 * Phase 2, approvals: requests sent from the requester's Gmail, one per approver of the current step,
 * answered by replying. The Approvals sheet is the record: a row is written ("Sent") before its email
 * goes, once, and the Outbox row that sends the email holds its Gmail IDs; every reply read is
 * remembered by message ID, so a run cut short is completed by the next one without sending twice or
 * counting a reply twice.
 */

/** The entry point the hourly trigger runs; typed against the entry file so a rename cannot break it. */
export const HOURLY_CHECK: keyof typeof entryPoints = 'checkApprovalRepliesHourly';
/** A trigger run stops taking on new requests after this, well inside Apps Script's 6 minutes. */
const RUN_BUDGET_MS = 4 * 60 * 1000;

interface Context {
  gas: AppsScript;
  spreadsheet: Spreadsheet;
  me: string;
  now: Date;
  plan: PlanState;
  chain: ApprovalChain;
  timing: ApprovalTiming;
  table: SheetTable;
  /** The Due column as the sheet shows it (the spreadsheet's days), read once. */
  dueShown: ReadonlyMap<number, string>;
  settings: TableData;
  /** The selected workflow as the team's scores stand now. */
  assessment: WorkflowResult | null;
  records: ApprovalRecord[];
  events: LogEvent[];
  /** The spreadsheet's link and time zone, each asked once per run, when first needed. */
  sheetUrl: () => string;
  spreadsheetId: () => string;
  timeZone: () => string;
  /** Threads read in this run, by thread ID, so a reply queued here does not read them again. */
  threads: ThreadCache;
  /** "row|receipt", "row|note": marked "Sending" by this run, so nothing of theirs has gone yet. */
  marked: Set<string>;
  /** Receipts and notes this run recorded as "Sent", by token: one the pacing leaves for later is not. */
  noticed: Map<string, { row: number; kind: 'receipt' | 'note'; event: LogEvent }>;
  sign: Signer;
  /** The emails decided so far, queued in the Outbox before anything they follow from is written. */
  mail: MailIntent[];
  /** The Plan versions sheet, read when a request is first decided in this run. */
  copies: () => PlanCopies;
  /** The checklist brought in step, written with the run's first commit (null once written, or in a view). */
  planWrite: (() => void) | null;
  /** The Outbox's rows, once the action opened it: sent requests' Gmail IDs are there (request-delivery.ts). */
  delivered: readonly OutboxRecord[];
}

function once<T>(get: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: get() }).v;
}

/**
 * `write`: an action, which signs what it writes and brings the checklist in step in the sheet with its
 * commit; a view only computes them.
 */
function open(gas: AppsScript, spreadsheet: Spreadsheet, me: string, now: Date, write = true): Context {
  const plan = planState(gas, spreadsheet, me);
  const settings = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']);
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  const chain = plan.selected
    ? readApprovalChain(settings.data, plan.selected)
    : { steps: [], problems: ['No workflow is selected.'] };
  const dueShown = table.displayed('due');
  const sign = localSigner(gas, write);
  return {
    gas,
    spreadsheet,
    me,
    now,
    plan,
    chain,
    timing: readTiming(settings.data),
    table,
    dueShown,
    settings: settings.data,
    assessment: plan.selected?.id ? assess(spreadsheet, plan.selected.id, settings.data) : null,
    records: verifyApprovals(readApprovals(table.data, dueShown), sign),
    events: [],
    threads: new Map(),
    marked: new Set(),
    noticed: new Map(),
    sign,
    mail: [],
    sheetUrl: once(() => spreadsheet.getUrl()),
    spreadsheetId: once(() => spreadsheet.getId()),
    timeZone: () => timeZoneOf(spreadsheet),
    copies: once(() => PlanCopies.open(gas, spreadsheet)),
    planWrite: write ? plan.write : null,
    delivered: [],
  };
}

/** The action's Outbox, whose rows hold the Gmail IDs of the requests it sent. */
function attach(ctx: Context, outbox: Outbox): void {
  ctx.delivered = outbox.all;
  reread(ctx);
}

/** The selected workflow's consensus, total, band and eligibility from the Scores sheet as it is. */
function assess(spreadsheet: Spreadsheet, workflowId: string, settings: TableData): WorkflowResult {
  const scores = SheetTable.open(spreadsheet, scoresTemplate, ['workflowId', 'scorer']);
  const read = readScores(scores.data, new Set([workflowId]));
  return assessWorkflow(workflowId, read.scores, readWeights(settings).weights);
}

/** Rows read from the sheet keep the days it showed; rows written in this run carry their own. */
function reread(ctx: Context): void {
  const records = verifyApprovals(readApprovals(ctx.table.current(), ctx.dueShown), ctx.sign);
  ctx.records = withSentIds(records, ctx.delivered);
}

/**
 * Changes a request row and seals it again: every change the add-on makes to a row's gated fields is
 * sealed with them, so only a change made by hand shows as one.
 */
function update(ctx: Context, row: number, changes: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(changes)) ctx.table.set(row, key, value);
  const cells = Object.fromEntries(ctx.table.template.columns.map((c) => [c.key, ctx.table.get(row, c.key)]));
  ctx.table.set(row, 'seal', approvalSeal(ctx.sign, approvalRow(row, cells)));
}

/** A token for an email about `about` (stable across runs, so a re-decided email is queued once). */
function tokenFor(ctx: Context, about: readonly string[]): string {
  return mailToken(ctx.sign, ctx.spreadsheetId(), about);
}

/** Rows edited by hand (decided in approval-edits.ts): logged once and written back as the add-on recorded them. */
function settleEdits(ctx: Context): void {
  if (!ctx.records.some((r) => r.tampered)) return;
  const settled = settleHandEdits(readApprovals(ctx.table.current(), ctx.dueShown), ctx.records, ctx.me);
  for (const { row, changes } of settled.rows) update(ctx, row, changes);
  ctx.events.push(...settled.events);
  reread(ctx);
}

function progressOf(ctx: Context): ChainProgress | null {
  const { selected, version } = ctx.plan;
  if (!selected?.id || !version) return null;
  return chainProgress(ctx.chain, ctx.records, selected.id, version);
}

/** Marks requests for an older plan version stale: the plan they approved has changed. */
function markStale(ctx: Context): void {
  const { selected, version } = ctx.plan;
  if (!selected?.id || !version) return;
  const { rows, events } = staleMarking(ctx.records, selected.id, version, ctx.me);
  for (const row of rows) update(ctx, row, { status: 'Stale' });
  ctx.events.push(...events);
  reread(ctx);
}

const day = (gas: AppsScript, spreadsheet: Spreadsheet, date: Date) =>
  gas.Utilities.formatDate(date, timeZoneOf(spreadsheet), 'yyyy-MM-dd');

/** Why "Send" cannot send now, or null (decided in the domain). */
function cannotSend(ctx: Context, progress: ChainProgress | null): string | null {
  return sendGate({
    selected: ctx.plan.selected,
    assessment: ctx.assessment,
    ready: ctx.plan.ready,
    unwritten: unwrittenFields(ctx.plan.pilot),
    chainProblems: ctx.chain.problems,
    progress,
  });
}

/** The requester as approvers read them: their name and role from Settings, their address. */
function requesterOf(ctx: Context): Person {
  const person = ctx.plan.roles.people.find((p) => p.email.toLowerCase() === ctx.me);
  return { name: person?.name ?? '', role: person?.role ?? '', email: ctx.me };
}

/** "Morgan Diaz (via AI Plan Workspace)": the requester's own name over their own address. */
function fromName(ctx: Context): string {
  const me = requesterOf(ctx);
  return senderName(me.name || me.email.split('@')[0] || '');
}

const decisionOf = (record: ApprovalRecord): CountedDecision | null =>
  record.decision === 'Approve' || record.decision === 'Reject' || record.decision === 'Changes'
    ? record.decision
    : null;

function refOf(ctx: Context, record: ApprovalRecord): RequestRef {
  return {
    token: record.id,
    planVersion: record.planVersion,
    workflow: ctx.plan.selected?.id === record.workflowId ? ctx.plan.selected.name : record.workflowId,
    due: record.due,
    sheetUrl: ctx.sheetUrl(),
  };
}

/** The approver a request was sent to, as the chain names them now (for their language and aliases). */
function approverOf(ctx: Context, record: ApprovalRecord): Approver | undefined {
  return ctx.chain.steps
    .find((s) => s.number === record.step)
    ?.approvers.find((a) => a.email === record.approver);
}

const readershipOf = (ctx: Context, email: string): Readership => readershipOfPerson(ctx.settings, email);

/**
 * Queues one request email per approver, each with its row written as "Sent" (at this run's time);
 * `finish` writes the emails to the Outbox, the rows, the Log, then sends. The row is written once,
 * before its email goes: the Outbox row holds the email's Gmail IDs once it went (request-delivery.ts).
 */
function sendStep(
  ctx: Context,
  step: ApprovalStep,
  approvers: readonly Approver[],
  progress: ChainProgress,
): string | null {
  const { gas, plan } = ctx;
  const selected = plan.selected;
  if (!selected?.id || !plan.version) return 'Nothing to send.';
  const quota = gas.MailApp.getRemainingDailyQuota();
  if (quota < approvers.length) {
    return `Gmail allows ${quota} more ${quota === 1 ? 'recipient' : 'recipients'} today and this step needs ${approvers.length}. Nothing was sent; try again tomorrow.`;
  }
  const spreadsheetId = ctx.spreadsheetId();
  // The plan as sent, kept before its requests: a request sent again later says what changed since.
  if (plan.canonical)
    ctx.copies().keep({ workflowId: selected.id, version: plan.version, canonical: plan.canonical }, ctx.now);
  const due = day(gas, ctx.spreadsheet, new Date(ctx.now.getTime() + ctx.timing.escalationDays * 86400000));
  for (const approver of approvers) {
    const details = [
      selected.id,
      plan.version,
      String(step.number),
      approver.email,
      String(ctx.records.length),
    ];
    const token = requestToken(ctx.sign, spreadsheetId, details);
    const row = ctx.table.append({
      id: token,
      workflowId: selected.id,
      step: step.number,
      role: approver.role,
      approver: approver.email,
      planVersion: plan.version,
      due,
      reminders: 0,
      requestedBy: ctx.me,
    });
    update(ctx, row, { status: 'Sent', sent: ctx.now });
    reread(ctx);
    const intent = requestIntent(ctx, { id: token, due }, step, approver, progress);
    if (intent) ctx.mail.push(intent);
    ctx.events.push({
      who: ctx.me,
      action: 'Approval requested',
      subject: token,
      before: '',
      after: `${approver.role}, step ${step.number}, plan ${plan.version}`,
      note: '',
    });
  }
  noteWaiting(gas, ctx.spreadsheet, true, ctx.now);
  return null;
}

const intentsOf = (intent: MailIntent | null): MailIntent[] => (intent ? [intent] : []);

/** The request email of one request row, as an Outbox intent. */
function requestIntent(
  ctx: Context,
  request: { id: string; due: string },
  step: ApprovalStep,
  approver: Approver,
  progress: ChainProgress,
): MailIntent | null {
  const { gas, plan } = ctx;
  const selected = plan.selected;
  if (!selected?.id || !plan.version) return null;
  const since = plan.canonical
    ? ctx
        .copies()
        .since(
          ctx.records,
          { workflowId: selected.id, step: step.number, role: approver.role },
          { version: plan.version, canonical: plan.canonical },
        )
    : null;
  const facts = requestFacts({
    request,
    workflow: selected,
    version: plan.version,
    step,
    approver,
    progress,
    requester: requesterOf(ctx),
    sponsor: plan.roles.personFor('Executive sponsor'),
    dataVerifiedBy: plan.dataSigner,
    pilot: plan.pilot,
    assessment: ctx.assessment,
    since,
    day: (date) => day(gas, ctx.spreadsheet, date),
    timing: ctx.timing,
    sheetUrl: ctx.sheetUrl(),
  });
  const email = requestEmail(facts);
  return {
    token: request.id,
    kind: 'Request',
    about: request.id,
    to: approver.email,
    cc: '',
    subject: email.subject,
    plain: email.plain,
    html: email.html,
    inThread: '',
    allowed: [],
    fromName: fromName(ctx),
  };
}

/** Records in their rows request emails a run from before left at "Sending" that went out. */
function recordDelivered(ctx: Context, delivered: readonly Delivered[]): void {
  for (const sent of delivered.filter((d) => d.kind === 'Request')) {
    const record = ctx.records.find((r) => r.id === sent.token);
    if (!record || record.status !== 'Sending') continue;
    update(ctx, record.row, {
      status: 'Sent',
      sent: sent.sent,
      messageId: sent.messageId,
      threadId: sent.threadId,
    });
  }
  reread(ctx);
}

/**
 * Requests whose email has not gone as far as the rows say (request-delivery.ts): written "Sent"
 * with their email still in the Outbox, or left at "Sending" by a run from before. A pending email is
 * sent by `finish` (after a look in sent mail); one a run from before sent is recorded in its row. A
 * row whose email is not in the Outbox (removed by hand) is queued again when it still matches the
 * plan — `deliver` looks in sent mail first — and cancelled otherwise, as is one whose email the
 * Outbox cancelled.
 */
function repairSending(ctx: Context, outbox: Outbox): void {
  const stuck = ctx.records.filter((r) => awaitingSend(r) && r.requestedBy === ctx.me);
  if (stuck.length === 0) return;
  const progress = progressOf(ctx);
  for (const record of stuck) {
    const queued = outbox.find(record.id);
    const line = progress?.steps.find((s) => s.step.number === record.step);
    const approver = line?.step.approvers.find((a) => a.email === record.approver);
    const repair = repairOf(queued ? queued.state : null, {
      current: record.planVersion === ctx.plan.version && record.workflowId === ctx.plan.selected?.id,
      approverInChain: !!approver,
    });
    if (repair === 'wait') continue;
    if (repair === 'record sent' && queued)
      recordDelivered(ctx, [
        {
          token: queued.token,
          kind: 'Request',
          about: queued.about,
          outcome: 'Sent',
          messageId: queued.messageId,
          threadId: queued.threadId,
          sent: ctx.now,
        },
      ]);
    else if (repair === 'queue again' && line && approver && progress)
      outbox.enqueue(intentsOf(requestIntent(ctx, record, line.step, approver, progress)), ctx.now, {
        look: true,
      });
    else {
      update(ctx, record.row, { status: 'Cancelled' });
      ctx.events.push({
        who: ctx.me,
        action: 'Approval request not sent',
        subject: record.id,
        before: record.status,
        after: 'Cancelled',
        note: 'The email never went out, and the request no longer matches the plan.',
      });
    }
  }
  reread(ctx);
}

/**
 * Makes sure the hourly check is installed, from every action that leaves requests waiting: one whose
 * installation failed is retried by the next. A failure here never undoes the action's work; it is
 * reported in the execution log and tried again next time.
 */
export function ensureHourlyCheck(gas: AppsScript): void {
  try {
    if (gas.ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === HOURLY_CHECK)) return;
    gas.ScriptApp.newTrigger(HOURLY_CHECK).timeBased().everyHours(1).create();
  } catch (error) {
    console.warn(
      `The hourly reply check could not be installed; the next action tries again: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Records what one new message in a request's thread says (see reply-inbox.ts for how new messages are
 * found). Only the named approver's reply counts, Gmail's first Authentication-Results verdict included;
 * anything else is logged as not counted. `statuses` carries each request's status through the run, as
 * a second reply may follow a first. Everything is read from the message's raw content, fetched once.
 */
function readMessage(
  ctx: Context,
  record: ApprovalRecord,
  approver: Approver | undefined,
  item: NewMessage,
  statuses: Map<number, string>,
): void {
  if (record.threadId) ctx.threads.set(record.threadId, { thread: item.thread, messages: item.messages });
  const decision = decideReply({
    record,
    status: statuses.get(record.row) ?? record.status,
    approver,
    me: ctx.me,
    id: item.id,
    parsed: () => item.parsed(),
    plainBody: () => item.message.getPlainBody(),
    date: () => new Date(item.message.getDate().getTime()),
  });
  if (decision.kind === 'closed') return;
  const parsed = item.parsed();
  // The thread's last message, parsed: a receipt or note into the thread needs no more reads to route.
  if (record.threadId && item.message === item.messages[item.messages.length - 1])
    ctx.threads.set(record.threadId, {
      thread: item.thread,
      messages: item.messages,
      last: { message: item.message, addressing: parsed.addressing },
    });
  // The mark moves past every message read, our own reminders and receipts too (passed over), so no
  // run reads one of them again.
  ctx.table.set(record.row, 'checkedThrough', item.id);
  if (decision.kind === 'own') return;
  ctx.events.push(decision.event);
  if (decision.kind === 'not counted') {
    if (ctx.table.has('uncounted')) {
      const cell = withUncounted(text(ctx.table.get(record.row, 'uncounted')), {
        when: ctx.gas.Utilities.formatDate(parsed.date ?? ctx.now, ctx.timeZone(), 'yyyy-MM-dd HH:mm'),
        from: decision.from,
        reason: decision.reason,
        text: parsed.text ?? '',
      });
      ctx.table.set(record.row, 'uncounted', cell);
    }
    return;
  }
  if (decision.kind === 'after approval') return;
  statuses.set(record.row, decision.status);
  update(ctx, record.row, decision.changes);
  queueNotice(ctx, record, decision.unreadable);
  tellRequester(ctx, record, approver, decision.decision, decision.reading.comment, item.id);
}

/**
 * Marks the notice a reply earns as "Sending", in the same row write as the decision: a receipt for a
 * counted decision, or (once per request) the note for a reply that could not be read. Its email is
 * queued in the Outbox by `queueNotices`. An automatic reply earns nothing: nobody is there to read a
 * note. A workspace without the columns (not set up since they were added) sends neither.
 */
function queueNotice(ctx: Context, record: ApprovalRecord, unreadable: string | null): void {
  if (unreadable === null) {
    if (!ctx.table.has('receipt')) return;
    ctx.table.set(record.row, 'receipt', 'Sending');
    ctx.marked.add(`${record.row}|receipt`);
    // A clear answer after an unreadable one, in the same run: the note would only confuse.
    if (ctx.table.get(record.row, 'note') === 'Sending') ctx.table.set(record.row, 'note', record.note);
    return;
  }
  if (!ctx.table.has('note') || record.note !== '' || unreadable === AUTO_REPLY_REASON) return;
  ctx.table.set(record.row, 'note', 'Sending');
  ctx.marked.add(`${record.row}|note`);
}

const noticeKinds = { receipt: 'Receipt', note: 'Reply note' } as const;

/** The Outbox token of a request's receipt (one per counted reply) or unreadable-reply note (one). */
function noticeToken(ctx: Context, record: ApprovalRecord, kind: 'receipt' | 'note'): string {
  return kind === 'receipt'
    ? tokenFor(ctx, ['Receipt', record.id, record.replyMessageId])
    : tokenFor(ctx, ['Reply note', record.id]);
}

/**
 * The receipts and notes marked "Sending". One this run decided goes into its row now, with the
 * decision, as it will end (notice-outcome.ts): "Sent", its email queued in the Outbox, in the request's
 * thread, to the approver and their aliases only; "Not sent" when the thread's last message, as the
 * reader parsed it, would take it to anyone else. One left by a run from before is queued when the
 * Outbox lacks it (looked for in the thread first) and recorded once the Outbox has settled it (sent,
 * or not sent because Gmail would have taken it to someone else), logged unless a journal waiting for
 * the Log has it.
 */
function settleNotices(ctx: Context, outbox: Outbox): void {
  for (const record of ctx.records.filter((r) => r.requestedBy === ctx.me)) {
    for (const kind of ['receipt', 'note'] as const) {
      if (record[kind] !== 'Sending') continue;
      const token = noticeToken(ctx, record, kind);
      const queued = outbox.find(token);
      const decidedNow = ctx.marked.has(`${record.row}|${kind}`);
      const settled =
        queued &&
        noticeOutcome(
          kind,
          record,
          queued.state,
          () => outbox.journaled(noticeAction[kind], record.id),
          ctx.me,
        );
      if (settled) {
        ctx.table.set(record.row, kind, settled.state);
        if (settled.event) ctx.events.push(settled.event);
        continue;
      }
      if (queued && !decidedNow) continue;
      const approver = approverOf(ctx, record);
      // A reply in the thread takes the thread's own subject ("Re: …").
      const email = noticeEmail(ctx, record, kind, approver, '');
      if (!email) {
        ctx.table.set(record.row, kind, 'Not sent');
        continue;
      }
      const allowed = approver ? [approver.email, ...approver.aliases] : [];
      if (decidedNow) {
        const decided = noticeDecided(kind, record, reaches(ctx, record, allowed), ctx.me);
        ctx.table.set(record.row, kind, decided.state);
        ctx.events.push(decided.event);
        if (decided.state !== 'Sent') continue;
        ctx.noticed.set(token, { row: record.row, kind, event: decided.event });
      }
      outbox.enqueue(
        [
          {
            token,
            kind: noticeKinds[kind],
            about: record.id,
            to: record.approver,
            cc: '',
            subject: email.subject,
            plain: email.plain,
            html: email.html,
            inThread: record.threadId,
            allowed,
            fromName: fromName(ctx),
          },
        ],
        ctx.now,
        { look: !decidedNow },
      );
    }
  }
  reread(ctx);
}

/**
 * Whether a reply into the request's thread would reach only `allowed`, from the thread's last message
 * as the reply reader parsed it in this run; null when this run did not parse it (the send decides).
 */
function reaches(ctx: Context, record: ApprovalRecord, allowed: readonly string[]): boolean | null {
  const held = ctx.threads.get(record.threadId);
  const last = held ? parsedAddressing(held.messages, held.last, ctx.me) : null;
  return last ? routeAllowed(replyRoute(last, ctx.me), allowed, '') : null;
}

function noticeEmail(
  ctx: Context,
  record: ApprovalRecord,
  kind: 'receipt' | 'note',
  approver: Approver | undefined,
  subject: string,
) {
  const readership = approver?.language ?? readershipOf(ctx, record.approver);
  const ref = refOf(ctx, record);
  if (kind === 'note') return unreadableEmail(readership, ref, requesterOf(ctx), subject);
  const decision = decisionOf(record);
  if (!decision || !record.decided) return null;
  // The time as the district reads it: the spreadsheet's zone ("2026-12-02 09:14").
  const [day = '', time = ''] = ctx.gas.Utilities.formatDate(
    record.decided,
    ctx.timeZone(),
    'yyyy-MM-dd HH:mm',
  ).split(' ');
  return receiptEmail(readership, ref, { decision, day, time, requester: requesterOf(ctx) }, subject);
}

function tellRequester(
  ctx: Context,
  record: ApprovalRecord,
  approver: Approver | undefined,
  decision: string,
  comment: string,
  replyId: string,
): void {
  if (decision !== 'Reject' && decision !== 'Changes') return;
  const email = stoppedEmail(readershipOf(ctx, ctx.me), refOf(ctx, record), {
    approver: { name: approver?.name ?? '', role: record.role, email: record.approver },
    decision,
    comment,
  });
  ctx.mail.push({
    token: tokenFor(ctx, ['Note', record.id, replyId]),
    kind: 'Note',
    about: record.id,
    to: ctx.me,
    cc: '',
    subject: email.subject,
    plain: email.plain,
    html: email.html,
    inThread: '',
    allowed: [],
    fromName: fromName(ctx),
  });
}

/** A waiting request's reminder or escalation, decided in the domain, into the row, the Log and the Outbox. */
function chaseUp(ctx: Context, record: ApprovalRecord): void {
  const sponsor = ctx.plan.roles.people.find((p) => p.role.toLowerCase() === 'executive sponsor');
  const due = chase({
    record,
    approver: approverOf(ctx, record),
    now: ctx.now,
    timing: ctx.timing,
    sponsor: sponsor ?? null,
    me: ctx.me,
    requester: requesterOf(ctx),
    ref: () => refOf(ctx, record),
    readershipOf: (email) => readershipOf(ctx, email),
  });
  for (const [key, value] of Object.entries(due.changes)) ctx.table.set(record.row, key, value);
  ctx.events.push(...due.events);
  if (!due.email) return;
  const { tokenParts, ...email } = due.email;
  ctx.mail.push({ ...email, token: tokenFor(ctx, tokenParts), fromName: fromName(ctx) });
}

/**
 * Commits an action: the emails it decided and its Log events go to the Outbox first, in one write (so
 * a cut-off run's emails and events are known to the next), then the Approvals rows (requests, receipts
 * and notes as they will end), then the Log; then every pending email of the user is sent and marked
 * sent in the Outbox, which holds what Gmail says of them (the requests' thread and message IDs).
 */
function finish(ctx: Context, outbox: Outbox): void {
  outbox.enqueue(ctx.mail, ctx.now);
  ctx.mail = [];
  const byId = new Map(ctx.records.map((r) => [r.id, r]));
  const vouch = (queued: OutboxRecord) => stillWanted(queued.kind, byId.get(queued.about));
  // The recipients this run may send to: the pacing bound, or less when the day's quota is lower.
  const allowance = once(() => Math.min(RECIPIENTS_PER_RUN, ctx.gas.MailApp.getRemainingDailyQuota()));
  notedAsPaced(ctx, outbox.paced(vouch, allowance), byId);
  commit(ctx, outbox);
  outbox.deliver(ctx.now, vouch, ctx.threads, allowance);
  reread(ctx);
  if (ctx.records.some((r) => isPending(r) && r.requestedBy === ctx.me) || mailWaiting(outbox, ctx.me))
    ensureHourlyCheck(ctx.gas);
}

/**
 * Receipts and notes as this run's sends will leave them, in the rows before anything goes: one this
 * run sends is "Sent" and logged (one a run from before left at "Sending" too, unless a journal waiting
 * for the Log has it); one the pacing leaves for a later run stays "Sending", unlogged, for the run that
 * sends it.
 */
function notedAsPaced(
  ctx: Context,
  paced: { now: readonly OutboxRecord[]; later: readonly OutboxRecord[] },
  byId: ReadonlyMap<string, ApprovalRecord>,
): void {
  const kinds = { Receipt: 'receipt', 'Reply note': 'note' } as const;
  for (const email of paced.later) {
    const noticed = ctx.noticed.get(email.token);
    if (!noticed) continue;
    ctx.table.set(noticed.row, noticed.kind, 'Sending');
    ctx.events = ctx.events.filter((e) => e !== noticed.event);
  }
  for (const email of paced.now) {
    const kind = email.kind === 'Receipt' || email.kind === 'Reply note' ? kinds[email.kind] : null;
    const record = byId.get(email.about);
    if (!kind || !record || record[kind] !== 'Sending') continue;
    const settled = noticeOutcome(kind, record, 'Sent', () => false, ctx.me);
    ctx.table.set(record.row, kind, 'Sent');
    if (settled?.event) ctx.events.push(settled.event);
  }
  reread(ctx);
}

/** Whether emails of this user wait in the Outbox for a later run (paced, or left by a cut-off run). */
function mailWaiting(outbox: Outbox, me: string): boolean {
  return pendingFor(outbox.all, me).length > 0;
}

/**
 * Emails queued and events journaled in one Outbox write, then the checklist brought in step (its events
 * in that journal: a run cut off before it writes them syncs the same again, appended once), then the
 * Approvals rows, then the Log.
 */
function commit(ctx: Context, outbox: Outbox): void {
  outbox.enqueue(ctx.mail, ctx.now);
  ctx.mail = [];
  const planWrite = ctx.planWrite;
  ctx.planWrite = null;
  outbox.journal([...(planWrite ? ctx.plan.events : []), ...ctx.events], ctx.now);
  ctx.events = [];
  outbox.write();
  planWrite?.();
  ctx.table.flush(ctx.gas);
  reread(ctx);
  outbox.log(ctx.now);
}

function board(ctx: Context): ApprovalBoard {
  const progress = progressOf(ctx);
  return approvalBoardFrom({
    chain: ctx.chain,
    progress,
    records: ctx.records,
    selected: ctx.plan.selected ?? null,
    version: ctx.plan.version,
    ready: ctx.plan.ready,
    cannotSend: cannotSend(ctx, progress),
    when: (d) => ctx.gas.Utilities.formatDate(d, ctx.timeZone(), 'yyyy-MM-dd HH:mm'),
  });
}

function identity(gas: AppsScript): string {
  return displayName(whoAmI(gas)).toLowerCase();
}

/**
 * The Approvals view. It reads only: requests a plan change made stale show as stale (the change
 * itself, or the next approval run, writes that).
 */
export function approvalBoard(gas: AppsScript): ApprovalBoard {
  const spreadsheet = activeSpreadsheet(gas);
  if (!sheetByName(spreadsheet, approvalsTemplate.name)) return notSetUpBoard();
  const ctx = open(gas, spreadsheet, '', new Date(), false);
  markStale(ctx);
  return board(ctx);
}

/** Sends the current step's requests (sidebar). Nothing is sent unless all of the step can be. */
export function sendApprovalRequests(gas: AppsScript): ApprovalResult {
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const me = whoAmI(gas);
    if (me.email === '') {
      return {
        ok: false,
        errors: [
          {
            field: '',
            message:
              'Google does not share your email address here, so requests cannot be sent from your Gmail.',
          },
        ],
      };
    }
    const ctx = open(gas, spreadsheet, me.email.toLowerCase(), new Date());
    const outbox = Outbox.open(gas, spreadsheet, ctx.me, ctx.sign);
    attach(ctx, outbox);
    settleEdits(ctx);
    repairSending(ctx, outbox);
    settleNotices(ctx, outbox);
    markStale(ctx);
    const progress = progressOf(ctx);
    const why = cannotSend(ctx, progress);
    if (why || !progress?.current) {
      finish(ctx, outbox);
      return { ok: false, errors: [{ field: '', message: why ?? 'Nothing to send.' }] };
    }
    const count = progress.toSend.length;
    const refused = sendStep(ctx, progress.current.step, progress.toSend, progress);
    finish(ctx, outbox);
    if (refused) return { ok: false, errors: [{ field: '', message: refused }] };
    return {
      ok: true,
      message: `Sent ${count} approval ${count === 1 ? 'request' : 'requests'} for step ${progress.current.step.number} (${progress.current.step.name}).`,
      board: board(ctx),
    };
  });
}

export interface CheckSummary {
  read: number;
  decided: number;
  review: number;
  sent: number;
  /** True when the run stopped early to stay inside Apps Script's time limit; the next run goes on. */
  partial: boolean;
  /** Whether this user still has requests waiting for replies here. */
  waiting: boolean;
  message: string;
}

/**
 * Reads the replies to every pending request the current user sent, applies them, chases late ones and
 * sends the next step when one completes. Safe to run at any time, as often as wanted.
 */
export function checkApprovalReplies(
  gas: AppsScript,
  options: { now?: Date; budgetMs?: number; mailOnlyWhenIdle?: boolean } = {},
): CheckSummary {
  return checkWithBoard(gas, options).summary;
}

/** The check, and the Approvals view from the rows it holds (for the sidebar, without reading them again). */
export function checkWithBoard(
  gas: AppsScript,
  options: { now?: Date; budgetMs?: number; mailOnlyWhenIdle?: boolean } = {},
): { summary: CheckSummary; board: () => ApprovalBoard } {
  const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  const started = Date.now();
  const spreadsheet = activeSpreadsheet(gas);
  if (!spreadsheet.getSheetByName(approvalsTemplate.name)) {
    const summary = {
      read: 0,
      decided: 0,
      review: 0,
      sent: 0,
      partial: false,
      waiting: false,
      message: 'The workspace is not set up.',
    };
    return { summary, board: notSetUpBoard };
  }
  return withDocumentLock(gas, () => {
    const me = whoAmI(gas).email.toLowerCase();
    // Apps Script's clock is the only one there; tests pass theirs to step through the days.
    const ctx = open(gas, spreadsheet, me, options.now ?? new Date());
    const outbox = Outbox.open(gas, spreadsheet, me, ctx.sign);
    attach(ctx, outbox);
    settleEdits(ctx);
    repairSending(ctx, outbox);
    markStale(ctx);
    const approvers = new Map(
      ctx.chain.steps.flatMap((s) => s.approvers.map((a) => [`${s.number}|${a.email}`, a] as const)),
    );
    const waitingNow = ctx.records.some((r) => isPending(r) && r.requestedBy === me);
    // The hourly run with no request waiting and mail queued is there only to send what an earlier run
    // queued (receipts paced across runs); once the queue is empty an hour reads the threads again.
    const queuedMail = outbox.all.some((r) => r.state === 'Queued' && r.sender === me);
    const pending = requestsToRead(
      ctx.records,
      me,
      { workflowId: ctx.plan.selected?.id, version: ctx.plan.version },
      !!options.mailOnlyWhenIdle && !waitingNow && queuedMail,
    );
    const byToken = new Map(ctx.records.map((r) => [r.id, r]));
    const statuses = new Map<number, string>();
    const readRequests = new Set<string>();
    let partial = false;
    for (const item of newMessages(gas, ctx.records, pending, ctx.now)) {
      if (Date.now() - started > budgetMs) {
        partial = true;
        break;
      }
      // A thread's first message taken for the request it starts (nothing to read: thread-root.ts).
      if (!item.unread()) continue;
      // The request it follows in its thread; in a thread of its own, the one its subject names.
      const record = item.follows() ?? byToken.get(tokenInSubject(item.parsed().subject) ?? '');
      if (!record || record.requestedBy !== me) continue;
      readMessage(ctx, record, approvers.get(`${record.step}|${record.approver}`), item, statuses);
      readRequests.add(record.id);
    }
    // Every pending request was looked at, unless the run stopped early: then those it got to.
    const read = partial ? readRequests.size : pending.length;
    reread(ctx);
    settleNotices(ctx, outbox);
    for (const record of ctx.records.filter(
      (r) => r.status === 'Sent' && !awaitingSend(r) && r.requestedBy === me,
    ))
      chaseUp(ctx, record);
    const decided = ctx.events.filter((e) => e.action === 'Approval decision').length;
    const review = ctx.events.filter((e) => e.action === 'Reply needs review').length;
    reread(ctx);
    let sent = 0;
    const progress = progressOf(ctx);
    if (progress?.current && nextStepDue(progress, partial, cannotSend(ctx, progress))) {
      const refused = sendStep(ctx, progress.current.step, progress.toSend, progress);
      if (!refused) sent = progress.toSend.length;
      else
        ctx.events.push({
          who: me,
          action: 'Next step not sent',
          subject: progress.current.step.name,
          before: '',
          after: '',
          note: refused,
        });
    }
    finish(ctx, outbox);
    // The hourly run's list: this spreadsheet stays on it while this user has requests waiting here,
    // or emails a run left queued for the next (receipts paced across runs).
    const waiting = ctx.records.some((r) => isPending(r) && r.requestedBy === me) || mailWaiting(outbox, me);
    noteWaiting(gas, spreadsheet, waiting, ctx.now);
    const message = checkMessage({ read, decided, review, sent, partial });
    return { summary: { read, decided, review, sent, partial, waiting, message }, board: () => board(ctx) };
  });
}

/** A person decides a reply the add-on could not read with certainty; logged with their name. */
export function resolveReview(gas: AppsScript, input: unknown): ApprovalResult {
  const refused = refusedForLength('resolveReview', input);
  if (refused) return refused;
  const checked = checkReviewInput(input);
  if (!checked.ok) return checked;
  const { requestId, decision, status, note } = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const me = identity(gas);
    const ctx = open(gas, spreadsheet, me, new Date());
    const outbox = Outbox.open(gas, spreadsheet, whoAmI(gas).email.toLowerCase(), ctx.sign);
    attach(ctx, outbox);
    settleEdits(ctx);
    const record = ctx.records.find((r) => r.id === requestId);
    if (!record || record.status !== 'Needs review') {
      finish(ctx, outbox);
      return {
        ok: false,
        errors: [
          {
            field: 'requestId',
            message: `Request ${quoted(requestId)} is not waiting for review any more; reload.`,
          },
        ],
      };
    }
    update(ctx, record.row, {
      status,
      decision,
      decided: ctx.now,
      resolvedBy: me,
    });
    ctx.events.push({
      who: me,
      action: 'Review resolved',
      subject: record.id,
      before: 'Needs review',
      after: status,
      note,
    });
    finish(ctx, outbox);
    return { ok: true, message: `Recorded “${status}” for the ${record.role}.`, board: board(ctx) };
  });
}

/** Where the approval chain stands for the current plan version (for starting the pilot); reads only. */
export function approvalState(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  now: Date,
): { state: string; version: string | null } {
  const ctx = open(gas, spreadsheet, '', now, false);
  return { state: progressOf(ctx)?.state ?? 'not-sent', version: ctx.plan.version };
}
