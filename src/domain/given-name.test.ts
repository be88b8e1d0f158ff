import { describe, expect, it } from '@jest/globals';
import { checkGivenName, givenNameOf, markedName } from './given-name';

const people = [
  { name: 'Casey Comms', email: 'comms@district.example.org' },
  { name: '', email: 'privacy@district.example.org' },
];
const context = { people, scorers: ['ben@district.example.org', markedName('Dana')], remembered: null };

describe('a name given by an account whose email is not shared', () => {
  it('is written with the mark that says it is not verified', () => {
    expect(checkGivenName('  Rosa   Diaz ', context)).toEqual({
      ok: true,
      name: 'Rosa Diaz',
      scorer: 'Rosa Diaz (name given, not verified)',
    });
    expect(givenNameOf('Rosa Diaz (name given, not verified)')).toBe('Rosa Diaz');
    expect(givenNameOf('ben@district.example.org')).toBeNull();
  });

  it.each([
    ['an email address', 'comms@district.example.org', 'not an email address'],
    ['any address shape', 'someone@elsewhere', 'not an email address'],
    ['the address of a person in Settings, in capitals', 'PRIVACY@district.example.org', 'not an email'],
    ['the name of a person in Settings', 'casey comms', 'is a person named in Settings'],
    ['the name another account scores under', 'dana', 'Someone already scores as “dana”'],
    ['the mark itself', 'Eve (name given, not verified)', 'without “(name given, not verified)”'],
    ['nothing', '   ', 'type your name'],
  ])('cannot be %s', (_, typed, message) => {
    const result = checkGivenName(typed, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('may be the name this same account gave before, to update its own score', () => {
    expect(checkGivenName('Dana', { ...context, remembered: 'dana' })).toMatchObject({
      ok: true,
      scorer: 'Dana (name given, not verified)',
    });
  });

  it('refuses a long name rather than cutting it', () => {
    expect(checkGivenName('x'.repeat(61), context)).toEqual({
      ok: false,
      message: 'Your name can be at most 60 characters.',
    });
  });
});
