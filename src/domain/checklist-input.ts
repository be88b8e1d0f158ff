import type { Requirement } from './checklist-item';
import { evidenceProblem, statusFrom, type ChecklistStatus } from './checklist-records';
import { isoDayToUtc } from './iso-day';
import { clean, isRecord, textField, type Checked, type FieldError } from './input-fields';
import { inputCaps } from './input-caps';

/** Checks a checklist row change from the planner: the same rules as for rows edited in the sheet. */
export const checklistLimits = inputCaps.updateChecklistItem;

export type ChecklistFields = {
  id: string;
  status: ChecklistStatus;
  evidence: string;
  naReason: string;
  /** yyyy-mm-dd, or "" for no due date. */
  due: string;
  owner: string;
  /** Who checked the evidence; "" lets the add-on name the owner role's person when the item is Done. */
  verifiedBy: string;
};

/** A real day, in the years a checklist can be due. */
function validDay(value: string): boolean {
  const year = isoDayToUtc(value)?.getUTCFullYear();
  return year !== undefined && year >= 2000 && year <= 2100;
}

export function checkChecklistInput(input: unknown): Checked<ChecklistFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The checklist change could not be read.' }] };
  const errors: FieldError[] = [];
  const id = clean(input['id']) ?? '';
  if (id === '')
    errors.push({ field: 'id', message: 'The checklist row could not be read; reload the list.' });
  const rawStatus = clean(input['status']) ?? '';
  const status = statusFrom(rawStatus);
  if (status === null || rawStatus === '')
    errors.push({ field: 'status', message: 'Choose a status: Not started, In progress, Done or N/A.' });
  const evidence = textField(errors, input, 'evidence', 'The evidence', checklistLimits.evidence);
  if (evidenceProblem(evidence))
    errors.push({
      field: 'evidence',
      message: 'The evidence link must be a whole web address (https://…), or give the name of a document.',
    });
  const naReason = textField(errors, input, 'naReason', 'The N/A reason', checklistLimits.naReason);
  if (status === 'N/A' && naReason === '')
    errors.push({ field: 'naReason', message: 'Say why the item does not apply: N/A needs a reason.' });
  const due = clean(input['due']) ?? '';
  if (due !== '' && !validDay(due))
    errors.push({ field: 'due', message: 'The due date must be a date (yyyy-mm-dd).' });
  const owner = textField(errors, input, 'owner', 'The owner', checklistLimits.owner);
  const verifiedBy =
    input['verifiedBy'] === undefined
      ? ''
      : textField(errors, input, 'verifiedBy', 'Verified by', checklistLimits.verifiedBy);
  if (status === 'Done' && evidence === '')
    errors.push({
      field: 'evidence',
      message: 'Done needs evidence: give a link, or the name of the document that shows it.',
    });
  if (errors.length > 0 || status === null) return { ok: false, errors };
  return { ok: true, value: { id, status, evidence, naReason, due, owner, verifiedBy } };
}

/** The rule that needs the row itself: a Required item cannot be N/A. */
export function checkStatusForItem(status: ChecklistStatus, requirement: Requirement | ''): FieldError[] {
  return status === 'N/A' && requirement === 'Required'
    ? [
        {
          field: 'status',
          message:
            'This is a Required item, so it cannot be N/A: only conditional or recommended items can be. Mark it Done with evidence, or leave it open.',
        },
      ]
    : [];
}
