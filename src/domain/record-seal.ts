import type { Signer } from './audit-log';

/**
 * Seals on the rows whose content gates a step (an approval decision, the pilot's state, the recorded
 * decision). The add-on writes a row's gated fields together with a seal: the fields as written and a
 * signature over them made with the document's secret, which only the add-on can read. Reading the row
 * back, the seal says what the add-on wrote; a field typed in by hand differs from it and never counts,
 * and a row with no valid seal counts for nothing.
 */
const SIGNATURE_LENGTH = 20;

/** The seal cell for these fields of row `id` of sheet `kind`: "<signature> <fields as JSON>". */
export function sealOf(sign: Signer, kind: string, id: string, fields: readonly string[]): string {
  return `${signatureOf(sign, kind, id, fields)} ${JSON.stringify(fields)}`;
}

function signatureOf(sign: Signer, kind: string, id: string, fields: readonly string[]): string {
  return sign(['seal', kind, id, ...fields].join('\u001f')).slice(0, SIGNATURE_LENGTH);
}

export type SealCheck =
  /** The seal is the add-on's: `fields` are what it wrote; `edited` the indexes that differ now. */
  | { ok: true; fields: string[]; edited: number[] }
  /** No seal, or one that was typed, copied from another row or changed: nothing in the row counts. */
  | { ok: false };

/** Checks a row's seal against its visible fields, in the same order as when sealed. */
export function checkSeal(
  sign: Signer,
  kind: string,
  id: string,
  seal: string,
  visible: readonly string[],
): SealCheck {
  const space = seal.indexOf(' ');
  if (space !== SIGNATURE_LENGTH) return { ok: false };
  let fields: unknown;
  try {
    fields = JSON.parse(seal.slice(space + 1));
  } catch {
    return { ok: false };
  }
  if (
    !Array.isArray(fields) ||
    fields.length !== visible.length ||
    !fields.every((f): f is string => typeof f === 'string')
  )
    return { ok: false };
  if (signatureOf(sign, kind, id, fields) !== seal.slice(0, space)) return { ok: false };
  const edited = visible.flatMap((value, i) => (value === fields[i] ? [] : [i]));
  return { ok: true, fields, edited };
}

/** The words people see for a row whose gated content was typed in by hand. */
export const EDITED_NOT_COUNTED = 'Edited in the sheet — not counted';
