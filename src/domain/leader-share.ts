import type { BoardSummary } from './board-summary';
import { escapeHtml, oneLine } from './email-text';
import { isRecord, textField, type Checked, type FieldError } from './input-fields';
import { isEmailAddress } from './roles';
import { inputCaps, quoted } from './input-caps';

/**
 * Sharing the plan with leaders, exposing no more than asked. The default sends the Board summary as
 * an email and grants nothing. View access to the spreadsheet is a second, explicit choice, because a
 * viewer sees every sheet: the Scores sheet with named scorers, the approvers' comments and the Log.
 * Addresses outside the district's domain are refused unless the person confirms them.
 */
export const MAX_LEADERS = 20;

/** What a viewer of the spreadsheet can read, listed where the person chooses to grant access. */
export const VIEWERS_SEE = [
  'every sheet of the workspace, not only the Dashboard and the Board summary',
  'the Scores sheet, with the name of each person who scored and their notes',
  'the Approvals sheet, with each approver’s comments',
  'the Log, with who changed what and when',
] as const;

export type ShareFields = {
  addresses: string[];
  /** "summary": send the Board summary only (the default); "view": also add them as viewers. */
  access: 'summary' | 'view';
  note: string;
};

export function parseAddresses(raw: string): string[] {
  return [
    ...new Set(
      raw
        .slice(0, 5000)
        .split(/[\s,;]+/)
        .map((a) => a.trim().toLowerCase())
        .filter((a) => a !== ''),
    ),
  ];
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * `districtDomain` is the sharing person's own domain; null when Google does not say (then every
 * address needs the confirmation).
 */
export function checkShareInput(input: unknown, districtDomain: string | null): Checked<ShareFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The sharing request could not be read.' }] };
  const errors: FieldError[] = [];
  const addresses = parseAddresses(typeof input['addresses'] === 'string' ? input['addresses'] : '');
  const wrong = addresses.filter((a) => !isEmailAddress(a));
  if (addresses.length === 0)
    errors.push({ field: 'addresses', message: 'Give at least one email address.' });
  else if (wrong.length > 0)
    errors.push({
      field: 'addresses',
      message: `These are not email addresses: ${quoted(wrong.slice(0, 5).join(', '))}.`,
    });
  else if (addresses.length > MAX_LEADERS)
    errors.push({ field: 'addresses', message: `Share with at most ${MAX_LEADERS} people at a time.` });
  // Only the exact choice grants access; anything else (missing, old "viewer", "editor") sends the summary.
  const access = input['access'] === 'view' ? 'view' : 'summary';
  const outside =
    wrong.length > 0
      ? []
      : addresses.filter((a) => districtDomain === null || domainOf(a) !== districtDomain);
  if (outside.length > 0 && input['confirmOutside'] !== true) {
    const where = districtDomain
      ? `outside ${districtDomain}`
      : 'outside the district (your account has no district domain)';
    errors.push({
      field: 'confirmOutside',
      message: `${quoted(outside.slice(0, 5).join(', '))}${outside.length > 5 ? ` and ${outside.length - 5} more` : ''} ${outside.length === 1 ? 'is' : 'are'} ${where}. Confirm that you mean to send the plan there, or remove ${outside.length === 1 ? 'it' : 'them'}.`,
    });
  }
  const note = textField(errors, input, 'note', 'The note', inputCaps.shareWithLeaders.note);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { addresses, access, note } };
}

/**
 * The email: the Board summary itself, as written in the sheet (counts, roles and dates only: no
 * scorer's name, no approval comment, no Log line), with the note on top.
 */
export function boardSummaryEmail(
  summary: BoardSummary,
  spreadsheetName: string,
  url: string,
  note: string,
  access: ShareFields['access'],
): { subject: string; plain: string; html: string } {
  const title = summary.rows[0]?.[0] ?? 'Board summary';
  const subject = oneLine(`${title}: ${spreadsheetName}`, 200);
  const body = summary.rows.slice(1).filter((r) => r.some((c) => c !== ''));
  const closing =
    access === 'view'
      ? `You can also open the plan, view only: ${url}`
      : 'This email is the whole summary; no access to the spreadsheet comes with it.';
  const plain = [
    ...(note ? [note, ''] : []),
    title,
    '',
    ...body.map((r) => r.filter((c) => c !== '').join('\n')),
    '',
    closing,
  ].join('\n');
  const cell = (text: string, heading: boolean) =>
    `<td style="padding:4px 10px 4px 0;vertical-align:top;${heading ? 'font-weight:bold;' : ''}">${escapeHtml(text)}</td>`;
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:760px">',
    note ? `<p>${escapeHtml(note)}</p>` : '',
    `<h1 style="font-size:18px">${escapeHtml(title)}</h1>`,
    '<table role="presentation" style="border-collapse:collapse">',
    ...body.map((r) => `<tr>${r.map((c, i) => cell(c, i === 0)).join('')}</tr>`),
    '</table>',
    access === 'view'
      ? `<p><a href="${escapeHtml(url)}">Open the plan (view only)</a></p>`
      : `<p>${escapeHtml(closing)}</p>`,
    '</div>',
  ].join('');
  return { subject, plain, html };
}
