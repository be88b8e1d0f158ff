import type { ApprovalStep, Approver } from './approval-chain';
import type { ApprovalTiming } from './approval-chase';
import type { Person, RequestFacts } from './approval-email';
import type { ChainProgress } from './approval-flow';
import { metricsFor } from './metric-definitions';
import type { ChangedSince } from './plan-copies';
import type { WorkflowResult } from './scoring';
import { profileFlags } from './workflow-profile';
import type { WorkflowRecord } from './workflow-records';

/** Everything a request email states, as the plan and the chain stand when it is decided. */
export interface RequestContext {
  request: { id: string; due: string };
  workflow: WorkflowRecord;
  version: string;
  step: ApprovalStep;
  approver: Approver;
  progress: ChainProgress;
  requester: Person;
  /** The executive sponsor's name, "" when Settings names nobody. */
  sponsor: string;
  dataVerifiedBy: string;
  /** The pilot plan by field key. */
  pilot: Readonly<Record<string, string>>;
  /** The workflow's scores as they stand now; null when nobody has scored it. */
  assessment: WorkflowResult | null;
  /** For a step that approved an earlier version: what changed since (plan-copies.ts). */
  since: ChangedSince | null;
  /** A date as the spreadsheet's day, yyyy-mm-dd. */
  day: (date: Date) => string;
  timing: ApprovalTiming;
  sheetUrl: string;
}

/**
 * The facts of one request email: the step's place among the steps that apply, where earlier steps
 * stand, who is asked next, the scores and eligibility as they are (never a claim the scores do not
 * make), and the plan's first three targets.
 */
export function requestFacts(c: RequestContext): RequestFacts {
  const { workflow, progress, step } = c;
  const plan = (field: string) => c.pilot[field] ?? '';
  const later = progress.steps.filter((s) => s.step.number > step.number);
  const earlier = progress.steps.filter((s) => s.step.number < step.number);
  return {
    token: c.request.id,
    planVersion: c.version,
    readership: c.approver.language,
    workflow: {
      name: workflow.name,
      description: workflow.description,
      team: workflow.team,
      dataTier: workflow.dataTier,
      profile: profileFlags.filter((flag) => workflow.flags[flag]),
    },
    dataVerifiedBy: c.dataVerifiedBy,
    step: {
      role: c.approver.role,
      number: progress.steps.findIndex((s) => s.step.number === step.number) + 1,
      count: progress.steps.length,
      name: step.name,
    },
    requester: c.requester,
    sponsor: c.sponsor,
    assessment: c.assessment ?? {
      scorers: 0,
      consensus: null,
      total: null,
      band: null,
      eligibility: 'not-scored',
    },
    pilot: {
      tool: plan('tool'),
      agreement: plan('agreement'),
      dataRule: plan('dataRule'),
      reviewRule: plan('reviewRule'),
      stopRule: plan('stopRule'),
      baselineStart: plan('baselineStart'),
      baselineEnd: plan('baselineEnd'),
      pilotStart: plan('pilotStart'),
      pilotEnd: plan('pilotEnd'),
    },
    targets: metricsFor(workflow.kind)
      .slice(0, 3)
      .map((d) => ({ metric: d.name, target: d.target.text })),
    changedSince: c.since
      ? {
          version: c.since.version,
          day: c.since.decided ? c.day(c.since.decided) : '',
          changes: c.since.changes,
        }
      : null,
    prior: earlier.flatMap((s) =>
      s.approvers.map((a) => ({
        role: a.approver.role,
        status: a.record?.status ?? '',
        day: a.record?.decided ? c.day(a.record.decided) : '',
      })),
    ),
    next: later[0] ? { step: later[0].step.name, roles: later[0].step.approvers.map((a) => a.role) } : null,
    due: c.request.due,
    reminderDays: c.timing.reminderDays,
    escalationDays: c.timing.escalationDays,
    sheetUrl: c.sheetUrl,
  };
}
