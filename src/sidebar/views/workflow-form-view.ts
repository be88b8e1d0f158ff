import { workflows as workflowsTemplate } from '../../../sheets-templates/workflows';
import { limits } from '../../domain/workflow-input';
import { dataTiers, profileFlags } from '../../domain/workflow-records';
import type { FieldError, WorkflowCard, WorkflowInput } from '../../shared/workflows';
import { button, checkbox, errorFor, errorSummary, form, selectField, textField } from '../controls';
import { h } from '../dom';

/** The form edits `draft` in place as the person types; it is the screen's, kept until saved or cancelled. */
export interface WorkflowFormActions {
  save(): void;
  cancel(): void;
}

/** A new, empty candidate, or the one being edited as it stands. */
export function workflowDraft(card: WorkflowCard | null): WorkflowInput {
  if (!card) {
    return {
      id: null,
      name: '',
      description: '',
      team: '',
      timeLost: '',
      fragmented: '',
      frequentSafe: '',
      dataTier: '',
      flags: {
        familyFacing: false,
        studentFacing: false,
        nonEnglish: false,
        newVendor: false,
        dutiesChange: false,
      },
    };
  }
  const { id, name, description, team, timeLost, fragmented, frequentSafe, dataTier, flags } = card;
  return { id, name, description, team, timeLost, fragmented, frequentSafe, dataTier, flags: { ...flags } };
}

/** The column's header and help from the Workflows template, so the form and the sheet say the same. */
function column(key: string): { header: string; help: string } {
  const found = workflowsTemplate.columns.find((c) => c.key === key);
  return { header: found?.header ?? key, help: found?.help ?? '' };
}

const fieldIds: Record<string, string> = {
  name: 'wf-name',
  description: 'wf-description',
  team: 'wf-team',
  timeLost: 'wf-timeLost',
  fragmented: 'wf-fragmented',
  frequentSafe: 'wf-frequentSafe',
  dataTier: 'wf-dataTier',
  flags: 'wf-familyFacing',
};

export function workflowFormView(
  draft: WorkflowInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: WorkflowFormActions,
): HTMLElement {
  const text = (
    key: 'name' | 'description' | 'team' | 'timeLost' | 'fragmented' | 'frequentSafe',
    label: string,
    hint: string,
    max: number,
    multiline = false,
  ) =>
    textField({
      id: fieldIds[key] ?? key,
      label,
      hint,
      value: draft[key],
      maxLength: max,
      multiline,
      required: key === 'name',
      error: errorFor(errors, key),
      onInput: (value) => (draft[key] = value),
    });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h('h2', { id: 'form-heading', tabindex: '-1' }, draft.id ? `Edit “${draft.name}”` : 'Add a workflow'),
    errorSummary(errors, fieldIds),
    form(
      () => {
        if (!busy) actions.save();
      },
      text('name', 'Name', 'A short name staff will recognise, e.g. “Enrollment FAQ replies”.', limits.name),
      text(
        'description',
        'Description',
        'What the work is, who does it, and what comes out of it.',
        limits.description,
        true,
      ),
      text('team', 'Team', 'The team or office that does the work.', limits.team),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, 'The three selection questions'),
        text(
          'timeLost',
          'Where is staff time lost repeatedly?',
          column('timeLost').help,
          limits.question,
          true,
        ),
        text(
          'fragmented',
          'Where is communication fragmented?',
          column('fragmented').help,
          limits.question,
          true,
        ),
        text(
          'frequentSafe',
          'Is it frequent enough to matter and safe enough to pilot?',
          column('frequentSafe').help,
          limits.question,
          true,
        ),
      ),
      selectField({
        id: fieldIds['dataTier'] ?? 'dataTier',
        label: 'Data tier',
        hint: column('dataTier').help,
        value: draft.dataTier,
        choices: [{ value: '', label: 'Not known yet' }, ...dataTiers.map((t) => ({ value: t, label: t }))],
        error: errorFor(errors, 'dataTier'),
        onChange: (value) => (draft.dataTier = value),
      }),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, 'Profile (decides which governance checks apply)'),
        ...profileFlags.map((flag) =>
          checkbox({
            id: `wf-${flag}`,
            label: column(flag).header,
            hint: column(flag).help,
            checked: draft.flags[flag],
            onChange: (checked) => (draft.flags[flag] = checked),
          }),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        button('save-workflow', busy ? 'Saving…' : draft.id ? 'Save changes' : 'Add workflow', {
          busy,
          kind: 'primary',
          onClick: actions.save,
        }),
        button('cancel-workflow', 'Cancel', { busy: false, kind: 'secondary', onClick: actions.cancel }),
      ),
    ),
  );
}
