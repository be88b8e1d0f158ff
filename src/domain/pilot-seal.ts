import type { Signer } from './audit-log';
import { checkSeal, EDITED_NOT_COUNTED, sealOf } from './record-seal';
import { text } from './table';

/**
 * The pilot's gated content — its state and the recorded decision — sealed like a decision row: the
 * state and decision that count are the ones the add-on wrote; one typed into the Pilot sheet by hand
 * is shown as such and does not count.
 */
const SEAL_KIND = 'pilot';
const fields = ['workflowId', 'state', 'decision'] as const;
const labels: Record<(typeof fields)[number], string> = {
  workflowId: 'Workflow ID',
  state: 'State',
  decision: 'Decision',
};

export interface SealedPilot {
  state: string;
  decision: string;
  /** Why the row does not count as it reads (for the planner, the Dashboard and the Log), or null. */
  edited: string | null;
}

const visible = (cells: Readonly<Record<string, unknown>>) => [
  text(cells['workflowId']),
  text(cells['state']) || 'Draft',
  text(cells['decision']),
];

export function pilotSeal(sign: Signer, cells: Readonly<Record<string, unknown>>): string {
  return sealOf(sign, SEAL_KIND, text(cells['id']), visible(cells));
}

/** The state and decision that count for a Pilot row, whatever was typed into it. */
export function sealedPilot(
  sign: Signer,
  row: number,
  cells: Readonly<Record<string, unknown>>,
): SealedPilot {
  const shown = visible(cells);
  const check = checkSeal(sign, SEAL_KIND, text(cells['id']), text(cells['seal']), shown);
  if (!check.ok) {
    return {
      state: 'Draft',
      decision: '',
      edited: `Pilot row ${row}: ${EDITED_NOT_COUNTED} — its seal is missing or does not match, so the pilot counts as not started.`,
    };
  }
  const [, state = 'Draft', decision = ''] = check.fields;
  if (check.edited.length === 0) return { state, decision, edited: null };
  const what = check.edited.map((i) => `${labels[fields[i] ?? 'state']} “${shown[i] ?? ''}”`).join(', ');
  return {
    state,
    decision,
    edited: `Pilot row ${row}: ${what} ${EDITED_NOT_COUNTED.toLowerCase()}; the pilot is ${state.toLowerCase()}${decision ? `, decision ${decision}` : ''}.`,
  };
}
