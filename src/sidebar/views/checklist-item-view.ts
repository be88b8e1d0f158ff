import { checklistLimits } from '../../domain/checklist-input';
import { checklistStatuses } from '../../domain/checklist-records';
import type { ChecklistInput, ChecklistRow } from '../../shared/governance';
import type { FieldError } from '../../shared/workflows';
import { button, dateField, errorFor, errorSummary, form, radioGroup, textField } from '../controls';
import { h } from '../dom';

export interface ChecklistItemActions {
  save(): void;
  cancel(): void;
}

export function checklistDraft(row: ChecklistRow): ChecklistInput {
  return {
    id: row.id,
    status: (checklistStatuses as readonly string[]).includes(row.status) ? row.status : 'Not started',
    evidence: row.evidence,
    naReason: row.naReason,
    due: row.due,
    owner: row.owner,
    verifiedBy: row.verifiedBy,
  };
}

const fieldIds: Record<string, string> = {
  status: 'item-status',
  evidence: 'item-evidence',
  naReason: 'item-naReason',
  due: 'item-due',
  owner: 'item-owner',
  verifiedBy: 'item-verifiedBy',
};

/** One checklist row: its status, evidence, N/A reason, due date and owner. Edits `draft` in place. */
export function checklistItemView(
  row: ChecklistRow,
  draft: ChecklistInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: ChecklistItemActions,
): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h(
      'h2',
      { id: 'form-heading', tabindex: '-1' },
      `${row.code || 'Item'}: ${row.category || 'Checklist item'}`,
    ),
    h('p', {}, row.item),
    row.expectedEvidence ? h('p', { class: 'muted' }, `Evidence expected: ${row.expectedEvidence}`) : null,
    row.basis ? h('p', { class: 'muted' }, `Basis: ${row.basis}`) : null,
    h(
      'p',
      { class: 'muted' },
      row.gating
        ? row.condition
          ? `Required because: ${row.condition}. N/A is allowed with a reason.`
          : 'Required before approval: it cannot be N/A.'
        : 'Recommended: it does not block approval.',
    ),
    errorSummary(errors, fieldIds),
    form(
      () => {
        if (!busy) actions.save();
      },
      radioGroup({
        id: fieldIds['status'] ?? 'status',
        legend: 'Status',
        value: draft.status,
        choices: checklistStatuses.map((s) => ({
          value: s,
          label: s === 'N/A' ? 'N/A (does not apply; say why)' : s,
        })),
        error: errorFor(errors, 'status'),
        onChange: (value) => (draft.status = value),
      }),
      textField({
        id: fieldIds['evidence'] ?? 'evidence',
        label: 'Evidence',
        hint: 'Done needs evidence: a link (https://…), or the name of the document that shows it is done.',
        value: draft.evidence,
        maxLength: checklistLimits.evidence,
        error: errorFor(errors, 'evidence'),
        onInput: (value) => (draft.evidence = value),
      }),
      textField({
        id: fieldIds['naReason'] ?? 'naReason',
        label: 'N/A reason',
        hint: 'Required when the status is N/A.',
        value: draft.naReason,
        maxLength: checklistLimits.naReason,
        multiline: true,
        error: errorFor(errors, 'naReason'),
        onInput: (value) => (draft.naReason = value),
      }),
      dateField({
        id: fieldIds['due'] ?? 'due',
        label: 'Due date',
        hint: 'Overdue items are flagged here and turn red in the sheet.',
        value: draft.due,
        error: errorFor(errors, 'due'),
        onInput: (value) => (draft.due = value),
      }),
      textField({
        id: fieldIds['owner'] ?? 'owner',
        label: 'Owner',
        hint: `The person responsible. Role: ${row.ownerRole || 'none'}; leave empty to use the person Settings names for it.`,
        value: draft.owner,
        maxLength: checklistLimits.owner,
        error: errorFor(errors, 'owner'),
        onInput: (value) => (draft.owner = value),
      }),
      textField({
        id: fieldIds['verifiedBy'] ?? 'verifiedBy',
        label: 'Verified by',
        hint: 'Who checked the evidence. Leave empty to name the person Settings gives for the owner role.',
        value: draft.verifiedBy,
        maxLength: checklistLimits.verifiedBy,
        error: errorFor(errors, 'verifiedBy'),
        onInput: (value) => (draft.verifiedBy = value),
      }),
      h(
        'div',
        { class: 'actions' },
        button('save-item', busy ? 'Saving…' : 'Save', { busy, kind: 'primary', onClick: actions.save }),
        button('cancel-item', 'Cancel', { busy: false, kind: 'secondary', onClick: actions.cancel }),
      ),
    ),
  );
}
