import { describe, expect, it } from '@jest/globals';
import type { ChecklistRecord } from './checklist-records';
import { describeChange, planChanges } from './plan-diff';
import { canonicalPlan } from './plan-version';
import type { WorkflowRecord } from './workflow-records';

/** The diff of two plans, as a district user reads it, on plain records. */
const workflow = (extra: Partial<WorkflowRecord> = {}): WorkflowRecord =>
  ({
    row: 2,
    id: 'WF-001',
    name: 'FAQ drafting',
    description: 'Drafts answers from approved pages.',
    team: 'Communications',
    timeLost: 'Answering the same questions',
    fragmented: 'Email and phone',
    frequentSafe: 'Yes',
    dataTier: 'Green',
    kind: 'FAQ drafting',
    selected: true,
    flags: {
      familyFacing: true,
      studentFacing: false,
      collectsFromStudents: false,
      nonEnglish: false,
      newVendor: false,
      dutiesChange: false,
    },
    ...extra,
  }) as WorkflowRecord;

const item = (code: string, extra: Partial<ChecklistRecord> = {}): ChecklistRecord =>
  ({
    row: 2,
    id: `GV-${code}`,
    workflowId: 'WF-001',
    code,
    category: 'Privacy',
    item: `Item ${code}`,
    requirement: 'Required',
    condition: '',
    applies: true,
    ownerRole: 'Privacy officer',
    owner: 'Pat Lee',
    status: 'Done',
    evidence: `https://district.example.org/${code}`,
    naReason: '',
    due: '',
    ...extra,
  }) as ChecklistRecord;

const pilot = { stopRule: 'Any privacy incident', reviewRule: 'Every draft read', escalation: 'Jo Park' };
const plan = (w = workflow(), rows = [item('G08'), item('G12')], p: Record<string, string> = pilot) =>
  canonicalPlan(w, rows, p);

describe('what changed between two plans', () => {
  it('is nothing for the same plan, spaced and ordered differently', () => {
    expect(
      planChanges(
        plan(),
        plan(workflow({ description: ' Drafts  answers from approved pages.' }), [item('G12'), item('G08')]),
      ),
    ).toEqual([]);
  });

  it('names each field as the sheets name it, with its value before and after', () => {
    const after = plan(
      workflow({ dataTier: 'Amber', flags: { ...workflow().flags, newVendor: true } }),
      [item('G08'), item('G12', { evidence: 'https://district.example.org/new', status: 'In progress' })],
      { ...pilot, stopRule: 'Two privacy incidents' },
    );
    expect(planChanges(plan(), after)?.map((c) => describeChange(c))).toEqual([
      'Workflow › Data tier: Green → Amber',
      'Workflow › New vendor: No → Yes',
      'Checklist G12 › Status: Done → In progress',
      'Checklist G12 › Evidence link: https://district.example.org/G12 → https://district.example.org/new',
      'Pilot plan › Stop rule: Any privacy incident → Two privacy incidents',
    ]);
  });

  it('says which checklist rows start or stop applying, with where they stand', () => {
    const after = plan(workflow(), [item('G12'), item('G20', { status: 'Not started' })]);
    expect(planChanges(plan(), after)?.map((c) => describeChange(c))).toEqual([
      'Checklist G08: Applies (Done) → Does not apply',
      'Checklist G20: Does not apply → Applies (Not started)',
    ]);
  });

  it('marks the fields that may hold a person’s name, and the pilot plan written for the first time', () => {
    const changes = planChanges(
      plan(workflow(), [item('G08')], {}),
      plan(workflow(), [item('G08', { owner: 'Sam Ortiz' })], { escalation: 'Jo Park' }),
    );
    expect(changes).toEqual([
      { label: 'Checklist G08 › Owner', before: 'Pat Lee', after: 'Sam Ortiz', personal: true },
      { label: 'Pilot plan › Escalation contact', before: '', after: 'Jo Park', personal: true },
    ]);
    expect(describeChange(changes?.[1] ?? { label: '', before: '', after: '', personal: false })).toBe(
      'Pilot plan › Escalation contact: (empty) → Jo Park',
    );
  });

  it('shortens long values and cannot read what is not a canonical plan', () => {
    const long = 'x'.repeat(200);
    const [change] = planChanges(plan(), plan(workflow(), undefined, { ...pilot, reviewRule: long })) ?? [];
    expect(describeChange(change ?? { label: '', before: '', after: '', personal: false })).toBe(
      `Pilot plan › Review rule: Every draft read → ${'x'.repeat(79)}…`,
    );
    expect(planChanges('{"workflow":1}', plan())).toBeNull();
    expect(planChanges('not json', plan())).toBeNull();
  });
});
