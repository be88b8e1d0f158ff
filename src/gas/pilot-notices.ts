import type { Message } from '../domain/messages/catalogue';
import { approvals as approvalsTemplate } from '../../sheets-templates/approvals';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { readershipOfPerson } from '../domain/approval-chain';
import { readApprovals, verifyApprovals } from '../domain/approval-records';
import type { LogEvent, Signer } from '../domain/audit-log';
import { senderName } from '../domain/email-layout';
import { mailToken, type MailIntent } from '../domain/outbox';
import {
  APPROVER,
  approvedAudience,
  DECISION_ROLES,
  decisionEmail,
  noticeEvent,
  noticeIntents,
  PAUSE_ROLES,
  pauseEmail,
  recipientsOf,
  REQUESTER,
  shownName,
  type PilotDecision,
} from '../domain/pilot-notices';
import { readRoles, SPONSOR_ROLE, type RolePerson } from '../domain/roles';
import type { AppsScript, Spreadsheet } from './apps-script';
import { displayName, whoAmI } from './identity';
import { SheetTable } from './sheet-table';

/**
 * The pilot's notifications as Outbox intents, with the Log event naming who is told: the caller
 * queues them with its own record (commitJournaled), so the email and the pause or decision it tells
 * of are written together and sent once. Reads Settings and Approvals once each.
 */
export interface Notices {
  intents: MailIntent[];
  event: LogEvent;
}

interface Known {
  people: RolePerson[];
  readership: (email: string) => ReturnType<typeof readershipOfPerson>;
  audience: ReturnType<typeof approvedAudience>;
  /** The acting person as approvers read them: their Settings name, else their display name. */
  actor: { email: string; name: string };
  token: (about: readonly string[]) => string;
  sheetUrl: string;
}

function known(gas: AppsScript, spreadsheet: Spreadsheet, sign: Signer, workflowId: string): Known {
  const settings = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'setting']).data;
  const approvals = SheetTable.open(spreadsheet, approvalsTemplate, ['id', 'status', 'approver', 'threadId']);
  const records = verifyApprovals(readApprovals(approvals.data, new Map()), sign);
  const people = readRoles(settings).directory.people;
  const me = whoAmI(gas);
  const email = me.email.toLowerCase();
  const person = people.find((p) => email !== '' && p.email.toLowerCase() === email);
  const id = spreadsheet.getId();
  return {
    people,
    readership: (address) => readershipOfPerson(settings, address),
    audience: approvedAudience(records, workflowId),
    actor: { email, name: shownName(person?.name ?? '', displayName(me)) },
    token: (about) => mailToken(sign, id, about),
    sheetUrl: spreadsheet.getUrl(),
  };
}

const sponsorName = (people: readonly RolePerson[]) => {
  const sponsor = people.find((p) => p.role.toLowerCase() === SPONSOR_ROLE.toLowerCase());
  return sponsor ? shownName(sponsor.name, sponsor.email) : '';
};

/** The stop rule paused the pilot: the sponsor, the privacy officer and the requester are told. */
export function pauseNotices(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  sign: Signer,
  pause: {
    workflowId: string;
    workflow: string;
    /** In every language: each recipient reads them in the workspace's. */
    reasons: readonly Message[];
    /** What makes this pause this one: the pilot's start and the reasons it was resumed over before. */
    started: string;
    resumedAfter: string;
    by: 'measurement' | 'check' | 'plan';
  },
): Notices {
  const k = known(gas, spreadsheet, sign, pause.workflowId);
  const told = recipientsOf(
    k.people,
    PAUSE_ROLES,
    k.audience.requesters.map((email) => ({ email, role: REQUESTER })),
    k.readership,
  );
  const facts = {
    workflow: pause.workflow,
    reasons: pause.reasons,
    who: k.actor.name,
    by: pause.by,
    sponsor: sponsorName(k.people),
    sheetUrl: k.sheetUrl,
  };
  return {
    intents: noticeIntents(
      told.recipients,
      (readership) => pauseEmail(readership, facts),
      k.token,
      [
        'Pause notice',
        pause.workflowId,
        pause.started,
        pause.resumedAfter,
        pause.reasons.map((r) => r.en).join(' '),
      ],
      pause.workflowId,
      senderName(k.actor.name),
    ),
    event: noticeEvent(k.actor.name, 'Pause notice queued', pause.workflowId, told),
  };
}

/** A decision was recorded: the sponsor, every approver of the plan version that ran and the requester. */
export function decisionNotices(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  sign: Signer,
  decision: {
    workflowId: string;
    workflow: string;
    /** The Pilot row's ID: a pilot has one decision. */
    pilotId: string;
    decision: PilotDecision;
    rationale: string;
    onBehalf: boolean;
    reopens: boolean;
  },
): Notices {
  const k = known(gas, spreadsheet, sign, decision.workflowId);
  const told = recipientsOf(
    k.people,
    DECISION_ROLES,
    [
      ...k.audience.approvers.map((email) => ({ email, role: APPROVER })),
      ...k.audience.requesters.map((email) => ({ email, role: REQUESTER })),
    ],
    k.readership,
  );
  const facts = {
    workflow: decision.workflow,
    decision: decision.decision,
    rationale: decision.rationale,
    sponsor: sponsorName(k.people),
    onBehalfBy: decision.onBehalf ? k.actor.name : '',
    reopens: decision.reopens,
    sheetUrl: k.sheetUrl,
  };
  return {
    intents: noticeIntents(
      told.recipients,
      (readership) => decisionEmail(readership, facts),
      k.token,
      ['Decision notice', decision.workflowId, decision.pilotId, decision.decision],
      decision.workflowId,
      senderName(k.actor.name),
    ),
    event: noticeEvent(k.actor.name, 'Decision notice queued', decision.workflowId, told),
  };
}
