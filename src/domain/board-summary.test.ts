import { describe, expect, it } from '@jest/globals';
import { boardSummary, fitsOnePage, type BoardContext } from './board-summary';
import { dashboardBlock } from './dashboard-view';
import { humanDate } from './human-date';
import {
  cueOf,
  mergeParts,
  missingParts,
  stageOf,
  type LeaderParts,
  type MetricFigure,
  type SelectedWorkflow,
} from './leader-parts';

const ctx: BoardContext = { readership: 'en+es', locale: 'en_US', now: '2026-12-06 09:30', versions: {} };

const figure = (over: Partial<MetricFigure>): MetricFigure => ({
  name: 'Response time (business hours)',
  better: 'lower',
  target: 'At least 25% lower than baseline',
  needsBaseline: true,
  baseline: 26,
  pilot: 11,
  change: -57.7,
  targetMet: true,
  baselinePeriods: 4,
  pilotPeriods: 4,
  baselineItems: 150,
  pilotItems: 142,
  ...over,
});

const faq: SelectedWorkflow = {
  id: 'WF-001',
  name: 'FAQ drafting',
  total: 17,
  band: 'Strong',
  reason: '',
  dataTier: 'Green',
  familyFacing: true,
  studentFacing: false,
  kind: 'FAQ drafting',
  scorers: 3,
};
const running: Required<LeaderParts> = {
  workflows: {
    candidates: 4,
    selected: faq,
    ranking: [{ name: 'FAQ drafting', total: 17, scorers: 3 }],
    ranked: 1,
  },
  governance: { workflowId: 'WF-001', planVersion: 'v-aaaaaaaaaaaa', complete: 23, gating: 23, ready: true },
  approvals: {
    workflowId: 'WF-001',
    planVersion: 'v-aaaaaaaaaaaa',
    state: 'approved',
    steps: [
      {
        number: 1,
        name: 'Privacy',
        complete: true,
        approvers: [
          { role: 'Privacy officer', status: 'Approved', requested: true, decided: '2026-12-06 10:00' },
        ],
      },
    ],
  },
  pilot: {
    workflowId: 'WF-001',
    state: 'Running',
    pilotStart: '2026-11-30',
    pilotEnd: '2027-01-22',
    reviewRule: 'A person reads every draft.',
    dataRule: 'Public pages only.',
    communication: '',
    decision: '',
    rationale: '',
    planVersion: 'v-aaaaaaaaaaaa',
    planMissing: 0,
  },
  metrics: {
    workflowId: 'WF-001',
    pilotState: 'Running',
    metrics: [figure({})],
    stopReasons: [],
    trends: [],
  },
  incidents: { counts: { 'WF-001': 2, 'WF-002': 5 } },
};
const book = { 'WF-001': ['v-000000000000', 'v-aaaaaaaaaaaa'] };
const text = (parts: LeaderParts, c: BoardContext = ctx) => boardSummary(parts, c).rows.flat().join('\n');

describe('the Board summary, from plain records', () => {
  it('says what improved in one sentence with its n, and the plan version people read', () => {
    const all = text(running, { ...ctx, versions: book });
    expect(all).toContain(
      'Response time (business hours) fell from 26 to 11 over 142 items. 1 of 1 targets met.',
    );
    expect(all).toContain('Plan version 2, approved Dec 6, 2026.');
    expect(all).toContain('Versión del plan 2, aprobada el 6 dic 2026.');
    expect(all).toContain('Families informed: not recorded yet, and this workflow reaches families.');
    expect(all).not.toMatch(/v-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}/);
  });

  it('writes one language when the workspace uses one, with its own dates and decimal comma', () => {
    const spanish = boardSummary(
      { ...running, metrics: { ...running.metrics, metrics: [figure({ pilot: 11.5 })] } },
      { ...ctx, readership: 'es', locale: 'es_MX' },
    );
    expect(spanish.widths).toHaveLength(2);
    const all = spanish.rows.flat().join('\n');
    expect(all).toContain('bajó de 26 a 11,5 en 142 elementos');
    expect(all).not.toContain('fell from');
    expect(humanDate('2026-12-06', 'en', 'en_GB')).toBe('6 Dec 2026');
  });

  it('knows which way is better, and says "not enough data" below the minimum', () => {
    expect(cueOf(figure({}))).toBe('better');
    expect(cueOf(figure({ better: 'higher' }))).toBe('worse');
    expect(cueOf(figure({ pilotPeriods: 1 }))).toBe('unknown');
    expect(cueOf(figure({ baseline: null, needsBaseline: false }))).toBe('noBaseline');
    const thin = text({
      ...running,
      metrics: { ...running.metrics, metrics: [figure({ baselinePeriods: 1 })] },
    });
    expect(thin).toContain('Not enough data yet: each measure needs at least 2 measured periods');
    expect(thin).toContain(
      'Response time (business hours): not enough data (n = 142 items in the pilot, 150 items before;',
    );
  });

  it('summarises a long list of targets and long words to stay on one page', () => {
    const many = Array.from({ length: 9 }, (_, i) => figure({ name: `Measure ${i}` }));
    const long = 'Every draft is read by a person before it goes out. '.repeat(30);
    const parts = {
      ...running,
      pilot: { ...running.pilot, reviewRule: long, communication: long, dataRule: long },
      metrics: { ...running.metrics, metrics: many },
    };
    const summary = boardSummary(parts, ctx);
    expect(summary.rows.flat().join('\n')).toMatch(/\d more measures are on the Dashboard\./);
    expect(summary.rows.flat().join('\n')).toContain('…');
    expect(fitsOnePage(summary, 'Letter')).toBe(true);
    expect(fitsOnePage(summary, 'A4')).toBe(true);
  });
});

describe('the risks the Board summary reports', () => {
  const risks = (parts: LeaderParts) =>
    text(parts)
      .split('\n')
      .filter((l) => /Incidents recorded|Errors that|error count/.test(l));
  const escaped = figure({ name: 'Escaped errors (Harmful)', pilot: 1, pilotPeriods: 3 });

  it('counts the Incidents sheet’s rows for the selected workflow only, with the errors that reached people', () => {
    const parts = { ...running, metrics: { ...running.metrics, metrics: [figure({}), escaped] } };
    expect(risks(parts)).toEqual([
      'Incidents recorded for this workflow: 2.',
      'Errors that reached families or staff during the pilot: 1. n = 3 measured periods.',
    ]);
  });

  it('adds the retired Incidents measure, and says when no period has counted errors yet', () => {
    const legacy = figure({ name: 'Incidents', pilot: 1, pilotPeriods: 1 });
    const unmeasured = { ...escaped, pilot: null, pilotPeriods: 0 };
    const parts = { ...running, metrics: { ...running.metrics, metrics: [legacy, unmeasured] } };
    expect(risks(parts)).toEqual([
      'Incidents recorded for this workflow: 3.',
      'No pilot period has an error count yet, so errors that reached people cannot be reported.',
    ]);
  });

  it('reads no incident for a workflow the sheet does not name', () => {
    expect(risks({ ...running, incidents: { counts: {} } })[0]).toBe(
      'Incidents recorded for this workflow: 0.',
    );
  });
});

describe('the parts the leader view is made of', () => {
  it('drops parts about another workflow, and asks for what a new selection needs', () => {
    const other = { ...running.workflows, selected: { ...faq, id: 'WF-002' } };
    const merged = mergeParts(running, { workflows: other });
    expect(merged.governance).toBeUndefined();
    expect(missingParts(merged)).toEqual(['governance', 'approvals', 'pilot', 'metrics']);
    expect(stageOf(running)).toBe('running');
  });

  it('re-reads approvals given to an older plan version, and pauses with the measurement that stops it', () => {
    const changed = mergeParts(running, {
      governance: { ...running.governance, planVersion: 'v-bbbbbbbbbbbb' },
    });
    expect(missingParts(changed)).toEqual(['approvals']);
    const paused = mergeParts(running, { metrics: { ...running.metrics, pilotState: 'Paused' } });
    expect(stageOf(paused)).toBe('paused');
  });

  it('puts the results chart first and the ranking last, one unit each', () => {
    const { charts } = dashboardBlock(running, ctx);
    expect(charts.map((c) => [c.type, c.vAxis])).toEqual([
      ['COLUMN', '%'],
      ['LINE', 'minutes'],
      ['LINE', '% agreeing'],
      ['PIE', ''],
      ['BAR', ''],
    ]);
  });
});
