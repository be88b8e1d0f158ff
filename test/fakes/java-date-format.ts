import { offsetMinutes, wallTime } from './time-zone';

/**
 * `Utilities.formatDate` formats with Java's SimpleDateFormat patterns, not Intl or moment ones. This
 * covers the letters an add-on realistically uses and rejects the rest, as Java does for unknown ones.
 */
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallTime(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    out += field(ch, n, w, date, timeZone);
    i += n;
  }
  return out;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function field(
  letter: string,
  n: number,
  w: ReturnType<typeof wallTime>,
  date: Date,
  timeZone: string,
): string {
  switch (letter) {
    case 'y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'M':
      if (n >= 4) return monthNames[w.month - 1] ?? '';
      if (n === 3) return (monthNames[w.month - 1] ?? '').slice(0, 3);
      return pad(w.month, n);
    case 'd':
      return pad(w.day, n);
    case 'E':
      return n >= 4 ? (dayNames[w.weekday - 1] ?? '') : (dayNames[w.weekday - 1] ?? '').slice(0, 3);
    case 'u':
      return pad(w.weekday, n);
    case 'H':
      return pad(w.hour, n);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'm':
      return pad(w.minute, n);
    case 's':
      return pad(w.second, n);
    case 'S':
      return pad(w.millisecond, 3).slice(0, Math.max(n, 3));
    case 'X':
    case 'Z': {
      const offset = offsetMinutes(date, timeZone);
      if (letter === 'X' && offset === 0) return 'Z';
      const sign = offset < 0 ? '-' : '+';
      const hh = pad(Math.floor(Math.abs(offset) / 60), 2);
      const mm = pad(Math.abs(offset) % 60, 2);
      if (letter === 'X' && n === 1) return sign + hh;
      return letter === 'X' && n >= 3 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
    }
    case 'z':
      return (
        new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
          .formatToParts(date)
          .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
      );
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}
