import { describe, expect, it } from '@jest/globals';
import type { ApprovalChain, Approver } from './approval-chain';
import { chainProgress } from './approval-flow';
import { metricsFor } from './metric-definitions';
import { approvalRow } from './approval-records';
import { requestFacts, type RequestContext } from './request-facts';
import type { WorkflowRecord } from './workflow-records';

const person = (role: string, email: string): Approver => ({
  role,
  name: '',
  email,
  aliases: [],
  language: 'en',
});
const technology = person('Technology director', 'sam@district.example.org');
const privacy = person('Privacy officer', 'pat@district.example.org');
const sponsor = person('Executive sponsor', 'rivera@district.example.org');
const privacyStep = {
  number: 3,
  name: 'Privacy review',
  condition: 'always',
  applies: true,
  approvers: [privacy],
};
const finalStep = {
  number: 4,
  name: 'Final approval',
  condition: 'always',
  applies: true,
  approvers: [sponsor],
};
const chain: ApprovalChain = {
  steps: [
    { number: 1, name: 'Technology review', condition: 'always', applies: true, approvers: [technology] },
    { number: 2, name: 'Legal review', condition: 'new vendor', applies: false, approvers: [privacy] },
    privacyStep,
    finalStep,
  ],
  problems: [],
};
const workflow: WorkflowRecord = {
  row: 2,
  id: 'WF-001',
  name: 'FAQ drafting',
  description: 'Staff draft answers to families’ questions.',
  team: 'Communications',
  timeLost: '',
  fragmented: '',
  frequentSafe: '',
  dataTier: 'Green',
  kind: '',
  flags: {
    familyFacing: true,
    studentFacing: false,
    collectsFromStudents: false,
    nonEnglish: true,
    newVendor: false,
    dutiesChange: false,
  },
  selected: true,
};
const approvedOn = new Date('2026-12-03T15:00:00Z');
const records = [
  approvalRow(2, {
    id: 'AP-1',
    workflowId: 'WF-001',
    step: 1,
    role: 'Technology director',
    approver: technology.email,
    planVersion: 'v-1',
    status: 'Approved',
    decided: approvedOn,
  }),
];
const context = (extra: Partial<RequestContext> = {}): RequestContext => {
  const progress = chainProgress(chain, records, 'WF-001', 'v-1');
  return {
    request: { id: 'AP-2', due: '2026-12-08' },
    workflow,
    version: 'v-1',
    step: privacyStep,
    approver: privacy,
    progress,
    requester: { name: 'Morgan Diaz', role: 'Workflow owner', email: 'coordinator@district.example.org' },
    sponsor: 'Dr. Rivera',
    dataVerifiedBy: 'Pat Lee',
    pilot: { tool: 'Gemini', stopRule: 'Any incident' },
    assessment: null,
    since: null,
    day: (d) => d.toISOString().slice(0, 10),
    timing: { reminderDays: 3, escalationDays: 5 },
    sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
    ...extra,
  };
};

describe('the facts of a request email', () => {
  it('place the step among the steps that apply, with where earlier steps stand and who is asked next', () => {
    const facts = requestFacts(context());
    expect(facts.step).toEqual({ role: 'Privacy officer', number: 2, count: 3, name: 'Privacy review' });
    expect(facts.prior).toEqual([{ role: 'Technology director', status: 'Approved', day: '2026-12-03' }]);
    expect(facts.next).toEqual({ step: 'Final approval', roles: ['Executive sponsor'] });
    expect(requestFacts(context({ step: finalStep, approver: sponsor })).next).toBeNull();
  });

  it('state the scores as they are: a workflow nobody scored says so', () => {
    expect(requestFacts(context()).assessment).toEqual({
      scorers: 0,
      consensus: null,
      total: null,
      band: null,
      eligibility: 'not-scored',
    });
  });

  it('carry the plan’s own words, empty where it says nothing yet, its profile and at most three targets', () => {
    const facts = requestFacts(context());
    expect(facts.pilot).toMatchObject({
      tool: 'Gemini',
      stopRule: 'Any incident',
      dataRule: '',
      pilotEnd: '',
    });
    expect(facts.workflow.profile).toEqual(['familyFacing', 'nonEnglish']);
    expect(facts.targets.map((t) => t.metric)).toEqual(
      metricsFor('')
        .slice(0, 3)
        .map((d) => d.name),
    );
    expect(facts.targets).toHaveLength(3);
    expect(facts).toMatchObject({ token: 'AP-2', due: '2026-12-08', reminderDays: 3, escalationDays: 5 });
  });

  it('say when the step approved an earlier version, as the spreadsheet’s day', () => {
    const facts = requestFacts(context({ since: { version: 'v-0', decided: approvedOn, changes: null } }));
    expect(facts.changedSince).toEqual({ version: 'v-0', day: '2026-12-03', changes: null });
  });
});
