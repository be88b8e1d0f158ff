import type { Language } from './messages/catalogue';

/**
 * Dates as people read them, in the spreadsheet's locale: "Dec 6, 2026" (en_US), "6 Dec 2026" (other
 * English locales), "6 dic 2026" (Spanish). Input is what the adapter already formatted in the
 * spreadsheet's time zone ("yyyy-mm-dd" or "yyyy-mm-dd hh:mm"), so no time-zone arithmetic happens here.
 */
const MONTHS: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;

/** "en_US", "es_MX", "en_GB": month first only for US English (and where no locale is known). */
const monthFirst = (locale: string, language: Language) =>
  language === 'en' && (locale === '' || /^en(_US)?$/i.test(locale));

export function humanDate(day: string, language: Language, locale: string, withYear = true): string {
  const m = DAY.exec(day.trim());
  if (!m) return day;
  const month = MONTHS[language][Number(m[2]) - 1] ?? '';
  const date = Number(m[3]);
  const year = withYear ? m[1] : '';
  if (monthFirst(locale, language)) return withYear ? `${month} ${date}, ${year}` : `${month} ${date}`;
  return withYear ? `${date} ${month} ${year}` : `${date} ${month}`;
}

/** "Dec 6, 2026, 14:05": a refresh stamp. */
export function humanDateTime(stamp: string, language: Language, locale: string): string {
  const m = DAY.exec(stamp.trim());
  if (!m) return stamp;
  const day = humanDate(stamp, language, locale);
  return m[4] === undefined ? day : `${day}, ${m[4]}:${m[5]}`;
}
