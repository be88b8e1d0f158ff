import { describe, expect, it, jest } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { callSites, SERVER_ERROR } from '../../test/fakes/faults';
import { checkReplies, district, namePeople, selectedWorkspace } from '../../test/support/approvals';
import { setCell, sheetNamed } from '../../test/support/workspace';
import { cloneWorld, expectUnchanged, worldSnapshot } from '../../test/support/world';
import type { IncidentInput } from '../shared/incidents';
import * as actions from './actions';
import { pilotSeal } from '../domain/pilot-seal';
import { localSigner } from './document-secret';
import { recordIncident } from './incidents';

const input = (extra: Partial<IncidentInput> = {}): IncidentInput => ({
  what: 'A draft reply quoted another family’s message and was sent.',
  found: '2026-11-03',
  severity: 'Harmful',
  dataInvolved: 'Amber',
  ...extra,
});

/** A selected workflow whose pilot is running (sealed, as Start pilot leaves it), people named in Settings. */
function running(): FakeEnvironment {
  const env = selectedWorkspace(namePeople);
  setCell(env, 'Pilot', 2, 'id', 'PL-001');
  setCell(env, 'Pilot', 2, 'workflowId', 'WF-001');
  setCell(env, 'Pilot', 2, 'state', 'Running');
  const seal = env.run((gas) =>
    pilotSeal(localSigner(gas), { id: 'PL-001', workflowId: 'WF-001', state: 'Running' }),
  );
  setCell(env, 'Pilot', 2, 'seal', seal);
  return env;
}

const rows = (env: FakeEnvironment, name: string) =>
  env.run((gas) => sheetNamed(gas, name).getDataRange().getValues());
const column = (env: FakeEnvironment, name: string, header: string) => {
  const [head, ...body] = rows(env, name);
  const at = (head ?? []).indexOf(header);
  return body.map((r) => r[at]);
};
const told = [district['privacy']?.[1], district['security']?.[1], district['sponsor']?.[1]];

describe('recording an incident', () => {
  it('writes the row with its notice deadline, pauses the pilot and emails the three roles once', () => {
    const env = running();
    const result = env.run((gas) => recordIncident(gas, input()));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.message).toContain('The pilot is paused.');
    expect(column(env, 'Incidents', 'ID')).toEqual(['IN-0001']);
    expect(column(env, 'Incidents', 'Notice email')).toEqual(['Sent']);
    expect(column(env, 'Incidents', 'Severity')).toEqual(['Harmful']);
    const due = column(env, 'Incidents', 'Notice due')[0] as Date;
    expect(due.toISOString()).toBe('2026-11-06T00:00:00.000Z');
    expect(String(column(env, 'Incidents', 'Who was told')[0])).toContain('Privacy officer (Pat Lee)');
    expect(column(env, 'Pilot', 'State')).toEqual(['Paused']);
    // The sponsor's resume reads why it stopped.
    expect(column(env, 'Pilot', 'Paused because')).toEqual(['Incident IN-0001 (Harmful).']);
    const notices = env.mail.sent().filter((m) => m.subject.includes('IN-0001'));
    expect(notices.map((m) => m.to).sort()).toEqual([...told].sort());
    for (const notice of notices) {
      expect(notice.plainBody).toContain(
        'Severity: harmful. Data involved: Amber (personal data about staff or families). Found: 2026-11-03.',
      );
      expect(notice.plainBody).toContain('The pilot is paused');
      expect(notice.plainBody).toContain('Gravedad: dañino.');
      // What happened may hold personal data: it stays in the sheet.
      expect(notice.plainBody).not.toContain('quoted another family');
    }
    expect(column(env, 'Log', 'Action').slice(-3)).toEqual([
      'Recorded an incident',
      'Pilot paused by an incident',
      'Incident notice sent',
    ]);
  });

  it('says nothing was paused when no pilot is running, and pauses nothing', () => {
    const env = running();
    setCell(env, 'Pilot', 2, 'state', 'Draft');
    // Sealed as the add-on writes a draft pilot (a state typed by hand would not count).
    const seal = env.run((gas) =>
      pilotSeal(localSigner(gas), { id: 'PL-001', workflowId: 'WF-001', state: 'Draft' }),
    );
    setCell(env, 'Pilot', 2, 'seal', seal);
    const result = env.run((gas) => recordIncident(gas, input()));
    if (result.ok) expect(result.message).not.toContain('paused');
    expect(column(env, 'Pilot', 'State')).toEqual(['Draft']);
    const notices = env.mail.sent().filter((m) => m.subject.includes('IN-0001'));
    expect(notices).toHaveLength(3);
    for (const notice of notices) {
      expect(notice.subject).not.toContain('paused');
      expect(notice.plainBody).toContain('nothing was paused');
      expect(notice.plainBody).not.toContain('The pilot is paused');
    }
  });

  it.each<[string, Partial<IncidentInput>, string]>([
    ['no description', { what: '' }, 'what'],
    ['a day that is not a date', { found: '3 Nov' }, 'found'],
    ['an unknown severity', { severity: 'Catastrophic' }, 'severity'],
    ['an unknown data tier', { dataInvolved: 'Purple' }, 'dataInvolved'],
    ['a day after today', { found: '2999-01-04' }, 'found'],
  ])('refuses %s with a clear message and changes nothing', (_case, change, field) => {
    const env = running();
    const before = worldSnapshot(env);
    const result = env.run((gas) => recordIncident(gas, input(change)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([field]);
    expectUnchanged(env, before);
  });

  it('refuses a day after today, naming today, and accepts today', () => {
    const env = running();
    // Today where the spreadsheet is, as the check reads it (a day behind UTC in the evening in the US).
    const today = env.run((gas) =>
      gas.Utilities.formatDate(
        new Date(),
        gas.SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() ?? 'UTC',
        'yyyy-MM-dd',
      ),
    );
    const later = env.run((gas) => recordIncident(gas, input({ found: '2999-01-04' })));
    expect(later).toEqual({
      ok: false,
      errors: [
        {
          field: 'found',
          message: expect.stringMatching(
            /^An incident cannot be found after today \(\d{4}-\d\d-\d\d\): check the day it was found\.$/,
          ) as unknown,
        },
      ],
    });
    expect(env.run((gas) => recordIncident(gas, input({ found: today }))).ok).toBe(true);
  });

  it('shows leaders the pause and the count in the same action, from the rows it wrote', () => {
    const env = running();
    env.run((gas) => actions.setUp(gas));
    const board = () =>
      env.run((gas) => sheetNamed(gas, 'Board summary').getDataRange().getDisplayValues().flat().join('\n'));
    const result = env.run((gas) => actions.recordIncident(gas, input()));
    // The leader view's parts stay on the server.
    expect(Object.keys(result).sort()).toEqual(['message', 'ok']);
    expect(board()).toContain('is paused until the team reviews what happened.');
    expect(board()).toContain('Incidents recorded for this workflow: 1.');
    env.run((gas) => actions.recordIncident(gas, input({ severity: 'Minor', found: '2026-11-04' })));
    expect(board()).toContain('Incidents recorded for this workflow: 2.');
  });

  it('tells everyone exactly once when a run is cut off between the emails', () => {
    const env = running();
    env.faults.failNext('GmailDraft.send');
    // The first send fails: the row is already recorded as Sending.
    expect(() => env.run((gas) => recordIncident(gas, input()))).toThrow();
    expect(column(env, 'Incidents', 'Notice email')).toEqual(['Sending']);
    env.run((gas) => recordIncident(gas, input({ severity: 'Minor', what: 'A typo reached a family.' })));
    expect(column(env, 'Incidents', 'Notice email')).toEqual(['Sent', 'Sent']);
    for (const token of ['IN-0001', 'IN-0002']) {
      const to = env.mail
        .sent()
        .filter((m) => m.subject.includes(token))
        .map((m) => m.to)
        .sort();
      expect({ token, to }).toEqual({ token, to: [...told].sort() });
    }
  });

  it('goes through the Outbox: a notice cut off part-way is completed by the hourly check, not only by the next incident', () => {
    const env = running();
    env.faults.failNext('GmailDraft.send');
    expect(() => env.run((gas) => recordIncident(gas, input()))).toThrow();
    // The emails are Outbox intents, queued before the row was written.
    const queued = rows(env, 'Outbox').filter((r) => r.includes('IN-0001'));
    expect(queued.map((r) => r.includes('Pending'))).toEqual([true, true, true]);
    checkReplies(env);
    const to = env.mail
      .sent()
      .filter((m) => m.subject.includes('IN-0001'))
      .map((m) => m.to)
      .sort();
    expect(to).toEqual([...told].sort());
    // The row is marked once its emails are settled, by the next recording; nobody is told again.
    env.run((gas) => recordIncident(gas, input({ severity: 'Minor', what: 'A typo reached a family.' })));
    expect(column(env, 'Incidents', 'Notice email')).toEqual(['Sent', 'Sent']);
    expect(env.mail.sent().filter((m) => m.subject.includes('IN-0001'))).toHaveLength(3);
  });

  it('leaves a state the next recording completes when cut off at any service call: each role told once per incident', () => {
    // A cut-off leader view is logged and rebuilt later; that is not what this test reads.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const base = running();
    const fresh = () => cloneWorld(base);
    const probe = fresh();
    const trace = probe.faults.traceDuring(() => probe.run((gas) => actions.recordIncident(gas, input())));
    // Every call site once, and every send (the emails are where a second telling would come from).
    const picks = callSites(trace, /send|search/i);
    expect(picks.length).toBeGreaterThan(10);
    for (const n of picks) {
      const env = fresh();
      env.faults.failCall(n);
      try {
        env.run((gas) => actions.recordIncident(gas, input()));
      } catch (error) {
        expect(error).toMatchObject({ message: SERVER_ERROR });
      }
      env.run((gas) => actions.recordIncident(gas, input({ what: 'A second one.', severity: 'Minor' })));
      const ids = column(env, 'Incidents', 'ID').map(String);
      expect({ n, notices: column(env, 'Incidents', 'Notice email') }).toEqual({
        n,
        notices: ids.map(() => 'Sent'),
      });
      for (const token of ids) {
        const to = env.mail
          .sent()
          .filter((m) => m.subject.includes(token))
          .map((m) => m.to)
          .sort();
        expect({ n, token, to }).toEqual({ n, token, to: [...told].sort() });
      }
      expect({ n, state: column(env, 'Pilot', 'State') }).toEqual({ n, state: ['Paused'] });
    }
    warn.mockRestore();
  });
});
