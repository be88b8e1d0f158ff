import { cloneWorld, expectUnchanged, sameWorld, worldSnapshot } from '../../test/support/world';
import { columnFormat } from '../domain/column-format';
import { describe, expect, it } from '@jest/globals';
import { workspaceTemplate } from '../../sheets-templates';
import { FakeEnvironment, type WorldState } from '../../test/fakes/environment';
import type { ProtectionState } from '../../test/fakes/spreadsheet/state';
import { sheetNamed, tableTemplate, typeRows } from '../../test/support/workspace';
import { columnLetter } from '../domain/header-map';
import type { WorkspaceTemplate } from '../domain/workspace-template';
import * as actions from './actions';
import { forgetLeaderView } from './leader-view';
import { setUpWorkspace } from './set-up';
import { SCHEMA_VERSION_KEY } from './workspace-gateway';

/** Where the leader view's last write is stored (leader-view.ts). */
const LEADER_VIEW_KEY = 'aiplan.leaderView';

const tableNames = workspaceTemplate.sheets.filter((t) => t.kind === 'table').map((t) => t.name);
const validatedTables = workspaceTemplate.sheets.filter(
  (t) => t.kind === 'table' && t.columns.some((c) => columnFormat(c.type).validation !== null),
);

function setUp(env: FakeEnvironment, template?: WorkspaceTemplate) {
  return env.run((gas) => setUpWorkspace(gas, template));
}

let setUpOnce: FakeEnvironment | undefined;

/** A world just set up: set up once per file, and each test gets a copy of it. */
function setUpWorld(): FakeEnvironment {
  if (!setUpOnce) {
    setUpOnce = new FakeEnvironment();
    setUp(setUpOnce);
  }
  return cloneWorld(setUpOnce);
}

let grownOnce: FakeEnvironment | undefined;

/** A world set up, its grids then grown to 1,200 rows and set up again; copied for each test. */
function grownWorld(): FakeEnvironment {
  if (!grownOnce) {
    grownOnce = setUpWorld();
    growGrids(grownOnce, 1200);
    setUp(grownOnce);
  }
  return cloneWorld(grownOnce);
}

/** Values of every sheet, by name: what a person would see, without formatting. */
function contents(env: FakeEnvironment): Record<string, unknown[][]> {
  return env.run((gas) =>
    Object.fromEntries(
      (gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheets() ?? []).map((s) => [
        s.getName(),
        s.getDataRange().getValues(),
      ]),
    ),
  );
}

describe('setting up a new workspace', () => {
  it('creates every sheet of the templates, in order, after the sheet that was there', () => {
    const env = new FakeEnvironment();
    const report = setUp(env);
    expect(report.ok).toBe(true);
    const names = env.state.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual([...workspaceTemplate.sheets.map((t) => t.name), 'Sheet1']);
    expect(env.state.properties.document[SCHEMA_VERSION_KEY]).toBe(String(workspaceTemplate.schemaVersion));
  });

  it('writes headers with help notes, freezes them, and seeds the example workflows and settings', () => {
    const env = setUpWorld();
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Workflows');
      const template = tableTemplate('Workflows');
      const width = template.columns.length;
      expect(sheet.getRange(1, 1, 1, width).getValues()[0]).toEqual(template.columns.map((c) => c.header));
      expect(sheet.getRange(1, 1, 1, width).getNotes()[0]).toEqual(template.columns.map((c) => c.help));
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getRange(2, 2, 4, 1).getValues().flat()).toEqual([
        'FAQ drafting from approved materials',
        'Summaries of recurring inbound questions',
        'Newsletter drafting with staff review',
        'Internal knowledge organisation and retrieval',
      ]);
      const settings = sheetNamed(gas, 'Settings');
      expect(settings.getLastRow() - 1).toBe(tableTemplate('Settings').defaultRows.length);
    });
  });

  it('validates choice, score and checkbox columns strictly and keeps text columns plain text', () => {
    const env = setUpWorld();
    env.run((gas) => {
      const governance = sheetNamed(gas, 'Governance');
      const status = governance.getRange('L2').getDataValidation();
      expect(status?.getCriteriaValues()).toEqual([['Not started', 'In progress', 'Done', 'N/A'], true]);
      expect(status?.getAllowInvalid()).toBe(false);
      expect(() => governance.getRange('L2').setValue('Finished')).toThrow(
        'violates the data validation rules',
      );
      const scores = sheetNamed(gas, 'Scores');
      expect(() => scores.getRange('E2').setValue(7)).toThrow('violates the data validation rules');
      const workflows = sheetNamed(gas, 'Workflows');
      expect(workflows.getRange('B2').getNumberFormat()).toBe('@');
      workflows.getRange('D9').setValue('01234');
      expect(workflows.getRange('D9').getValue()).toBe('01234');
    });
  });

  it('warns before hand edits of Approvals, the Log, the Outbox, Plan versions, the Dashboard, the Board summary and computed columns', () => {
    const env = new FakeEnvironment();
    env.state.spreadsheet.editors.push('staff@district.example.org');
    setUp(env);
    const protections = env.state.spreadsheet.protections;
    const sheetName = (id: number) => env.state.spreadsheet.sheets.find((s) => s.id === id)?.name;
    expect(protections.filter((p) => !p.warningOnly)).toEqual([]);
    const warned = protections
      .filter((p) => p.type === 'SHEET' && p.warningOnly)
      .map((p) => sheetName(p.range.sheetId));
    expect(warned.sort()).toEqual([
      'Approvals',
      'Board summary',
      'Dashboard',
      'Incidents',
      'Log',
      'Outbox',
      'Plan versions',
    ]);
    const computed = protections.filter(
      (p) => p.type === 'RANGE' && sheetName(p.range.sheetId) === 'Workflows',
    );
    expect(computed.map((p) => [p.warningOnly, p.range.column, p.range.numColumns])).toEqual([
      [true, 14, 14],
    ]);
  });
});

describe('running set-up again', () => {
  it('leaves the workspace exactly as it was', () => {
    const env = setUpWorld();
    const before = worldSnapshot(env);
    const report = setUp(env);
    expect(report).toEqual({ ok: true, schemaVersion: workspaceTemplate.schemaVersion, changes: [] });
    expectUnchanged(env, before);
  });

  it('keeps every user value through added rows, an extra column and reordered columns', () => {
    const env = setUpWorld();
    for (const name of tableNames) typeRows(env, name, 25);
    env.run((gas) => {
      const workflows = sheetNamed(gas, 'Workflows');
      // An extra column of the user's own, in the middle, and two workflow columns swapped.
      workflows.insertColumnsAfter(3, 1);
      workflows.getRange(1, 4, 3, 1).setValues([['Budget code'], ['B-17'], ['B-18']]);
      const team = workflows.getRange(1, 5, 30, 1).getValues();
      const description = workflows.getRange(1, 3, 30, 1).getValues();
      workflows.getRange(1, 3, 30, 1).setValues(team);
      workflows.getRange(1, 5, 30, 1).setValues(description);
    });
    const before = contents(env);
    const report = setUp(env);
    expect(report).toEqual({ ok: true, schemaVersion: workspaceTemplate.schemaVersion, changes: [] });
    expect(contents(env)).toEqual(before);
  });

  it('makes the same spreadsheet calls whether sheets hold 10 or 1,000 rows', () => {
    const calls = (rows: number) => {
      const env = grownWorld();
      for (const name of tableNames) typeRows(env, name, rows);
      env.calls.reset();
      setUp(env);
      return env.calls.byMethod();
    };
    const small = calls(10);
    expect(calls(1000)).toEqual(small);
    expect(Object.values(small).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  });

  it('extends its validation and protections to rows added below the grid', () => {
    const env = grownWorld();
    env.run((gas) => {
      const governance = sheetNamed(gas, 'Governance');
      expect(governance.getRange('L1150').getDataValidation()).not.toBeNull();
    });
    const computed = env.state.spreadsheet.protections.filter((p) => p.type === 'RANGE');
    expect(computed.every((p) => p.range.row + p.range.numRows - 1 === 1200)).toBe(true);
  });
});

describe('running set-up again with nothing to change', () => {
  // 13 sheets, each asked for by name and its values read in one call (getSheetValues).
  it('reads each kind once per sheet and writes nothing: at most 80 calls', () => {
    const env = setUpWorld();
    for (const name of tableNames) typeRows(env, name, 25);
    env.calls.reset();
    const before = worldSnapshot(env);
    expect(setUp(env)).toEqual({ ok: true, schemaVersion: workspaceTemplate.schemaVersion, changes: [] });
    const calls = env.calls.byMethod();
    expect(env.calls.total()).toBeLessThanOrEqual(80);
    expect(calls['Range.getNumberFormats']).toBe(tableNames.length);
    // A sheet whose template validates no column (the Log, Plan versions) has no rules to compare.
    expect(calls['Range.getDataValidations']).toBe(validatedTables.length);
    expect(validatedTables.length).toBeGreaterThanOrEqual(tableNames.length - 2);
    expect(calls['Spreadsheet.getProtections']).toBe(2);
    expect(Object.keys(calls).filter((m) => /\.(set|insert|protect|add)/.test(m))).toEqual([]);
    expectUnchanged(env, before);
  });

  it.each([10, 100, 1000])(
    'as the menu and the planner run it, with the leader view, over %i rows in every table: at most 80 calls, no writes',
    (rows) => {
      const env = grownWorld();
      // The leader view as the last set-up (or action) left it.
      env.run((gas) => actions.setUp(gas));
      for (const name of tableNames) typeRows(env, name, rows);
      env.calls.reset();
      expect(env.run((gas) => actions.setUp(gas))).toEqual({
        ok: true,
        schemaVersion: workspaceTemplate.schemaVersion,
        changes: [],
      });
      expect(env.calls.total()).toBeLessThanOrEqual(80);
      const calls = Object.keys(env.calls.byMethod());
      expect(calls.filter((m) => /\.(set|insert|protect|add|remove|delete)/.test(m))).toEqual([]);
      // Its charts are looked at (one removed by hand is put back: set-up.faults.test.ts).
      expect(calls.filter((m) => /Chart/.test(m))).toEqual(['Sheet.getCharts']);
    },
  );

  it('writes the leader view from the sheets when none is stored (a write of it failed)', () => {
    const env = setUpWorld();
    env.run((gas) => actions.setUp(gas));
    const title = env.run((gas) => sheetNamed(gas, 'Board summary').getRange('A1').getValue());
    expect(title).not.toBe('');
    // As actions.ts leaves it after a failed write, with the sheet's figures gone meanwhile.
    env.run((gas) => forgetLeaderView(gas));
    env.run((gas) => sheetNamed(gas, 'Board summary').getRange('A1').clearContent());
    env.run((gas) => actions.setUp(gas));
    expect(env.state.properties.document[LEADER_VIEW_KEY]).toBeDefined();
    expect(env.run((gas) => sheetNamed(gas, 'Board summary').getRange('A1').getValue())).toBe(title);
  });

  it.each<[string, (env: FakeEnvironment) => void, (env: FakeEnvironment) => void]>([
    [
      'a validation removed by hand',
      (env) => env.run((gas) => sheetNamed(gas, 'Governance').getRange('L40:L60').setDataValidation(null)),
      (env) =>
        env.run((gas) =>
          expect(sheetNamed(gas, 'Governance').getRange('L50').getDataValidation()).not.toBeNull(),
        ),
    ],
    [
      'a number format changed by hand',
      (env) => env.run((gas) => sheetNamed(gas, 'Workflows').getRange('B5:B9').setNumberFormat('0.00')),
      (env) =>
        env.run((gas) => expect(sheetNamed(gas, 'Workflows').getRange('B7').getNumberFormat()).toBe('@')),
    ],
    [
      'a computed-column protection removed by hand',
      (env) =>
        env.run((gas) => {
          const [first] = sheetNamed(gas, 'Workflows').getProtections(
            gas.SpreadsheetApp.ProtectionType.RANGE,
          );
          first?.remove();
        }),
      (env) =>
        env.run((gas) =>
          expect(
            sheetNamed(gas, 'Workflows').getProtections(gas.SpreadsheetApp.ProtectionType.RANGE).length,
          ).toBeGreaterThan(0),
        ),
    ],
    [
      "the Log sheet's protection removed by hand",
      (env) =>
        env.run((gas) => {
          for (const p of sheetNamed(gas, 'Log').getProtections(gas.SpreadsheetApp.ProtectionType.SHEET))
            p.remove();
        }),
      (env) =>
        env.run((gas) =>
          expect(
            sheetNamed(gas, 'Log')
              .getProtections(gas.SpreadsheetApp.ProtectionType.SHEET)
              .map((p) => p.isWarningOnly()),
          ).toEqual([true]),
        ),
    ],
    [
      'a conditional format deleted by hand',
      (env) =>
        env.run((gas) => {
          const sheet = sheetNamed(gas, 'Pilot');
          sheet.setConditionalFormatRules([]);
        }),
      (env) => env.run((gas) => expect(sheetNamed(gas, 'Pilot').getConditionalFormatRules()).toHaveLength(1)),
    ],
  ])('puts back %s, and only that', (_case, breakIt, repaired) => {
    const env = setUpWorld();
    const clean = worldSnapshot(env);
    breakIt(env);
    setUp(env);
    repaired(env);
    // Exactly as set-up left it, but for a new protection's ID and place in the list.
    const normal = (world: WorldState) => {
      world.spreadsheet.nextId = 0;
      world.spreadsheet.protections = world.spreadsheet.protections
        .map((p) => JSON.stringify({ ...p, id: 0 }))
        .sort()
        .map((p) => JSON.parse(p) as ProtectionState);
      return world;
    };
    expect(sameWorld(normal(worldSnapshot(env)), normal(clean))).toBe(true);
  });
});

function growGrids(env: FakeEnvironment, rows: number): void {
  env.run((gas) => {
    for (const name of tableNames) {
      const sheet = sheetNamed(gas, name);
      sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    }
  });
}

describe('a workspace edited by hand', () => {
  it.each([
    [
      'a renamed sheet',
      (env: FakeEnvironment) => env.run((gas) => sheetNamed(gas, 'Scores').setName('Our scores')),
      'The “Scores” sheet has been renamed to “Our scores”.',
    ],
    [
      'a renamed header',
      (env: FakeEnvironment) =>
        env.run((gas) => sheetNamed(gas, 'Workflows').getRange('D1').setValue('Department')),
      'Workflows has no column headed “Team”, and has “Department”, which the workspace does not use.',
    ],
    [
      'a duplicated header',
      (env: FakeEnvironment) =>
        env.run((gas) => sheetNamed(gas, 'Governance').getRange('Z1').setValue('Status')),
      'Governance has 2 columns headed “Status” (columns L and Z).',
    ],
  ])('is reported for %s, with nothing changed', (_case, breakIt, problem) => {
    const env = setUpWorld();
    typeRows(env, 'Workflows', 3);
    breakIt(env);
    const before = worldSnapshot(env);
    const report = setUp(env);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems.map((p) => p.problem)).toContain(problem);
    expectUnchanged(env, before);
  });

  it('adopts an empty sheet of a workspace sheet’s name, which has no last row to read to', () => {
    const env = new FakeEnvironment();
    env.run((gas) => gas.SpreadsheetApp.getActiveSpreadsheet()?.insertSheet('Workflows'));
    expect(setUp(env).ok).toBe(true);
    const headers = env.run((gas) => sheetNamed(gas, 'Workflows').getRange(1, 1, 1, 2).getValues()[0]);
    expect(headers).toEqual(
      tableTemplate('Workflows')
        .columns.slice(0, 2)
        .map((c) => c.header),
    );
  });

  it('gets a deleted column back, empty, with the other values untouched', () => {
    const env = setUpWorld();
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Metrics');
      sheet.getRange(1, 9, sheet.getMaxRows(), 1).clearContent();
    });
    const report = setUp(env);
    expect(report).toEqual({
      ok: true,
      schemaVersion: workspaceTemplate.schemaVersion,
      changes: ['Put back the missing column “Note” in Metrics (column Q).'],
    });
  });
});

describe('upgrading an older workspace', () => {
  it('adds the columns and default rows of the newer schema and stores the new version', () => {
    const env = setUpWorld();
    typeRows(env, 'Settings', 2);
    const settings = tableTemplate('Settings');
    const next = workspaceTemplate.schemaVersion + 1;
    const v2: WorkspaceTemplate = {
      schemaVersion: next,
      sheets: workspaceTemplate.sheets.map((t) =>
        t === settings
          ? {
              ...settings,
              columns: [
                ...settings.columns,
                {
                  key: 'owner',
                  header: 'Owner',
                  type: { kind: 'text' },
                  width: 120,
                  help: 'Who set it.',
                  since: next,
                },
              ],
              defaultRows: [
                ...settings.defaultRows,
                { since: next, values: { id: 'timing.newOne', group: 'Timing', setting: 'New', value: '1' } },
              ],
            }
          : t,
      ),
    };
    const report = setUp(env, v2);
    expect(report).toEqual({
      ok: true,
      schemaVersion: next,
      changes: [
        `Added the column “Owner” to Settings (column ${columnLetter(settings.columns.length + 1)}).`,
        'Added 1 default row to Settings.',
      ],
    });
    expect(env.state.properties.document[SCHEMA_VERSION_KEY]).toBe(String(next));
  });
});

describe('safety', () => {
  it('refuses to run while someone else holds the document lock, changing nothing', () => {
    const env = new FakeEnvironment();
    const other = env.start({ user: 'staff@district.example.org' });
    other.globals.LockService.getDocumentLock().waitLock(100);
    const before = worldSnapshot(env);
    expect(() => setUp(env)).toThrow('Someone else is changing the workspace right now.');
    expectUnchanged(env, before);
    other.end();
  });

  it('is completed by the next run when cut short part-way', () => {
    const clean = new FakeEnvironment();
    setUp(clean);

    const env = new FakeEnvironment();
    let inserted = 0;
    expect(() =>
      env.run((gas) => {
        const real = gas.SpreadsheetApp.getActiveSpreadsheet();
        if (!real) throw new Error('no spreadsheet');
        const failing = new Proxy(real, {
          get(target, property, receiver) {
            if (property === 'insertSheet') {
              return (...args: [string, number]) => {
                inserted += 1;
                if (inserted === 5)
                  throw new Error('Service Spreadsheets timed out while accessing document.');
                return target.insertSheet(...args);
              };
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        const spreadsheetApp = new Proxy(gas.SpreadsheetApp, {
          get: (target, property) =>
            property === 'getActiveSpreadsheet' ? () => failing : (Reflect.get(target, property) as unknown),
        });
        return setUpWorkspace({ ...gas, SpreadsheetApp: spreadsheetApp });
      }),
    ).toThrow('timed out');
    expect(env.state.properties.document[SCHEMA_VERSION_KEY]).toBeUndefined();

    expect(setUp(env).ok).toBe(true);
    expect(contents(env)).toEqual(contents(clean));
    expect(env.state.spreadsheet.sheets.map((s) => s.name)).toEqual(
      clean.state.spreadsheet.sheets.map((s) => s.name),
    );
  });
});
