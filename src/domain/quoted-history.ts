/**
 * Line recognisers for the parts of a plain-text email that are not the sender's new words: quoted
 * history headers ("On … wrote:", Outlook "From:/Sent:" blocks, "Original Message" separators),
 * forwarded-message separators, signature delimiters and mobile footers. They live apart from the reply
 * reader because each is a small, separately testable rule, and every one of them is a plain string test
 * on one short line (or a few joined lines) — no regular expression that can backtrack — so hostile input
 * stays linear.
 */

/** Lower case without accents, for matching only (output keeps the original text). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  try {
    return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  } catch {
    return lower;
  }
}

/** Header and footer tests only look at lines up to this length; longer lines are prose or data. */
export const MAX_HEADER_LINE = 500;

export const isBlank = (line: string): boolean => line.trim() === '';
export const isQuoted = (line: string): boolean => line.trimStart().startsWith('>');

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

export const hasDigitOrAt = (text: string): boolean => text.includes('@') || hasDigit(text);

/** Removes the given characters from both ends. */
export function stripEnds(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text.charAt(start))) start++;
  while (end > start && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

function stripEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

// ---------------------------------------------------------------------------------------------------
// "On <date>, <name> wrote:" and its translations

/** Verbs that end an attribution line, folded ("escribió" → "escribio"). */
const attributionVerbs = [
  'wrote',
  'writes',
  'escribio',
  'a ecrit',
  'ha scritto',
  'schrieb',
  'schreef',
  'geschreven',
  'skrev',
  'napisał',
  'napisała',
  'napisał(a)',
  'napisal',
  'kirjoitti',
  'escreveu',
  'đa viet',
  'написал',
  'написала',
  'написав',
  '写道',
  '작성',
  'のメッセージ',
  'pisze',
  'ha escrit',
  'a scris',
  'yazdı',
  'εγραψε',
];

/**
 * The folded text (one line or a few joined) ends with an attribution verb, optionally followed by a
 * colon or by dashes ("---- John wrote ----"). `sent` counts only after an "On …" start.
 */
export function endsWithAttributionVerb(folded: string): boolean {
  const core = stripEnd(folded, ' -:：\t');
  const startsWithOn = stripEnds(folded, ' -\t').startsWith('on ');
  for (const verb of startsWithOn ? [...attributionVerbs, 'sent'] : attributionVerbs) {
    if (core.endsWith(verb)) {
      const before = core.charAt(core.length - verb.length - 1);
      if (before === '' || !isLetter(before)) return true;
    }
  }
  return false;
}

/**
 * A localized Gmail-style header that ends with the address and a colon, such as
 * `2014-03-20 8:48 GMT+01:00 Name <addr>:` or `ср, 30 апр. 2025 г. в 15:19, Name <addr>:`. At most two
 * short words may sit between the address and the colon (`<addr> 작성:`).
 */
export function endsWithAddressColon(folded: string): boolean {
  const text = folded.trimEnd();
  if (!(text.endsWith(':') || text.endsWith('：')) || !text.includes('@') || !hasDigit(text)) return false;
  const body = text.slice(0, -1);
  const close = Math.max(body.lastIndexOf('>'), body.lastIndexOf(')'), body.lastIndexOf(']'));
  if (close < 0 || body.lastIndexOf('@') > close) return false;
  const tail = body.slice(close + 1).trim();
  return tail.length <= 20 && tail.split(' ').length <= 2;
}

/** Verbs that come before the name in some languages: `Am 25.06.2015 um 10:55 schrieb Test user:`. */
const verbsBeforeName = ['schrieb', 'schreef', 'skrev'];

/** `… schrieb Test user:` — a dated header whose verb comes before a short name. */
export function endsWithVerbThenName(folded: string): boolean {
  const text = folded.trimEnd();
  if (!(text.endsWith(':') || text.endsWith('：')) || !hasDigit(text)) return false;
  for (const verb of verbsBeforeName) {
    const at = text.lastIndexOf(` ${verb} `);
    if (at < 0) continue;
    const name = text.slice(at + verb.length + 2, -1).trim();
    if (name.length > 0 && name.length <= 100 && name.split(' ').length <= 8) return true;
  }
  return false;
}

/** The line may end a header (checked again once joined with the lines it continues). */
export function mayEndHeader(folded: string): boolean {
  if (endsWithAttributionVerb(folded) || endsWithVerbThenName(folded)) return true;
  const text = folded.trimEnd();
  return (text.endsWith(':') || text.endsWith('：')) && text.includes('@');
}

/** A quoted line that only finishes a wrapped header: `>:` or `> wrote:` (Gmail, Polymail). */
export function isQuotedHeaderEnd(folded: string): boolean {
  const text = folded.trim();
  if (!text.startsWith('>')) return false;
  const rest = stripEnds(text, '> ');
  return rest === ':' || (rest.length <= 20 && rest.endsWith(':') && endsWithAttributionVerb(rest));
}

/** Starts like the first line of a wrapped header, so no earlier line belongs to it. */
export function startsWithOnDate(folded: string): boolean {
  return stripEnds(folded, ' -\t').startsWith('on ') && hasDigit(folded);
}

/** The line continues a header begun on the line above (`<addr> wrote:`, `ha scritto:`, `napisał:`). */
export function continuesHeader(foldedTrimmed: string): boolean {
  const first = foldedTrimmed.charAt(0);
  if (first === '<' || first === '(' || first === '[' || first === '"' || first === '>') return true;
  return isLetter(first) && first === first.toLowerCase() && first !== first.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------
// Outlook, Exchange and Windows Mail header blocks

type HeaderKey = 'from' | 'sent' | 'to' | 'cc' | 'subject';

const headerKeys = new Map<string, HeaderKey>();
const addKeys = (key: HeaderKey, names: string[]) => names.forEach((name) => headerKeys.set(name, key));
addKeys('from', [
  'from',
  'de',
  'von',
  'van',
  'da',
  'fra',
  'fran',
  'od',
  'от',
  'expediteur',
  '发件人',
  '寄件者',
]);
addKeys('sent', [
  'sent',
  'date',
  'enviado',
  'enviado el',
  'fecha',
  'envoye',
  'envoye le',
  'gesendet',
  'datum',
  'verzonden',
  'inviato',
  'data',
  'sendt',
  'dato',
  'skickat',
  'wysłano',
  'отправлено',
  'дата',
  '发送时间',
  '日期',
]);
addKeys('to', ['to', 'para', 'a', 'an', 'aan', 'til', 'till', 'do', 'per', 'кому', '收件人']);
addKeys('cc', ['cc', 'copie a', 'kopie', '抄送']);
addKeys('subject', [
  'subject',
  'asunto',
  'objet',
  'betreff',
  'onderwerp',
  'oggetto',
  'emne',
  'amne',
  'temat',
  'тема',
  '主题',
  'assunto',
]);

/** The header key a line starts with (`From:`, `*Sent:*`, `De :`, `Enviado el:`), or null. */
export function headerKey(folded: string): HeaderKey | null {
  const text = folded.trim();
  let colon = -1;
  for (let i = 0; i < text.length && i < 24; i++) {
    const ch = text.charAt(i);
    if (ch === ':' || ch === '：') {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const name = stripEnds(text.slice(0, colon), '*_ \t');
  return headerKeys.get(name) ?? null;
}

/** `From: Name <addr>` or `From: x [mailto:x]` on its own is enough to start the quoted part. */
export function isFromWithAddress(folded: string): boolean {
  return headerKey(folded) === 'from' && (folded.includes('@') || folded.includes('mailto:'));
}

/** `Message du : 12/12/2016 13:20` — a short label with a date, sitting on top of a header block. */
export function isDatedLabel(folded: string): boolean {
  const text = folded.trim();
  if (text.length > 80 || !hasDigit(text)) return false;
  const colon = text.indexOf(':');
  if (colon < 1 || colon > 20) return false;
  const label = text.slice(0, colon).trim();
  for (let i = 0; i < label.length; i++) {
    const ch = label.charAt(i);
    if (ch !== ' ' && !isLetter(ch)) return false;
  }
  return label.split(' ').length <= 3;
}

// ---------------------------------------------------------------------------------------------------
// Separators, signatures, footers

const originalMessageNames = [
  'original message',
  'mensaje original',
  'reply message',
  'ursprungliche nachricht',
  'antwort nachricht',
  "message d'origine",
  'oprindelig meddelelse',
  'oprindelig besked',
  'opprinnelig melding',
  'messaggio originale',
  'mensagem original',
  'oorspronkelijk bericht',
  'originalmeddelande',
  'alkuperainen viesti',
  'исходное сообщение',
];

const forwardNames = [
  'forwarded message',
  'forwarded message follows',
  'mensaje reenviado',
  'message transfere',
  'weitergeleitete nachricht',
  'doorgestuurd bericht',
  'messaggio inoltrato',
  'mensagem encaminhada',
  'videresendt meddelelse',
];

const forwardLines = [
  'begin forwarded message:',
  'inicio del mensaje reenviado:',
  'comienzo del mensaje reenviado:',
  'debut du message reexpedie :',
  'debut du message reexpedie:',
];

/** `-----Original Message-----`, `-------- Mensaje original --------`, `----- Original Message -----`. */
function dashedName(folded: string, names: readonly string[]): boolean {
  const text = folded.trim();
  if (text.length > 80) return false;
  const inner = stripEnds(text, '-_=* \t');
  if (inner.length === text.length || !names.includes(inner)) return false;
  return text.startsWith('--') || text.startsWith('__') || text.startsWith('==') || text.startsWith('**');
}

export const isOriginalMessageSeparator = (folded: string): boolean =>
  dashedName(folded, originalMessageNames);

/** A forwarded message starts here (Gmail, Outlook, Thunderbird, Apple Mail; English and Spanish). */
export function isForwardSeparator(folded: string): boolean {
  return dashedName(folded, forwardNames) || forwardLines.includes(folded.trim());
}

/** `-- ` (RFC 3676), `--`, or a line of underscores (Outlook's separator, mailing-list footers). */
export function isSignatureDelimiter(line: string): boolean {
  const text = line.trimEnd();
  if (text === '--' || text === '-- ') return true;
  const trimmed = text.trim();
  return trimmed.length >= 2 && stripEnds(trimmed, '_') === '';
}

/** A line made only of separator characters (`-----`, `=====`), dropped from the end of a reply. */
export function isRule(line: string): boolean {
  const text = line.trim();
  return text.length >= 3 && stripEnds(text, '-_=*~—–•·') === '';
}

const footerStarts: [string, number][] = [
  ['sent from ', 8],
  ['sent with ', 8],
  ['sent via ', 8],
  ['sent using ', 8],
  ['get outlook for ', 6],
  ['enviado desde ', 9],
  ['enviado con ', 9],
  ['enviado do ', 9],
  ['obtener outlook para ', 6],
  ['descargar outlook para ', 6],
  ['envoye de ', 9],
  ['envoye depuis ', 9],
  ['envoye a partir de ', 10],
  ['envoye avec ', 9],
  ['obtenir outlook pour ', 6],
  ['gesendet von ', 9],
  ['gesendet mit ', 9],
  ['von meinem ', 8],
  ['inviato da ', 9],
  ['verzonden met ', 9],
  ['verzonden vanaf ', 9],
  ['skickat fran ', 9],
  ['sendt fra ', 9],
];

/**
 * A mobile or app footer as a whole line: "Sent from my iPhone", "Get Outlook for iOS<https://…>",
 * "Enviado desde mi iPhone", "Obtener Outlook para Android". Prose such as "Sent from my desk, is much
 * easier…" is not a footer: footers are a few words with no punctuation.
 */
export function isMobileFooter(line: string): boolean {
  let text = fold(line.trim());
  if (text.length > 120) return false;
  if (text.endsWith('>') && text.includes('<')) text = text.slice(0, text.lastIndexOf('<'));
  else if (text.endsWith(')') && text.includes('(')) text = text.slice(0, text.lastIndexOf('('));
  text = text.trim();
  for (let i = 0; i < text.length; i++) {
    if (',;:!?'.includes(text.charAt(i))) return false;
  }
  if (text.endsWith('.')) text = text.slice(0, -1);
  const words = text.split(' ').filter((w) => w !== '');
  for (const [start, maxWords] of footerStarts) {
    if (text.startsWith(start) && words.length <= maxWords && words.length > start.split(' ').length - 1)
      return start !== 'von meinem ' || text.endsWith(' gesendet');
  }
  return false;
}

const signOffs = new Set([
  'thanks',
  'thank you',
  'thanks so much',
  'thank you so much',
  'many thanks',
  'thanks again',
  'thanks in advance',
  'regards',
  'best',
  'best regards',
  'kind regards',
  'warm regards',
  'warmest regards',
  'with regards',
  'all the best',
  'best wishes',
  'cheers',
  'sincerely',
  'respectfully',
  'gracias',
  'muchas gracias',
  'mil gracias',
  'saludos',
  'saludos cordiales',
  'un saludo',
  'un cordial saludo',
  'atentamente',
  'cordialmente',
  'un abrazo',
]);

/** A line that is only a sign-off ("Thanks,", "Best regards", "Saludos cordiales."). */
export function isSignOff(line: string): boolean {
  const text = stripEnds(fold(line.trim()), ',.!¡ ');
  return text.length <= 30 && signOffs.has(text);
}

/** "-Abhishek", "-Jane Doe": a dash-name signature (a dash followed directly by a letter). */
export function isDashName(line: string): boolean {
  const text = line.trim();
  return text.length <= 40 && text.startsWith('-') && isLetter(text.charAt(1));
}

const disclaimerStarts = [
  'confidential',
  'disclaimer',
  'notice',
  'important',
  'privileged',
  'this e-mail',
  'this email',
  'this message',
  'the information contained',
  'the contents of this',
  'this communication',
  'this transmission',
  'the information in this',
  'aviso',
  'este mensaje',
  'este correo',
  'la informacion contenida',
  'confidencialidad',
];

/** The start of a legal or confidentiality footer: "CONFIDENTIALITY NOTICE: This email … intended …". */
export function isDisclaimer(line: string): boolean {
  const text = fold(line.trim()).slice(0, 400);
  if (!disclaimerStarts.some((start) => text.startsWith(start))) return false;
  return ['confidential', 'intended', 'confidencial', 'destinatario', 'privileged'].some((w) =>
    text.includes(w),
  );
}

const bannerStarts = [
  'caution',
  'warning',
  'external',
  '[external]',
  '*external*',
  'this email originated',
  'this message originated',
  "you don't often get email",
  'precaucion',
  'advertencia',
  'correo externo',
  'este correo se origino',
];

/**
 * A mail gateway's banner put above the message ("CAUTION: This email originated from outside the
 * organization. Do not click links…"): not the approver's words, and full of "do not" and "unless".
 */
export function isSecurityBanner(line: string): boolean {
  const text = stripEnds(fold(line.trim()).slice(0, 300), '*[]() ');
  if (!bannerStarts.some((start) => text.startsWith(stripEnds(start, '*[]() ')))) return false;
  return ['outside', 'external', 'externo', 'fuera de', 'often get email'].some((w) => text.includes(w));
}
