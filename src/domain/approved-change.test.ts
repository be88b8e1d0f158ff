import { describe, expect, it } from '@jest/globals';
import type { ApprovalRecord } from './approval-records';
import { approvedChange, changeEvents, confirms, planChangeReason } from './approved-change';
import type { PlanChange } from './plan-diff';

/** The approved-change guard on plain data: when it asks, what it names, what it logs. */
const request = (extra: Partial<ApprovalRecord>): ApprovalRecord =>
  ({
    row: 2,
    id: 'AP-1',
    workflowId: 'WF-001',
    step: 1,
    role: 'Privacy officer',
    approver: 'pat@district.example.org',
    planVersion: 'v-aaa',
    status: 'Approved',
    ...extra,
  }) as ApprovalRecord;

const change: PlanChange = {
  label: 'Pilot plan › Stop rule',
  before: 'Any incident',
  after: 'Two incidents',
  personal: false,
};
const before = { workflowId: 'WF-001', version: 'v-aaa', canonical: '' };
const names = (email: string) => (email === 'pat@district.example.org' ? 'Pat Lee' : '');

describe('a change inside an approved version', () => {
  it('asks when an approval of the version it leaves counts, naming it', () => {
    const notice = approvedChange(
      [
        request({}),
        request({ id: 'AP-2', role: 'Technology director', approver: 'sam@x.org', status: 'Sent' }),
      ],
      before,
      { version: 'v-bbb', canonical: '' },
      [change],
      names,
      true,
    );
    if (!notice) throw new Error('not asked');
    expect(notice).toEqual({
      version: 'v-aaa',
      voids: [{ step: 1, role: 'Privacy officer', approver: 'Pat Lee' }],
      changes: [{ label: 'Pilot plan › Stop rule', before: 'Any incident', after: 'Two incidents' }],
      pausesPilot: true,
    });
    expect(confirms({ confirmApprovedChange: 'v-aaa' }, notice)).toBe(true);
    expect(confirms({ confirmApprovedChange: 'v-bbb' }, notice)).toBe(false);
    expect(confirms({}, notice)).toBe(false);
  });

  it.each<[string, ApprovalRecord[], string]>([
    ['the version stays the same', [request({})], 'v-aaa'],
    ['only requests still waiting', [request({ status: 'Sent' })], 'v-bbb'],
    ['approvals of an earlier version', [request({ planVersion: 'v-old' })], 'v-bbb'],
    ['approvals of another workflow', [request({ workflowId: 'WF-002' })], 'v-bbb'],
  ])('does not ask when %s', (_, records, to) => {
    expect(
      approvedChange(records, before, { version: to, canonical: '' }, [change], names, false),
    ).toBeNull();
  });

  it('logs each change with both versions and who approved, and names the fields in the pause', () => {
    const notice = approvedChange(
      [request({})],
      before,
      { version: 'v-bbb', canonical: '' },
      [change],
      names,
      false,
    );
    if (!notice) throw new Error('not asked');
    expect(changeEvents(notice, [change], { workflowId: 'WF-001', to: 'v-bbb' }, 'Morgan Diaz')).toEqual([
      {
        who: 'Morgan Diaz',
        action: 'Changed approved plan',
        subject: 'WF-001 Pilot plan › Stop rule',
        before: 'Any incident',
        after: 'Two incidents',
        note: 'Plan v-aaa → v-bbb. Confirmed over the approval of the Privacy officer (Pat Lee).',
      },
    ]);
    expect(planChangeReason([change, { ...change, label: 'Workflow › Team' }])).toBe(
      'The approved plan changed (Pilot plan › Stop rule, Workflow › Team): it needs approval again.',
    );
  });
});
