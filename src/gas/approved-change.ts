import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { pilot as pilotTemplate } from '../../sheets-templates/pilot';
import { readApprovals, verifyApprovals } from '../domain/approval-records';
import {
  approvedChange,
  changeEvents,
  confirms,
  planChangeFields,
  planChangeReason,
  refusal,
  type ApprovedChangeNotice,
  type ApprovedChangeRefusal,
  type PlanAt,
} from '../domain/approved-change';
import type { LogEvent } from '../domain/audit-log';
import { planChanges, type PlanChange } from '../domain/plan-diff';
import { pilotSeal, sealedPilot } from '../domain/pilot-seal';
import type { RolePerson } from '../domain/roles';
import { text } from '../domain/table';
import type { AppsScript, Spreadsheet } from './apps-script';
import { localSigner } from './document-secret';
import { commitJournaled, deliverPending } from './outbox';
import { pauseNotices } from './pilot-notices';
import { SheetTable } from './sheet-table';
import { sheetByName } from './sheet-reads';

/**
 * The guard on saves that change an approved plan (domain/approved-change.ts), for the three save
 * paths: the selected workflow, a checklist item, the pilot plan. It reads only; a refusal writes
 * nothing. Confirmed, it gives the Log events, and pauses a running pilot (pauseForChange).
 */
export type Guarded =
  | { refused: ApprovedChangeRefusal }
  | { go: { notice: ApprovedChangeNotice; changes: PlanChange[]; events: LogEvent[] } | null };

export function guardApprovedChange(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  plan: { before: PlanAt; after: Omit<PlanAt, 'workflowId'> },
  input: unknown,
  context: { people: readonly RolePerson[]; pilotRunning: boolean; who: string },
): Guarded {
  const { before, after } = plan;
  if (before.version === after.version || !sheetByName(spreadsheet, approvalsTemplate.name))
    return { go: null };
  const table = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  // Only rows the add-on sealed count as approvals; a view's signer creates no secret.
  const records = verifyApprovals(readApprovals(table.data, new Map()), localSigner(gas, false));
  const changes = planChanges(before.canonical, after.canonical) ?? [];
  const nameOf = (email: string) =>
    context.people.find((p) => p.email !== '' && p.email.toLowerCase() === email.toLowerCase())?.name ?? '';
  const notice = approvedChange(records, before, after, changes, nameOf, context.pilotRunning);
  if (!notice) return { go: null };
  if (!confirms(input, notice)) return { refused: refusal(notice) };
  return {
    go: {
      notice,
      changes,
      events: changeEvents(
        notice,
        changes,
        { workflowId: before.workflowId, to: after.version },
        context.who,
      ),
    },
  };
}

/** The Pilot row of a workflow and whether its (sealed) state is Running. */
export function pilotRunning(
  gas: AppsScript,
  table: SheetTable | null,
  workflowId: string,
): { row: number; cells: Readonly<Record<string, unknown>>; decision: string } | null {
  if (!table) return null;
  const found = table.data.rows.find((r) => text(r.cells['workflowId']) === workflowId);
  if (!found) return null;
  const sealed = sealedPilot(localSigner(gas, false), found.row, found.cells);
  return sealed.state === 'Running' ? { ...found, decision: sealed.decision } : null;
}

/** The Pilot sheet opened for a guard and a pause, or null before it exists. */
export function openPilot(spreadsheet: Spreadsheet): SheetTable | null {
  return sheetByName(spreadsheet, pilotTemplate.name)
    ? SheetTable.open(spreadsheet, pilotTemplate, ['id', 'workflowId', 'state'])
    : null;
}

/**
 * A confirmed change pauses the running pilot, with the pause notice through the Outbox: written
 * before the change itself, so a run cut off between them leaves the pilot paused (the safe side),
 * and the save tried again asks, and changes, once more without a second pause.
 */
export function pauseForChange(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  table: SheetTable,
  workflow: { id: string; name: string },
  changes: readonly PlanChange[],
  who: string,
  now: Date,
): void {
  const running = pilotRunning(gas, table, workflow.id);
  const sign = localSigner(gas);
  // Paused already (the same save again after a run cut off part-way): its notices go now.
  if (!running) return deliverPending(gas, spreadsheet, sign, now);
  const reason = planChangeReason(changes);
  // Sealed with the sealed decision, so a decision typed into the row is not sealed with the pause.
  const cells = { ...running.cells, state: 'Paused', decision: running.decision, pausedBecause: reason };
  table.set(running.row, 'state', 'Paused');
  table.set(running.row, 'decision', running.decision);
  table.set(running.row, 'pausedBecause', reason);
  table.set(running.row, 'seal', pilotSeal(sign, cells));
  const started = running.cells['started'];
  const notices = pauseNotices(gas, spreadsheet, sign, {
    workflowId: workflow.id,
    workflow: workflow.name,
    reasons: [planChangeFields(changes)],
    started: started instanceof Date ? started.toISOString() : text(started),
    resumedAfter: text(running.cells['resumedAfter']),
    by: 'plan',
  });
  commitJournaled(
    gas,
    spreadsheet,
    sign,
    [
      {
        who,
        action: 'Pilot paused: approved plan changed',
        subject: workflow.id,
        before: 'Running',
        after: 'Paused',
        note: reason,
      },
      notices.event,
    ],
    now,
    () => table.flush(gas),
    notices.intents,
  );
}
