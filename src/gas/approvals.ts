import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import {
  readApprovalChain,
  type ApprovalChain,
  type ApprovalStep,
  type Approver,
} from '../domain/approval-chain';
import { composeApprovalEmail } from '../domain/approval-email';
import {
  addressOf,
  chainProgress,
  checkSender,
  escalationDue,
  reminderDue,
  replyOutcome,
  staleRequests,
  type ChainProgress,
} from '../domain/approval-flow';
import {
  approvalRow,
  approvalSeal,
  isPending,
  readApprovals,
  verifyApprovals,
  type ApprovalRecord,
} from '../domain/approval-records';
import type { LogEvent, Signer } from '../domain/audit-log';
import { escapeHtml, htmlParagraphs, oneLine } from '../domain/email-text';
import { firstHeader } from '../domain/mail-headers';
import { mailToken, type MailIntent } from '../domain/outbox';
import { EDITED_NOT_COUNTED } from '../domain/record-seal';
import { replyMarker } from '../domain/reply-marker';
import { readReply } from '../domain/reply-reader';
import { requestToken, tokenInSubject } from '../domain/request-token';
import { text, type TableData } from '../domain/table';
import type { ApprovalBoard, ApprovalResult, ReviewDecision } from '../shared/approvals';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, GmailThread, Spreadsheet } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { localSigner } from './document-secret';
import { withDocumentLock } from './document-lock';
import type * as entryPoints from './main';
import { planState, type PlanState } from './governance';
import { displayName, whoAmI } from './identity';
import { Outbox, type Delivered } from './outbox';
import { SheetTable } from './sheet-table';

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
  records: ApprovalRecord[];
  events: LogEvent[];
  sign: Signer;
  /** The emails decided so far, queued in the Outbox before anything they follow from is written. */
  mail: MailIntent[];
}

function readTiming(settings: TableData): { reminderDays: number; escalationDays: number } {
  const value = (id: string, fallback: number) => {
    const row = settings.rows.find((r) => text(r.cells['id']) === id);
    const n = Number(text(row?.cells['value']));
    return Number.isInteger(n) && n >= 1 && n <= 60 ? n : fallback;
  };
  return { reminderDays: value('timing.reminderDays', 3), escalationDays: value('timing.escalationDays', 5) };
}

function open(gas: AppsScript, spreadsheet: Spreadsheet, me: string, now: Date): Context {
  const plan = planState(gas, spreadsheet, me, now);
  const settings = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']);
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  const chain = plan.selected
    ? readApprovalChain(settings.data, plan.selected)
    : { steps: [], problems: ['No workflow is selected.'] };
  const sign = localSigner(gas);
  return {
    gas,
    spreadsheet,
    me,
    now,
    plan,
    chain,
    timing: readTiming(settings.data),
    table,
    records: verifyApprovals(readApprovals(table.data, table.displayed('due')), sign),
    events: [],
    sign,
    mail: [],
  };
}

function reread(ctx: Context): void {
  ctx.records = verifyApprovals(readApprovals(ctx.table.current(), new Map()), ctx.sign);
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
  return mailToken(ctx.sign, ctx.spreadsheet.getId(), about);
}

const fieldHeaders: Record<string, string> = {
  workflowId: 'Workflow ID',
  step: 'Step',
  approver: 'Approver email',
  planVersion: 'Plan version',
  status: 'Status',
  decision: 'Decision',
  replyMessageId: 'Reply message ID',
  resolvedBy: 'Resolved by',
  messageId: 'Request message ID',
};

/** Why a row does not count as it reads, for the sidebar, the Dashboard and the Log; null when it does. */
export function editedNote(record: ApprovalRecord): string | null {
  if (!record.tampered) return null;
  const what =
    record.tampered.kind === 'unsealed'
      ? 'its seal is missing or does not match'
      : `${record.tampered.fields.map((f) => fieldHeaders[f] ?? f).join(', ')} changed by hand; the add-on’s record stands`;
  return `Approvals row ${record.row} (${record.id || 'no ID'}, ${record.role || 'no role'}): ${EDITED_NOT_COUNTED} — ${what}.`;
}

/**
 * Rows edited by hand, found by an action (never by a view): each is logged once and written back as
 * the add-on recorded it — a row with no valid seal is recorded as cancelled, so its approver is asked
 * again by a request the add-on makes.
 */
function settleEdits(ctx: Context): void {
  for (const record of ctx.records.filter((r) => r.tampered)) {
    const note = editedNote(record) ?? '';
    const raw = readApprovals(ctx.table.current(), new Map()).find((r) => r.row === record.row);
    ctx.events.push({
      who: ctx.me,
      action: 'Approval row edited in the sheet',
      subject: record.id,
      before: raw ? `${raw.status} ${raw.decision}`.trim() : '',
      after:
        record.tampered?.kind === 'unsealed' ? 'Cancelled' : `${record.status} ${record.decision}`.trim(),
      note,
    });
    if (record.tampered?.kind === 'unsealed') update(ctx, record.row, { status: 'Cancelled' });
    else
      update(ctx, record.row, {
        workflowId: record.workflowId,
        step: record.step,
        approver: record.approver,
        planVersion: record.planVersion,
        status: record.status,
        decision: record.decision,
        replyMessageId: record.replyMessageId,
        resolvedBy: record.resolvedBy,
        messageId: record.messageId,
      });
  }
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
  for (const record of staleRequests(ctx.records, selected.id, version)) {
    update(ctx, record.row, { status: 'Stale' });
    ctx.events.push({
      who: ctx.me,
      action: 'Approval request stale',
      subject: record.id,
      before: `${record.status} (plan ${record.planVersion})`,
      after: 'Stale',
      note: `The plan changed to ${version}; it needs approval again.`,
    });
  }
  reread(ctx);
}

const day = (gas: AppsScript, spreadsheet: Spreadsheet, date: Date) =>
  gas.Utilities.formatDate(date, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');

/** Why "Send" cannot send now, or null. */
function cannotSend(ctx: Context, progress: ChainProgress | null): string | null {
  if (!ctx.plan.selected) return 'Select a workflow first.';
  if (!ctx.plan.ready) return 'The governance checklist is not complete: finish its required items first.';
  if (ctx.chain.problems.length > 0)
    return 'Fix the approval chain in Settings first (see the problems listed).';
  if (!progress) return 'The plan has no version yet.';
  if (progress.state === 'approved') return 'Every step has approved this plan version.';
  if (progress.state === 'stopped')
    return 'An approver asked for changes or rejected the plan: change the plan, then send again.';
  if (progress.toSend.length === 0) return 'The current step’s requests are out; waiting for replies.';
  return null;
}

/**
 * Queues one request email per approver, each with its row written as "Sending"; `finish` writes the
 * emails to the Outbox, the rows, the Log, then sends.
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
    update(ctx, row, { status: 'Sending' });
    reread(ctx);
    ctx.mail.push(requestEmail(ctx, { id: token, due }, step, approver, progress));
    ctx.events.push({
      who: ctx.me,
      action: 'Approval requested',
      subject: token,
      before: '',
      after: `${approver.role}, step ${step.number}, plan ${plan.version}`,
      note: '',
    });
  }
  return null;
}

/** The request email of one request row. */
function requestEmail(
  ctx: Context,
  request: { id: string; due: string },
  step: ApprovalStep,
  approver: Approver,
  progress: ChainProgress,
): MailIntent {
  const { plan } = ctx;
  const selected = plan.selected;
  const later = progress.steps.filter((s) => s.step.number > step.number);
  const earlier = progress.steps.filter((s) => s.step.number < step.number);
  const email = composeApprovalEmail({
    token: request.id,
    workflowName: selected?.name ?? '',
    team: selected?.team ?? '',
    stepName: step.name,
    stepNumber: progress.steps.findIndex((s) => s.step.number === step.number) + 1,
    stepCount: progress.steps.length,
    role: approver.role,
    requester: ctx.me,
    sponsor: plan.roles.personFor('Executive sponsor') || 'Executive sponsor',
    description: selected?.description ?? '',
    scores: workflowScores(selected),
    eligibility: 'It passed the team’s risk and red-flag gates.',
    dataTier: selected?.dataTier ?? '',
    profile: profileWords(selected?.flags ?? {}),
    checklist: { complete: plan.complete, gating: plan.gating, openForRole: plan.openFor(approver.role) },
    priorApprovals: earlier.flatMap((s) =>
      s.approvers.map((a) => `${a.approver.role}: ${a.record?.status ?? 'not asked'}`),
    ),
    nextStep: later[0]
      ? `${later[0].step.name} (${later[0].step.approvers.map((a) => a.role).join(', ')})`
      : 'the pilot can start',
    sheetUrl: ctx.spreadsheet.getUrl(),
    planVersion: plan.version ?? '',
    due: request.due,
    reminderDays: ctx.timing.reminderDays,
    escalationDays: ctx.timing.escalationDays,
  });
  return {
    token: request.id,
    kind: 'Request',
    about: request.id,
    to: approver.email,
    subject: email.subject,
    plain: email.plain,
    html: email.html,
    inReplyTo: '',
  };
}

/** Records request emails that went out (now, or found in sent mail after a cut-off run). */
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
 * Rows left at "Sending" by a run that was cut short. Their emails are in the Outbox: one already sent
 * is recorded here; a pending one is sent by `finish` (after a look in sent mail). A row whose email is
 * not in the Outbox (removed by hand) is queued again when it still matches the plan — `deliver` looks
 * in sent mail first — and cancelled otherwise.
 */
function repairSending(ctx: Context, outbox: Outbox): void {
  const stuck = ctx.records.filter((r) => r.status === 'Sending' && r.requestedBy === ctx.me);
  if (stuck.length === 0) return;
  const progress = progressOf(ctx);
  for (const record of stuck) {
    const queued = outbox.find(record.id);
    if (queued?.state === 'Sent') {
      recordDelivered(ctx, [
        {
          token: queued.token,
          kind: 'Request',
          about: queued.about,
          messageId: queued.messageId,
          threadId: queued.threadId,
          sent: ctx.now,
        },
      ]);
      continue;
    }
    if (queued?.state === 'Pending') continue;
    const line = progress?.steps.find((s) => s.step.number === record.step);
    const approver = line?.step.approvers.find((a) => a.email === record.approver);
    const current = record.planVersion === ctx.plan.version && record.workflowId === ctx.plan.selected?.id;
    if (!queued && line && approver && current && progress) {
      outbox.enqueue([requestEmail(ctx, record, line.step, approver, progress)], ctx.now, { look: true });
    } else {
      update(ctx, record.row, { status: 'Cancelled' });
      ctx.events.push({
        who: ctx.me,
        action: 'Approval request not sent',
        subject: record.id,
        before: 'Sending',
        after: 'Cancelled',
        note: 'The email never went out, and the request no longer matches the plan.',
      });
    }
  }
  reread(ctx);
}

function workflowScores(selected: PlanState['selected']): string {
  return selected ? `See the Workflows sheet for the team’s scores of “${selected.name}”.` : '';
}

function profileWords(flags: Record<string, boolean>): string[] {
  const words: Record<string, string> = {
    familyFacing: 'family-facing',
    studentFacing: 'student-facing',
    nonEnglish: 'non-English output',
    newVendor: 'new vendor',
    dutiesChange: 'job duties change',
  };
  return Object.entries(flags).flatMap(([key, on]) => (on && words[key] ? [words[key]] : []));
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

/** Reads the new messages of one pending request's thread and records what they decide. */
function readThread(
  ctx: Context,
  record: ApprovalRecord,
  approver: Approver | undefined,
  found: GmailThread | null,
): void {
  const thread = found ?? (record.threadId ? ctx.gas.GmailApp.getThreadById(record.threadId) : null);
  if (!thread) return;
  const messages = thread.getMessages();
  const after = Math.max(
    messages.findIndex((m) => m.getId() === (record.checkedThrough || record.messageId)),
    0,
  );
  let status = record.status;
  for (const message of messages.slice(after + 1)) {
    if (status !== 'Sent' && status !== 'Needs review') break;
    const id = message.getId();
    const from = message.getFrom();
    ctx.table.set(record.row, 'checkedThrough', id);
    if (addressOf(from) === ctx.me) continue; // our own reminder in the thread
    const subject = message.getSubject();
    const token = tokenInSubject(subject);
    // Gmail's verdict is read (an expensive call) only for a reply from the right address.
    const fromApprover = approver !== undefined && checkSender(from, approver, '').counts;
    const sender = !approver
      ? { counts: false as const, reason: 'the approver’s role is no longer in the chain' }
      : token && token !== record.id
        ? { counts: false as const, reason: `its subject names another request (${token})` }
        : checkSender(
            from,
            approver,
            fromApprover ? firstHeader(message.getRawContent(), 'Authentication-Results') : '',
          );
    if (!sender.counts) {
      ctx.events.push({
        who: addressOf(from) || oneLine(from, 80),
        action: 'Reply not counted',
        subject: record.id,
        before: '',
        after: '',
        note: `Not counted: ${sender.reason}.`,
      });
      continue;
    }
    const autoSubmitted = message.getHeader('Auto-Submitted').toLowerCase();
    const reading = readReply({
      body: message.getPlainBody(),
      subject,
      autoReply: (autoSubmitted !== '' && autoSubmitted !== 'no') || message.getHeader('X-Autoreply') !== '',
    });
    const outcome = replyOutcome(reading);
    status = outcome.status;
    update(ctx, record.row, {
      status: outcome.status,
      decision: outcome.decision,
      comment: reading.comment,
      reviewNote: reading.reason,
      decided: outcome.status === 'Needs review' ? null : message.getDate(),
      replyMessageId: id,
      resolvedBy: '',
    });
    ctx.events.push({
      who: addressOf(from),
      action: outcome.status === 'Needs review' ? 'Reply needs review' : 'Approval decision',
      subject: record.id,
      before: record.status,
      after: outcome.status,
      note: outcome.status === 'Needs review' ? reading.reason : reading.comment.slice(0, 300),
    });
    if (outcome.status === 'Rejected' || outcome.status === 'Changes requested')
      tellRequester(ctx, record, outcome.status, reading.comment, id);
  }
}

/** The note to the requester when an approver stops the chain; one per reply that did. */
function tellRequester(
  ctx: Context,
  record: ApprovalRecord,
  status: string,
  comment: string,
  replyId: string,
): void {
  const workflow = ctx.plan.selected?.name ?? record.workflowId;
  const subject = oneLine(`[AI Plan ${record.id}] ${status}: ${workflow} — ${record.role}`, 250);
  const plain = `${record.role} answered “${status}” for the pilot of “${workflow}”. The approval chain stops here until the plan changes.\n\nTheir words:\n${comment}\n\nOpen the plan: ${ctx.spreadsheet.getUrl()}`;
  const html = `<p>${escapeHtml(record.role)} answered “${escapeHtml(status)}” for the pilot of “${escapeHtml(workflow)}”. The approval chain stops here until the plan changes.</p><p>Their words:</p>${htmlParagraphs(comment)}<p><a href="${escapeHtml(ctx.spreadsheet.getUrl())}">Open the plan</a></p>`;
  ctx.mail.push({
    token: tokenFor(ctx, ['Note', record.id, replyId]),
    kind: 'Note',
    about: record.id,
    to: ctx.me,
    subject,
    plain,
    html,
    inReplyTo: '',
  });
}

/** Reminders in the request's own thread, and one note to the sponsor, when replies are late. */
function chase(ctx: Context, record: ApprovalRecord): void {
  if (reminderDue(record, ctx.now, ctx.timing.reminderDays) && record.messageId) {
    const number = record.reminders + 1;
    const plain = `${replyMarker}\nA reminder: this approval request is waiting for your reply (due ${record.due}).\nReply with APPROVE, REJECT or CHANGES as the first word.\nResponda con APROBAR, RECHAZAR o CAMBIOS como primera palabra.`;
    ctx.mail.push({
      token: tokenFor(ctx, ['Reminder', record.id, String(number)]),
      kind: 'Reminder',
      about: record.id,
      to: record.approver,
      subject: '',
      plain,
      html: htmlParagraphs(plain),
      inReplyTo: record.messageId,
    });
    ctx.table.set(record.row, 'reminders', number);
    ctx.events.push({
      who: ctx.me,
      action: 'Reminder sent',
      subject: record.id,
      before: String(record.reminders),
      after: String(number),
      note: '',
    });
  }
  if (escalationDue(record, ctx.now, ctx.timing.escalationDays)) {
    const sponsor = ctx.chain.steps
      .flatMap((s) => s.approvers)
      .find((a) => a.role.toLowerCase() === 'executive sponsor');
    if (sponsor?.email && sponsor.email !== record.approver) {
      const workflow = ctx.plan.selected?.name ?? record.workflowId;
      const plain = `The approval request ${record.id} to the ${record.role} for the pilot of “${workflow}” has waited since ${record.sent?.toISOString().slice(0, 10) ?? ''} without a reply.\n\nOpen the plan: ${ctx.spreadsheet.getUrl()}`;
      ctx.mail.push({
        token: tokenFor(ctx, ['Escalation', record.id]),
        kind: 'Escalation',
        about: record.id,
        to: sponsor.email,
        subject: oneLine(`[AI Plan] Waiting for a reply: ${workflow} — ${record.role}`),
        plain,
        html: htmlParagraphs(plain),
        inReplyTo: '',
      });
    }
    ctx.table.set(record.row, 'escalated', ctx.now);
    ctx.events.push({
      who: ctx.me,
      action: 'Escalated to the sponsor',
      subject: record.id,
      before: '',
      after: '',
      note: '',
    });
  }
}

/**
 * Commits an action: the emails it decided go to the Outbox first (so a cut-off run's emails are known
 * to the next), then the Approvals rows and the Log; then every pending email of the user is sent and
 * marked sent, and the requests that went out are recorded as sent.
 */
function finish(ctx: Context, outbox: Outbox | null = null): void {
  if (outbox) {
    outbox.enqueue(ctx.mail, ctx.now);
    ctx.mail = [];
    outbox.write();
  }
  ctx.table.flush(ctx.gas);
  appendToLog(ctx.gas, ctx.spreadsheet, ctx.events, ctx.now);
  ctx.events = [];
  if (!outbox) return;
  const delivered = outbox.deliver(ctx.now, (queued) => {
    if (queued.kind !== 'Request') return 'send';
    // A request goes out only with its row: a row never written (a run cut off in between) cancels it.
    const record = ctx.records.find((r) => r.id === queued.token);
    return record?.status === 'Sending' ? 'send' : 'cancel';
  });
  recordDelivered(ctx, delivered);
  ctx.table.flush(ctx.gas);
  if (ctx.records.some((r) => isPending(r) && r.requestedBy === ctx.me)) ensureHourlyCheck(ctx.gas);
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
    edited: ctx.records.flatMap((r) => editedNote(r) ?? []),
  };
}

function identity(gas: AppsScript): string {
  return displayName(whoAmI(gas)).toLowerCase();
}

/** The Approvals view. Marks stale requests when the plan changed. */
export function approvalBoard(gas: AppsScript): ApprovalBoard {
  const spreadsheet = activeSpreadsheet(gas);
  if (!spreadsheet.getSheetByName(approvalsTemplate.name)) return emptyBoard();
  return withDocumentLock(gas, () => {
    const ctx = open(gas, spreadsheet, identity(gas), new Date());
    markStale(ctx);
    finish(ctx);
    return board(ctx);
  });
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
    edited: [],
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
    const outbox = Outbox.open(gas, spreadsheet, ctx.me);
    settleEdits(ctx);
    repairSending(ctx, outbox);
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

/** Above this many pending requests, one Gmail search finds the threads that have replies. */
const SEARCH_ABOVE = 20;

/**
 * The pending requests whose threads hold a message from someone else. With few pending requests every
 * thread is read (immediate, no search index lag); with many, Gmail search finds the threads with a
 * reply, so a run's cost follows the replies that came in, not the requests still waiting.
 */
function withReplies(
  ctx: Context,
  pending: ApprovalRecord[],
): { record: ApprovalRecord; thread: GmailThread | null }[] {
  if (pending.length <= SEARCH_ABOVE) return pending.map((record) => ({ record, thread: null }));
  const earliest = Math.min(...pending.map((r) => r.sent?.getTime() ?? ctx.now.getTime()));
  const after = Math.floor((earliest - 86400000) / 1000);
  const query = `subject:"AI Plan AP-" -from:me after:${after}`;
  const active = new Map<string, GmailThread>();
  for (let start = 0; ; start += 500) {
    const threads = ctx.gas.GmailApp.search(query, start, 500);
    for (const thread of threads) active.set(thread.getId(), thread);
    if (threads.length < 500) break;
  }
  return pending.flatMap((record) => {
    const thread = active.get(record.threadId);
    return thread ? [{ record, thread }] : [];
  });
}

export interface CheckSummary {
  read: number;
  decided: number;
  review: number;
  sent: number;
  /** True when the run stopped early to stay inside Apps Script's time limit; the next run goes on. */
  partial: boolean;
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
      message: 'The workspace is not set up.',
    };
  }
  return withDocumentLock(gas, () => {
    const me = whoAmI(gas).email.toLowerCase();
    // Apps Script's clock is the only one there; tests pass theirs to step through the days.
    const ctx = open(gas, spreadsheet, me, options.now ?? new Date());
    const outbox = Outbox.open(gas, spreadsheet, me);
    settleEdits(ctx);
    repairSending(ctx, outbox);
    markStale(ctx);
    const approvers = new Map(
      ctx.chain.steps.flatMap((s) => s.approvers.map((a) => [`${s.number}|${a.email}`, a] as const)),
    );
    const pending = ctx.records.filter((r) => isPending(r) && r.status !== 'Sending' && r.requestedBy === me);
    const mine = withReplies(ctx, pending);
    let read = 0;
    let partial = false;
    for (const { record, thread } of mine) {
      if (Date.now() - started > budgetMs) {
        partial = true;
        break;
      }
      readThread(ctx, record, approvers.get(`${record.step}|${record.approver}`), thread);
      read += 1;
    }
    reread(ctx);
    for (const record of ctx.records.filter((r) => r.status === 'Sent' && r.requestedBy === me))
      chase(ctx, record);
    const decided = ctx.events.filter((e) => e.action === 'Approval decision').length;
    const review = ctx.events.filter((e) => e.action === 'Reply needs review').length;
    reread(ctx);
    let sent = 0;
    const progress = progressOf(ctx);
    if (
      !partial &&
      progress?.current &&
      progress.state === 'not-sent' &&
      progress.current.approvers.length > 0 &&
      progress.steps[0] !== progress.current &&
      ctx.plan.ready &&
      ctx.chain.problems.length === 0
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
    finish(ctx, outbox);
    const parts = [
      `Read ${read} pending ${read === 1 ? 'request' : 'requests'}`,
      `${decided} ${decided === 1 ? 'decision' : 'decisions'} recorded`,
      review > 0 ? `${review} to review` : '',
      sent > 0 ? `${sent} next-step ${sent === 1 ? 'request' : 'requests'} sent` : '',
      partial ? 'stopped early to stay within the time limit; the next check continues' : '',
    ].filter(Boolean);
    return { read, decided, review, sent, partial, message: `${parts.join('; ')}.` };
  });
}

/** A person decides a reply the add-on could not read with certainty; logged with their name. */
export function resolveReview(gas: AppsScript, input: unknown): ApprovalResult {
  const value = input as Partial<ReviewDecision> | null;
  const decisions: Record<string, string> = {
    Approve: 'Approved',
    Reject: 'Rejected',
    Changes: 'Changes requested',
  };
  const status = typeof value?.decision === 'string' ? decisions[value.decision] : undefined;
  const note = typeof value?.note === 'string' ? value.note.trim().slice(0, 500) : '';
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
    const outbox = Outbox.open(gas, spreadsheet, whoAmI(gas).email.toLowerCase());
    settleEdits(ctx);
    const record = ctx.records.find((r) => r.id === value.requestId);
    if (!record || record.status !== 'Needs review') {
      finish(ctx, outbox);
      return {
        ok: false,
        errors: [
          {
            field: 'requestId',
            message: `Request ${value.requestId ?? ''} is not waiting for review any more; reload.`,
          },
        ],
      };
    }
    update(ctx, record.row, {
      status,
      decision: value.decision ?? '',
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

/** Where the approval chain stands for the current plan version (for starting the pilot). */
export function approvalState(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  now: Date,
): { state: string; version: string | null } {
  const ctx = open(gas, spreadsheet, identity(gas), now);
  return { state: progressOf(ctx)?.state ?? 'not-sent', version: ctx.plan.version };
}
