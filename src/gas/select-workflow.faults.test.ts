import { describe, expect, it, jest } from '@jest/globals';
import { callSites } from '../../test/fakes/faults';
import type { FakeEnvironment } from '../../test/fakes/environment';
import {
  namePeople,
  parallelReviewChain,
  SECOND_SCORER,
  selectedWorkspace,
} from '../../test/support/approvals';
import { sheetNamed } from '../../test/support/workspace';
import { cloneWorld } from '../../test/support/world';
import * as actions from './actions';
import { activeSpreadsheet } from './active-spreadsheet';
import { checkLog } from './audit-log-gateway';
import { governanceBoard } from './governance';

/**
 * Selecting another workflow is one commit: the checklist follows (rows for the new selection, the
 * old one's rows no longer applying), then Workflows (the selection and its plan version), then the
 * Log once, then the leader view. Whichever call fails, or wherever the run is cut off, the same
 * selection made again leaves what one clean selection leaves: one workflow selected, its checklist
 * in step with its plan version, the chain of the Log intact, and the leader view naming it. No
 * event is logged twice. (Not yet journaled: a run cut off after its sheet writes and before its
 * Log append leaves those events out, as every action of the workflow board does today.)
 */
const people = (env: FakeEnvironment) => {
  namePeople(env);
  parallelReviewChain(env);
};

function world(): FakeEnvironment {
  const env = selectedWorkspace(people);
  for (const user of [env.owner, SECOND_SCORER])
    env.run(
      (gas) =>
        actions.saveScore(gas, {
          workflowId: 'WF-002',
          scores: { common: 4, measurable: 4, risk: 4, pain: 4 },
          redFlags: [],
          fitsDay: 'yes',
          note: '',
          scorerName: null,
        }),
      { user },
    );
  return env;
}

const select = (env: FakeEnvironment) =>
  env.run((gas) =>
    actions.selectWorkflow(gas, { workflowId: 'WF-002', reason: 'A better fit', confirmReplace: true }),
  );

/** What a selection leaves, without its times. */
function outcome(env: FakeEnvironment) {
  const workflows = env.run((gas) => sheetNamed(gas, 'Workflows').getDataRange().getValues());
  const header = workflows[0] ?? [];
  const at = (key: string) => header.indexOf(key);
  const selected = workflows.slice(1).filter((r) => r[at('Selected')] === true);
  const board = env.run((gas) => governanceBoard(gas));
  const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
  const leader = JSON.parse(env.state.properties.document['aiplan.leaderView'] ?? '{}') as {
    parts?: { workflows?: { selected?: { id: string } | null }; governance?: { planVersion: string } };
  };
  return {
    selected: selected.map((r) => r[at('ID')]),
    storedVersion: selected.map((r) => r[at('Plan version')]),
    planVersion: board.planVersion,
    checklist: board.rows.map((r) => r.code),
    logIntact: env.run((gas) => checkLog(gas, activeSpreadsheet(gas))).ok,
    replaced: log.filter((r) => r.includes('Replaced the selected workflow')).length,
    generated: log.filter((r) => r.includes('Generated checklist rows') && r.includes('WF-002')).length,
    leader: [leader.parts?.workflows?.selected?.id, leader.parts?.governance?.planVersion],
  };
}

describe('selecting another workflow', () => {
  it('leaves one selection and its checklist, no event logged twice, whichever call fails or is cut off', () => {
    const start = world();
    const clean = cloneWorld(start);
    const trace = clean.faults.traceDuring(() => select(clean));
    const expected = outcome(clean);
    expect(expected).toMatchObject({ selected: ['WF-002'], replaced: 1, generated: 1, logIntact: true });
    expect(expected.storedVersion).toEqual([expected.planVersion]);
    expect(expected.leader).toEqual(['WF-002', expected.planVersion]);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const changes = /\.(set|insert|delete|append|clear|create|remove|add|protect)\w*$/;
    const picks = callSites(trace, changes);
    const wrong: string[] = [];
    for (const mode of ['throws at', 'cut off after'] as const)
      for (const n of mode === 'throws at' ? picks : picks.filter((k) => changes.test(trace[k - 1] ?? ''))) {
        const env = cloneWorld(start);
        if (mode === 'throws at') env.faults.failCall(n);
        else env.faults.cutAfter(n);
        try {
          select(env);
        } catch {
          // Failed or cut off at call n: the same selection made again completes it.
        }
        env.faults.clear();
        const again = select(env).ok;
        const found = outcome(env);
        // Logged at most once (see above): the rest as after a clean selection.
        const twice = found.replaced > 1 || found.generated > 1;
        const differ = Object.keys(expected).filter(
          (k) =>
            k !== 'replaced' &&
            k !== 'generated' &&
            JSON.stringify(found[k as keyof typeof found]) !==
              JSON.stringify(expected[k as keyof typeof expected]),
        );
        if (twice) differ.push('replaced', 'generated');
        if (!again || differ.length > 0)
          wrong.push(
            `${mode} ${n} (${trace[n - 1] ?? ''}): ${again ? '' : 'refused; '}${differ.map((k) => `${k} ${JSON.stringify(found[k as keyof typeof found])}`).join(', ')}`,
          );
      }
    warn.mockRestore();
    expect(wrong).toEqual([]);
  });
});
