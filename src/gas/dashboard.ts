import { dashboard as dashboardTemplate } from '../../sheets-templates/dashboard';
import { asCellText } from '../domain/cell-text';
import { derivePhase } from '../domain/workspace-phase';
import {
  DASHBOARD_FIRST_ROW,
  DASHBOARD_ROWS,
  DASHBOARD_WIDTH,
  dashboardBlock,
  type DashboardInput,
} from '../domain/dashboard-view';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { approvalBoard } from './approvals';
import { withDocumentLock } from './document-lock';
import { governanceBoard } from './governance';
import { metricsBoard } from './metrics';
import { pilotBoard } from './pilot';
import { workflowBoard } from './workflow-board';

/** Set once the Dashboard's charts exist: they point at fixed ranges, so they follow every refresh. */
const CHARTS_KEY = 'aiplan.dashboardCharts';
/** Changes whenever the leader view's layout moves a chart's range. */
const CHARTS_VERSION = 'v2';

/**
 * Writes the leader view below the Dashboard's formulas: phase and pilot status, the chosen workflow
 * and why, governance, the approval chain with dates, each metric baseline → pilot with its target,
 * the ranking and the decision, with when it was refreshed. Runs after every add-on action and on
 * the hourly trigger, so a viewer without the add-on reads it current.
 */
export function refreshDashboard(gas: AppsScript, now = new Date()): void {
  const spreadsheet = activeSpreadsheet(gas);
  if (!spreadsheet.getSheetByName(dashboardTemplate.name) || !spreadsheet.getSheetByName('Workflows')) return;
  const block = dashboardBlock(dashboardInput(gas, now));
  withDocumentLock(gas, () => {
    const sheet = spreadsheet.getSheetByName(dashboardTemplate.name);
    if (!sheet) return;
    // People's words (workflow names, the decision's evidence) are text, never formulas.
    const rows = block.rows.map((r) => r.map((cell) => (typeof cell === 'string' ? asCellText(cell) : cell)));
    // Plain text, so a date or a number someone typed in a name stays as written; numbers stay numbers.
    sheet
      .getRange(DASHBOARD_FIRST_ROW, 1, DASHBOARD_ROWS, DASHBOARD_WIDTH)
      .setNumberFormat('@')
      .setValues(rows);
    const properties = gas.PropertiesService.getDocumentProperties();
    if (properties.getProperty(CHARTS_KEY) === CHARTS_VERSION) return;
    // A new layout of the leader view moves the ranges: the Dashboard is the add-on's sheet, so its
    // charts are replaced by the ones that match.
    for (const old of sheet.getCharts()) sheet.removeChart(old);
    for (const chart of block.charts) {
      const { row, column, numRows, numColumns } = chart.range;
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType(gas.Charts.ChartType[chart.type])
          .addRange(sheet.getRange(row, column, numRows, numColumns))
          .setOption('title', chart.title)
          .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
          .build(),
      );
    }
    properties.setProperty(CHARTS_KEY, CHARTS_VERSION);
  });
}

/** What the leader view shows, read from every sheet through the planner's own views of them. */
export function dashboardInput(gas: AppsScript, now: Date): DashboardInput {
  const spreadsheet = activeSpreadsheet(gas);
  const workflows = workflowBoard(gas);
  const governance = governanceBoard(gas);
  const approvals = approvalBoard(gas);
  const pilot = pilotBoard(gas);
  const metrics = metricsBoard(gas);
  const chosen = workflows.workflows.find((w) => w.selected) ?? null;
  const requests = approvals.steps.flatMap((step) => step.approvers.filter((a) => a.requestId !== null));
  return {
    refreshed: gas.Utilities.formatDate(now, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm'),
    // The phase from what was just read (not the set-up status, which inspects every sheet's structure).
    phase: derivePhase({
      setUp: true,
      workflows: workflows.workflows.filter((w) => w.id !== null).length,
      selectedWorkflow: chosen?.name ?? null,
      approvals: {
        requested: requests.length,
        approved: requests.filter((a) => a.status === 'Approved').length,
      },
      pilotState: pilot.selected && pilot.state !== 'Draft' ? pilot.state : null,
      decision: pilot.decision || null,
    }),
    selected: chosen
      ? { name: chosen.name, total: chosen.total, band: chosen.band, reason: chosen.reason }
      : null,
    ranking: workflows.workflows.flatMap((w) =>
      w.rank !== null && w.total !== null ? [{ name: w.name, total: w.total }] : [],
    ),
    governance: governance.selected
      ? { complete: governance.complete, gating: governance.gating, ready: governance.ready }
      : null,
    approvals: approvals.selected
      ? {
          summary: approvals.summary,
          steps: approvals.steps
            .filter((s) => s.applies)
            .map((s) => ({
              number: s.number,
              name: s.name,
              status: s.complete ? 'Approved' : s.approvers.map((a) => `${a.role}: ${a.status}`).join('; '),
              decided:
                s.approvers
                  .map((a) => a.decided)
                  .filter(Boolean)
                  .sort()
                  .pop() ?? '',
            })),
        }
      : null,
    pilot: pilot.selected
      ? {
          state: pilot.state,
          pilotStart: pilot.plan.pilotStart,
          pilotEnd: pilot.plan.pilotEnd,
          decision: pilot.decision,
          rationale: pilot.rationale,
        }
      : null,
    metrics: metrics.metrics,
    stopReasons: metrics.stopReasons,
    trends: metrics.trends,
  };
}
