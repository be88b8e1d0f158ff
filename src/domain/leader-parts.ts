import {
  phaseOf as lifecyclePhase,
  stageOf as lifecycleStage,
  type Phase,
  type PlanFacts,
  type Stage,
} from './plan-lifecycle';
import { requiredToStart } from './pilot-plan';
import { enoughData, type MetricEvidence } from './metric-evidence';

/**
 * What the leader view (the Dashboard and the Board summary) is made from, one part per source sheet.
 * An action hands over the parts it holds after its own change; the parts it did not touch are the
 * ones stored by the last action that did (document properties), so writing the leader view never
 * re-reads a sheet. Counts, medians and roles only: nothing here names a scorer, and no approval
 * comment or Log line is kept.
 */
export interface LeaderParts {
  workflows?: WorkflowsPart;
  governance?: GovernancePart;
  approvals?: ApprovalsPart;
  pilot?: PilotPart;
  metrics?: MetricsPart;
  incidents?: IncidentsPart;
}

export interface SelectedWorkflow {
  id: string;
  name: string;
  total: number | null;
  band: string | null;
  reason: string;
  /** "Green", "Amber", "Red" or "". */
  dataTier: string;
  familyFacing: boolean;
  studentFacing: boolean;
  /** The kind of workflow ("FAQ drafting" …) or "": it decides which measures the leader view lists. */
  kind: string;
  /** How many people scored it (the n of its team score). */
  scorers: number;
}

export interface WorkflowsPart {
  candidates: number;
  selected: SelectedWorkflow | null;
  /** The ranked candidates, best first (at most RANKING_KEPT). */
  ranking: { name: string; total: number; scorers: number }[];
  /** How many candidates are ranked in all. */
  ranked: number;
}

export interface GovernancePart {
  workflowId: string;
  /** The plan version's hash: kept to number versions for people, never shown. */
  planVersion: string | null;
  complete: number;
  gating: number;
  ready: boolean;
}

export interface ApprovalsPart {
  workflowId: string;
  planVersion: string | null;
  /** "not-sent", "waiting", "needs-review", "approved" or "stopped". */
  state: string;
  steps: {
    number: number;
    name: string;
    complete: boolean;
    /** Roles only; `decided` is "yyyy-mm-dd hh:mm" in the spreadsheet's time zone, or "". */
    approvers: { role: string; status: string; requested: boolean; decided: string }[];
  }[];
}

export interface PilotPart {
  workflowId: string;
  /** "Draft", "Running", "Paused" or "Ended". */
  state: string;
  /** yyyy-mm-dd or "". */
  pilotStart: string;
  pilotEnd: string;
  reviewRule: string;
  dataRule: string;
  communication: string;
  decision: string;
  rationale: string;
  /** The plan version the Pilot sheet's plan belongs to (the pilot plan is part of it). */
  planVersion: string | null;
  /** How many fields the pilot plan still needs before it is sent for approval. */
  planMissing: number;
}

export interface MetricFigure extends MetricEvidence {
  name: string;
  better: 'lower' | 'higher';
  target: string;
  needsBaseline: boolean;
  baseline: number | null;
  pilot: number | null;
  change: number | null;
  targetMet: boolean | null;
}

export interface MetricsPart {
  workflowId: string;
  /** The pilot's state after the stop rules, which a measurement can change. */
  pilotState: string;
  metrics: MetricFigure[];
  stopReasons: string[];
  /** Pilot values per period start (yyyy-mm-dd). */
  trends: { name: string; points: { period: string; value: number }[] }[];
}

/** The rows of the Incidents sheet, counted per workflow ID (only the workflows that have any). */
export interface IncidentsPart {
  counts: Record<string, number>;
}

export function countIncidents(workflowIds: readonly string[]): IncidentsPart {
  const counts: Record<string, number> = {};
  for (const id of workflowIds) if (id !== '') counts[id] = (counts[id] ?? 0) + 1;
  return { counts };
}

export const RANKING_KEPT = 10;
/** The weekly charts show the latest periods only. */
export const TREND_KEPT = 12;

/** Stored parts, then the action's fresh ones; a part about another workflow than the selection is dropped. */
export function mergeParts(stored: LeaderParts, fresh: LeaderParts): LeaderParts {
  const merged: LeaderParts = { ...stored, ...fresh };
  // A measurement can pause the pilot; the latest plan version is the one a fresh part carries.
  if (fresh.metrics && merged.pilot && merged.pilot.workflowId === fresh.metrics.workflowId)
    merged.pilot = { ...merged.pilot, state: fresh.metrics.pilotState };
  const version = fresh.governance?.planVersion ?? fresh.pilot?.planVersion ?? fresh.approvals?.planVersion;
  if (version && merged.governance) merged.governance = { ...merged.governance, planVersion: version };
  // Nothing requested yet: nothing can be stale, so the approvals part only takes the new version.
  if (version && merged.approvals?.state === 'not-sent')
    merged.approvals = { ...merged.approvals, planVersion: version };
  const id = merged.workflows?.selected?.id ?? null;
  const mine = <T extends { workflowId: string }>(part: T | undefined) =>
    part && id !== null && part.workflowId === id ? part : undefined;
  const result: LeaderParts = {};
  if (merged.workflows) result.workflows = merged.workflows;
  const governance = mine(merged.governance);
  const approvals = mine(merged.approvals);
  const pilot = mine(merged.pilot);
  const metrics = mine(merged.metrics);
  if (governance) result.governance = governance;
  if (approvals) result.approvals = approvals;
  if (pilot) result.pilot = pilot;
  if (metrics) result.metrics = metrics;
  if (merged.incidents) result.incidents = merged.incidents;
  return result;
}

/** Which parts the selection needs and the merge could not supply (the adapter reads those once). */
export function missingParts(parts: LeaderParts): (keyof LeaderParts)[] {
  const keys: (keyof LeaderParts)[] = ['governance', 'approvals', 'pilot', 'metrics', 'incidents'];
  if (!parts.workflows) return ['workflows', ...keys];
  if (!parts.workflows.selected) return [];
  const missing = keys.filter((k) => parts[k] === undefined);
  // Parts stored before the pilot plan's completeness was kept: the pilot part is read again.
  if (parts.pilot && typeof parts.pilot.planMissing !== 'number') missing.push('pilot');
  // Approvals given to an older plan version no longer hold: their part is read again.
  const current = parts.governance?.planVersion;
  if (parts.approvals && current && parts.approvals.planVersion !== current) missing.push('approvals');
  return missing;
}

/** The lifecycle's facts, as the parts hold them (src/domain/plan-lifecycle.ts decides from them). */
export function factsOf(parts: LeaderParts): PlanFacts {
  const approvals = parts.approvals;
  const approvers = (approvals?.steps ?? []).flatMap((s) => s.approvers).filter((a) => a.requested);
  const pilot = parts.pilot;
  const governance = parts.governance;
  return {
    setUp: parts.workflows !== undefined,
    candidates: parts.workflows?.candidates ?? 0,
    selected: parts.workflows?.selected?.name ?? null,
    checklist: {
      complete: governance?.complete ?? 0,
      gating: governance?.gating ?? 0,
      ready: governance?.ready ?? false,
    },
    planMissing: pilot ? pilot.planMissing : requiredToStart.length,
    approvals: {
      state: approvals?.state ?? 'not-sent',
      requested: approvers.length,
      approved: approvers.filter((a) => a.status === 'Approved').length,
    },
    pilotState: pilot && pilot.state !== 'Draft' ? pilot.state : null,
    decision: pilot?.decision || null,
  };
}

/** The phase, from the parts, by the same rules as the sidebar's. */
export const phaseOf = (parts: LeaderParts): Phase => lifecyclePhase(factsOf(parts));

export type { Stage };
export const stageOf = (parts: LeaderParts): Stage => lifecycleStage(factsOf(parts));

/**
 * Plan versions numbered for people: the versions sent for approval, in the order they were first
 * sent ("Plan version 2"). Every checklist edit makes a new hash, so only what approvers saw is
 * numbered; the plan being prepared is the next number, marked as not sent. The hash itself stays in
 * the Log and the Approvals sheet.
 */
export type VersionBook = Record<string, string[]>;

const currentVersion = (parts: LeaderParts) =>
  parts.governance?.planVersion ?? parts.approvals?.planVersion ?? null;

/** Adds the current version once approvals have been requested for it. */
export function noteVersion(book: VersionBook, parts: LeaderParts): VersionBook {
  const id = parts.workflows?.selected?.id;
  const hash = currentVersion(parts);
  const sent =
    parts.approvals && parts.approvals.planVersion === hash && parts.approvals.state !== 'not-sent';
  if (!id || !hash || !sent) return book;
  const known = book[id] ?? [];
  return known.includes(hash) ? book : { ...book, [id]: [...known, hash] };
}

/** The current version's number, and whether it has been sent for approval. */
export function versionNumber(
  book: VersionBook,
  parts: LeaderParts,
): { number: number; sent: boolean } | null {
  const id = parts.workflows?.selected?.id;
  const hash = currentVersion(parts);
  if (!id || !hash) return null;
  const known = book[id] ?? [];
  const at = known.indexOf(hash);
  return at < 0 ? { number: known.length + 1, sent: false } : { number: at + 1, sent: true };
}

/** The day the current plan version was fully approved (the last approval), or null. */
export function approvedOn(parts: LeaderParts): string | null {
  const approvals = parts.approvals;
  if (!approvals || approvals.state !== 'approved') return null;
  const days = approvals.steps
    .flatMap((s) => s.approvers.map((a) => a.decided))
    .filter(Boolean)
    .sort();
  return days[days.length - 1] ?? null;
}

export type Cue = 'better' | 'worse' | 'same' | 'unknown' | 'noBaseline';

/** Whether the pilot moved the metric the right way, knowing which way is better. */
export function cueOf(m: MetricFigure): Cue {
  if (!enough(m) || m.pilot === null) return 'unknown';
  if (m.baseline === null) return 'noBaseline';
  if (m.pilot === m.baseline) return 'same';
  const lower = m.pilot < m.baseline;
  return lower === (m.better === 'lower') ? 'better' : 'worse';
}

export const enough = (m: MetricFigure) => enoughData(m, m.needsBaseline);

/** The metrics that carry a figure worth showing (any measurement), in definition order. */
export const measured = (parts: LeaderParts) =>
  (parts.metrics?.metrics ?? []).filter((m) => m.baseline !== null || m.pilot !== null);

/**
 * The risks line's counts: the incidents recorded for the selected workflow (the Incidents sheet, and
 * the retired "Incidents" measure for periods recorded before it existed), and the pilot's escaped
 * errors over the periods that counted them (`errorPeriods`; `errorMeasured`: the plan has such a measure).
 */
export function safetyCounts(parts: LeaderParts): {
  incidents: number;
  escaped: number;
  errorPeriods: number;
  errorMeasured: boolean;
} {
  const metrics = parts.metrics?.metrics ?? [];
  const id = parts.workflows?.selected?.id ?? '';
  const recorded = parts.incidents?.counts[id] ?? 0;
  const legacy = metrics.find((m) => m.name === 'Incidents')?.pilot ?? 0;
  // Every severity, and the unsplit count rows recorded before severities existed.
  const errors = metrics.filter((m) => m.name.startsWith('Escaped errors'));
  return {
    incidents: recorded + legacy,
    escaped: errors.reduce((sum, m) => sum + (m.pilot ?? 0), 0),
    errorPeriods: errors.reduce((most, m) => Math.max(most, m.pilotPeriods), 0),
    errorMeasured: errors.length > 0,
  };
}
