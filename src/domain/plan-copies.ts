import type { ApprovalRecord } from './approval-records';
import { planChanges, type PlanChange } from './plan-diff';
import { planVersion } from './plan-version';
import { text, type TableData } from './table';

/**
 * Copies of the plan as each version was sent for approval (the Plan versions sheet), so a request
 * sent again to a step that approved an earlier version can say what changed since. A copy counts
 * only while it hashes to its version: one edited by hand is not used.
 */

/** Characters of a copy per row: well inside a cell's 50,000. */
export const PLAN_PART_MAX = 40_000;

/** Each version's copy, its parts joined in order. */
export function readPlanCopies(table: TableData): Map<string, string> {
  const parts = new Map<string, { part: number; plan: string }[]>();
  for (const { cells } of table.rows) {
    const version = text(cells['id']);
    if (version === '') continue;
    const list = parts.get(version) ?? [];
    list.push({ part: Number(cells['part']) || 0, plan: text(cells['plan']) });
    parts.set(version, list);
  }
  return new Map(
    [...parts].map(([version, list]) => [
      version,
      list
        .sort((a, b) => a.part - b.part)
        .map((p) => p.plan)
        .join(''),
    ]),
  );
}

/** The rows that keep `canonical` as `version`'s copy; none when a copy that verifies is there. */
export function copyRows(
  copies: ReadonlyMap<string, string>,
  plan: { workflowId: string; version: string; canonical: string },
): { id: string; workflowId: string; part: number; plan: string }[] {
  if (verifiedCopy(copies, plan.version) !== null) return [];
  const rows = [];
  for (let at = 0, part = 1; at < plan.canonical.length; at += PLAN_PART_MAX, part += 1)
    rows.push({
      id: plan.version,
      workflowId: plan.workflowId,
      part,
      plan: plan.canonical.slice(at, at + PLAN_PART_MAX),
    });
  return rows;
}

/** A version's copy, when it is there and still hashes to the version. */
export function verifiedCopy(copies: ReadonlyMap<string, string>, version: string): string | null {
  const copy = copies.get(version);
  return copy !== undefined && planVersion(copy) === version ? copy : null;
}

/** What a request sent again says: the version the step approved before, when, and what changed. */
export interface ChangedSince {
  version: string;
  /** The approval's time; the caller shows it as the spreadsheet's day. */
  decided: Date | null;
  /** Null when no copy of that version verifies. */
  changes: PlanChange[] | null;
}

/**
 * For a request to `step` (its role) of the plan `now`: the last approval that step gave an earlier
 * version of this workflow's plan, and what changed since, from that version's copy. Null when the
 * step never approved an earlier version.
 */
export function changedSince(
  records: readonly ApprovalRecord[],
  copies: ReadonlyMap<string, string>,
  request: { workflowId: string; step: number; role: string },
  now: { version: string; canonical: string },
): ChangedSince | null {
  const earlier = records
    .filter(
      (r) =>
        r.workflowId === request.workflowId &&
        r.step === request.step &&
        r.role.toLowerCase() === request.role.toLowerCase() &&
        r.decision === 'Approve' &&
        r.planVersion !== '' &&
        r.planVersion !== now.version &&
        r.tampered?.kind !== 'unsealed',
    )
    .sort((a, b) => (b.decided?.getTime() ?? 0) - (a.decided?.getTime() ?? 0))[0];
  if (!earlier) return null;
  const copy = verifiedCopy(copies, earlier.planVersion);
  return {
    version: earlier.planVersion,
    decided: earlier.decided,
    changes: copy === null ? null : planChanges(copy, now.canonical),
  };
}
