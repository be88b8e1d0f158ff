import { anchorRule, criteria, personalDataDefinition, redFlags } from '../../domain/rubric';
import { limits } from '../../domain/workflow-input';
import type { FieldError, ScoreInput, WorkflowBoard, WorkflowCard } from '../../shared/workflows';
import { button, checkbox, errorFor, errorSummary, form, radioGroup, textField } from '../controls';
import { h } from '../dom';

/** The form edits `draft` in place as the person chooses; it is the screen's, kept until saved or cancelled. */
export interface ScoreFormActions {
  save(): void;
  cancel(): void;
}

/** The scorer's saved score to change, or an empty one (0: not chosen yet). */
export function scoreDraft(card: WorkflowCard, me: WorkflowBoard['me']): ScoreInput {
  const mine = card.myScore;
  return {
    workflowId: card.id ?? '',
    scores: mine ? { ...mine.scores } : { common: 0, measurable: 0, risk: 0, pain: 0 },
    redFlags: mine ? [...mine.redFlags] : [],
    fitsDay: mine?.fitsDay ?? null,
    note: mine?.note ?? '',
    scorerName: me.email === '' ? (me.name ?? '') : null,
  };
}

const fieldIds: Record<string, string> = {
  scorerName: 'score-scorerName',
  ...Object.fromEntries(criteria.map((c) => [c.key, `score-${c.key}`])),
  redFlags: 'flag-flagStudentRecords',
  fitsDay: 'score-fitsDay',
  note: 'score-note',
};

/** One criterion at a time: the rubric's five anchors are the choices, the team's score beside it. */
export function scoreFormView(
  card: WorkflowCard,
  draft: ScoreInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: ScoreFormActions,
): HTMLElement {
  const team = card.consensus;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h('h2', { id: 'form-heading', tabindex: '-1' }, `Score “${card.name}”`),
    h(
      'p',
      { class: 'muted' },
      team
        ? `Team score so far from ${card.scorers} ${card.scorers === 1 ? 'scorer' : 'scorers'}: shown beside each question. Score what you see; the team score is the median.`
        : 'Nobody has scored this workflow yet.',
    ),
    h('p', {}, anchorRule),
    h('p', { class: 'muted' }, personalDataDefinition),
    errorSummary(errors, fieldIds),
    form(
      () => {
        if (!busy) actions.save();
      },
      draft.scorerName !== null
        ? textField({
            id: fieldIds['scorerName'] ?? 'scorerName',
            label: 'Your name',
            hint: 'Google does not share your email address here, so your score is saved under this name.',
            value: draft.scorerName,
            maxLength: limits.scorerName,
            required: true,
            autocomplete: 'name',
            error: errorFor(errors, 'scorerName'),
            onInput: (value) => (draft.scorerName = value),
          })
        : null,
      ...criteria.map((criterion) =>
        radioGroup({
          id: fieldIds[criterion.key] ?? criterion.key,
          legend: [
            h('span', { class: 'criterion' }, criterion.name),
            team ? h('span', { class: 'team-score' }, ` (team: ${team[criterion.key]})`) : null,
          ],
          hint: criterion.question,
          value: String(draft.scores[criterion.key]),
          choices: criterion.anchors.map((anchor, i) => ({
            value: String(i + 1),
            label: [h('strong', {}, `${i + 1}`), ` ${anchor.text}`],
          })),
          error: errorFor(errors, criterion.key),
          onChange: (value) => (draft.scores[criterion.key] = Number(value)),
        }),
      ),
      h(
        'fieldset',
        { class: 'group', 'aria-describedby': 'red-flags-hint' },
        h('legend', {}, 'Red flags'),
        h(
          'p',
          { id: 'red-flags-hint', class: 'hint' },
          'Tick any that apply. One red flag from anyone rules the workflow out of a first pilot.',
        ),
        ...redFlags.map((flag) =>
          checkbox({
            id: `flag-${flag.key}`,
            label: flag.label,
            checked: draft.redFlags.includes(flag.key),
            onChange: (checked) =>
              (draft.redFlags = checked
                ? [...draft.redFlags, flag.key]
                : draft.redFlags.filter((k) => k !== flag.key)),
          }),
        ),
      ),
      radioGroup({
        id: fieldIds['fitsDay'] ?? 'fitsDay',
        legend: 'Fits how staff already work?',
        hint: 'Same tools and inbox, no new daily step for staff.',
        value: draft.fitsDay ?? '',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        error: errorFor(errors, 'fitsDay'),
        onChange: (value) => (draft.fitsDay = value === 'yes' ? 'yes' : 'no'),
      }),
      textField({
        id: fieldIds['note'] ?? 'note',
        label: 'Note for the team',
        hint: 'Why you scored it this way, or what worries you.',
        value: draft.note,
        maxLength: limits.note,
        multiline: true,
        error: errorFor(errors, 'note'),
        onInput: (value) => (draft.note = value),
      }),
      h(
        'div',
        { class: 'actions' },
        button('save-score', busy ? 'Saving…' : 'Save my score', {
          busy,
          kind: 'primary',
          onClick: actions.save,
        }),
        button('cancel-score', 'Cancel', { busy: false, kind: 'secondary', onClick: actions.cancel }),
      ),
    ),
  );
}
