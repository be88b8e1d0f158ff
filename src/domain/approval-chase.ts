import type { Approver } from './approval-chain';
import { escalationDue, reminderDue } from './approval-flow';
import { escalationEmail, reminderEmail, type RequestRef } from './approval-notices';
import type { Person } from './approval-email';
import type { ApprovalRecord } from './approval-records';
import type { LogEvent } from './audit-log';
import { joinReaderships } from './email-language';
import type { Readership } from './messages/catalogue';
import type { MailIntent } from './outbox';
import { text, type TableData } from './table';

/** Days after sending before a reminder, and before the sponsor is told (Settings, 1–60). */
export interface ApprovalTiming {
  reminderDays: number;
  escalationDays: number;
}

export function readTiming(settings: TableData): ApprovalTiming {
  const value = (id: string, fallback: number) => {
    const row = settings.rows.find((r) => text(r.cells['id']) === id);
    const n = Number(text(row?.cells['value']));
    return Number.isInteger(n) && n >= 1 && n <= 60 ? n : fallback;
  };
  return { reminderDays: value('timing.reminderDays', 3), escalationDays: value('timing.escalationDays', 5) };
}

export interface ChaseFacts {
  record: ApprovalRecord;
  /** The approver as the chain names them now; none when their role left the chain (nothing is sent). */
  approver: Approver | undefined;
  now: Date;
  timing: ApprovalTiming;
  /** The executive sponsor from Settings, if one is named. */
  sponsor: { name: string; email: string } | null;
  /** Who runs the check: the requester, in whose name reminders go. */
  me: string;
  requester: Person;
  /** The request as its emails name it (asked only when an email is due: it needs the sheet's link). */
  ref: () => RequestRef;
  readershipOf: (email: string) => Readership;
}

/** An email decided here, without the Outbox token and sender name the adapter adds. */
export type ChaseEmail = Omit<MailIntent, 'token' | 'fromName'> & { tokenParts: string[] };

export interface Chase {
  /** The row's changes: the reminder count and the escalation time, when either falls due. */
  changes: { reminders?: number; escalated?: Date };
  events: LogEvent[];
  email: ChaseEmail | null;
}

/**
 * What a request still waiting for its reply is due now: a reminder in its own thread, in the
 * approver's languages and with the due date, and once, the escalation there with the sponsor copied.
 * The sponsor's own request, or no sponsor named, escalates with nobody to tell: it is only logged.
 */
export function chase(facts: ChaseFacts): Chase {
  const { record, approver, now, timing } = facts;
  const remind = reminderDue(record, now, timing.reminderDays);
  const escalate = escalationDue(record, now, timing.escalationDays);
  if (!approver || (!remind && !escalate)) return { changes: {}, events: [], email: null };
  const sponsorEmail = facts.sponsor?.email.toLowerCase() ?? '';
  const copySponsor = escalate && sponsorEmail !== '' && sponsorEmail !== record.approver;
  const changes: Chase['changes'] = {};
  const events: LogEvent[] = [];
  if (remind) {
    changes.reminders = record.reminders + 1;
    events.push({
      who: facts.me,
      action: 'Reminder sent',
      subject: record.id,
      before: String(record.reminders),
      after: String(record.reminders + 1),
      note: '',
    });
  }
  if (escalate) {
    changes.escalated = now;
    events.push({
      who: facts.me,
      action: 'Escalated to the sponsor',
      subject: record.id,
      before: '',
      after: '',
      note: copySponsor ? `${sponsorEmail} copied in the request's thread.` : 'No other sponsor to tell.',
    });
  }
  if (!remind && !copySponsor) return { changes, events, email: null };
  // A reply in the thread takes the thread's own subject ("Re: …").
  const email = copySponsor
    ? escalationEmail(
        joinReaderships(approver.language, facts.readershipOf(sponsorEmail)),
        facts.ref(),
        { days: timing.escalationDays, sponsor: facts.sponsor?.name || sponsorEmail, role: record.role },
        '',
      )
    : reminderEmail(approver.language, facts.ref(), facts.requester, '');
  return {
    changes,
    events,
    email: {
      tokenParts: copySponsor
        ? ['Escalation', record.id]
        : ['Reminder', record.id, String(record.reminders + 1)],
      kind: copySponsor ? 'Escalation' : 'Reminder',
      about: record.id,
      to: record.approver,
      cc: copySponsor ? sponsorEmail : '',
      subject: email.subject,
      plain: email.plain,
      html: email.html,
      inThread: record.threadId,
      allowed: [approver.email, ...approver.aliases, ...(sponsorEmail ? [sponsorEmail] : [])],
    },
  };
}
