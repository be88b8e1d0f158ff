import type { Condition } from './workflow-profile';

/**
 * One item of the governance checklist template. The district's checklist for the selected workflow is
 * generated from these; conditional items apply only when the workflow's profile calls for them.
 */
export type Requirement = 'Required' | 'Conditional' | 'Recommended';

/** What turns a conditional item on: the same vocabulary as the approval steps' conditions. */
export type ChecklistCondition = Condition;

export interface ChecklistItem {
  /** Stable code, "G01" … : rows are matched to the template by it, so wording can improve later. */
  code: string;
  category: string;
  item: string;
  /** A role name from the Settings sheet (group "Role"), e.g. "Privacy officer". */
  ownerRole: string;
  requirement: Requirement;
  /** What turns the item on (any one of them); set exactly when the requirement is "Conditional". */
  triggers: readonly ChecklistCondition[];
  /** What counts as evidence that the item is done. */
  evidence: string;
  /** The rule the item rests on, e.g. "FERPA 34 CFR §99.31(a)(1)(i)(B)". */
  basis: string;
}
