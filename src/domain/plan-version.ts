import type { ChecklistRecord } from './checklist-records';
import type { WorkflowRecord } from './workflow-records';

/**
 * The plan version: a short hash of what approvers approve — the selected workflow's description and
 * profile, its checklist, and (later) its pilot plan — in a canonical form. Formatting, row order,
 * sorting and spacing do not change it; any change of content does, so an approval given to one
 * version is seen to be stale when the plan changes.
 */
const normal = (value: string) => value.replace(/\s+/g, ' ').trim();

export function canonicalPlan(
  workflow: WorkflowRecord,
  checklist: readonly ChecklistRecord[],
  pilot: Readonly<Record<string, string>> = {},
): string {
  const rows = checklist
    .filter((r) => r.workflowId === workflow.id && r.applies)
    .map((r) =>
      [
        r.code,
        r.item,
        r.requirement,
        r.condition,
        r.ownerRole,
        r.owner,
        r.status ?? '?',
        r.evidence,
        r.naReason,
        r.due,
      ].map(normal),
    )
    .sort((a, b) => (a.join('\u0001') < b.join('\u0001') ? -1 : a.join('\u0001') > b.join('\u0001') ? 1 : 0));
  return JSON.stringify({
    workflow: [
      workflow.id ?? '',
      workflow.name,
      workflow.description,
      workflow.team,
      workflow.timeLost,
      workflow.fragmented,
      workflow.frequentSafe,
      workflow.dataTier,
    ].map(normal),
    flags: Object.entries(workflow.flags).sort(([a], [b]) => (a < b ? -1 : 1)),
    checklist: rows,
    pilot: Object.entries(pilot)
      .map(([key, value]) => [key, normal(value)])
      .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1)),
  });
}

/** "v-" and the first 12 hex digits of the SHA-256 of the canonical form. */
export function planVersion(canonical: string, sha256Hex: (text: string) => string): string {
  return `v-${sha256Hex(canonical).slice(0, 12)}`;
}
