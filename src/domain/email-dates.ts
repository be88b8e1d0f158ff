import { isoDayToUtc } from './iso-day';
import type { Language } from './messages/catalogue';

/**
 * Days as an approver reads them, in their language: "Dec 6" and "Sunday, December 6, 2026" in
 * English, "6 de dic." and "domingo, 6 de diciembre de 2026" in Spanish. The day is the spreadsheet's
 * own yyyy-mm-dd (no time zone is applied); anything else is shown as it was written.
 */
const months: Record<Language, readonly string[]> = {
  en: [
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
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

const shortMonths: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sept.', 'oct.', 'nov.', 'dic.'],
};

const weekdays: Record<Language, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
};

/** "Dec 6" / "6 de dic.": for subjects, where every character counts. */
export function shortDay(day: string, language: Language): string {
  const date = isoDayToUtc(day);
  if (!date) return day;
  const month = shortMonths[language][date.getUTCMonth()] ?? '';
  return language === 'en' ? `${month} ${date.getUTCDate()}` : `${date.getUTCDate()} de ${month}`;
}

/**
 * "Dec 6" / "6 de diciembre": a day inside a sentence, where an abbreviation's dot would run into the
 * sentence's own.
 */
export function dayInText(day: string, language: Language): string {
  const date = isoDayToUtc(day);
  if (!date) return day;
  if (language === 'en') return shortDay(day, language);
  return `${date.getUTCDate()} de ${months[language][date.getUTCMonth()] ?? ''}`;
}

/** "Sunday, December 6, 2026" / "domingo, 6 de diciembre de 2026". */
export function longDay(day: string, language: Language): string {
  const date = isoDayToUtc(day);
  if (!date) return day;
  const weekday = weekdays[language][date.getUTCDay()] ?? '';
  const month = months[language][date.getUTCMonth()] ?? '';
  const [d, y] = [date.getUTCDate(), date.getUTCFullYear()];
  return language === 'en' ? `${weekday}, ${month} ${d}, ${y}` : `${weekday}, ${d} de ${month} de ${y}`;
}
