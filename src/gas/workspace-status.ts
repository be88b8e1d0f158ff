import { mapHeaders } from '../domain/header-map';
import { planSetUp, type SheetSnapshot } from '../domain/set-up-plan';
import { derivePhase } from '../domain/workspace-phase';
import type { TableTemplate } from '../domain/workspace-template';
import type { SheetStatus, WorkspaceStatus } from '../shared/contract';
import { workspaceTemplate } from '../../sheets-templates';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { readWorkspace } from './workspace-gateway';

/** What the planner shows on opening: which sheets exist, the schema version and the phase, from the sheets. */
export function workspaceStatus(gas: AppsScript): WorkspaceStatus {
  const spreadsheet = activeSpreadsheet(gas);
  const { snapshot } = readWorkspace(gas, spreadsheet, workspaceTemplate);
  const plan = planSetUp(workspaceTemplate, snapshot);
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));

  const sheets: SheetStatus[] = workspaceTemplate.sheets.map((t) => {
    const found = byName.get(t.name);
    return {
      name: t.name,
      purpose: t.purpose,
      present: found !== undefined,
      // Not counted where not read on opening (workspace-gateway.ts).
      rows: found && t.kind === 'table' && !found.unread ? dataRows(found) : null,
    };
  });

  const column = (key: string, name: string) => {
    const template = workspaceTemplate.sheets.find(
      (t): t is TableTemplate => t.kind === 'table' && t.name === name,
    );
    const found = byName.get(name);
    if (!template || !found) return [];
    const at = mapHeaders(template.columns, found.values[0] ?? []).columns.get(key);
    return at === undefined ? [] : found.values.slice(1).map((row) => row[at]);
  };
  const names = column('name', 'Workflows');
  const selected = column('selected', 'Workflows').findIndex((v) => v === true);
  const approvalStatuses = column('status', 'Approvals').filter((v) => v !== '');
  const pilotStates = column('state', 'Pilot').filter((v) => v !== '');
  const decisions = column('decision', 'Pilot').filter((v) => v !== '');

  return {
    spreadsheetName: spreadsheet.getName(),
    schemaVersion: snapshot.schemaVersion,
    currentSchemaVersion: workspaceTemplate.schemaVersion,
    sheets,
    phase: derivePhase({
      setUp: snapshot.schemaVersion !== null,
      workflows: column('id', 'Workflows').filter((v) => v !== '').length,
      selectedWorkflow: selected >= 0 ? String(names[selected] ?? '') : null,
      approvals: {
        requested: approvalStatuses.length,
        approved: approvalStatuses.filter((v) => v === 'Approved').length,
      },
      pilotState: pilotStates.length > 0 ? String(pilotStates[pilotStates.length - 1]) : null,
      decision: decisions.length > 0 ? String(decisions[decisions.length - 1]) : null,
    }),
    pendingChanges: plan.ok ? plan.sheets.flatMap((s) => s.changes) : [],
    problems: plan.ok ? [] : [...plan.problems],
    // The user's own news, read and cleared by the entry point (main.ts), not by this view.
    notices: [],
  };
}

function dataRows(sheet: SheetSnapshot): number {
  return sheet.values.slice(1).filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined))
    .length;
}
