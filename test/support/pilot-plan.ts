import type { PilotPlanInput } from '../../src/shared/pilot';

/** A complete pilot plan for FAQ drafting. */
export const pilotPlan: PilotPlanInput = {
  question: 'Does drafting FAQ answers from approved pages cut response time without losing accuracy?',
  decisionInformed: 'Whether to use it for all front-office FAQs next term.',
  team: 'Communications office: 3 staff',
  inScope: 'Enrollment and calendar questions',
  outOfScope: 'Anything about an individual student',
  baselineStart: '2026-11-02',
  baselineEnd: '2026-11-27',
  pilotStart: '2026-11-30',
  pilotEnd: '2027-01-22',
  checkInDay: 'Friday',
  tool: 'District-licensed assistant, signed in with district accounts',
  agreement: 'Registry entry 2026-14',
  sources: 'The public website FAQ pages (owner: Communications)',
  dataRule: 'Green data only; remove names before pasting',
  reviewRule: 'Every draft read by the communications lead before sending',
  humanOnly: 'Safety, legal, individual students',
  escalation: 'Jo Park, communications director',
  stopRule: 'Any privacy incident; any wrong answer reaching a family',
  communication: 'Staff briefing; board update in January',
  feedback: 'The office feedback form',
};
