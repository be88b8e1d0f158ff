import type { ApprovedChangeNotice } from '../../shared/approved-change';
import type { FieldError } from '../../shared/workflows';
import { button, errorSummary } from '../controls';
import { h } from '../dom';

export interface ApprovedChangeActions {
  confirm(): void;
  cancel(): void;
}

/**
 * A save that would change an approved plan version, shown before anything is written: the approvals
 * it voids (each step is asked again) and what it changes, field by field. Cancel goes back to the
 * form with what was typed; nothing was saved. Focus moves to the heading, so a screen reader reads
 * the question first.
 */
export function approvedChangeView(
  notice: ApprovedChangeNotice,
  errors: readonly FieldError[],
  busy: boolean,
  actions: ApprovedChangeActions,
): HTMLElement {
  const count = notice.voids.length;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'confirm-heading' },
    h('h2', { id: 'confirm-heading', tabindex: '-1' }, 'Change the approved plan?'),
    h(
      'p',
      {},
      `This plan is approved. Saving the change means ${count === 1 ? 'this approval no longer counts' : `these ${count} approvals no longer count`}, and each step is asked again:`,
    ),
    h(
      'ul',
      { id: 'confirm-voids' },
      notice.voids.map((v) => h('li', {}, h('strong', {}, v.role), ` — ${v.approver}`)),
    ),
    h('h3', { id: 'confirm-changes-heading' }, 'What changes'),
    h(
      'ul',
      { id: 'confirm-changes', 'aria-labelledby': 'confirm-changes-heading' },
      notice.changes.map((c) =>
        h(
          'li',
          {},
          h('strong', {}, c.label),
          ': ',
          c.before,
          h('span', { 'aria-hidden': 'true' }, ' → '),
          h('span', { class: 'visually-hidden' }, ' becomes '),
          c.after,
        ),
      ),
    ),
    notice.pausesPilot
      ? h(
          'p',
          { class: 'notice notice-problem', id: 'confirm-pause' },
          'The pilot is running: it pauses until every step approves the changed plan. The sponsor, the privacy officer and the requester are emailed.',
        )
      : null,
    h('p', { class: 'muted' }, 'The change and the approvals it voids are written to the Log.'),
    errorSummary(errors, {}),
    h(
      'div',
      { class: 'actions' },
      button('confirm-change', busy ? 'Saving…' : 'Save the change', {
        busy,
        kind: 'primary',
        onClick: actions.confirm,
      }),
      button('cancel-change', 'Keep the approved plan', {
        busy: false,
        kind: 'secondary',
        onClick: actions.cancel,
      }),
    ),
  );
}
