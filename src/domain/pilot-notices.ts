import type { ApprovalRecord } from './approval-records';
import type { LogEvent } from './audit-log';
import { renderEmail, type RenderedEmail } from './email-layout';
import { oneLine } from './email-text';
import { languagesOf, render, type Language, type Message, type Readership } from './messages/catalogue';
import { pilotNotice } from './messages/pilot-notice-messages';
import type { MailIntent } from './outbox';
import { SPONSOR_ROLE, type RolePerson } from './roles';

/**
 * Who is told when the pilot's stop rule pauses it, or when its decision is recorded, and what they
 * read: one email per person, in the language Settings gives them, queued in the Outbox with a token
 * derived from what it is about and who it is for, so a run that decides the same thing again after a
 * cut-off queues each email once.
 */
export const PRIVACY_ROLE = 'Privacy officer';
export const REQUESTER = 'Requester';
export const APPROVER = 'Approver';

export type PilotDecision = 'Scale' | 'Extend' | 'Narrow' | 'Revise' | 'Stop';

export interface Recipient {
  /** Lower case. */
  email: string;
  name: string;
  /** Why they are told: their Settings role, "Requester" or "Approver" (the first that applies). */
  role: string;
  readership: Readership;
}

/**
 * The approval side of the plan that ran: its version is the one the latest counted approval of the
 * workflow approved; its approvers are everyone who approved that version; the requester is whoever
 * sent its requests (the Approvals rows' Requested by). Only rows whose seal verifies count.
 */
export function approvedAudience(
  records: readonly ApprovalRecord[],
  workflowId: string,
): { version: string; approvers: string[]; requesters: string[] } {
  const approved = records.filter(
    (r) => r.workflowId === workflowId && r.status === 'Approved' && r.tampered === null,
  );
  const latest = approved.reduce<ApprovalRecord | null>(
    (best, r) => (!best || (r.decided?.getTime() ?? 0) >= (best.decided?.getTime() ?? 0) ? r : best),
    null,
  );
  if (!latest) return { version: '', approvers: [], requesters: [] };
  const version = latest.planVersion;
  const ofVersion = records.filter(
    (r) => r.workflowId === workflowId && r.planVersion === version && r.tampered === null,
  );
  const distinct = (values: readonly string[]) => [...new Set(values.filter((v) => v !== ''))];
  return {
    version,
    approvers: distinct(ofVersion.filter((r) => r.status === 'Approved').map((r) => r.approver)),
    requesters: distinct(ofVersion.map((r) => r.requestedBy)),
  };
}

/**
 * The people to tell, each once, in the order given: roles named in Settings first, then the extra
 * addresses (the requester, the approvers) with their Settings name where they have one. A role with no
 * address in Settings is `missing`.
 */
export function recipientsOf(
  people: readonly RolePerson[],
  roles: readonly string[],
  extra: readonly { email: string; role: string }[],
  readershipOf: (email: string) => Readership,
): { recipients: Recipient[]; missing: string[] } {
  const recipients: Recipient[] = [];
  const missing: string[] = [];
  const add = (email: string, name: string, role: string) => {
    const address = email.trim().toLowerCase();
    if (address === '' || recipients.some((r) => r.email === address)) return;
    recipients.push({ email: address, name, role, readership: readershipOf(address) });
  };
  for (const role of roles) {
    const person = people.find((p) => p.role.toLowerCase() === role.toLowerCase() && p.email !== '');
    if (person) add(person.email, person.name, person.role);
    else missing.push(role);
  }
  for (const { email, role } of extra) {
    const person = people.find((p) => p.email.toLowerCase() === email.toLowerCase());
    add(email, person?.name ?? '', role);
  }
  return { recipients, missing };
}

/** A person named in an email: their Settings name, else the part of their address before the @. */
export function shownName(name: string, email: string): string {
  return oneLine(name, 80) || oneLine(email.split('@')[0] ?? '', 80);
}

export interface PauseFacts {
  workflow: string;
  /** The stop rule's reasons as the Metrics check states them (or the fields a plan change changed), in every language. */
  reasons: readonly Message[];
  /** Who saved the measurement, or whose hourly check found it, or who changed the approved plan. */
  who: string;
  /** A stop rule met by a measurement or by the hourly check, or a confirmed change of the approved plan. */
  by: 'measurement' | 'check' | 'plan';
  /** The sponsor's name, or '' when Settings names none. */
  sponsor: string;
  sheetUrl: string;
}

export interface DecisionFacts {
  workflow: string;
  decision: PilotDecision;
  rationale: string;
  sponsor: string;
  /** Who recorded it, when not the sponsor; '' otherwise. */
  onBehalfBy: string;
  /** The decision re-opens the checklist and approvals (a higher data tier, a new vendor). */
  reopens: boolean;
  sheetUrl: string;
}

const say = (language: Language, key: keyof typeof pilotNotice, params: Record<string, string> = {}) =>
  render(pilotNotice[key], language, params);

const sponsorIn = (language: Language, sponsor: string) => sponsor || say(language, 'sponsor.unnamed');

function notice(
  readership: Readership,
  subject: (language: Language) => string,
  lines: (language: Language) => { text: string; strong?: boolean }[],
  sheetUrl: string,
): RenderedEmail {
  const first = languagesOf(readership)[0] ?? 'en';
  return renderEmail({
    readership,
    // Nobody answers a notification by replying: no reply marker.
    marker: false,
    subject: subject(first),
    leads: languagesOf(readership).map((language) => ({ language, lines: lines(language) })),
    details: [],
    footer: languagesOf(readership).map((language) => ({
      language,
      text: say(language, 'footer', { url: sheetUrl }),
    })),
  });
}

/** The plan's words in a subject or a line: one line, shortened (the layout escapes them). */
const short = (value: string, max: number) => oneLine(value, max);

const pausedBy = {
  measurement: 'pause.byMeasurement',
  check: 'pause.byCheck',
  plan: 'pause.byPlan',
} as const;

export function pauseEmail(readership: Readership, f: PauseFacts): RenderedEmail {
  return notice(
    readership,
    (language) => say(language, 'pause.subject', { workflow: short(f.workflow, 80) }),
    (language) => [
      {
        text: say(language, f.by === 'plan' ? 'pause.leadPlan' : 'pause.lead', {
          workflow: short(f.workflow, 120),
        }),
        strong: true,
      },
      {
        text: say(language, f.by === 'plan' ? 'pause.whyPlan' : 'pause.why', {
          reasons: short(f.reasons.map((r) => r[language]).join(' '), 300),
        }),
      },
      {
        text: say(language, f.by === 'plan' ? 'pause.nextPlan' : 'pause.next', {
          sponsor: sponsorIn(language, f.sponsor),
        }),
      },
      { text: say(language, pausedBy[f.by], { who: short(f.who, 80) }) },
    ],
    f.sheetUrl,
  );
}

export function decisionEmail(readership: Readership, f: DecisionFacts): RenderedEmail {
  const decision = (language: Language) => say(language, `decision.${f.decision}`);
  return notice(
    readership,
    (language) =>
      say(language, 'decision.subject', { decision: decision(language), workflow: short(f.workflow, 80) }),
    (language) => [
      {
        text: say(language, 'decision.lead', {
          workflow: short(f.workflow, 120),
          decision: decision(language),
        }),
        strong: true,
      },
      { text: say(language, 'decision.why', { rationale: short(f.rationale, 300) }) },
      { text: say(language, f.reopens ? 'next.reopens' : `next.${f.decision}`) },
      {
        text: f.onBehalfBy
          ? say(language, 'decision.onBehalf', {
              sponsor: sponsorIn(language, f.sponsor),
              recorder: short(f.onBehalfBy, 80),
            })
          : say(language, 'decision.by', { sponsor: sponsorIn(language, f.sponsor) }),
      },
    ],
    f.sheetUrl,
  );
}

/**
 * The Outbox intents of one notification, one per recipient. `about`: what the email is about, the
 * same whenever the same thing is decided again (the workflow, the pause's reasons or the decision);
 * the recipient's address is added to it for each token.
 */
export function noticeIntents(
  recipients: readonly Recipient[],
  compose: (readership: Readership) => RenderedEmail,
  token: (about: readonly string[]) => string,
  about: readonly string[],
  subject: string,
  fromName: string,
): MailIntent[] {
  return recipients.map((r) => {
    const email = compose(r.readership);
    return {
      token: token([...about, r.email]),
      kind: 'Notification',
      about: subject,
      to: r.email,
      cc: '',
      subject: email.subject,
      plain: email.plain,
      html: email.html,
      inThread: '',
      allowed: [],
      fromName,
    };
  });
}

/** The Log event saying who is told, by role and name (never addresses). */
export function noticeEvent(
  who: string,
  action: string,
  subject: string,
  told: { recipients: readonly Recipient[]; missing: readonly string[] },
): LogEvent {
  const names = told.recipients.map((r) => `${r.role} (${shownName(r.name, r.email)})`);
  return {
    who,
    action,
    subject,
    before: '',
    after: names.length > 0 ? `Emailed: ${names.join(', ')}.` : 'Nobody was emailed.',
    note: told.missing.length > 0 ? `No email in Settings for: ${told.missing.join(', ')}.` : '',
  };
}

export const PAUSE_ROLES = [SPONSOR_ROLE, PRIVACY_ROLE] as const;
export const DECISION_ROLES = [SPONSOR_ROLE] as const;
