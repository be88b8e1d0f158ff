import { checkInDays, pilotLabels, requiredToStart } from '../../domain/pilot-plan';
import type { DecisionInput, PilotBoard, PilotPlanInput, ResumeInput } from '../../shared/pilot';
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
  resume(): void;
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
  resume: ResumeInput,
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
  const fieldIds: Record<string, string> = Object.fromEntries(
    [...groups.flatMap(([, keys]) => keys), 'decision', 'rationale', 'reason'].map((k) => [k, ids(k)]),
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
        ended && board.decidedBy
          ? h(
              'p',
              { id: 'decided-by' },
              `Decided by ${board.decidedBy}${board.recordedBy && !board.decidedBy.includes(board.recordedBy) ? `; recorded on their behalf by ${board.recordedBy}` : ''}.`,
            )
          : null,
        board.state === 'Paused' && board.pausedBecause
          ? h('p', { id: 'paused-because' }, `Paused because: ${board.pausedBecause}`)
          : null,
        !ended && board.cannotStart ? h('p', { id: 'cannot-start' }, board.cannotStart) : null,
        board.edited ? h('p', { id: 'pilot-edited', role: 'alert' }, board.edited) : null,
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
    board.state === 'Paused' ? resumeCard(resume, errors, busy, actions) : null,
    (board.state === 'Running' || board.state === 'Paused') && board.cannotDecide !== null
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'decision-heading' },
          h('h2', { id: 'decision-heading' }, 'End of pilot: the decision'),
          h('p', { id: 'cannot-decide' }, board.cannotDecide),
        )
      : null,
    (board.state === 'Running' || board.state === 'Paused') && board.cannotDecide === null
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
            onBehalfFields(decision, errors, 'decision'),
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

/** "On behalf of the sponsor", with what shows it is the sponsor's word: for the decision and resuming. */
function onBehalfFields(
  value: { onBehalf: boolean; evidence: string },
  errors: readonly FieldError[],
  prefix: string,
): HTMLElement {
  // The server names the resume form's fields "resume-…", so each form shows only its own errors.
  const field = prefix === 'resume' ? 'resume-' : '';
  return h(
    'fieldset',
    { class: 'group' },
    h('legend', {}, 'Who decides'),
    h('p', { class: 'muted' }, 'This is the executive sponsor’s call (Settings › Roles).'),
    checkbox({
      id: ids(`${prefix}-onBehalf`),
      label: 'I am recording it on behalf of the sponsor',
      checked: value.onBehalf,
      onChange: (checked) => (value.onBehalf = checked),
    }),
    textField({
      id: ids(`${prefix}-evidence`),
      label: 'What shows it is the sponsor’s decision',
      hint: 'Only when recording for the sponsor: an email, a meeting note.',
      value: value.evidence,
      maxLength: 500,
      error: errorFor(errors, `${field}evidence`) ?? errorFor(errors, `${field}onBehalf`),
      onInput: (v) => (value.evidence = v),
    }),
  );
}

/** A paused pilot goes on only when the sponsor says why. */
function resumeCard(
  resume: ResumeInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: PilotActions,
): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'resume-heading' },
    h('h2', { id: 'resume-heading' }, 'Resume the pilot'),
    form(
      () => {
        if (!busy) actions.resume();
      },
      textField({
        id: ids('reason'),
        label: 'Why it can go on',
        hint: 'What was done about the reason it paused. The same reasons will not pause it again; new ones will.',
        value: resume.reason,
        maxLength: 500,
        multiline: true,
        required: true,
        error: errorFor(errors, 'reason'),
        onInput: (v) => (resume.reason = v),
      }),
      onBehalfFields(resume, errors, 'resume'),
      h(
        'div',
        { class: 'actions' },
        button('resume-pilot', busy ? 'Saving…' : 'Resume the pilot', {
          busy,
          kind: 'secondary',
          onClick: actions.resume,
        }),
      ),
    ),
  );
}
