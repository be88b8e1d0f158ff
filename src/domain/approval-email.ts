import { escapeHtml, htmlParagraphs, oneLine } from './email-text';
import { replyMarker } from './reply-marker';

/**
 * The approval request email: what one approver is asked to decide, with what they need to decide it
 * (DOMAIN §3(d)), in plain text and HTML. No personal data goes in: roles and the requester, never
 * student or staff records. Every inserted value is escaped for where it lands.
 */
export interface ApprovalEmailContent {
  token: string;
  workflowName: string;
  team: string;
  stepName: string;
  stepNumber: number;
  stepCount: number;
  role: string;
  requester: string;
  sponsor: string;
  description: string;
  /** "Common 5 · Measurable 4 · …", total and band. */
  scores: string;
  eligibility: string;
  dataTier: string;
  profile: string[];
  checklist: { complete: number; gating: number; openForRole: string[] };
  priorApprovals: string[];
  nextStep: string;
  sheetUrl: string;
  planVersion: string;
  due: string;
  reminderDays: number;
  escalationDays: number;
}

export interface ApprovalEmail {
  subject: string;
  plain: string;
  html: string;
}

export function approvalSubject(
  c: Pick<ApprovalEmailContent, 'token' | 'workflowName' | 'role' | 'due'>,
): string {
  return oneLine(
    `[AI Plan ${c.token}] Approval needed: ${oneLine(c.workflowName, 80)} pilot — ${oneLine(c.role, 60)} — due ${c.due}`,
    250,
  );
}

const instructions = [
  'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
  'Responda con APROBAR, RECHAZAR o CAMBIOS como primera palabra y, después, sus comentarios.',
];

function sections(c: ApprovalEmailContent): [string, string[]][] {
  const none = (list: string[], empty: string) => (list.length > 0 ? list : [empty]);
  return [
    [
      'The decision asked of you',
      [
        `As ${c.role}, step ${c.stepNumber} of ${c.stepCount} (${c.stepName}): approve starting a pilot of “${c.workflowName}”, ask for changes, or reject it.`,
        'You are not being asked to approve buying a tool or expanding beyond the pilot.',
      ],
    ],
    [
      'Who is asking',
      [`${c.requester} for ${c.team || 'the team'}; executive sponsor: ${c.sponsor || 'not named yet'}.`],
    ],
    ['The workflow', [c.description || 'No description yet.']],
    ['Why it was chosen', [c.scores, c.eligibility]],
    [
      'Data',
      [
        `Data tier: ${c.dataTier || 'not classified yet'}. Student records and personal data are excluded from prompts.`,
        `Profile: ${c.profile.length > 0 ? c.profile.join(', ') : 'internal, staff-facing, English only'}.`,
      ],
    ],
    [
      'Governance checklist',
      [
        `${c.checklist.complete} of ${c.checklist.gating} required items complete.`,
        ...none(
          c.checklist.openForRole.map((item) => `Open for your role: ${item}`),
          'Nothing on the checklist is waiting for your role.',
        ),
      ],
    ],
    ['Approvals so far', [...none(c.priorApprovals, 'You are in the first step.'), `Next: ${c.nextStep}.`]],
    [
      'The plan',
      [
        `Plan version ${c.planVersion}. The tool, sources, review rule, metrics and stop rule are in the Pilot sheet.`,
        `Open the plan: ${c.sheetUrl}`,
      ],
    ],
    [
      'Timing',
      [
        `Please reply by ${c.due}. A reminder follows in this thread after ${c.reminderDays} days; after ${c.escalationDays} days the sponsor is told the request is waiting.`,
      ],
    ],
    [
      'Record',
      [
        'Your decision, the time, your address and the plan version are recorded in the plan’s Approvals sheet. Please keep student and staff personal data out of your reply: district email is a public record.',
      ],
    ],
  ];
}

export function composeApprovalEmail(c: ApprovalEmailContent): ApprovalEmail {
  const subject = approvalSubject(c);
  const body = sections(c);
  // The marker comes first, so everything of ours in a quoted reply is below it.
  const plain = [
    replyMarker,
    ...instructions,
    '',
    `Approval needed: ${oneLine(c.workflowName, 120)} — ${oneLine(c.role, 60)} (${c.token})`,
    '',
    ...body.flatMap(([title, lines]) => [title.toUpperCase(), ...lines.map((l) => l.trim()), '']),
  ].join('\n');
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124">',
    `<p style="color:#5f6368">${escapeHtml(replyMarker)}</p>`,
    ...instructions.map((line) => `<p><strong>${escapeHtml(line)}</strong></p>`),
    `<h2 style="font-size:18px">Approval needed: ${escapeHtml(oneLine(c.workflowName, 120))} — ${escapeHtml(oneLine(c.role, 60))}</h2>`,
    ...body.map(
      ([title, lines]) =>
        `<h3 style="font-size:15px;margin-bottom:2px">${escapeHtml(title)}</h3>${lines.map((l) => htmlParagraphs(l)).join('')}`,
    ),
    `<p style="color:#5f6368">Request ${escapeHtml(c.token)} · plan version ${escapeHtml(c.planVersion)}</p>`,
    '</div>',
  ].join('');
  return { subject, plain, html };
}
