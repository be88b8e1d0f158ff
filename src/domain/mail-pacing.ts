import type { MailKind, OutboxRecord } from './outbox';

/**
 * At most this many recipients a run, beyond the requests (see `paceDeliveries`). Two limits set it:
 * - Time. An in-thread reply is priced 200 ms (bench/cost-model.ts), a new message 1.2 s. A run that reads
 *   500 replies spends about 115 s modelled on reading them, of the 120 s (a third of Apps Script's 6
 *   minutes) the hourly run may take; 25 receipts are 5 s more. Sending all 500 in that run would add 100 s.
 * - The daily recipient quota (`MailApp.getRemainingDailyQuota()`: 100 a day on a consumer account, 1,500
 *   on Workspace; PLATFORM §2.4). 25 an hour is 600 a day, well inside Workspace's limit, and no run can
 *   spend more of a consumer account's 100 than a quarter, so a requester's own sends later that day
 *   (the next step, a re-request) still have room. The quota left is a second bound, checked each run.
 * The rest stays queued in the Outbox for the next hourly run, in order.
 */
export const RECIPIENTS_PER_RUN = 25;

/**
 * Who waits on an email, most first: a request holds up the approval chain; a reminder or escalation is
 * due now; a note tells the requester a step stopped; a receipt (or an unreadable-reply note) only tells an
 * approver what became of a reply already recorded.
 */
const urgency: Record<MailKind, number> = {
  Request: 0,
  Escalation: 1,
  Reminder: 2,
  Note: 3,
  Notification: 3,
  Summary: 3,
  // Both confirm to an approver what became of their reply: in the order the replies were read.
  'Reply note': 4,
  Receipt: 4,
};

/** The recipients an email counts against the daily quota: its To and Cc addresses. */
export function recipientsOf(email: Pick<OutboxRecord, 'to' | 'cc'>): number {
  const count = (list: string) => list.split(',').filter((a) => a.trim() !== '').length;
  return Math.max(1, count(email.to)) + count(email.cc);
}

/**
 * Which of the emails a run may send go now and which wait for a later run: most urgent first (in the
 * order queued within a kind), while their recipients fit `allowance`. Requests always go now: the step
 * they belong to was checked against the quota when it was decided, and a request left waiting would
 * hold up the chain. Once one email does not fit, it and everything after it wait, so the order holds.
 */
export function paceDeliveries<T extends Pick<OutboxRecord, 'kind' | 'to' | 'cc'>>(
  emails: readonly T[],
  allowance: number,
): { now: T[]; later: T[] } {
  const ordered = emails
    .map((email, at) => ({ email, at }))
    .sort((a, b) => urgency[a.email.kind] - urgency[b.email.kind] || a.at - b.at)
    .map(({ email }) => email);
  const now: T[] = [];
  const later: T[] = [];
  let left = allowance;
  for (const email of ordered) {
    const needs = recipientsOf(email);
    if (email.kind === 'Request') {
      now.push(email);
      left -= needs;
    } else if (later.length === 0 && needs <= left) {
      now.push(email);
      left -= needs;
    } else later.push(email);
  }
  return { now, later };
}
