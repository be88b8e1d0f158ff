import { sha256Hex } from './hmac-sha256';
import type { ChecklistRecord } from './checklist-records';
import type { WorkflowRecord } from './workflow-records';

/**
 * The plan version: a short hash of what approvers approve — the selected workflow's description and
 * profile, its checklist, and its pilot plan — in a canonical form. Formatting, row order, sorting and
 * spacing do not change it; any change of content does, so an approval given to one version is seen
 * to be stale when the plan changes. The canonical form is also the copy of an approved version kept
 * to say later what changed since (plan-diff.ts reads it by these same field lists).
 */
const normal = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The workflow's fields in the canonical form, in order, with the Workflows sheet's headers. */
export const canonicalWorkflowFields = [
  ['id', 'ID'],
  ['name', 'Workflow'],
  ['description', 'Description'],
  ['team', 'Team'],
  ['timeLost', 'Where is staff time lost?'],
  ['fragmented', 'Where is communication fragmented?'],
  ['frequentSafe', 'Frequent and safe enough?'],
  ['dataTier', 'Data tier'],
] as const satisfies readonly (readonly [keyof WorkflowRecord, string])[];

/** A checklist row's fields in the canonical form, in order, with the Governance sheet's headers. */
export const canonicalChecklistFields = [
  ['code', 'Item'],
  ['item', 'Checklist item'],
  ['requirement', 'Required'],
  ['condition', 'Applies when'],
  ['ownerRole', 'Owner role'],
  ['owner', 'Owner'],
  ['status', 'Status'],
  ['evidence', 'Evidence link'],
  ['naReason', 'N/A reason'],
  ['due', 'Due'],
] as const satisfies readonly (readonly [keyof ChecklistRecord, string])[];

export function canonicalPlan(
  workflow: WorkflowRecord,
  checklist: readonly ChecklistRecord[],
  pilot: Readonly<Record<string, string>> = {},
): string {
  // Each row's sort key is joined once, not twice per comparison.
  const rows = checklist
    .filter((r) => r.workflowId === workflow.id && r.applies)
    .map((r) => {
      const fields = canonicalChecklistFields.map(([key]) =>
        normal(key === 'status' ? (r.status ?? '?') : String(r[key])),
      );
      return { fields, key: fields.join('\u0001') };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.fields);
  return JSON.stringify({
    workflow: canonicalWorkflowFields.map(([key]) => normal(String(workflow[key] ?? ''))),
    flags: Object.entries(workflow.flags).sort(([a], [b]) => (a < b ? -1 : 1)),
    checklist: rows,
    pilot: Object.entries(pilot)
      .map(([key, value]) => [key, normal(value)])
      .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1)),
  });
}

/** "v-" and the first 12 hex digits of the SHA-256 of the canonical form. */
export function planVersion(canonical: string): string {
  return `v-${sha256Hex(canonical).slice(0, 12)}`;
}
