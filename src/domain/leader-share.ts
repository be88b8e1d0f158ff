import type { DashboardInput } from './dashboard-view';
import { escapeHtml, oneLine } from './email-text';
import { isRecord, textField, type Checked, type FieldError } from './input-fields';
import { isEmailAddress } from './roles';

/**
 * Sharing the plan with leaders: who gets access (viewers unless an editor is asked for) and the short
 * summary email each receives — key figures and a link, counts and medians only, no personal data.
 */
export const MAX_LEADERS = 20;

export type ShareFields = { addresses: string[]; role: 'viewer' | 'editor'; note: string };

export function checkShareInput(input: unknown): Checked<ShareFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The sharing request could not be read.' }] };
  const errors: FieldError[] = [];
  const raw = typeof input['addresses'] === 'string' ? input['addresses'] : '';
  const parts = raw
    .slice(0, 5000)
    .split(/[\s,;]+/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
  const addresses = [...new Set(parts)];
  const wrong = addresses.filter((a) => !isEmailAddress(a));
  if (addresses.length === 0)
    errors.push({ field: 'addresses', message: 'Give at least one email address.' });
  else if (wrong.length > 0)
    errors.push({
      field: 'addresses',
      message: `These are not email addresses: ${wrong.slice(0, 5).join(', ')}.`,
    });
  else if (addresses.length > MAX_LEADERS)
    errors.push({ field: 'addresses', message: `Share with at most ${MAX_LEADERS} people at a time.` });
  const role = input['role'] === 'editor' ? 'editor' : input['role'] === 'viewer' ? 'viewer' : null;
  if (!role) errors.push({ field: 'role', message: 'Choose view only, or edit.' });
  const note = textField(errors, input, 'note', 'The note', 1000);
  return errors.length > 0 || !role ? { ok: false, errors } : { ok: true, value: { addresses, role, note } };
}

/** The summary each leader receives: where the plan stands and its key figures, with the link. */
export function leaderSummaryEmail(
  view: DashboardInput,
  spreadsheetName: string,
  url: string,
  note: string,
): { subject: string; plain: string; html: string } {
  const phase =
    view.phase.number === 0 ? view.phase.title : `Phase ${view.phase.number} of 5: ${view.phase.title}`;
  const lines: [string, string][] = [
    ['Where the plan stands', `${phase}. ${view.phase.detail}`],
    ['The chosen workflow', view.selected ? view.selected.name : 'Not chosen yet'],
    [
      'Governance',
      view.governance
        ? `${view.governance.complete} of ${view.governance.gating} required items done${view.governance.ready ? '; ready for approval' : ''}`
        : 'Not started',
    ],
    ['Approvals', view.approvals?.summary ?? 'Not started'],
    ...view.metrics
      .filter((m) => m.pilot !== null || m.baseline !== null)
      .map((m): [string, string] => [
        m.name,
        `${m.baseline ?? '–'} → ${m.pilot ?? '–'}${m.change === null ? '' : ` (${m.change > 0 ? '+' : ''}${m.change}%)`}; target ${m.target.toLowerCase()}: ${m.targetMet === null ? 'not known yet' : m.targetMet ? 'met' : 'not met'}`,
      ]),
    ['Decision', view.pilot?.decision || 'Not decided yet'],
  ];
  const subject = oneLine(`AI implementation plan: ${spreadsheetName} — ${phase}`, 200);
  const plain = [
    ...(note ? [note, ''] : []),
    ...lines.map(([label, text]) => `${label}: ${text}`),
    '',
    `Open the plan (view only unless you were asked to edit): ${url}`,
    'The Dashboard sheet shows the figures live; nothing there is about one person.',
  ].join('\n');
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124">',
    note ? `<p>${escapeHtml(note)}</p>` : '',
    '<table style="border-collapse:collapse">',
    ...lines.map(
      ([label, text]) =>
        `<tr><th style="text-align:left;padding:3px 10px 3px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:3px 0">${escapeHtml(text)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(url)}">Open the plan</a>. The Dashboard sheet shows the figures live; nothing there is about one person.</p>`,
    '</div>',
  ].join('');
  return { subject, plain, html };
}
