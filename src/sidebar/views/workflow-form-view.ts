import { workflowKindNames } from '../../domain/metric-definitions';
import { limits } from '../../domain/workflow-input';
import {
  dataTierDefinitions,
  dataTierHelp,
  noFlags,
  profileFlagDefinitions,
  workflowTextFields,
  type WorkflowTextKey,
} from '../../domain/workflow-profile';
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
    const texts = Object.fromEntries(workflowTextFields.map((f) => [f.key, '']));
    return {
      ...(texts as Record<WorkflowTextKey, string>),
      id: null,
      dataTier: '',
      kind: '',
      flags: noFlags(),
    };
  }
  const texts = Object.fromEntries(workflowTextFields.map((f) => [f.key, card[f.key]]));
  return {
    ...(texts as Record<WorkflowTextKey, string>),
    id: card.id,
    dataTier: card.dataTier,
    kind: card.kind,
    flags: { ...card.flags },
  };
}

/** The field's help as the domain declares it, so the form and the sheet say the same. */
function help(key: WorkflowTextKey): string {
  return workflowTextFields.find((f) => f.key === key)?.help ?? '';
}

const fieldIds: Record<string, string> = {
  name: 'wf-name',
  description: 'wf-description',
  team: 'wf-team',
  timeLost: 'wf-timeLost',
  fragmented: 'wf-fragmented',
  frequentSafe: 'wf-frequentSafe',
  dataTier: 'wf-dataTier',
  kind: 'wf-kind',
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
        text('timeLost', 'Where is staff time lost repeatedly?', help('timeLost'), limits.question, true),
        text('fragmented', 'Where is communication fragmented?', help('fragmented'), limits.question, true),
        text(
          'frequentSafe',
          'Is it frequent enough to matter and safe enough to pilot?',
          help('frequentSafe'),
          limits.question,
          true,
        ),
      ),
      selectField({
        id: fieldIds['dataTier'] ?? 'dataTier',
        label: 'Data tier',
        hint: `${dataTierHelp} Red cannot be chosen for a first pilot.`,
        value: draft.dataTier,
        choices: [
          { value: '', label: 'Not known yet' },
          ...dataTierDefinitions.map((t) => ({ value: t.name, label: `${t.name}: ${t.label}` })),
        ],
        error: errorFor(errors, 'dataTier'),
        onChange: (value) => (draft.dataTier = value),
      }),
      selectField({
        id: fieldIds['kind'] ?? 'kind',
        label: 'Kind of workflow',
        hint: 'Decides which metrics the pilot measures.',
        value: draft.kind,
        choices: [
          { value: '', label: 'Other or not decided' },
          ...workflowKindNames.map((k) => ({ value: k, label: k })),
        ],
        error: errorFor(errors, 'kind'),
        onChange: (value) => (draft.kind = value),
      }),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, 'Profile (decides which governance checks apply)'),
        ...profileFlagDefinitions.map((flag) =>
          checkbox({
            id: `wf-${flag.key}`,
            label: flag.condition,
            hint: flag.help,
            checked: draft.flags[flag.key],
            onChange: (checked) => (draft.flags[flag.key] = checked),
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
