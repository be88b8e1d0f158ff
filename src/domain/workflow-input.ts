import { clean, isRecord, textField, type Checked, type FieldError } from './input-fields';
import { workflowKindNames, type WorkflowKind } from './metric-definitions';
import { criteria, criterionKeys, redFlagKeys } from './rubric';
import {
  dataTiers,
  noFlags,
  profileFlags,
  workflowTextFields,
  type DataTier,
  type ProfileFlags,
  type WorkflowTextKey,
} from './workflow-profile';
import { inputCaps } from './input-caps';

/** Checks the workflow, score and selection the sidebar sends, before anything is written. */
export type { Checked, FieldError };

/** From the one table of input caps. */
export const limits = {
  ...(Object.fromEntries(workflowTextFields.map((f) => [f.key, inputCaps.saveWorkflow[f.key]])) as Record<
    WorkflowTextKey,
    number
  >),
  question: inputCaps.saveWorkflow.timeLost,
  note: inputCaps.saveScore.note,
  reason: inputCaps.selectWorkflow.reason,
  scorerName: inputCaps.saveScore.scorerName,
} as const;

/** What the sidebar sends to add or edit a workflow: the declared fields, nothing else. */
export type WorkflowFields = Record<WorkflowTextKey, string> & {
  /** null to add a new workflow. */
  id: string | null;
  /** A data tier, or "" when not yet known. */
  dataTier: DataTier | '';
  /** The kind of workflow (it decides the metrics offered), or "". */
  kind: WorkflowKind | '';
  flags: ProfileFlags;
};

export function checkWorkflowInput(input: unknown): Checked<WorkflowFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The workflow could not be read.' }] };
  const errors: FieldError[] = [];
  const id = input['id'] === null ? null : clean(input['id']);
  if (id === '' || (input['id'] !== null && id === null))
    errors.push({ field: 'id', message: 'The workflow ID could not be read.' });
  const texts = Object.fromEntries(
    workflowTextFields.map((f) => [
      f.key,
      textField(errors, input, f.key, f.label, inputCaps.saveWorkflow[f.key], f.key === 'name'),
    ]),
  ) as Record<WorkflowTextKey, string>;
  const value: WorkflowFields = { ...texts, id, dataTier: '', kind: '', flags: noFlags() };
  const kind = input['kind'] === undefined ? '' : (clean(input['kind']) ?? '');
  const knownKind = workflowKindNames.find((k) => k === kind);
  if (kind !== '' && !knownKind)
    errors.push({
      field: 'kind',
      message: `The kind of workflow must be ${workflowKindNames.join(', ')} or left empty.`,
    });
  else value.kind = knownKind ?? '';
  const tier = clean(input['dataTier']) ?? '';
  if (tier !== '' && !(dataTiers as readonly string[]).includes(tier)) {
    errors.push({
      field: 'dataTier',
      message: `The data tier must be ${dataTiers.join(', ')} or left empty.`,
    });
  } else {
    value.dataTier = tier as DataTier | '';
  }
  const flags = input['flags'];
  if (!isRecord(flags) || profileFlags.some((f) => typeof flags[f] !== 'boolean')) {
    errors.push({ field: 'flags', message: 'The profile checkboxes could not be read.' });
  } else {
    for (const f of profileFlags) value.flags[f] = flags[f] === true;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

export interface ScoreFields {
  workflowId: string;
  scores: Record<(typeof criterionKeys)[number], number>;
  redFlags: (typeof redFlagKeys)[number][];
  fitsDay: 'yes' | 'no' | null;
  note: string;
  scorerName: string | null;
}

export function checkScoreInput(input: unknown): Checked<ScoreFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The score could not be read.' }] };
  const errors: FieldError[] = [];
  const workflowId = clean(input['workflowId']) ?? '';
  if (workflowId === '') errors.push({ field: 'workflowId', message: 'Choose the workflow to score.' });
  const scores = {} as ScoreFields['scores'];
  const given = isRecord(input['scores']) ? input['scores'] : {};
  for (const key of criterionKeys) {
    const v = given[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
      errors.push({
        field: key,
        message: `Choose a score from 1 to 5 for “${criteria.find((c) => c.key === key)?.name ?? key}”.`,
      });
    } else {
      scores[key] = v;
    }
  }
  const flags = Array.isArray(input['redFlags']) ? input['redFlags'] : null;
  if (!flags || flags.some((f) => !(redFlagKeys as readonly unknown[]).includes(f))) {
    errors.push({ field: 'redFlags', message: 'The red flags could not be read.' });
  }
  const fits = input['fitsDay'];
  if (fits !== null && fits !== 'yes' && fits !== 'no')
    errors.push({ field: 'fitsDay', message: 'Answer yes or no, or leave it.' });
  const note = textField(errors, input, 'note', 'The note', limits.note);
  let scorerName: string | null = null;
  if (input['scorerName'] !== null && input['scorerName'] !== undefined) {
    scorerName = textField(errors, input, 'scorerName', 'Your name', limits.scorerName) || null;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      workflowId,
      scores,
      redFlags: (flags ?? []) as ScoreFields['redFlags'],
      fitsDay: (fits ?? null) as ScoreFields['fitsDay'],
      note,
      scorerName,
    },
  };
}

export interface SelectionFields {
  workflowId: string;
  reason: string;
  confirmReplace: boolean;
}

export function checkSelectionInput(input: unknown): Checked<SelectionFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The selection could not be read.' }] };
  const errors: FieldError[] = [];
  const workflowId = clean(input['workflowId']) ?? '';
  if (workflowId === '') errors.push({ field: 'workflowId', message: 'Choose a workflow.' });
  const reason = textField(errors, input, 'reason', 'The reason', limits.reason);
  if (typeof input['confirmReplace'] !== 'boolean')
    errors.push({ field: 'confirmReplace', message: 'The confirmation could not be read.' });
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: { workflowId, reason, confirmReplace: input['confirmReplace'] === true } };
}
