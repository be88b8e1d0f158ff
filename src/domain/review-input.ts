import type { ApprovalStatus } from './approval-records';
import { clean, isRecord, type Checked } from './input-fields';

/** A person's decision on a reply the add-on could not read with certainty, as the sidebar sends it. */
export type ReviewFields = {
  requestId: string;
  decision: 'Approve' | 'Reject' | 'Changes';
  status: ApprovalStatus;
  /** How they know: logged with the decision. */
  note: string;
};

const statusOf = { Approve: 'Approved', Reject: 'Rejected', Changes: 'Changes requested' } as const;
const isDecision = (value: unknown): value is ReviewFields['decision'] =>
  // Own keys only: "constructor" or "__proto__" is no decision.
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(statusOf, value);

export function checkReviewInput(input: unknown): Checked<ReviewFields> {
  const decision = isRecord(input) ? input['decision'] : undefined;
  const requestId = isRecord(input) ? clean(input['requestId']) : null;
  if (requestId === null || !isDecision(decision))
    return { ok: false, errors: [{ field: 'decision', message: 'Choose Approve, Changes or Reject.' }] };
  const note = isRecord(input) ? (clean(input['note']) ?? '') : '';
  if (note === '')
    return {
      ok: false,
      errors: [{ field: 'note', message: 'Say how you know: the note is logged with your decision.' }],
    };
  return { ok: true, value: { requestId, decision, status: statusOf[decision], note } };
}
