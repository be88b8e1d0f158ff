import type { ShareInput } from '../../shared/share';
import type { FieldError } from '../../shared/workflows';
import { button, errorFor, errorSummary, form, radioGroup, textField } from '../controls';
import { h } from '../dom';

/** Share the plan with leaders: view only by default, each sent a short summary with the link. */
export function shareView(
  draft: ShareInput,
  errors: readonly FieldError[],
  busy: boolean,
  onShare: () => void,
): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'share-heading' },
    h('h2', { id: 'share-heading' }, 'Share with leaders'),
    h(
      'p',
      { class: 'muted' },
      'Leaders read the plan in the shared sheet, starting from the Dashboard; they do not need the add-on. Each person gets a short summary with the key figures and a link.',
    ),
    errorSummary(errors, { addresses: 'share-addresses', role: 'share-role', note: 'share-note' }),
    form(
      () => {
        if (!busy) onShare();
      },
      textField({
        id: 'share-addresses',
        label: 'Email addresses',
        hint: 'Separated by commas or new lines; at most 20.',
        value: draft.addresses,
        maxLength: 5000,
        multiline: true,
        required: true,
        autocomplete: 'email',
        error: errorFor(errors, 'addresses'),
        onInput: (value) => (draft.addresses = value),
      }),
      radioGroup({
        id: 'share-role',
        legend: 'Access',
        value: draft.role,
        choices: [
          { value: 'viewer', label: 'View only (recommended for leaders and the board)' },
          { value: 'editor', label: 'Can edit' },
        ],
        error: errorFor(errors, 'role'),
        onChange: (value) => (draft.role = value),
      }),
      textField({
        id: 'share-note',
        label: 'A note at the top of the email (optional)',
        value: draft.note,
        maxLength: 1000,
        multiline: true,
        error: errorFor(errors, 'note'),
        onInput: (value) => (draft.note = value),
      }),
      h(
        'div',
        { class: 'actions' },
        button('share-button', busy ? 'Sharing…' : 'Share and send the summary', {
          busy,
          kind: 'primary',
          onClick: onShare,
        }),
      ),
    ),
  );
}
