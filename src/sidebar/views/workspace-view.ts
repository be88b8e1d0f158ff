import type { SetUpReport, WorkspaceStatus } from '../../shared/contract';
import { button } from '../controls';
import { h } from '../dom';

export interface WorkspaceViewActions {
  setUp(): void;
  refresh(): void;
}

export interface WorkspaceViewState {
  status: WorkspaceStatus;
  busy: boolean;
  /** The outcome of the last set-up in this session, shown until the next one. */
  report: SetUpReport | null;
}

const phaseCount = 5;

/** The planner's first screen: where the plan stands, and whether the workspace is complete. */
export function workspaceView(state: WorkspaceViewState, actions: WorkspaceViewActions): HTMLElement {
  const { status, busy, report } = state;
  return h(
    'div',
    { class: 'stack' },
    phaseSection(status),
    report ? reportSection(report) : null,
    workspaceSection(status, busy, actions),
  );
}

function phaseSection(status: WorkspaceStatus): HTMLElement {
  const { phase } = status;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'phase-heading' },
    h('h2', { id: 'phase-heading', tabindex: '-1' }, 'Where the plan stands'),
    h(
      'p',
      { class: 'phase-title' },
      phase.number === 0 ? phase.title : `Phase ${phase.number} of ${phaseCount}: ${phase.title}`,
    ),
    h('p', {}, phase.detail),
  );
}

function reportSection(report: SetUpReport): HTMLElement {
  if (!report.ok) {
    return h(
      'section',
      { class: 'card card-problem', 'aria-labelledby': 'report-heading', tabindex: '-1', id: 'report' },
      h('h2', { id: 'report-heading' }, 'Set-up stopped: nothing was changed'),
      problemList(report.problems),
    );
  }
  return h(
    'section',
    { class: 'card card-done', 'aria-labelledby': 'report-heading', tabindex: '-1', id: 'report' },
    h('h2', { id: 'report-heading' }, 'The workspace is ready'),
    report.changes.length === 0
      ? h('p', {}, 'Everything was already in place; validation, formatting and protection were re-applied.')
      : h('ul', { class: 'changes' }, ...report.changes.map((c) => h('li', {}, c))),
  );
}

function problemList(problems: WorkspaceStatus['problems']): HTMLElement {
  return h(
    'ul',
    { class: 'problems' },
    ...problems.map((p) => h('li', {}, h('strong', {}, p.problem), ' ', h('span', {}, p.fix))),
  );
}

function workspaceSection(
  status: WorkspaceStatus,
  busy: boolean,
  actions: WorkspaceViewActions,
): HTMLElement {
  const setUp = status.schemaVersion !== null;
  const upgrade = setUp && (status.schemaVersion ?? 0) < status.currentSchemaVersion;
  const label = !setUp ? 'Set up workspace' : upgrade ? 'Upgrade workspace' : 'Check and repair workspace';
  const versionText = !setUp
    ? 'Not set up yet.'
    : upgrade
      ? `Schema version ${String(status.schemaVersion)}; version ${status.currentSchemaVersion} is available.`
      : `Schema version ${String(status.schemaVersion)} (current).`;

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'workspace-heading' },
    h('h2', { id: 'workspace-heading' }, 'Workspace'),
    h('p', {}, versionText),
    h(
      'ul',
      { class: 'sheet-list', 'aria-label': 'Sheets' },
      ...status.sheets.map((sheet) =>
        h(
          'li',
          { class: sheet.present ? 'present' : 'missing' },
          h('span', { class: 'sheet-name' }, sheet.name),
          h(
            'span',
            { class: 'sheet-state' },
            !sheet.present
              ? 'missing'
              : sheet.rows === null
                ? 'present'
                : `${sheet.rows} ${sheet.rows === 1 ? 'row' : 'rows'}`,
          ),
          h('span', { class: 'sheet-purpose' }, sheet.purpose),
        ),
      ),
    ),
    status.notices.length > 0
      ? h(
          'div',
          { class: 'notice', role: 'status' },
          h('h3', {}, 'Since you last opened the planner'),
          h('ul', {}, ...status.notices.map((n) => h('li', {}, n))),
        )
      : null,
    status.problems.length > 0
      ? h(
          'div',
          { class: 'notice notice-problem' },
          h('h3', {}, 'Needs a repair by hand'),
          problemList(status.problems),
        )
      : null,
    status.pendingChanges.length > 0 && setUp
      ? h(
          'div',
          { class: 'notice' },
          h('h3', {}, 'Set-up will'),
          h('ul', {}, ...status.pendingChanges.map((c) => h('li', {}, c))),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      button('set-up-button', busy ? 'Working…' : label, { busy, kind: 'primary', onClick: actions.setUp }),
      button('refresh-button', 'Refresh', { busy, kind: 'secondary', onClick: actions.refresh }),
    ),
  );
}
