import { inputCaps } from '../../domain/input-caps';
import type { MeasurementCorrection, MeasurementEntry, MetricsBoard } from '../../shared/metrics';
import type { FieldError } from '../../shared/workflows';
import { button, errorFor, errorSummary, form, hidden, textField } from '../controls';
import { h } from '../dom';

/**
 * The selected workflow's entries in the Measure view, newest period first, each with Correct and
 * Withdraw; and the form for one entry. A list, not a table, so it fits the 300 px sidebar; each
 * button names its entry for a screen reader.
 */
export interface EntryListActions {
  correct(id: string): void;
  withdraw(id: string): void;
}

/** The list shows this many; older entries stay in the Metrics sheet. */
const SHOWN = 30;

const period = (e: MeasurementEntry) =>
  e.periodStart === e.periodEnd ? e.periodStart : `${e.periodStart} to ${e.periodEnd}`;
const valueText = (e: MeasurementEntry) => (e.value === null ? '–' : String(e.value));
const whose = (e: MeasurementEntry) => `${e.id}, ${e.metric}, ${e.window} ${period(e)}`;

function entryLine(e: MeasurementEntry, busy: boolean, actions: EntryListActions): HTMLElement {
  return h(
    'li',
    { class: `entry entry-${e.status.replace(' ', '-')}` },
    h('p', { class: 'entry-title' }, `${e.metric}: `, h('strong', {}, valueText(e))),
    h('p', { class: 'entry-meta' }, `${e.window} · ${period(e)} · ${e.enteredBy || 'typed in the sheet'}`),
    e.status === 'withdrawn'
      ? h(
          'p',
          { class: 'entry-meta' },
          h('strong', {}, 'Withdrawn'),
          ` by ${e.withdrawn?.by ?? ''}${e.withdrawn?.when ? `, ${e.withdrawn.when}` : ''}: ${e.withdrawn?.why ?? ''}`,
        )
      : e.status === 'to fix'
        ? h('p', { class: 'entry-meta' }, h('strong', {}, 'Not counted:'), ' see the rows to fix above.')
        : null,
    e.status === 'withdrawn'
      ? null
      : h(
          'div',
          { class: 'entry-actions' },
          button(`correct-${e.id}`, ['Correct', hidden(` ${whose(e)}`)], {
            busy,
            kind: 'quiet',
            onClick: () => actions.correct(e.id),
          }),
          button(`withdraw-${e.id}`, ['Withdraw', hidden(` ${whose(e)}`)], {
            busy,
            kind: 'quiet',
            onClick: () => actions.withdraw(e.id),
          }),
        ),
  );
}

export function entryList(board: MetricsBoard, busy: boolean, actions: EntryListActions): HTMLElement {
  const shown = board.entries.slice(0, SHOWN);
  const more = board.entries.length - shown.length;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'entries-heading' },
    h('h2', { id: 'entries-heading' }, 'Entries'),
    board.entries.length === 0
      ? h('p', { class: 'muted' }, 'No entries yet for this workflow.')
      : h('ul', { class: 'entries' }, ...shown.map((e) => entryLine(e, busy, actions))),
    more > 0
      ? h(
          'p',
          { class: 'muted' },
          `And ${more} older ${more === 1 ? 'entry' : 'entries'} in the Metrics sheet.`,
        )
      : null,
  );
}

export interface EntryFormActions {
  save(): void;
  cancel(): void;
}

const fieldIds = { value: 'entry-value', items: 'entry-items', note: 'entry-note', reason: 'entry-reason' };

function numberField(
  id: string,
  label: string,
  value: number | null,
  onInput: (v: number | null) => void,
  error: string | undefined,
): HTMLElement {
  const input = h('input', {
    id,
    type: 'text',
    inputmode: 'decimal',
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-invalid': error ? 'true' : undefined,
  });
  input.value = value === null ? '' : String(value);
  input.addEventListener('input', () => {
    const text = input.value.trim().replace(',', '.');
    onInput(text === '' ? null : Number(text));
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    error ? h('p', { id: `${id}-error`, class: 'field-error' }, error) : null,
    input,
  );
}

/**
 * Correcting an entry's value (its items and note too), or withdrawing it with why. A wrong period or
 * window is withdrawn and entered again, so the row that was wrong stays readable.
 */
export function entryFormView(
  entry: MeasurementEntry,
  mode: 'correct' | 'withdraw',
  draft: MeasurementCorrection,
  reason: { text: string },
  errors: readonly FieldError[],
  busy: boolean,
  actions: EntryFormActions,
): HTMLElement {
  const title = mode === 'correct' ? `Correct ${entry.id}` : `Withdraw ${entry.id}`;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h('h2', { id: 'form-heading', tabindex: '-1' }, title),
    h(
      'p',
      {},
      `${entry.metric}: ${valueText(entry)}. ${entry.window}, ${period(entry)}. Entered by ${entry.enteredBy || 'hand in the sheet'}.`,
    ),
    h(
      'p',
      { class: 'hint' },
      mode === 'correct'
        ? 'A wrong period or window? Withdraw this entry and add a new one.'
        : 'The row stays in the Metrics sheet with who withdrew it, when and why, and no longer counts in any figure or stop rule. A paused pilot stays paused until the sponsor resumes it.',
    ),
    errorSummary(errors, fieldIds),
    form(
      () => {
        if (!busy) actions.save();
      },
      ...(mode === 'correct'
        ? [
            numberField(
              fieldIds.value,
              'Value',
              draft.value,
              (v) => (draft.value = v),
              errorFor(errors, 'value'),
            ),
            numberField(
              fieldIds.items,
              'Items measured',
              draft.items,
              (v) => (draft.items = v),
              errorFor(errors, 'items'),
            ),
            textField({
              id: fieldIds.note,
              label: 'Note',
              value: draft.note,
              maxLength: inputCaps.correctMeasurement.note,
              multiline: true,
              error: errorFor(errors, 'note'),
              onInput: (v) => (draft.note = v),
            }),
          ]
        : [
            textField({
              id: fieldIds.reason,
              label: 'Why it is withdrawn',
              hint: 'For whoever reads the sheet later, e.g. “entered for the wrong week”.',
              value: reason.text,
              maxLength: inputCaps.withdrawMeasurement.reason,
              multiline: true,
              required: true,
              error: errorFor(errors, 'reason'),
              onInput: (v) => (reason.text = v),
            }),
          ]),
      h(
        'div',
        { class: 'actions' },
        button('save-entry', busy ? 'Saving…' : mode === 'correct' ? 'Save correction' : 'Withdraw entry', {
          busy,
          kind: 'primary',
          onClick: actions.save,
        }),
        button('cancel-entry', 'Cancel', { busy, kind: 'secondary', onClick: actions.cancel }),
      ),
    ),
  );
}
