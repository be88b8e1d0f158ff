import {
  checkCorrectionInput,
  checkWithdrawalInput,
  entryToChange,
  periodTaken,
} from '../domain/measurement-entries';
import { refusedForLength } from '../domain/input-caps';
import { text } from '../domain/table';
import type { MetricsResult } from '../shared/metrics';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';
import {
  applyStopRules,
  countedMeasurements,
  finish,
  load,
  periodRefused,
  type MetricsContext,
} from './metrics';

/**
 * Correcting or withdrawing one entry of the Metrics sheet from the Measure view. Both read the
 * sheets once, decide in the domain and write once; both are logged with before and after. A
 * correction passes the checks a new entry passes; a withdrawal keeps the row with who, when and why,
 * and the entry stops counting everywhere. Neither resumes a paused pilot: resuming stays the
 * sponsor's act, but a withdrawn entry never pauses it again.
 */

/** The entry as it stood, for the Log, its period in the days the sheet shows. */
function entryText(ctx: MetricsContext, row: number, cells: Readonly<Record<string, unknown>>): string {
  const day = (key: 'periodStart' | 'periodEnd') => ctx.periodDay(row, key, cells[key]);
  return `${text(cells['metric'])}, ${text(cells['window'])} ${day('periodStart')}–${day('periodEnd')}: ${text(cells['value'])}`;
}

export function correctMeasurement(gas: AppsScript, input: unknown): MetricsResult {
  const refused = refusedForLength('correctMeasurement', input);
  if (refused) return refused;
  const checked = checkCorrectionInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const value = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet, now);
    if (!ctx.selected) return { ok: false, errors: [{ field: '', message: 'Select a workflow first.' }] };
    const found = entryToChange(ctx.table.data.rows, ctx.selected.id, value.id);
    if (!found.ok) return { ok: false, errors: [{ field: '', message: found.message }] };
    const { row, cells } = found.row;
    const counted = countedMeasurements(ctx).records;
    const before = entryText(ctx, row, cells);
    const refusal =
      periodRefused(ctx, ctx.selected.id, value) ?? periodTaken(counted, ctx.selected.id, value, row);
    if (refusal) return { ok: false, errors: [refusal] };
    for (const key of [
      'metric',
      'window',
      'periodStart',
      'periodEnd',
      'value',
      'items',
      'language',
      'school',
      'note',
    ] as const)
      ctx.table.set(row, key, value[key]);
    const who = displayName(whoAmI(gas));
    const { board, events, paused } = applyStopRules(ctx, who, true);
    finish(
      gas,
      ctx,
      [
        {
          who,
          action: 'Corrected measurement',
          subject: value.id,
          before,
          after: `${value.metric}, ${value.window} ${value.periodStart}–${value.periodEnd}: ${value.value}`,
          note: '',
        },
        ...events,
      ],
      now,
      paused,
    );
    const pausedNow =
      events.length > 0 ? ` The pilot is paused by its stop rule: ${board.stopReasons.join(' ')}` : '';
    return { ok: true, message: `Corrected ${value.id}.${pausedNow}`, board };
  });
}

export function withdrawMeasurement(gas: AppsScript, input: unknown): MetricsResult {
  const refused = refusedForLength('withdrawMeasurement', input);
  if (refused) return refused;
  const checked = checkWithdrawalInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const { id, reason } = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const ctx = load(gas, spreadsheet, now);
    if (!ctx.selected) return { ok: false, errors: [{ field: '', message: 'Select a workflow first.' }] };
    const found = entryToChange(ctx.table.data.rows, ctx.selected.id, id);
    if (!found.ok) return { ok: false, errors: [{ field: '', message: found.message }] };
    const { row, cells } = found.row;
    const before = entryText(ctx, row, cells);
    const who = displayName(whoAmI(gas));
    ctx.table.set(row, 'withdrawn', now);
    ctx.table.set(row, 'withdrawnBy', who);
    ctx.table.set(row, 'withdrawnWhy', reason);
    const { board, events, paused } = applyStopRules(ctx, who, true);
    finish(
      gas,
      ctx,
      [
        { who, action: 'Withdrew measurement', subject: id, before, after: 'Withdrawn', note: reason },
        ...events,
      ],
      now,
      paused,
    );
    const still =
      board.pilotState === 'Paused' ? ' The pilot stays paused until the sponsor resumes it (3. Pilot).' : '';
    return { ok: true, message: `Withdrew ${id}; it no longer counts.${still}`, board };
  });
}
