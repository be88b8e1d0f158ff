import { describe, expect, it } from '@jest/globals';
import { cannotDecide, cannotResume, sponsorAuthority, type PilotMoment } from './pilot-authority';

const sponsor = { name: 'Dr. Rivera', email: 'rivera@district.example.org', aliases: ['r@home.example'] };
const noBehalf = { onBehalf: false, evidence: '' };

describe('who records the sponsor’s decision', () => {
  it('is the sponsor, by address or alias', () => {
    for (const email of ['Rivera@district.example.org', 'r@home.example']) {
      expect(sponsorAuthority(email, email, sponsor, noBehalf, 'the decision')).toEqual({
        ok: true,
        recordedBy: email,
        decidedBy: 'Dr. Rivera (rivera@district.example.org)',
        onBehalf: false,
        evidence: '',
      });
    }
  });

  it('is someone else only on the sponsor’s behalf, with the evidence, keeping both names', () => {
    const coordinator = 'coordinator@district.example.org';
    expect(sponsorAuthority(coordinator, coordinator, sponsor, noBehalf, 'the decision')).toEqual({
      ok: false,
      field: 'onBehalf',
      message:
        'The decision is the executive sponsor’s (Dr. Rivera (rivera@district.example.org)). If you record it for them, tick “On behalf of the sponsor” and say what shows their decision.',
    });
    expect(
      sponsorAuthority(coordinator, coordinator, sponsor, { onBehalf: true, evidence: '  ' }, 'the decision'),
    ).toMatchObject({ ok: false, field: 'evidence' });
    expect(
      sponsorAuthority(
        coordinator,
        coordinator,
        sponsor,
        { onBehalf: true, evidence: 'Email of  Dec 18' },
        'the decision',
      ),
    ).toEqual({
      ok: true,
      recordedBy: coordinator,
      decidedBy: 'Dr. Rivera (rivera@district.example.org)',
      onBehalf: true,
      evidence: 'Email of Dec 18',
    });
  });

  it('needs a sponsor named in Settings, and an account whose email is shared to be the sponsor', () => {
    expect(sponsorAuthority('a@b.org', 'a@b.org', null, noBehalf, 'the decision')).toMatchObject({
      ok: false,
      message: 'Name the executive sponsor (with an email) in Settings first: the decision is theirs.',
    });
    expect(
      sponsorAuthority('', 'Dana (name given, not verified)', sponsor, noBehalf, 'the decision').ok,
    ).toBe(false);
  });

  it('refuses over-long evidence rather than cutting it', () => {
    expect(
      sponsorAuthority('a@b.org', 'a@b.org', sponsor, { onBehalf: true, evidence: 'x'.repeat(501) }, 'it'),
    ).toMatchObject({ ok: false, field: 'evidence' });
  });
});

const moment = (p: Partial<PilotMoment>): PilotMoment => ({
  state: 'Running',
  pilotEnd: 100,
  today: 101,
  pauseReason: '',
  decision: '',
  pilotEndShown: 'Dec 18, 2026',
  ...p,
});

describe('when a decision can be recorded', () => {
  it.each([
    ['a pilot that has ended', moment({}), null],
    [
      'a pilot paused by its stop rule',
      moment({ state: 'Paused', today: 3, pauseReason: '1 incident.' }),
      null,
    ],
    [
      'a pilot still running',
      moment({ today: 100 }),
      'The pilot runs until Dec 18, 2026: record the decision once it has ended, or if its stop rule pauses it.',
    ],
    [
      'a pilot paused with no reason',
      moment({ state: 'Paused', today: 3 }),
      'The pilot is paused without a recorded reason: resume it, or record the reason first.',
    ],
    ['a pilot not started', moment({ state: 'Draft' }), 'Start the pilot before recording its decision.'],
    ['a pilot already decided', moment({ decision: 'Scale' }), 'The decision is already recorded: Scale.'],
  ])('%s', (_, p, expected) => {
    expect(cannotDecide(p)).toBe(expected);
  });
});

describe('resuming a paused pilot', () => {
  it('needs a paused pilot and a reason', () => {
    const paused = moment({ state: 'Paused', pauseReason: '1 incident.' });
    expect(cannotResume(paused, 'Vendor fixed the filter; privacy officer checked.', true)).toBeNull();
    expect(cannotResume(paused, ' ', true)).toMatchObject({ field: 'reason' });
    expect(cannotResume(moment({}), 'why', true)).toEqual({
      field: '',
      message: 'Only a paused pilot can be resumed.',
    });
  });

  it('waits until every approval step approved the plan as it is now', () => {
    const paused = moment({
      state: 'Paused',
      pauseReason: 'The approved plan changed (Pilot plan › Stop rule).',
    });
    expect(cannotResume(paused, 'Stop rule agreed with the privacy officer.', false)).toEqual({
      field: '',
      message:
        'The plan changed since it was approved: the pilot stays paused until every approval step approves the new version (4. Approve).',
    });
  });
});
