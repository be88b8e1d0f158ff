import { mailKinds, mailStates } from '../src/domain/outbox';
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
 * kept only until it is sent.
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
    column('kind', 'Kind', { kind: 'choice', choices: mailKinds }, 100, 'What the email is.'),
    column('about', 'About', { kind: 'text' }, 110, 'The request or workflow the email is about.'),
    column('state', 'State', { kind: 'choice', choices: mailStates }, 90, 'Pending until it is sent.'),
    column('sender', 'Sender', { kind: 'email' }, 200, 'Whose Gmail sends it.'),
    column('to', 'To', { kind: 'text' }, 200, 'Who it goes to.'),
    column('subject', 'Subject', { kind: 'text' }, 260, 'The subject line.'),
    column('queued', 'Queued', { kind: 'datetime' }, 140, 'When the add-on decided to send it.'),
    column('sent', 'Sent', { kind: 'datetime' }, 140, 'When it went out.'),
    column('messageId', 'Message ID', { kind: 'text' }, 150, 'The Gmail ID of the email sent.'),
    column('threadId', 'Thread ID', { kind: 'text' }, 150, 'The Gmail thread it is in.'),
    column(
      'inReplyTo',
      'Reply under',
      { kind: 'text' },
      150,
      'For an email in an existing thread: the Gmail ID of a message of that thread.',
    ),
    column('plain', 'Text', { kind: 'text', long: true }, 160, 'The plain-text body, until it is sent.'),
    column('html', 'HTML', { kind: 'text', long: true }, 160, 'The HTML body, until it is sent.'),
  ],
  defaultRows: [],
  conditionalFormats: [{ formula: '=[state]2="Pending"', background: '#fce8b2', columns: ['state'] }],
};
