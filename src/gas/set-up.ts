import { planSetUp } from '../domain/set-up-plan';
import type { WorkspaceTemplate } from '../domain/workspace-template';
import type { SetUpReport } from '../shared/contract';
import { workspaceTemplate } from '../../sheets-templates';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { withDocumentLock } from './document-lock';
import { forgetRead } from './sheet-reads';
import { applySetUp, readWorkspace } from './workspace-gateway';

export const TOAST_TITLE = 'AI Plan Workspace';

/**
 * Creates missing sheets and columns, puts back validation, formatting and protection where they no
 * longer hold (and only there), and upgrades an older workspace: read, plan, write, under the document lock. A workspace broken by hand is
 * reported with what to do, and nothing is changed.
 */
export function setUpWorkspace(
  gas: AppsScript,
  template: WorkspaceTemplate = workspaceTemplate,
): SetUpReport {
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const read = readWorkspace(gas, spreadsheet, template, { formats: true });
    const plan = planSetUp(template, read.snapshot);
    if (!plan.ok) return { ok: false, problems: [...plan.problems] };
    try {
      applySetUp(gas, spreadsheet, plan, read, (message) => spreadsheet.toast(message, TOAST_TITLE, 5));
    } finally {
      // Set-up writes sheets in its own way: whatever this run read of them before is read again.
      forgetRead(spreadsheet);
    }
    const changes = plan.sheets.flatMap((s) => s.changes);
    spreadsheet.toast(
      changes.length > 0
        ? 'The workspace is ready.'
        : 'The workspace was already complete; anything repaired by hand is back in place.',
      TOAST_TITLE,
      5,
    );
    return { ok: true, schemaVersion: plan.toVersion, changes };
  });
}
