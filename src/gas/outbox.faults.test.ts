import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { pilotPlan } from '../../test/support/pilot-plan';
import { FakeEnvironment } from '../../test/fakes/environment';
import { copyWorldState } from '../../test/fakes/world-copy';
import { trimmed } from '../../test/support/world';
import { checkReplies, district, readyWorkspace, reply, requester } from '../../test/support/approvals';
import { sheetNamed, tableTemplate } from '../../test/support/workspace';
import { mapHeaders } from '../domain/header-map';
import type { AppsScript } from './apps-script';
import { readApprovals, verifyApprovals } from '../domain/approval-records';
import { sealedPilot } from '../domain/pilot-seal';
import { readTableData } from '../domain/table';
import { sendApprovalRequests } from './approvals';
import { checkLog } from './audit-log-gateway';
import { shareWithLeaders } from './leader-share';
import { applyStopRulesNow } from './metrics';
import { localSigner } from './document-secret';
import { recordDecision, savePilotPlan, startPilot } from './pilot';

/**
 * Fault injection over every run that sends email or records a decision: for each service call of the
 * run, (a) the call throws, or (b) the run is cut off just after it; then the run is made again. The end
 * state must equal a clean run's (made twice too): every email sent exactly once, every decision once in
 * its sheet and once in the Log, the Log's chain intact. Each fault point starts from a copy of one world
 * built once per run, and states are compared as JSON strings.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const sam = emailOf('technology');
const pat = emailOf('privacy');
const rivera = emailOf('sponsor');
const DAY = 24 * 60 * 60 * 1000;

/** A copy of a built world at a fixed time, so every fault point starts from the same state. */
function copyOf(world: FakeEnvironment, at: number): FakeEnvironment {
  return new FakeEnvironment({ state: copyWorldState(world.state), now: () => at });
}

function rows(gas: AppsScript, sheet: string, keys: readonly string[]): string[][] {
  const values = sheetNamed(gas, sheet).getDataRange().getValues();
  const map = mapHeaders(tableTemplate(sheet).columns, values[0] ?? []);
  return values.slice(1).map((row) =>
    keys.map((key) => {
      const value = row[map.columns.get(key) ?? -1];
      return value instanceof Date ? value.toISOString() : String(value ?? '');
    }),
  );
}

/**
 * What must come out the same: emails sent, decisions, the Outbox, triggers (`rest`), and the Log's
 * events and check (`log`), kept apart so a point that only loses Log events is reported as such.
 */
function outcome(env: FakeEnvironment): { rest: string; log: string; logCheck: string } {
  const sent = env.mail
    .sent()
    .map((m) => `${m.to} | ${m.subject} | ${m.plainBody.split('\n').slice(0, 2).join(' ')}`)
    .sort();
  const state = env.run(
    (gas) => ({
      approvals: rows(gas, 'Approvals', [
        'id',
        'step',
        'approver',
        'status',
        'decision',
        'reminders',
        'escalated',
        'replyMessageId',
      ]).map((r) => r.map((v, i) => (i === 7 ? (v ? 'reply' : '') : v))),
      // Every row the add-on wrote carries a seal that verifies (Gmail IDs inside it may differ).
      unsealed: unsealed(gas),
      // Emails only: the journal rows ("Log") are compared through the Log itself.
      outbox: rows(gas, 'Outbox', ['id', 'kind', 'state', 'to']).filter((r) => r[1] !== 'Log'),
      pilot: rows(gas, 'Pilot', ['state', 'decision']),
      log: rows(gas, 'Log', ['action', 'subject', 'after']).map((r) => r.join(' | ')),
      logCheck: checkLog(gas, gas.SpreadsheetApp.getActiveSpreadsheet() ?? raise()).message,
      triggers: env.state.triggers.map((t) => t.handler).sort(),
    }),
    { user: requester },
  );
  const { log, logCheck, ...rest } = state;
  return { rest: JSON.stringify({ sent, ...rest }), log: JSON.stringify(log), logCheck };
}

/** Rows whose seal does not verify or whose gated fields differ from it. */
function unsealed(gas: AppsScript): string[] {
  const sign = localSigner(gas);
  const approvals = readTableData(
    tableTemplate('Approvals'),
    sheetNamed(gas, 'Approvals').getDataRange().getValues(),
  );
  const pilot = readTableData(tableTemplate('Pilot'), sheetNamed(gas, 'Pilot').getDataRange().getValues());
  return [
    ...verifyApprovals(readApprovals(approvals, new Map()), sign).flatMap((r) =>
      r.tampered ? [`Approvals ${r.row}`] : [],
    ),
    ...pilot.rows.flatMap((r) => (sealedPilot(sign, r.row, r.cells).edited ? [`Pilot ${r.row}`] : [])),
  ];
}

function raise(): never {
  throw new Error('no active spreadsheet');
}

interface Run {
  name: string;
  /** The world before the run, built once. */
  world: () => FakeEnvironment;
  /** Extra time after the world was built (to make replies late). */
  later?: number;
  run: (env: FakeEnvironment) => unknown;
  /** The run made again after a fault (the same run unless said otherwise). */
  again?: (env: FakeEnvironment) => unknown;
  /** What a clean run must have done, so the comparison is not between two empty states. */
  expectClean: (env: FakeEnvironment) => void;
}

const send = (env: FakeEnvironment) => env.run((gas) => sendApprovalRequests(gas), { user: requester });

function stepOneSent(): FakeEnvironment {
  const env = readyWorkspace();
  send(env);
  return env;
}

function approved(): FakeEnvironment {
  const env = stepOneSent();
  reply(env, sam, 'APPROVE');
  reply(env, pat, 'APPROVE');
  checkReplies(env);
  reply(env, rivera, 'APPROVE');
  checkReplies(env);
  return env;
}

function running(): FakeEnvironment {
  const env = approved();
  env.run((gas) => savePilotPlan(gas, pilotPlan));
  // Saving the plan changes its version: the chain approves the new version.
  send(env);
  reply(env, sam, 'APPROVE');
  reply(env, pat, 'APPROVE');
  checkReplies(env);
  reply(env, rivera, 'APPROVE');
  checkReplies(env);
  const started = env.run((gas) => startPilot(gas));
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  return env;
}

function withIncident(): FakeEnvironment {
  const env = running();
  env.run((gas) => {
    // An incident typed into the Metrics sheet, as staff record one; the next run pauses the pilot.
    const sheet = sheetNamed(gas, 'Metrics');
    const map = mapHeaders(tableTemplate('Metrics').columns, sheet.getDataRange().getValues()[0] ?? []);
    const line: unknown[] = Array.from({ length: sheet.getLastColumn() }, () => '');
    const cells: Record<string, unknown> = {
      id: 'MS-9001',
      workflowId: 'WF-001',
      metric: 'Incidents',
      window: 'Pilot',
      // The pilot's first day: inside its window, and past (no period may start after today).
      periodStart: '2026-11-30',
      periodEnd: '2026-11-30',
      value: 1,
    };
    for (const [key, value] of Object.entries(cells)) line[map.columns.get(key) ?? 0] = value;
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, line.length).setValues([line]);
  });
  return env;
}

/** The pilot paused by its stop rule, so its sponsor may decide. */
function paused(): FakeEnvironment {
  const env = withIncident();
  env.run((gas) => applyStopRulesNow(gas));
  return env;
}

const decide = (env: FakeEnvironment) =>
  env.run(
    (gas) => recordDecision(gas, { decision: 'Extend', rationale: 'One incident; two more weeks of data.' }),
    { user: rivera },
  );

const runs: Run[] = [
  {
    name: 'send a step',
    world: readyWorkspace,
    run: send,
    expectClean: (env) => expect(env.mail.sent().map((m) => m.to)).toEqual([sam, pat]),
  },
  {
    name: 'check replies with approvals',
    world: () => {
      const env = stepOneSent();
      reply(env, sam, 'APPROVE');
      reply(env, pat, 'Aprobado.');
      return env;
    },
    run: checkReplies,
    // The next step's request, sent before the receipts (requests first: mail-pacing.ts).
    expectClean: (env) => expect(env.mail.sent().map((m) => m.to)).toContain(rivera),
  },
  {
    name: 'check replies with a change request',
    world: () => {
      const env = stepOneSent();
      reply(env, sam, 'CHANGES - name the vendor.');
      return env;
    },
    run: checkReplies,
    expectClean: (env) =>
      expect(env.mail.sent().some((m) => m.subject.includes('answered Changes'))).toBe(true),
  },
  {
    name: 'check late requests (reminders and escalations)',
    world: stepOneSent,
    later: 5 * DAY + 60_000,
    run: checkReplies,
    expectClean: (env) => {
      const sent = env.mail.sent();
      // Past the escalation days: in each request's thread, the sponsor copied (main's escalation).
      const escalations = sent.filter((m) => m.cc === rivera && m.subject.startsWith('Re: '));
      expect(escalations.map((m) => m.to).sort()).toEqual([pat, sam].sort());
    },
  },
  {
    name: 'a stop-rule pause',
    world: withIncident,
    run: (env) => env.run((gas) => applyStopRulesNow(gas)),
    // Made again, the pause has nothing left to log; the next action that journals (here the hourly
    // reply check) appends what a cut-off run journaled.
    again: (env) => {
      env.run((gas) => applyStopRulesNow(gas));
      checkReplies(env);
    },
    expectClean: (env) => {
      expect(env.run((gas) => rows(gas, 'Pilot', ['state']))).toEqual([['Paused']]);
      // The sponsor, the privacy officer and the requester told once each.
      const told = env.mail.sent().filter((m) => m.subject.startsWith('AI pilot paused'));
      expect(told.map((m) => m.to).sort()).toEqual([rivera, pat, requester].sort());
    },
  },
  {
    name: 'a decision',
    world: paused,
    run: (env) => decide(env),
    again: (env) => {
      decide(env);
      checkReplies(env);
    },
    expectClean: (env) => {
      expect(env.run((gas) => rows(gas, 'Pilot', ['state', 'decision']))).toEqual([['Ended', 'Extend']]);
      // The sponsor, every approver of the version that ran, and the requester, once each.
      const told = env.mail.sent().filter((m) => m.subject.startsWith('AI pilot decision'));
      expect(told.map((m) => m.to).sort()).toEqual([rivera, sam, pat, requester].sort());
    },
  },
  {
    name: 'a leader share',
    world: approved,
    run: (env) =>
      env.run(
        (gas) =>
          shareWithLeaders(gas, {
            addresses: 'board.chair@district.example.org, super@district.example.org',
            role: 'viewer',
            note: '',
          }),
        { user: requester },
      ),
    expectClean: (env) =>
      expect(env.mail.sent().filter((m) => m.subject.startsWith('AI implementation plan'))).toHaveLength(2),
  },
];

function attempt(body: () => unknown): void {
  try {
    body();
  } catch {
    // The run failed or was cut off part-way; the run after it must complete its work.
  }
}

describe('every run that sends email or records a decision, faulted at each service call', () => {
  let covered = 0;
  let logGaps = 0;
  let repairs = 0;
  // A failed trigger installation is reported with console.warn (and retried): hundreds of them here.
  beforeAll(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it.each(runs.map((r) => [r.name, r] as const))('%s ends as a clean run does', (_name, spec) => {
    const world = trimmed(spec.world());
    const at = world.now().getTime() + (spec.later ?? 0) + 60_000;
    const again = spec.again ?? spec.run;

    const clean = copyOf(world, at);
    const calls = clean.faults.callsDuring(() => spec.run(clean));
    again(clean);
    spec.expectClean(clean);
    const expected = outcome(clean);

    const failures: string[] = [];
    const logOnly: string[] = [];
    const repaired: string[] = [];
    for (const mode of ['throws at', 'cut off after'] as const) {
      for (let n = 1; n <= (mode === 'throws at' ? calls : calls - 1); n += 1) {
        const env = copyOf(world, at);
        if (mode === 'throws at') env.faults.failCall(n);
        else env.faults.cutAfter(n);
        attempt(() => spec.run(env));
        const method = env.faults.injected[0]?.method ?? '?';
        env.faults.clear();
        again(env);
        covered += 1;
        const got = outcome(env);
        const point = `${mode} call ${n} (${method})`;
        if (got.rest !== expected.rest)
          failures.push(`${point}: ${firstDifference(expected.rest, got.rest)}`);
        else if (got.log !== expected.log)
          logOnly.push(`${point}: ${firstDifference(expected.log, got.log)}`);
        else if (got.logCheck !== expected.logCheck) {
          // The same events; Check the Log names rows a cut-off run appended and the next completed.
          // (or, when the run made again had nothing to log, that the next change completes it).
          expect(got.logCheck).toMatch(/appended by a run that was cut off/);
          repaired.push(point);
        }
      }
    }
    logGaps += logOnly.length;
    repairs += repaired.length;
    console.log(
      [
        `${spec.name}: ${calls} service calls, ${calls * 2 - 1} fault points;`,
        `${repaired.length} end with the same Log events, its check naming rows a cut-off run appended;`,
        `${logOnly.length} differ from a clean run in the Log's events only:`,
        ...logOnly.slice(0, 5).map((p) => `  ${p}`),
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    // No decision without its Log event: journaled with the emails, appended by the next run.
    expect(logOnly).toEqual([]);
  });

  it('covers every fault point of every run', () => {
    console.log(
      `Fault points covered: ${covered}; Log events differing from a clean run: ${logGaps}; same Log, check noting a repaired append: ${repairs}`,
    );
    expect(covered).toBeGreaterThan(runs.length * 20);
  });
});

/** Where two JSON outcomes part, with some context, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `expected …${a.slice(Math.max(0, i - 80), i + 80)}… got …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}
