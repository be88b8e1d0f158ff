import type { ChecklistRecord } from './checklist-records';
import { isComplete } from './checklist-records';

/**
 * What an approval email says about data comes from the plan itself: its tier's rule (quoted from the
 * data-tier catalogue), the plan's own data rule, and who verified the data-classification item. Never
 * a fixed claim: when the tier is not set or nobody has verified, the email says exactly that.
 */
export const DATA_ITEM = 'G08';

/** Who verified the data item: its Verified by, else its owner, once it is Done; "" before. */
export function dataItemSigner(rows: readonly ChecklistRecord[]): string {
  const item = rows.find((r) => r.code === DATA_ITEM);
  if (!item || !isComplete(item) || item.status !== 'Done') return '';
  return item.verifiedBy || item.owner;
}
