import { isWebLink, statusFrom, type ChecklistStatus } from './checklist-records';
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
  const evidence = textField(errors, input, 'evidence', 'The evidence link', checklistLimits.evidence);
  if (evidence !== '' && !isWebLink(evidence))
    errors.push({
      field: 'evidence',
      message: 'The evidence link must be a web address starting with https:// (or http://).',
    });
  const naReason = textField(errors, input, 'naReason', 'The N/A reason', checklistLimits.naReason);
  if (status === 'N/A' && naReason === '')
    errors.push({ field: 'naReason', message: 'Say why the item does not apply: N/A needs a reason.' });
  const due = clean(input['due']) ?? '';
  if (due !== '' && !validDay(due))
    errors.push({ field: 'due', message: 'The due date must be a date (yyyy-mm-dd).' });
  const owner = textField(errors, input, 'owner', 'The owner', checklistLimits.owner);
  if (errors.length > 0 || status === null) return { ok: false, errors };
  return { ok: true, value: { id, status, evidence, naReason, due, owner } };
}
