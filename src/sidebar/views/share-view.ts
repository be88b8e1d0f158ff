import { VIEWERS_SEE } from '../../domain/leader-share';
import type { ShareInput } from '../../shared/share';
import type { FieldError } from '../../shared/workflows';
import { button, checkbox, errorFor, errorSummary, form, radioGroup, textField } from '../controls';
import { h } from '../dom';

/**
 * Share the plan with leaders. The default sends the Board summary by email and grants nothing; view
 * access is a second, explicit choice that says what a viewer will see; addresses outside the
 * district need a confirmation (the server refuses them without it and says why).
 */
export function shareView(
  draft: ShareInput,
  errors: readonly FieldError[],
  busy: boolean,
  onShare: () => void,
  onChange: () => void,
): HTMLElement {
  const outside = errorFor(errors, 'confirmOutside');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'share-heading' },
    h('h2', { id: 'share-heading' }, 'Share with leaders'),
    h(
      'p',
      { class: 'muted' },
      'Each person gets the Board summary by email: one page with the status, what improved, the targets and the safeguards, with counts only.',
    ),
    errorSummary(errors, {
      addresses: 'share-addresses',
      access: 'share-access',
      confirmOutside: 'share-outside-confirm',
      note: 'share-note',
    }),
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
        id: 'share-access',
        legend: 'What they get',
        value: draft.access,
        choices: [
          { value: 'summary', label: 'The Board summary by email only (recommended)' },
          { value: 'view', label: 'The summary, and view access to the whole spreadsheet' },
        ],
        error: errorFor(errors, 'access'),
        onChange: (value) => {
          draft.access = value;
          onChange();
        },
      }),
      draft.access === 'view'
        ? h(
            'div',
            { class: 'notice', role: 'note', id: 'share-viewers-see' },
            h('p', {}, 'A viewer can read:'),
            h('ul', {}, ...VIEWERS_SEE.map((line) => h('li', {}, line))),
          )
        : null,
      outside || draft.confirmOutside
        ? h(
            'div',
            { id: 'share-outside' },
            outside ? h('p', { class: 'error', id: 'share-outside-error' }, outside) : null,
            checkbox({
              id: 'share-outside-confirm',
              label: 'Yes, send to the addresses outside the district',
              checked: draft.confirmOutside,
              onChange: (checked) => (draft.confirmOutside = checked),
            }),
          )
        : null,
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
        button(
          'share-button',
          busy ? 'Sending…' : draft.access === 'view' ? 'Send and give view access' : 'Send the summary',
          {
            busy,
            kind: 'primary',
            onClick: onShare,
          },
        ),
      ),
    ),
  );
}
