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
  /** The due date as shown in the sheet (yyyy-mm-dd), or "". */
  due: string;
  /** What is wrong with the row, in words; empty when it is valid. */
  problems: string[];
}

/** A web link: http(s), a host, no spaces. Linear: no nested repetition. */
const webLink = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i;

export const isWebLink = (value: string): boolean => webLink.test(value);

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
    if (status === 'N/A' && naReason === '') wrong.push('it is marked N/A without a reason');
    const evidence = text(cells['evidence']);
    if (evidence !== '' && !isWebLink(evidence))
      wrong.push(`the evidence link “${evidence}” is not a web address (https://…)`);
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
      requirement: requirementFrom(text(cells['requirement'])),
      condition: text(cells['condition']),
      applies: text(cells['applies']) === '' ? true : yes(cells['applies']),
      expectedEvidence: text(cells['expectedEvidence']),
      ownerRole: text(cells['ownerRole']),
      owner: text(cells['owner']),
      status,
      evidence,
      naReason,
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

/** Done, or N/A with a reason, in a row with nothing wrong. */
export function isComplete(record: ChecklistRecord): boolean {
  if (record.problems.length > 0) return false;
  return record.status === 'Done' || (record.status === 'N/A' && record.naReason !== '');
}
