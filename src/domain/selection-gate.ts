import { text, type TableData } from './table';
import type { WorkflowProfile } from './workflow-profile';

/**
 * What a workflow's profile rules out for a first pilot, whatever its scores: student education
 * records, and students using the tool or seeing its output. Later pilots may take them on, with the
 * student branch of the checklist (CIPA, COPPA, PPRA, parent notice and opt-out) and the curriculum
 * review step, which the profile turns on.
 */
export function profileBlock(workflow: WorkflowProfile, firstPilot: boolean): string | null {
  if (!firstPilot) return null;
  if (workflow.dataTier === 'Red')
    return 'its data tier is Red (student education records), which a first pilot may not use: under FERPA (34 CFR §99.31(a)(1)(i)(B)) a vendor may see student records only as a school official under the district’s direct control, and a first pilot has not shown that yet. Redact the inputs to Amber or choose another workflow.';
  if (workflow.flags.studentFacing)
    return 'it is student-facing, which a first pilot may not be: students using the tool or seeing its output brings in CIPA, COPPA, PPRA, parent notice and opt-out, and the curriculum review. Pilot a staff-facing workflow first.';
  return null;
}

/** A pilot counts as the district's first until a pilot in this workspace has a recorded decision. */
export function isFirstPilot(pilotSheet: TableData): boolean {
  return !pilotSheet.rows.some((r) => text(r.cells['decision']) !== '');
}
