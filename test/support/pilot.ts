import { expect } from '@jest/globals';
import { approvalBoard, sendApprovalRequests } from '../../src/gas/approvals';
import type { FakeEnvironment } from '../fakes/environment';
import { checkReplies, district, reply } from './approvals';

export { pilotPlan } from './pilot-plan';

const emailOf = (role: string) => district[role]?.[1] ?? '';

/** Every approval step approves the plan as it stands now. */
export function approveAll(env: FakeEnvironment): void {
  const sent = env.run((gas) => sendApprovalRequests(gas));
  if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
  reply(env, emailOf('technology'), 'APPROVE');
  reply(env, emailOf('privacy'), 'APPROVE');
  checkReplies(env);
  reply(env, emailOf('sponsor'), 'APPROVE');
  checkReplies(env);
  expect(env.run((gas) => approvalBoard(gas)).state).toBe('approved');
}
