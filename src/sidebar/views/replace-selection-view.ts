import { limits } from '../../domain/workflow-input';
import type { FieldError, WorkflowCard } from '../../shared/workflows';
import { button, errorFor, errorSummary, form, textField } from '../controls';
import { h } from '../dom';

export interface ReplaceSelectionActions {
  changeReason(reason: string): void;
  confirm(): void;
  cancel(): void;
}

/**
 * Replacing the chosen workflow is a decision the team should be able to trace, so it asks for
 * confirmation and a reason, and both are logged.
 */
export function replaceSelectionView(
  current: WorkflowCard,
  chosen: WorkflowCard,
  reason: string,
  errors: readonly FieldError[],
  busy: boolean,
  actions: ReplaceSelectionActions,
): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h('h2', { id: 'form-heading', tabindex: '-1' }, 'Replace the selected workflow?'),
    h(
      'p',
      {},
      '“',
      h('strong', {}, current.name),
      '” is selected for the pilot now. Selecting “',
      h('strong', {}, chosen.name),
      '” replaces it.',
    ),
    h(
      'p',
      { class: 'muted' },
      'Work already done for the current selection stays in the sheets. The reason is written to the Log.',
    ),
    errorSummary(errors, { reason: 'replace-reason' }),
    form(
      () => {
        if (!busy) actions.confirm();
      },
      textField({
        id: 'replace-reason',
        label: 'Why replace it?',
        value: reason,
        maxLength: limits.reason,
        multiline: true,
        required: true,
        error: errorFor(errors, 'reason'),
        onInput: actions.changeReason,
      }),
      h(
        'div',
        { class: 'actions' },
        button('confirm-replace', busy ? 'Replacing…' : 'Replace selection', {
          busy,
          kind: 'primary',
          onClick: actions.confirm,
        }),
        button('cancel-replace', 'Keep the current one', {
          busy: false,
          kind: 'secondary',
          onClick: actions.cancel,
        }),
      ),
    ),
  );
}
