import { JOURNAL_KIND, journalStates, mailKinds, mailStates } from '../src/domain/outbox';
import type { ColumnTemplate, TableTemplate } from '../src/domain/workspace-template';

const column = (
  key: string,
  header: string,
  type: ColumnTemplate['type'],
  width: number,
  help: string,
): ColumnTemplate => ({ key, header, type, width, since: 3, computed: true, help });

/**
 * Every email the add-on sends, written here before it goes and marked when it went, so a run that
 * stops part-way is completed by the next without sending anything twice. The bodies of an email are
 * kept only until it is sent. A run's Log events wait here too, written with its emails, until they
 * are in the Log.
 */
export const outbox: TableTemplate = {
  kind: 'table',
  key: 'outbox',
  name: 'Outbox',
  purpose: 'Every email the add-on sends: written before it goes, marked when it went.',
  idPrefix: 'OB',
  // Each user's add-on writes the emails it sends, so the sheet cannot be closed to editors.
  protection: 'warning',
  tabColor: '#9aa0a6',
  columns: [
    column(
      'id',
      'Token',
      { kind: 'id' },
      130,
      'The email’s token, also in the email, so sent mail shows it.',
    ),
    column(
      'kind',
      'Kind',
      { kind: 'choice', choices: [...mailKinds, JOURNAL_KIND] },
      100,
      'What the email is; “Log” for a run’s Log events, kept here until they are in the Log.',
    ),
    column('about', 'About', { kind: 'text' }, 110, 'The request or workflow the email is about.'),
    column(
      'state',
      'State',
      { kind: 'choice', choices: [...new Set([...mailStates, ...journalStates])] },
      90,
      'Pending until it is sent (or its Log events are in the Log); Queued while it waits for a later run.',
    ),
    column('sender', 'Sender', { kind: 'email' }, 200, 'Whose Gmail sends it.'),
    column('to', 'To', { kind: 'text' }, 200, 'Who it goes to.'),
    column('subject', 'Subject', { kind: 'text' }, 260, 'The subject line.'),
    column('queued', 'Queued', { kind: 'datetime' }, 140, 'When the add-on decided to send it.'),
    column('sent', 'Sent', { kind: 'datetime' }, 140, 'When it went out.'),
    column('messageId', 'Message ID', { kind: 'text' }, 150, 'The Gmail ID of the email sent.'),
    column('threadId', 'Thread ID', { kind: 'text' }, 150, 'The Gmail thread it is in.'),
    column('inThread', 'In thread', { kind: 'text' }, 150, 'For a reply: the Gmail thread it goes into.'),
    column('cc', 'Cc', { kind: 'text' }, 160, 'Who is copied.'),
    column(
      'allowed',
      'Allowed',
      { kind: 'text' },
      160,
      'For a reply: the only addresses it may reach; it is not sent if Gmail would take it elsewhere.',
    ),
    column('fromName', 'From name', { kind: 'text' }, 160, 'The sender’s name as recipients see it.'),
    column(
      'plain',
      'Text',
      { kind: 'text', long: true },
      160,
      'The plain-text body, until it is sent (for “Log”: the events, until they are in the Log).',
    ),
    column('html', 'HTML', { kind: 'text', long: true }, 160, 'The HTML body, until it is sent.'),
    column(
      'seal',
      'Seal',
      { kind: 'text' },
      120,
      'The add-on’s signature over what a pending row sends: a row typed or changed by hand is never sent.',
    ),
  ],
  defaultRows: [],
  // No highlight: only the add-on reads this sheet, and set-up then has one rule set fewer to check.
  conditionalFormats: [],
};
