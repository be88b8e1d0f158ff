import { planVersions as planVersionsTemplate } from '../../sheets-templates/plan-versions';
import type { ApprovalRecord } from '../domain/approval-records';
import { changedSince, copyRows, readPlanCopies, type ChangedSince } from '../domain/plan-copies';
import type { AppsScript, Spreadsheet } from './apps-script';
import { SheetTable } from './sheet-table';
import { sheetByName } from './sheet-reads';

/**
 * The Plan versions sheet for the approval runs: read once when a request is decided, the copy of the
 * version being sent written before its requests (so a request sent later can always compare with
 * it). A workspace set up before the sheet existed keeps no copies until set-up adds it; its requests
 * sent again say the earlier version is not on record.
 */
export class PlanCopies {
  private readonly copies: Map<string, string>;

  private constructor(
    private readonly gas: AppsScript,
    private readonly table: SheetTable | null,
  ) {
    this.copies = table ? readPlanCopies(table.data) : new Map();
  }

  static open(gas: AppsScript, spreadsheet: Spreadsheet): PlanCopies {
    const present = sheetByName(spreadsheet, planVersionsTemplate.name) !== null;
    return new PlanCopies(
      gas,
      present ? SheetTable.open(spreadsheet, planVersionsTemplate, ['id', 'part', 'plan']) : null,
    );
  }

  /** Keeps the plan being sent as its version's copy, written at once; nothing when it is kept. */
  keep(plan: { workflowId: string; version: string; canonical: string }, now: Date): void {
    if (!this.table) return;
    const rows = copyRows(this.copies, plan);
    if (rows.length === 0) return;
    for (const row of rows) this.table.append({ ...row, stored: now });
    this.table.flush(this.gas);
    this.copies.set(plan.version, plan.canonical);
  }

  /** What changed since the step approved an earlier version (null when it never did). */
  since(
    records: readonly ApprovalRecord[],
    request: { workflowId: string; step: number; role: string },
    now: { version: string; canonical: string },
  ): ChangedSince | null {
    return changedSince(records, this.copies, request, now);
  }
}
