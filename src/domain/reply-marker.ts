import { languagesOf, type Language, type Readership } from './messages/catalogue';

/**
 * The line the approval emails put first, above all of our text. Everything an approver types above
 * it is their reply; the reader cuts there first, before any other stripping. It names itself in the
 * languages the approver reads, so they know not to write below it.
 */
const markerWords: Readonly<Record<Language, string>> = {
  en: 'Reply above this line',
  es: 'Responda encima de esta línea',
};

/** The marker for a reader of these languages, e.g. "##- Reply above this line -##". */
export function replyMarkerFor(readership: Readership): string {
  return `##- ${languagesOf(readership)
    .map((l) => markerWords[l])
    .join(' / ')} -##`;
}

/** The bilingual marker. */
export const replyMarker = replyMarkerFor('en+es');

/** The words the reader looks for, so a client that rewraps or re-quotes the line is still recognised. */
export const replyMarkerWords = Object.values(markerWords).map((w) => w.toLowerCase());
