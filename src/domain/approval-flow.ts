import type { ApprovalChain, ApprovalStep, Approver } from './approval-chain';
import { isLive, type ApprovalRecord, type ApprovalStatus } from './approval-records';
import type { ReplyReading } from './reply-reader';

/**
 * Where a workflow's approval chain stands, and what a reply does to it: pure rules over the chain from
 * Settings and the rows of the Approvals sheet for the current plan version.
 */
export interface ApproverProgress {
  approver: Approver;
  /** The live request to this approver for this step and plan version, if one was made. */
  record: ApprovalRecord | null;
}

export interface StepProgress {
  step: ApprovalStep;
  approvers: ApproverProgress[];
  complete: boolean;
}

export type ChainState = 'not-sent' | 'waiting' | 'needs-review' | 'approved' | 'stopped';

export interface ChainProgress {
  /** The steps that apply, in order. */
  steps: StepProgress[];
  current: StepProgress | null;
  state: ChainState;
  /** The rejection or change request that stopped the chain. */
  stoppedBy: ApprovalRecord | null;
  /** Approvers of the current step who have no request yet for this plan version. */
  toSend: Approver[];
}

const sameVersion = (r: ApprovalRecord, workflowId: string, version: string) =>
  r.workflowId === workflowId && r.planVersion === version && isLive(r);

export function chainProgress(
  chain: ApprovalChain,
  records: readonly ApprovalRecord[],
  workflowId: string,
  version: string,
): ChainProgress {
  const live = records.filter((r) => sameVersion(r, workflowId, version));
  const steps = chain.steps
    .filter((s) => s.applies && s.approvers.length > 0)
    .map((step) => {
      const approvers = step.approvers.map((approver) => ({
        approver,
        record: live.find((r) => r.step === step.number && r.approver === approver.email) ?? null,
      }));
      return { step, approvers, complete: approvers.every((a) => a.record?.status === 'Approved') };
    });
  const stoppedBy = live.find((r) => r.status === 'Rejected' || r.status === 'Changes requested') ?? null;
  const current = steps.find((s) => !s.complete) ?? null;
  const toSend =
    current && !stoppedBy ? current.approvers.filter((a) => a.record === null).map((a) => a.approver) : [];
  const state: ChainState = stoppedBy
    ? 'stopped'
    : !current
      ? 'approved'
      : current.approvers.some((a) => a.record?.status === 'Needs review')
        ? 'needs-review'
        : current.approvers.every((a) => a.record === null)
          ? 'not-sent'
          : 'waiting';
  return { steps, current, state, stoppedBy, toSend };
}

/**
 * Live requests made for another plan: an older version of this workflow's plan, or another workflow
 * that is no longer the selected one. The plan changed, so they no longer count.
 */
export function staleRequests(
  records: readonly ApprovalRecord[],
  workflowId: string,
  version: string,
): ApprovalRecord[] {
  return records.filter((r) => isLive(r) && (r.workflowId !== workflowId || r.planVersion !== version));
}

/** "Name" <a@b.org>, <a@b.org> or a@b.org → a@b.org, lower case; "" when there is no address. */
export function addressOf(from: string): string {
  const text = from.slice(0, 500);
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  const candidate = open >= 0 && close > open ? text.slice(open + 1, close) : text;
  const trimmed = candidate.trim().toLowerCase();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(trimmed) ? trimmed : '';
}

export type SenderCheck = { counts: true } | { counts: false; reason: string };

/**
 * Only the named approver's reply counts: the address (never the display name) must be theirs or a
 * configured alias, and Gmail must not report a DMARC failure for it.
 */
export function checkSender(
  from: string,
  approver: Pick<Approver, 'email' | 'aliases'>,
  authResults: string,
): SenderCheck {
  const address = addressOf(from);
  if (address === '')
    return { counts: false, reason: `the sender “${from.slice(0, 120)}” has no readable address` };
  if (address !== approver.email && !approver.aliases.includes(address))
    return { counts: false, reason: `it came from ${address}, not from the approver` };
  if (/\bdmarc=fail\b/i.test(authResults.slice(0, 5000)))
    return { counts: false, reason: `Gmail reports that ${address} failed DMARC: it may be forged` };
  return { counts: true };
}

/** What a counted reply does to its request row. */
export function replyOutcome(reading: ReplyReading): { status: ApprovalStatus; decision: string } {
  switch (reading.decision) {
    case 'APPROVE':
      return { status: 'Approved', decision: 'Approve' };
    case 'REJECT':
      return { status: 'Rejected', decision: 'Reject' };
    case 'CHANGES':
      return { status: 'Changes requested', decision: 'Changes' };
    case 'NEEDS_REVIEW':
      return { status: 'Needs review', decision: '' };
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** A reminder is due every `days` days after sending, at most `max` times, while no decision is in. */
export function reminderDue(record: ApprovalRecord, now: Date, days: number, max = 2): boolean {
  if (record.status !== 'Sent' || !record.sent || record.reminders >= max || days <= 0) return false;
  return now.getTime() - record.sent.getTime() >= (record.reminders + 1) * days * DAY;
}

/** The sponsor is told once, `days` days after sending, that the request is still waiting. */
export function escalationDue(record: ApprovalRecord, now: Date, days: number): boolean {
  if (record.status !== 'Sent' || !record.sent || record.escalated || days <= 0) return false;
  return now.getTime() - record.sent.getTime() >= days * DAY;
}
