import { criteria, criterionKeys, redFlagKeys, type CriterionKey, type RedFlagKey } from './rubric';
import type { Score, Weights } from './scoring';
import { equalWeights } from './scoring';
import { workflowKindNames, type WorkflowKind } from './metric-definitions';
import { text, yes, type RowProblem, type TableData } from './table';
import {
  dataTiers,
  profileFlags,
  workflowTextFields,
  type DataTier,
  type ProfileFlags,
  type WorkflowProfile,
  type WorkflowTextKey,
} from './workflow-profile';

/** The candidate workflows, the scores and the weights, read from their sheets with what was wrong. */

export type WorkflowRecord = Record<WorkflowTextKey, string> &
  WorkflowProfile & {
    row: number;
    /** Null for a row typed in by hand that has no ID yet (it gets one with the next save). */
    id: string | null;
    /** The kind of workflow, which decides the metrics offered, or "". */
    kind: WorkflowKind | '';
    selected: boolean;
  };

export interface ScoreRecord extends Score {
  row: number;
  id: string;
  note: string;
  scoredAt: Date | null;
}

export function readWorkflows(table: TableData): { workflows: WorkflowRecord[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const workflows: WorkflowRecord[] = [];
  for (const { row, cells } of table.rows) {
    const name = text(cells['name']);
    let id: string | null = text(cells['id']) || null;
    if (id !== null && seen.has(id)) {
      problems.push({
        sheet: 'Workflows',
        row,
        message: `Workflows row ${row} repeats the ID ${id}; it gets a new ID with the next save.`,
      });
      id = null;
    }
    if (id !== null) seen.add(id);
    if (name === '') {
      problems.push({
        sheet: 'Workflows',
        row,
        message: `Workflows row ${row} has no workflow name, so it is left out.`,
      });
      continue;
    }
    const tier = text(cells['dataTier']);
    const texts = Object.fromEntries(workflowTextFields.map((f) => [f.key, text(cells[f.key])]));
    workflows.push({
      ...(texts as Record<WorkflowTextKey, string>),
      row,
      id,
      dataTier: (dataTiers as readonly string[]).includes(tier) ? (tier as DataTier) : '',
      kind: workflowKindNames.find((k) => k === text(cells['kind'])) ?? '',
      flags: Object.fromEntries(profileFlags.map((f) => [f, yes(cells[f])])) as ProfileFlags,
      selected: yes(cells['selected']),
    });
  }
  return { workflows, problems };
}

const criterionHeader = (key: CriterionKey) => criteria.find((c) => c.key === key)?.name ?? key;

/**
 * Scores typed by hand count as much as those saved from the planner; a row that cannot count (a score
 * outside 1–5, text, an unknown workflow, no scorer) is reported with its row and left out. When one
 * person scored the same workflow twice, the later row counts.
 */
export function readScores(
  table: TableData,
  workflowIds: ReadonlySet<string>,
): { scores: ScoreRecord[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const valid: ScoreRecord[] = [];
  for (const { row, cells } of table.rows) {
    const where = `Scores row ${row}`;
    const workflowId = text(cells['workflowId']);
    const scorer = text(cells['scorer']);
    const wrong: string[] = [];
    if (workflowId === '') wrong.push('no workflow ID');
    else if (!workflowIds.has(workflowId))
      wrong.push(`the workflow ID ${workflowId} is not in the Workflows sheet`);
    if (scorer === '') wrong.push('no scorer');
    const scores = {} as Record<CriterionKey, number>;
    for (const key of criterionKeys) {
      const value = cells[key];
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5)
        scores[key] = value;
      else
        wrong.push(
          `“${criterionHeader(key)}” must be a whole number from 1 to 5 (found ${value === '' || value === undefined ? 'nothing' : `“${text(value)}”`})`,
        );
    }
    if (wrong.length > 0) {
      problems.push({ sheet: 'Scores', row, message: `${where} is left out: ${wrong.join('; ')}.` });
      continue;
    }
    const fits = text(cells['fitsDay']).toLowerCase();
    const scoredAt = cells['scoredAt'] instanceof Date ? cells['scoredAt'] : null;
    valid.push({
      row,
      id: text(cells['id']),
      workflowId,
      scorer,
      scores,
      redFlags: redFlagKeys.filter((k: RedFlagKey) => yes(cells[k])),
      fitsDay: fits === 'yes' ? true : fits === 'no' ? false : null,
      note: text(cells['note']),
      scoredAt,
    });
  }
  const latest = new Map<string, ScoreRecord>();
  for (const score of valid) {
    const key = `${score.workflowId}|${score.scorer.toLowerCase()}`;
    const other = latest.get(key);
    if (!other) {
      latest.set(key, score);
      continue;
    }
    const [kept, dropped] =
      (score.scoredAt?.getTime() ?? 0) >= (other.scoredAt?.getTime() ?? 0) ? [score, other] : [other, score];
    latest.set(key, kept);
    problems.push({
      sheet: 'Scores',
      row: dropped.row,
      message: `Scores row ${dropped.row} is left out: ${dropped.scorer} scored ${dropped.workflowId} again in row ${kept.row}, which counts.`,
    });
  }
  return {
    scores: [...latest.values()].sort((a, b) => a.row - b.row),
    problems: problems.sort((a, b) => a.row - b.row),
  };
}

/** Weights from Settings (`weight.common` …); a missing or invalid one counts as 1, with a problem. */
export function readWeights(settings: TableData): { weights: Weights; problems: RowProblem[] } {
  const weights: Weights = { ...equalWeights };
  const problems: RowProblem[] = [];
  for (const { row, cells } of settings.rows) {
    const id = text(cells['id']);
    const key = id.startsWith('weight.') ? (id.slice('weight.'.length) as CriterionKey) : null;
    if (!key || !criterionKeys.includes(key)) continue;
    const raw = text(cells['value']);
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value) || value <= 0 || value > 100) {
      problems.push({
        sheet: 'Settings',
        row,
        message: `Settings row ${row}: the weight for ${criterionHeader(key)} must be a number above 0 and at most 100 (found “${raw}”); 1 is used until it is fixed.`,
      });
      continue;
    }
    weights[key] = value;
  }
  return { weights, problems };
}
export type { ProfileFlag } from './workflow-profile';
