import { isComplete, type ChecklistRecord } from './checklist-records';

/**
 * The readiness gate: the plan is ready for approval when every required row, and every conditional
 * row whose condition holds, is Done or N/A with a reason. Recommended rows never block.
 */
export interface OwnerGroup {
  /** The person, else the role, else "No owner yet". */
  owner: string;
  items: ChecklistRecord[];
}

export interface Readiness {
  ready: boolean;
  /** Rows that gate approval, and how many of them are complete. */
  gating: number;
  complete: number;
  /** Gating rows not yet complete, grouped by who owns them, largest group first. */
  missing: OwnerGroup[];
  /** Recommended rows still open (shown, never blocking). */
  recommendedOpen: number;
  /** Why it is not ready, in one sentence; "" when ready. */
  summary: string;
}

export const gates = (record: ChecklistRecord): boolean =>
  record.applies && (record.requirement === 'Required' || record.requirement === 'Conditional');

export function ownerLabel(record: ChecklistRecord, personFor: (role: string) => string): string {
  return record.owner || personFor(record.ownerRole) || record.ownerRole || 'No owner yet';
}

/** @param rows the selected workflow's checklist rows. */
export function readiness(rows: readonly ChecklistRecord[], personFor: (role: string) => string): Readiness {
  const gating = rows.filter(gates);
  const open = gating.filter((r) => !isComplete(r));
  const groups = new Map<string, ChecklistRecord[]>();
  for (const record of open) {
    const owner = ownerLabel(record, personFor);
    const group = groups.get(owner);
    if (group) group.push(record);
    else groups.set(owner, [record]);
  }
  const missing = [...groups]
    .map(([owner, items]) => ({ owner, items }))
    .sort((a, b) => b.items.length - a.items.length || a.owner.localeCompare(b.owner));
  const recommendedOpen = rows.filter(
    (r) => r.applies && r.requirement === 'Recommended' && !isComplete(r),
  ).length;
  const ready = gating.length > 0 && open.length === 0;
  const summary = ready
    ? ''
    : gating.length === 0
      ? 'The checklist has no required items yet: select a workflow to generate it.'
      : `${open.length} of ${gating.length} required ${gating.length === 1 ? 'item is' : 'items are'} not done yet.`;
  return {
    ready,
    gating: gating.length,
    complete: gating.length - open.length,
    missing,
    recommendedOpen,
    summary,
  };
}
