import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { readApprovals } from '../domain/approval-records';
import type { LogEvent } from '../domain/audit-log';
import { staleMarking } from '../domain/stale-approvals';
import type { AppsScript, Spreadsheet } from './apps-script';
import { SheetTable } from './sheet-table';

/**
 * Marks the requests a plan change made stale, in the action that changed the plan (inside its
 * document lock); returns the events for its Log. No Approvals sheet yet: nothing to mark.
 */
export function markStaleApprovals(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  plan: { workflowId: string; version: string },
  who: string,
): LogEvent[] {
  if (!spreadsheet.getSheetByName(approvalsTemplate.name)) return [];
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  const { rows, events } = staleMarking(
    readApprovals(table.data, new Map()),
    plan.workflowId,
    plan.version,
    who,
  );
  for (const row of rows) table.set(row, 'status', 'Stale');
  table.flush(gas);
  return events;
}
