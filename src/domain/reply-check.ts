import type { ChainProgress } from './approval-flow';
import { isPending, type ApprovalRecord } from './approval-records';
import { awaitingSend } from './request-delivery';

/**
 * The requests a reply check reads the threads of: those of `me` still waiting (a request whose email
 * has not gone has no thread yet), and approvals whose receipt went out, which stay open to "CHANGES" while they
 * count for the current plan version. `mailOnly` (an hourly run with no request waiting and mail
 * queued): the hour is there only to send what an earlier run queued, so no thread is read.
 */
export function requestsToRead(
  records: readonly ApprovalRecord[],
  me: string,
  plan: { workflowId: string | null | undefined; version: string | null },
  mailOnly: boolean,
): ApprovalRecord[] {
  if (mailOnly) return [];
  const correctable = (r: ApprovalRecord) =>
    r.status === 'Approved' &&
    r.receipt === 'Sent' &&
    r.planVersion === plan.version &&
    r.workflowId === plan.workflowId;
  return records.filter(
    (r) => ((isPending(r) && !awaitingSend(r)) || correctable(r)) && r.requestedBy === me,
  );
}

/**
 * Whether a reply check sends the next step itself: a later step (the first is sent from the
 * sidebar) that nothing has been sent to yet, when the run read everything (not cut short) and the
 * send gate allows it.
 */
export function nextStepDue(
  progress: ChainProgress | null,
  partial: boolean,
  cannotSend: string | null,
): boolean {
  return (
    !partial &&
    !!progress?.current &&
    progress.state === 'not-sent' &&
    progress.current.approvers.length > 0 &&
    progress.steps[0] !== progress.current &&
    cannotSend === null
  );
}

/** What a reply check did, in one sentence for the sidebar and the execution log. */
export function checkMessage(done: {
  read: number;
  decided: number;
  review: number;
  sent: number;
  partial: boolean;
}): string {
  const { read, decided, review, sent, partial } = done;
  const parts = [
    `Read ${read} pending ${read === 1 ? 'request' : 'requests'}`,
    `${decided} ${decided === 1 ? 'decision' : 'decisions'} recorded`,
    review > 0 ? `${review} to review` : '',
    sent > 0 ? `${sent} next-step ${sent === 1 ? 'request' : 'requests'} sent` : '',
    partial ? 'stopped early to stay within the time limit; the next check continues' : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}
