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
import { requestEmail, type Person, type RequestFacts } from '../domain/approval-email';
import { cannotSend as sendGate } from '../domain/approval-gate';
import {
  escalationEmail,
  receiptEmail,
  reminderEmail,
  stoppedEmail,
  unreadableEmail,
  type CountedDecision,
  type RequestRef,
} from '../domain/approval-notices';
import {
  addressOf,
  chainProgress,
  checkSender,
  escalationDue,
  reminderDue,
  replyOutcome,
  type ChainProgress,
} from '../domain/approval-flow';
import { isPending, readApprovals, type ApprovalRecord } from '../domain/approval-records';
import type { LogEvent } from '../domain/audit-log';
import { joinReaderships } from '../domain/email-language';
import { senderName } from '../domain/email-layout';
import { oneLine } from '../domain/email-text';
import type { Readership } from '../domain/messages/catalogue';
import { metricsFor } from '../domain/metric-definitions';
import { AUTO_REPLY_REASON, readReply } from '../domain/reply-reader';
import { staleMarking } from '../domain/stale-approvals';
import { requestToken, tokenInSubject } from '../domain/request-token';
import { assessWorkflow, type WorkflowResult } from '../domain/scoring';
import { text, type TableData } from '../domain/table';
import { profileFlags } from '../domain/workflow-profile';
import { readScores, readWeights } from '../domain/workflow-records';
import type { ApprovalBoard, ApprovalResult, ReviewDecision } from '../shared/approvals';
import { activeSpreadsheet } from './active-spreadsheet';
import { oursAfter, replyInThread } from './approval-mail';
import type { AppsScript, GmailMessage, GmailThread, Spreadsheet } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { signer } from './document-secret';
import { withDocumentLock } from './document-lock';
import type * as entryPoints from './main';
import { planState, type PlanState } from './governance';
import { displayName, whoAmI } from './identity';
import { newMessages, type NewMessage } from './reply-inbox';
import { SheetTable } from './sheet-table';
import { quoted, refusedForLength } from '../domain/input-caps';
import { noteWaiting } from './waiting-list';

/**
 * Phase 2, approvals: requests sent from the requester's Gmail, one per approver of the current step,
 * answered by replying. The Approvals sheet is the record: a row is written ("Sending") before its
 * email goes, and every reply read is remembered by message ID, so a run cut short is completed by the
 * next one without sending twice or counting a reply twice.
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
  timing: { reminderDays: number; escalationDays: number };
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
  timeZone: () => string;
  /** Threads read in this run, by request row, so a notice queued here does not read them again. */
  threads: Map<number, { thread: GmailThread; messages: GmailMessage[] }>;
  /** "row|receipt", "row|note": marked "Sending" by this run, so nothing of theirs has gone yet. */
  queued: Set<string>;
}

function once<T>(get: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: get() }).v;
}

export function readTiming(settings: TableData): { reminderDays: number; escalationDays: number } {
  const value = (id: string, fallback: number) => {
    const row = settings.rows.find((r) => text(r.cells['id']) === id);
    const n = Number(text(row?.cells['value']));
    return Number.isInteger(n) && n >= 1 && n <= 60 ? n : fallback;
  };
  return { reminderDays: value('timing.reminderDays', 3), escalationDays: value('timing.escalationDays', 5) };
}

/** `write`: an action, which brings the checklist in step in the sheet; a view only computes it. */
function open(gas: AppsScript, spreadsheet: Spreadsheet, me: string, now: Date, write = true): Context {
  const plan = planState(gas, spreadsheet, me, now, write);
  const settings = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']);
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  const chain = plan.selected
    ? readApprovalChain(settings.data, plan.selected)
    : { steps: [], problems: ['No workflow is selected.'] };
  const dueShown = table.displayed('due');
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
    records: readApprovals(table.data, dueShown),
    events: [],
    threads: new Map(),
    queued: new Set(),
    sheetUrl: once(() => spreadsheet.getUrl()),
    timeZone: once(() => spreadsheet.getSpreadsheetTimeZone()),
  };
}

/** The selected workflow's consensus, total, band and eligibility from the Scores sheet as it is. */
function assess(spreadsheet: Spreadsheet, workflowId: string, settings: TableData): WorkflowResult {
  const scores = SheetTable.open(spreadsheet, scoresTemplate, ['workflowId', 'scorer']);
  const read = readScores(scores.data, new Set([workflowId]));
  return assessWorkflow(workflowId, read.scores, readWeights(settings).weights);
}

/** Rows read from the sheet keep the days it showed; rows written in this run carry their own. */
function reread(ctx: Context): void {
  ctx.records = readApprovals(ctx.table.current(), ctx.dueShown);
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
  for (const row of rows) ctx.table.set(row, 'status', 'Stale');
  ctx.events.push(...events);
  reread(ctx);
}

const day = (gas: AppsScript, spreadsheet: Spreadsheet, date: Date) =>
  gas.Utilities.formatDate(date, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');

/** Why "Send" cannot send now, or null (decided in the domain). */
function cannotSend(ctx: Context, progress: ChainProgress | null): string | null {
  return sendGate({
    selected: ctx.plan.selected,
    assessment: ctx.assessment,
    ready: ctx.plan.ready,
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

/** Sends one request email per approver, each row written as "Sending" before its email goes. */
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
  const sign = signer(gas);
  const spreadsheetId = ctx.spreadsheet.getId();
  const due = day(gas, ctx.spreadsheet, new Date(ctx.now.getTime() + ctx.timing.escalationDays * 86400000));
  for (const approver of approvers) {
    const details = [
      selected.id,
      plan.version,
      String(step.number),
      approver.email,
      String(ctx.records.length),
    ];
    const token = requestToken(sign, spreadsheetId, details);
    const row = ctx.table.append({
      id: token,
      workflowId: selected.id,
      step: step.number,
      role: approver.role,
      approver: approver.email,
      planVersion: plan.version,
      status: 'Sending',
      due,
      reminders: 0,
      requestedBy: ctx.me,
    });
    ctx.table.flush(gas);
    reread(ctx);
    sendRequest(ctx, { row, id: token, due }, step, approver, progress);
  }
  reread(ctx);
  installHourlyCheck(gas);
  noteWaiting(gas, ctx.spreadsheet, true, ctx.now);
  return null;
}

/** Composes and sends the email of one request row (already written), and records it as sent. */
function sendRequest(
  ctx: Context,
  request: { row: number; id: string; due: string },
  step: ApprovalStep,
  approver: Approver,
  progress: ChainProgress,
): void {
  const { gas, plan } = ctx;
  const selected = plan.selected;
  if (!selected?.id || !plan.version) return;
  const later = progress.steps.filter((s) => s.step.number > step.number);
  const earlier = progress.steps.filter((s) => s.step.number < step.number);
  const facts: RequestFacts = {
    token: request.id,
    planVersion: plan.version,
    readership: approver.language,
    workflow: {
      name: selected.name,
      description: selected.description,
      team: selected.team,
      dataTier: selected.dataTier,
      profile: profileFlags.filter((flag) => selected.flags[flag]),
    },
    dataVerifiedBy: plan.dataSigner,
    step: {
      role: approver.role,
      number: progress.steps.findIndex((s) => s.step.number === step.number) + 1,
      count: progress.steps.length,
      name: step.name,
    },
    requester: requesterOf(ctx),
    sponsor: plan.roles.personFor('Executive sponsor'),
    assessment: ctx.assessment ?? {
      scorers: 0,
      consensus: null,
      total: null,
      band: null,
      eligibility: 'not-scored',
    },
    pilot: {
      tool: plan.pilot['tool'] ?? '',
      agreement: plan.pilot['agreement'] ?? '',
      dataRule: plan.pilot['dataRule'] ?? '',
      reviewRule: plan.pilot['reviewRule'] ?? '',
      stopRule: plan.pilot['stopRule'] ?? '',
      baselineStart: plan.pilot['baselineStart'] ?? '',
      baselineEnd: plan.pilot['baselineEnd'] ?? '',
      pilotStart: plan.pilot['pilotStart'] ?? '',
      pilotEnd: plan.pilot['pilotEnd'] ?? '',
    },
    targets: metricsFor(selected.kind)
      .slice(0, 3)
      .map((d) => ({ metric: d.name, target: d.target.text })),
    prior: earlier.flatMap((s) =>
      s.approvers.map((a) => ({
        role: a.approver.role,
        status: a.record?.status ?? '',
        day: a.record?.decided ? day(gas, ctx.spreadsheet, a.record.decided) : '',
      })),
    ),
    next: later[0] ? { step: later[0].step.name, roles: later[0].step.approvers.map((a) => a.role) } : null,
    due: request.due,
    reminderDays: ctx.timing.reminderDays,
    escalationDays: ctx.timing.escalationDays,
    sheetUrl: ctx.sheetUrl(),
  };
  const email = requestEmail(facts);
  const message = gas.GmailApp.createDraft(approver.email, email.subject, email.plain, {
    htmlBody: email.html,
    name: fromName(ctx),
  }).send();
  recordSent(ctx, request.row, message);
  ctx.table.flush(gas);
  ctx.events.push({
    who: ctx.me,
    action: 'Approval requested',
    subject: request.id,
    before: '',
    after: `${approver.role}, step ${step.number}, plan ${plan.version}`,
    note: '',
  });
}

function recordSent(ctx: Context, row: number, message: GmailMessage): void {
  ctx.table.set(row, 'status', 'Sent');
  ctx.table.set(row, 'sent', message.getDate());
  ctx.table.set(row, 'messageId', message.getId());
  ctx.table.set(row, 'threadId', message.getThread().getId());
}

/**
 * A row left at "Sending" by a run that was cut short: if its email went out, record it (found by the
 * token in the subject); if not, send it now on the same row. Either way it is sent exactly once.
 */
function repairSending(ctx: Context): void {
  const stuck = ctx.records.filter((r) => r.status === 'Sending' && r.requestedBy === ctx.me);
  if (stuck.length === 0) return;
  const progress = progressOf(ctx);
  for (const record of stuck) {
    const threads = ctx.gas.GmailApp.search(`in:sent subject:"${record.id}"`, 0, 1);
    const sent = threads[0]?.getMessages().find((m) => m.getSubject().includes(record.id));
    if (sent) {
      recordSent(ctx, record.row, sent);
      ctx.events.push({
        who: ctx.me,
        action: 'Approval request recovered',
        subject: record.id,
        before: 'Sending',
        after: 'Sent',
        note: 'The email had gone out; the run that sent it stopped before recording it.',
      });
      continue;
    }
    const line = progress?.steps.find((s) => s.step.number === record.step);
    const approver = line?.step.approvers.find((a) => a.email === record.approver);
    const current = record.planVersion === ctx.plan.version && record.workflowId === ctx.plan.selected?.id;
    if (line && approver && current && progress && ctx.gas.MailApp.getRemainingDailyQuota() >= 1) {
      sendRequest(ctx, { row: record.row, id: record.id, due: record.due }, line.step, approver, progress);
    } else {
      ctx.table.set(record.row, 'status', 'Cancelled');
      ctx.events.push({
        who: ctx.me,
        action: 'Approval request not sent',
        subject: record.id,
        before: 'Sending',
        after: 'Cancelled',
        note: 'The email never went out, and the request no longer matches the plan or the quota is used up.',
      });
    }
  }
  ctx.table.flush(ctx.gas);
  reread(ctx);
}

function installHourlyCheck(gas: AppsScript): void {
  if (gas.ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === HOURLY_CHECK)) return;
  gas.ScriptApp.newTrigger(HOURLY_CHECK).timeBased().everyHours(1).create();
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
  ctx.threads.set(record.row, { thread: item.thread, messages: item.messages });
  const status = statuses.get(record.row) ?? record.status;
  // A recorded approval stays open to a change of mind: its receipt says "reply CHANGES".
  const correcting = record.status === 'Approved';
  if (status !== 'Sent' && status !== 'Needs review' && !(correcting && status === 'Approved')) return;
  const id = item.id;
  const parsed = item.parsed();
  const from = parsed.from;
  // Our own reminders and receipts are passed over; the mark stays on the last message of others.
  if (addressOf(from) === ctx.me) return;
  ctx.table.set(record.row, 'checkedThrough', id);
  const subject = parsed.subject;
  const token = tokenInSubject(subject);
  const sender = !approver
    ? { counts: false as const, reason: 'the approver’s role is no longer in the chain' }
    : token && token !== record.id
      ? { counts: false as const, reason: `its subject names another request (${token})` }
      : checkSender(from, approver, parsed.authenticationResults);
  if (!sender.counts) {
    ctx.events.push({
      who: addressOf(from) || oneLine(from, 80),
      action: 'Reply not counted',
      subject: record.id,
      before: '',
      after: '',
      note: `Not counted: ${sender.reason}.`,
    });
    return;
  }
  const reading = readReply({
    // The text from the raw content already fetched; Gmail's rendering only where it could not be read.
    body: parsed.text ?? item.message.getPlainBody(),
    subject,
    autoReply: parsed.autoReply,
  });
  const outcome = replyOutcome(reading);
  if (status === 'Approved' && outcome.status !== 'Rejected' && outcome.status !== 'Changes requested') {
    ctx.events.push({
      who: addressOf(from),
      action: 'Reply after approval',
      subject: record.id,
      before: 'Approved',
      after: 'Approved',
      note: 'Left approved: only CHANGES or REJECT changes a recorded approval.',
    });
    return;
  }
  statuses.set(record.row, outcome.status);
  ctx.table.set(record.row, 'status', outcome.status);
  ctx.table.set(record.row, 'decision', outcome.decision);
  ctx.table.set(record.row, 'comment', reading.comment);
  ctx.table.set(record.row, 'reviewNote', reading.reason);
  ctx.table.set(
    record.row,
    'decided',
    outcome.status === 'Needs review' ? null : (parsed.date ?? item.message.getDate()),
  );
  ctx.table.set(record.row, 'replyMessageId', id);
  ctx.events.push({
    who: addressOf(from),
    action: outcome.status === 'Needs review' ? 'Reply needs review' : 'Approval decision',
    subject: record.id,
    before: record.status,
    after: outcome.status,
    note: outcome.status === 'Needs review' ? reading.reason : reading.comment.slice(0, 300),
  });
  queueNotice(ctx, record, outcome.status === 'Needs review' ? reading.reason : null);
  if (outcome.status === 'Rejected' || outcome.status === 'Changes requested') {
    // Recorded before the note goes: a run cut off in between never tells the requester twice.
    ctx.table.flush(ctx.gas);
    tellRequester(ctx, record, approver, outcome.decision, reading.comment);
  }
}

/**
 * Marks the notice a reply earns as "Sending", in the same row write as the decision: a receipt for a
 * counted decision, or (once per request) the note for a reply that could not be read. An automatic
 * reply earns nothing: nobody is there to read a note. A workspace without the columns (not set up
 * since they were added) sends neither, as it could not send them only once.
 */
function queueNotice(ctx: Context, record: ApprovalRecord, unreadable: string | null): void {
  if (unreadable === null) {
    if (!ctx.table.has('receipt')) return;
    ctx.table.set(record.row, 'receipt', 'Sending');
    ctx.queued.add(`${record.row}|receipt`);
    // A clear answer after an unreadable one, in the same run: the note would only confuse.
    if (ctx.table.get(record.row, 'note') === 'Sending') ctx.table.set(record.row, 'note', record.note);
    return;
  }
  if (!ctx.table.has('note') || record.note !== '' || unreadable === AUTO_REPLY_REASON) return;
  ctx.table.set(record.row, 'note', 'Sending');
  ctx.queued.add(`${record.row}|note`);
}

/**
 * Sends every receipt and note marked "Sending" (this run's, and any a cut-off run left), after the
 * marks are written. One already in the thread (ours, after the reply it answers) is only recorded;
 * one that would reach anyone but the approver is not sent, and that is recorded and logged.
 */
function sendNotices(ctx: Context): void {
  const due = ctx.records.filter(
    (r) => r.requestedBy === ctx.me && (r.receipt === 'Sending' || r.note === 'Sending'),
  );
  for (const record of due) {
    const approver = approverOf(ctx, record);
    // Queued in this run: nothing of ours went since the reply it answers. Left "Sending" by an earlier
    // run: it may have gone before that run stopped, so the thread says whether to record or send it.
    const read = ctx.threads.get(record.row);
    const thread = read?.thread ?? (record.threadId ? ctx.gas.GmailApp.getThreadById(record.threadId) : null);
    const messages = read?.messages ?? thread?.getMessages() ?? [];
    for (const kind of ['receipt', 'note'] as const) {
      if (record[kind] !== 'Sending') continue;
      if (!ctx.queued.has(`${record.row}|${kind}`) && oursAfter(messages, record.replyMessageId, ctx.me)) {
        ctx.table.set(record.row, kind, 'Sent');
        continue;
      }
      // A reply in the thread takes the thread's own subject ("Re: …").
      const email = noticeEmail(ctx, record, kind, approver, '');
      const sent =
        thread !== null &&
        approver !== undefined &&
        email !== null &&
        replyInThread({
          thread,
          messages,
          me: ctx.me,
          allowed: [approver.email, ...approver.aliases],
          email,
          name: fromName(ctx),
        });
      ctx.table.set(record.row, kind, sent ? 'Sent' : 'Not sent');
      ctx.events.push({
        who: ctx.me,
        action: kind === 'receipt' ? 'Receipt sent' : 'Unreadable-reply note sent',
        subject: record.id,
        before: 'Sending',
        after: sent ? 'Sent' : 'Not sent',
        note: sent
          ? `To ${record.approver}, in the request's thread.`
          : 'Not sent: in the thread it would not have gone to the approver alone.',
      });
    }
  }
  ctx.table.flush(ctx.gas);
  reread(ctx);
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
): void {
  if (decision !== 'Reject' && decision !== 'Changes') return;
  const email = stoppedEmail(readershipOf(ctx, ctx.me), refOf(ctx, record), {
    approver: { name: approver?.name ?? '', role: record.role, email: record.approver },
    decision,
    comment,
  });
  ctx.gas.MailApp.sendEmail(ctx.me, email.subject, email.plain, {
    htmlBody: email.html,
    name: fromName(ctx),
  });
}

/**
 * Reminders in the request's own thread and, once, the escalation there with the sponsor copied, in
 * the approver's languages and with the due date. Recorded first and sent after the write (`outgoing`),
 * so a run cut off between the two never sends one twice.
 */
function chase(ctx: Context, record: ApprovalRecord, outgoing: (() => void)[]): void {
  const approver = approverOf(ctx, record);
  const remind = reminderDue(record, ctx.now, ctx.timing.reminderDays);
  const escalate = escalationDue(record, ctx.now, ctx.timing.escalationDays);
  if (!approver || (!remind && !escalate)) return;
  const sponsor = ctx.plan.roles.people.find((p) => p.role.toLowerCase() === 'executive sponsor');
  const sponsorEmail = sponsor?.email.toLowerCase() ?? '';
  const copySponsor = escalate && sponsorEmail !== '' && sponsorEmail !== record.approver;
  if (remind) {
    ctx.table.set(record.row, 'reminders', record.reminders + 1);
    ctx.events.push({
      who: ctx.me,
      action: 'Reminder sent',
      subject: record.id,
      before: String(record.reminders),
      after: String(record.reminders + 1),
      note: '',
    });
  }
  if (escalate) {
    ctx.table.set(record.row, 'escalated', ctx.now);
    ctx.events.push({
      who: ctx.me,
      action: 'Escalated to the sponsor',
      subject: record.id,
      before: '',
      after: '',
      note: copySponsor ? `${sponsorEmail} copied in the request's thread.` : 'No other sponsor to tell.',
    });
  }
  // The sponsor's own request, or no sponsor named: the escalation has nobody to tell.
  if (!remind && !copySponsor) return;
  const ref = refOf(ctx, record);
  outgoing.push(() => {
    const thread = ctx.gas.GmailApp.getThreadById(record.threadId);
    if (!thread) return;
    const messages = thread.getMessages();
    const subject = thread.getFirstMessageSubject();
    const allowed = [approver.email, ...approver.aliases, ...(sponsorEmail ? [sponsorEmail] : [])];
    const send = (email: ReturnType<typeof reminderEmail>, cc?: string) =>
      replyInThread({
        thread,
        messages,
        me: ctx.me,
        allowed,
        email,
        name: fromName(ctx),
        ...(cc ? { cc } : {}),
      });
    const sent = copySponsor
      ? send(
          escalationEmail(
            joinReaderships(approver.language, readershipOf(ctx, sponsorEmail)),
            ref,
            { days: ctx.timing.escalationDays, sponsor: sponsor?.name || sponsorEmail, role: record.role },
            subject,
          ),
          sponsorEmail,
        )
      : send(reminderEmail(approver.language, ref, requesterOf(ctx), subject));
    if (!sent)
      ctx.events.push({
        who: ctx.me,
        action: copySponsor ? 'Escalation not sent' : 'Reminder not sent',
        subject: record.id,
        before: '',
        after: '',
        note: 'In the thread it would not have gone to the approver alone.',
      });
  });
}

function finish(ctx: Context): void {
  ctx.table.flush(ctx.gas);
  appendToLog(ctx.gas, ctx.spreadsheet, ctx.events, ctx.now);
  ctx.events = [];
}

function board(ctx: Context): ApprovalBoard {
  const progress = progressOf(ctx);
  const when = (d: Date | null) =>
    d ? ctx.gas.Utilities.formatDate(d, ctx.spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm') : '';
  const selected = ctx.plan.selected;
  const applying = new Set(progress?.steps.map((s) => s.step.number) ?? []);
  const steps = ctx.chain.steps.map((step) => {
    const line = progress?.steps.find((s) => s.step.number === step.number);
    return {
      number: step.number,
      name: step.name,
      condition: step.condition,
      applies: applying.has(step.number),
      complete: line?.complete ?? false,
      current: progress?.current?.step.number === step.number,
      approvers: step.approvers.map((approver) => {
        const record = line?.approvers.find((a) => a.approver.email === approver.email)?.record ?? null;
        return {
          role: approver.role,
          name: approver.name || approver.email,
          status: record?.status ?? (applying.has(step.number) ? 'Not sent' : 'Not needed'),
          requestId: record?.id ?? null,
          sent: when(record?.sent ?? null),
          decided: when(record?.decided ?? null),
          comment: record?.comment ?? '',
          reminders: record?.reminders ?? 0,
        };
      }),
    };
  });
  const review = (progress?.steps ?? []).flatMap((s) =>
    s.approvers.flatMap((a) =>
      a.record?.status === 'Needs review'
        ? [
            {
              requestId: a.record.id,
              role: a.approver.role,
              approver: a.approver.name || a.approver.email,
              reply: a.record.comment,
              reason: a.record.reviewNote,
            },
          ]
        : [],
    ),
  );
  const state = progress?.state ?? 'not-sent';
  const why = cannotSend(ctx, progress);
  const summaries: Record<string, string> = {
    'not-sent':
      why ??
      `Ready to send step ${progress?.current?.step.number ?? ''}: ${progress?.toSend.length ?? 0} request(s).`,
    waiting: 'Waiting for replies.',
    'needs-review': 'A reply needs a person to read it.',
    approved: 'Every step has approved this plan version. The pilot can start.',
    stopped: `${progress?.stoppedBy?.role ?? 'An approver'} answered “${progress?.stoppedBy?.status ?? ''}”: change the plan, then send again.`,
  };
  return {
    setUp: true,
    selected: selected?.id ? { id: selected.id, name: selected.name } : null,
    planVersion: ctx.plan.version,
    ready: ctx.plan.ready,
    state,
    summary: summaries[state] ?? '',
    steps,
    review,
    cannotSend: why,
    toSend: why ? 0 : (progress?.toSend.length ?? 0),
    problems: ctx.chain.problems,
  };
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
  if (!spreadsheet.getSheetByName(approvalsTemplate.name)) return emptyBoard();
  const ctx = open(gas, spreadsheet, '', new Date(), false);
  markStale(ctx);
  return board(ctx);
}

function emptyBoard(): ApprovalBoard {
  return {
    setUp: false,
    selected: null,
    planVersion: null,
    ready: false,
    state: 'not-sent',
    summary: 'Run Set up workspace first.',
    steps: [],
    review: [],
    cannotSend: 'Run Set up workspace first.',
    toSend: 0,
    problems: [],
  };
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
    repairSending(ctx);
    markStale(ctx);
    const progress = progressOf(ctx);
    const why = cannotSend(ctx, progress);
    if (why || !progress?.current) {
      finish(ctx);
      return { ok: false, errors: [{ field: '', message: why ?? 'Nothing to send.' }] };
    }
    const count = progress.toSend.length;
    const refused = sendStep(ctx, progress.current.step, progress.toSend, progress);
    finish(ctx);
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
  options: { now?: Date; budgetMs?: number } = {},
): CheckSummary {
  const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  const started = Date.now();
  const spreadsheet = activeSpreadsheet(gas);
  if (!spreadsheet.getSheetByName(approvalsTemplate.name)) {
    return {
      read: 0,
      decided: 0,
      review: 0,
      sent: 0,
      partial: false,
      waiting: false,
      message: 'The workspace is not set up.',
    };
  }
  return withDocumentLock(gas, () => {
    const me = whoAmI(gas).email.toLowerCase();
    // Apps Script's clock is the only one there; tests pass theirs to step through the days.
    const ctx = open(gas, spreadsheet, me, options.now ?? new Date());
    repairSending(ctx);
    markStale(ctx);
    const approvers = new Map(
      ctx.chain.steps.flatMap((s) => s.approvers.map((a) => [`${s.number}|${a.email}`, a] as const)),
    );
    const version = ctx.plan.version;
    const selectedId = ctx.plan.selected?.id;
    // Approvals whose receipt went out stay open to "CHANGES" while they count for this plan version.
    const correctable = (r: ApprovalRecord) =>
      r.status === 'Approved' &&
      r.receipt === 'Sent' &&
      r.planVersion === version &&
      r.workflowId === selectedId;
    const pending = ctx.records.filter(
      (r) => ((isPending(r) && r.status !== 'Sending') || correctable(r)) && r.requestedBy === me,
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
      // The request it follows in its thread; in a thread of its own, the one its subject names.
      const record = item.follows ?? byToken.get(tokenInSubject(item.parsed().subject) ?? '');
      if (!record || record.requestedBy !== me) continue;
      readMessage(ctx, record, approvers.get(`${record.step}|${record.approver}`), item, statuses);
      readRequests.add(record.id);
    }
    // Every pending request was looked at, unless the run stopped early: then those it got to.
    const read = partial ? readRequests.size : pending.length;
    ctx.table.flush(gas);
    reread(ctx);
    sendNotices(ctx);
    const outgoing: (() => void)[] = [];
    for (const record of ctx.records.filter((r) => r.status === 'Sent' && r.requestedBy === me))
      chase(ctx, record, outgoing);
    const decided = ctx.events.filter((e) => e.action === 'Approval decision').length;
    const review = ctx.events.filter((e) => e.action === 'Reply needs review').length;
    ctx.table.flush(gas);
    for (const send of outgoing) send();
    reread(ctx);
    let sent = 0;
    const progress = progressOf(ctx);
    if (
      !partial &&
      progress?.current &&
      progress.state === 'not-sent' &&
      progress.current.approvers.length > 0 &&
      progress.steps[0] !== progress.current &&
      cannotSend(ctx, progress) === null
    ) {
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
    finish(ctx);
    // The hourly run's list: this spreadsheet stays on it while this user has requests waiting here.
    const waiting = ctx.records.some((r) => isPending(r) && r.requestedBy === me);
    noteWaiting(gas, spreadsheet, waiting, ctx.now);
    const parts = [
      `Read ${read} pending ${read === 1 ? 'request' : 'requests'}`,
      `${decided} ${decided === 1 ? 'decision' : 'decisions'} recorded`,
      review > 0 ? `${review} to review` : '',
      sent > 0 ? `${sent} next-step ${sent === 1 ? 'request' : 'requests'} sent` : '',
      partial ? 'stopped early to stay within the time limit; the next check continues' : '',
    ].filter(Boolean);
    return { read, decided, review, sent, partial, waiting, message: `${parts.join('; ')}.` };
  });
}

/** A person decides a reply the add-on could not read with certainty; logged with their name. */
export function resolveReview(gas: AppsScript, input: unknown): ApprovalResult {
  const refused = refusedForLength('resolveReview', input);
  if (refused) return refused;
  const value = input as Partial<ReviewDecision> | null;
  const decisions: Record<string, string> = {
    Approve: 'Approved',
    Reject: 'Rejected',
    Changes: 'Changes requested',
  };
  // Own keys only: "constructor" or "__proto__" is no decision.
  const status =
    typeof value?.decision === 'string' && Object.prototype.hasOwnProperty.call(decisions, value.decision)
      ? decisions[value.decision]
      : undefined;
  const note = typeof value?.note === 'string' ? value.note.trim() : '';
  if (!value || typeof value.requestId !== 'string' || !status) {
    return { ok: false, errors: [{ field: 'decision', message: 'Choose Approve, Changes or Reject.' }] };
  }
  if (note === '')
    return {
      ok: false,
      errors: [{ field: 'note', message: 'Say how you know: the note is logged with your decision.' }],
    };
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const me = identity(gas);
    const ctx = open(gas, spreadsheet, me, new Date());
    const record = ctx.records.find((r) => r.id === value.requestId);
    if (!record || record.status !== 'Needs review') {
      return {
        ok: false,
        errors: [
          {
            field: 'requestId',
            message: `Request ${quoted(value.requestId)} is not waiting for review any more; reload.`,
          },
        ],
      };
    }
    ctx.table.set(record.row, 'status', status);
    ctx.table.set(record.row, 'decision', value.decision ?? '');
    ctx.table.set(record.row, 'decided', ctx.now);
    ctx.events.push({
      who: me,
      action: 'Review resolved',
      subject: record.id,
      before: 'Needs review',
      after: status,
      note,
    });
    finish(ctx);
    reread(ctx);
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
