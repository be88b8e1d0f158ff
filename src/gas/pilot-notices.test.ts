import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { district, governedWorkspace, requester } from '../../test/support/approvals';
import { approveAll, pilotPlan as plan } from '../../test/support/pilot';
import { setCell, sheetNamed, tableTemplate } from '../../test/support/workspace';
import type { PilotPlanInput, PilotResult } from '../shared/pilot';
import { applyStopRulesNow, saveMeasurement } from './metrics';
import { recordDecision, startPilot, savePilotPlan } from './pilot';

/**
 * The pilot's notifications end to end: who receives them, once, in which language, from whose Gmail,
 * and what the Log and the Outbox say of them.
 */
const emailOf = (role: string) => district[role]?.[1] ?? '';
const rivera = emailOf('sponsor');
const pat = emailOf('privacy');
const sam = emailOf('technology');

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** Running now: the pilot began ten days ago and ends in a month. */
const runningPlan: PilotPlanInput = {
  ...plan,
  baselineStart: day(-60),
  baselineEnd: day(-20),
  pilotStart: day(-10),
  pilotEnd: day(30),
};

function ok(result: PilotResult | { ok: boolean }) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
}

function running(): FakeEnvironment {
  const env = governedWorkspace();
  ok(env.run((gas) => savePilotPlan(gas, runningPlan)));
  approveAll(env);
  ok(env.run((gas) => startPilot(gas)));
  return env;
}

const incident = () => ({
  metric: 'Incidents',
  window: 'Pilot',
  periodStart: day(-7),
  periodEnd: day(-3),
  value: 1,
  items: 0,
  language: '',
  school: '',
  note: '',
});

const told = (env: FakeEnvironment, subject: RegExp) =>
  env.mail
    .sent()
    .filter((m) => subject.test(m.subject))
    .map((m) => ({ to: m.to, sender: m.sender }))
    .sort((a, b) => a.to.localeCompare(b.to));

const log = (env: FakeEnvironment) =>
  env.run((gas) =>
    sheetNamed(gas, 'Log')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => ({ action: String(r[3]), after: String(r[6]) })),
  );

const outbox = (env: FakeEnvironment, about: RegExp) =>
  env.run((gas) =>
    sheetNamed(gas, 'Outbox')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => r.map(String))
      .filter((r) => about.test(r.join(' ')) && r.includes('Notification')),
  );

/** Sets a person's Settings › Email language. */
function speaks(env: FakeEnvironment, role: string, language: string): void {
  const rows = tableTemplate('Settings').defaultRows;
  setCell(
    env,
    'Settings',
    2 + rows.findIndex((r) => r.values['id'] === `role.${role}`),
    'language',
    language,
  );
}

describe('the pause notice', () => {
  it('tells the sponsor, the privacy officer and the requester once each, from the acting user’s Gmail, and logs it', () => {
    const env = running();
    const before = env.mail.sent().length;
    ok(env.run((gas) => saveMeasurement(gas, incident())));
    expect(told(env, /^AI pilot paused|^Piloto de IA en pausa/)).toEqual(
      [rivera, pat, requester].sort().map((to) => ({ to, sender: requester })),
    );
    expect(env.mail.sent().length - before).toBe(3);
    const event = log(env).find((e) => e.action === 'Pause notice queued');
    expect(event?.after).toBe(
      'Emailed: Executive sponsor (Dr. Rivera), Privacy officer (Pat Lee), Requester (Morgan Diaz).',
    );
    expect(outbox(env, /WF-001/).map((r) => r.includes('Sent'))).toEqual([true, true, true]);

    // Further evidence, the hourly check, a second measurement: the pilot is paused already.
    ok(env.run((gas) => saveMeasurement(gas, { ...incident(), periodStart: day(-2), periodEnd: day(-1) })));
    env.run((gas) => applyStopRulesNow(gas));
    expect(env.mail.sent().length - before).toBe(3);
  });

  it('writes to each person in the language Settings gives them, naming no address', () => {
    const env = running();
    speaks(env, 'privacy', 'Spanish');
    speaks(env, 'sponsor', 'English');
    ok(env.run((gas) => saveMeasurement(gas, incident())));
    const sent = env.mail.sent().filter((m) => /paused|pausa/.test(m.subject));
    const to = (address: string) => sent.find((m) => m.to === address);
    expect(to(pat)?.subject).toBe('Piloto de IA en pausa: FAQ drafting from approved materials');
    expect(to(pat)?.plainBody).not.toContain('The pilot of');
    expect(to(rivera)?.subject).toBe('AI pilot paused: FAQ drafting from approved materials');
    expect(to(rivera)?.plainBody).not.toContain('El piloto');
    // The stop rule's reason too, in each reader's language.
    expect(to(pat)?.plainBody).toMatch(
      /Motivo \(según la hoja Metrics\): 1 incidente en el período del piloto/,
    );
    expect(to(pat)?.plainBody).not.toContain('1 incident in the pilot period');
    expect(to(rivera)?.plainBody).toMatch(/Why \(from the Metrics sheet\): 1 incident in the pilot period/);
    for (const m of sent) {
      expect(m.plainBody).toContain('incident');
      expect(m.plainBody).toMatch(/Dr\. Rivera (can resume it|puede reanudarlo)/);
      // No address in what people read, except the link to the plan and the Outbox reference.
      expect(m.plainBody.replace(/https:\S+/g, '')).not.toMatch(/@/);
    }
  });

  it('is sent by the hourly check when a measurement typed into the sheet trips the stop rule', () => {
    const env = running();
    env.run((gas) => {
      const sheet = sheetNamed(gas, 'Metrics');
      const headers = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
      const values: Record<string, unknown> = {
        'Measurement ID': 'MS-9001',
        'Workflow ID': 'WF-001',
        Metric: 'Incidents',
        Window: 'Pilot',
        'Period start': day(-7),
        'Period end': day(-3),
        Value: 1,
      };
      sheet
        .getRange(sheet.getLastRow() + 1, 1, 1, headers.length)
        .setValues([headers.map((h) => values[h] ?? '')]);
    });
    env.run((gas) => applyStopRulesNow(gas));
    const sent = env.mail.sent().filter((m) => /^AI pilot paused|^Piloto/.test(m.subject));
    expect(sent.map((m) => m.to).sort()).toEqual([rivera, pat, requester].sort());
    expect(sent[0]?.plainBody).toContain('hourly check');
  });
});

describe('the decision notice', () => {
  function paused(): FakeEnvironment {
    const env = running();
    ok(env.run((gas) => saveMeasurement(gas, incident())));
    return env;
  }

  it('tells the sponsor, every approver of the version that ran and the requester once each, from the sponsor’s Gmail', () => {
    const env = paused();
    ok(
      env.run(
        (gas) =>
          recordDecision(gas, {
            decision: 'Stop',
            rationale: 'An answer about a named student reached a family.',
          }),
        { user: rivera },
      ),
    );
    expect(told(env, /^AI pilot decision|^Decisión sobre el piloto/)).toEqual(
      [rivera, sam, pat, requester].sort().map((to) => ({ to, sender: rivera })),
    );
    const email = env.mail.sent().find((m) => m.to === sam && /decision/.test(m.subject));
    expect(email?.plainBody).toContain('has ended with a decision: Stop.');
    expect(email?.plainBody).toContain('Why: An answer about a named student reached a family.');
    expect(email?.plainBody).toContain('Decided by Dr. Rivera, executive sponsor.');
    expect(log(env).find((e) => e.action === 'Decision notice queued')?.after).toBe(
      'Emailed: Executive sponsor (Dr. Rivera), Approver (Sam Ortiz), Approver (Pat Lee), Requester (Morgan Diaz).',
    );

    // Tried again: refused, and nobody is told twice.
    const count = env.mail.sent().length;
    expect(
      env.run((gas) => recordDecision(gas, { decision: 'Stop', rationale: 'x' }), { user: rivera }).ok,
    ).toBe(false);
    expect(env.mail.sent().length).toBe(count);
  });

  it('says who recorded it on the sponsor’s behalf', () => {
    const env = paused();
    ok(
      env.run((gas) =>
        recordDecision(gas, {
          decision: 'Extend',
          rationale: 'Two more weeks.',
          onBehalf: true,
          evidence: 'Cabinet minutes, item 4',
        }),
      ),
    );
    const sent = env.mail.sent().filter((m) => /^AI pilot decision|^Decisión/.test(m.subject));
    expect(sent).toHaveLength(4);
    for (const m of sent) {
      expect(m.sender).toBe(requester);
      expect(m.plainBody).toContain('recorded by Morgan Diaz on their behalf');
      // The evidence may name people: it stays in the sheet.
      expect(m.plainBody).not.toContain('Cabinet minutes');
    }
  });
});
