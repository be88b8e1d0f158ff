import type { AppsScript, Spreadsheet } from './apps-script';

/**
 * The spreadsheet's time zone, and today and this minute in it, asked of Apps Script once per run:
 * the action, the checklist it re-syncs and the boards the leader view is written from all want them.
 * Kept per Spreadsheet object and per run's services, which live as long as the run.
 */
const zones = new WeakMap<Spreadsheet, string>();
const minutes = new WeakMap<AppsScript, Map<string, string>>();

export function timeZoneOf(spreadsheet: Spreadsheet): string {
  let zone = zones.get(spreadsheet);
  if (zone === undefined) zones.set(spreadsheet, (zone = spreadsheet.getSpreadsheetTimeZone()));
  return zone;
}

/**
 * `now` as yyyy-MM-dd HH:mm in `zone`, formatted once for each minute of the run: every zone in use
 * is a whole number of minutes from UTC, so two moments in one UTC minute read the same local minute.
 */
export function localMinute(gas: AppsScript, zone: string, now: Date): string {
  let known = minutes.get(gas);
  if (!known) minutes.set(gas, (known = new Map()));
  const key = `${zone}|${Math.floor(now.getTime() / 60_000)}`;
  let shown = known.get(key);
  if (shown === undefined) known.set(key, (shown = gas.Utilities.formatDate(now, zone, 'yyyy-MM-dd HH:mm')));
  return shown;
}

/** Today in `zone` (yyyy-MM-dd): the day of the run's local minute, so no call of its own. */
export const localDay = (gas: AppsScript, zone: string, now: Date): string =>
  localMinute(gas, zone, now).slice(0, 10);
