import type { ApprovalChain } from './approval-chain';
import type { ChainProgress } from './approval-flow';
import type { ApprovalRecord } from './approval-records';
import { EDITED_NOT_COUNTED } from './record-seal';
import { uncountedLines } from './uncounted-replies';

/**
 * The Approvals view: where the chain stands for the plan version, as the sidebar shows it. Declared
 * here with the mapping that fills it; the sidebar contract (src/shared/approvals.ts) re-exports it.
 */
export type ApproverLine = {
  role: string;
  name: string;
  /** The request's status, or "Not sent". */
  status: string;
  requestId: string | null;
  /** yyyy-mm-dd hh:mm in the spreadsheet's time zone, or "". */
  sent: string;
  decided: string;
  comment: string;
  reminders: number;
};

export type StepLine = {
  number: number;
  name: string;
  condition: string;
  applies: boolean;
  complete: boolean;
  current: boolean;
  approvers: ApproverLine[];
};

export type ReviewItem = {
  requestId: string;
  role: string;
  approver: string;
  /** The reply, as the approver wrote it (shown as text). */
  reply: string;
  /** Why the add-on did not decide by itself. */
  reason: string;
};

export type ApprovalBoard = {
  setUp: boolean;
  selected: { id: string; name: string } | null;
  planVersion: string | null;
  ready: boolean;
  /** "not-sent", "waiting", "needs-review", "approved" or "stopped". */
  state: string;
  summary: string;
  steps: StepLine[];
  review: ReviewItem[];
  /** Why nothing can be sent now, or null when "Send" would send the current step. */
  cannotSend: string | null;
  /** How many emails "Send" would send. */
  toSend: number;
  /** Problems with the approval chain in Settings. */
  problems: string[];
  /** Rows of the Approvals sheet edited by hand, which do not count: one sentence each. */
  edited: string[];
  /** Replies to this version's requests that did not count, with why (newest first per request). */
  uncounted: { requestId: string; role: string; lines: string[] }[];
};

export interface BoardFacts {
  chain: ApprovalChain;
  /** Null when no workflow is selected or the plan has no version yet. */
  progress: ChainProgress | null;
  records: readonly ApprovalRecord[];
  /** The selected workflow; a row with no ID yet counts as none. */
  selected: { id: string | null; name: string } | null;
  version: string | null;
  ready: boolean;
  /** Why "Send" cannot send now (approval-gate.ts), or null. */
  cannotSend: string | null;
  /** A time as the district reads it: "yyyy-MM-dd HH:mm" in the spreadsheet's zone. */
  when: (date: Date) => string;
}

const fieldHeaders: Record<string, string> = {
  workflowId: 'Workflow ID',
  step: 'Step',
  approver: 'Approver email',
  planVersion: 'Plan version',
  status: 'Status',
  decision: 'Decision',
  replyMessageId: 'Reply message ID',
  resolvedBy: 'Resolved by',
  messageId: 'Request message ID',
};

/** Why a row does not count as it reads, for the sidebar, the Dashboard and the Log; null when it does. */
export function editedNote(record: ApprovalRecord): string | null {
  if (!record.tampered) return null;
  const what =
    record.tampered.kind === 'unsealed'
      ? 'its seal is missing or does not match'
      : `${record.tampered.fields.map((f) => fieldHeaders[f] ?? f).join(', ')} changed by hand; the add-on’s record stands`;
  return `Approvals row ${record.row} (${record.id || 'no ID'}, ${record.role || 'no role'}): ${EDITED_NOT_COUNTED} — ${what}.`;
}

export function approvalBoardFrom(facts: BoardFacts): ApprovalBoard {
  const { progress } = facts;
  const when = (d: Date | null) => (d ? facts.when(d) : '');
  const applying = new Set(progress?.steps.map((s) => s.step.number) ?? []);
  const steps = facts.chain.steps.map((step) => {
    const line = progress?.steps.find((s) => s.step.number === step.number);
    return {
      number: step.number,
      name: step.name,
      condition: step.condition,
      applies: applying.has(step.number),
      complete: line?.complete ?? false,
      current: progress?.current?.step.number === step.number,
      approvers: step.approvers.map((approver) => {
        const record = line?.approvers.find((a) => a.approver.email === approver.email)?.record ?? null;
        return {
          role: approver.role,
          name: approver.name || approver.email,
          status: record?.status ?? (applying.has(step.number) ? 'Not sent' : 'Not needed'),
          requestId: record?.id ?? null,
          sent: when(record?.sent ?? null),
          decided: when(record?.decided ?? null),
          comment: record?.comment ?? '',
          reminders: record?.reminders ?? 0,
        };
      }),
    };
  });
  const answered = (progress?.steps ?? []).flatMap((s) => s.approvers);
  const review = answered.flatMap(({ approver, record }) =>
    record?.status === 'Needs review'
      ? [
          {
            requestId: record.id,
            role: approver.role,
            approver: approver.name || approver.email,
            reply: record.comment,
            reason: record.reviewNote,
          },
        ]
      : [],
  );
  const state = progress?.state ?? 'not-sent';
  const why = facts.cannotSend;
  const summaries: Record<string, string> = {
    'not-sent':
      why ??
      `Ready to send step ${progress?.current?.step.number ?? ''}: ${progress?.toSend.length ?? 0} request(s).`,
    waiting: 'Waiting for replies.',
    'needs-review': 'A reply needs a person to read it.',
    approved: 'Every step has approved this plan version. The pilot can start.',
    stopped: `${progress?.stoppedBy?.role ?? 'An approver'} answered “${progress?.stoppedBy?.status ?? ''}”: change the plan, then send again.`,
  };
  return {
    setUp: true,
    selected: facts.selected?.id ? { id: facts.selected.id, name: facts.selected.name } : null,
    planVersion: facts.version,
    ready: facts.ready,
    state,
    summary: summaries[state] ?? '',
    steps,
    review,
    cannotSend: why,
    toSend: why ? 0 : (progress?.toSend.length ?? 0),
    problems: facts.chain.problems,
    edited: facts.records.flatMap((r) => editedNote(r) ?? []),
    uncounted: answered.flatMap(({ approver, record }) =>
      record && record.uncounted !== ''
        ? [{ requestId: record.id, role: approver.role, lines: uncountedLines(record.uncounted) }]
        : [],
    ),
  };
}

/** The view of a spreadsheet not set up yet. */
export function notSetUpBoard(): ApprovalBoard {
  return {
    setUp: false,
    selected: null,
    planVersion: null,
    ready: false,
    state: 'not-sent',
    summary: 'Run Set up workspace first.',
    steps: [],
    review: [],
    cannotSend: 'Run Set up workspace first.',
    toSend: 0,
    problems: [],
    edited: [],
    uncounted: [],
  };
}
