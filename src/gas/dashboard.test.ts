import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import { checkReplies, district, readyWorkspace, reply } from '../../test/support/approvals';
import { addMeasurementRows, sheetNamed } from '../../test/support/workspace';
import { DASHBOARD_FIRST_ROW } from '../domain/dashboard-view';
import { sendApprovalRequests } from './approvals';
import { refreshDashboard } from './dashboard';
import { saveMeasurement } from './metrics';
import { recordDecision, savePilotPlan, startPilot } from './pilot';
import { setUpWorkspace } from './set-up';
import { saveWorkflow } from './workflow-board';

/** The leader view as a viewer reads it: label in column A → what column B (and on) shows. */
function leaderView(env: FakeEnvironment): Map<string, string[]> {
  env.run((gas) => refreshDashboard(gas, env.now()));
  const rows = env.run((gas) =>
    sheetNamed(gas, 'Dashboard').getRange(DASHBOARD_FIRST_ROW, 1, 80, 6).getDisplayValues(),
  );
  return new Map(rows.filter((r) => r[0] !== '').map((r) => [r[0] ?? '', r.slice(1)]));
}
const value = (view: Map<string, string[]>, label: string) => view.get(label)?.[0];
const emailOf = (role: string) => district[role]?.[1] ?? '';

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
  dataRule: 'Green only',
  reviewRule: 'Lead reviews every draft',
  humanOnly: '',
  escalation: 'Jo Park',
  stopRule: 'Any incident',
  communication: '',
  feedback: '',
};

describe('the Dashboard, phase by phase, for a viewer without the add-on', () => {
  it('tells the story from an empty plan to a recorded decision', () => {
    const env = new FakeEnvironment();
    env.run((gas) => setUpWorkspace(gas));
    let view = leaderView(env);
    expect(value(view, 'Where the plan stands')).toBe('Phase 1 of 5: Identify one workflow');
    expect(value(view, 'The chosen workflow')).toBe('None selected yet');
    expect(view.get('Leader view (kept current by the add-on)')?.[0]).toMatch(
      /^Last refreshed \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );

    const governed = readyWorkspace();
    view = leaderView(governed);
    expect(value(view, 'The chosen workflow')).toBe('FAQ drafting from approved materials');
    expect(value(view, 'Why it was chosen')).toContain('17 of 20 (Strong)');
    expect(value(view, 'Ready for approval')).toBe('Yes');
    expect(value(view, 'Required items open')).toBe('0');
    expect(value(view, 'Candidate workflows, ranked')).toBe('Team score (of 20)');
    expect(view.get('FAQ drafting from approved materials')?.[0]).toBe('17');

    governed.run((gas) => savePilotPlan(gas, plan));
    governed.run((gas) => sendApprovalRequests(gas));
    reply(governed, emailOf('technology'), 'APPROVE');
    reply(governed, emailOf('privacy'), 'APPROVE');
    checkReplies(governed);
    view = leaderView(governed);
    expect(value(view, 'Step 1: Technology and privacy review')).toBe('Approved');
    expect(view.get('Step 1: Technology and privacy review')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(value(view, 'Step 5: Final approval')).toBe('Executive sponsor: Sent');

    reply(governed, emailOf('sponsor'), 'APPROVE');
    checkReplies(governed);
    governed.run((gas) => startPilot(gas));
    governed.run((gas) =>
      saveMeasurement(gas, {
        metric: 'Time per item (minutes)',
        window: 'Baseline',
        periodStart: '2026-11-02',
        periodEnd: '2026-11-06',
        value: 30,
        items: 40,
        note: '',
      }),
    );
    governed.run((gas) =>
      saveMeasurement(gas, {
        metric: 'Time per item (minutes)',
        window: 'Pilot',
        periodStart: '2026-12-07',
        periodEnd: '2026-12-11',
        value: 18,
        items: 41,
        note: '',
      }),
    );
    view = leaderView(governed);
    expect(value(view, 'Where the plan stands')).toBe('Phase 3 of 5: Pilot with staff review');
    expect(value(view, 'Pilot')).toBe('Running (2026-11-30 to 2027-01-22)');
    expect(view.get('Time per item (minutes)')).toEqual([
      '30',
      '18',
      '-40',
      'At least 30% lower than baseline',
      'Met',
    ]);

    governed.run((gas) =>
      saveMeasurement(gas, {
        metric: 'Incidents',
        window: 'Pilot',
        periodStart: '2026-12-07',
        periodEnd: '2026-12-11',
        value: 1,
        items: null,
        note: '',
      }),
    );
    view = leaderView(governed);
    expect(value(view, 'Pilot')).toContain('Paused');
    expect(value(view, 'Stop rule')).toContain('1 incident in the pilot period 2026-12-07 to 2026-12-11');

    governed.run(
      (gas) =>
        recordDecision(gas, {
          decision: 'Revise',
          rationale: '=IMPORTXML("x") One incident; revise the review rule.',
        }),
      { user: district['sponsor']?.[1] ?? '' },
    );
    view = leaderView(governed);
    expect(value(view, 'Where the plan stands')).toBe('Phase 5 of 5: Decide and expand');
    expect(value(view, 'Decision')).toBe('Revise');
    expect(value(view, 'Evidence')).toBe('=IMPORTXML("x") One incident; revise the review rule.');
    expect(
      governed.run((gas) =>
        sheetNamed(gas, 'Dashboard')
          .getRange(DASHBOARD_FIRST_ROW, 1, 80, 6)
          .getFormulas()
          .flat()
          .filter(Boolean),
      ),
    ).toEqual([]);
  });

  it('draws four native charts over the leader view once, which then follow every refresh', () => {
    const env = readyWorkspace();
    env.run((gas) => refreshDashboard(gas, env.now()));
    env.run((gas) => refreshDashboard(gas, env.now()));
    const dashboard = env.state.spreadsheet.sheets.find((s) => s.name === 'Dashboard');
    expect(dashboard?.charts.map((c) => [c.chartType, c.options['title']])).toEqual([
      ['BAR', 'Candidate workflows by team score'],
      ['COLUMN', 'Baseline and pilot, per metric'],
      ['LINE', 'Weekly trend during the pilot'],
      ['PIE', 'Governance checklist: required items'],
    ]);
    const bar = dashboard?.charts[0]?.ranges[0];
    const labels = env.run((gas) =>
      sheetNamed(gas, 'Dashboard')
        .getRange(bar?.row ?? 1, 1, 2, 2)
        .getValues(),
    );
    expect(labels).toEqual([
      ['Candidate workflows, ranked', 'Team score (of 20)'],
      ['FAQ drafting from approved materials', 17],
    ]);
  });

  it('keeps a workflow name that looks like a formula as text', () => {
    const env = readyWorkspace();
    const name = '=HYPERLINK("http://evil.example.com","click")';
    const edit = {
      id: 'WF-001',
      name,
      description: '',
      team: '',
      timeLost: '',
      fragmented: '',
      frequentSafe: '',
      dataTier: 'Green',
    };
    const flags = {
      familyFacing: true,
      studentFacing: false,
      nonEnglish: false,
      newVendor: false,
      dutiesChange: false,
    };
    expect(env.run((gas) => saveWorkflow(gas, { ...edit, flags })).ok).toBe(true);
    const view = leaderView(env);
    expect(value(view, 'The chosen workflow')).toBe('=HYPERLINK("http://evil.example.com","click")');
  });
});

describe('service calls', () => {
  it('of a Dashboard refresh are the same at 10 and 1,000 measurement rows', () => {
    const counts = (rows: number) => {
      const env = readyWorkspace();
      addMeasurementRows(env, 'WF-001', rows);
      env.run((gas) => refreshDashboard(gas, env.now()));
      env.calls.reset();
      env.run((gas) => refreshDashboard(gas, env.now()));
      return env.calls.byMethod();
    };
    expect(counts(1000)).toEqual(counts(10));
  });
});
