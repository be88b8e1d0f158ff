import { pilot as pilotTemplate } from '../../sheets-templates/pilot';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import type { LogEvent } from '../domain/audit-log';
import { isRecord, textField } from '../domain/input-fields';
import { isoDayToUtc } from '../domain/iso-day';
import { cannotDecide, cannotResume, sponsorAuthority, type PilotMoment } from '../domain/pilot-authority';
import { readRoles, SPONSOR_ROLE } from '../domain/roles';
import {
  checkPilotInput,
  missingToStart,
  pilotDateFields,
  pilotContent,
  pilotLabels,
  pilotTextFields,
  readPilot,
  type PilotFields,
  type PilotRecord,
} from '../domain/pilot-plan';
import { pilotSeal, sealedPilot } from '../domain/pilot-seal';
import { nextId, text, type TableData } from '../domain/table';
import { readWorkflows, type WorkflowRecord } from '../domain/workflow-records';
import type { DecisionInput, PilotBoard, PilotPlanInput, PilotResult, ResumeInput } from '../shared/pilot';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript, Spreadsheet } from './apps-script';
import type { MailIntent } from '../domain/outbox';
import { approvalState } from './approvals';
import { planWith, syncGovernance } from './governance';
import { guardApprovedChange } from './approved-change';
import { afterApprovedChange, planChangeFields, planChangeReason } from '../domain/approved-change';
import { commitJournaled, deliverPending } from './outbox';
import { decisionNotices, pauseNotices } from './pilot-notices';
import type { PilotDecision } from '../domain/pilot-notices';
import { localSigner } from './document-secret';
import { serveRunningPilot } from './pilot-hourly';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';
import { SheetTable } from './sheet-table';
import { inputCaps, refusedForLength } from '../domain/input-caps';
import { sheetByName } from './sheet-reads';
import { localDay, timeZoneOf } from './local-time';

/**
 * Phases 3–5 in the planner: the pilot plan (its content is part of the plan version), starting the
 * pilot once every approval step approved the current version, and the sponsor's decision.
 */
const decisions = ['Scale', 'Extend', 'Narrow', 'Revise', 'Stop'] as const;

interface PilotContext {
  spreadsheet: Spreadsheet;
  workflows: SheetTable;
  table: SheetTable;
  selected: WorkflowRecord | null;
  record: PilotRecord | null;
  /** Why the Pilot row's state or decision, as it reads, does not count; null when it does. */
  edited: string | null;
  sign: (text: string) => string;
  /** Where the approvals stand, once asked in this action (nothing the pilot's actions write moves it). */
  approvals?: { state: string; version: string | null } | undefined;
}

/** `write`: an action (a view makes no secret, so it writes nothing). */
function load(gas: AppsScript, spreadsheet: Spreadsheet, write = true): PilotContext {
  const workflows = SheetTable.open(spreadsheet, workflowsTemplate, ['id', 'name', 'selected']);
  const selectedRows = readWorkflows(workflows.data).workflows.filter((w) => w.selected && w.id);
  const selected = selectedRows.length === 1 ? (selectedRows[0] ?? null) : null;
  const table = SheetTable.open(spreadsheet, pilotTemplate, ['id', 'workflowId', 'state']);
  const sign = localSigner(gas, write);
  return { spreadsheet, workflows, table, selected, sign, ...recordOf(table, table.data, selected, sign) };
}

/** The selected workflow's Pilot row in `data`, with the state and decision that count. */
function recordOf(
  table: SheetTable,
  data: TableData,
  selected: WorkflowRecord | null,
  sign: (text: string) => string,
): Pick<PilotContext, 'record' | 'edited'> {
  const shown = table.displayedColumns(pilotDateFields);
  const read = selected?.id ? readPilot(data, selected.id, shown) : null;
  const cells = read ? data.rows.find((r) => r.row === read.row)?.cells : undefined;
  // The state and decision that count are the sealed ones, whatever was typed into the row.
  const sealed = read && cells ? sealedPilot(sign, read.row, cells) : null;
  const record =
    read && sealed
      ? { ...read, state: sealed.state as PilotRecord['state'], decision: sealed.decision }
      : read;
  return { record, edited: sealed?.edited ?? null };
}

/**
 * The context as this action left it, from the rows it holds: the board after a change reads no
 * sheet again. The rows keep their places and their dates as shown (an action that changes the
 * pilot's state writes no date the board shows as the sheet displays it).
 */
function held(ctx: PilotContext): PilotContext {
  return { ...ctx, ...recordOf(ctx.table, ctx.table.current(), ctx.selected, ctx.sign) };
}

/** Where the approvals stand: asked once per action. */
function approvalsOf(
  gas: AppsScript,
  ctx: PilotContext,
  now: Date,
): { state: string; version: string | null } {
  return (ctx.approvals ??= ctx.selected
    ? approvalState(gas, ctx.spreadsheet, now)
    : { state: 'not-sent', version: null });
}

/** Sets a Pilot row's cells and seals its state and decision with them. */
function update(ctx: PilotContext, row: number, changes: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(changes)) ctx.table.set(row, key, value);
  const cells = Object.fromEntries(ctx.table.template.columns.map((c) => [c.key, ctx.table.get(row, c.key)]));
  ctx.table.set(row, 'seal', pilotSeal(ctx.sign, cells));
}

/**
 * A Pilot row whose state or decision was typed in by hand, found by an action: logged once and
 * written back as the add-on recorded it.
 */
function settleEdit(ctx: PilotContext, who: string): LogEvent[] {
  if (!ctx.edited || !ctx.record) return [];
  const row = ctx.record.row;
  const before = `${text(ctx.table.get(row, 'state'))} ${text(ctx.table.get(row, 'decision'))}`;
  update(ctx, row, { state: ctx.record.state, decision: ctx.record.decision });
  const event = {
    who,
    action: 'Pilot row edited in the sheet',
    subject: ctx.record.workflowId,
    before: before.trim(),
    after: `${ctx.record.state} ${ctx.record.decision}`.trim(),
    note: ctx.edited,
  };
  ctx.edited = null;
  return [event];
}

const emptyPlan = (): PilotPlanInput =>
  Object.fromEntries(
    [...pilotTextFields, ...pilotDateFields, 'checkInDay'].map((f) => [f, '']),
  ) as PilotPlanInput;

function planOf(record: PilotRecord | null): PilotPlanInput {
  const plan = emptyPlan();
  if (!record) return plan;
  for (const field of Object.keys(plan) as (keyof PilotPlanInput)[]) plan[field] = record[field];
  return plan;
}

const dayOf = (iso: string): number | undefined => {
  const date = isoDayToUtc(iso);
  return date ? date.getTime() / 86_400_000 : undefined;
};

/** Where the pilot stands today, for the decision and resume rules. */
function momentOf(gas: AppsScript, ctx: PilotContext, now: Date): PilotMoment {
  const record = ctx.record;
  const zone = timeZoneOf(ctx.spreadsheet);
  const end = record ? isoDayToUtc(record.pilotEnd) : null;
  return {
    state: record?.state ?? 'Draft',
    pilotEnd: record ? dayOf(record.pilotEnd) : undefined,
    today: dayOf(localDay(gas, zone, now)) ?? 0,
    pauseReason: record ? text(ctx.table.get(record.row, 'pausedBecause')) : '',
    decision: record?.decision ?? '',
    pilotEndShown: end ? gas.Utilities.formatDate(end, 'UTC', 'MMM d, yyyy') : '',
  };
}

function board(gas: AppsScript, ctx: PilotContext, now: Date): PilotBoard {
  const { selected, record } = ctx;
  const plan = planOf(record);
  const approvals = approvalsOf(gas, ctx, now);
  const missing = missingToStart(plan);
  const state = record?.state ?? 'Draft';
  const started = record ? ctx.table.get(record.row, 'started') : null;
  const cannotStart = !selected
    ? 'Select a workflow first.'
    : state !== 'Draft'
      ? `The pilot is ${state.toLowerCase()}.`
      : missing.length > 0
        ? `The plan is missing ${missing.length} ${missing.length === 1 ? 'part' : 'parts'} (listed below).`
        : approvals.state !== 'approved'
          ? 'Every approval step must approve this plan version first (4. Approve).'
          : null;
  return {
    setUp: true,
    selected: selected?.id ? { id: selected.id, name: selected.name } : null,
    plan,
    state,
    started:
      started instanceof Date
        ? gas.Utilities.formatDate(started, timeZoneOf(ctx.spreadsheet), 'yyyy-MM-dd HH:mm')
        : '',
    planVersion: approvals.version,
    approvals: approvals.state,
    missing,
    cannotStart,
    decision: record?.decision ?? '',
    rationale: record?.rationale ?? '',
    decidedBy: record ? text(ctx.table.get(record.row, 'decidedBy')) : '',
    recordedBy: record ? text(ctx.table.get(record.row, 'recordedBy')) : '',
    pausedBecause: record ? text(ctx.table.get(record.row, 'pausedBecause')) : '',
    cannotDecide: selected ? cannotDecide(momentOf(gas, ctx, now)) : 'Select a workflow first.',
    edited: ctx.edited,
  };
}

export function pilotBoard(gas: AppsScript): PilotBoard {
  const spreadsheet = activeSpreadsheet(gas);
  if (!sheetByName(spreadsheet, pilotTemplate.name)) {
    return {
      setUp: false,
      selected: null,
      plan: emptyPlan(),
      state: 'Draft',
      started: '',
      planVersion: null,
      approvals: 'not-sent',
      missing: [],
      cannotStart: 'Run Set up workspace first.',
      decision: '',
      rationale: '',
      decidedBy: '',
      recordedBy: '',
      pausedBecause: '',
      cannotDecide: 'Run Set up workspace first.',
      edited: null,
    };
  }
  return board(gas, load(gas, spreadsheet, false), new Date());
}

function finish(
  gas: AppsScript,
  ctx: PilotContext,
  events: LogEvent[],
  now: Date,
  mail: readonly MailIntent[] = [],
): void {
  commitJournaled(gas, ctx.spreadsheet, ctx.sign, events, now, () => ctx.table.flush(gas), mail);
}

/** Saves the pilot plan for the selected workflow (creating its row the first time). */
export function savePilotPlan(gas: AppsScript, input: unknown): PilotResult {
  const checked = checkPilotInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('savePilotPlan', input);
  if (refused) return refused;
  const value: PilotFields = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet);
    if (!ctx.selected?.id) return { ok: false, errors: [{ field: '', message: 'Select a workflow first.' }] };
    const who = displayName(whoAmI(gas));
    const edits = settleEdit(ctx, who);
    if (ctx.record && (ctx.record.state === 'Ended' || ctx.record.decision !== '')) {
      return {
        ok: false,
        errors: [{ field: '', message: 'The pilot has ended with a decision; its plan is a record now.' }],
      };
    }
    const changed = (Object.keys(value) as (keyof PilotFields)[]).filter(
      (f) => (ctx.record?.[f] ?? '') !== value[f],
    );
    if (changed.length === 0) {
      // The same save again after a run cut off part-way: its notices go, and its version follows.
      if (edits.length > 0) finish(gas, ctx, edits, now);
      else deliverPending(gas, spreadsheet, ctx.sign, now);
      syncGovernance(gas, spreadsheet, who, now);
      return { ok: true, message: 'Nothing changed.', board: board(gas, ctx, now) };
    }
    // Inside an approved version, the change waits for the person's confirmation; nothing is written.
    const running = ctx.record?.state === 'Running';
    const planned = planWith(gas, spreadsheet, { pilot: pilotContent(value) });
    const guarded = planned
      ? guardApprovedChange(gas, spreadsheet, planned, input, {
          people: planned.people,
          pilotRunning: running,
          who,
        })
      : { go: null };
    if ('refused' in guarded) return guarded.refused;
    let row = ctx.record?.row;
    if (row === undefined) {
      const ids = ctx.table.data.rows.map((r) => String(r.cells['id'] ?? ''));
      row = ctx.table.append({ id: nextId(pilotTemplate.idPrefix, ids), workflowId: ctx.selected.id });
      update(ctx, row, { state: 'Draft' });
    }
    for (const field of changed) ctx.table.set(row, field, value[field]);
    const pause: LogEvent[] = [];
    let mail: MailIntent[] = [];
    if (guarded.go && running && ctx.record) {
      const reason = planChangeReason(guarded.go.changes);
      update(ctx, row, { state: 'Paused', pausedBecause: reason });
      const started = ctx.table.get(row, 'started');
      const notices = pauseNotices(gas, spreadsheet, ctx.sign, {
        workflowId: ctx.selected.id,
        workflow: ctx.selected.name,
        reasons: [planChangeFields(guarded.go.changes)],
        started: started instanceof Date ? started.toISOString() : text(started),
        resumedAfter: text(ctx.table.get(row, 'resumedAfter')),
        by: 'plan',
      });
      pause.push(
        {
          who,
          action: 'Pilot paused: approved plan changed',
          subject: ctx.selected.id,
          before: 'Running',
          after: 'Paused',
          note: reason,
        },
        notices.event,
      );
      mail = notices.intents;
    }
    finish(
      gas,
      ctx,
      [
        ...edits,
        ...(guarded.go?.events ?? []),
        ...pause,
        {
          who,
          action: ctx.record ? 'Edited pilot plan' : 'Wrote pilot plan',
          subject: ctx.selected.id,
          before: '',
          after: changed.map((f) => pilotLabels[f]).join(', '),
          note: ctx.record && ctx.record.state !== 'Draft' ? 'Changed while the pilot is running.' : '',
        },
      ],
      now,
      mail,
    );
    // The plan version changed: the checklist's version, and requests for the earlier one, follow now.
    syncGovernance(gas, spreadsheet, who, now);
    const after = load(gas, spreadsheet);
    const shown = board(gas, after, now);
    const stale = shown.approvals !== 'approved' && ctx.record !== null;
    return {
      ok: true,
      message: guarded.go
        ? `Saved the pilot plan. ${afterApprovedChange(guarded.go.notice)}`
        : `Saved the pilot plan.${stale ? ' The plan version changed: approvals given to the earlier version are stale.' : ''}`,
      board: shown,
    };
  });
}

/** Starts the pilot: only a complete plan that every approval step approved in its current version. */
export function startPilot(gas: AppsScript): PilotResult {
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet);
    const edits = settleEdit(ctx, displayName(whoAmI(gas)));
    const current = board(gas, ctx, now);
    if (current.cannotStart || !ctx.record || !ctx.selected?.id) {
      if (edits.length > 0) finish(gas, ctx, edits, now);
      return {
        ok: false,
        errors: [{ field: '', message: current.cannotStart ?? 'Write the pilot plan first.' }],
      };
    }
    update(ctx, ctx.record.row, { state: 'Running', started: now });
    finish(
      gas,
      ctx,
      [
        ...edits,
        {
          who: displayName(whoAmI(gas)),
          action: 'Started pilot',
          subject: ctx.selected.id,
          before: 'Draft',
          after: 'Running',
          note: `Plan version ${current.planVersion ?? ''}; ${ctx.record.pilotStart} to ${ctx.record.pilotEnd}.`,
        },
      ],
      now,
    );
    serveRunningPilot(gas, spreadsheet, now);
    return {
      ok: true,
      message: `The pilot of “${ctx.selected.name}” is running.`,
      board: board(gas, held(ctx), now),
    };
  });
}

interface Sponsor {
  name: string;
  email: string;
  aliases: string[];
}

function sponsorOf(spreadsheet: Spreadsheet): Sponsor | null {
  const settings = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']);
  const person = readRoles(settings.data).directory.people.find(
    (p) => p.role.toLowerCase() === SPONSOR_ROLE.toLowerCase(),
  );
  return person ? { name: person.name, email: person.email, aliases: person.aliases } : null;
}

function onBehalfOf(raw: Record<string, unknown>): { onBehalf: boolean; evidence: string } {
  return {
    onBehalf: raw['onBehalf'] === true,
    evidence: typeof raw['evidence'] === 'string' ? raw['evidence'] : '',
  };
}

/**
 * Records the sponsor's end-of-pilot decision with its evidence; the pilot ends. Only once the pilot has
 * ended or its stop rule paused it, and only by the sponsor or on the sponsor's behalf (both kept).
 */
/** A decision recorded, and whether it re-opened the plan (the leader view then reads the checklist). */
export type DecisionResult = PilotResult | (Extract<PilotResult, { ok: true }> & { reopens: boolean });

export function recordDecision(gas: AppsScript, input: unknown): DecisionResult {
  const refused = refusedForLength('recordDecision', input);
  if (refused) return refused;
  const errors: { field: string; message: string }[] = [];
  const raw = isRecord(input) ? input : {};
  const decision = typeof raw['decision'] === 'string' ? raw['decision'] : '';
  if (!(decisions as readonly string[]).includes(decision))
    errors.push({ field: 'decision', message: `Choose the decision: ${decisions.join(', ')}.` });
  const rationale = textField(
    errors,
    raw,
    'rationale',
    'The evidence behind the decision',
    inputCaps.recordDecision.rationale,
    true,
  );
  const scaleTier = raw['scaleTier'] === 'Amber' || raw['scaleTier'] === 'Red' ? raw['scaleTier'] : '';
  if (raw['scaleTier'] !== undefined && raw['scaleTier'] !== '' && scaleTier === '')
    errors.push({
      field: 'scaleTier',
      message: 'The data tier for the wider use must be Amber, Red or left empty.',
    });
  const scaleNewVendor = raw['scaleNewVendor'] === true;
  if (errors.length > 0) return { ok: false, errors };
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, (): DecisionResult => {
    const now = new Date();
    const ctx = load(gas, spreadsheet);
    const edits = settleEdit(ctx, displayName(whoAmI(gas)));
    const refuse = (message: string, field = ''): PilotResult => {
      // A decision recorded by a run cut off before its notices went: tried again, they go now.
      if (edits.length > 0) finish(gas, ctx, edits, now);
      else deliverPending(gas, spreadsheet, ctx.sign, now);
      return { ok: false, errors: [{ field, message }] };
    };
    if (!ctx.record || !ctx.selected?.id) return refuse('Start the pilot before recording its decision.');
    const refused = cannotDecide(momentOf(gas, ctx, now));
    if (refused) return refuse(refused);
    const me = whoAmI(gas);
    const who = displayName(me);
    const authority = sponsorAuthority(
      me.email,
      who,
      sponsorOf(spreadsheet),
      onBehalfOf(raw),
      'the decision',
    );
    if (!authority.ok) return refuse(authority.message, authority.field);
    const before = ctx.record.state;
    const selected = ctx.selected;
    const workflowId = selected.id ?? '';
    // Scaling into a higher data tier or with a new vendor changes the plan: the workflow's profile
    // takes the change, so the checklist grows and every approval step is asked again.
    const tiers = ['', 'Green', 'Amber', 'Red'];
    const raisesTier = decision === 'Scale' && tiers.indexOf(scaleTier) > tiers.indexOf(selected.dataTier);
    const addsVendor = decision === 'Scale' && scaleNewVendor && !selected.flags.newVendor;
    // Asked before anything is written: a decision that does not re-open the plan leaves them be.
    if (!raisesTier && !addsVendor) approvalsOf(gas, ctx, now);
    if (raisesTier) ctx.workflows.set(selected.row, 'dataTier', scaleTier);
    if (addsVendor) ctx.workflows.set(selected.row, 'newVendor', true);
    update(ctx, ctx.record.row, {
      decision,
      rationale,
      decided: now,
      decidedBy: authority.decidedBy,
      recordedBy: authority.recordedBy,
      sponsorEvidence: authority.evidence,
      state: 'Ended',
    });
    const reopens = raisesTier || addsVendor;
    ctx.workflows.flush(gas);
    const notices = decisionNotices(gas, spreadsheet, ctx.sign, {
      workflowId,
      workflow: selected.name,
      pilotId: ctx.record.id,
      decision: decision as PilotDecision,
      rationale,
      onBehalf: authority.onBehalf,
      reopens,
    });
    const behalf = authority.onBehalf
      ? ` Recorded by ${authority.recordedBy} on behalf of ${authority.decidedBy} (${authority.evidence}).`
      : '';
    finish(
      gas,
      ctx,
      [
        ...edits,
        ...(reopens
          ? [
              {
                who,
                action: 'Scaling re-opens approvals',
                subject: workflowId,
                before: `${selected.dataTier || 'no tier'}${selected.flags.newVendor ? ', new vendor' : ''}`,
                after: `${raisesTier ? scaleTier : selected.dataTier || 'no tier'}${addsVendor || selected.flags.newVendor ? ', new vendor' : ''}`,
                note: 'The checklist gains the items this needs, and every approval step is asked again for the new plan version.',
              },
            ]
          : []),
        {
          who,
          action: 'Pilot decision',
          subject: workflowId,
          before,
          after: decision,
          note: `Decided by ${authority.decidedBy}.${behalf} ${rationale.slice(0, 300)}`,
        },
        notices.event,
      ],
      now,
      notices.intents,
    );
    if (reopens) syncGovernance(gas, spreadsheet, who, now);
    return {
      ok: true,
      message: `Recorded the decision: ${decision}, by ${authority.decidedBy}${authority.onBehalf ? ` (recorded on their behalf by ${authority.recordedBy})` : ''}.${reopens ? ' Scaling changes the plan: the checklist and every approval step open again for the new version.' : ''}`,
      // Scaling that re-opens the plan moves its version: the approvals are asked again.
      board: board(gas, reopens ? { ...held(ctx), approvals: undefined } : held(ctx), now),
      reopens,
    };
  });
}

/**
 * The sponsor resumes a pilot its stop rule paused, saying why it can go on. The reasons resumed over
 * are kept, so the same evidence does not pause it again; anything new does.
 */
export function resumePilot(gas: AppsScript, input: unknown): PilotResult {
  const tooLong = refusedForLength('resumePilot', input);
  if (tooLong) return tooLong;
  const raw = isRecord(input) ? input : {};
  const reason = typeof raw['reason'] === 'string' ? raw['reason'].replace(/\s+/g, ' ').trim() : '';
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet);
    const edits = settleEdit(ctx, displayName(whoAmI(gas)));
    const refuse = (error: { field: string; message: string }): PilotResult => {
      if (edits.length > 0) finish(gas, ctx, edits, now);
      return { ok: false, errors: [error] };
    };
    if (!ctx.record || !ctx.selected?.id)
      return refuse({ field: '', message: 'Only a paused pilot can be resumed.' });
    const approved = approvalsOf(gas, ctx, now).state === 'approved';
    const refused = cannotResume(momentOf(gas, ctx, now), reason, approved);
    if (refused) return refuse(refused);
    const me = whoAmI(gas);
    const who = displayName(me);
    const authority = sponsorAuthority(
      me.email,
      who,
      sponsorOf(spreadsheet),
      onBehalfOf(raw),
      'resuming the pilot',
    );
    if (!authority.ok) {
      const field = authority.field ? `resume-${authority.field}` : '';
      return { ok: false, errors: [{ field, message: authority.message }] };
    }
    const pausedBecause = text(ctx.table.get(ctx.record.row, 'pausedBecause'));
    update(ctx, ctx.record.row, { state: 'Running', pausedBecause: '', resumedAfter: pausedBecause });
    const behalf = authority.onBehalf ? ` On behalf of ${authority.decidedBy} (${authority.evidence}).` : '';
    finish(
      gas,
      ctx,
      [
        ...edits,
        {
          who,
          action: 'Resumed pilot',
          subject: ctx.selected.id,
          before: `Paused: ${pausedBecause}`,
          after: 'Running',
          note: `${reason}${behalf}`,
        },
      ],
      now,
    );
    serveRunningPilot(gas, spreadsheet, now);
    return {
      ok: true,
      message: `The pilot of “${ctx.selected.name}” is running again.`,
      board: board(gas, held(ctx), now),
    };
  });
}

export type { DecisionInput, ResumeInput };
