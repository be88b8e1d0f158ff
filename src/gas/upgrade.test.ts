import { describe, expect, it } from '@jest/globals';
import { workspaceTemplate } from '../../sheets-templates';
import { FakeEnvironment } from '../../test/fakes/environment';
import { setCell, typeRows } from '../../test/support/workspace';
import type { SheetTemplate, WorkspaceTemplate } from '../domain/workspace-template';
import { sheetTallies } from '../../test/fakes/sheet-access';
import { setUp } from './actions';
import { sheetRead } from './sheet-reads';
import { activeSpreadsheet } from './active-spreadsheet';
import { syncGovernance } from './governance';
import { setUpWorkspace } from './set-up';
import { SCHEMA_VERSION_KEY } from './workspace-gateway';

/**
 * Today's schema (1) as the templates describe it: every column, row and sheet added since left out.
 * A workspace set up from it, with people's rows in it, upgrades in place.
 */
const addedSince1 = (t: SheetTemplate) => t.kind === 'table' && t.columns.every((c) => c.since > 1);
const schema1: WorkspaceTemplate = {
  schemaVersion: 1,
  sheets: workspaceTemplate.sheets
    .filter((t) => !addedSince1(t))
    .map((t) =>
      t.kind === 'table'
        ? {
            ...t,
            columns: t.columns.filter((c) => c.since <= 1),
            defaultRows: t.defaultRows
              .filter((r) => r.since <= 1)
              .map((r) => ({
                ...r,
                values: Object.fromEntries(
                  Object.entries(r.values).filter(([key]) =>
                    t.columns.some((c) => c.key === key && c.since <= 1),
                  ),
                ),
              })),
          }
        : t,
    ),
};

const values = (env: FakeEnvironment): Record<string, unknown[][]> =>
  env.run((gas) =>
    Object.fromEntries(
      (gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheets() ?? []).map((s) => [
        s.getName(),
        s.getDataRange().getValues(),
      ]),
    ),
  );

/** Each sheet's rows as header → value, so a value is found wherever its column now is. */
function byHeader(sheets: Record<string, unknown[][]>): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    Object.entries(sheets).map(([name, [head, ...body]]) => [
      name,
      body.map((row) => Object.fromEntries((head ?? []).map((h, i) => [String(h), row[i]]))),
    ]),
  );
}

/** A schema-1 workspace in use: workflows, scores, a checklist with old wording, measurements, people. */
function workspaceInUse(): FakeEnvironment {
  const env = new FakeEnvironment();
  env.run((gas) => setUpWorkspace(gas, schema1));
  expect(env.state.properties.document[SCHEMA_VERSION_KEY]).toBe('1');
  typeRows(env, 'Workflows', 3);
  typeRows(env, 'Scores', 6);
  typeRows(env, 'Metrics', 4);
  typeRows(env, 'Approvals', 2);
  setCell(env, 'Settings', 2, 'value', 'Dr. Rivera');
  setCell(env, 'Settings', 2, 'email', 'rivera@district.example.org');
  // The selected workflow's checklist as schema 1 wrote it: G08 and G15 in their old wording.
  for (const row of [3, 4, 5, 6, 7, 8]) setCell(env, 'Workflows', row, 'selected', false);
  setCell(env, 'Workflows', 2, 'selected', true);
  const old = [
    [
      'GV-0001',
      'WF-001',
      'G08',
      'Data & privacy',
      'Every kind of information the workflow uses has been rated Green, Amber or Red for how sensitive it is.',
      'Required',
      '',
      'Yes',
      'Privacy officer',
      'Pat Lee',
      'A table of the inputs',
      'Done',
      'https://district.example.org/inventory',
      '',
      '2026-10-01',
    ],
    [
      'GV-0002',
      'WF-001',
      'G15',
      'Data & privacy',
      'It is known where prompts and AI outputs are stored, how long they are kept and whether they count as public records.',
      'Recommended',
      '',
      'Yes',
      'Legal counsel',
      '',
      'A note',
      'In progress',
      '',
      '',
      '',
    ],
    [
      'GV-0003',
      'WF-001',
      '',
      'Local',
      'Our own item: the union has been briefed.',
      'Required',
      '',
      'Yes',
      'HR and labor relations',
      'Kim',
      '',
      'Done',
      'Minutes of 2026-10-02',
      '',
      '',
    ],
  ];
  const keys = [
    'id',
    'workflowId',
    'code',
    'category',
    'item',
    'requirement',
    'condition',
    'applies',
    'ownerRole',
    'owner',
    'expectedEvidence',
    'status',
    'evidence',
    'naReason',
    'due',
  ];
  old.forEach((line, i) =>
    line.forEach((value, k) => setCell(env, 'Governance', 2 + i, keys[k] ?? '', value)),
  );
  setCell(env, 'Metrics', 2, 'metric', 'Escaped errors');
  setCell(env, 'Metrics', 3, 'metric', 'Staff trust (1–5)');
  return env;
}

describe('upgrading a workspace from schema 1', () => {
  it('adds the new columns, sheets and rows, keeps every value people typed, and stores the current schema', () => {
    const env = workspaceInUse();
    const before = byHeader(values(env));
    const report = env.run((gas) => setUpWorkspace(gas));
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.schemaVersion).toBe(workspaceTemplate.schemaVersion);
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Created the Incidents sheet/),
        // Schema 5: the plan as each version was sent, so a request sent again says what changed.
        expect.stringMatching(/^Created the Plan versions sheet/),
        expect.stringMatching(/^Added the column “Verified by” to Governance/),
        expect.stringMatching(/^Added the column “Basis” to Governance/),
        expect.stringMatching(/^Added the column “Collects information from students” to Workflows/),
        expect.stringMatching(/^Added the column “Kind of workflow” to Workflows/),
        expect.stringMatching(/^Added the column “Language” to Metrics/),
        // Schema 4: a withdrawn entry keeps its row, with who, when and why.
        expect.stringMatching(/^Added the column “Withdrawn” to Metrics/),
        expect.stringMatching(/^Added the column “Withdrawn by” to Metrics/),
        expect.stringMatching(/^Added the column “Why withdrawn” to Metrics/),
        expect.stringMatching(/^Added the column “Red flag: student-facing” to Scores/),
        'Added 3 default rows to Settings.',
      ]),
    );
    expect(env.state.properties.document[SCHEMA_VERSION_KEY]).toBe(String(workspaceTemplate.schemaVersion));
    const after = byHeader(values(env));
    for (const [sheet, rows] of Object.entries(before)) {
      expect({ sheet, rows: after[sheet]?.length }).toEqual({
        sheet,
        rows: rows.length + (sheet === 'Settings' ? 3 : 0),
      });
      rows.forEach((row, i) => {
        for (const [header, value] of Object.entries(row))
          expect({ sheet, row: i + 2, header, value: after[sheet]?.[i]?.[header] }).toEqual({
            sheet,
            row: i + 2,
            header,
            value,
          });
      });
    }
    // Running it again changes nothing.
    const again = env.run((gas) => setUpWorkspace(gas));
    expect(again).toEqual({ ok: true, schemaVersion: workspaceTemplate.schemaVersion, changes: [] });
  });

  it('keeps the status and evidence of items whose wording changed, and brings their wording and basis up to date', () => {
    const env = workspaceInUse();
    env.run((gas) => setUpWorkspace(gas));
    env.run((gas) => syncGovernance(gas, activeSpreadsheet(gas), 'owner@district.example.org', new Date()));
    const rows = byHeader(values(env))['Governance'] ?? [];
    const g08 = rows.find((r) => r['Item'] === 'G08');
    const g15 = rows.find((r) => r['Item'] === 'G15');
    const own = rows.find((r) => r['ID'] === 'GV-0003');
    expect(g08).toMatchObject({
      Status: 'Done',
      'Evidence link': 'https://district.example.org/inventory',
      Owner: 'Pat Lee',
      Basis: expect.stringContaining('FERPA') as unknown,
      'Checklist item': expect.stringContaining('Yellow internal') as unknown,
    });
    expect(g15).toMatchObject({ Status: 'In progress', Required: 'Required' });
    expect(own).toMatchObject({
      'Checklist item': 'Our own item: the union has been briefed.',
      Status: 'Done',
      Owner: 'Kim',
    });
  });
});

describe('upgrading through the menu (set-up and the leader view)', () => {
  it('reads each sheet at most once and writes each sheet at most once', () => {
    const env = workspaceInUse();
    env.calls.reset();
    const report = env.run((gas) => setUp(gas));
    expect(report.ok).toBe(true);
    const over = [...sheetTallies(env.calls.sequence)].filter(([, t]) => t.reads > 1 || t.writes > 1);
    expect(
      over.map(([sheet, t]) => `${sheet}: reads ${JSON.stringify(t.readKinds)}; writes [${t.commits}]`),
    ).toEqual([]);
  });

  it('hands the leader view each sheet as it holds after the upgrade, the columns and rows it added included', () => {
    const env = workspaceInUse();
    const compared: string[] = [];
    env.run((gas) =>
      setUpWorkspace(gas, workspaceTemplate, () => {
        // What the rest of the run reads each sheet as (sheet-reads.ts), against the sheet itself.
        const spreadsheet = activeSpreadsheet(gas);
        for (const t of workspaceTemplate.sheets) {
          const kept = sheetRead(spreadsheet, t.name);
          if (!kept) continue;
          expect({ sheet: t.name, values: kept.values }).toEqual({
            sheet: t.name,
            values: kept.sheet.getDataRange().getValues(),
          });
          expect({ sheet: t.name, maxRows: kept.maxRows }).toEqual({
            sheet: t.name,
            maxRows: kept.sheet.getMaxRows(),
          });
          compared.push(t.name);
        }
      }),
    );
    // Those it added columns or rows to among them.
    expect(compared).toEqual(
      expect.arrayContaining(['Workflows', 'Governance', 'Metrics', 'Scores', 'Settings']),
    );
  });
});
