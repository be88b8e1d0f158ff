import { planSetUp } from '../domain/set-up-plan';
import type { WorkspaceTemplate } from '../domain/workspace-template';
import type { SetUpReport } from '../shared/contract';
import { workspaceTemplate } from '../../sheets-templates';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { withDocumentLock } from './document-lock';
import type { SetUpViews } from './leader-view';
import { applySetUp } from './set-up-apply';
import { forgetRead, rememberSheets } from './sheet-reads';
import { readWorkspace } from './workspace-gateway';

export const TOAST_TITLE = 'AI Plan Workspace';

/**
 * Creates missing sheets and columns, puts back validation, formatting and protection where they no
 * longer hold (and only there), and upgrades an older workspace: read, plan, write, under the document
 * lock. Each sheet is read once and written once: `leaderView` (the Dashboard and Board summary) is
 * written from the sheets as set-up read them, in the same commit as those sheets' own set-up. A
 * workspace broken by hand is reported with what to do, and nothing is changed.
 */
export function setUpWorkspace(
  gas: AppsScript,
  template: WorkspaceTemplate = workspaceTemplate,
  leaderView: (views: SetUpViews) => void = () => undefined,
): SetUpReport {
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    // Set-up is the run's first reader: what it reads, the rest of the run reads from (sheet-reads.ts).
    forgetRead(spreadsheet);
    const read = readWorkspace(gas, spreadsheet, template, { formats: true });
    const plan = planSetUp(template, read.snapshot);
    if (!plan.ok) return { ok: false, problems: [...plan.problems] };
    try {
      const applied = applySetUp(gas, spreadsheet, plan, read, (message) =>
        spreadsheet.toast(message, TOAST_TITLE, 5),
      );
      rememberSheets(spreadsheet, applied.sheets);
      leaderView({
        writes: applied.views,
        created: applied.created,
        rows: applied.rows,
        settled: applied.settled,
        properties: read.properties,
      });
      applied.finish();
    } finally {
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
