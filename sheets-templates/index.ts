import type { WorkspaceTemplate } from '../src/domain/workspace-template';
import { approvals } from './approvals';
import { boardSummary } from './board-summary';
import { dashboard } from './dashboard';
import { governance } from './governance';
import { incidents } from './incidents';
import { log } from './log';
import { metrics } from './metrics';
import { outbox } from './outbox';
import { pilot } from './pilot';
import { planVersions } from './plan-versions';
import { scores } from './scores';
import { settings } from './settings';
import { workflows } from './workflows';

/** Every sheet of the workspace, in tab order. */
export const workspaceTemplate: WorkspaceTemplate = {
  schemaVersion: 5,
  sheets: [
    dashboard,
    boardSummary,
    workflows,
    scores,
    governance,
    approvals,
    pilot,
    metrics,
    incidents,
    settings,
    log,
    outbox,
    planVersions,
  ],
};
