import { staleRequests } from './approval-flow';
import type { ApprovalRecord } from './approval-records';
import type { LogEvent } from './audit-log';

/**
 * Requests that no longer ask about the plan as it is (another workflow is selected, or the plan
 * version changed) become Stale: the rows to mark and the Log events. Written by whatever changed the
 * plan, and by the approval runs, never by opening a view.
 */
export function staleMarking(
  records: readonly ApprovalRecord[],
  workflowId: string,
  version: string,
  who: string,
): { rows: number[]; events: LogEvent[] } {
  const stale = staleRequests(records, workflowId, version);
  return {
    rows: stale.map((r) => r.row),
    events: stale.map((record) => ({
      who,
      action: 'Approval request stale',
      subject: record.id,
      before: `${record.status} (plan ${record.planVersion})`,
      after: 'Stale',
      note: `The plan changed to ${version}; it needs approval again.`,
    })),
  };
}
