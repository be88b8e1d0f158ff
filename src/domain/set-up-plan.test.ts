import { describe, expect, it } from '@jest/globals';
import { planSetUp, type SheetSnapshot, type TableSheetPlan, type WorkspaceSnapshot } from './set-up-plan';
import type { ColumnTemplate, TableTemplate, WorkspaceTemplate } from './workspace-template';

const column = (key: string, header: string, since = 1): ColumnTemplate => ({
  key,
  header,
  type: { kind: 'text' },
  width: 100,
  help: `${header} help`,
  since,
});

const tasks: TableTemplate = {
  kind: 'table',
  key: 'workflows',
  name: 'Tasks',
  purpose: 'Test sheet',
  idPrefix: 'T',
  protection: 'none',
  tabColor: '#000000',
  columns: [column('id', 'ID'), column('name', 'Name'), column('owner', 'Owner')],
  defaultRows: [{ since: 1, values: { id: 'T-1', name: 'First' } }],
  conditionalFormats: [],
};

const v1: WorkspaceTemplate = { schemaVersion: 1, sheets: [tasks] };
const v2: WorkspaceTemplate = {
  schemaVersion: 2,
  sheets: [
    {
      ...tasks,
      columns: [...tasks.columns, column('due', 'Due', 2)],
      defaultRows: [...tasks.defaultRows, { since: 2, values: { id: 'T-2', name: 'Second' } }],
    },
  ],
};

const sheet = (values: unknown[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name: 'Tasks',
  markedAs: 'workflows',
  values,
  maxRows: 1000,
  maxColumns: 26,
  ...extra,
});

const snapshot = (schemaVersion: number | null, sheets: SheetSnapshot[]): WorkspaceSnapshot => ({
  schemaVersion,
  sheets,
});

function tablePlan(template: WorkspaceTemplate, snap: WorkspaceSnapshot): TableSheetPlan {
  const plan = planSetUp(template, snap);
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan.sheets[0] as TableSheetPlan;
}

describe('set-up planning', () => {
  it('creates a missing sheet with its headers and default rows', () => {
    const plan = tablePlan(v1, snapshot(null, []));
    expect(plan.existing).toBeNull();
    expect(plan.columns).toEqual({ id: 1, name: 2, owner: 3 });
    expect(plan.appendRows).toEqual([['T-1', 'First', null]]);
    expect(plan.changes).toEqual(['Created the Tasks sheet with 1 row to start from.']);
  });

  it('changes nothing on a complete workspace', () => {
    const plan = tablePlan(
      v1,
      snapshot(1, [
        sheet([
          ['ID', 'Name', 'Owner'],
          ['T-1', 'First', ''],
        ]),
      ]),
    );
    expect([plan.addColumns, plan.appendRows, plan.changes, plan.mark]).toEqual([[], [], [], false]);
  });

  it('finds columns by header whatever their order, case or spacing', () => {
    const plan = tablePlan(
      v1,
      snapshot(1, [
        sheet([
          [' owner', 'My notes', 'ID', 'NAME '],
          ['Ana', 'x', 'T-1', 'First'],
        ]),
      ]),
    );
    expect(plan.columns).toEqual({ owner: 1, id: 3, name: 4 });
    expect(plan.changes).toEqual([]);
  });

  it('upgrades an older workspace: new columns after the last used one, new default rows', () => {
    const plan = tablePlan(
      v2,
      snapshot(1, [
        sheet([
          ['ID', 'Name', 'Owner', 'Mine'],
          ['T-1', 'First', '', 'x'],
        ]),
      ]),
    );
    expect(plan.columns).toEqual({ id: 1, name: 2, owner: 3, due: 5 });
    expect(plan.appendRows).toEqual([['T-2', 'Second', null, null, null]]);
    expect(plan.appendAt).toBe(3);
    expect(plan.changes).toEqual([
      'Added the column “Due” to Tasks (column E).',
      'Added 1 default row to Tasks.',
    ]);
  });

  it('does not add back a default row the user deleted', () => {
    const plan = tablePlan(v2, snapshot(2, [sheet([['ID', 'Name', 'Owner', 'Due']])]));
    expect(plan.appendRows).toEqual([]);
  });

  it('puts back a column deleted by hand when nothing else could be it', () => {
    const plan = tablePlan(
      v1,
      snapshot(1, [
        sheet([
          ['ID', 'Name'],
          ['T-1', 'First'],
        ]),
      ]),
    );
    expect(plan.columns['owner']).toBe(3);
    expect(plan.changes).toEqual(['Put back the missing column “Owner” in Tasks (column C).']);
  });

  it.each([
    [
      'a renamed header',
      snapshot(1, [
        sheet([
          ['ID', 'Name', 'Person'],
          ['T-1', 'First', 'Ana'],
        ]),
      ]),
      'Tasks has no column headed “Owner”, and has “Person”, which the workspace does not use.',
    ],
    [
      'a cleared header over data',
      snapshot(1, [
        sheet([
          ['ID', 'Name', ''],
          ['T-1', 'First', 'Ana'],
        ]),
      ]),
      'Tasks has no column headed “Owner”, and has “column C (no header)”, which the workspace does not use.',
    ],
    [
      'a duplicated header',
      snapshot(1, [
        sheet([
          ['ID', 'Name', 'Owner', 'Name'],
          ['T-1', 'First', '', ''],
        ]),
      ]),
      'Tasks has 2 columns headed “Name” (columns B and D).',
    ],
    [
      'a sheet renamed away',
      snapshot(1, [sheet([['ID', 'Name', 'Owner']], { name: 'My tasks' })]),
      'The “Tasks” sheet has been renamed to “My tasks”.',
    ],
    [
      'headers pushed down by an inserted row',
      snapshot(1, [
        sheet([
          ['', '', ''],
          ['ID', 'Name', 'Owner'],
          ['T-1', 'First', ''],
        ]),
      ]),
      'Row 1 of Tasks should hold the column headers, but none of them is there.',
    ],
    [
      'an unrelated sheet with the same name',
      snapshot(null, [
        sheet(
          [
            ['Budget', 'Amount'],
            ['Paper', 12],
          ],
          { markedAs: null },
        ),
      ]),
      'A sheet named “Tasks” already exists and is not a workspace sheet.',
    ],
    [
      'a workspace from a newer version',
      snapshot(3, [sheet([['ID', 'Name', 'Owner']])]),
      'This workspace was set up by a newer version of the add-on (schema 3; this version knows 1).',
    ],
  ])('stops with a named problem and a fix for %s', (_case, snap, problem) => {
    const plan = planSetUp(v1, snap);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map((p) => p.problem)).toContain(problem);
    expect(plan.problems.every((p) => p.fix.length > 0)).toBe(true);
  });

  it('adopts an empty sheet of the right name and marks it', () => {
    const plan = tablePlan(v1, snapshot(null, [sheet([['']], { markedAs: null })]));
    expect(plan.existing).toBe('Tasks');
    expect(plan.mark).toBe(true);
    expect(plan.columns).toEqual({ id: 1, name: 2, owner: 3 });
    expect(plan.appendAt).toBe(2);
  });

  it('resolves layout references to where the columns really are', () => {
    const template: WorkspaceTemplate = {
      schemaVersion: 1,
      sheets: [
        {
          kind: 'layout',
          key: 'dashboard',
          name: 'Dashboard',
          purpose: '',
          tabColor: '#000000',
          since: 1,
          columnWidths: [],
          rows: [['Count', '=COUNTA([Tasks.name])']],
        },
        tasks,
      ],
    };
    const plan = planSetUp(template, snapshot(1, [sheet([['Name', 'ID', 'Owner']])]));
    expect(
      plan.ok && plan.sheets[0]?.template.kind === 'layout' && (plan.sheets[0] as { rows: unknown }).rows,
    ).toEqual([['Count', '=COUNTA(Tasks!A2:A)']]);
  });
});
