import type { ChecklistRow, GovernanceBoard, LogCheck } from '../../shared/governance';
import { button, hidden } from '../controls';
import { h } from '../dom';

export interface GovernanceActions {
  edit(id: string): void;
  show(id: string): void;
  refresh(): void;
  checkLog(): void;
  chooseWorkflow(): void;
}

/**
 * Phase 2: the selected workflow's checklist — whether the plan is ready for approval, what is missing
 * grouped by who owns it, and every item, each one a click (or Enter) away from its row in the sheet.
 */
export function governanceView(
  board: GovernanceBoard,
  logCheck: LogCheck | null,
  busy: boolean,
  actions: GovernanceActions,
): HTMLElement {
  if (!board.selected) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'governance-heading' },
      h('h2', { id: 'governance-heading', tabindex: '-1' }, 'Governance checklist'),
      h('p', {}, board.summary),
      h(
        'div',
        { class: 'actions' },
        button('go-choose', 'Choose a workflow', { busy, kind: 'primary', onClick: actions.chooseWorkflow }),
      ),
    );
  }
  const byId = new Map(board.rows.map((r) => [r.id, r]));
  return h(
    'div',
    { class: 'stack' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'governance-heading' },
      h('h2', { id: 'governance-heading', tabindex: '-1' }, 'Governance checklist'),
      h('p', {}, 'For ', h('strong', {}, board.selected.name), '.'),
      h(
        'div',
        { class: board.ready ? 'notice notice-done' : 'notice', id: 'gate-status' },
        h('p', { class: 'gate-title' }, board.ready ? 'Ready for approval' : 'Not ready for approval yet'),
        h('p', {}, board.ready ? 'Every required item is done, or marked N/A with a reason.' : board.summary),
        h('progress', {
          id: 'gate-progress',
          max: String(Math.max(1, board.gating)),
          value: String(board.complete),
          'aria-label': `${board.complete} of ${board.gating} required items complete`,
        }),
        h('p', { class: 'muted' }, `${board.complete} of ${board.gating} required items complete.`),
        board.recommendedOpen > 0
          ? h(
              'p',
              { class: 'muted' },
              `${board.recommendedOpen} recommended items are open; they do not block approval.`,
            )
          : null,
      ),
      h(
        'p',
        { class: 'muted' },
        'Plan version ',
        h('strong', { class: 'version' }, board.planVersion ?? '–'),
        ': it changes whenever the workflow or its checklist changes, so approvals name what they approved.',
      ),
      h(
        'div',
        { class: 'actions' },
        button('refresh-governance', 'Refresh', { busy, kind: 'secondary', onClick: actions.refresh }),
      ),
    ),
    board.problems.length > 0
      ? h(
          'section',
          { class: 'notice notice-problem', 'aria-labelledby': 'governance-problems-heading' },
          h('h3', { id: 'governance-problems-heading' }, 'Rows to fix in the sheet'),
          h('ul', { class: 'problems' }, ...board.problems.map((p) => h('li', {}, p.message))),
        )
      : null,
    board.missing.length > 0
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'missing-heading' },
          h('h2', { id: 'missing-heading' }, 'What is missing, by owner'),
          ...board.missing.map((group, g) =>
            h(
              'div',
              { class: 'owner-group' },
              h('h3', { id: `owner-${g}` }, `${group.owner} (${group.ids.length})`),
              h(
                'ul',
                { class: 'item-list', 'aria-labelledby': `owner-${g}` },
                ...group.ids.flatMap((id) => {
                  const row = byId.get(id);
                  return row ? [itemLine(row, `missing-${id}`, busy, actions)] : [];
                }),
              ),
            ),
          ),
        )
      : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'all-items-heading' },
      h('h2', { id: 'all-items-heading' }, 'All checklist items'),
      h(
        'details',
        { id: 'all-items' },
        h('summary', {}, `Show all ${board.rows.length} items, by category`),
        ...categories(board.rows).map(([category, rows], c) =>
          h(
            'div',
            { class: 'category' },
            h('h3', { id: `category-${c}` }, category),
            h(
              'ul',
              { class: 'item-list', 'aria-labelledby': `category-${c}` },
              ...rows.map((row) => itemLine(row, `all-${row.id}`, busy, actions)),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'log-heading' },
      h('h2', { id: 'log-heading' }, 'Audit log'),
      h(
        'p',
        { class: 'muted' },
        'Every change is written to the Log sheet, each row chained to the one before, so an edited or deleted row shows.',
      ),
      logCheck
        ? h(
            'p',
            {
              id: 'log-result',
              class: logCheck.ok ? 'notice notice-done' : 'notice notice-problem',
              tabindex: '-1',
            },
            logCheck.message,
          )
        : null,
      h(
        'div',
        { class: 'actions' },
        button('check-log', 'Check the Log', { busy, kind: 'secondary', onClick: actions.checkLog }),
      ),
    ),
  );
}

function categories(rows: readonly ChecklistRow[]): [string, ChecklistRow[]][] {
  const groups = new Map<string, ChecklistRow[]>();
  for (const row of rows) {
    const category = row.category || 'Other items';
    groups.set(category, [...(groups.get(category) ?? []), row]);
  }
  return [...groups];
}

const statusClass = (row: ChecklistRow) =>
  row.problem
    ? 'status-problem'
    : row.complete
      ? 'status-done'
      : row.status === 'In progress'
        ? 'status-progress'
        : 'status-open';

function itemLine(row: ChecklistRow, key: string, busy: boolean, actions: GovernanceActions): HTMLElement {
  const label = `${row.code || 'Item'} ${row.item}`;
  return h(
    'li',
    { class: 'checklist-item' },
    h('p', { class: 'item-text' }, row.code ? h('span', { class: 'code' }, `${row.code} `) : null, row.item),
    h(
      'p',
      { class: 'item-facts' },
      h('span', { class: `status ${statusClass(row)}` }, row.status || 'Not readable'),
      row.gating ? null : h('span', {}, 'Recommended'),
      row.condition ? h('span', {}, `Because: ${row.condition}`) : null,
      row.due
        ? h(
            'span',
            { class: row.overdue ? 'overdue' : '' },
            row.overdue ? `Overdue: ${row.due}` : `Due ${row.due}`,
          )
        : null,
    ),
    row.problem ? h('p', { class: 'field-error' }, row.problem) : null,
    h(
      'div',
      { class: 'actions' },
      button(`edit-${key}`, ['Update', hidden(` ${label}`)], {
        busy,
        kind: 'primary',
        onClick: () => actions.edit(row.id),
      }),
      button(`show-${key}`, ['Show in sheet', hidden(`: ${label}`)], {
        busy,
        kind: 'secondary',
        onClick: () => actions.show(row.id),
      }),
    ),
  );
}
