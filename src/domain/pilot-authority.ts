import type { RolePerson } from './roles';

/**
 * Who may end a pilot with a decision or resume a paused one, and when. The decision is the executive
 * sponsor's (DOMAIN §3(e)): recorded by the sponsor named in Settings, or by someone else on the
 * sponsor's behalf with the evidence of the sponsor's word (an email, a meeting note). Both names are
 * kept. A decision needs the evidence of a pilot: it ended, or it is paused by its stop rule.
 */

export const AUTHORITY_EVIDENCE_MAX = 500;

export interface OnBehalf {
  onBehalf: boolean;
  /** What shows the sponsor decided: "Email of Dec 6", "Cabinet minutes, item 4". */
  evidence: string;
}

export type Authority =
  | { ok: true; recordedBy: string; decidedBy: string; onBehalf: boolean; evidence: string }
  | { ok: false; field: string; message: string };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether the person acting holds the sponsor's authority (their address or an alias in Settings), or
 * records it on the sponsor's behalf. `what` names the act for the message ("the decision").
 */
export function sponsorAuthority(
  actingEmail: string,
  actingName: string,
  sponsor: (Pick<RolePerson, 'name' | 'email'> & { aliases?: readonly string[] }) | null,
  request: OnBehalf,
  what: string,
): Authority {
  if (!sponsor || sponsor.email === '')
    return {
      ok: false,
      field: '',
      message: `Name the executive sponsor (with an email) in Settings first: ${what} is theirs.`,
    };
  const sponsorLabel = sponsor.name ? `${sponsor.name} (${sponsor.email})` : sponsor.email;
  const isSponsor =
    actingEmail !== '' &&
    (same(actingEmail, sponsor.email) || (sponsor.aliases ?? []).some((a) => same(a, actingEmail)));
  if (isSponsor)
    return { ok: true, recordedBy: actingEmail, decidedBy: sponsorLabel, onBehalf: false, evidence: '' };
  if (!request.onBehalf)
    return {
      ok: false,
      field: 'onBehalf',
      message: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} is the executive sponsor’s (${sponsorLabel}). If you record it for them, tick “On behalf of the sponsor” and say what shows their decision.`,
    };
  const evidence = request.evidence.replace(/\s+/g, ' ').trim();
  if (evidence === '')
    return {
      ok: false,
      field: 'evidence',
      message: 'Say what shows the sponsor’s decision (an email, a meeting note).',
    };
  if (evidence.length > AUTHORITY_EVIDENCE_MAX)
    return {
      ok: false,
      field: 'evidence',
      message: `The evidence can be at most ${AUTHORITY_EVIDENCE_MAX} characters.`,
    };
  return { ok: true, recordedBy: actingName, decidedBy: sponsorLabel, onBehalf: true, evidence };
}

export interface PilotMoment {
  state: string;
  /** The pilot's last day, as a day number (days since 1970-01-01), or undefined. */
  pilotEnd: number | undefined;
  today: number;
  /** Why the pilot is paused (the stop rule's reasons), "" when it is not. */
  pauseReason: string;
  decision: string;
  /** The pilot's last day as people read it, e.g. "Dec 18, 2026". */
  pilotEndShown: string;
}

/** Why a decision cannot be recorded now, or null. */
export function cannotDecide(p: PilotMoment): string | null {
  if (p.decision !== '') return `The decision is already recorded: ${p.decision}.`;
  if (p.state === 'Draft' || p.state === '') return 'Start the pilot before recording its decision.';
  if (p.state === 'Paused')
    return p.pauseReason !== ''
      ? null
      : 'The pilot is paused without a recorded reason: resume it, or record the reason first.';
  if (p.state === 'Running' && (p.pilotEnd === undefined || p.today <= p.pilotEnd))
    return `The pilot runs until ${p.pilotEndShown || 'its end date'}: record the decision once it has ended, or if its stop rule pauses it.`;
  return null;
}

/**
 * Why a paused pilot cannot be resumed now, or null. `planApproved`: every approval step approved the
 * plan's current version — a pilot runs only on an approved plan, so a change waits for approval.
 */
export function cannotResume(
  p: PilotMoment,
  reason: string,
  planApproved: boolean,
): { field: string; message: string } | null {
  if (p.state !== 'Paused') return { field: '', message: 'Only a paused pilot can be resumed.' };
  if (p.decision !== '') return { field: '', message: `The decision is already recorded: ${p.decision}.` };
  if (!planApproved)
    return {
      field: '',
      message:
        'The plan changed since it was approved: the pilot stays paused until every approval step approves the new version (4. Approve).',
    };
  if (reason.trim() === '')
    return {
      field: 'reason',
      message: 'Say why the pilot can go on (what was done about the stop rule’s reason).',
    };
  if (reason.length > AUTHORITY_EVIDENCE_MAX)
    return { field: 'reason', message: `The reason can be at most ${AUTHORITY_EVIDENCE_MAX} characters.` };
  return null;
}
