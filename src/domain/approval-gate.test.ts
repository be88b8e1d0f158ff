import { describe, expect, it } from '@jest/globals';
import type { ChainProgress } from './approval-flow';
import { cannotSend, type SendGateInput } from './approval-gate';
import { longDay, shortDay } from './email-dates';
import { readershipOf } from './email-language';

const waitingToSend = { state: 'not-sent', toSend: [{}] } as unknown as ChainProgress;
const ready: SendGateInput = {
  selected: { name: 'FAQ drafting' },
  assessment: { eligibility: 'eligible', reason: 'Eligible: risk is low enough and no red flag was raised.' },
  ready: true,
  unwritten: [],
  chainProblems: [],
  progress: waitingToSend,
};

describe('the send gate', () => {
  it.each<[string, Partial<SendGateInput>, string | null]>([
    ['a plan ready to send', {}, null],
    [
      'a workflow that needs a baseline plan',
      { assessment: { eligibility: 'needs-baseline', reason: '' } },
      null,
    ],
    [
      'a workflow no longer eligible',
      { assessment: { eligibility: 'not-eligible', reason: 'Not eligible: the team’s risk score is 2.' } },
      '“FAQ drafting” cannot be sent for approval as the team’s scores stand. Not eligible: the team’s risk score is 2. Nothing was sent: change the scores or choose another workflow.',
    ],
    [
      'a workflow nobody scored',
      { assessment: null },
      '“FAQ drafting” cannot be sent for approval as the team’s scores stand. No scores yet. Nothing was sent: change the scores or choose another workflow.',
    ],
    ['no selection', { selected: null }, 'Select a workflow first.'],
    [
      'an unfinished checklist',
      { ready: false },
      'The governance checklist is not complete: finish its required items first.',
    ],
    [
      'a pilot plan with two fields to write',
      { unwritten: ['Stop rule', 'Review rule'] },
      'The pilot plan is not complete: write Stop rule, Review rule in Pilot first. Approvers are asked to approve the plan as written, so nothing was sent.',
    ],
    [
      'a pilot plan not started',
      {
        unwritten: [
          'The question the pilot answers',
          'Team and participants',
          'Baseline start',
          'Baseline end',
          'Pilot start',
        ],
      },
      'The pilot plan is not complete: write The question the pilot answers, Team and participants, Baseline start and 2 more in Pilot first. Approvers are asked to approve the plan as written, so nothing was sent.',
    ],
  ])('for %s says %j', (_case, change, expected) => {
    expect(cannotSend({ ...ready, ...change })).toBe(expected);
  });
});

describe('email languages and days', () => {
  it.each([
    ['English', 'en'],
    [' spanish ', 'es'],
    ['Español', 'es'],
    ['English and Spanish', 'en+es'],
    ['', ''],
    ['French', null],
  ] as const)('reads %j as %j', (value, readership) => {
    expect(readershipOf(value)).toBe(readership);
  });

  it('writes days as each language does, and leaves what is not a day alone', () => {
    expect([shortDay('2026-12-06', 'en'), shortDay('2026-12-06', 'es')]).toEqual(['Dec 6', '6 de dic.']);
    expect([longDay('2027-01-11', 'en'), longDay('2027-01-11', 'es')]).toEqual([
      'Monday, January 11, 2027',
      'lunes, 11 de enero de 2027',
    ]);
    expect(longDay('12/6/2026', 'es')).toBe('12/6/2026');
  });
});
