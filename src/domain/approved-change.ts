import type { ApprovalRecord } from './approval-records';
import type { LogEvent } from './audit-log';
import { shortValue, type PlanChange } from './plan-diff';
import type { FieldError } from './input-fields';
import type { Message } from './messages/catalogue';

/**
 * Changing a plan inside an approved version (issue 16): a save that would change the version while an
 * approval of that version counts is refused, naming the approvals it voids and what it changes,
 * unless the person confirms it. Confirmed, the change is logged field by field, the voided approvals
 * are marked stale by the save (stale-approvals.ts), and a running pilot pauses until the new version
 * is approved. A save that leaves the version as it is never asks.
 */
/**
 * What the planner shows so the person can confirm or cancel (plain JSON: it crosses to the sidebar).
 * Confirming sends the same input again with `confirmApprovedChange` set to `version`, so a
 * confirmation never stands for a plan that has changed again since it was shown.
 */
export type ApprovedChangeNotice = {
  /** The approved version the change would leave. */
  version: string;
  /** The approvals of that version that would no longer count. */
  voids: { step: number; role: string; approver: string }[];
  /** What the save changes, field by field (values shortened). */
  changes: { label: string; before: string; after: string }[];
  /** The pilot is running: it would be paused until the new version is approved. */
  pausesPilot: boolean;
};

/** The refusal every save path returns for it: the message, and the notice for the confirm view. */
export type ApprovedChangeRefusal = { ok: false; errors: FieldError[]; approvedChange: ApprovedChangeNotice };

export interface PlanAt {
  workflowId: string;
  version: string;
  /** The canonical form the version hashes (plan-version.ts). */
  canonical: string;
}

/** Approvals that count for `plan`: the Approved rows of its version (rows as verified by their seal). */
export function approvalsOf(
  records: readonly ApprovalRecord[],
  plan: Omit<PlanAt, 'canonical'>,
): ApprovalRecord[] {
  return records.filter(
    (r) => r.status === 'Approved' && r.workflowId === plan.workflowId && r.planVersion === plan.version,
  );
}

/** What the change would void, or null when it is not a change inside an approved version. */
export function approvedChange(
  records: readonly ApprovalRecord[],
  before: PlanAt,
  after: Omit<PlanAt, 'workflowId'>,
  changes: readonly PlanChange[],
  nameOf: (email: string) => string,
  pilotRunning: boolean,
): ApprovedChangeNotice | null {
  if (before.version === after.version) return null;
  const voided = approvalsOf(records, before);
  if (voided.length === 0) return null;
  return {
    version: before.version,
    voids: voided
      .map((r) => ({ step: r.step, role: r.role, approver: nameOf(r.approver) || r.approver }))
      .sort((a, b) => a.step - b.step || (a.role < b.role ? -1 : 1)),
    changes: changes.map((c) => ({
      label: c.label,
      before: shortValue(c.before),
      after: shortValue(c.after),
    })),
    pausesPilot: pilotRunning,
  };
}

const list = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

const whoApproved = (notice: ApprovedChangeNotice) =>
  list(notice.voids.map((v) => `the ${v.role} (${v.approver})`));

/** The refusal: what is voided, and how to go on. */
export function refusal(notice: ApprovedChangeNotice): ApprovedChangeRefusal {
  const pause = notice.pausesPilot ? ' The running pilot would pause until the new version is approved.' : '';
  return {
    ok: false,
    errors: [
      {
        field: 'confirmApprovedChange',
        message: `This changes the plan ${whoApproved(notice)} approved: ${notice.voids.length === 1 ? 'that approval' : 'those approvals'} would no longer count, and ${notice.voids.length === 1 ? 'that step is' : 'those steps are'} asked again.${pause} Confirm the change to save it; nothing was saved.`,
      },
    ],
    approvedChange: notice,
  };
}

/** Whether the input confirms voiding exactly this version's approvals. */
export function confirms(input: unknown, notice: ApprovedChangeNotice): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as Record<string, unknown>)['confirmApprovedChange'] === notice.version
  );
}

const MAX_EVENTS = 20;

/** The Log: each change (field: before → after) with the versions, and the approvals it voided. */
export function changeEvents(
  notice: ApprovedChangeNotice,
  changes: readonly PlanChange[],
  plan: { workflowId: string; to: string },
  who: string,
): LogEvent[] {
  const note = `Plan ${notice.version} → ${plan.to}. Confirmed over the approval of ${whoApproved(notice)}.`;
  const events: LogEvent[] = changes.slice(0, MAX_EVENTS).map((c) => ({
    who,
    action: 'Changed approved plan',
    subject: `${plan.workflowId} ${c.label}`,
    before: shortValue(c.before, 500),
    after: shortValue(c.after, 500),
    note,
  }));
  if (changes.length > MAX_EVENTS)
    events.push({
      who,
      action: 'Changed approved plan',
      subject: plan.workflowId,
      before: '',
      after: `${changes.length - MAX_EVENTS} more changes`,
      note: changes
        .slice(MAX_EVENTS)
        .map((c) => c.label)
        .join('; ')
        .slice(0, 1000),
    });
  return events;
}

const fieldsNamed = (changes: readonly PlanChange[], more: string) => {
  const labels = changes.map((c) => c.label);
  return (
    labels.slice(0, 5).join(', ') +
    (labels.length > 5 ? ` ${more.replace('{n}', String(labels.length - 5))}` : '')
  );
};

/** Why the pilot is paused, as the Pilot row and the Log say it: the fields, not their values. */
export function planChangeReason(changes: readonly PlanChange[]): string {
  return `The approved plan changed (${fieldsNamed(changes, 'and {n} more')}): it needs approval again.`;
}

/** The fields a change changed, as the pause notice names them (the labels are the sheets' headers). */
export function planChangeFields(changes: readonly PlanChange[]): Message {
  return { en: `${fieldsNamed(changes, 'and {n} more')}.`, es: `${fieldsNamed(changes, 'y {n} más')}.` };
}

/** Whether a pause reason is the one a plan change gives (pilot resumes only once re-approved). */
export const isPlanChangePause = (reason: string): boolean =>
  reason.startsWith('The approved plan changed (');

/** What the planner says after a confirmed change. */
export function afterApprovedChange(notice: ApprovedChangeNotice): string {
  const pause = notice.pausesPilot ? ' The pilot is paused until every step approves the new version.' : '';
  return `The earlier approvals no longer count: send the requests again (4. Approve).${pause}`;
}
