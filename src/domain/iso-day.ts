/**
 * Days written as yyyy-mm-dd: what the planner's date inputs send and what people type. A day is real
 * only when the calendar has it (2027-02-30 is not), read as midnight UTC so comparisons of days do not
 * depend on any time zone.
 */
export const isoDayShape = /^\d{4}-\d{2}-\d{2}$/;

export function isoDayToUtc(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}
