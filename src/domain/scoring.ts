import {
  bands,
  criteria,
  criterionKeys,
  DISAGREEMENT_SPREAD,
  gates,
  redFlags,
  type Band,
  type CriterionKey,
  type RedFlagKey,
} from './rubric';

/**
 * The scoring rules, as pure functions over plain records: consensus, disagreement, weighted total,
 * band, gates, and the ranking. Nothing here knows about sheets.
 */

export type CriterionScores = Record<CriterionKey, number>;
export type Weights = Record<CriterionKey, number>;

export interface Score {
  workflowId: string;
  scorer: string;
  scores: CriterionScores;
  redFlags: readonly RedFlagKey[];
  /** "Fits how staff already work": null when the scorer did not say. */
  fitsDay: boolean | null;
}

export type Eligibility = 'eligible' | 'needs-baseline' | 'needs-scorers' | 'not-eligible' | 'not-scored';

/** A selection waits until at least this many people have scored the workflow. */
export const MIN_SCORERS = 2;

/**
 * What the scores alone do not know: who the privacy officer is (their risk score can hold a workflow
 * back) and, per workflow, a reason its profile rules it out (for example Red-tier data in a first pilot).
 */
export interface ScoringContext {
  /** How the privacy officer may appear in the Scores sheet's Scorer column (email, name); empty if nobody is named. */
  privacyOfficer: readonly string[];
  blockFor: (workflowId: string) => string | null;
}

export const noContext: ScoringContext = { privacyOfficer: [], blockFor: () => null };

export interface WorkflowResult {
  workflowId: string;
  scorers: number;
  /** Median of the scorers, per criterion; null before anyone scores. */
  consensus: CriterionScores | null;
  /** Weighted, on the 4–20 scale; null before anyone scores. */
  total: number | null;
  band: Band | null;
  eligibility: Eligibility;
  /** Why it is or is not eligible, in words. */
  reason: string;
  /** Criteria where scorers are at least 2 points apart, with the range: "Low enough risk (2–5)". */
  disagreements: string[];
  /** Set when a scorer said it does not fit how staff already work. */
  fitWarning: string | null;
  /** Set when the privacy officer's risk score is below the median and so became the team's. */
  riskNote: string | null;
  /** Competition rank among selectable workflows (1, 2, 2, 4); null when not selectable. */
  rank: number | null;
}

export const equalWeights: Weights = { common: 1, measurable: 1, risk: 1, pain: 1 };

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Weighted total kept on the 4–20 scale, so the bands mean the same whatever the weights. */
export function weightedTotal(consensus: CriterionScores, weights: Weights): number {
  const weightSum = criterionKeys.reduce((s, k) => s + weights[k], 0);
  const weighted = criterionKeys.reduce((s, k) => s + weights[k] * consensus[k], 0);
  return round1((weighted * criterionKeys.length) / weightSum);
}

export function bandFor(total: number): Band {
  if (total >= bands.strong) return 'Strong';
  if (total >= bands.possible) return 'Possible';
  return 'Defer';
}

const criterionName = (key: CriterionKey) => criteria.find((c) => c.key === key)?.name ?? key;
const round1 = (n: number) => Math.round(n * 10) / 10;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Everything the team's scores say about one workflow, before ranking. */
export function assessWorkflow(
  workflowId: string,
  scores: readonly Score[],
  weights: Weights,
  context: ScoringContext = noContext,
): WorkflowResult {
  const mine = scores.filter((s) => s.workflowId === workflowId);
  const base = { workflowId, scorers: mine.length, rank: null, riskNote: null };
  if (mine.length === 0) {
    return {
      ...base,
      consensus: null,
      total: null,
      band: null,
      eligibility: 'not-scored',
      reason: 'No scores yet.',
      disagreements: [],
      fitWarning: null,
    };
  }
  const consensus = Object.fromEntries(
    criterionKeys.map((k) => [k, median(mine.map((s) => s.scores[k]))]),
  ) as CriterionScores;
  // The privacy officer can hold a workflow back: the team's risk is the lower of their score and the median.
  const officer = new Set(context.privacyOfficer.filter((p) => p !== '').map((p) => p.toLowerCase()));
  const officerScore = mine.find((s) => officer.has(s.scorer.toLowerCase()));
  let riskNote: string | null = null;
  if (officerScore && officerScore.scores.risk < consensus.risk) {
    riskNote = `The privacy officer scored risk ${officerScore.scores.risk}, below the team’s median of ${consensus.risk}; the privacy officer’s score counts.`;
    consensus.risk = officerScore.scores.risk;
  }
  const disagreements = criterionKeys.flatMap((k) => {
    const values = mine.map((s) => s.scores[k]);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    return high - low >= DISAGREEMENT_SPREAD ? [`${criterionName(k)} (${low}–${high})`] : [];
  });
  const notFitting = mine.filter((s) => s.fitsDay === false).length;
  const fitWarning =
    notFitting > 0
      ? `${notFitting} of ${mine.length} scorers say it does not fit how staff already work.`
      : null;

  const raised = redFlags.filter((flag) => mine.some((s) => s.redFlags.includes(flag.key)));
  const blocked = context.blockFor(workflowId);
  let eligibility: Eligibility = 'eligible';
  let reason = 'Eligible: risk is low enough and no red flag was raised.';
  if (blocked !== null) {
    eligibility = 'not-eligible';
    reason = `Not eligible: ${blocked}`;
  } else if (raised.length > 0) {
    eligibility = 'not-eligible';
    const who = mine.filter((s) => s.redFlags.length > 0).length;
    reason = `Not eligible: red flag raised by ${plural(who, 'scorer', 'scorers')} (${raised.map((f) => lowerFirst(f.label)).join('; ')}).`;
  } else if (consensus.risk <= gates.risk) {
    eligibility = 'not-eligible';
    reason = `Not eligible: the team's risk score is ${consensus.risk} (it must be above ${gates.risk} to review safely).`;
  } else if (consensus.measurable <= gates.measurable) {
    eligibility = 'needs-baseline';
    reason = `Needs a baseline plan: measurability is ${consensus.measurable}; decide how time and quality will be measured before choosing it.`;
  }
  if ((eligibility === 'eligible' || eligibility === 'needs-baseline') && mine.length < MIN_SCORERS) {
    eligibility = 'needs-scorers';
    reason = `Needs a second scorer: ${plural(mine.length, 'person has', 'people have')} scored it, and at least ${MIN_SCORERS} must before it can be selected, so one reading of the anchors does not decide alone.`;
  }
  if (riskNote) reason = `${reason} ${riskNote}`;
  const total = weightedTotal(consensus, weights);
  return {
    ...base,
    consensus,
    total,
    band: bandFor(total),
    eligibility,
    reason,
    disagreements,
    fitWarning,
    riskNote,
  };
}

/** Only scored workflows that pass the hard gates can be chosen. */
export function isSelectable(result: WorkflowResult): boolean {
  return result.eligibility === 'eligible' || result.eligibility === 'needs-baseline';
}

/**
 * Ranks the selectable workflows: higher total first; ties go to lower risk (higher risk score), then
 * higher measurability, then more pain. Workflows tied on all four share a rank.
 */
export function rankWorkflows(results: readonly WorkflowResult[]): WorkflowResult[] {
  const key = (r: WorkflowResult) => [
    r.total ?? 0,
    r.consensus?.risk ?? 0,
    r.consensus?.measurable ?? 0,
    r.consensus?.pain ?? 0,
  ];
  const compare = (a: WorkflowResult, b: WorkflowResult) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i += 1)
      if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (kb[i] ?? 0) - (ka[i] ?? 0);
    return 0;
  };
  // A workflow waiting for a second scorer is ranked, so the team sees where it stands.
  const ordered = results.filter((r) => isSelectable(r) || r.eligibility === 'needs-scorers').sort(compare);
  const ranks = new Map<string, number>();
  ordered.forEach((r, i) => {
    const previous = ordered[i - 1];
    ranks.set(
      r.workflowId,
      previous && compare(previous, r) === 0 ? (ranks.get(previous.workflowId) ?? i + 1) : i + 1,
    );
  });
  return results.map((r) => ({ ...r, rank: ranks.get(r.workflowId) ?? null }));
}

/** Assesses and ranks every workflow at once. */
export function scoreWorkflows(
  workflowIds: readonly string[],
  scores: readonly Score[],
  weights: Weights,
  context: ScoringContext = noContext,
): WorkflowResult[] {
  // Grouped once, so the work grows with the number of scores, not workflows × scores.
  const byWorkflow = new Map<string, Score[]>();
  for (const score of scores) {
    const group = byWorkflow.get(score.workflowId);
    if (group) group.push(score);
    else byWorkflow.set(score.workflowId, [score]);
  }
  return rankWorkflows(
    workflowIds.map((id) => assessWorkflow(id, byWorkflow.get(id) ?? [], weights, context)),
  );
}
