import { requestEmail, type RequestFacts } from '../../src/domain/approval-email';
import {
  escalationEmail,
  receiptEmail,
  reminderEmail,
  unreadableEmail,
  type RequestRef,
} from '../../src/domain/approval-notices';
import type { RenderedEmail } from '../../src/domain/email-layout';
import { readerships, type Readership } from '../../src/domain/messages/catalogue';

/**
 * One plan, as a district would send it for approval, and every email an approver can receive about
 * it, in each readership: the golden texts, the browser test and the quoted-reply tests all read these.
 */
export const requester = {
  name: 'Morgan Diaz',
  role: 'Workflow owner',
  email: 'coordinator@district.example.org',
};

export function sampleFacts(readership: Readership): RequestFacts {
  return {
    token: 'AP-7K2Q9F3M',
    planVersion: 'v-4f10a114647a',
    readership,
    workflow: {
      name: 'FAQ drafting from approved materials',
      description:
        'Staff draft answers to families’ frequent questions from the district’s approved handbook and calendar; a person reviews every answer before it is published.',
      team: 'Communications',
      dataTier: 'Green',
      profile: ['familyFacing'],
    },
    dataVerifiedBy: 'Pat Lee',
    step: { role: 'Privacy officer', number: 1, count: 2, name: 'Technology and privacy review' },
    requester,
    sponsor: 'Dr. Rivera',
    assessment: {
      scorers: 3,
      consensus: { common: 5, measurable: 4, risk: 4, pain: 4 },
      total: 17,
      band: 'Strong',
      eligibility: 'eligible',
    },
    pilot: {
      tool: 'Gemini for Google Workspace, under district staff accounts',
      agreement: 'Google Workspace for Education agreement; listed in the approved-tools registry',
      dataRule: 'Only published, public district materials go into prompts; no student or staff records.',
      reviewRule: 'A communications staff member reads and edits every draft before it is sent.',
      stopRule: 'Any incident, any error that reaches a family, or staff trust under 3 two weeks running.',
      baselineStart: '2026-12-07',
      baselineEnd: '2026-12-18',
      pilotStart: '2027-01-11',
      pilotEnd: '2027-02-19',
    },
    targets: [
      { metric: 'Time per item (minutes)', target: 'At least 30% lower than baseline' },
      { metric: 'Items handled per week', target: 'At least the baseline' },
      { metric: 'Revision rate (%)', target: 'Under 25%' },
    ],
    changedSince: null,
    prior: [],
    next: { step: 'Final approval', roles: ['Executive sponsor'] },
    due: '2026-12-06',
    reminderDays: 3,
    escalationDays: 5,
    sheetUrl: 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit',
  };
}

export const sampleRef: RequestRef = {
  token: 'AP-7K2Q9F3M',
  planVersion: 'v-4f10a114647a',
  workflow: 'FAQ drafting from approved materials',
  due: '2026-12-06',
  sheetUrl: 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit',
};

/** The same request sent again to a step that approved an earlier version: what changed comes first. */
export function reRequestFacts(readership: Readership): RequestFacts {
  return {
    ...sampleFacts(readership),
    token: 'AP-9W4R2T6B',
    planVersion: 'v-0b7d3c2e91aa',
    pilot: {
      ...sampleFacts(readership).pilot,
      stopRule: 'Two incidents in a week, or staff trust < 3 two weeks running.',
    },
    changedSince: {
      version: 'v-4f10a114647a',
      day: '2026-12-03',
      changes: [
        {
          label: 'Pilot plan › Stop rule',
          before: 'Any incident, any error that reaches a family, or staff trust under 3 two weeks running.',
          after: 'Two incidents in a week, or staff trust < 3 two weeks running.',
          personal: false,
        },
        {
          label: 'Checklist G12 › Evidence link',
          before: '',
          after: 'https://district.example.org/dpa',
          personal: false,
        },
        { label: 'Checklist G08 › Owner', before: 'Pat Lee', after: 'Sam Ortiz', personal: true },
        { label: 'Workflow › Data tier', before: 'Green', after: 'Amber', personal: false },
      ],
    },
  };
}

export const emailKinds = [
  'request',
  'rerequest',
  'reminder',
  'escalation',
  'receipt',
  'unreadable',
] as const;
export type EmailKind = (typeof emailKinds)[number];

export function sampleEmail(kind: EmailKind, readership: Readership): RenderedEmail {
  const request = requestEmail(sampleFacts(readership));
  switch (kind) {
    case 'request':
      return request;
    case 'rerequest':
      return requestEmail(reRequestFacts(readership));
    case 'reminder':
      return reminderEmail(readership, sampleRef, requester, request.subject);
    case 'escalation':
      return escalationEmail(
        readership,
        sampleRef,
        { days: 5, sponsor: 'Dr. Rivera', role: 'Privacy officer' },
        request.subject,
      );
    case 'receipt':
      return receiptEmail(
        readership,
        sampleRef,
        { decision: 'Approve', day: '2026-12-02', time: '09:14', requester },
        request.subject,
      );
    case 'unreadable':
      return unreadableEmail(readership, sampleRef, requester, request.subject);
  }
}

/** Every sample: kind × readership. */
export const allSamples = emailKinds.flatMap((kind) =>
  readerships.map((readership) => ({ kind, readership, email: sampleEmail(kind, readership) })),
);

/** A file-name-safe label: "request.en+es". */
export const sampleName = (kind: EmailKind, readership: Readership) => `${kind}.${readership}`;
