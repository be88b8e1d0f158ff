import type { FieldError } from '../shared/workflows';
import { h } from './dom';

/**
 * Form controls with their labels, hints and errors wired for screen readers: every input has a
 * `<label>`, hints and errors are linked by `aria-describedby`, and an input with an error carries
 * `aria-invalid`. Values go in as properties, never as markup.
 */

/** Busy buttons stay focusable (aria-disabled, not disabled), so keyboard focus is never lost. */
export function button(
  id: string,
  content: string | (Node | string)[],
  options: { busy: boolean; kind: 'primary' | 'secondary' | 'quiet'; onClick: () => void },
): HTMLButtonElement {
  const element = h(
    'button',
    {
      id,
      type: 'button',
      class: `button button-${options.kind}`,
      'aria-disabled': options.busy ? 'true' : undefined,
    },
    ...(typeof content === 'string' ? [content] : content),
  );
  element.addEventListener('click', () => {
    if (!options.busy) options.onClick();
  });
  return element;
}

/** Text only a screen reader reads, e.g. which workflow a "Score" button is for. */
export const hidden = (text: string): HTMLElement => h('span', { class: 'visually-hidden' }, text);

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const errorLine = (id: string, error: string | undefined) =>
  error ? h('p', { id: `${id}-error`, class: 'field-error' }, error) : null;
const hintLine = (id: string, hint: string | undefined) =>
  hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null;

export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  multiline?: boolean;
  autocomplete?: string;
}

export function textField(options: TextFieldOptions): HTMLElement {
  const { id, hint, error } = options;
  const attributes = {
    id,
    name: id,
    maxlength: String(options.maxLength),
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? 'true' : undefined,
    'aria-required': options.required ? 'true' : undefined,
    autocomplete: options.autocomplete ?? 'off',
  };
  const input = options.multiline
    ? h('textarea', { ...attributes, rows: '3' })
    : h('input', { ...attributes, type: 'text' });
  input.value = options.value;
  input.addEventListener('input', () => options.onInput(input.value));
  return h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: id },
      options.label,
      options.required ? h('span', { class: 'required' }, ' (required)') : null,
    ),
    hintLine(id, hint),
    errorLine(id, error),
    input,
  );
}

export function checkbox(options: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
}): HTMLElement {
  const input = h('input', {
    id: options.id,
    type: 'checkbox',
    'aria-describedby': options.hint ? `${options.id}-hint` : undefined,
  });
  input.checked = options.checked;
  input.addEventListener('change', () => options.onChange(input.checked));
  return h(
    'div',
    { class: 'check' },
    input,
    h('label', { for: options.id }, options.label),
    options.hint ? h('p', { id: `${options.id}-hint`, class: 'hint' }, options.hint) : null,
  );
}

export function selectField(options: {
  id: string;
  label: string;
  value: string;
  choices: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}): HTMLElement {
  const { id, hint, error } = options;
  const select = h(
    'select',
    { id, 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error ? 'true' : undefined },
    ...options.choices.map((c) => h('option', { value: c.value }, c.label)),
  );
  select.value = options.value;
  select.addEventListener('change', () => options.onChange(select.value));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, options.label),
    hintLine(id, hint),
    errorLine(id, error),
    select,
  );
}

/**
 * A group of radio buttons in a fieldset whose legend names it. Arrow keys move between the options
 * and Tab leaves the group, as in every native radio group.
 */
export function radioGroup(options: {
  id: string;
  legend: string | (Node | string | null)[];
  value: string;
  choices: readonly { value: string; label: string | (Node | string)[] }[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}): HTMLElement {
  const { id, hint, error } = options;
  return h(
    'fieldset',
    {
      id,
      class: 'radio-group',
      'aria-describedby': describedBy(id, hint, error),
      'aria-invalid': error ? 'true' : undefined,
    },
    h('legend', {}, ...(typeof options.legend === 'string' ? [options.legend] : options.legend)),
    hintLine(id, hint),
    errorLine(id, error),
    ...options.choices.map((choice, i) => {
      const input = h('input', { type: 'radio', name: id, id: `${id}-${i}`, value: choice.value });
      input.checked = choice.value === options.value;
      input.addEventListener('change', () => {
        if (input.checked) options.onChange(choice.value);
      });
      const label = typeof choice.label === 'string' ? [choice.label] : choice.label;
      return h('div', { class: 'radio' }, input, h('label', { for: `${id}-${i}` }, ...label));
    }),
  );
}

/**
 * What is wrong with the form, at its top, focused after a failed save so a screen reader reads it.
 * Each problem links to its field.
 */
export function errorSummary(
  errors: readonly FieldError[],
  fieldIds: Readonly<Record<string, string>>,
): HTMLElement | null {
  if (errors.length === 0) return null;
  return h(
    'div',
    {
      id: 'error-summary',
      class: 'notice notice-problem',
      tabindex: '-1',
      'aria-labelledby': 'error-summary-heading',
    },
    h('h3', { id: 'error-summary-heading' }, 'Nothing was saved. Please check:'),
    h(
      'ul',
      {},
      ...errors.map((error) => {
        const target = fieldIds[error.field];
        if (!target) return h('li', {}, error.message);
        const link = h('a', { href: `#${target}` }, error.message);
        link.addEventListener('click', (event) => {
          // The sidebar's <base target="_top"> would send a plain link to the whole Sheets page.
          event.preventDefault();
          const field = document.getElementById(target);
          const focusable = field?.matches('fieldset') ? field.querySelector('input') : field;
          focusable?.focus();
        });
        return h('li', {}, link);
      }),
    ),
  );
}

/** The message of the first error for a field, if any. */
export const errorFor = (errors: readonly FieldError[], field: string): string | undefined =>
  errors.find((e) => e.field === field)?.message;

/** A form that never navigates: Enter in a field saves, like the Save button. */
export function form(onSubmit: () => void, ...children: (Node | null)[]): HTMLFormElement {
  const element = h('form', { novalidate: true }, ...children);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return element;
}

/** A date (yyyy-mm-dd) with its label, hint and error; keyboard users can also type it. */
export function dateField(options: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}): HTMLElement {
  const { id, hint, error } = options;
  const input = h('input', {
    id,
    type: 'date',
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? 'true' : undefined,
  });
  input.value = options.value;
  input.addEventListener('input', () => options.onInput(input.value));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, options.label),
    hintLine(id, hint),
    errorLine(id, error),
    input,
  );
}
