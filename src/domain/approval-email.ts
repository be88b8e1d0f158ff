import type { ApprovalStatus } from './approval-records';
import { longDay, shortDay } from './email-dates';
import { renderEmail, type Details, type EmailDoc, type Lead, type RenderedEmail } from './email-layout';
import { oneLine } from './email-text';
import {
  languagesOf,
  render,
  type Language,
  type MessageParams,
  type Readership,
} from './messages/catalogue';
import { emailMessages, type EmailMessageKey } from './messages/email-messages';
import type { CriterionScores, Eligibility, WorkflowResult } from './scoring';

type Band = NonNullable<WorkflowResult['band']>;
import type { ProfileFlag } from './workflow-records';
import { DATA_ITEM } from './data-rule';
import { tierDefinition } from './workflow-profile';
import type { PlanChange } from './plan-diff';

/**
 * The approval request email (DOMAIN §3(d)): what one approver is asked to decide and everything they
 * need to decide it from the email alone, in the languages they read. The subject asks, the first
 * screen decides (ask, due date, how to reply), and the facts follow as the plan states them. No
 * personal data about students or staff goes in: roles, the requester and the sponsor only.
 */
export interface Person {
  name: string;
  role: string;
  email: string;
}

export interface RequestFacts {
  token: string;
  planVersion: string;
  readership: Readership;
  workflow: {
    name: string;
    description: string;
    team: string;
    dataTier: string;
    profile: readonly ProfileFlag[];
  };
  /** Who verified the data-classification item (its Verified by), "" while nobody has. */
  dataVerifiedBy: string;
  step: { role: string; number: number; count: number; name: string };
  requester: Person;
  /** The executive sponsor's name, "" when Settings names nobody. */
  sponsor: string;
  assessment: {
    scorers: number;
    consensus: CriterionScores | null;
    total: number | null;
    band: Band | null;
    eligibility: Eligibility;
  };
  /** The pilot plan's own words; "" where the plan does not say yet. */
  pilot: {
    tool: string;
    agreement: string;
    dataRule: string;
    reviewRule: string;
    stopRule: string;
    baselineStart: string;
    baselineEnd: string;
    pilotStart: string;
    pilotEnd: string;
  };
  /** The first targets of the plan's metrics (at most three are shown). */
  targets: readonly { metric: string; target: string }[];
  /**
   * For a step asked again: the version it approved before (`day` yyyy-mm-dd), and what changed since,
   * from the copy of that version kept when it was sent (null when no copy is on record).
   */
  changedSince: {
    version: string;
    day: string;
    changes: readonly PlanChange[] | null;
  } | null;
  /** Earlier steps' approvers and where they stand; `day` is yyyy-mm-dd when decided. */
  prior: readonly { role: string; status: ApprovalStatus | ''; day: string }[];
  next: { step: string; roles: readonly string[] } | null;
  /** yyyy-mm-dd, the spreadsheet's day. */
  due: string;
  reminderDays: number;
  escalationDays: number;
  sheetUrl: string;
}

/** The subject's text before the token may take at most this many characters (a phone's line). */
export const SUBJECT_ASK_MAX = 70;

export const say = (language: Language, key: EmailMessageKey, params: MessageParams = {}): string =>
  render(emailMessages[key], language, params);

/** The token's tag, last in every subject: the reader and the hourly search find it anywhere. */
export const tokenTag = (token: string) => `[AI Plan ${token}]`;

/**
 * "Approve the FAQ drafting pilot? Due Dec 6 [AI Plan AP-…]": the ask in the reader's first language,
 * the workflow's name shortened so the ask and due date fit in SUBJECT_ASK_MAX characters.
 */
export function requestSubject(workflow: string, due: string, readership: Readership, token: string): string {
  const language = languagesOf(readership)[0] ?? 'en';
  const day = shortDay(due, language);
  const name = oneLine(workflow, 200);
  const room = SUBJECT_ASK_MAX - say(language, 'request.subject', { workflow: '', due: day }).length;
  const fitted = name.length <= room ? name : `${name.slice(0, Math.max(room - 1, 1)).trimEnd()}…`;
  return `${say(language, 'request.subject', { workflow: fitted, due: day })} ${tokenTag(token)}`;
}

/** The first screen, in one language: the ask, the due date and how to reply. */
export function askLead(language: Language, workflow: string, due: string, again = false): Lead {
  return {
    language,
    ...(again ? { intro: say(language, 'request.again') } : {}),
    heading: say(language, 'request.ask', { workflow: oneLine(workflow, 200) }),
    lines: [
      { text: say(language, 'request.due', { due: longDay(due, language) }), strong: true },
      { text: say(language, 'reply.how'), strong: true },
    ],
  };
}

const orNotWritten = (language: Language, value: string) => value.trim() || say(language, 'fact.notWritten');

const bandKey: Record<Band, EmailMessageKey> = {
  Strong: 'band.strong',
  Possible: 'band.possible',
  Defer: 'band.defer',
};

const tierKey: Record<string, EmailMessageKey> = {
  Green: 'tier.green',
  Yellow: 'tier.yellow',
  Amber: 'tier.amber',
  Red: 'tier.red',
};

export const statusKey: Record<ApprovalStatus | '', EmailMessageKey> = {
  '': 'status.notAsked',
  Sending: 'status.waiting',
  Sent: 'status.waiting',
  Approved: 'status.approved',
  Rejected: 'status.rejected',
  'Changes requested': 'status.changes',
  'Needs review': 'status.review',
  Stale: 'status.notAsked',
  Cancelled: 'status.notAsked',
};

/** "Morgan Diaz, Workflow owner (coordinator@…)": name and role first, the address second. */
export function whoIs(person: Person): string {
  const label = [person.name, person.role].filter((s) => s.trim() !== '').join(', ');
  return label ? `${label} (${person.email})` : person.email;
}

/** A person in a sentence: their name, else their address. */
export const nameOf = (person: Person): string => person.name.trim() || person.email;

/** The tier's own rule, from the one declaration of the tiers; what is missing when there is no tier. */
function tierRule(language: Language, tier: string): string {
  const found = tierDefinition(tier);
  return found
    ? say(language, 'fact.tierRule', { rule: render(found.rule, language) })
    : say(language, 'fact.noTierRule');
}

function why(language: Language, a: RequestFacts['assessment']): string[] {
  const scores =
    a.consensus && a.total !== null && a.band
      ? say(language, 'fact.scores', {
          scorers:
            a.scorers === 1
              ? say(language, 'fact.scorersOne')
              : say(language, 'fact.scorersMany', { count: a.scorers }),
          ...a.consensus,
          total: a.total,
          band: say(language, bandKey[a.band]),
        })
      : say(language, 'fact.notScored');
  const eligibility = {
    eligible: say(language, 'eligibility.eligible'),
    'needs-baseline': say(language, 'eligibility.needsBaseline', {
      measurable: a.consensus?.measurable ?? '',
    }),
    'needs-scorers': say(language, 'eligibility.needsScorers'),
    'not-eligible': say(language, 'eligibility.notEligible'),
    'not-scored': say(language, 'eligibility.notScored'),
  }[a.eligibility];
  return [scores, eligibility];
}

function dates(language: Language, what: EmailMessageKey, start: string, end: string, key: EmailMessageKey) {
  return start && end
    ? say(language, key, { start: longDay(start, language), end: longDay(end, language) })
    : say(language, 'fact.datesMissing', { what: say(language, what) });
}

function details(language: Language, f: RequestFacts, label: string): Details {
  const profile = f.workflow.profile.map((flag) => say(language, `profile.${flag}`));
  return {
    language,
    label,
    paragraphs: [
      say(language, 'request.decision', {
        role: f.step.role,
        step: f.step.number,
        steps: f.step.count,
        stepName: f.step.name,
      }),
    ],
    sections: [
      ...(f.changedSince ? [changedSection(language, f.changedSince)] : []),
      {
        title: say(language, 'section.who'),
        lines: [
          say(language, 'fact.requester', {
            requester: whoIs(f.requester),
            team: f.workflow.team.trim() || say(language, 'fact.noTeam'),
          }),
          say(language, 'fact.sponsor', { sponsor: f.sponsor.trim() || say(language, 'fact.notNamed') }),
        ],
      },
      {
        title: say(language, 'section.workflow'),
        lines: [f.workflow.description.trim() || say(language, 'fact.noDescription')],
      },
      { title: say(language, 'section.why'), lines: why(language, f.assessment) },
      {
        title: say(language, 'section.tool'),
        lines: [
          say(language, 'fact.tool', { tool: orNotWritten(language, f.pilot.tool) }),
          say(language, 'fact.agreement', { agreement: orNotWritten(language, f.pilot.agreement) }),
          say(language, 'fact.tier', {
            tier: say(language, tierKey[f.workflow.dataTier] ?? 'tier.none'),
          }),
          tierRule(language, f.workflow.dataTier),
          say(language, 'fact.dataRule', { rule: orNotWritten(language, f.pilot.dataRule) }),
          f.dataVerifiedBy.trim()
            ? say(language, 'fact.dataVerified', { who: f.dataVerifiedBy.trim(), item: DATA_ITEM })
            : say(language, 'fact.dataNotVerified', { item: DATA_ITEM }),
          say(language, 'fact.reaches', {
            profile: profile.length > 0 ? profile.join(', ') : say(language, 'profile.internal'),
          }),
        ],
      },
      {
        title: say(language, 'section.pilot'),
        lines: [
          say(language, 'fact.reviewRule', { rule: orNotWritten(language, f.pilot.reviewRule) }),
          dates(language, 'fact.baselineWord', f.pilot.baselineStart, f.pilot.baselineEnd, 'fact.baseline'),
          dates(language, 'fact.pilotWord', f.pilot.pilotStart, f.pilot.pilotEnd, 'fact.pilotDates'),
        ],
      },
      {
        title: say(language, 'section.targets'),
        lines: [
          ...f.targets.slice(0, 3).map((t) => say(language, 'fact.target', t)),
          say(language, 'fact.stopRule', { rule: orNotWritten(language, f.pilot.stopRule) }),
        ],
      },
      {
        title: say(language, 'section.approvals'),
        lines: [
          ...(f.prior.length === 0
            ? [say(language, 'fact.firstStep')]
            : f.prior.map((p) =>
                p.day
                  ? say(language, 'fact.prior', {
                      role: p.role,
                      status: say(language, statusKey[p.status]),
                      day: longDay(p.day, language),
                    })
                  : say(language, 'fact.priorPending', {
                      role: p.role,
                      status: say(language, statusKey[p.status]),
                    }),
              )),
          f.next
            ? say(language, 'fact.next', { step: f.next.step, roles: f.next.roles.join(', ') })
            : say(language, 'fact.last'),
        ],
      },
      {
        title: say(language, 'section.timing'),
        lines: [
          say(language, 'fact.timing', { reminderDays: f.reminderDays, escalationDays: f.escalationDays }),
        ],
      },
      { title: say(language, 'section.record'), lines: [say(language, 'fact.record')] },
    ],
  };
}

/** At most this many changes are listed in a request; the Log lists every one. */
export const CHANGES_SHOWN = 12;

/**
 * What changed since the step approved, field by field, values shortened; a field that may name a
 * person says only that it changed (no personal data in emails).
 */
function changedSection(language: Language, since: NonNullable<RequestFacts['changedSince']>) {
  const when = { version: since.version, day: longDay(since.day, language) };
  if (!since.changes)
    return { title: say(language, 'section.changed'), lines: [say(language, 'changed.unknown', when)] };
  const value = (v: string) => (v.trim() === '' ? say(language, 'changed.empty') : oneLine(v, 80));
  const shown = since.changes.slice(0, CHANGES_SHOWN).map((c) =>
    c.personal
      ? say(language, 'changed.personal', { label: oneLine(c.label, 120) })
      : say(language, 'changed.value', {
          label: oneLine(c.label, 120),
          before: value(c.before),
          after: value(c.after),
        }),
  );
  const more = since.changes.length - shown.length;
  return {
    title: say(language, 'section.changed'),
    lines: [
      say(language, 'changed.since', when),
      ...shown,
      ...(more > 0 ? [say(language, 'changed.more', { count: more })] : []),
    ],
  };
}

export function footerOf(readership: Readership, token: string, version: string, url: string) {
  return languagesOf(readership).map((language) => ({
    language,
    text: say(language, 'request.footer', { token, version, url }),
  }));
}

export function requestEmail(f: RequestFacts): RenderedEmail {
  const languages = languagesOf(f.readership);
  const doc: EmailDoc = {
    readership: f.readership,
    subject: requestSubject(f.workflow.name, f.due, f.readership, f.token),
    leads: languages.map((language) => askLead(language, f.workflow.name, f.due, f.changedSince !== null)),
    details: languages.map((language) => details(language, f, say(language, 'request.otherLanguage'))),
    footer: footerOf(f.readership, f.token, f.planVersion, f.sheetUrl),
  };
  return renderEmail(doc);
}
