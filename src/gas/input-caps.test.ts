import { describe, expect, it } from '@jest/globals';
import { selectedWorkspace } from '../../test/support/approvals';
import { pilotPlan } from '../../test/support/pilot';
import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import { inputCaps, quoted, type CappedCall } from '../domain/input-caps';
import type { PlannerApi } from '../shared/contract';
import type { AppsScript } from './apps-script';
import { resolveReview } from './approvals';
import { showChecklistRow, updateChecklistItem } from './governance';
import { shareWithLeaders } from './leader-share';
import { correctMeasurement, withdrawMeasurement } from './measurement-entries';
import { saveMeasurement } from './metrics';
import { recordIncident } from './incidents';
import { recordDecision, resumePilot, savePilotPlan } from './pilot';
import { UserError } from './user-error';
import { saveScore, saveWorkflow, selectWorkflow } from './workflow-board';
import { todayIs } from '../../test/support/today';

const flags = {
  familyFacing: false,
  studentFacing: false,
  nonEnglish: false,
  newVendor: false,
  dutiesChange: false,
};

/** The contract's calls that take an input. */
type WithInput = {
  [K in keyof PlannerApi]: Parameters<PlannerApi[K]> extends [] ? never : K;
}[keyof PlannerApi];
type Assert<T extends true> = T;
/** Compile-time: the caps table names exactly the calls that take input. */
export type CapsCoverTheContract = Assert<
  [Exclude<WithInput, CappedCall> | Exclude<CappedCall, WithInput>] extends [never] ? true : false
>;

/** Every sidebar call that takes input, with a valid input for it; the compiler keeps the list complete. */
const calls: Record<
  CappedCall,
  { input: Record<string, unknown>; run: (gas: AppsScript, input: unknown) => unknown }
> = {
  saveWorkflow: {
    input: {
      id: 'WF-001',
      name: 'FAQ drafting',
      description: 'Drafts answers',
      team: 'Communications',
      timeLost: 'Repeated questions',
      fragmented: 'Email and phone',
      frequentSafe: 'Yes',
      dataTier: 'Green',
      kind: 'FAQ drafting',
      flags,
    },
    run: saveWorkflow,
  },
  saveScore: {
    input: {
      workflowId: 'WF-001',
      scores: { common: 4, measurable: 4, risk: 4, pain: 4 },
      redFlags: [],
      fitsDay: 'yes',
      note: 'Fine',
      scorerName: 'Ana',
    },
    run: saveScore,
  },
  selectWorkflow: {
    input: { workflowId: 'WF-001', reason: 'Best fit', confirmReplace: true },
    run: selectWorkflow,
  },
  updateChecklistItem: {
    input: {
      id: 'GV-0001',
      status: 'Done',
      evidence: 'https://district.example.org/a',
      naReason: 'x',
      due: '2026-12-01',
      owner: 'Jo',
      verifiedBy: 'Jo',
    },
    run: updateChecklistItem,
  },
  showChecklistRow: {
    input: { id: 'GV-0001' },
    run: (gas, input) => showChecklistRow(gas, (input as { id: unknown }).id),
  },
  resolveReview: {
    input: { requestId: 'AP-12345678', decision: 'Approve', note: 'Phoned them' },
    run: resolveReview,
  },
  savePilotPlan: { input: { ...pilotPlan }, run: savePilotPlan },
  recordDecision: {
    input: {
      decision: 'Scale',
      rationale: 'It worked',
      scaleTier: 'Amber',
      scaleNewVendor: false,
      onBehalf: true,
      evidence: 'Email of 1 Dec',
    },
    run: recordDecision,
  },
  resumePilot: { input: { reason: 'Fixed', onBehalf: false, evidence: '' }, run: resumePilot },
  saveMeasurement: {
    input: {
      metric: 'Adoption (%)',
      window: 'Pilot',
      periodStart: '2026-12-07',
      periodEnd: '2026-12-11',
      value: 80,
      items: 3,
      note: 'x',
      language: 'Spanish',
      school: 'North',
    },
    run: saveMeasurement,
  },
  correctMeasurement: {
    input: {
      id: 'MS-0001',
      metric: 'Adoption (%)',
      window: 'Pilot',
      periodStart: '2026-12-07',
      periodEnd: '2026-12-11',
      value: 80,
      items: 3,
      note: 'x',
      language: 'Spanish',
      school: 'North',
    },
    run: correctMeasurement,
  },
  withdrawMeasurement: { input: { id: 'MS-0001', reason: 'Twice' }, run: withdrawMeasurement },
  recordIncident: {
    input: { what: 'A name in a prompt', found: '2026-12-01', severity: 'Material', dataInvolved: 'Amber' },
    run: recordIncident,
  },
  shareWithLeaders: {
    input: { addresses: 'board@district.example.org', access: 'summary', note: 'Hi' },
    run: shareWithLeaders,
  },
};

const megabyte = 'x'.repeat(1024 * 1024);

// The fixed dates below are in the past from here: no period may start after today.
todayIs('2026-12-20T12:00:00Z');
describe('text inputs', () => {
  it('each has a cap in the one table', () => {
    for (const [call, { input }] of Object.entries(calls)) {
      const texts = Object.keys(input).filter((key) => typeof input[key] === 'string');
      expect({ call, uncapped: texts.filter((key) => !(key in inputCaps[call as CappedCall])) }).toEqual({
        call,
        uncapped: [],
      });
    }
  });

  it('refuses 1 MB in any text field of any call with a short message, and changes nothing', () => {
    const env = selectedWorkspace();
    const before = worldSnapshot(env);
    let fields = 0;
    for (const [call, { input, run }] of Object.entries(calls)) {
      for (const field of Object.keys(inputCaps[call as CappedCall])) {
        let answer: string;
        try {
          answer = JSON.stringify(env.run((gas) => run(gas, { ...input, [field]: megabyte })));
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          answer = error.message;
        }
        expect({
          call,
          field,
          refused: /"ok":false|could not be read/.test(answer),
          short: answer.length < 300,
        }).toEqual({
          call,
          field,
          refused: true,
          short: true,
        });
        fields += 1;
      }
    }
    expectUnchanged(env, before);
    expect(fields).toBeGreaterThan(50);
  });

  it('ignores unknown keys, and never reads a prototype as a choice', () => {
    const env = selectedWorkspace();
    const before = worldSnapshot(env);
    for (const decision of ['constructor', '__proto__', 'toString'])
      expect(env.run((gas) => resolveReview(gas, { requestId: 'AP-1', decision, note: 'x' }))).toEqual({
        ok: false,
        errors: [{ field: 'decision', message: 'Choose Approve, Changes or Reject.' }],
      });
    const sneaky = JSON.parse(
      '{"__proto__": {"ok": true}, "workflowId": "WF-404", "reason": "", "confirmReplace": false}',
    ) as unknown;
    const result = env.run((gas) => selectWorkflow(gas, sneaky));
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['ok']).toBeUndefined();
    expectUnchanged(env, before);
  });

  it('are quoted back at most 80 characters long', () => {
    expect(quoted(megabyte)).toHaveLength(80);
    expect(quoted('WF-001')).toBe('WF-001');
  });
});
