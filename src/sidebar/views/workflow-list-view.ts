import { criteria } from '../../domain/rubric';
import type { WorkflowBoard, WorkflowCard } from '../../shared/workflows';
import { button, hidden } from '../controls';
import { h } from '../dom';

export interface WorkflowListActions {
  add(): void;
  edit(id: string): void;
  score(id: string): void;
  select(id: string): void;
  refresh(): void;
}

const eligibilityText: Record<string, string> = {
  eligible: 'Eligible',
  'needs-baseline': 'Eligible once it has a baseline plan',
  'needs-scorers': 'Needs a second scorer',
  'not-eligible': 'Not eligible',
  'not-scored': 'Not scored yet',
};

/** Phase 1: the candidates in ranked order, with what the team thinks of each, and the one chosen. */
export function workflowListView(
  board: WorkflowBoard,
  busy: boolean,
  actions: WorkflowListActions,
): HTMLElement {
  const selected = board.workflows.find((w) => w.selected);
  return h(
    'div',
    { class: 'stack' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'workflows-heading' },
      h('h2', { id: 'workflows-heading', tabindex: '-1' }, 'Candidate workflows'),
      h(
        'p',
        {},
        'Each person scores each candidate; the team score is the middle (median) of everyone’s scores, except that the privacy officer’s risk score counts when it is lower. At least two people score before one eligible workflow is chosen for the pilot.',
      ),
      h(
        'p',
        { class: 'selected-summary' },
        selected
          ? ['Selected for the pilot: ', h('strong', {}, selected.name)]
          : 'No workflow is selected yet.',
      ),
      h(
        'div',
        { class: 'actions' },
        button('add-workflow', 'Add a workflow', { busy, kind: 'primary', onClick: actions.add }),
        button('refresh-workflows', 'Refresh', { busy, kind: 'secondary', onClick: actions.refresh }),
      ),
    ),
    board.problems.length > 0
      ? h(
          'section',
          { class: 'notice notice-problem', 'aria-labelledby': 'row-problems-heading' },
          h('h3', { id: 'row-problems-heading' }, 'Rows left out until they are fixed in the sheet'),
          h('ul', { class: 'problems' }, ...board.problems.map((p) => h('li', {}, p.message))),
        )
      : null,
    board.workflows.length === 0
      ? h('p', {}, 'No candidates yet. Add the workflows your staff find repetitive.')
      : h(
          'ol',
          { class: 'workflow-list', 'aria-label': 'Candidates, best first' },
          ...board.workflows.map((w, i) => workflowCard(w, i, busy, actions)),
        ),
  );
}

function workflowCard(
  w: WorkflowCard,
  index: number,
  busy: boolean,
  actions: WorkflowListActions,
): HTMLElement {
  const headingId = `workflow-${index}-name`;
  const selectable = (w.eligibility === 'eligible' || w.eligibility === 'needs-baseline') && !w.selected;
  const id = w.id;
  return h(
    'li',
    { class: `workflow-card eligibility-${w.eligibility}${w.selected ? ' is-selected' : ''}` },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('h3', { id: headingId }, w.name),
      w.selected ? h('p', { class: 'badge' }, 'Selected for the pilot') : null,
      h(
        'p',
        { class: 'score-line' },
        w.rank !== null ? h('span', { class: 'rank' }, `Rank ${w.rank}`) : null,
        w.total !== null ? h('span', {}, `${w.total} of 20`) : null,
        w.band ? h('span', {}, w.band) : null,
        h('span', {}, `${w.scorers} ${w.scorers === 1 ? 'scorer' : 'scorers'}`),
      ),
      h(
        'p',
        { class: 'eligibility' },
        h('strong', {}, `${eligibilityText[w.eligibility] ?? w.eligibility}. `),
        reasonDetail(w),
      ),
      w.consensus
        ? h(
            'p',
            { class: 'consensus' },
            criteria.map((c) => `${c.name} ${w.consensus?.[c.key] ?? '–'}`).join(' · '),
          )
        : null,
      w.disagreements.length > 0
        ? h(
            'p',
            { class: 'flag' },
            `Scorers disagree on ${w.disagreements.join(', ')}: talk it over before choosing.`,
          )
        : null,
      w.fitWarning ? h('p', { class: 'flag' }, w.fitWarning) : null,
      w.team ? h('p', { class: 'muted' }, `Team: ${w.team}`) : null,
      id
        ? h(
            'div',
            { class: 'actions' },
            button(`score-${id}`, [w.myScore ? 'Change my score' : 'Score', hidden(` for ${w.name}`)], {
              busy,
              kind: 'primary',
              onClick: () => actions.score(id),
            }),
            button(`edit-${id}`, ['Edit', hidden(` ${w.name}`)], {
              busy,
              kind: 'secondary',
              onClick: () => actions.edit(id),
            }),
            selectable
              ? button(`select-${id}`, ['Select', hidden(` ${w.name} for the pilot`)], {
                  busy,
                  kind: 'secondary',
                  onClick: () => actions.select(id),
                })
              : null,
          )
        : null,
    ),
  );
}

/** The reason without the label already shown in bold (the domain's reasons start with it). */
function reasonDetail(w: WorkflowCard): string {
  if (w.eligibility === 'not-scored') return w.id ? '' : w.reason;
  const colon = w.reason.indexOf(': ');
  const detail = colon >= 0 ? w.reason.slice(colon + 2) : w.reason;
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}
