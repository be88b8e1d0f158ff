import type { ChecklistItem } from './checklist-item';
import type { ChecklistRecord } from './checklist-records';
import { nextId } from './table';
import type { WorkflowRecord } from './workflow-records';
import { conditionHolds, type WorkflowProfile } from './workflow-profile';

export { conditionHolds };

/** Whether a template item applies to the workflow: unconditional, or any one of its triggers holds. */
export function itemApplies(item: ChecklistItem, workflow: WorkflowProfile): boolean {
  return item.triggers.length === 0 || item.triggers.some((t) => conditionHolds(t, workflow));
}

/** How the Governance sheet's "Applies when" column names an item's triggers. */
export const triggerText = (item: ChecklistItem): string => item.triggers.join(' or ');

/**
 * Keeps the Governance sheet in step with the selected workflow. It only ever adds rows and updates
 * the columns the add-on owns: rows that stop applying (a profile flag was cleared, or another workflow
 * was selected) are marked "Applies: No", never deleted, so nobody's status, evidence or notes are
 * lost, and they come back as they were if the condition returns.
 */
export interface ChecklistChanges {
  /** New rows, cell values by column key. */
  append: Record<string, unknown>[];
  /** Cells to change in existing rows (only the columns the add-on owns, and empty owners). */
  update: { row: number; cells: Record<string, unknown> }[];
}

type TemplateCells = Pick<
  ChecklistRecord,
  'code' | 'category' | 'item' | 'requirement' | 'condition' | 'expectedEvidence' | 'basis'
>;

const templateCells = (item: ChecklistItem): TemplateCells => ({
  code: item.code,
  category: item.category,
  item: item.item,
  requirement: item.requirement,
  condition: triggerText(item),
  expectedEvidence: item.evidence,
  basis: item.basis,
});

/**
 * What to change so the checklist matches `selected` (null: no workflow is selected).
 * @param ownerFor the person Settings names for a role, or "" when nobody is named yet.
 */
export function planChecklist(
  items: readonly ChecklistItem[],
  selected: WorkflowRecord | null,
  rows: readonly ChecklistRecord[],
  ownerFor: (role: string) => string,
): ChecklistChanges {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const update: ChecklistChanges['update'] = [];
  const taken = rows.flatMap((r) => (r.id ? [r.id] : []));
  const have = new Set<string>();
  for (const record of rows) {
    const cells: Record<string, unknown> = {};
    const template = byCode.get(record.code);
    const selectedId = selected?.id ?? null;
    // An item a person typed in by hand, with no workflow ID, belongs to the selected workflow.
    const adopted =
      selectedId !== null && record.workflowId === '' && record.code === '' && record.item !== '';
    if (adopted) cells['workflowId'] = selectedId;
    const ours = selected !== null && selectedId !== null && (adopted || record.workflowId === selectedId);
    let applies = record.applies;
    if (!ours) applies = false;
    else if (template) {
      have.add(template.code);
      applies = itemApplies(template, selected);
      // The template's wording is the add-on's to keep current; people's columns are left alone.
      for (const [key, value] of Object.entries(templateCells(template))) {
        if (record[key as keyof TemplateCells] !== value) cells[key] = value;
      }
    } else if (adopted) {
      applies = true;
    }
    if (applies !== record.applies) cells['applies'] = applies ? 'Yes' : 'No';
    if (ours && record.owner === '' && ownerFor(record.ownerRole) !== '')
      cells['owner'] = ownerFor(record.ownerRole);
    if (record.id === null) {
      const id = nextId('GV', taken, 4);
      taken.push(id);
      cells['id'] = id;
    }
    if (Object.keys(cells).length > 0) update.push({ row: record.row, cells });
  }
  const append: ChecklistChanges['append'] = [];
  if (selected?.id) {
    for (const item of items) {
      if (have.has(item.code)) continue;
      if (!itemApplies(item, selected)) continue;
      const id = nextId('GV', taken, 4);
      taken.push(id);
      append.push({
        id,
        workflowId: selected.id,
        ...templateCells(item),
        applies: 'Yes',
        ownerRole: item.ownerRole,
        owner: ownerFor(item.ownerRole),
        status: 'Not started',
      });
    }
  }
  return { append, update };
}
