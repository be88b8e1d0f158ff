import { describe, expect, it, jest } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { cloneWorld } from '../../test/fakes/world-copy';
import { district, governedWorkspace, requester } from '../../test/support/approvals';
import { approveAll, pilotPlan } from '../../test/support/pilot';
import { sheetNamed, tableTemplate } from '../../test/support/workspace';
import { mapHeaders } from '../domain/header-map';
import { WAITING_PREFIX } from '../domain/waiting-list';
import type { PilotPlanInput } from '../shared/pilot';
import { runHourly } from './hourly-run';
import { callSites } from '../../test/fakes/faults';
import { applyStopRulesNow } from './metrics';
import { savePilotPlan, startPilot } from './pilot';

/**
 * A running pilot with no request waiting is served by the hourly run, on the fakes' default clock
 * model (no active spreadsheet): its stop rules are applied to measurements typed into the sheet, and
 * an email a cut-off run left in the Outbox goes out, without anyone opening the planner; an hour with
 * nothing to do stays within the quiet run's call budget and writes nothing.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const rivera = emailOf('sponsor');
const pat = emailOf('privacy');

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** Running now: the pilot began ten days ago and ends in a month. */
const runningPlan: PilotPlanInput = {
  ...pilotPlan,
  baselineStart: day(-60),
  baselineEnd: day(-20),
  pilotStart: day(-10),
  pilotEnd: day(30),
};

let built: FakeEnvironment | null = null;
/** The pilot started by the requester, every approval in and its receipts read by one hourly run. */
function running(): FakeEnvironment {
  if (!built) {
    const env = governedWorkspace();
    const saved = env.run((gas) => savePilotPlan(gas, runningPlan));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    approveAll(env);
    const started = env.run((gas) => startPilot(gas), { user: requester });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    fireHourly(env);
    built = env;
  }
  return cloneWorld(built);
}

function fireHourly(env: FakeEnvironment) {
  return env.run(
    (gas) => {
      expect(gas.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      return runHourly(gas, { now: env.now() });
    },
    { kind: 'trigger', user: requester },
  );
}

const onList = (env: FakeEnvironment) =>
  env.run(
    (gas) =>
      Object.keys(gas.PropertiesService.getUserProperties().getProperties()).some((k) =>
        k.startsWith(WAITING_PREFIX),
      ),
    { user: requester },
  );
const pilotState = (env: FakeEnvironment) =>
  env.run((gas) => {
    const values = sheetNamed(gas, 'Pilot').getDataRange().getValues();
    const map = mapHeaders(tableTemplate('Pilot').columns, values[0] ?? []);
    return values.slice(1).map((r) => r[map.columns.get('state') ?? -1]);
  });

/** An incident typed into the Metrics sheet by hand, as staff record one between runs. */
function typeIncident(env: FakeEnvironment): void {
  env.run((gas) => {
    const sheet = sheetNamed(gas, 'Metrics');
    const map = mapHeaders(tableTemplate('Metrics').columns, sheet.getDataRange().getValues()[0] ?? []);
    const line: unknown[] = Array.from({ length: sheet.getLastColumn() }, () => '');
    const cells: Record<string, unknown> = {
      id: 'MS-9001',
      workflowId: 'WF-001',
      metric: 'Incidents',
      window: 'Pilot',
      periodStart: day(-7),
      periodEnd: day(-3),
      value: 1,
    };
    for (const [key, value] of Object.entries(cells)) line[map.columns.get(key) ?? 0] = value;
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, line.length).setValues([line]);
  });
}

const paused = (env: FakeEnvironment) =>
  env.mail
    .sent()
    .filter((m) => m.subject.startsWith('AI pilot paused'))
    .map((m) => m.to)
    .sort();

describe('the hourly run and a running pilot with no request waiting', () => {
  it('keeps it on the list, and an hour with nothing to do reads a little and writes nothing', () => {
    const env = running();
    expect(onList(env)).toBe(true);
    const sent = env.mail.sent().length;
    env.calls.reset();
    const summary = fireHourly(env);
    expect(Object.values(summary.checked)).toEqual([expect.objectContaining({ read: 0, decided: 0 })]);
    expect(env.calls.total()).toBeLessThanOrEqual(50);
    const writes = Object.keys(env.calls.byMethod()).filter((m) => /\.(set|insert|delete|append)/.test(m));
    expect(writes).toEqual([]);
    expect(env.mail.sent()).toHaveLength(sent);
    expect(pilotState(env)).toEqual(['Running']);
  });

  it('pauses it by its stop rule for an incident typed into the sheet, tells the people once, then lets go', () => {
    const env = running();
    typeIncident(env);
    fireHourly(env);
    expect(pilotState(env)).toEqual(['Paused']);
    expect(paused(env)).toEqual([pat, requester, rivera].sort());
    // Paused, with nothing waiting: the next hours have nothing to do there.
    expect(onList(env)).toBe(false);
    fireHourly(env);
    expect(paused(env)).toEqual([pat, requester, rivera].sort());
  });

  it('sends what a cut-off run left in the Outbox, once', () => {
    const env = running();
    typeIncident(env);
    // The planner's check pauses it and is cut off just after queueing its notices, before any goes.
    const probe = cloneWorld(env);
    const trace = probe.faults.traceDuring(() =>
      probe.run((gas) => applyStopRulesNow(gas), { user: requester }),
    );
    const firstSend = trace.findIndex((name) => name === 'GmailApp.createDraft');
    expect(firstSend).toBeGreaterThan(0);
    env.faults.cutAfter(firstSend);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => env.run((gas) => applyStopRulesNow(gas), { user: requester })).toThrow();
    env.faults.clear();
    expect(pilotState(env)).toEqual(['Paused']);
    expect(paused(env)).toEqual([]);
    fireHourly(env);
    fireHourly(env);
    warn.mockRestore();
    expect(paused(env)).toEqual([pat, requester, rivera].sort());
  });

  it('pauses it once and tells each person once, whichever call site of the run fails or is cut off', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const start = running();
    typeIncident(start);
    const outcome = (env: FakeEnvironment) => ({
      state: pilotState(env),
      told: paused(env),
      log: env.run((gas) =>
        sheetNamed(gas, 'Log')
          .getDataRange()
          .getValues()
          .map((r) => String(r[3]))
          .filter((a) => /paused|Pause/.test(a)),
      ),
    });
    const clean = cloneWorld(start);
    const trace = clean.faults.traceDuring(() => fireHourly(clean));
    fireHourly(clean);
    const expected = outcome(clean);
    expect(expected.state).toEqual(['Paused']);
    const sends = /^(GmailDraft\.send|GmailApp\.createDraft)$/;
    const picks = callSites(trace, sends);
    const changes = /\.(set|insert|delete|append|clear|create|send|reply|remove|add|protect)\w*$/;
    for (const mode of ['throws at', 'cut off after'] as const)
      for (const n of mode === 'throws at' ? picks : picks.filter((k) => changes.test(trace[k - 1] ?? ''))) {
        const env = cloneWorld(start);
        if (mode === 'throws at') env.faults.failCall(n);
        else env.faults.cutAfter(n);
        try {
          fireHourly(env);
        } catch {
          // Failed or cut off at call n; the next hours complete the work.
        }
        env.faults.clear();
        fireHourly(env);
        fireHourly(env);
        expect({ mode, n, ...outcome(env) }).toEqual({ mode, n, ...expected });
      }
    warn.mockRestore();
  });
});
