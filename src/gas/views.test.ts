import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import { readyWorkspace, reply } from '../../test/support/approvals';
import { approveAll, pilotPlan } from '../../test/support/pilot';
import { setCell, sheetNamed } from '../../test/support/workspace';
import { sameWorld, worldSnapshot } from '../../test/support/world';
import { plannerViewNames } from '../shared/contract';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { approvalBoard, sendApprovalRequests } from './approvals';
import { checkLog } from './audit-log-gateway';
import { governanceBoard } from './governance';
import { applyStopRulesNow, metricsBoard } from './metrics';
import { pilotBoard, recordDecision, savePilotPlan, startPilot } from './pilot';
import { setUpWorkspace } from './set-up';
import { UserError } from './user-error';
import { workflowBoard } from './workflow-board';
import { workspaceStatus } from './workspace-status';
import { todayIs } from '../../test/support/today';

/** Every view of the contract, as main.ts runs it; the compiler keeps the list complete. */
const views: Record<(typeof plannerViewNames)[number], (gas: AppsScript) => unknown> = {
  getWorkspaceStatus: workspaceStatus,
  getWorkflowBoard: workflowBoard,
  getGovernanceBoard: governanceBoard,
  checkLog: (gas) => checkLog(gas, activeSpreadsheet(gas)),
  getApprovalBoard: approvalBoard,
  getPilotBoard: pilotBoard,
  getMetricsBoard: metricsBoard,
};

/**
 * The workspace through every phase, including the states a view used to repair by writing: a profile
 * flag ticked in the sheet (the checklist is out of step), the plan changed after requests went out
 * (they are stale), measurements typed by hand that trip a stop rule (the pilot should pause).
 */
function* phases(): Generator<[string, FakeEnvironment]> {
  yield ['a new spreadsheet', new FakeEnvironment()];
  const fresh = new FakeEnvironment();
  fresh.run((gas) => setUpWorkspace(gas));
  yield ['set up', fresh];
  const env = readyWorkspace();
  yield ['ready for approval', env];
  const sent = env.run((gas) => sendApprovalRequests(gas));
  expect(sent.ok).toBe(true);
  yield ['requests out, waiting for replies', env];
  reply(env, 'sam@district.example.org', 'Approve, but I have a question about retention.');
  setCell(env, 'Workflows', 2, 'studentFacing', true);
  yield ['a reply waiting, and a profile flag ticked in the sheet', env];
  setCell(env, 'Governance', 3, 'status', 'In progress');
  yield ['a checklist status changed in the sheet', env];
  const running = readyWorkspace();
  expect(running.run((gas) => savePilotPlan(gas, pilotPlan)).ok).toBe(true);
  approveAll(running);
  expect(running.run((gas) => startPilot(gas)).ok).toBe(true);
  yield ['pilot running', running];
  for (const [start, end] of [
    ['2026-12-07', '2026-12-11'],
    ['2026-12-14', '2026-12-18'],
  ] as const) {
    running.run((gas) => {
      const sheet = sheetNamed(gas, 'Metrics');
      const row = sheet.getLastRow() + 1;
      sheet
        .getRange(row, 1, 1, 8)
        .setValues([[`MS-H${row}`, 'WF-001', 'Staff trust (1–5)', 'Pilot', start, end, 2, 6]]);
    });
  }
  yield ['low trust typed into the sheet two weeks running', running];
  running.run((gas) => applyStopRulesNow(gas));
  yield ['paused by the hourly run', running];
  const decided = running.run((gas) =>
    recordDecision(gas, {
      decision: 'Stop',
      rationale: 'Staff trust too low.',
      onBehalf: true,
      evidence: 'Email from the sponsor, 18 December',
    }),
  );
  expect(decided.ok).toBe(true);
  yield ['decided', running];
}

// The fixed dates below are in the past from here: no period may start after today.
todayIs('2026-12-20T12:00:00Z');
describe('views', () => {
  it('change nothing, in any phase: spreadsheet, properties, triggers and mail stay as they were', () => {
    const seen: string[] = [];
    for (const [phase, env] of phases()) {
      const before = worldSnapshot(env);
      for (const [name, view] of Object.entries(views)) {
        try {
          env.run((gas) => view(gas));
        } catch (error) {
          // A view may refuse (the Log check before set-up); refusing changes nothing either.
          if (!(error instanceof UserError)) throw error;
        }
        seen.push(`${phase}: ${name}`);
      }
      // One comparison per phase (the world is 11 MB); a failure names the phase.
      expect({ phase, unchanged: sameWorld(env.state, before) }).toEqual({ phase, unchanged: true });
    }
    expect(seen).toHaveLength(10 * plannerViewNames.length);
  });
});
