/**
 * One item of the governance checklist template. The district's checklist for the selected workflow is
 * generated from these; conditional items apply only when the workflow's profile calls for them.
 */
export type Requirement = 'Required' | 'Conditional' | 'Recommended';

/**
 * What turns a conditional item on, named as in the Settings sheet's approval-step conditions so the
 * sheet speaks one vocabulary.
 */
export const checklistConditions = [
  'New vendor',
  'Family-facing',
  'Student-facing',
  'Non-English output',
  'Job duties change',
  'Amber or Red data',
] as const;
export type ChecklistCondition = (typeof checklistConditions)[number];

export interface ChecklistItem {
  /** Stable code, "G01" … : rows are matched to the template by it, so wording can improve later. */
  code: string;
  category: string;
  item: string;
  /** A role name from the Settings sheet (group "Role"), e.g. "Privacy officer". */
  ownerRole: string;
  requirement: Requirement;
  /** Set exactly when the requirement is "Conditional". */
  condition: ChecklistCondition | null;
  /** What counts as evidence that the item is done. */
  evidence: string;
}
