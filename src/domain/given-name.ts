import { isEmailAddress, type RolePerson } from './roles';

/**
 * A name typed by someone whose email Google does not share (an account outside the domain, some
 * policies). Nothing vouches for it, so it must not pass for anyone who is vouched for: it cannot be an
 * email address, the name or address of a person in Settings, or a name another scorer already scores
 * under. It is always written with a mark saying so, which also keeps it apart from every verified
 * scorer (their rows carry their address).
 */
export const notVerifiedMark = ' (name given, not verified)';

export const GIVEN_NAME_MAX = 60;

/** How a given name is written in Scores and the Log. */
export const markedName = (name: string): string => `${name}${notVerifiedMark}`;

/** The name inside a marked scorer cell, or null when the cell holds a verified scorer. */
export function givenNameOf(scorer: string): string | null {
  return scorer.endsWith(notVerifiedMark) ? scorer.slice(0, -notVerifiedMark.length) : null;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface GivenNameContext {
  /** People named in Settings (roles). */
  people: readonly Pick<RolePerson, 'name' | 'email'>[];
  /** Every scorer as written in Scores. */
  scorers: readonly string[];
  /** The name this account gave before (kept in its user properties), or null. */
  remembered: string | null;
}

export type GivenNameCheck = { ok: true; name: string; scorer: string } | { ok: false; message: string };

export function checkGivenName(typed: string, context: GivenNameContext): GivenNameCheck {
  const name = typed.replace(/\s+/g, ' ').trim();
  if (name === '')
    return {
      ok: false,
      message: 'Google does not share your email here: type your name so your score is yours.',
    };
  if (name.length > GIVEN_NAME_MAX)
    return { ok: false, message: `Your name can be at most ${GIVEN_NAME_MAX} characters.` };
  if (name.includes('@') || isEmailAddress(name))
    return {
      ok: false,
      message:
        'Type your name, not an email address: Google does not share your address here, so an address typed in cannot be checked.',
    };
  if (givenNameOf(name) !== null)
    return { ok: false, message: `Type your name without “${notVerifiedMark.trim()}”.` };
  const person = context.people.find((p) => same(p.name, name) || same(p.email, name));
  if (person)
    return {
      ok: false,
      message: `“${name}” is a person named in Settings. Score under your own name (add an initial if you share it), or sign in with your district account.`,
    };
  const mine = context.remembered !== null && same(context.remembered, name);
  const taken = context.scorers.some((s) => same(givenNameOf(s) ?? s, name));
  if (taken && !mine)
    return {
      ok: false,
      message: `Someone already scores as “${name}”. Use a name of your own (add an initial), so no one’s score is replaced.`,
    };
  return { ok: true, name, scorer: markedName(name) };
}
