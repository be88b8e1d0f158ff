import { checkInDays, pilotLabels, requiredToStart } from '../../domain/pilot-plan';
import type { DecisionInput, PilotBoard, PilotPlanInput } from '../../shared/pilot';
import type { FieldError } from '../../shared/workflows';
import {
  button,
  checkbox,
  dateField,
  errorFor,
  errorSummary,
  form,
  radioGroup,
  selectField,
  textField,
} from '../controls';
import { h } from '../dom';

export interface PilotActions {
  save(): void;
  start(): void;
  decide(): void;
}

type Key = keyof PilotPlanInput;

const groups: [string, Key[]][] = [
  ['The question', ['question', 'decisionInformed']],
  ['Scope', ['team', 'inScope', 'outOfScope']],
  ['Dates', ['baselineStart', 'baselineEnd', 'pilotStart', 'pilotEnd', 'checkInDay']],
  ['Tool and data', ['tool', 'agreement', 'sources', 'dataRule']],
  ['Review and safety', ['reviewRule', 'humanOnly', 'escalation', 'stopRule']],
  ['Communication', ['communication', 'feedback']],
];

const dates: readonly Key[] = ['baselineStart', 'baselineEnd', 'pilotStart', 'pilotEnd'];
const ids = (key: string) => `pilot-${key}`;

/**
 * Phases 3–5: the pilot plan (edited in place in `draft`), starting the pilot once every approval step
 * approved this plan version, and the sponsor's decision at the end.
 */
export function pilotView(
  board: PilotBoard,
  draft: PilotPlanInput,
  decision: DecisionInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: PilotActions,
): HTMLElement {
  if (!board.selected) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'pilot-heading' },
      h('h2', { id: 'pilot-heading', tabindex: '-1' }, 'Pilot'),
      h('p', {}, 'Select a workflow, complete its checklist and get it approved first.'),
    );
  }
  const required = new Set<string>(requiredToStart);
  const fieldIds = Object.fromEntries(
    [...groups.flatMap(([, keys]) => keys), 'decision', 'rationale'].map((k) => [k, ids(k)]),
  );
  const field = (key: Key): HTMLElement => {
    const label = pilotLabels[key];
    if (key === 'checkInDay') {
      return selectField({
        id: ids(key),
        label,
        value: draft.checkInDay,
        choices: [{ value: '', label: 'Not set' }, ...checkInDays.map((d) => ({ value: d, label: d }))],
        error: errorFor(errors, key),
        onChange: (value) => (draft.checkInDay = value),
      });
    }
    if (dates.includes(key)) {
      return dateField({
        id: ids(key),
        label,
        value: draft[key],
        error: errorFor(errors, key),
        onInput: (v) => (draft[key] = v),
      });
    }
    return textField({
      id: ids(key),
      label,
      value: draft[key],
      maxLength: 2000,
      multiline: true,
      required: required.has(key),
      error: errorFor(errors, key),
      onInput: (v) => (draft[key] = v),
    });
  };
  const ended = board.state === 'Ended';
  return h(
    'div',
    { class: 'stack' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'pilot-heading' },
      h('h2', { id: 'pilot-heading', tabindex: '-1' }, 'Pilot'),
      h('p', {}, 'For ', h('strong', {}, board.selected.name), '.'),
      h(
        'div',
        {
          id: 'pilot-status',
          class:
            board.state === 'Running' || ended
              ? 'notice notice-done'
              : board.state === 'Paused'
                ? 'notice notice-problem'
                : 'notice',
        },
        h(
          'p',
          { class: 'gate-title' },
          ended ? `Ended: ${board.decision}` : board.state === 'Draft' ? 'Not started' : board.state,
        ),
        board.started ? h('p', {}, `Started ${board.started}.`) : null,
        ended ? h('p', {}, board.rationale) : null,
        !ended && board.cannotStart ? h('p', { id: 'cannot-start' }, board.cannotStart) : null,
        h(
          'p',
          { class: 'muted' },
          `Plan version ${board.planVersion ?? '–'}; approvals: ${board.approvals === 'approved' ? 'every step approved it' : 'not complete for this version'}.`,
        ),
      ),
      board.cannotStart === null
        ? h(
            'div',
            { class: 'actions' },
            button('start-pilot', busy ? 'Starting…' : 'Start pilot', {
              busy,
              kind: 'primary',
              onClick: actions.start,
            }),
          )
        : null,
      board.missing.length > 0 && !ended
        ? h(
            'div',
            { class: 'notice' },
            h('h3', {}, 'Still to write'),
            h('ul', {}, ...board.missing.map((m) => h('li', {}, m.message))),
          )
        : null,
    ),
    board.state === 'Running' || board.state === 'Paused'
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'decision-heading' },
          h('h2', { id: 'decision-heading' }, 'End of pilot: the decision'),
          form(
            () => {
              if (!busy) actions.decide();
            },
            radioGroup({
              id: ids('decision'),
              legend: 'The sponsor decides to',
              value: decision.decision,
              choices: ['Scale', 'Extend', 'Narrow', 'Revise', 'Stop'].map((d) => ({ value: d, label: d })),
              error: errorFor(errors, 'decision'),
              onChange: (value) => (decision.decision = value),
            }),
            h(
              'fieldset',
              { class: 'group' },
              h('legend', {}, 'If scaling'),
              selectField({
                id: ids('scaleTier'),
                label: 'Data the wider use needs',
                hint: 'A higher tier than the pilot’s adds checklist items and asks every approval step again.',
                value: decision.scaleTier,
                choices: [
                  { value: '', label: 'No change' },
                  { value: 'Amber', label: 'Amber: internal, non-public information' },
                  { value: 'Red', label: 'Red: student or staff records' },
                ],
                error: errorFor(errors, 'scaleTier'),
                onChange: (value) => (decision.scaleTier = value),
              }),
              checkbox({
                id: ids('scaleNewVendor'),
                label: 'Needs a vendor the district has not approved yet',
                checked: decision.scaleNewVendor,
                onChange: (checked) => (decision.scaleNewVendor = checked),
              }),
            ),
            textField({
              id: ids('rationale'),
              label: 'The evidence behind it',
              hint: 'The figures from Metrics and what staff said: it is shown on the Dashboard.',
              value: decision.rationale,
              maxLength: 2000,
              multiline: true,
              required: true,
              error: errorFor(errors, 'rationale'),
              onInput: (value) => (decision.rationale = value),
            }),
            h(
              'div',
              { class: 'actions' },
              button('record-decision', busy ? 'Saving…' : 'Record the decision', {
                busy,
                kind: 'primary',
                onClick: actions.decide,
              }),
            ),
          ),
        )
      : null,
    ended
      ? null
      : h(
          'section',
          { class: 'card', 'aria-labelledby': 'plan-heading' },
          h('h2', { id: 'plan-heading' }, 'The pilot plan'),
          h(
            'p',
            { class: 'muted' },
            'Approvers approve this plan: changing it after approval makes their approvals stale.',
          ),
          errorSummary(errors, fieldIds),
          form(
            () => {
              if (!busy) actions.save();
            },
            ...groups.map(([legend, keys]) =>
              h('fieldset', { class: 'group' }, h('legend', {}, legend), ...keys.map(field)),
            ),
            h(
              'div',
              { class: 'actions' },
              button('save-pilot', busy ? 'Saving…' : 'Save the plan', {
                busy,
                kind: 'primary',
                onClick: actions.save,
              }),
            ),
          ),
        ),
  );
}
