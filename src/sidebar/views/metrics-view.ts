import type { MeasurementInput, MetricsBoard } from '../../shared/metrics';
import type { FieldError } from '../../shared/workflows';
import {
  button,
  dateField,
  errorFor,
  errorSummary,
  form,
  radioGroup,
  selectField,
  textField,
} from '../controls';
import { h } from '../dom';

export interface MetricsActions {
  save(): void;
  recordIncident(): void;
}

const figure = (n: number | null) => (n === null ? '–' : String(n));
const change = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n}%`);

/**
 * Phase 4: each metric's baseline against the pilot, the stop rules' verdict, and adding one
 * measurement. Counts and medians only: nothing here is about one person.
 */
export function metricsView(
  board: MetricsBoard,
  draft: MeasurementInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: MetricsActions,
): HTMLElement {
  if (!board.selected) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'metrics-heading' },
      h('h2', { id: 'metrics-heading', tabindex: '-1' }, 'Measure'),
      h('p', {}, 'Select a workflow first.'),
    );
  }
  const fieldIds = {
    metric: 'm-metric',
    window: 'm-window',
    periodStart: 'm-periodStart',
    periodEnd: 'm-periodEnd',
    value: 'm-value',
    items: 'm-items',
    language: 'm-language',
    school: 'm-school',
    note: 'm-note',
  };
  const number = (
    id: string,
    label: string,
    value: number | null,
    onInput: (v: number | null) => void,
    hint: string,
    error?: string,
  ) => {
    const input = h('input', {
      id,
      type: 'text',
      inputmode: 'decimal',
      'aria-describedby': error ? `${id}-error ${id}-hint` : `${id}-hint`,
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
      h('p', { id: `${id}-hint`, class: 'hint' }, hint),
      error ? h('p', { id: `${id}-error`, class: 'field-error' }, error) : null,
      input,
    );
  };
  return h(
    'div',
    { class: 'stack' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'metrics-heading' },
      h('h2', { id: 'metrics-heading', tabindex: '-1' }, 'Measure'),
      h('p', {}, 'For ', h('strong', {}, board.selected.name), `. Pilot: ${board.pilotState.toLowerCase()}.`),
      board.stopReasons.length > 0
        ? h(
            'div',
            { id: 'stop-status', class: 'notice notice-problem' },
            h(
              'p',
              { class: 'gate-title' },
              board.pilotState === 'Paused' ? 'Paused by the stop rule' : 'A stop rule holds',
            ),
            h('ul', {}, ...board.stopReasons.map((r) => h('li', {}, r))),
          )
        : h('p', { id: 'stop-status', class: 'muted' }, 'No stop rule holds.'),
      h(
        'div',
        { class: 'actions' },
        button('record-incident', 'Record an incident', {
          busy,
          kind: 'secondary',
          onClick: actions.recordIncident,
        }),
      ),
      h(
        'table',
        { class: 'metrics-table' },
        h('caption', {}, 'Baseline and pilot, per metric'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Metric', 'Baseline', 'Pilot', 'Change', 'Target met'].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...board.metrics.map((m) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                m.name,
                h('span', { class: 'target' }, `Target: ${m.target.toLowerCase()}`),
                h('span', { class: 'target' }, m.definition),
                ...m.splits.map((s) =>
                  h(
                    'span',
                    { class: 'target' },
                    `${s.by} ${s.group}: baseline ${figure(s.baseline)}, pilot ${figure(s.pilot)}`,
                  ),
                ),
              ),
              h('td', {}, figure(m.baseline)),
              h('td', {}, figure(m.pilot)),
              h('td', {}, change(m.change)),
              h(
                'td',
                {
                  class: m.targetMet === true ? 'status-done' : m.targetMet === false ? 'status-problem' : '',
                },
                m.verdict === 'Not known yet' ? '–' : m.verdict,
                m.verdictNote ? h('span', { class: 'target' }, m.verdictNote) : null,
              ),
            ),
          ),
        ),
      ),
    ),
    board.problems.length > 0
      ? h(
          'section',
          { class: 'notice notice-problem', 'aria-labelledby': 'metric-problems-heading' },
          h('h3', { id: 'metric-problems-heading' }, 'Rows to fix in the Metrics sheet'),
          h('ul', { class: 'problems' }, ...board.problems.map((p) => h('li', {}, p.message))),
        )
      : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'add-measurement-heading' },
      h('h2', { id: 'add-measurement-heading' }, 'Add a measurement'),
      errorSummary(errors, fieldIds),
      form(
        () => {
          if (!busy) actions.save();
        },
        selectField({
          id: fieldIds.metric,
          label: 'Metric',
          value: draft.metric,
          choices: [
            { value: '', label: 'Choose a metric' },
            ...board.metricNames.map((n) => ({ value: n, label: n })),
          ],
          error: errorFor(errors, 'metric'),
          onChange: (value) => (draft.metric = value),
        }),
        radioGroup({
          id: fieldIds.window,
          legend: 'Window',
          value: draft.window,
          choices: [
            { value: 'Baseline', label: 'Baseline (before the pilot)' },
            { value: 'Pilot', label: 'Pilot' },
          ],
          error: errorFor(errors, 'window'),
          onChange: (value) => (draft.window = value),
        }),
        dateField({
          id: fieldIds.periodStart,
          label: 'Period start',
          value: draft.periodStart,
          error: errorFor(errors, 'periodStart'),
          onInput: (v) => (draft.periodStart = v),
        }),
        dateField({
          id: fieldIds.periodEnd,
          label: 'Period end',
          value: draft.periodEnd,
          error: errorFor(errors, 'periodEnd'),
          onInput: (v) => (draft.periodEnd = v),
        }),
        number(
          fieldIds.value,
          'Value',
          draft.value,
          (v) => (draft.value = v),
          'In the metric’s unit: minutes, a count, a percentage or a 1–5 score.',
          errorFor(errors, 'value'),
        ),
        number(
          fieldIds.items,
          'Items measured',
          draft.items,
          (v) => (draft.items = v),
          'How many items the value covers, or responses for staff trust. Under 30 items, or 4 baseline weeks, the result reads “not enough data”.',
          errorFor(errors, 'items'),
        ),
        textField({
          id: fieldIds.language,
          label: 'Language (optional)',
          hint: 'The language of the items, e.g. Spanish, so results can be compared by language.',
          value: draft.language,
          maxLength: 60,
          error: errorFor(errors, 'language'),
          onInput: (v) => (draft.language = v),
        }),
        textField({
          id: fieldIds.school,
          label: 'School (optional)',
          hint: 'The school the items came from, where it is recorded.',
          value: draft.school,
          maxLength: 60,
          error: errorFor(errors, 'school'),
          onInput: (v) => (draft.school = v),
        }),
        textField({
          id: fieldIds.note,
          label: 'Note',
          value: draft.note,
          maxLength: 1000,
          multiline: true,
          error: errorFor(errors, 'note'),
          onInput: (v) => (draft.note = v),
        }),
        h(
          'div',
          { class: 'actions' },
          button('save-measurement', busy ? 'Saving…' : 'Add measurement', {
            busy,
            kind: 'primary',
            onClick: actions.save,
          }),
        ),
      ),
    ),
  );
}
