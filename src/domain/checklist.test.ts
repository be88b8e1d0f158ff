import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { defaultChecklist } from '../../sheets-templates/checklist';
import { governance as governanceTemplate } from '../../sheets-templates/governance';
import type { ChecklistCondition } from './checklist-item';
import { checkChecklistInput, checkStatusForItem } from './checklist-input';
import { isComplete, readChecklist, type ChecklistRecord } from './checklist-records';
import { conditionHolds, planChecklist } from './checklist-sync';
import { canonicalPlan, planVersion } from './plan-version';
import { readiness } from './readiness';
import { readTableData } from './table';
import type { WorkflowRecord } from './workflow-records';

const noFlags = {
  familyFacing: false,
  studentFacing: false,
  collectsFromStudents: false,
  nonEnglish: false,
  newVendor: false,
  dutiesChange: false,
};

function workflow(id: string, extra: Partial<WorkflowRecord> = {}): WorkflowRecord {
  return {
    row: 2,
    id,
    name: `Workflow ${id}`,
    description: 'Drafts answers from approved pages.',
    team: 'Communications',
    timeLost: '',
    fragmented: '',
    frequentSafe: '',
    dataTier: 'Green',
    kind: '',
    flags: { ...noFlags },
    selected: true,
    ...extra,
  };
}

const columns = governanceTemplate.columns.map((c) => c.key);
const headers = governanceTemplate.columns.map((c) => c.header);

/** The Governance sheet after applying changes, as records: a tiny in-memory sheet for the planner. */
class Sheet {
  lines: unknown[][] = [headers];
  apply(changes: ReturnType<typeof planChecklist>): this {
    for (const { row, cells } of changes.update)
      for (const [key, value] of Object.entries(cells)) {
        const line = this.lines[row - 1];
        if (line) line[columns.indexOf(key)] = value;
      }
    for (const cells of changes.append) this.lines.push(columns.map((key) => cells[key] ?? ''));
    return this;
  }
  set(code: string, workflowId: string, key: string, value: unknown): this {
    const line = this.lines.find(
      (l) => l[columns.indexOf('code')] === code && l[columns.indexOf('workflowId')] === workflowId,
    );
    if (!line) throw new Error(`no row ${code} for ${workflowId}`);
    line[columns.indexOf(key)] = value;
    return this;
  }
  records(): ChecklistRecord[] {
    return readChecklist(readTableData(governanceTemplate, this.lines), new Map());
  }
  sync(selected: WorkflowRecord | null, ownerFor: (role: string) => string = () => ''): this {
    return this.apply(planChecklist(defaultChecklist, selected, this.records(), ownerFor));
  }
  of(workflowId: string, applies = true): ChecklistRecord[] {
    return this.records().filter((r) => r.workflowId === workflowId && r.applies === applies);
  }
}

const codes = (rows: readonly ChecklistRecord[]) => rows.map((r) => r.code);
const conditionalCodes = defaultChecklist.filter((i) => i.triggers.length > 0).map((i) => i.code);

describe('which conditional items apply', () => {
  it.each<[ChecklistCondition, Partial<WorkflowRecord>, boolean]>([
    ['New vendor', { flags: { ...noFlags, newVendor: true } }, true],
    ['New vendor', {}, false],
    ['Family-facing', { flags: { ...noFlags, familyFacing: true } }, true],
    ['Student-facing', { flags: { ...noFlags, studentFacing: true } }, true],
    ['Student-facing', { flags: { ...noFlags, familyFacing: true } }, false],
    ['Non-English output', { flags: { ...noFlags, nonEnglish: true } }, true],
    ['Job duties change', { flags: { ...noFlags, dutiesChange: true } }, true],
    ['Amber or Red data', { dataTier: 'Amber' }, true],
    ['Amber or Red data', { dataTier: 'Red' }, true],
    ['Amber or Red data', { dataTier: 'Green' }, false],
    ['Amber or Red data', { dataTier: '' }, false],
  ])('%s with %j → %s', (condition, extra, expected) => {
    expect(conditionHolds(condition, workflow('WF-001', extra))).toBe(expected);
  });
});

describe('generating and keeping the checklist in step', () => {
  it('generates the unconditional items for a newly selected workflow, with owners from Settings', () => {
    const sheet = new Sheet().sync(workflow('WF-001'), (role) =>
      role === 'Privacy officer' ? 'Pat Lee' : '',
    );
    const rows = sheet.of('WF-001');
    expect(codes(rows)).toEqual(defaultChecklist.filter((i) => i.triggers.length === 0).map((i) => i.code));
    expect(rows.every((r) => r.status === 'Not started' && r.id?.startsWith('GV-'))).toBe(true);
    expect(rows.find((r) => r.code === 'G08')?.owner).toBe('Pat Lee');
    expect(rows.find((r) => r.code === 'G01')?.owner).toBe('');
  });

  it('is idempotent: a second sync changes nothing', () => {
    const sheet = new Sheet().sync(workflow('WF-001'));
    expect(planChecklist(defaultChecklist, workflow('WF-001'), sheet.records(), () => '')).toEqual({
      append: [],
      update: [],
    });
  });

  it('adds the rows a new flag triggers, marks them when it is cleared, and restores them with their content', () => {
    const sheet = new Sheet().sync(workflow('WF-001'));
    const family = workflow('WF-001', { flags: { ...noFlags, familyFacing: true }, dataTier: 'Amber' });
    sheet.sync(family);
    expect(codes(sheet.of('WF-001')).filter((c) => conditionalCodes.includes(c))).toEqual([
      'G10',
      'G24',
      'G25',
      'G35',
      'G39',
    ]);
    sheet
      .set('G35', 'WF-001', 'status', 'Done')
      .set('G35', 'WF-001', 'evidence', 'https://district.example.org/plan');

    sheet.sync(workflow('WF-001'));
    expect(codes(sheet.of('WF-001', false))).toEqual(['G10', 'G24', 'G25', 'G35', 'G39']);
    const kept = sheet.records().find((r) => r.code === 'G35');
    expect(kept).toMatchObject({
      status: 'Done',
      evidence: 'https://district.example.org/plan',
      applies: false,
    });

    sheet.sync(family);
    expect(sheet.records().filter((r) => r.code === 'G35')).toEqual([
      expect.objectContaining({ applies: true, status: 'Done' }),
    ]);
  });

  it('follows a change of selection without deleting the old checklist, and takes it back as it was', () => {
    const sheet = new Sheet().sync(workflow('WF-001'));
    sheet.set('G01', 'WF-001', 'status', 'Done').set('G01', 'WF-001', 'evidence', 'Sponsor memo');
    sheet.sync(workflow('WF-003'));
    expect(sheet.of('WF-001')).toEqual([]);
    expect(sheet.of('WF-001', false)).toHaveLength(35);
    expect(sheet.of('WF-003')).toHaveLength(35);
    sheet.sync(workflow('WF-001'));
    expect(sheet.of('WF-001').find((r) => r.code === 'G01')?.status).toBe('Done');
    expect(sheet.records()).toHaveLength(70);
  });

  it('marks everything as not applying when no workflow is selected', () => {
    const sheet = new Sheet().sync(workflow('WF-001')).sync(null);
    expect(sheet.of('WF-001')).toEqual([]);
  });

  it('adopts an item a person added by hand, and keeps the template’s wording current without touching their columns', () => {
    const sheet = new Sheet().sync(workflow('WF-001'));
    sheet.lines.push(
      columns.map((key) =>
        key === 'item' ? 'Union steward briefed' : key === 'status' ? 'In progress' : '',
      ),
    );
    sheet.set('G01', 'WF-001', 'item', 'Old wording').set('G01', 'WF-001', 'owner', 'Dr. Rivera');
    sheet.sync(workflow('WF-001'));
    const added = sheet.records().find((r) => r.item === 'Union steward briefed');
    expect(added).toMatchObject({ workflowId: 'WF-001', applies: true, status: 'In progress' });
    expect(added?.id).toMatch(/^GV-\d{4}$/);
    expect(sheet.records().find((r) => r.code === 'G01')).toMatchObject({
      item: defaultChecklist[0]?.item,
      owner: 'Dr. Rivera',
    });
  });
});

describe('reading rows edited by hand', () => {
  const read = (cells: Record<string, unknown>, shownDue = '') => {
    const line = columns.map((key) => cells[key] ?? '');
    return readChecklist(readTableData(governanceTemplate, [headers, line]), new Map([[2, shownDue]]))[0];
  };

  it.each<[string, Record<string, unknown>, string | null]>([
    ['an empty status as Not started', { code: 'G01', item: 'x' }, null],
    ['“n/a” with a reason as N/A', { code: 'G01', item: 'x', status: 'n/a', naReason: 'No vendor' }, null],
    [
      'an unknown status',
      { code: 'G01', item: 'x', status: 'Finished' },
      'the status “Finished” is not one of',
    ],
    ['N/A without a reason', { code: 'G01', item: 'x', status: 'N/A' }, 'marked N/A without a reason'],
    ['evidence that names a document', { code: 'G01', item: 'x', evidence: 'see the shared drive' }, null],
    ['a broken link', { code: 'G01', item: 'x', evidence: 'https://nowhere' }, 'is not a whole web address'],
    [
      'Done without evidence',
      { code: 'G01', item: 'x', status: 'Done' },
      'marked Done without evidence (a link, or the name of a document)',
    ],
    [
      'N/A on a Required row',
      { code: 'G01', item: 'x', requirement: 'Required', status: 'N/A', naReason: 'We have no sponsor' },
      'it is a Required item: only conditional or recommended items can be N/A',
    ],
    [
      'N/A on a Conditional row with a reason',
      {
        code: 'G10',
        item: 'x',
        requirement: 'Conditional',
        status: 'N/A',
        naReason: 'Covered by the state contract',
      },
      null,
    ],
    [
      'a due date typed as text',
      { code: 'G01', item: 'x', due: 'next week' },
      'the due date “next week” is not a date',
    ],
  ])('reads %s', (_case, cells, problem) => {
    const record = read(cells);
    if (problem === null) expect(record?.problems).toEqual([]);
    else expect(record?.problems.join(' ')).toContain(problem);
  });

  it('reads a due date as the sheet shows it, in the spreadsheet’s time zone', () => {
    expect(read({ code: 'G01', item: 'x', due: new Date(Date.UTC(2026, 11, 1, 6)) }, '2026-12-01')?.due).toBe(
      '2026-12-01',
    );
  });
});

describe('the readiness gate', () => {
  const row = (
    code: string,
    requirement: string,
    status: string,
    extra: Partial<ChecklistRecord> = {},
  ): ChecklistRecord => ({
    row: 2,
    id: `GV-${code}`,
    workflowId: 'WF-001',
    code,
    category: 'Policy',
    item: code,
    basis: '',
    verifiedBy: '',
    requirement: requirement as ChecklistRecord['requirement'],
    condition: '',
    applies: true,
    expectedEvidence: '',
    ownerRole: 'Privacy officer',
    owner: '',
    status: status as ChecklistRecord['status'],
    evidence: '',
    naReason: '',
    due: '',
    problems: [],
    ...extra,
  });
  const person = (role: string) => (role === 'Privacy officer' ? 'Pat Lee' : '');

  it.each<[string, ChecklistRecord[], boolean, string]>([
    ['every required row done', [row('G01', 'Required', 'Done'), row('G02', 'Required', 'Done')], true, ''],
    [
      'a required row in progress',
      [row('G01', 'Required', 'Done'), row('G02', 'Required', 'In progress')],
      false,
      '1 of 2 required items are not done yet.',
    ],
    ['N/A with a reason', [row('G01', 'Required', 'N/A', { naReason: 'Internal only' })], true, ''],
    ['N/A without a reason', [row('G01', 'Required', 'N/A')], false, '1 of 1 required item is not done yet.'],
    [
      'a triggered conditional row open',
      [row('G01', 'Required', 'Done'), row('G10', 'Conditional', 'Not started')],
      false,
      '1 of 2 required items are not done yet.',
    ],
    [
      'a conditional row that does not apply',
      [row('G01', 'Required', 'Done'), row('G10', 'Conditional', 'Not started', { applies: false })],
      true,
      '',
    ],
    [
      'a recommended row open',
      [row('G01', 'Required', 'Done'), row('G04', 'Recommended', 'Not started')],
      true,
      '',
    ],
    [
      'a done row with an invalid hand edit',
      [row('G01', 'Required', 'Done', { problems: ['bad link'] })],
      false,
      '1 of 1 required item is not done yet.',
    ],
    [
      'no checklist at all',
      [],
      false,
      'The checklist has no required items yet: select a workflow to generate it.',
    ],
  ])('%s', (_case, rows, ready, summary) => {
    const gate = readiness(rows, person);
    expect(gate.ready).toBe(ready);
    expect(gate.summary).toBe(summary);
  });

  it('groups what is missing by owner, the largest group first', () => {
    const gate = readiness(
      [
        row('G01', 'Required', 'Not started', { ownerRole: 'Executive sponsor' }),
        row('G08', 'Required', 'Not started'),
        row('G09', 'Required', 'In progress'),
        row('G11', 'Required', 'Done'),
        row('G16', 'Required', 'Not started', { ownerRole: 'Technology director', owner: 'Sam Ortiz' }),
      ],
      person,
    );
    expect(gate.missing.map((g) => [g.owner, codes(g.items)])).toEqual([
      ['Pat Lee', ['G08', 'G09']],
      ['Executive sponsor', ['G01']],
      ['Sam Ortiz', ['G16']],
    ]);
    expect([gate.gating, gate.complete]).toEqual([5, 1]);
  });

  it('counts N/A with a reason as complete', () => {
    expect(isComplete(row('G01', 'Required', 'N/A', { naReason: 'x' }))).toBe(true);
  });
});

describe('the plan version', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const base = () => new Sheet().sync(workflow('WF-001'));
  const version = (sheet: Sheet, wf = workflow('WF-001')) => planVersion(canonicalPlan(wf, sheet.records()));

  it('is v- and the first 12 hex digits of the SHA-256 of the canonical plan', () => {
    const sheet = base();
    const canonical = canonicalPlan(workflow('WF-001'), sheet.records());
    expect(version(sheet)).toBe(`v-${sha(canonical).slice(0, 12)}`);
  });

  it.each<[string, (sheet: Sheet) => Sheet, Partial<WorkflowRecord>]>([
    [
      'rows sorted another way',
      (s) => ((s.lines = [s.lines[0] ?? [], ...s.lines.slice(1).reverse()]), s),
      {},
    ],
    [
      'extra spaces and line breaks',
      (s) => s.set('G01', 'WF-001', 'item', `  ${defaultChecklist[0]?.item ?? ''}\n`),
      {},
    ],
    ['the Updated time', (s) => s.set('G01', 'WF-001', 'updated', new Date()), {}],
    [
      'rows of another workflow',
      (s) => s.sync(workflow('WF-003')).sync(workflow('WF-001')).set('G01', 'WF-003', 'status', 'Done'),
      {},
    ],
    [
      'the description spaced differently',
      (s) => s,
      { description: 'Drafts  answers from approved pages. ' },
    ],
    ['the computed score columns', (s) => s, { row: 7 }],
  ])('does not change with %s', (_case, change, extra) => {
    expect(version(change(base()), workflow('WF-001', extra))).toBe(version(base()));
  });

  it.each<[string, (sheet: Sheet) => Sheet, Partial<WorkflowRecord>]>([
    ['a status', (s) => s.set('G01', 'WF-001', 'status', 'Done'), {}],
    [
      'an evidence link',
      (s) => s.set('G05', 'WF-001', 'evidence', 'https://district.example.org/policy'),
      {},
    ],
    ['an N/A reason', (s) => s.set('G05', 'WF-001', 'naReason', 'Covered by G06'), {}],
    ['an owner', (s) => s.set('G05', 'WF-001', 'owner', 'Dr. Rivera'), {}],
    ['the workflow’s description', (s) => s, { description: 'Drafts answers from any page.' }],
    ['a profile flag', (s) => s, { flags: { ...noFlags, newVendor: true } }],
    ['the data tier', (s) => s, { dataTier: 'Amber' }],
  ])('changes with %s', (_case, change, extra) => {
    expect(version(change(base()), workflow('WF-001', extra))).not.toBe(version(base()));
  });
});

describe('checking a checklist change from the planner', () => {
  const input = (extra: Record<string, unknown>) => ({
    id: 'GV-0001',
    status: 'Done',
    evidence: 'Sponsor memo of 2026-09-01',
    naReason: '',
    due: '',
    owner: '',
    ...extra,
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'N/A without a reason',
      { status: 'N/A' },
      'naReason',
      'Say why the item does not apply: N/A needs a reason.',
    ],
    [
      'an unknown status',
      { status: 'Finished' },
      'status',
      'Choose a status: Not started, In progress, Done or N/A.',
    ],
    [
      'a broken link',
      { evidence: 'https://in the binder' },
      'evidence',
      'The evidence link must be a whole web address (https://…), or give the name of a document.',
    ],
    [
      'Done without evidence',
      { evidence: '' },
      'evidence',
      'Done needs evidence: give a link, or the name of the document that shows it.',
    ],
    ['a date that does not exist', { due: '2026-02-30' }, 'due', 'The due date must be a date (yyyy-mm-dd).'],
    ['a date in another format', { due: '12/01/2026' }, 'due', 'The due date must be a date (yyyy-mm-dd).'],
    ['a missing row ID', { id: '' }, 'id', 'The checklist row could not be read; reload the list.'],
    [
      'an over-long reason',
      { status: 'N/A', naReason: 'x'.repeat(1001) },
      'naReason',
      'The N/A reason is too long: 1001 characters, at most 1000.',
    ],
  ])('refuses %s', (_case, extra, field, message) => {
    expect(checkChecklistInput(input(extra))).toEqual({ ok: false, errors: [{ field, message }] });
  });

  it('refuses N/A on a Required item, and allows it on conditional and recommended ones', () => {
    expect(checkStatusForItem('N/A', 'Required')).toEqual([
      {
        field: 'status',
        message:
          'This is a Required item, so it cannot be N/A: only conditional or recommended items can be. Mark it Done with evidence, or leave it open.',
      },
    ]);
    expect(checkStatusForItem('N/A', 'Conditional')).toEqual([]);
    expect(checkStatusForItem('N/A', 'Recommended')).toEqual([]);
    expect(checkStatusForItem('Done', 'Required')).toEqual([]);
  });

  it('accepts N/A with a reason, a link and a due date', () => {
    expect(
      checkChecklistInput(
        input({
          status: 'N/A',
          naReason: 'No vendor',
          evidence: 'https://x.example.org/a',
          due: '2026-12-01',
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        id: 'GV-0001',
        status: 'N/A',
        evidence: 'https://x.example.org/a',
        naReason: 'No vendor',
        due: '2026-12-01',
        owner: '',
        verifiedBy: '',
      },
    });
  });
});
