import type { ApprovalBoard, ReviewDecision, ReviewItem } from '../../shared/approvals';
import type { FieldError } from '../../shared/workflows';
import { button, errorFor, errorSummary, form, hidden, radioGroup, textField } from '../controls';
import { h } from '../dom';

export interface ApprovalsActions {
  send(): void;
  check(): void;
  review(requestId: string): void;
  govern(): void;
}

/**
 * Phase 2, approvals: the chain step by step, who was asked and what they answered, sending the current
 * step, checking replies, and the replies that wait for a person.
 */
export function approvalsView(board: ApprovalBoard, busy: boolean, actions: ApprovalsActions): HTMLElement {
  if (!board.selected) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'approvals-heading' },
      h('h2', { id: 'approvals-heading', tabindex: '-1' }, 'Approvals'),
      h('p', {}, 'Select a workflow and complete its checklist first.'),
    );
  }
  return h(
    'div',
    { class: 'stack' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'approvals-heading' },
      h('h2', { id: 'approvals-heading', tabindex: '-1' }, 'Approvals'),
      h(
        'p',
        {},
        'For ',
        h('strong', {}, board.selected.name),
        ', plan version ',
        h('strong', { class: 'version' }, board.planVersion ?? '–'),
        '.',
      ),
      h(
        'div',
        {
          id: 'approval-status',
          class:
            board.state === 'approved'
              ? 'notice notice-done'
              : board.state === 'stopped'
                ? 'notice notice-problem'
                : 'notice',
        },
        h('p', { class: 'gate-title' }, stateTitle(board.state)),
        h('p', {}, board.summary),
      ),
      board.problems.length > 0
        ? h(
            'div',
            { class: 'notice notice-problem' },
            h('h3', {}, 'Fix the approval chain in Settings'),
            h('ul', { class: 'problems' }, ...board.problems.map((p) => h('li', {}, p))),
          )
        : null,
      board.edited.length > 0
        ? h(
            'div',
            { class: 'notice notice-problem', id: 'approvals-edited' },
            h('h3', {}, 'Edited in the sheet — not counted'),
            h('ul', { class: 'problems' }, ...board.edited.map((p) => h('li', {}, p))),
          )
        : null,
      h(
        'p',
        { class: 'muted' },
        'Approvers answer by replying to the email with APPROVE, REJECT or CHANGES (or APROBAR, RECHAZAR, CAMBIOS). Only a reply from the named approver’s address counts.',
      ),
      h(
        'div',
        { class: 'actions' },
        board.cannotSend === null
          ? button(
              'send-requests',
              busy
                ? `Sending ${board.toSend} ${board.toSend === 1 ? 'request' : 'requests'}…`
                : `Send ${board.toSend} approval ${board.toSend === 1 ? 'request' : 'requests'}`,
              {
                busy,
                kind: 'primary',
                onClick: actions.send,
              },
            )
          : null,
        button('check-replies', busy ? 'Checking…' : 'Check replies now', {
          busy,
          kind: 'secondary',
          onClick: actions.check,
        }),
        board.ready
          ? null
          : button('go-govern', 'Open the checklist', { busy, kind: 'secondary', onClick: actions.govern }),
      ),
      board.cannotSend !== null && board.state !== 'waiting' && board.state !== 'approved'
        ? h('p', { class: 'muted', id: 'cannot-send' }, board.cannotSend)
        : null,
    ),
    board.review.length > 0
      ? h(
          'section',
          { class: 'card card-problem', 'aria-labelledby': 'review-heading' },
          h('h2', { id: 'review-heading' }, 'Replies waiting for a person'),
          ...board.review.map((item) => reviewLine(item, busy, actions)),
        )
      : null,
    board.uncounted.length > 0
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'uncounted-heading' },
          h('h2', { id: 'uncounted-heading' }, 'Replies that did not count'),
          h(
            'p',
            { class: 'muted' },
            'Only the named approver’s own reply counts. Ask them to answer from their own email.',
          ),
          h(
            'ul',
            { class: 'uncounted-list' },
            ...board.uncounted.map((item) =>
              h(
                'li',
                {},
                h('h3', {}, `${item.role} (${item.requestId})`),
                h('ul', {}, ...item.lines.map((line) => h('li', {}, line))),
              ),
            ),
          ),
        )
      : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'chain-heading' },
      h('h2', { id: 'chain-heading' }, 'The approval chain'),
      h(
        'ol',
        { class: 'step-list' },
        ...board.steps.map((step) =>
          h(
            'li',
            { class: `step${step.current ? ' is-current' : ''}${step.applies ? '' : ' not-needed'}` },
            h('h3', {}, `Step ${step.number}: ${step.name}`),
            h(
              'p',
              { class: 'muted' },
              !step.applies
                ? `Not needed: applies when ${step.condition.toLowerCase()}.`
                : step.complete
                  ? 'Approved.'
                  : step.current
                    ? 'The current step.'
                    : step.condition === 'Always'
                      ? 'Waits for the steps before it.'
                      : `Needed because: ${step.condition}.`,
            ),
            h(
              'ul',
              { class: 'item-list' },
              ...step.approvers.map((a) =>
                h(
                  'li',
                  { class: 'checklist-item' },
                  h('p', { class: 'item-text' }, h('strong', {}, a.role), ` — ${a.name}`),
                  h(
                    'p',
                    { class: 'item-facts' },
                    h('span', { class: `status ${statusClass(a.status)}` }, a.status),
                    a.sent ? h('span', {}, `Sent ${a.sent}`) : null,
                    a.decided ? h('span', {}, `Decided ${a.decided}`) : null,
                    a.reminders > 0
                      ? h('span', {}, `${a.reminders} ${a.reminders === 1 ? 'reminder' : 'reminders'}`)
                      : null,
                  ),
                  a.comment ? h('p', { class: 'quote' }, a.comment) : null,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function stateTitle(state: string): string {
  switch (state) {
    case 'approved':
      return 'Approved';
    case 'stopped':
      return 'Stopped: changes requested or rejected';
    case 'needs-review':
      return 'A reply needs a person';
    case 'waiting':
      return 'Waiting for replies';
    default:
      return 'Not sent yet';
  }
}

const statusClass = (status: string) =>
  status === 'Approved'
    ? 'status-done'
    : status === 'Rejected' || status === 'Changes requested'
      ? 'status-problem'
      : status === 'Needs review'
        ? 'status-progress'
        : 'status-open';

function reviewLine(item: ReviewItem, busy: boolean, actions: ApprovalsActions): HTMLElement {
  return h(
    'div',
    { class: 'checklist-item' },
    h('h3', {}, `${item.role} — ${item.approver}`),
    h('p', { class: 'quote' }, item.reply || '(an empty reply)'),
    h('p', { class: 'muted' }, item.reason),
    h(
      'div',
      { class: 'actions' },
      button(`review-${item.requestId}`, ['Decide', hidden(` the reply from ${item.role}`)], {
        busy,
        kind: 'primary',
        onClick: () => actions.review(item.requestId),
      }),
    ),
  );
}

export interface ReviewActions {
  save(): void;
  cancel(): void;
}

/** A person reads an unclear reply and records the decision it means, with how they know. */
export function reviewFormView(
  item: ReviewItem,
  draft: ReviewDecision,
  errors: readonly FieldError[],
  busy: boolean,
  actions: ReviewActions,
): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h('h2', { id: 'form-heading', tabindex: '-1' }, `Decide the reply from the ${item.role}`),
    h('p', { class: 'quote' }, item.reply || '(an empty reply)'),
    h('p', { class: 'muted' }, `Why it needs you: ${item.reason}`),
    errorSummary(errors, { decision: 'review-decision', note: 'review-note' }),
    form(
      () => {
        if (!busy) actions.save();
      },
      radioGroup({
        id: 'review-decision',
        legend: 'What does the approver decide?',
        value: draft.decision,
        choices: [
          { value: 'Approve', label: 'Approve' },
          { value: 'Changes', label: 'Changes requested' },
          { value: 'Reject', label: 'Reject' },
        ],
        error: errorFor(errors, 'decision'),
        onChange: (value) => (draft.decision = value),
      }),
      textField({
        id: 'review-note',
        label: 'How do you know?',
        hint: 'For example: “Called Pat; the condition is met.” It is logged with your decision.',
        value: draft.note,
        maxLength: 500,
        multiline: true,
        required: true,
        error: errorFor(errors, 'note'),
        onInput: (value) => (draft.note = value),
      }),
      h(
        'div',
        { class: 'actions' },
        button('save-review', busy ? 'Saving…' : 'Record decision', {
          busy,
          kind: 'primary',
          onClick: actions.save,
        }),
        button('cancel-review', 'Cancel', { busy: false, kind: 'secondary', onClick: actions.cancel }),
      ),
    ),
  );
}
