import type { ChainProgress } from './approval-flow';
import type { WorkflowResult } from './scoring';

/**
 * Why "Send" cannot send now, or null: the plan must have a selected workflow that is still eligible
 * as the team's scores stand today, a complete checklist, a pilot plan with every field approvers rely on, a chain without problems, and a step waiting
 * for requests. The email states the scores as they are, so it is never sent for a workflow that no
 * longer passes the gates it claims.
 */
export interface SendGateInput {
  selected: { name: string } | null;
  assessment: Pick<WorkflowResult, 'eligibility' | 'reason'> | null;
  ready: boolean;
  /** The pilot plan's fields still to write, by label (see pilot-plan.ts `unwrittenFields`). */
  unwritten: readonly string[];
  chainProblems: readonly string[];
  progress: ChainProgress | null;
}

export function cannotSend(input: SendGateInput): string | null {
  const { selected, assessment, progress } = input;
  if (!selected) return 'Select a workflow first.';
  const eligible = assessment?.eligibility === 'eligible' || assessment?.eligibility === 'needs-baseline';
  if (!eligible)
    return `“${selected.name}” cannot be sent for approval as the team’s scores stand. ${assessment?.reason ?? 'No scores yet.'} Nothing was sent: change the scores or choose another workflow.`;
  if (!input.ready) return 'The governance checklist is not complete: finish its required items first.';
  if (input.unwritten.length > 0)
    return `The pilot plan is not complete: write ${listed(input.unwritten)} in Pilot first. Approvers are asked to approve the plan as written, so nothing was sent.`;
  if (input.chainProblems.length > 0)
    return 'Fix the approval chain in Settings first (see the problems listed).';
  if (!progress) return 'The plan has no version yet.';
  if (progress.state === 'approved') return 'Every step has approved this plan version.';
  if (progress.state === 'stopped')
    return 'An approver asked for changes or rejected the plan: change the plan, then send again.';
  if (progress.toSend.length === 0) return 'The current step’s requests are out; waiting for replies.';
  return null;
}

const listed = (labels: readonly string[]) =>
  labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`;
