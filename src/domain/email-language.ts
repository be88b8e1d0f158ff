import type { Readership } from './messages/catalogue';

/**
 * The language an approver reads their emails in, as Settings says it: the workspace's "Email language"
 * row, and a "Language" on each Role row that overrides it for that person. Blank means the workspace's.
 */
export const emailLanguageChoices = ['English', 'Spanish', 'English and Spanish'] as const;
export type EmailLanguageChoice = (typeof emailLanguageChoices)[number];

const byWord: Readonly<Record<string, Readership>> = {
  english: 'en',
  en: 'en',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  es: 'es',
  'english and spanish': 'en+es',
  'spanish and english': 'en+es',
  both: 'en+es',
  'en+es': 'en+es',
};

/** The readership a Settings value names, "" for blank, or null when it names no language we write. */
export function readershipOf(value: string): Readership | '' | null {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return '';
  return byWord[key] ?? null;
}

/** What to write in Settings for a readership. */
export function choiceFor(readership: Readership): EmailLanguageChoice {
  return readership === 'en' ? 'English' : readership === 'es' ? 'Spanish' : 'English and Spanish';
}

/** Both readers' languages in one text (an escalation copied to the sponsor), English first. */
export function joinReaderships(a: Readership, b: Readership): Readership {
  return a === b ? a : 'en+es';
}

/** The workspace's default when its "Email language" row is blank or unreadable. */
export const DEFAULT_READERSHIP: Readership = 'en+es';
