import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import { describe, expect, it } from '@jest/globals';
import { defaultChecklist } from '../../sheets-templates/checklist';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { SECOND_SCORER, selectedWorkspace } from '../../test/support/approvals';
import { addChecklistRows, setCell, sheetNamed, tableTemplate } from '../../test/support/workspace';
import { mapHeaders } from '../domain/header-map';
import type { ChecklistInput, ChecklistSaveResult, GovernanceBoard } from '../shared/governance';
import type { ScoreInput } from '../shared/workflows';
import { activeSpreadsheet } from './active-spreadsheet';
import { checkLog } from './audit-log-gateway';
import { governanceBoard, showChecklistRow, updateChecklistItem } from './governance';
import { saveScore, saveWorkflow, selectWorkflow } from './workflow-board';

const unconditional = defaultChecklist.filter((i) => i.triggers.length === 0).map((i) => i.code);
const required = defaultChecklist.filter((i) => i.requirement === 'Required').map((i) => i.code);
/** FAQ drafting (WF-001) is family-facing: these conditional items apply to it. */
const familyFacing = ['G24', 'G25', 'G35', 'G39'];

function scoreOf(workflowId: string): ScoreInput {
  return {
    workflowId,
    scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
    redFlags: [],
    fitsDay: 'yes',
    note: '',
    scorerName: null,
  };
}

const selected = () => selectedWorkspace();

function column(env: FakeEnvironment, sheet: string, key: string): unknown[] {
  return env.run((gas) => {
    const values = sheetNamed(gas, sheet).getDataRange().getValues();
    const at = mapHeaders(tableTemplate(sheet).columns, values[0] ?? []).columns.get(key) ?? -1;
    return values.slice(1).map((row) => row[at]);
  });
}

const boardOf = (env: FakeEnvironment) => env.run((gas) => governanceBoard(gas));
const rowFor = (board: GovernanceBoard, code: string) => {
  const found = board.rows.find((r) => r.code === code);
  if (!found) throw new Error(`no checklist row ${code}`);
  return found;
};
const update = (
  env: FakeEnvironment,
  board: GovernanceBoard,
  code: string,
  change: Partial<ChecklistInput>,
) => {
  const row = rowFor(board, code);
  const input: ChecklistInput = {
    id: row.id,
    status: row.status,
    evidence: row.evidence,
    naReason: row.naReason,
    due: row.due,
    owner: row.owner,
    verifiedBy: row.verifiedBy,
    // Done needs evidence: tests that do not care about it give the name of a document.
    ...(change.status === 'Done' && change.evidence === undefined
      ? { evidence: 'Memo in the district drive' }
      : {}),
    ...change,
  };
  return env.run((gas) => updateChecklistItem(gas, input));
};
function ok(result: ChecklistSaveResult): GovernanceBoard {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.board;
}

describe('the checklist for the selected workflow', () => {
  it('is generated when a workflow is selected: every unconditional item, and those its profile triggers', () => {
    const env = selected();
    expect(column(env, 'Governance', 'code')).toEqual([...unconditional, ...familyFacing].sort());
    expect(new Set(column(env, 'Governance', 'workflowId'))).toEqual(new Set(['WF-001']));
    expect(new Set(column(env, 'Governance', 'status'))).toEqual(new Set(['Not started']));
    expect(column(env, 'Log', 'action').slice(-2)).toEqual(['Selected workflow', 'Generated checklist rows']);
  });

  it('shows progress, what is missing by owner, and the plan version stored in Workflows', () => {
    const env = selected();
    const board = boardOf(env);
    expect(board).toMatchObject({
      selected: { id: 'WF-001' },
      ready: false,
      gating: required.length + familyFacing.length,
      complete: 0,
    });
    expect(board.summary).toBe(
      `${required.length + familyFacing.length} of ${required.length + familyFacing.length} required items are not done yet.`,
    );
    expect(board.missing.map((g) => g.owner)).toContain('Workflow owner');
    expect(board.missing.flatMap((g) => g.ids)).toHaveLength(required.length + familyFacing.length);
    expect(board.planVersion).toMatch(/^v-[0-9a-f]{12}$/);
    expect(column(env, 'Workflows', 'planVersion')).toEqual([board.planVersion, '', '', '']);
  });

  it('names the owner from Settings once the role has a person', () => {
    const env = selected();
    const row = 2 + tableTemplate('Settings').defaultRows.findIndex((r) => r.values['id'] === 'role.privacy');
    setCell(env, 'Settings', row, 'value', 'Pat Lee');
    const board = boardOf(env);
    expect(rowFor(board, 'G08')).toMatchObject({ owner: 'Pat Lee', ownerLabel: 'Pat Lee' });
    expect(board.missing.find((g) => g.owner === 'Pat Lee')?.ids.length).toBeGreaterThan(0);
  });

  it('adds the rows a profile flag edited in the sheet triggers, when the view next opens, and only once', () => {
    const env = selected();
    setCell(env, 'Workflows', 2, 'nonEnglish', true);
    expect(rowFor(boardOf(env), 'G26')).toMatchObject({
      requirement: 'Conditional',
      condition: 'Non-English output',
      status: 'Not started',
    });
    env.calls.reset();
    boardOf(env);
    expect(env.calls.byMethod()['Range.setValues'] ?? 0).toBe(0);
  });

  it('follows an edit of the selected workflow’s profile from the planner, keeping rows that stop applying', () => {
    const env = selected();
    const flags = {
      familyFacing: false,
      studentFacing: false,
      collectsFromStudents: false,
      nonEnglish: false,
      newVendor: false,
      dutiesChange: false,
    };
    const edit = {
      id: 'WF-001',
      name: 'FAQ drafting from approved materials',
      description: '',
      team: 'Communications',
      timeLost: '',
      fragmented: '',
      frequentSafe: '',
    };
    const saved = env.run((gas) => saveWorkflow(gas, { ...edit, dataTier: 'Amber', flags }));
    expect(saved.ok).toBe(true);
    const board = boardOf(env);
    expect(board.rows.map((r) => r.code)).toContain('G10');
    expect(board.rows.map((r) => r.code)).not.toContain('G35');
    expect(column(env, 'Governance', 'code')).toContain('G35');
    const applies = column(env, 'Governance', 'applies')[column(env, 'Governance', 'code').indexOf('G35')];
    expect(applies).toBe('No');
  });
});

describe('working the checklist', () => {
  it('saves a status with its evidence, logs before → after, and changes the plan version', () => {
    const env = selected();
    const before = boardOf(env);
    const after = ok(
      update(env, before, 'G01', { status: 'Done', evidence: 'https://district.example.org/memo' }),
    );
    expect(rowFor(after, 'G01')).toMatchObject({
      status: 'Done',
      complete: true,
      evidence: 'https://district.example.org/memo',
    });
    expect(after.complete).toBe(1);
    expect(after.planVersion).not.toBe(before.planVersion);
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    expect(log.at(-1)?.slice(3, 8)).toEqual([
      'Checklist status',
      `${rowFor(before, 'G01').id} G01`,
      'Not started',
      'Done',
      'https://district.example.org/memo',
    ]);
  });

  it.each<[string, Partial<ChecklistInput>, string]>([
    ['N/A without a reason', { status: 'N/A' }, 'naReason'],
    ['a broken evidence link', { status: 'Done', evidence: 'https://see binder' }, 'evidence'],
    ['Done without evidence', { status: 'Done', evidence: '' }, 'evidence'],
    ['N/A on a Required row', { status: 'N/A', naReason: 'Not needed here' }, 'status'],
    ['a due date that is not a date', { due: '2026-13-01' }, 'due'],
  ])('refuses %s with a clear message and changes nothing', (_case, change, field) => {
    const env = selected();
    const board = boardOf(env);
    const state = worldSnapshot(env);
    const result = update(env, board, 'G05', change);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([field]);
    expectUnchanged(env, state);
  });

  it('refuses a row that no longer applies, and changes nothing', () => {
    const env = selected();
    const board = boardOf(env);
    for (const user of [env.owner, SECOND_SCORER])
      env.run((gas) => saveScore(gas, scoreOf('WF-003')), { user });
    env.run((gas) => selectWorkflow(gas, { workflowId: 'WF-003', reason: 'Cabinet', confirmReplace: true }));
    const state = worldSnapshot(env);
    const result = update(env, board, 'G01', { status: 'Done' });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'id',
          message: expect.stringContaining('no longer part of the selected workflow') as unknown,
        },
      ],
    });
    expectUnchanged(env, state);
  });

  it('turns ready when every required and triggered item is Done or N/A with a reason', () => {
    const env = selected();
    let board = boardOf(env);
    const gating = board.rows.filter((r) => r.gating);
    for (const [i, row] of gating.entries()) {
      board = ok(
        update(
          env,
          board,
          row.code,
          i % 2 === 0 || row.requirement === 'Required'
            ? { status: 'Done' }
            : { status: 'N/A', naReason: 'Handled district-wide' },
        ),
      );
    }
    expect(board).toMatchObject({ ready: true, summary: '', missing: [] });
    const last = gating.at(-1)?.code ?? '';
    const reopened = ok(update(env, board, last, { status: 'In progress' }));
    expect(reopened.ready).toBe(false);
  });

  it('reports a row edited by hand into an invalid state, with its row, and counts it as not done', () => {
    const env = selected();
    const board = boardOf(env);
    const g05 = rowFor(board, 'G05');
    env.run((gas) => sheetNamed(gas, 'Governance').getRange(g05.row, 1, 1, 26).clearDataValidations());
    const statusAt = 1 + tableTemplate('Governance').columns.findIndex((c) => c.key === 'status');
    env.run((gas) => sheetNamed(gas, 'Governance').getRange(g05.row, statusAt).setValue('Finished'));
    setCell(env, 'Governance', rowFor(board, 'G06').row, 'status', 'N/A');
    const after = boardOf(env);
    expect(after.problems.map((p) => p.message)).toEqual([
      `Governance row ${g05.row} (G05): the status “Finished” is not one of Not started, In progress, Done, N/A. It counts as not done until it is fixed.`,
      `Governance row ${rowFor(board, 'G06').row} (G06): it is marked N/A, but it is a Required item: only conditional or recommended items can be N/A. It counts as not done until it is fixed.`,
    ]);
    expect(rowFor(after, 'G05')).toMatchObject({ complete: false, status: '' });
  });

  it('marks an item overdue when its due date has passed and it is not done', () => {
    const env = selected();
    const board = ok(update(env, boardOf(env), 'G02', { due: '2020-01-15' }));
    expect(rowFor(board, 'G02')).toMatchObject({ due: '2020-01-15', overdue: true });
    expect(rowFor(ok(update(env, board, 'G02', { status: 'Done' })), 'G02').overdue).toBe(false);
  });

  it('takes the person to the row in the sheet', () => {
    const env = selected();
    const row = rowFor(boardOf(env), 'G07');
    expect(env.run((gas) => showChecklistRow(gas, row.id))).toEqual({
      ok: true,
      message: `Governance row ${row.row} is selected in the sheet.`,
    });
    const governanceId = env.state.spreadsheet.sheets.find((s) => s.name === 'Governance')?.id;
    expect(env.state.spreadsheet.activeSheetId).toBe(governanceId);
    expect(env.state.spreadsheet.activeRange).toMatchObject({
      sheetId: governanceId,
      row: row.row,
      numRows: 1,
    });
  });
});

describe('the Log check', () => {
  function logged(): FakeEnvironment {
    const env = selected();
    ok(update(env, boardOf(env), 'G01', { status: 'Done' }));
    return env;
  }
  const check = (env: FakeEnvironment) => env.run((gas) => checkLog(gas, activeSpreadsheet(gas)));

  it('finds every entry intact', () => {
    expect(check(logged())).toEqual({
      ok: true,
      entries: 5,
      message: 'All 5 Log entries are intact: none was edited, inserted or deleted.',
    });
  });

  it.each<[string, (env: FakeEnvironment) => void, RegExp]>([
    [
      'an edited row',
      (env) => setCell(env, 'Log', 3, 'after', 'Something else'),
      /Log row 3 \(LG-000002\) does not match its chain hash/,
    ],
    [
      'a deleted row',
      (env) => env.run((gas) => sheetNamed(gas, 'Log').deleteRow(3)),
      /Log row 3 should be event LG-000002/,
    ],
    [
      'an inserted row',
      (env) =>
        env.run((gas) => {
          const log = sheetNamed(gas, 'Log');
          log.insertRowsAfter(2, 1);
          log.getRange(3, 1, 1, 4).setValues([['LG-000002', new Date(), 'x', 'Forged']]);
        }),
      /Log row 3 \(LG-000002\) does not match its chain hash/,
    ],
    [
      'the last row removed',
      (env) =>
        env.run((gas) => {
          const log = sheetNamed(gas, 'Log');
          log.deleteRow(log.getLastRow());
        }),
      /rows were removed from the end/,
    ],
  ])('reports %s at the first broken link', (_case, tamper, message) => {
    const env = logged();
    tamper(env);
    const result = check(env);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(message);
  });
});

describe('service calls', () => {
  function withRows(count: number): FakeEnvironment {
    const env = selected();
    addChecklistRows(env, 'WF-001', count);
    for (const user of [env.owner, SECOND_SCORER])
      env.run((gas) => saveScore(gas, scoreOf('WF-003')), { user });
    return env;
  }

  it('are the same for every governance action at 40 and 4,000 checklist rows', () => {
    const counts = (count: number) => {
      const env = withRows(count);
      const measure = (action: () => unknown) => {
        env.calls.reset();
        action();
        return env.calls.byMethod();
      };
      const board = boardOf(env);
      return {
        readiness: measure(() => boardOf(env)),
        update: measure(() => ok(update(env, board, 'G01', { status: 'Done' }))),
        generate: measure(() =>
          env.run((gas) =>
            selectWorkflow(gas, { workflowId: 'WF-003', reason: 'Cabinet', confirmReplace: true }),
          ),
        ),
      };
    };
    expect(counts(4000)).toEqual(counts(40));
  });
});

describe('the Dashboard, for a viewer without the add-on', () => {
  it('shows required checklist progress from the sheets themselves, and no plan-version hash', () => {
    const env = selected();
    const board = ok(update(env, boardOf(env), 'G01', { status: 'Done' }));
    const after = ok(update(env, board, 'G24', { status: 'N/A', naReason: 'Disclosure set district-wide' }));
    const shown = env.run((gas) => sheetNamed(gas, 'Dashboard').getDataRange().getDisplayValues());
    const value = (label: string) => shown.find((row) => row[0] === label)?.[1];
    expect(value('Required checklist items done')).toBe(`2 of ${after.gating}`);
    expect(after.planVersion).toMatch(/^v-/);
    expect(shown.flat().join(' ')).not.toContain(after.planVersion ?? 'v-');
    expect(value('Selected workflow')).toBe('FAQ drafting from approved materials');
  });
});
