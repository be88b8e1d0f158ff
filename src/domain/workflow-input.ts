import { clean, isRecord, textField, type Checked, type FieldError } from './input-fields';
import { criteria, criterionKeys, redFlagKeys } from './rubric';
import { dataTiers, profileFlags } from './workflow-records';
import { inputCaps } from './input-caps';

/** Checks the workflow, score and selection the sidebar sends, before anything is written. */
export type { Checked, FieldError };

/** From the one table of input caps. */
export const limits = {
  name: inputCaps.saveWorkflow.name,
  team: inputCaps.saveWorkflow.team,
  description: inputCaps.saveWorkflow.description,
  question: inputCaps.saveWorkflow.timeLost,
  note: inputCaps.saveScore.note,
  reason: inputCaps.selectWorkflow.reason,
  scorerName: inputCaps.saveScore.scorerName,
} as const;

export interface WorkflowFields {
  id: string | null;
  name: string;
  description: string;
  team: string;
  timeLost: string;
  fragmented: string;
  frequentSafe: string;
  dataTier: string;
  flags: Record<(typeof profileFlags)[number], boolean>;
}

export function checkWorkflowInput(input: unknown): Checked<WorkflowFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The workflow could not be read.' }] };
  const errors: FieldError[] = [];
  const id = input['id'] === null ? null : clean(input['id']);
  if (id === '' || (input['id'] !== null && id === null))
    errors.push({ field: 'id', message: 'The workflow ID could not be read.' });
  const value: WorkflowFields = {
    id,
    name: textField(errors, input, 'name', 'The workflow name', limits.name, true),
    description: textField(errors, input, 'description', 'The description', limits.description),
    team: textField(errors, input, 'team', 'The team', limits.team),
    timeLost: textField(errors, input, 'timeLost', 'The answer about lost time', limits.question),
    fragmented: textField(
      errors,
      input,
      'fragmented',
      'The answer about fragmented communication',
      limits.question,
    ),
    frequentSafe: textField(
      errors,
      input,
      'frequentSafe',
      'The answer about frequency and safety',
      limits.question,
    ),
    dataTier: '',
    flags: {
      familyFacing: false,
      studentFacing: false,
      nonEnglish: false,
      newVendor: false,
      dutiesChange: false,
    },
  };
  const tier = clean(input['dataTier']) ?? '';
  if (tier !== '' && !(dataTiers as readonly string[]).includes(tier)) {
    errors.push({
      field: 'dataTier',
      message: `The data tier must be ${dataTiers.join(', ')} or left empty.`,
    });
  } else {
    value.dataTier = tier;
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
