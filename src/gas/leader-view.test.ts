import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import {
  district,
  readyWorkspace,
  reply,
  requester,
  SECOND_SCORER,
  selectedWorkspace,
} from '../../test/support/approvals';
import { addMeasurementRows, addScoredWorkflows, sheetNamed } from '../../test/support/workspace';
import { cloneWorld } from '../../test/support/world';
import { BOARD_ROWS, fitsOnePage, type BoardSummary } from '../domain/board-summary';
import { DASHBOARD_FIRST_ROW, DASHBOARD_ROWS, DASHBOARD_WIDTH } from '../domain/dashboard-view';
import { metricNames, metricsFor, workflowKinds } from '../domain/metric-definitions';
import { boardMessages } from '../domain/messages/board-messages';
import * as actions from './actions';
import { saveMeasurement as saveMeasurementOnly } from './metrics';
import { saveScore as saveScoreOnly } from './workflow-board';
import { governanceBoard, updateChecklistItem as updateChecklistOnly } from './governance';
import { currentSummary } from './leader-view';
import { todayIs } from '../../test/support/today';

const emailOf = (role: string) => district[role]?.[1] ?? '';

/** The Board summary as a board member reads it: every non-empty cell, row by row. */
function boardText(env: FakeEnvironment): string[] {
  const rows = env.run((gas) =>
    sheetNamed(gas, 'Board summary').getRange(1, 1, BOARD_ROWS, 3).getDisplayValues(),
  );
  return rows.map((r) => r.filter(Boolean).join(' | ')).filter(Boolean);
}

/** The Dashboard's leader view: label in column A → the other columns. */
function dashboard(env: FakeEnvironment): Map<string, string[]> {
  const rows = env.run((gas) =>
    sheetNamed(gas, 'Dashboard')
      .getRange(DASHBOARD_FIRST_ROW, 1, DASHBOARD_ROWS, DASHBOARD_WIDTH)
      .getDisplayValues(),
  );
  const view = new Map<string, string[]>();
  // The first row of a label: the chart tables below repeat the measures' names.
  for (const r of rows) if (r[0] !== '' && !view.has(r[0] ?? '')) view.set(r[0] ?? '', r.slice(1));
  return view;
}

/** What a person reads in both sheets, for the checks that hold in every phase. */
function readable(env: FakeEnvironment): string {
  return [...boardText(env), ...[...dashboard(env)].map(([k, v]) => [k, ...v].join(' '))].join('\n');
}

/** No plan-version hash, no ISO date; every measured figure with its n. */
function expectReadable(env: FakeEnvironment): void {
  const text = readable(env);
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text).not.toMatch(/\bv-[0-9a-f]{6,}|\b[0-9a-f]{12,}\b/);
  for (const line of boardText(env).filter((l) => /→|fell from|rose from|bajó de|subió de/.test(l)))
    expect(line).toMatch(/n = |over [\d,.]+ (items|measured periods)/);
  // On the Dashboard, every baseline and pilot figure has its n in the column beside it.
  const view = dashboard(env);
  const listed = metricNames.filter((name) => view.has(boardMessages[`metric.${name}`].en));
  // The measures of one kind of workflow at least (a plan lists its kind's, not all 16).
  expect(listed.length).toBeGreaterThanOrEqual(Math.min(...workflowKinds.map((k) => k.metrics.length)));
  for (const name of listed) {
    const shown = boardMessages[`metric.${name}`].en;
    const [baseline = '', baselineN = '', pilot = '', pilotN = ''] = view.get(shown) ?? [];
    const n = /^[\d,.]+ (items?|measured periods?)$/;
    if (baseline !== '') expect({ name, baselineN }).toEqual({ name, baselineN: expect.stringMatching(n) });
    if (pilot !== '') expect({ name, pilotN }).toEqual({ name, pilotN: expect.stringMatching(n) });
  }
}

const status = (env: FakeEnvironment) => boardText(env).find((l) => l.startsWith('Status / Estado')) ?? '';
/** A section of the Board summary: its label's row and the rows below it, up to the next label. */
function line(env: FakeEnvironment, start: string): string {
  const rows = env.run((gas) =>
    sheetNamed(gas, 'Board summary').getRange(1, 1, BOARD_ROWS, 3).getDisplayValues(),
  );
  const at = rows.findIndex((r) => (r[0] ?? '').startsWith(start));
  if (at < 0) return '';
  const end = rows.findIndex((r, i) => i > at && (r[0] !== '' || r.every((c) => c === '')));
  return rows
    .slice(at, end < 0 ? undefined : end)
    .map((r) => r.filter(Boolean).join(' | '))
    .join('\n');
}

const plan = {
  question: 'Does it cut response time?',
  decisionInformed: '',
  team: 'Communications office',
  inScope: '',
  outOfScope: '',
  baselineStart: '2026-11-02',
  baselineEnd: '2026-11-27',
  pilotStart: '2026-11-30',
  pilotEnd: '2027-01-22',
  checkInDay: 'Friday',
  tool: 'District assistant',
  agreement: '',
  sources: 'FAQ pages',
  dataRule: 'Only public FAQ pages go into the tool.',
  reviewRule: 'The communications lead reviews every draft before it is sent.',
  humanOnly: '',
  escalation: 'Jo Park',
  stopRule: 'Any incident',
  communication: 'The November family newsletter said how drafts are written and reviewed.',
  feedback: '',
};

const measure = (
  env: FakeEnvironment,
  metric: string,
  window: string,
  start: string,
  value: number,
  items: number | null,
) =>
  env.run((gas) =>
    actions.saveMeasurement(gas, {
      metric,
      window,
      periodStart: start,
      periodEnd: start.replace(/-(\d{2})$/, (_, d: string) => `-${String(Number(d) + 4).padStart(2, '0')}`),
      value,
      items,
      note: '',
    }),
  );

// The fixed dates below are in the past from here: no period may start after today.
todayIs('2026-12-20T12:00:00Z');

describe('the Board summary and the Dashboard, phase by phase', () => {
  it('tell the lifecycle as it stands, in English and Spanish, with no hash or ISO date', () => {
    // Empty: set up, nothing scored.
    const empty = new FakeEnvironment();
    empty.run((gas) => actions.setUp(gas));
    expect(status(empty)).toContain('Choosing one workflow: staff are scoring 4 candidates.');
    expect(status(empty)).toContain('el personal está puntuando 4 candidatos');
    expect(line(empty, 'Decision')).toContain('Not decided yet.');
    expect(line(empty, 'Plan')).toContain('No plan yet');
    expect(line(empty, 'What improved')).toContain('Nothing to report until the pilot has been measured.');
    expect(dashboard(empty).get('Status')?.[0]).toBe(
      'Choosing one workflow: staff are scoring 4 candidates.',
    );
    expectReadable(empty);

    // Selected: FAQ drafting chosen, checklist open.
    const selected = selectedWorkspace();
    selected.run((gas) =>
      actions.selectWorkflow(gas, { workflowId: 'WF-001', reason: '', confirmReplace: false }),
    );
    expect(status(selected)).toMatch(
      /“FAQ drafting from approved materials” is chosen\. Its governance checklist is under way: 0 of \d+ required items done\./,
    );
    expect(line(selected, 'Risks')).toMatch(/\d+ required checklist items are still open\./);
    expect(line(selected, 'What happens next')).toContain(
      'Finish the governance checklist and the pilot plan, then request approvals.',
    );
    expectReadable(selected);

    // Governed: every required item done, the plan numbered for people.
    const env = readyWorkspace();
    env.run((gas) => actions.savePilotPlan(gas, plan));
    expect(status(env)).toMatch(
      /is ready for approval: all \d+ required checklist items are done and the pilot plan is written\./,
    );
    expect(line(env, 'Plan')).toContain(
      'Plan version 1 is being prepared; it has not been sent for approval yet.',
    );
    expect(line(env, 'Plan')).toContain('Se está preparando la versión del plan 1');
    expect(dashboard(env).get('Ready for approval')?.[0]).toBe('Yes');
    expectReadable(env);

    // Approvals: step 1 sent and answered.
    env.run((gas) => actions.sendApprovalRequests(gas), { user: requester });
    reply(env, emailOf('technology'), 'APPROVE');
    reply(env, emailOf('privacy'), 'APPROVE');
    env.run((gas) => actions.checkRepliesNow(gas), { user: requester });
    expect(status(env)).toMatch(/is waiting for approval: \d+ of \d+ approvals received\./);
    expect(dashboard(env).get('Step 1: Technology and privacy review')?.slice(0, 2)).toEqual([
      'Approved',
      expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/),
    ]);
    expectReadable(env);

    reply(env, emailOf('sponsor'), 'APPROVE');
    env.run((gas) => actions.checkRepliesNow(gas), { user: requester });
    const approvedLine = line(env, 'Plan');
    expect(approvedLine).toMatch(/Plan version 1, approved [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    expect(line(env, 'Safeguards')).toContain(
      'Data: green (public or directory data) tier. Only public FAQ pages go into the tool.',
    );
    expect(boardText(env).join('\n')).toMatch(
      /Approved by: .+\. Last approval [A-Z][a-z]{2} \d{1,2}, \d{4}\./,
    );
    expect(boardText(env).join('\n')).toContain(
      'Human review: The communications lead reviews every draft before it is sent.',
    );
    expect(boardText(env).join('\n')).toContain(
      'Families informed: The November family newsletter said how drafts are written and reviewed.',
    );

    // Running: measurements with their n.
    env.run((gas) => actions.startPilot(gas));
    expect(status(env)).toContain(
      'The pilot of “FAQ drafting from approved materials” is running, Nov 30, 2026 to Jan 22, 2027.',
    );
    expect(status(env)).toContain('del 30 nov 2026 al 22 ene 2027');
    measure(env, 'Time per item (minutes)', 'Baseline', '2026-11-02', 26, 70);
    expect(line(env, 'Targets')).toContain('Time per item (minutes): not enough data');
    measure(env, 'Time per item (minutes)', 'Baseline', '2026-11-09', 26, 72);
    measure(env, 'Time per item (minutes)', 'Pilot', '2026-12-07', 12, 70);
    measure(env, 'Time per item (minutes)', 'Pilot', '2026-12-14', 11, 72);
    expect(line(env, 'What improved')).toContain(
      'Time per item (minutes) fell from 26 to 11.5 over 142 items.',
    );
    expect(line(env, 'What improved')).toContain(
      'Tiempo por elemento (minutos) bajó de 26 a 11,5 en 142 elementos.',
    );
    const time = dashboard(env).get('Time per item (minutes)');
    expect(time).toEqual([
      '26',
      '142 items',
      '11.5',
      '142 items',
      '−55.8%',
      '▲ better',
      'at least 30% lower than the baseline',
      'not known yet',
    ]);
    expect(dashboard(env).get('Adoption (%)')?.slice(4, 6)).toEqual(['not enough data', 'not enough data']);
    expectReadable(env);

    // Paused: an incident trips the stop rule.
    measure(env, 'Incidents', 'Pilot', '2026-12-14', 1, null);
    expect(status(env)).toContain('is paused until the team reviews what happened.');
    expect(line(env, 'Risks')).toContain('Incidents recorded for this workflow: 1.');
    expect(line(env, 'What happens next')).toContain('The team reviews the incident');
    expectReadable(env);

    // Decided.
    env.run(
      (gas) =>
        actions.recordDecision(gas, {
          decision: 'Revise',
          rationale: '=IMPORTXML("x") One incident; revise the review rule.',
          scaleTier: '',
          scaleNewVendor: false,
        }),
      { user: emailOf('sponsor') },
    );
    expect(status(env)).toContain('has ended with a decision.');
    expect(line(env, 'Decision')).toContain(
      'Revise the plan. =IMPORTXML("x") One incident; revise the review rule.',
    );
    expect(line(env, 'What happens next')).toContain(
      'The plan is revised and approved again before any further use.',
    );
    expectReadable(env);
    const formulas = env.run((gas) => [
      ...sheetNamed(gas, 'Board summary').getRange(1, 1, BOARD_ROWS, 3).getFormulas().flat(),
      ...sheetNamed(gas, 'Dashboard')
        .getRange(DASHBOARD_FIRST_ROW, 1, DASHBOARD_ROWS, DASHBOARD_WIDTH)
        .getFormulas()
        .flat(),
    ]);
    expect(formulas.filter(Boolean)).toEqual([]);
  });

  it('numbers the versions sent for approval; a changed plan is the next one, not sent yet', () => {
    const env = readyWorkspace();
    env.run((gas) => actions.savePilotPlan(gas, plan));
    env.run((gas) => actions.sendApprovalRequests(gas), { user: requester });
    expect(line(env, 'Plan')).toContain('Plan version 1, not approved yet.');
    env.run((gas) => actions.savePilotPlan(gas, { ...plan, pilotEnd: '2027-02-05' }));
    expect(line(env, 'Plan')).toContain(
      'Plan version 2 is being prepared; it has not been sent for approval yet.',
    );
    expect(line(env, 'Safeguards')).not.toContain('Approved by');
  });
});

describe('the Dashboard charts', () => {
  it('are results first and the ranking last, one unit each, and rebuilt only when their layout changes', () => {
    const env = readyWorkspace();
    env.run((gas) => actions.savePilotPlan(gas, plan));
    const sheet = () => env.state.spreadsheet.sheets.find((s) => s.name === 'Dashboard');
    expect(sheet()?.charts.map((c) => [c.chartType, c.options['title'], c.options['vAxis.title']])).toEqual([
      ['COLUMN', 'Change from baseline (%), measures with enough data', '%'],
      ['LINE', 'Time per item (minutes), by week', 'minutes'],
      ['LINE', 'Staff trust (% agreeing), by week', '% agreeing'],
      ['PIE', 'Governance checklist: required items', ''],
      ['BAR', 'Candidate workflows by team score (of 20)', ''],
    ]);
    const ids = sheet()?.charts.map((c) => c.id);
    env.run((gas) => actions.savePilotPlan(gas, { ...plan, team: 'Front office' }));
    expect(sheet()?.charts.map((c) => c.id)).toEqual(ids);
    const bar = sheet()?.charts[4]?.ranges[0];
    expect(
      env.run((gas) =>
        sheetNamed(gas, 'Dashboard')
          .getRange(bar?.row ?? 1, 1, 2, 3)
          .getValues(),
      ),
    ).toEqual([
      ['Candidate workflows, ranked', 'Team score (of 20)', 'n (people who scored)'],
      ['FAQ drafting from approved materials', 17, 2],
    ]);
  });
});

describe('the Dashboard’s measures', () => {
  it('are the plan’s kind of workflow’s, each once, and the block keeps its size', () => {
    const env = readyWorkspace();
    env.run((gas) => actions.savePilotPlan(gas, plan));
    const view = dashboard(env);
    const listed = metricNames.filter((name) => view.has(boardMessages[`metric.${name}`].en));
    expect(listed).toEqual(metricsFor('FAQ drafting').map((d) => d.name));
    expect(listed).not.toContain('Summary accuracy (%)');
    expect(listed).not.toContain('Answer found (%)');
  });
});

describe('the Board summary page', () => {
  const sizes = [10, 1000];
  it.each(sizes)(
    'fits one page, Letter and A4, at the bench workspace with %i rows (a long ranking is summarised)',
    (rows) => {
      const env = readyWorkspace();
      addScoredWorkflows(env, rows);
      addMeasurementRows(env, 'WF-001', rows);
      env.run((gas) =>
        actions.savePilotPlan(gas, { ...plan, reviewRule: 'Every draft is read by a person. '.repeat(40) }),
      );
      const summary: BoardSummary = env.run((gas) => currentSummary(gas, env.now()));
      expect(fitsOnePage(summary, 'Letter')).toBe(true);
      expect(fitsOnePage(summary, 'A4')).toBe(true);
      expect(summary.rows.flat().join(' ')).toContain('…');
      // Two people score it: a workflow with one scorer waits for a second.
      for (const user of [env.owner, SECOND_SCORER])
        env.run(
          (gas) =>
            actions.saveScore(gas, {
              workflowId: 'WF-002',
              scores: { common: 3, measurable: 3, risk: 4, pain: 3 },
              redFlags: [],
              fitsDay: 'yes',
              note: '',
              scorerName: null,
            }),
          { user },
        );
      expect([...dashboard(env).keys()].some((k) => /^and \d+ more candidates$/.test(k))).toBe(true);
    },
  );
});

describe('service calls the leader view adds to the action that changes it', () => {
  /** One world per size, cloned for each measurement (building 1,000 rows is the slow part). */
  const worlds = new Map<number, FakeEnvironment>();
  function world(rows: number): FakeEnvironment {
    let base = worlds.get(rows);
    if (!base) {
      base = readyWorkspace();
      addScoredWorkflows(base, rows);
      addMeasurementRows(base, 'WF-001', rows);
      base.run((gas) => actions.savePilotPlan(gas, plan));
      worlds.set(rows, base);
    }
    return cloneWorld(base);
  }
  /** The action's calls with the leader view, less the same action's without it, at `rows` rows. */
  function added(rows: number, run: (env: FakeEnvironment, withView: boolean) => void): number {
    const measureOnce = (withView: boolean) => {
      const env = world(rows);
      env.calls.reset();
      run(env, withView);
      return env.calls.total();
    };
    return measureOnce(true) - measureOnce(false);
  }
  const score = {
    workflowId: 'WF-002',
    scores: { common: 4, measurable: 4, risk: 4, pain: 3 },
    redFlags: [],
    fitsDay: 'yes',
    note: '',
    scorerName: null,
  };
  const measurement = {
    metric: 'Adoption (%)',
    window: 'Pilot',
    periodStart: '2026-12-07',
    periodEnd: '2026-12-11',
    value: 80,
    items: 30,
    note: '',
  };

  it('are at most 12, and the same at 10 and 1,000 rows, for a score, a checklist change and a measurement', () => {
    const results = (rows: number) => ({
      score: added(rows, (env, view) =>
        env.run((gas) => (view ? actions.saveScore(gas, score) : saveScoreOnly(gas, score))),
      ),
      measurement: added(rows, (env, view) =>
        env.run((gas) =>
          view ? actions.saveMeasurement(gas, measurement) : saveMeasurementOnly(gas, measurement),
        ),
      ),
      checklist: added(rows, (env, view) => {
        const id = env.run((gas) => governanceBoard(gas)).rows[0]?.id ?? '';
        env.calls.reset();
        const input = { id, status: 'In progress', evidence: '', naReason: '', due: '', owner: '' };
        env.run((gas) => (view ? actions.updateChecklistItem(gas, input) : updateChecklistOnly(gas, input)));
      }),
    });
    const small = results(10);
    for (const [action, calls] of Object.entries(small))
      expect({ action, withinBudget: calls > 0 && calls <= 12 }).toEqual({ action, withinBudget: true });
    expect(results(1000)).toEqual(small);
  });
});

describe('a leader view cut off by a failing call', () => {
  it('never fails the change, and the next change writes it complete, whichever call fails', () => {
    const base = readyWorkspace();
    base.run((gas) => actions.savePilotPlan(gas, plan));
    const world = () => cloneWorld(base);
    const input = {
      metric: 'Adoption (%)',
      window: 'Pilot',
      periodStart: '2026-12-07',
      periodEnd: '2026-12-11',
      value: 80,
      items: 30,
      note: '',
    };
    const clean = world();
    const total = clean.faults.callsDuring(() => clean.run((gas) => actions.saveMeasurement(gas, input)));
    const score = {
      workflowId: 'WF-002',
      scores: { common: 4, measurable: 4, risk: 4, pain: 3 },
      redFlags: [],
      fitsDay: 'yes' as const,
      note: '',
      scorerName: null,
    };
    // The leader view's calls come last; a few of the action's own before them.
    for (let n = total - 14; n <= total; n += 1) {
      const env = world();
      env.faults.failCall(n);
      let result: { ok: boolean } | null = null;
      try {
        result = env.run((gas) => actions.saveMeasurement(gas, input));
      } catch {
        // The action itself was cut off; the next run completes what it wrote.
      }
      env.faults.clear();
      env.run((gas) => actions.saveScore(gas, score));
      const saved = env
        .run((gas) => sheetNamed(gas, 'Metrics').getDataRange().getValues())
        .some((r) => r.includes(80));
      expect({ n, shown: dashboard(env).get('Adoption (%)')?.[2] }).toEqual({ n, shown: saved ? '80' : '' });
      if (result !== null) expect({ n, ok: result.ok }).toEqual({ n, ok: true });
    }
  });
});
