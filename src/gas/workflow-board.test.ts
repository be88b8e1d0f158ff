import { cloneWorld, expectUnchanged, worldSnapshot } from '../../test/support/world';
import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { FakeEnvironment } from '../../test/fakes/environment';
import { namePeople } from '../../test/support/approvals';
import { addScoredWorkflows, setCell, sheetNamed, tableTemplate } from '../../test/support/workspace';
import { verifyChain, type LogEntry } from '../domain/audit-log';
import { mapHeaders } from '../domain/header-map';
import type { SaveResult, ScoreInput, WorkflowBoard, WorkflowInput } from '../shared/workflows';
import { setUpWorkspace } from './set-up';
import { saveScore, saveWorkflow, selectWorkflow, workflowBoard } from './workflow-board';

const ana = 'ana@district.example.org';
const ben = 'ben@district.example.org';

/** A set-up workspace: set up once for this file, then copied for each test. */
function workspace(): FakeEnvironment {
  if (!setUp) {
    setUp = new FakeEnvironment();
    setUp.run((gas) => setUpWorkspace(gas));
  }
  return cloneWorld(setUp);
}
let setUp: FakeEnvironment | null = null;

const emptyFlags = {
  familyFacing: false,
  studentFacing: false,
  collectsFromStudents: false,
  nonEnglish: false,
  newVendor: false,
  dutiesChange: false,
};

function workflowInput(name: string, extra: Partial<WorkflowInput> = {}): WorkflowInput {
  return {
    id: null,
    name,
    description: '',
    team: '',
    timeLost: '',
    fragmented: '',
    frequentSafe: '',
    dataTier: '',
    kind: '',
    flags: emptyFlags,
    ...extra,
  };
}

function scoreInput(
  workflowId: string,
  [common, measurable, risk, pain]: number[],
  extra: Partial<ScoreInput> = {},
): ScoreInput {
  return {
    workflowId,
    scores: { common: common ?? 0, measurable: measurable ?? 0, risk: risk ?? 0, pain: pain ?? 0 },
    redFlags: [],
    fitsDay: 'yes',
    note: '',
    scorerName: null,
    ...extra,
  };
}

function ok(result: SaveResult): WorkflowBoard {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.board;
}

function score(
  env: FakeEnvironment,
  user: string,
  id: string,
  values: number[],
  extra: Partial<ScoreInput> = {},
): SaveResult {
  return env.run((gas) => saveScore(gas, scoreInput(id, values, extra)), { user });
}

function sheetColumn(env: FakeEnvironment, sheet: string, key: string): unknown[] {
  return env.run((gas) => {
    const values = sheetNamed(gas, sheet).getDataRange().getValues();
    const at = mapHeaders(tableTemplate(sheet).columns, values[0] ?? []).columns.get(key) ?? -1;
    return values.slice(1).map((row) => row[at]);
  });
}

describe('the workflow board', () => {
  it('lists the four example workflows, unscored, after set-up', () => {
    const board = workspace().run((gas) => workflowBoard(gas));
    expect(board.workflows.map((w) => [w.id, w.eligibility, w.rank])).toEqual([
      ['WF-001', 'not-scored', null],
      ['WF-002', 'not-scored', null],
      ['WF-003', 'not-scored', null],
      ['WF-004', 'not-scored', null],
    ]);
    expect(board.problems).toEqual([]);
    expect(board.me.email).toBe('coordinator@district.example.org');
  });

  it('is empty and says so before set-up', () => {
    const board = new FakeEnvironment().run((gas) => workflowBoard(gas));
    expect(board).toMatchObject({ setUp: false, workflows: [], problems: [] });
  });

  it('says what to do when a sheet it needs was renamed away', () => {
    const env = workspace();
    env.run((gas) => sheetNamed(gas, 'Scores').setName('Old scores'));
    expect(() => env.run((gas) => workflowBoard(gas))).toThrow(
      'The Scores sheet is missing. Run Set up workspace',
    );
  });
});

describe('adding and editing workflows', () => {
  it('adds a workflow with the next ID and logs it', () => {
    const env = workspace();
    const board = ok(
      env.run((gas) =>
        saveWorkflow(gas, workflowInput('Transportation FAQ', { team: 'Transportation', dataTier: 'Green' })),
      ),
    );
    expect(board.workflows.find((w) => w.name === 'Transportation FAQ')).toMatchObject({
      id: 'WF-005',
      team: 'Transportation',
      dataTier: 'Green',
    });
    expect(sheetColumn(env, 'Log', 'action')).toEqual(['Added workflow']);
  });

  it('stores text that looks like a formula, a number or markup exactly as typed', () => {
    const env = workspace();
    const names = ['=SUM(A:A)', '+1-555-0100', '@everyone', '01234', '<img src=x onerror=alert(1)>', '-5'];
    for (const name of names) ok(env.run((gas) => saveWorkflow(gas, workflowInput(name))));
    const stored = sheetColumn(env, 'Workflows', 'name').slice(4);
    expect(stored).toEqual(names);
    expect(
      env.run((gas) => sheetNamed(gas, 'Workflows').getDataRange().getFormulas().flat().filter(Boolean)),
    ).toEqual([]);
  });

  it.each<[string, Partial<WorkflowInput>, string, string]>([
    ['an empty name', { name: '   ' }, 'name', 'The workflow name is required.'],
    [
      'an over-long name',
      { name: 'x'.repeat(121) },
      'name',
      'The workflow name is too long: 121 characters, at most 120.',
    ],
    [
      'a name already used',
      { name: 'faq drafting from approved materials' },
      'name',
      'A workflow named “FAQ drafting from approved materials” already exists (WF-001).',
    ],
    [
      'an unknown ID',
      { id: 'WF-999', name: 'Something' },
      'id',
      'Workflow WF-999 is no longer in the sheet; someone may have deleted it. Reload the list.',
    ],
    [
      'a data tier that does not exist',
      { name: 'Something', dataTier: 'Purple' },
      'dataTier',
      'The data tier must be Green, Yellow, Amber, Red or left empty.',
    ],
    ['a name that is not text', { name: 42 as unknown as string }, 'name', 'The workflow name must be text.'],
  ])('refuses %s with a clear message and changes nothing', (_case, change, field, message) => {
    const env = workspace();
    const before = worldSnapshot(env);
    const result = env.run((gas) => saveWorkflow(gas, { ...workflowInput('x'), ...change }));
    expect(result).toEqual({ ok: false, errors: expect.arrayContaining([{ field, message }]) as unknown });
    expectUnchanged(env, before);
  });

  it('edits a workflow found by its ID, wherever its row has moved', () => {
    const env = workspace();
    env.run((gas) => {
      // Sort the examples by name (Z–A): rows move, IDs stay.
      const sheet = sheetNamed(gas, 'Workflows');
      const rows = sheet
        .getRange(2, 1, 4, 26)
        .getValues()
        .sort((a, b) => String(b[1]).localeCompare(String(a[1])));
      sheet.getRange(2, 1, 4, 26).setValues(rows);
    });
    ok(
      env.run((gas) =>
        saveWorkflow(
          gas,
          workflowInput('FAQ drafting (approved sources only)', { id: 'WF-001', team: 'Comms' }),
        ),
      ),
    );
    expect(sheetColumn(env, 'Workflows', 'id')).toEqual(['WF-002', 'WF-003', 'WF-004', 'WF-001']);
    expect(sheetColumn(env, 'Workflows', 'name')[3]).toBe('FAQ drafting (approved sources only)');
  });
});

describe('scoring', () => {
  it('keeps one row per scorer per workflow and takes the median as the consensus', () => {
    const env = workspace();
    score(env, ana, 'WF-001', [5, 4, 4, 4]);
    score(env, ana, 'WF-001', [5, 4, 5, 4]);
    const board = ok(score(env, ben, 'WF-001', [3, 4, 3, 4]));
    const faq = board.workflows.find((w) => w.id === 'WF-001');
    expect(faq).toMatchObject({
      scorers: 2,
      consensus: { common: 4, measurable: 4, risk: 4, pain: 4 },
      total: 16,
      band: 'Strong',
      eligibility: 'eligible',
      rank: 1,
    });
    expect(faq?.disagreements).toEqual(['Common (3–5)', 'Low enough risk (3–5)']);
    expect(sheetColumn(env, 'Scores', 'scorer')).toEqual([ana, ben]);
    expect(sheetColumn(env, 'Scores', 'workflow')).toEqual([
      'FAQ drafting from approved materials',
      'FAQ drafting from approved materials',
    ]);
  });

  it('shows each scorer their own score beside the consensus', () => {
    const env = workspace();
    score(env, ana, 'WF-002', [4, 4, 3, 4], { redFlags: [], fitsDay: 'no', note: 'Needs redaction' });
    const board = env.run((gas) => workflowBoard(gas), { user: ana });
    expect(board.workflows.find((w) => w.id === 'WF-002')?.myScore).toEqual({
      scores: { common: 4, measurable: 4, risk: 3, pain: 4 },
      redFlags: [],
      fitsDay: 'no',
      note: 'Needs redaction',
    });
    expect(
      env.run((gas) => workflowBoard(gas), { user: ben }).workflows.find((w) => w.id === 'WF-002')?.myScore,
    ).toBeNull();
  });

  it('writes the computed columns so a viewer sees scores, band, eligibility and rank in the sheet', () => {
    const env = workspace();
    score(env, ana, 'WF-001', [5, 4, 4, 4]);
    score(env, ana, 'WF-003', [3, 3, 4, 3]);
    const board = ok(score(env, ana, 'WF-002', [4, 4, 2, 4]));
    expect(sheetColumn(env, 'Workflows', 'total')).toEqual([17, 14, 13, '']);
    expect(sheetColumn(env, 'Workflows', 'band')).toEqual(['Strong', 'Possible', 'Possible', '']);
    // One scorer so far: the eligible ones wait for a second, ranked meanwhile.
    expect(sheetColumn(env, 'Workflows', 'eligible')).toEqual([
      'Needs a second scorer',
      'No',
      'Needs a second scorer',
      '',
    ]);
    expect(sheetColumn(env, 'Workflows', 'rank')).toEqual([1, '', 2, '']);
    const sheetRanking = sheetColumn(env, 'Workflows', 'rank');
    const ids = sheetColumn(env, 'Workflows', 'id');
    const fromSheet = ids
      .filter((_, i) => sheetRanking[i] !== '')
      .sort((a, b) => Number(sheetRanking[ids.indexOf(a)]) - Number(sheetRanking[ids.indexOf(b)]));
    expect(board.workflows.filter((w) => w.rank !== null).map((w) => w.id)).toEqual(fromSheet);
  });

  it.each<[string, Partial<ScoreInput>, string]>([
    ['a score of 0', { scores: { common: 0, measurable: 3, risk: 3, pain: 3 } }, 'common'],
    ['a score of 6', { scores: { common: 3, measurable: 6, risk: 3, pain: 3 } }, 'measurable'],
    ['a fractional score', { scores: { common: 3, measurable: 3, risk: 2.5, pain: 3 } }, 'risk'],
    [
      'a text score',
      { scores: { common: 3, measurable: 3, risk: 3, pain: '4' as unknown as number } },
      'pain',
    ],
    ['an unknown workflow', { workflowId: 'WF-404' }, 'workflowId'],
    ['an unknown red flag', { redFlags: ['flagMystery'] }, 'redFlags'],
  ])('refuses %s and changes nothing', (_case, change, field) => {
    const env = workspace();
    const before = worldSnapshot(env);
    const result = env.run((gas) => saveScore(gas, { ...scoreInput('WF-001', [3, 3, 3, 3]), ...change }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
    expectUnchanged(env, before);
  });

  it('picks up a valid score typed by hand, and reports invalid rows without breaking the list', () => {
    const env = workspace();
    score(env, ana, 'WF-001', [4, 4, 4, 4]);
    env.run((gas) => {
      // Rows pasted from another spreadsheet bring that sheet's (absent) validation with them.
      const sheet = sheetNamed(gas, 'Scores');
      sheet.getRange(3, 1, 3, 8).clearDataValidations();
      const rows = [
        ['', 'WF-001', '', ben, 5, 5, 5, 5],
        ['', 'WF-777', '', 'cy@district.example.org', 3, 3, 3, 3],
        ['', 'WF-002', '', 'di@district.example.org', 3, '', 3, 3],
      ];
      sheet.getRange(3, 1, 3, 8).setValues(rows);
      sheet.getRange('F5').setNumberFormat('@').setValue('high');
    });
    const board = env.run((gas) => workflowBoard(gas));
    expect(board.workflows.find((w) => w.id === 'WF-001')).toMatchObject({ scorers: 2, total: 18 });
    expect(board.problems).toEqual([
      {
        sheet: 'Scores',
        row: 4,
        message: 'Scores row 4 is left out: the workflow ID WF-777 is not in the Workflows sheet.',
      },
      {
        sheet: 'Scores',
        row: 5,
        message: 'Scores row 5 is left out: “Measurable” must be a whole number from 1 to 5 (found “high”).',
      },
    ]);
  });

  it('lets two scorers saving at the same moment both land', () => {
    const env = workspace();
    // Each save holds the document lock; the second waits, re-reads, and adds its own row.
    const first = env.start({ user: ana });
    const second = env.start({ user: ben });
    expect(saveScore(first.globals, scoreInput('WF-003', [3, 3, 4, 3])).ok).toBe(true);
    first.end();
    expect(saveScore(second.globals, scoreInput('WF-003', [2, 3, 4, 3])).ok).toBe(true);
    second.end();
    expect(sheetColumn(env, 'Scores', 'scorer')).toEqual([ana, ben]);
    expect(env.run((gas) => workflowBoard(gas)).workflows.find((w) => w.id === 'WF-003')?.scorers).toBe(2);
  });

  it('tells a scorer to try again while someone else holds the lock, and changes nothing', () => {
    const env = workspace();
    const holder = env.start({ user: ana });
    holder.globals.LockService.getDocumentLock().waitLock(100);
    const before = worldSnapshot(env);
    expect(() => score(env, ben, 'WF-001', [3, 3, 3, 3])).toThrow(
      'Someone else is changing the workspace right now.',
    );
    expectUnchanged(env, before);
    holder.end();
  });

  it('asks for a name when Google does not share the email, and remembers it', () => {
    const env = workspace();
    const anonymous = { user: 'consumer@gmail.com', activeUserEmail: '' };
    const refused = env.run((gas) => saveScore(gas, scoreInput('WF-001', [3, 3, 3, 3])), anonymous);
    expect(refused).toEqual({
      ok: false,
      errors: [{ field: 'scorerName', message: expect.stringContaining('type your name') as unknown }],
    });
    ok(
      env.run(
        (gas) => saveScore(gas, scoreInput('WF-001', [3, 3, 3, 3], { scorerName: 'Dana (library)' })),
        anonymous,
      ),
    );
    const board = env.run((gas) => workflowBoard(gas), anonymous);
    expect(board.me).toEqual({ email: '', name: 'Dana (library)' });
    expect(board.workflows.find((w) => w.id === 'WF-001')?.myScore?.scores.common).toBe(3);
  });

  it('never lets a typed name pass for a person in Settings or replace another scorer’s row', () => {
    const env = workspace();
    namePeople(env);
    const comms = 'comms@district.example.org';
    score(env, comms, 'WF-001', [2, 3, 4, 5]);
    const commsRow = () => sheetColumn(env, 'Scores', 'scorer').indexOf(comms);
    const commsScores = () =>
      ['common', 'measurable', 'risk', 'pain'].map((k) => sheetColumn(env, 'Scores', k)[commsRow()]);
    const outsider = { user: 'consumer@gmail.com', activeUserEmail: '' };
    const sheets = () => JSON.stringify([env.state.spreadsheet, env.state.properties.document]);
    const before = sheets();
    for (const typed of [comms, 'Jo Park', 'jo park ']) {
      const refused = env.run(
        (gas) => saveScore(gas, scoreInput('WF-001', [3, 3, 3, 3], { scorerName: typed })),
        outsider,
      );
      expect(refused.ok).toBe(false);
    }
    expect(sheets() === before).toBe(true);
    expect(commsScores()).toEqual([2, 3, 4, 5]);

    ok(
      env.run((gas) => saveScore(gas, scoreInput('WF-001', [3, 3, 3, 3], { scorerName: 'Dana' })), outsider),
    );
    const secondOutsider = { user: 'other@gmail.com', activeUserEmail: '' };
    const taken = env.run(
      (gas) => saveScore(gas, scoreInput('WF-001', [1, 1, 1, 1], { scorerName: 'DANA' })),
      secondOutsider,
    );
    expect(taken).toEqual({
      ok: false,
      errors: [
        {
          field: 'scorerName',
          message: expect.stringContaining('Someone already scores as “DANA”') as unknown,
        },
      ],
    });
    expect(commsScores()).toEqual([2, 3, 4, 5]);
    expect(sheetColumn(env, 'Scores', 'scorer')).toContain('Dana (name given, not verified)');
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getDisplayValues());
    expect(log.flat().filter((v) => v.startsWith('Dana'))).toEqual(['Dana (name given, not verified)']);
  });

  it('uses the weights in Settings, and reports an invalid one', () => {
    const env = workspace();
    score(env, ana, 'WF-001', [5, 4, 4, 4]);
    const settingsRow = (id: string) =>
      2 + tableTemplate('Settings').defaultRows.findIndex((r) => r.values['id'] === id);
    setCell(env, 'Settings', settingsRow('weight.risk'), 'value', '2');
    setCell(env, 'Settings', settingsRow('weight.pain'), 'value', 'lots');
    const board = env.run((gas) => workflowBoard(gas));
    expect(board.workflows.find((w) => w.id === 'WF-001')?.total).toBe(16.8);
    expect(board.problems.map((p) => p.message)).toEqual([
      `Settings row ${settingsRow('weight.pain')}: the weight for Painful enough must be a number above 0 and at most 100 (found “lots”); 1 is used until it is fixed.`,
    ]);
  });

  it('gives a workflow typed in by hand an ID with the next save', () => {
    const env = workspace();
    setCell(env, 'Workflows', 6, 'name', 'Bus route questions');
    expect(
      env.run((gas) => workflowBoard(gas)).workflows.find((w) => w.name === 'Bus route questions')?.id,
    ).toBeNull();
    score(env, ana, 'WF-001', [3, 3, 3, 3]);
    expect(sheetColumn(env, 'Workflows', 'id')).toEqual(['WF-001', 'WF-002', 'WF-003', 'WF-004', 'WF-005']);
  });
});

describe('selecting the one workflow', () => {
  let built: FakeEnvironment | null = null;
  function scored(): FakeEnvironment {
    if (!built) {
      built = workspace();
      for (const who of [ana, ben]) {
        score(built, who, 'WF-001', [5, 4, 4, 4]);
        score(built, who, 'WF-002', [4, 4, 2, 4]);
        score(built, who, 'WF-003', [3, 3, 4, 3]);
      }
    }
    return cloneWorld(built);
  }
  const select = (env: FakeEnvironment, workflowId: string, reason = '', confirmReplace = false) =>
    env.run((gas) => selectWorkflow(gas, { workflowId, reason, confirmReplace }), { user: ana });

  it.each<[string, (env: FakeEnvironment) => void, string]>([
    [
      'a Red-tier (student records) workflow',
      (env) => setCell(env, 'Workflows', 2, 'dataTier', 'Red'),
      '“FAQ drafting from approved materials” cannot be selected. Not eligible: its data tier is Red (student education records), which a first pilot may not use',
    ],
    [
      'a student-facing workflow',
      (env) => setCell(env, 'Workflows', 2, 'studentFacing', true),
      '“FAQ drafting from approved materials” cannot be selected. Not eligible: it is student-facing, which a first pilot may not be',
    ],
    [
      'a workflow only one person has scored',
      (env) => {
        const scores = env.run((gas) => sheetNamed(gas, 'Scores').getDataRange().getValues());
        const row = scores.findIndex((r) => r[1] === 'WF-001' && r[3] === ben);
        env.run((gas) => sheetNamed(gas, 'Scores').deleteRow(row + 1));
      },
      '“FAQ drafting from approved materials” cannot be selected. Needs a second scorer: 1 person has scored it',
    ],
  ])('refuses %s for a first pilot, naming the reason, and changes nothing', (_case, arrange, message) => {
    const env = scored();
    arrange(env);
    const before = worldSnapshot(env);
    const result = select(env, 'WF-001');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(message);
    expectUnchanged(env, before);
  });

  it('allows a student-facing workflow once an earlier pilot has a recorded decision', () => {
    const env = scored();
    setCell(env, 'Workflows', 2, 'studentFacing', true);
    setCell(env, 'Pilot', 2, 'workflowId', 'WF-003');
    setCell(env, 'Pilot', 2, 'decision', 'Scale');
    ok(select(env, 'WF-001'));
  });

  it('selects an eligible workflow and logs it', () => {
    const env = scored();
    const board = ok(select(env, 'WF-001'));
    expect(board.workflows.filter((w) => w.selected).map((w) => w.id)).toEqual(['WF-001']);
    expect(sheetColumn(env, 'Workflows', 'selected')).toEqual([true, false, false, false]);
    expect(sheetColumn(env, 'Log', 'action').slice(-2)).toEqual([
      'Selected workflow',
      'Generated checklist rows',
    ]);
  });

  it.each([
    [
      'WF-002',
      "“Summaries of recurring inbound questions” cannot be selected. Not eligible: the team's risk score is 2 (it must be above 2 to review safely).",
    ],
    ['WF-004', '“Internal knowledge organisation and retrieval” cannot be selected. No scores yet.'],
  ])('refuses %s, which is not eligible, changing nothing', (id, message) => {
    const env = scored();
    const before = worldSnapshot(env);
    expect(select(env, id)).toEqual({ ok: false, errors: [{ field: 'workflowId', message }] });
    expectUnchanged(env, before);
  });

  it('replaces a selection only when confirmed with a reason, and logs both', () => {
    const env = scored();
    ok(select(env, 'WF-001'));
    const before = worldSnapshot(env);
    for (const [reason, confirm] of [
      ['', true],
      ['Cabinet asked for it', false],
    ] as const) {
      const refused = select(env, 'WF-003', reason, confirm);
      expect(refused.ok).toBe(false);
      expectUnchanged(env, before);
    }
    ok(select(env, 'WF-003', 'Cabinet prefers the newsletter pilot', true));
    expect(sheetColumn(env, 'Workflows', 'selected')).toEqual([false, false, true, false]);
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    const last = log.find((row) => row[3] === 'Replaced the selected workflow') ?? [];
    expect(last.slice(3, 8)).toEqual([
      'Replaced the selected workflow',
      'WF-003',
      'WF-001 FAQ drafting from approved materials',
      'WF-003 Newsletter drafting with staff review',
      'Cabinet prefers the newsletter pilot',
    ]);
  });

  it('warns when the selected workflow has since become ineligible', () => {
    const env = scored();
    ok(select(env, 'WF-001'));
    const board = ok(score(env, ben, 'WF-001', [5, 4, 4, 4], { redFlags: ['flagNoReview'] }));
    expect(board.workflows.find((w) => w.id === 'WF-001')).toMatchObject({
      selected: true,
      eligibility: 'not-eligible',
    });
    expect(board.problems.map((p) => p.message)).toEqual([
      '“FAQ drafting from approved materials” is selected but is no longer eligible. Not eligible: red flag raised by 1 scorer (output would be sent without a person reviewing it). Choose another workflow, or revisit its scores.',
    ]);
  });

  it('keeps the Log chain intact across actions', () => {
    const env = scored();
    ok(select(env, 'WF-001'));
    const secret = env.state.properties.document['aiplan.secret'] ?? '';
    const sign = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
    const rows = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues()).slice(1);
    const entries = rows.map((r, i) => ({
      row: i + 2,
      entry: {
        id: r[0],
        time: r[1],
        who: r[2],
        action: r[3],
        subject: r[4],
        before: r[5],
        after: r[6],
        note: r[7],
        hash: r[8],
      } as LogEntry,
    }));
    expect(entries.length).toBe(8);
    expect(
      verifyChain(
        entries,
        JSON.parse(env.state.properties.document['aiplan.logHead'] ?? 'null') as never,
        sign,
      ),
    ).toMatchObject({ ok: true, entries: 8 });
  });
});

describe('service calls', () => {
  function workspaceWith(count: number): FakeEnvironment {
    const env = workspace();
    addScoredWorkflows(env, count);
    score(env, ana, 'WF-001', [4, 4, 4, 4]);
    score(env, ben, 'WF-001', [4, 4, 4, 4]);
    env.run((gas) => selectWorkflow(gas, { workflowId: 'WF-001', reason: '', confirmReplace: false }));
    return env;
  }

  it('are the same for every sidebar action at 10 and 1,000 workflows', () => {
    const counts = (count: number) => {
      const env = workspaceWith(count);
      const measure = (action: () => unknown) => {
        env.calls.reset();
        action();
        return env.calls.byMethod();
      };
      return {
        open: measure(() => env.run((gas) => workflowBoard(gas))),
        score: measure(() => score(env, ben, 'WF-001', [3, 4, 4, 4])),
        edit: measure(() =>
          env.run((gas) => saveWorkflow(gas, workflowInput('FAQ drafting', { id: 'WF-001' }))),
        ),
        select: measure(() =>
          env.run((gas) =>
            selectWorkflow(gas, { workflowId: 'WF-0010', reason: 'Better fit', confirmReplace: true }),
          ),
        ),
      };
    };
    expect(counts(1000)).toEqual(counts(10));
  });
});
