import type { SetUpReport, WorkspaceStatus } from '../shared/contract';
import { announce, h } from './dom';
import { callServer } from './server';
import { workspaceView } from './views/workspace-view';

interface AppState {
  status: WorkspaceStatus | null;
  busy: boolean;
  report: SetUpReport | null;
  error: string | null;
}

const state: AppState = { status: null, busy: false, report: null, error: null };

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text || 'Something went wrong. Please try again.';
}

/** Re-renders from state, keeping keyboard focus on the same control (or moving it to the report). */
function render(focus?: 'report'): void {
  const app = document.getElementById('app');
  if (!app) return;
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  app.setAttribute('aria-busy', String(state.busy));
  const documentName = document.getElementById('document-name');
  if (documentName && state.status) documentName.textContent = state.status.spreadsheetName;
  const content: HTMLElement[] = [];
  if (state.error) {
    content.push(h('div', { class: 'notice notice-problem', role: 'alert' }, state.error));
  }
  if (state.status) {
    content.push(
      workspaceView(
        { status: state.status, busy: state.busy, report: state.report },
        { setUp: () => void setUp(), refresh: () => void refresh() },
      ),
    );
  } else if (!state.error) {
    content.push(h('p', { class: 'muted' }, 'Loading the workspace…'));
  }
  app.replaceChildren(...content);
  const target = focus === 'report' ? 'report' : focusedId;
  if (target) document.getElementById(target)?.focus();
}

async function refresh(): Promise<void> {
  state.busy = true;
  render();
  try {
    state.status = await callServer('getWorkspaceStatus');
    state.error = null;
  } catch (error) {
    state.error = errorMessage(error);
  } finally {
    state.busy = false;
    render();
  }
}

async function setUp(): Promise<void> {
  state.busy = true;
  state.report = null;
  render();
  announce('Setting up the workspace. This can take a minute.');
  try {
    state.report = await callServer('setUpWorkspaceFromPlanner');
    state.status = await callServer('getWorkspaceStatus');
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

void refresh();
