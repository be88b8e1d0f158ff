import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import { CUT_OFF, SERVER_ERROR } from '../../test/fakes/faults';
import { fillLog, storedHead } from '../../test/support/log';
import { sheetNamed } from '../../test/support/workspace';
import { cloneWorld } from '../../test/support/world';
import type { ScoreInput } from '../shared/workflows';
import { activeSpreadsheet } from './active-spreadsheet';
import * as actions from './actions';
import { appendToLog, checkLog } from './audit-log-gateway';
import { withDocumentLock } from './document-lock';
import { setUpWorkspace } from './set-up';
import { saveScore } from './workflow-board';

const scoreInput = (common: number): ScoreInput => ({
  workflowId: 'WF-001',
  scores: { common, measurable: 4, risk: 4, pain: 4 },
  redFlags: [],
  fitsDay: 'yes',
  note: '',
  scorerName: null,
});

/** A set-up workspace with one logged action, so the Log has a head and the document a secret. */
function logged(): FakeEnvironment {
  const env = new FakeEnvironment();
  env.run((gas) => setUpWorkspace(gas));
  env.run((gas) => saveScore(gas, scoreInput(5)));
  return env;
}

const check = (env: FakeEnvironment) => env.run((gas) => checkLog(gas, activeSpreadsheet(gas)));
const logActions = (env: FakeEnvironment) =>
  env.run((gas) =>
    sheetNamed(gas, 'Log')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => `${String(r[0])} ${String(r[3])}`),
  );

describe('appending to the Log', () => {
  it('never reads the Log: saving a score costs the same calls with 20,000 rows as with none', () => {
    const counts = (rows: number) => {
      const env = logged();
      if (rows > 0) fillLog(env, rows);
      env.calls.reset();
      env.run((gas) => saveScore(gas, scoreInput(4)));
      return { calls: env.calls.byMethod(), cells: env.calls.cellsByMethod(), env };
    };
    const empty = counts(0);
    const large = counts(20000);
    expect(large.calls).toEqual(empty.calls);
    expect(large.cells).toEqual(empty.cells);
    expect(check(large.env)).toMatchObject({ ok: true, entries: 20002 });
  });

  it('writes its rows in one call, with two property calls, and nothing else of the Log', () => {
    const env = logged();
    env.calls.reset();
    env.run((gas) =>
      withDocumentLock(gas, () =>
        appendToLog(
          gas,
          activeSpreadsheet(gas),
          [1, 2, 3].map((n) => ({
            who: 'a',
            action: `Event ${n}`,
            subject: '',
            before: '',
            after: '',
            note: '',
          })),
          new Date(),
        ),
      ),
    );
    const calls = env.calls.byMethod();
    expect(calls['Range.setValues']).toBe(1);
    expect(calls['Range.getValues'] ?? 0).toBe(0);
    expect(calls['Sheet.getDataRange'] ?? 0).toBe(0);
    // One read of the properties, and the head once written as the lock ends: the append under way
    // is noted in the mirror alone, which then holds the head too.
    expect(calls['Properties.getProperties']).toBe(1);
    expect(calls['Properties.getProperty'] ?? 0).toBe(0);
    expect((calls['Properties.setProperty'] ?? 0) + (calls['Properties.setProperties'] ?? 0)).toBe(1);
    expect(calls['DeveloperMetadata.setValue']).toBe(2);
    expect(check(env)).toMatchObject({ ok: true, entries: 4 });
  });

  it('writes the head to Document properties in the one write the leader view makes', () => {
    const env = logged();
    env.calls.reset();
    env.run((gas) => actions.saveScore(gas, scoreInput(3)));
    const calls = env.calls.byMethod();
    expect(calls['Properties.setProperty'] ?? 0).toBe(0);
    expect(calls['Properties.setProperties']).toBe(1);
    expect(storedHead(env)).toMatchObject({ count: 2 });
    expect(check(env)).toMatchObject({ ok: true, entries: 2 });
  });

  it('continues from its mirror when a run is cut off before Document properties are written', () => {
    const env = logged();
    const probe = cloneWorld(env);
    const trace = probe.faults.traceDuring(() => probe.run((gas) => actions.saveScore(gas, scoreInput(3))));
    // The run ends just before its only write of Document properties, after the Log's rows and mirror.
    env.faults.cutAfter(trace.indexOf('Properties.setProperties'));
    expect(() => env.run((gas) => actions.saveScore(gas, scoreInput(3)))).toThrow(CUT_OFF);
    env.faults.clear();
    expect(storedHead(env)).toMatchObject({ count: 1 });
    expect(check(env)).toMatchObject({ ok: true, entries: 2 });
    env.run((gas) => actions.saveScore(gas, scoreInput(2)));
    expect(storedHead(env)).toMatchObject({ count: 3 });
    expect(check(env)).toEqual({
      ok: true,
      entries: 3,
      message: 'All 3 Log entries are intact: none was edited, inserted or deleted.',
    });
  });

  it('continues a head stored before it held rows and columns, reading the Log once', () => {
    const env = logged();
    const head = storedHead(env);
    env.state.properties.document['aiplan.logHead'] = JSON.stringify({
      count: head?.count,
      hash: head?.hash,
    });
    env.run((gas) => saveScore(gas, scoreInput(3)));
    expect(check(env)).toMatchObject({ ok: true, entries: 2 });
    expect(storedHead(env)).toMatchObject({ count: 2, row: 3 });
  });

  it('never writes over rows typed below the Log, which the check reports', () => {
    const env = logged();
    env.run((gas) =>
      sheetNamed(gas, 'Log')
        .getRange(3, 1, 1, 4)
        .setValues([['LG-000099', '', '', 'typed']]),
    );
    env.run((gas) => saveScore(gas, scoreInput(3)));
    expect(logActions(env)).toEqual([
      'LG-000001 Scored workflow',
      'LG-000099 typed',
      'LG-000002 Scored workflow',
    ]);
    const result = check(env);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Log row 3 should be event LG-000002 but is LG-000099/);
  });
});

describe('a run cut off while logging', () => {
  /**
   * For every service call of a logged action: the run stops right after that call (the next call
   * throws, as when Apps Script ends an execution), then the next action runs. The Log must end
   * intact, with the cut-off run's events either all missing (cut before its rows) or kept and
   * reported as repaired, never as tampering.
   */
  it('is completed by the next run at every point, and the check tells it from tampering', () => {
    const built = logged();
    const probe = cloneWorld(built);
    const calls = probe.faults.callsDuring(() => probe.run((gas) => saveScore(gas, scoreInput(2))));
    const outcomes = new Set<string>();
    for (let n = 0; n < calls; n += 1) {
      const env = cloneWorld(built);
      env.faults.failCall(n + 1, SERVER_ERROR);
      expect(() => env.run((gas) => saveScore(gas, scoreInput(2)))).toThrow(SERVER_ERROR);
      env.faults.clear();
      const between = check(env);
      expect({ n, ok: between.ok }).toEqual({ n, ok: true });
      env.run((gas) => saveScore(gas, scoreInput(1)));
      const after = check(env);
      expect({ n, ok: after.ok, message: after.message }).toEqual({
        n,
        ok: true,
        message: expect.stringMatching(/^All \d+ Log entries are intact/) as unknown,
      });
      const repaired = /appended by a run that was cut off \(repaired/.test(after.message);
      // The cut-off run's rows were written but its head was not: the next run verified and kept them.
      if (repaired)
        expect(between.message).toMatch(/appended by a run that was cut off; it continues the chain/);
      outcomes.add(repaired ? 'repaired' : 'not written');
    }
    expect([...outcomes].sort()).toEqual(['not written', 'repaired']);
  });
});
