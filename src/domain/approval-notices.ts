import { askLead, footerOf, nameOf, say, tokenTag, whoIs, type Person } from './approval-email';
import { longDay } from './email-dates';
import { renderEmail, type Lead, type RenderedEmail } from './email-layout';
import { oneLine } from './email-text';
import { languagesOf, type Language, type Readership } from './messages/catalogue';

/**
 * The short emails that follow a request, in the approver's languages and (except the requester's
 * notice) in the request's own thread: the reminder, the escalation with the sponsor copied, the
 * receipt when a reply is counted, and the note when the approver's reply could not be read. Each
 * starts with the marker, so a reply quoting it is cut above our text, and restates the ask, the due
 * date and how to reply.
 */
export interface RequestRef {
  token: string;
  planVersion: string;
  workflow: string;
  /** yyyy-mm-dd. */
  due: string;
  sheetUrl: string;
}

export type CountedDecision = 'Approve' | 'Reject' | 'Changes';

/** "Re: " and the request's subject: what a reply in its thread carries. */
function threadSubject(subject: string): string {
  return oneLine(/^re:/i.test(subject) ? subject : `Re: ${subject}`, 250);
}

function email(
  readership: Readership,
  ref: RequestRef,
  subject: string,
  leads: (language: Language) => Lead[],
): RenderedEmail {
  return renderEmail({
    readership,
    subject,
    leads: languagesOf(readership).flatMap(leads),
    details: [],
    footer: footerOf(readership, ref.token, ref.planVersion, ref.sheetUrl),
  });
}

/** Why the email came, then the ask, the due date and how to reply, as the request put them. */
const restated = (language: Language, ref: RequestRef, intro: string): Lead => ({
  ...askLead(language, ref.workflow, ref.due),
  intro,
});

export function reminderEmail(
  readership: Readership,
  ref: RequestRef,
  requester: Person,
  subject: string,
): RenderedEmail {
  return email(readership, ref, threadSubject(subject), (language) => [
    restated(language, ref, say(language, 'reminder.lead', { requester: nameOf(requester) })),
  ]);
}

export function escalationEmail(
  readership: Readership,
  ref: RequestRef,
  details: { days: number; sponsor: string; role: string },
  subject: string,
): RenderedEmail {
  return email(readership, ref, threadSubject(subject), (language) => [
    restated(
      language,
      ref,
      `${say(language, 'escalation.lead', { days: details.days, sponsor: details.sponsor })} ${say(language, 'escalation.onlyApprover', { role: details.role })}`,
    ),
  ]);
}

const decisionKey = {
  Approve: 'reply.approve',
  Reject: 'reply.reject',
  Changes: 'reply.changes',
} as const;

/** "Recorded: Approve, plan version 3, at 09:14 on Tuesday, …; if that is not what you meant…". */
export function receiptEmail(
  readership: Readership,
  ref: RequestRef,
  recorded: { decision: CountedDecision; day: string; time: string; requester: Person },
  subject: string,
): RenderedEmail {
  return email(readership, ref, threadSubject(subject), (language) => [
    {
      language,
      lines: [
        {
          text: say(language, 'receipt.recorded', {
            decision: say(language, decisionKey[recorded.decision]),
            version: ref.planVersion,
            time: recorded.time,
            day: longDay(recorded.day, language),
          }),
          strong: true,
        },
        {
          text:
            recorded.decision === 'Approve'
              ? say(language, 'receipt.correctApproval')
              : say(language, 'receipt.stopped', { requester: nameOf(recorded.requester) }),
        },
      ],
    },
  ]);
}

export function unreadableEmail(
  readership: Readership,
  ref: RequestRef,
  requester: Person,
  subject: string,
): RenderedEmail {
  return email(readership, ref, threadSubject(subject), (language) => [
    restated(language, ref, say(language, 'unreadable.lead', { requester: nameOf(requester) })),
  ]);
}

/** To the requester, when an approver rejects or asks for changes: the chain stops. */
export function stoppedEmail(
  readership: Readership,
  ref: RequestRef,
  answer: { approver: Person; decision: CountedDecision; comment: string },
): RenderedEmail {
  const first = languagesOf(readership)[0] ?? 'en';
  const decision = (language: Language) => say(language, decisionKey[answer.decision]);
  return renderEmail({
    readership,
    marker: false,
    subject: `${say(first, 'stopped.subject', {
      role: oneLine(answer.approver.role, 60),
      decision: decision(first),
      workflow: oneLine(ref.workflow, 80),
    })} ${tokenTag(ref.token)}`,
    leads: languagesOf(readership).map((language) => ({
      language,
      lines: [
        {
          text: say(language, 'stopped.lead', {
            approver: whoIs(answer.approver),
            decision: decision(language),
            workflow: ref.workflow,
          }),
          strong: true,
        },
        { text: say(language, 'stopped.words') },
        { text: answer.comment.trim() || '—' },
        { text: say(language, 'stopped.open', { url: ref.sheetUrl }) },
      ],
    })),
    details: [],
    footer: footerOf(readership, ref.token, ref.planVersion, ref.sheetUrl),
  });
}
