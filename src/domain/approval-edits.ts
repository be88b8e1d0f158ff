import { editedNote } from './approval-board';
import { sealedApprovalFields, type ApprovalRecord } from './approval-records';
import type { LogEvent } from './audit-log';

export interface EditsSettled {
  /** Each row edited by hand, with what the add-on writes back: its own record, or Cancelled. */
  rows: { row: number; changes: Record<string, unknown> }[];
  events: LogEvent[];
}

/**
 * Rows edited by hand, found by an action (never by a view): each is logged once and written back as
 * the add-on recorded it; a row with no valid seal is recorded as cancelled, so its approver is asked
 * again by a request the add-on makes. `asRead` are the rows as the sheet shows them, `verified` the
 * same rows after their seals were checked (verifyApprovals).
 */
export function settleHandEdits(
  asRead: readonly ApprovalRecord[],
  verified: readonly ApprovalRecord[],
  me: string,
): EditsSettled {
  const shown = new Map(asRead.map((r) => [r.row, r]));
  const settled: EditsSettled = { rows: [], events: [] };
  for (const record of verified) {
    if (!record.tampered) continue;
    const unsealed = record.tampered.kind === 'unsealed';
    const raw = shown.get(record.row);
    settled.events.push({
      who: me,
      action: 'Approval row edited in the sheet',
      subject: record.id,
      before: raw ? `${raw.status} ${raw.decision}`.trim() : '',
      after: unsealed ? 'Cancelled' : `${record.status} ${record.decision}`.trim(),
      note: editedNote(record) ?? '',
    });
    settled.rows.push({
      row: record.row,
      changes: unsealed
        ? { status: 'Cancelled' }
        : Object.fromEntries(sealedApprovalFields.map((f) => [f, record[f]])),
    });
  }
  return settled;
}
