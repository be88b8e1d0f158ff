import type { ChecklistRecord } from './checklist-records';
import { isComplete } from './checklist-records';
import { tierDefinition } from './workflow-profile';

/**
 * What an approval email says about data: the plan's own data rule, quoted from its tier, and who
 * signed the data-classification item. Never a fixed claim: when the tier is not set or nobody has
 * signed, the email says exactly that.
 */
export const DATA_ITEM = 'G08';

export interface DataRule {
  /** "Amber (personal data about staff or families)", or "not classified yet". */
  tier: string;
  /** The tier's rule in full, or what is missing. */
  rule: string;
  /** "Pat Lee (privacy officer) verified the data classification (G08).", or that nobody has. */
  signedBy: string;
}

/** Who verified the data item: its Verified by, else its owner, once it is Done; "" before. */
export function dataItemSigner(rows: readonly ChecklistRecord[]): string {
  const item = rows.find((r) => r.code === DATA_ITEM);
  if (!item || !isComplete(item) || item.status !== 'Done') return '';
  return item.verifiedBy || item.owner;
}

export function dataRule(tier: string, signer: string): DataRule {
  const found = tierDefinition(tier);
  return {
    tier: found ? `${found.name} (${found.label.toLowerCase()})` : 'not classified yet',
    rule: found
      ? found.rule
      : 'No data rule applies yet: the workflow has no data tier, so approve nothing that depends on it.',
    signedBy: signer
      ? `${signer} verified the data classification (${DATA_ITEM}).`
      : `Nobody has verified the data classification (${DATA_ITEM}) yet.`,
  };
}
