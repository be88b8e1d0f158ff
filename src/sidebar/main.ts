import type { SetUpReport, WorkspaceStatus } from '../shared/contract';
import type { ApprovalBoard, ReviewDecision } from '../shared/approvals';
import type { ChecklistInput, GovernanceBoard, LogCheck } from '../shared/governance';
import type { IncidentInput } from '../shared/incidents';
import type {
  MeasurementCorrection,
  MeasurementEntry,
  MeasurementInput,
  MetricsBoard,
} from '../shared/metrics';
import type { DecisionInput, PilotBoard, PilotPlanInput, ResumeInput } from '../shared/pilot';

const emptyDecision = (): DecisionInput => ({
  decision: '',
  rationale: '',
  scaleTier: '',
  scaleNewVendor: false,
  onBehalf: false,
  evidence: '',
});
const emptyResume = (): ResumeInput => ({ reason: '', onBehalf: false, evidence: '' });
import type { ApprovedChangeNotice } from '../shared/approved-change';
import type { ShareInput } from '../shared/share';
import type { FieldError, ScoreInput, WorkflowBoard, WorkflowInput } from '../shared/workflows';
import { planSteps, type PlanStep, type StepProgress } from '../domain/plan-lifecycle';
import { announce, h } from './dom';
import { callServer } from './server';
import { approvalsView, reviewFormView } from './views/approvals-view';
import { approvedChangeView } from './views/approved-change-view';
import { checklistDraft, checklistItemView } from './views/checklist-item-view';
import { emptyIncident, incidentFormView } from './views/incident-form-view';
import { entryFormView, entryList } from './views/measurement-entries-view';
import { metricsView } from './views/metrics-view';
import { pilotView } from './views/pilot-view';
import { shareView } from './views/share-view';
import { governanceView } from './views/governance-view';
import { replaceSelectionView } from './views/replace-selection-view';
import { scoreDraft, scoreFormView } from './views/score-form-view';
import { workflowDraft, workflowFormView } from './views/workflow-form-view';
import { workflowListView } from './views/workflow-list-view';
import { workspaceView } from './views/workspace-view';

/** The screen shown; forms keep what the person typed in their draft until it is saved or cancelled. */
type Screen =
  | { kind: 'overview' }
  | { kind: 'workflows' }
  | { kind: 'workflow-form'; draft: WorkflowInput; errors: FieldError[] }
  | { kind: 'score-form'; workflowId: string; draft: ScoreInput; errors: FieldError[] }
  | { kind: 'replace'; workflowId: string; reason: string; errors: FieldError[] }
  | { kind: 'governance' }
  | { kind: 'checklist-item'; id: string; draft: ChecklistInput; errors: FieldError[] }
  | { kind: 'approvals' }
  | { kind: 'review'; draft: ReviewDecision; errors: FieldError[] }
  | {
      kind: 'pilot';
      draft: PilotPlanInput | null;
      decision: DecisionInput;
      resume: ResumeInput;
      errors: FieldError[];
    }
  | { kind: 'metrics'; draft: MeasurementInput; errors: FieldError[] }
  | {
      kind: 'measurement-entry';
      mode: 'correct' | 'withdraw';
      draft: MeasurementCorrection;
      reason: { text: string };
      errors: FieldError[];
    }
  | { kind: 'incident-form'; draft: IncidentInput; errors: FieldError[] }
  | {
      kind: 'confirm-change';
      notice: ApprovedChangeNotice;
      /** The form the save came from, with what was typed: cancel goes back to it. */
      back: FormScreen;
      confirm: () => void;
      errors: FieldError[];
    };

type FormScreen = Extract<Screen, { errors: FieldError[] }>;

interface AppState {
  status: WorkspaceStatus | null;
  board: WorkflowBoard | null;
  /** Loaded when the Governance view is first opened, and kept current by its actions. */
  governance: GovernanceBoard | null;
  approvals: ApprovalBoard | null;
  pilot: PilotBoard | null;
  metrics: MetricsBoard | null;
  share: { draft: ShareInput; errors: FieldError[] };
  logCheck: LogCheck | null;
  screen: Screen;
  busy: boolean;
  report: SetUpReport | null;
  /** A failure to reach the server or a problem with the workspace, shown as an alert. */
  error: string | null;
  /** What the last save did, shown until the next action. */
  message: string | null;
}

const state: AppState = {
  status: null,
  board: null,
  governance: null,
  approvals: null,
  pilot: null,
  metrics: null,
  share: { draft: { addresses: '', access: 'summary', confirmOutside: false, note: '' }, errors: [] },
  logCheck: null,
  screen: { kind: 'overview' },
  busy: false,
  report: null,
  error: null,
  message: null,
};

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text || 'Something went wrong. Please try again.';
}

const headingOf: Record<Screen['kind'], string> = {
  overview: 'phase-heading',
  workflows: 'workflows-heading',
  'workflow-form': 'form-heading',
  'score-form': 'form-heading',
  replace: 'form-heading',
  governance: 'governance-heading',
  'checklist-item': 'form-heading',
  approvals: 'approvals-heading',
  review: 'form-heading',
  pilot: 'pilot-heading',
  metrics: 'metrics-heading',
  'incident-form': 'form-heading',
  'measurement-entry': 'form-heading',
  'confirm-change': 'confirm-heading',
};

/** Re-renders from state, keeping keyboard focus on the same control unless told where to put it. */
function render(focus?: string): void {
  const app = document.getElementById('app');
  if (!app) return;
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  app.setAttribute('aria-busy', String(state.busy));
  const documentName = document.getElementById('document-name');
  if (documentName && state.status) documentName.textContent = state.status.spreadsheetName;
  const content: (HTMLElement | null)[] = [navigation(), nextStep()];
  if (state.error) content.push(h('div', { class: 'notice notice-problem', role: 'alert' }, state.error));
  if (state.message) {
    content.push(
      h('p', { id: 'message', class: 'notice notice-done', role: 'status', tabindex: '-1' }, state.message),
    );
  }
  content.push(screenView());
  app.replaceChildren(...content.filter((c): c is HTMLElement => c !== null));
  const target = focus ?? focusedId;
  if (target) document.getElementById(target)?.focus();
}

type Section = 'workflows' | 'governance' | 'approvals' | 'pilot' | 'metrics' | 'overview';

const emptyMeasurement = (): MeasurementInput => ({
  metric: '',
  window: 'Baseline',
  periodStart: '',
  periodEnd: '',
  value: null,
  items: null,
  language: '',
  school: '',
  note: '',
});

/** The first screen of a section. */
const sectionScreen = (section: Section): Screen =>
  section === 'pilot'
    ? {
        kind: 'pilot',
        draft: null,
        decision: emptyDecision(),
        resume: emptyResume(),
        errors: [],
      }
    : section === 'metrics'
      ? { kind: 'metrics', draft: emptyMeasurement(), errors: [] }
      : { kind: section };

const sectionOf = (screen: Screen): Section =>
  screen.kind === 'confirm-change'
    ? sectionOf(screen.back)
    : screen.kind === 'overview'
      ? 'overview'
      : screen.kind === 'governance' || screen.kind === 'checklist-item'
        ? 'governance'
        : screen.kind === 'approvals' || screen.kind === 'review'
          ? 'approvals'
          : screen.kind === 'pilot'
            ? 'pilot'
            : screen.kind === 'metrics' ||
                screen.kind === 'incident-form' ||
                screen.kind === 'measurement-entry'
              ? 'metrics'
              : 'workflows';

const stepLabels: Record<PlanStep, string> = {
  workflows: 'Choose',
  governance: 'Govern',
  approvals: 'Approve',
  pilot: 'Pilot',
  metrics: 'Measure',
};

/**
 * The planner's steps as one row that fits the 300 px sidebar: each says whether it is done, the
 * current step or not yet (and why, for screen readers and as a tooltip); the section shown is marked
 * as the page. Overview holds set-up and sharing.
 */
function navigation(): HTMLElement | null {
  if (!state.board?.setUp) return null;
  const current = sectionOf(state.screen);
  const progress = new Map((state.status?.phase.steps ?? []).map((p) => [p.step, p]));
  const link = (section: Section, index: number | null, label: string) => {
    const step: StepProgress | undefined = index === null ? undefined : progress.get(section as PlanStep);
    const said =
      step?.state === 'done'
        ? 'done'
        : step?.state === 'current'
          ? 'current step'
          : step?.state === 'not-yet'
            ? step.why
              ? `not yet: ${step.why}`
              : 'not yet'
            : '';
    const element = h(
      'button',
      {
        id: `nav-${section}`,
        type: 'button',
        class: `nav-item${step ? ` nav-${step.state}` : ''}`,
        'aria-current': current === section ? 'page' : undefined,
        title: said ? `${label}: ${said}` : undefined,
      },
      h(
        'span',
        { class: 'nav-mark', 'aria-hidden': 'true' },
        step?.state === 'done' ? '✓' : index === null ? '☰' : String(index + 1),
      ),
      h('span', { class: 'nav-label' }, label),
      said ? h('span', { class: 'visually-hidden' }, `, ${said}`) : null,
    );
    element.addEventListener('click', () => go(sectionScreen(section)));
    return element;
  };
  return h(
    'nav',
    { class: 'nav', 'aria-label': 'Planner steps' },
    ...planSteps.map((step, i) => link(step, i, stepLabels[step])),
    link('overview', null, 'Overview'),
  );
}

/** The one next step, offered where the person is not already at it. */
function nextStep(): HTMLElement | null {
  const phase = state.status?.phase;
  if (!phase?.step || !state.board?.setUp) return null;
  if (sectionOf(state.screen) === phase.step) return null;
  const step = phase.step;
  const go_ = h(
    'button',
    { id: 'next-step', type: 'button', class: 'button button-primary' },
    `Next: ${planSteps.indexOf(step) + 1}. ${stepLabels[step]}`,
  );
  go_.addEventListener('click', () => go(sectionScreen(step)));
  return h(
    'div',
    { class: 'next-step', role: 'region', 'aria-label': 'Next step' },
    h('p', {}, phase.detail),
    go_,
  );
}

function screenView(): HTMLElement {
  const { status, board, screen, busy } = state;
  if (!status || !board) return h('p', { class: 'muted' }, state.error ? '' : 'Loading the workspace…');
  const card = (id: string) => board.workflows.find((w) => w.id === id);
  switch (screen.kind) {
    case 'overview': {
      const overview = workspaceView(
        { status, busy, report: state.report },
        { setUp: () => void setUp(), refresh: () => void load() },
      );
      if (!board.setUp) return overview;
      overview.append(
        shareView(
          state.share.draft,
          state.share.errors,
          busy,
          () => void shareNow(),
          () => render(),
        ),
      );
      return overview;
    }
    case 'workflows':
      return workflowListView(board, busy, {
        add: () => go({ kind: 'workflow-form', draft: workflowDraft(null), errors: [] }),
        edit: (id) => go({ kind: 'workflow-form', draft: workflowDraft(card(id) ?? null), errors: [] }),
        score: (id) => {
          const found = card(id);
          if (found)
            go({ kind: 'score-form', workflowId: id, draft: scoreDraft(found, board.me), errors: [] });
        },
        select: (id) => startSelection(id),
        refresh: () => void load(),
      });
    case 'governance':
      if (!state.governance) return h('p', { class: 'muted' }, state.error ? '' : 'Loading the checklist…');
      return governanceView(state.governance, state.logCheck, busy, {
        edit: (id) => {
          const row = state.governance?.rows.find((r) => r.id === id);
          if (row) go({ kind: 'checklist-item', id, draft: checklistDraft(row), errors: [] });
        },
        show: (id) => void showInSheet(id),
        refresh: () => void loadGovernance(),
        checkLog: () => void runLogCheck(),
        chooseWorkflow: () => go({ kind: 'workflows' }),
      });
    case 'checklist-item': {
      const row = state.governance?.rows.find((r) => r.id === screen.id);
      if (!row) return gone();
      return checklistItemView(row, screen.draft, screen.errors, busy, {
        save: () =>
          void save(
            (confirm) => callServer('updateChecklistItem', { ...screen.draft, ...confirming(confirm) }),
            screen,
            (result) => {
              state.governance = result.board;
              state.approvals = null;
              state.screen = { kind: 'governance' };
            },
          ),
        cancel: () => go({ kind: 'governance' }),
      });
    }
    case 'approvals':
      if (!state.approvals) return h('p', { class: 'muted' }, state.error ? '' : 'Loading the approvals…');
      return approvalsView(state.approvals, busy, {
        send: () => {
          const count = state.approvals?.toSend ?? 0;
          announce(
            `Sending ${count} approval ${count === 1 ? 'request' : 'requests'} from your Gmail. Each takes a few seconds.`,
          );
          void save(() => callServer('sendApprovalRequests'), null, showApprovals);
        },
        check: () => void save(() => callServer('checkRepliesFromPlanner'), null, showApprovals),
        review: (requestId) =>
          go({ kind: 'review', draft: { requestId, decision: '', note: '' }, errors: [] }),
        govern: () => go({ kind: 'governance' }),
      });
    case 'review': {
      const item = state.approvals?.review.find((r) => r.requestId === screen.draft.requestId);
      if (!item) return gone();
      return reviewFormView(item, screen.draft, screen.errors, busy, {
        save: () => void save(() => callServer('resolveReview', screen.draft), screen, showApprovals),
        cancel: () => go({ kind: 'approvals' }),
      });
    }
    case 'pilot': {
      if (!state.pilot) return h('p', { class: 'muted' }, state.error ? '' : 'Loading the pilot plan…');
      const draft = (screen.draft ??= { ...state.pilot.plan });
      return pilotView(state.pilot, draft, screen.decision, screen.resume, screen.errors, busy, {
        save: () =>
          void save(
            (confirm) => callServer('savePilotPlan', { ...draft, ...confirming(confirm) }),
            screen,
            showPilot,
          ),
        start: () => void save(() => callServer('startPilot'), screen, showPilot),
        decide: () => void save(() => callServer('recordDecision', screen.decision), screen, showPilot),
        resume: () => void save(() => callServer('resumePilot', screen.resume), screen, showPilot),
      });
    }
    case 'metrics': {
      if (!state.metrics) return h('p', { class: 'muted' }, state.error ? '' : 'Loading the measurements…');
      const view = metricsView(state.metrics, screen.draft, screen.errors, busy, {
        save: () =>
          void save(
            () => callServer('saveMeasurement', screen.draft),
            screen,
            (result) => showMetrics(result, screen.draft),
          ),
        recordIncident: () => go({ kind: 'incident-form', draft: emptyIncident(), errors: [] }),
      });
      if (state.metrics.selected) {
        const open = (mode: 'correct' | 'withdraw') => (id: string) => {
          const entry = state.metrics?.entries.find((e) => e.id === id);
          if (entry) go(entryScreen(entry, mode));
        };
        view.append(entryList(state.metrics, busy, { correct: open('correct'), withdraw: open('withdraw') }));
      }
      return view;
    }
    case 'measurement-entry': {
      const entry = state.metrics?.entries.find((e) => e.id === screen.draft.id);
      if (!entry) return gone();
      const back = () => go({ kind: 'metrics', draft: emptyMeasurement(), errors: [] });
      return entryFormView(entry, screen.mode, screen.draft, screen.reason, screen.errors, busy, {
        save: () =>
          void save(
            () =>
              screen.mode === 'correct'
                ? callServer('correctMeasurement', screen.draft)
                : callServer('withdrawMeasurement', { id: screen.draft.id, reason: screen.reason.text }),
            screen,
            (result) => {
              state.metrics = result.board;
              state.pilot = null;
              state.screen = { kind: 'metrics', draft: emptyMeasurement(), errors: [] };
            },
          ),
        cancel: back,
      });
    }
    case 'incident-form':
      return incidentFormView(screen.draft, screen.errors, busy, {
        save: () =>
          void save(
            () => callServer('recordIncident', screen.draft).then((r) => (r.ok ? { ...r, board: null } : r)),
            screen,
            () => {
              state.metrics = null;
              state.pilot = null;
              state.screen = { kind: 'metrics', draft: emptyMeasurement(), errors: [] };
              void loadMetrics().then(() => render('message'));
            },
          ),
        cancel: () => go({ kind: 'metrics', draft: emptyMeasurement(), errors: [] }),
      });
    case 'workflow-form':
      return workflowFormView(screen.draft, screen.errors, busy, {
        save: () =>
          void save(
            (confirm) => callServer('saveWorkflow', { ...screen.draft, ...confirming(confirm) }),
            screen,
            showBoard,
          ),
        cancel: () => go({ kind: 'workflows' }),
      });
    case 'score-form': {
      const found = card(screen.workflowId);
      if (!found) return gone();
      return scoreFormView(found, screen.draft, screen.errors, busy, {
        save: () => void save(() => callServer('saveScore', screen.draft), screen, showBoard),
        cancel: () => go({ kind: 'workflows' }),
      });
    }
    case 'replace': {
      const chosen = card(screen.workflowId);
      const current = board.workflows.find((w) => w.selected && w.id !== screen.workflowId);
      if (!chosen || !current) return gone();
      return replaceSelectionView(current, chosen, screen.reason, screen.errors, busy, {
        changeReason: (reason) => (screen.reason = reason),
        confirm: () =>
          void save(
            () =>
              callServer('selectWorkflow', {
                workflowId: screen.workflowId,
                reason: screen.reason,
                confirmReplace: true,
              }),
            screen,
            showBoard,
          ),
        cancel: () => go({ kind: 'workflows' }),
      });
    }
    case 'confirm-change':
      return approvedChangeView(screen.notice, screen.errors, busy, {
        confirm: screen.confirm,
        cancel: () => {
          state.screen = screen.back;
          announce('Nothing was changed: the approved plan stands.');
          render(headingOf[screen.back.kind]);
        },
      });
  }
}

/** The confirmation a save carries once the person confirmed voiding a version's approvals. */
const confirming = (version: string | undefined) => (version ? { confirmApprovedChange: version } : {});

/** The workflow a form was for is no longer in the sheet (someone deleted its row). */
function gone(): HTMLElement {
  const list = sectionOf(state.screen);
  const back = h(
    'button',
    { id: 'back-to-list', type: 'button', class: 'button button-primary' },
    'Back to the list',
  );
  back.addEventListener('click', () => go(sectionScreen(list)));
  return h(
    'div',
    { class: 'notice notice-problem', role: 'alert' },
    h('p', {}, 'That row is no longer in the sheet.'),
    back,
  );
}

function go(screen: Screen): void {
  state.screen = screen;
  state.message = null;
  state.error = null;
  render(headingOf[screen.kind]);
  if (screen.kind === 'overview') void refreshStatus();
  if (screen.kind === 'governance' && !state.governance)
    void loadGovernance().then(() => render(headingOf.governance));
  if (screen.kind === 'approvals') void loadApprovals().then(() => render(headingOf.approvals));
  if (screen.kind === 'pilot') void loadPilot().then(() => render(headingOf.pilot));
  if (screen.kind === 'metrics') void loadMetrics().then(() => render(headingOf.metrics));
}

function startSelection(workflowId: string): void {
  const board = state.board;
  if (!board) return;
  if (board.workflows.some((w) => w.selected && w.id !== workflowId)) {
    go({ kind: 'replace', workflowId, reason: '', errors: [] });
    return;
  }
  void save(
    () => callServer('selectWorkflow', { workflowId, reason: '', confirmReplace: false }),
    null,
    showBoard,
  );
}

/** The form for one entry, filled from it: a correction sends every field, changed or not. */
const entryScreen = (entry: MeasurementEntry, mode: 'correct' | 'withdraw'): Screen => ({
  kind: 'measurement-entry',
  mode,
  draft: {
    id: entry.id,
    metric: entry.metric,
    window: entry.window,
    periodStart: entry.periodStart,
    periodEnd: entry.periodEnd,
    value: entry.value,
    items: entry.items,
    language: entry.language,
    school: entry.school,
    note: entry.note,
  },
  reason: { text: '' },
  errors: [],
});

/** After adding a measurement: the new figures, and the form ready for the next period of the same metric. */
function showMetrics(result: { board: MetricsBoard }, previous: MeasurementInput): void {
  state.metrics = result.board;
  state.pilot = null;
  state.screen = { kind: 'metrics', draft: { ...previous, value: null, items: null, note: '' }, errors: [] };
}

/** After a pilot action: the plan and its state as saved. */
function showPilot(result: { board: PilotBoard }): void {
  state.pilot = result.board;
  state.approvals = null;
  state.screen = {
    kind: 'pilot',
    draft: { ...result.board.plan },
    decision: emptyDecision(),
    resume: emptyResume(),
    errors: [],
  };
}

/** After an approvals action: the chain as it now stands. */
function showApprovals(result: { board: ApprovalBoard }): void {
  state.approvals = result.board;
  state.screen = { kind: 'approvals' };
}

/** After a workflow change: the recomputed list. The checklist may have followed, so it is re-read when next shown. */
function showBoard(result: { board: WorkflowBoard }): void {
  state.board = result.board;
  state.governance = null;
  state.approvals = null;
  state.screen = { kind: 'workflows' };
}

/**
 * Sends a change. On success `done` shows the result, with the message focused so a screen reader
 * reads it; on refusal the form shows why, with nothing changed. A change to an approved plan is
 * shown for confirmation first; confirmed, the same call goes again with the version it voids.
 */
async function save<Board>(
  call: (
    confirm?: string,
  ) => Promise<
    | { ok: true; message: string; board: Board }
    | { ok: false; errors: FieldError[]; approvedChange?: ApprovedChangeNotice }
  >,
  form: FormScreen | null,
  done: (result: { message: string; board: Board }) => void,
  confirmed?: string,
): Promise<void> {
  state.busy = true;
  state.message = null;
  state.error = null;
  render();
  let focus: string | undefined;
  try {
    const result = await call(confirmed);
    if (!result.ok && result.approvedChange && form && state.screen === form) {
      const notice = result.approvedChange;
      const back = form.kind === 'confirm-change' ? form.back : form;
      const screen: Extract<Screen, { kind: 'confirm-change' }> = {
        kind: 'confirm-change',
        notice,
        back,
        errors: [],
        confirm: () => void save(call, screen, done, notice.version),
      };
      state.screen = screen;
      focus = headingOf['confirm-change'];
    } else if (result.ok) {
      done(result);
      state.message = result.message;
      focus = 'message';
      // The phase may have moved: the steps and the next step follow, without the person waiting.
      void refreshStatus();
    } else if (form && state.screen === form) {
      form.errors = result.errors;
      focus = 'error-summary';
    } else {
      state.error = result.errors.map((e) => e.message).join(' ');
      announce(state.error);
    }
  } catch (error) {
    state.error = errorMessage(error);
    announce(state.error);
  } finally {
    state.busy = false;
    render(focus);
  }
}

/** Reads one section's view from the server while the sidebar shows it is busy. */
async function loadSection<T>(read: () => Promise<T>, keep: (value: T) => void): Promise<void> {
  state.busy = true;
  render();
  try {
    keep(await read());
    state.error = null;
  } catch (error) {
    state.error = errorMessage(error);
  } finally {
    state.busy = false;
    render();
  }
}

const loadGovernance = () =>
  loadSection(
    () => callServer('getGovernanceBoard'),
    (board) => (state.governance = board),
  );
const loadApprovals = () =>
  loadSection(
    () => callServer('getApprovalBoard'),
    (board) => (state.approvals = board),
  );
const loadMetrics = () =>
  loadSection(
    () => callServer('getMetricsBoard'),
    (board) => (state.metrics = board),
  );
const loadPilot = () =>
  loadSection(
    () => callServer('getPilotBoard'),
    (board) => {
      state.pilot = board;
      if (state.screen.kind === 'pilot') state.screen.draft = { ...board.plan };
    },
  );

async function shareNow(): Promise<void> {
  state.busy = true;
  state.message = null;
  state.error = null;
  render();
  let focus: string | undefined;
  try {
    const result = await callServer('shareWithLeaders', state.share.draft);
    if (result.ok) {
      state.share = {
        draft: { addresses: '', access: 'summary', confirmOutside: false, note: '' },
        errors: [],
      };
      state.message = result.message;
      focus = 'message';
    } else {
      state.share.errors = result.errors;
      focus = 'error-summary';
    }
  } catch (error) {
    state.error = errorMessage(error);
    announce(state.error);
  } finally {
    state.busy = false;
    render(focus);
  }
}

async function showInSheet(id: string): Promise<void> {
  try {
    const result = await callServer('showChecklistRow', id);
    announce(result.message);
    if (!result.ok) {
      state.error = result.message;
      render();
    }
  } catch (error) {
    state.error = errorMessage(error);
    render();
  }
}

async function runLogCheck(): Promise<void> {
  state.busy = true;
  render();
  try {
    state.logCheck = await callServer('checkLog');
  } catch (error) {
    state.error = errorMessage(error);
  } finally {
    state.busy = false;
    render(state.logCheck ? 'log-result' : undefined);
  }
}

async function refreshStatus(): Promise<void> {
  try {
    state.status = await callServer('getWorkspaceStatus');
    render();
  } catch (error) {
    state.error = errorMessage(error);
    render();
  }
}

/** Reads the workspace and the board together (two calls in flight at once). */
async function load(first = false): Promise<void> {
  state.busy = true;
  render();
  let open: Section | null = null;
  try {
    const [status, board] = await Promise.all([
      callServer('getWorkspaceStatus'),
      callServer('getWorkflowBoard'),
    ]);
    state.status = status;
    state.board = board;
    state.error = null;
    // The planner opens where the plan stands, not always at the start.
    if (first && board.setUp) open = status.phase.step ?? 'workflows';
    if (!board.setUp) state.screen = { kind: 'overview' };
  } catch (error) {
    state.error = errorMessage(error);
  } finally {
    state.busy = false;
    render();
  }
  if (open) go(sectionScreen(open));
}

async function setUp(): Promise<void> {
  state.busy = true;
  state.report = null;
  render();
  announce('Setting up the workspace. This can take a minute.');
  try {
    state.report = await callServer('setUpWorkspaceFromPlanner');
    const [status, board] = await Promise.all([
      callServer('getWorkspaceStatus'),
      callServer('getWorkflowBoard'),
    ]);
    state.status = status;
    state.board = board;
    state.error = null;
    announce(state.report.ok ? 'The workspace is ready.' : 'Set-up stopped. Nothing was changed.');
  } catch (error) {
    state.error = errorMessage(error);
    announce(state.error);
  } finally {
    state.busy = false;
    render(state.report ? 'report' : undefined);
  }
}

void load(true);
