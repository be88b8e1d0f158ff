import { oneLine } from './email-text';
import { render, type Language } from './messages/catalogue';
import { cardMessages } from './messages/card-messages';
import { replyMarkerWords } from './reply-marker';
import { MAX_COMMENT_CHARS, readReply, type ReplyDecision } from './reply-reader';
import { tokenInSubject } from './request-token';

/**
 * What the Gmail card decides about the message an approver has open, and the reply it prepares.
 *
 * The card cannot tell a genuine request from a forged one: the token is an HMAC with the document's
 * secret, which only the requester's add-on holds. It does not need to. The card only writes a reply
 * from the approver's own account; the requester's reply reader decides whether that reply counts,
 * by the same path as a typed reply (sender, thread, token, DMARC). What the card must not do is offer
 * answers on mail that is not shaped like ours or not addressed to the person reading it.
 */

export type CardDecision = Exclude<ReplyDecision, 'NEEDS_REVIEW'>;
export const cardDecisions: readonly CardDecision[] = ['APPROVE', 'CHANGES', 'REJECT'];

/** The open message, as GmailMessage gives it. */
export interface OpenedMessage {
  subject: string;
  from: string;
  to: string;
  cc: string;
  replyTo: string;
  plainBody: string;
}

export interface RequestFact {
  /** The email's section title, in sentence case; "" for lines under no title. */
  label: string;
  lines: string[];
}

export interface CardRequest {
  token: string;
  language: Language;
  ask: string;
  /** As the email states it, "" when it does not. */
  due: string;
  facts: RequestFact[];
  /** Where the reply goes (Reply-To, else From): shown before anything is sent. */
  replyTo: string;
  subject: string;
}

export type NotOursReason = 'no-token' | 'no-marker' | 'not-addressed';

export type CardReading = { ours: true; request: CardRequest } | { ours: false; reason: NotOursReason };

const MAX_BODY_CHARS = 100_000;
const MAX_LINES = 1_000;
const MAX_FACTS = 20;
const MAX_FACT_LINES = 8;
const MAX_LINE_CHARS = 300;

/** Addresses in a header such as To or Cc: the `<…>` of each entry, else the entry, lower-cased. */
export function addressesOf(header: string): string[] {
  // One pass: commas inside quotes ("Lee, Pat" <pat@…>) do not split.
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of header.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      entries.push(current);
      current = '';
    } else current += ch;
  }
  entries.push(current);
  return entries
    .map((entry) => (/<([^<>]{1,320})>\s*$/.exec(entry)?.[1] ?? entry).trim().toLowerCase())
    .filter((address) => address.includes('@'));
}

const keywords = {
  en: ['APPROVE', 'REJECT', 'CHANGES'],
  es: ['APROBAR', 'RECHAZAR', 'CAMBIOS'],
} as const satisfies Record<Language, readonly string[]>;

const hasWord = (line: string, word: string) =>
  new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(line);
const isInstruction = (line: string) => [...keywords.en, ...keywords.es].some((word) => hasWord(line, word));

/** The email's language: the first language whose reply keywords it states (English if none). */
function languageOf(lines: readonly string[]): Language {
  for (const line of lines) {
    if (keywords.en.some((w) => hasWord(line, w))) return 'en';
    if (keywords.es.some((w) => hasWord(line, w))) return 'es';
  }
  return 'en';
}

/**
 * Our marker line, in whichever languages the email was written for: "##- Reply above this line -##",
 * "##- Responda encima de esta línea -##", or both joined by " / ".
 */
function isMarker(line: string): boolean {
  if (!line.startsWith('##-') || !line.endsWith('-##') || line.length > 120) return false;
  const words = line
    .slice(3, -3)
    .split('/')
    .map((w) => w.trim().toLowerCase());
  return words.length > 0 && words.every((w) => (replyMarkerWords as readonly string[]).includes(w));
}

/** "— En español —": where an email for readers of two languages starts its details in the next one. */
const isLanguageLabel = (line: string) => /^— [^—]{1,40} —$/.test(line);

/** A section title: a short line in capitals ("WHO IS ASKING", "DATOS"). */
function isTitle(line: string): boolean {
  return line.length <= 80 && /\p{Lu}/u.test(line) && line === line.toUpperCase() && !isInstruction(line);
}

const sentenceCase = (title: string) => title.charAt(0) + title.slice(1).toLowerCase();

/** The due date the subject or body states: "— due 2026-12-06", "Due Dec 6 [AI Plan …]", "Vence el 6 dic". */
function dueIn(subject: string, lines: readonly string[]): string {
  const pattern = /(?:^|[\s—–-])(?:due|vence(?: el)?|reply by|responda antes del?)\s+([^[\].;()]{1,40})/i;
  for (const text of [subject, ...lines]) {
    const match = pattern.exec(text.slice(0, 500));
    if (match?.[1]) return match[1].trim();
  }
  return '';
}

/**
 * Reads the open message for the card. Ours when the subject carries a token of our shape anywhere
 * ("… [AI Plan AP-XXXXXXXX]"), the body carries our marker line, and the reader is in To or Cc.
 */
export function readOpenedMessage(message: OpenedMessage, reader: string): CardReading {
  const token = tokenInSubject(message.subject);
  if (!token) return { ours: false, reason: 'no-token' };
  const lines = message.plainBody
    .slice(0, MAX_BODY_CHARS)
    .split(/\r\n|\r|\n/, MAX_LINES)
    .map((line) => line.trim());
  if (!lines.some(isMarker)) return { ours: false, reason: 'no-marker' };
  const me = reader.trim().toLowerCase();
  if (me === '' || ![...addressesOf(message.to), ...addressesOf(message.cc)].includes(me))
    return { ours: false, reason: 'not-addressed' };

  const content = lines.filter((line) => !isMarker(line) && !isInstruction(line));
  const askAt = content.findIndex((line) => line !== '' && !isTitle(line) && !isLanguageLabel(line));
  const ask = oneLine((content[askAt] ?? '').replace(/\s*\(AP-[0-9A-Z]{8}\)\s*$/, ''), MAX_LINE_CHARS);
  // What follows the ask: the rest of its paragraph (the lead), then titled sections. An email for two
  // languages repeats the lead and the details in the second one; the card keeps the first.
  const facts: RequestFact[] = [];
  let current: RequestFact | null = null;
  let untitled = 0;
  let labels = 0;
  const twoLanguages = content.some(isLanguageLabel);
  for (const line of content.slice(askAt + 1)) {
    if (isLanguageLabel(line)) {
      labels += 1;
      if (labels > 1) break;
      current = null;
      continue;
    }
    if (line === '') {
      current = null;
      continue;
    }
    if (isTitle(line) || current === null) {
      if (facts.length >= MAX_FACTS) break;
      if (!isTitle(line)) untitled += 1;
      current = isTitle(line) ? { label: sentenceCase(line), lines: [] } : { label: '', lines: [] };
      // Before the first language's details, a second untitled paragraph is the other language's lead.
      if (isTitle(line) || untitled === 1 || !twoLanguages || labels > 0) facts.push(current);
      if (isTitle(line)) continue;
    }
    if (current.lines.length < MAX_FACT_LINES) current.lines.push(oneLine(line, MAX_LINE_CHARS));
  }
  return {
    ours: true,
    request: {
      token,
      language: languageOf(lines),
      ask,
      due: dueIn(message.subject, content),
      facts: facts.filter((f) => f.lines.length > 0),
      replyTo: oneLine(message.replyTo || message.from, 200),
      subject: oneLine(message.subject, 250),
    },
  };
}

const keywordMessage = {
  APPROVE: cardMessages.keywordApprove,
  CHANGES: cardMessages.keywordChanges,
  REJECT: cardMessages.keywordReject,
} as const;

export const decisionLabel = {
  APPROVE: cardMessages.approve,
  CHANGES: cardMessages.requestChanges,
  REJECT: cardMessages.reject,
} as const;

/** Gmail's subject for a reply: "Re: " and the subject, unless it already starts so. */
export function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

export interface PreparedReply {
  body: string;
  /** What the requester's reply reader will make of it: the same reading as for a typed reply. */
  reading: ReplyDecision;
}

export type ReplyPreparation = { ok: true; reply: PreparedReply } | { ok: false; message: string };

/**
 * The reply the card writes: the keyword in the approver's language as the first word, then the
 * comment. It is read here with the requester's own reader, so the preview says what will be recorded.
 */
export function prepareReply(
  request: Pick<CardRequest, 'language' | 'subject'>,
  decision: CardDecision,
  comment: string,
): ReplyPreparation {
  const words = comment.replace(/\r\n?/g, '\n').trim();
  if (words.length > MAX_COMMENT_CHARS) {
    return {
      ok: false,
      message: render(cardMessages.commentTooLong, request.language, {
        count: words.length,
        max: MAX_COMMENT_CHARS,
      }),
    };
  }
  const keyword = render(keywordMessage[decision], request.language);
  const body = words === '' ? keyword : `${keyword}\n\n${words}`;
  const reading = readReply({ body, subject: replySubject(request.subject), autoReply: false });
  return { ok: true, reply: { body, reading: reading.decision } };
}
