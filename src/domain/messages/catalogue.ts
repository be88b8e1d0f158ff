/**
 * The message catalogue: every text an approver, a leader or a notified person reads exists in English
 * and Spanish, declared together so one cannot drift from the other. Texts are templates with `{name}`
 * placeholders; both languages of a message use the same placeholders (catalogue.test.ts checks every
 * registered message). Spanish uses the formal *usted* and the terms in GLOSSARY.md.
 */
export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

/** Who reads a text: English, Spanish, or both (English first, then Spanish). */
export const readerships = ['en', 'es', 'en+es'] as const;
export type Readership = (typeof readerships)[number];

export type Message = Readonly<Record<Language, string>>;
export type Catalogue = Readonly<Record<string, Message>>;

export type MessageParams = Readonly<Record<string, string | number>>;

export function languagesOf(readership: Readership): readonly Language[] {
  return readership === 'en+es' ? languages : [readership];
}

const placeholder = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The placeholder names a template uses, sorted and without repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1] ?? ''))].sort();
}

/**
 * One message in one language with its placeholders filled. A missing parameter is a programming error,
 * so it throws rather than sending "{due}" to a superintendent. Values are inserted as given: escape
 * them for where the text lands (HTML, a header) after rendering, or before, never neither.
 */
export function render(message: Message, language: Language, params: MessageParams = {}): string {
  return message[language].replace(placeholder, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Message parameter missing: ${name}`);
    return String(value);
  });
}

/** The message in each language the reader reads, in catalogue order (English first). */
export function renderFor(message: Message, readership: Readership, params: MessageParams = {}): string[] {
  return languagesOf(readership).map((language) => render(message, language, params));
}
