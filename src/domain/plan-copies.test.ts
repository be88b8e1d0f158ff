import { describe, expect, it } from '@jest/globals';
import type { ApprovalRecord } from './approval-records';
import { changedSince, copyRows, PLAN_PART_MAX, readPlanCopies, verifiedCopy } from './plan-copies';
import { planVersion } from './plan-version';
import type { TableData } from './table';

/** The copies of sent plan versions, on plain data. */
const plan = (stopRule: string) =>
  JSON.stringify({ workflow: ['WF-001', 'FAQ'], flags: [], checklist: [], pilot: [['stopRule', stopRule]] });
const at = (canonical: string) => ({ workflowId: 'WF-001', version: planVersion(canonical), canonical });

const table = (rows: { id: string; part: number; plan: string }[]): TableData =>
  ({ rows: rows.map((cells, i) => ({ row: i + 2, cells })) }) as unknown as TableData;

const approval = (extra: Partial<ApprovalRecord>): ApprovalRecord =>
  ({
    workflowId: 'WF-001',
    step: 1,
    role: 'Privacy officer',
    decision: 'Approve',
    status: 'Stale',
    planVersion: '',
    decided: new Date('2026-12-01T15:00:00Z'),
    tampered: null,
    ...extra,
  }) as ApprovalRecord;

describe('copies of the plan as sent', () => {
  it('are kept once per version, in parts, and read back whole', () => {
    const long = at(plan('x'.repeat(PLAN_PART_MAX + 10)));
    const rows = copyRows(new Map(), long);
    expect(rows.map((r) => [r.id, r.part, r.plan.length])).toEqual([
      [long.version, 1, PLAN_PART_MAX],
      [long.version, 2, long.canonical.length - PLAN_PART_MAX],
    ]);
    const copies = readPlanCopies(table([...rows].reverse()));
    expect(verifiedCopy(copies, long.version)).toBe(long.canonical);
    expect(copyRows(copies, long)).toEqual([]);
  });

  it('do not count once edited by hand', () => {
    const first = at(plan('Any incident'));
    const copies = readPlanCopies(table([{ id: first.version, part: 1, plan: plan('Anything') }]));
    expect(verifiedCopy(copies, first.version)).toBeNull();
    // A broken copy is written again the next time the version is sent.
    expect(copyRows(copies, first)).toHaveLength(1);
  });

  it('say what changed since the last version the step approved', () => {
    const first = at(plan('Any incident'));
    const second = at(plan('Two incidents'));
    const now = at(plan('Three incidents'));
    const copies = new Map([
      [first.version, first.canonical],
      [second.version, second.canonical],
    ]);
    const records = [
      approval({ planVersion: first.version, decided: new Date('2026-11-01T15:00:00Z') }),
      approval({ planVersion: second.version }),
      approval({ planVersion: second.version, role: 'Technology director' }),
      approval({ planVersion: now.version, status: 'Sent', decision: '' }),
    ];
    expect(
      changedSince(records, copies, { workflowId: 'WF-001', step: 1, role: 'Privacy officer' }, now),
    ).toEqual({
      version: second.version,
      decided: new Date('2026-12-01T15:00:00Z'),
      changes: [
        {
          label: 'Pilot plan › Stop rule',
          before: 'Two incidents',
          after: 'Three incidents',
          personal: false,
        },
      ],
    });
    // No copy on record: the version and day, without a list.
    expect(
      changedSince(records, new Map(), { workflowId: 'WF-001', step: 1, role: 'Privacy officer' }, now)
        ?.changes,
    ).toBeNull();
    // A step that never approved, a rejection, an unsealed row: a first request.
    expect(
      changedSince(records, copies, { workflowId: 'WF-001', step: 2, role: 'Executive sponsor' }, now),
    ).toBeNull();
    expect(
      changedSince(
        [
          approval({ planVersion: first.version, decision: 'Reject' }),
          approval({ planVersion: first.version, tampered: { kind: 'unsealed' } }),
        ],
        copies,
        { workflowId: 'WF-001', step: 1, role: 'Privacy officer' },
        now,
      ),
    ).toBeNull();
  });
});
