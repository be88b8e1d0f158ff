import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { approvalRow, approvalSeal, readApprovals, verifyApprovals } from '../domain/approval-records';
import type { LogEvent } from '../domain/audit-log';
import { staleMarking } from '../domain/stale-approvals';
import type { AppsScript, Spreadsheet } from './apps-script';
import { localSigner } from './document-secret';
import { SheetTable } from './sheet-table';
import { sheetByName } from './sheet-reads';

/**
 * Marks the requests a plan change made stale, in the action that changed the plan (inside its
 * document lock); returns the events for its Log. No Approvals sheet yet: nothing to mark.
 * Each row is sealed again with its new status, as every change the add-on makes to a row is, so it
 * is not read as a hand edit; a row already edited by hand is left to the approvals run, which writes
 * it back as recorded and then marks it (sealing it here would make the hand edit count).
 */
export function markStaleApprovals(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  plan: { workflowId: string; version: string },
  who: string,
): LogEvent[] {
  if (!sheetByName(spreadsheet, approvalsTemplate.name)) return [];
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  const sign = localSigner(gas);
  const records = verifyApprovals(readApprovals(table.data, new Map()), sign).filter((r) => !r.tampered);
  const { rows, events } = staleMarking(records, plan.workflowId, plan.version, who);
  for (const row of rows) {
    table.set(row, 'status', 'Stale');
    const cells = Object.fromEntries(table.template.columns.map((c) => [c.key, table.get(row, c.key)]));
    table.set(row, 'seal', approvalSeal(sign, approvalRow(row, cells)));
  }
  table.flush(gas);
  return events;
}
