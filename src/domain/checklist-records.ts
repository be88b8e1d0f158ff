import type { Requirement } from './checklist-item';
import { isoDayShape } from './iso-day';
import { text, yes, type RowProblem, type TableData } from './table';

/**
 * The Governance sheet read as records. People work the checklist in the sheet as much as in the
 * planner, so every row is checked the same way: a row that breaks a rule is reported with its row
 * and counts as not done, never silently dropped.
 */
export const checklistStatuses = ['Not started', 'In progress', 'Done', 'N/A'] as const;
export type ChecklistStatus = (typeof checklistStatuses)[number];

export interface ChecklistRecord {
  row: number;
  /** Null for a row typed in by hand without an ID (it gets one with the next save). */
  id: string | null;
  workflowId: string;
  code: string;
  category: string;
  item: string;
  requirement: Requirement | '';
  condition: string;
  applies: boolean;
  expectedEvidence: string;
  ownerRole: string;
  owner: string;
  /** An empty status reads as "Not started"; null when the cell holds something else. */
  status: ChecklistStatus | null;
  evidence: string;
  naReason: string;
  /** The rule the item rests on (the add-on's column). */
  basis: string;
  /** Who checked the evidence: the owner role's person, as written in the sheet. */
  verifiedBy: string;
  /** The due date as shown in the sheet (yyyy-mm-dd), or "". */
  due: string;
  /** What is wrong with the row, in words; empty when it is valid. */
  problems: string[];
}

/** A web link: http(s), a host, no spaces. Linear: no nested repetition. */
const webLink = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i;

export const isWebLink = (value: string): boolean => webLink.test(value);

/**
 * Evidence is a link or the name of a document ("Board minutes 2026-03-12, item 7"); what looks like a
 * link must be a whole one. Returns what is wrong, or null.
 */
export function evidenceProblem(evidence: string): string | null {
  if (/^https?:/i.test(evidence) && !isWebLink(evidence))
    return `the evidence link “${evidence}” is not a whole web address (https://…)`;
  return null;
}

/** The audit rules every row obeys, in the sheet and in the planner alike. Returns what is wrong. */
export function statusProblems(
  status: ChecklistStatus | null,
  requirement: Requirement | '',
  evidence: string,
  naReason: string,
): string[] {
  const wrong: string[] = [];
  if (status === 'Done' && evidence === '')
    wrong.push('it is marked Done without evidence (a link, or the name of a document)');
  if (status === 'N/A' && requirement === 'Required')
    wrong.push(
      'it is marked N/A, but it is a Required item: only conditional or recommended items can be N/A',
    );
  else if (status === 'N/A' && naReason === '') wrong.push('it is marked N/A without a reason');
  const link = evidenceProblem(evidence);
  if (link) wrong.push(link);
  return wrong;
}

export function statusFrom(value: string): ChecklistStatus | null {
  if (value === '') return 'Not started';
  const lower = value.toLowerCase();
  if (lower === 'na' || lower === 'n/a' || lower === 'not applicable') return 'N/A';
  return checklistStatuses.find((s) => s.toLowerCase() === lower) ?? null;
}

const requirementFrom = (value: string): Requirement | '' =>
  value === 'Required' || value === 'Conditional' || value === 'Recommended' ? value : '';

/**
 * @param dueShown the Due column as the sheet displays it (row → text), so dates are read in the
 *   spreadsheet's own time zone.
 */
export function readChecklist(table: TableData, dueShown: ReadonlyMap<number, string>): ChecklistRecord[] {
  const rows: ChecklistRecord[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of table.rows) {
    const wrong: string[] = [];
    let id: string | null = text(cells['id']) || null;
    if (id !== null && seen.has(id)) {
      wrong.push(`it repeats the ID ${id} (it gets a new one with the next save)`);
      id = null;
    }
    if (id !== null) seen.add(id);
    const rawStatus = text(cells['status']);
    const status = statusFrom(rawStatus);
    if (status === null)
      wrong.push(`the status “${rawStatus}” is not one of ${checklistStatuses.join(', ')}`);
    const naReason = text(cells['naReason']);
    const evidence = text(cells['evidence']);
    const requirement = requirementFrom(text(cells['requirement']));
    wrong.push(...statusProblems(status, requirement, evidence, naReason));
    const rawDue = cells['due'];
    // A date shown in another format (someone reformatted the column) falls back to its UTC day.
    const shown = dueShown.get(row) ?? '';
    const due =
      rawDue instanceof Date
        ? isoDayShape.test(shown)
          ? shown
          : rawDue.toISOString().slice(0, 10)
        : text(rawDue);
    if (due !== '' && !isoDayShape.test(due)) wrong.push(`the due date “${due}” is not a date`);
    const record: ChecklistRecord = {
      row,
      id,
      workflowId: text(cells['workflowId']),
      code: text(cells['code']),
      category: text(cells['category']),
      item: text(cells['item']),
      requirement,
      condition: text(cells['condition']),
      applies: text(cells['applies']) === '' ? true : yes(cells['applies']),
      expectedEvidence: text(cells['expectedEvidence']),
      ownerRole: text(cells['ownerRole']),
      owner: text(cells['owner']),
      status,
      evidence,
      naReason,
      basis: text(cells['basis']),
      verifiedBy: text(cells['verifiedBy']),
      due: wrong.some((w) => w.startsWith('the due date')) ? '' : due,
      problems: wrong,
    };
    if (record.item === '' && record.code === '') {
      wrong.push('it has no checklist item');
    }
    rows.push(record);
  }
  return rows;
}

/** The row's problems as one message for the planner, or null when the row is valid. */
export function rowProblem(record: ChecklistRecord): RowProblem | null {
  if (record.problems.length === 0) return null;
  const label = record.code ? ` (${record.code})` : '';
  return {
    sheet: 'Governance',
    row: record.row,
    message: `Governance row ${record.row}${label}: ${record.problems.join('; ')}. It counts as not done until it is fixed.`,
  };
}

/** Done with evidence, or N/A with a reason on a row that may be N/A, in a row with nothing wrong. */
export function isComplete(record: ChecklistRecord): boolean {
  if (record.problems.length > 0) return false;
  return record.status === 'Done' || (record.status === 'N/A' && record.naReason !== '');
}
