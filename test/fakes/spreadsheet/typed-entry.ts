import { fromWallTime } from '../time-zone';
import type { CellValue } from './state';

/**
 * What Sheets stores when a script writes a string: it is parsed as if a user had typed it (FAKES §1.3).
 * `=…` becomes a formula; `+…`/`-…` that is not a plain number becomes a formula too; numbers, currency,
 * percentages, booleans and dates become typed values, losing leading zeros. A leading apostrophe keeps
 * the rest as text (the apostrophe is not part of the value). The plain-text format `@` keeps strings
 * as strings except for `=`: whether `@` also stops formulas is unconfirmed, so the fake takes the
 * stricter answer and makes them formulas, which the add-on must neutralise itself.
 */
export type Entry = { value: CellValue } | { formula: string };

const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const groupedNumber = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const percent = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const currency = /^([+-]?)\$(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.?\d*|\.\d+)$/;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseEntry(text: string, format: string | undefined, timeZone: string): Entry {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=')) return { formula: text };
  if (format === '@') return { value: text };
  const trimmed = text.trim();
  if (plainNumber.test(trimmed)) return { value: Number(trimmed) };
  if (text.startsWith('+') || text.startsWith('-')) return { formula: `=${text}` };
  if (groupedNumber.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')) };
  const pct = percent.exec(trimmed);
  if (pct) return { value: Number(pct[1]) / 100 };
  const money = currency.exec(trimmed);
  if (money) return { value: Number(`${money[1] ?? ''}${(money[2] ?? '').replace(/,/g, '')}`) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = parseDate(trimmed, timeZone);
  if (date) return { value: date };
  return { value: text };
}

function parseDate(text: string, timeZone: string): Date | null {
  let y: number, m: number, d: number, time: (string | undefined)[];
  const iso = isoDate.exec(text);
  const us = iso ? null : usDate.exec(text);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    time = iso.slice(4);
  } else if (us) {
    [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    time = us.slice(4);
  } else {
    return null;
  }
  const [hh, mm, ss] = time.map((t) => (t === undefined ? 0 : Number(t)));
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  if ((hh ?? 0) > 23 || (mm ?? 0) > 59 || (ss ?? 0) > 59) return null;
  return fromWallTime(timeZone, y, m, d, hh, mm, ss);
}
