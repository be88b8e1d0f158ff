import {
  continuesHeader,
  endsWithAddressColon,
  endsWithAttributionVerb,
  endsWithVerbThenName,
  fold,
  hasDigitOrAt,
  headerKey,
  isBlank,
  isDashName,
  isDatedLabel,
  isDisclaimer,
  isForwardSeparator,
  isFromWithAddress,
  isMobileFooter,
  isOriginalMessageSeparator,
  isQuoted,
  isQuotedHeaderEnd,
  isRule,
  isSecurityBanner,
  isSignatureDelimiter,
  isSignOff,
  MAX_HEADER_LINE,
  mayEndHeader,
  startsWithOnDate,
  stripEnds,
} from './quoted-history';
import { replyMarkerWords } from './reply-marker';
import { doubtIn, mattersIn, tokenize, wordLists, type Token } from './reply-words';

/**
 * Reads an approver's emailed reply: finds the new, visible part (above the marker line, without
 * quoted history, signatures or mobile footers) and decides APPROVE, REJECT, CHANGES or NEEDS_REVIEW
 * from its first words. A false approval is the one error that must not happen, so anything unclear —
 * negations, conditions, conflicts, questions, bare "ok", forwards, auto-replies — goes to a person.
 *
 * All work is on a capped copy of the body, line by line, with plain string tests, so a hostile or huge
 * email costs a few milliseconds.
 */

export type ReplyDecision = 'APPROVE' | 'REJECT' | 'CHANGES' | 'NEEDS_REVIEW';

export interface ReplyReading {
  decision: ReplyDecision;
  /** The approver's own words (the visible reply), trimmed, at most 2,000 characters. */
  comment: string;
  /** Why it needs a person, in plain English for the sidebar ("" unless NEEDS_REVIEW). */
  reason: string;
}

/** Only the start of a body matters; the rest is quoted history or attachments rendered as text. */
const MAX_BODY_CHARS = 100_000;
const MAX_LINES = 1_000;
/** The classifier reads this much of the visible reply. */
const MAX_CLASSIFY_CHARS = 4_000;
export const MAX_COMMENT_CHARS = 2_000;
/** Why an automatic reply waits for a person (nobody is told their reply could not be read). */
export const AUTO_REPLY_REASON = 'It looks like an automatic reply.';

// ---------------------------------------------------------------------------------------------------
// The visible reply

const markerWords = replyMarkerWords.map((w) => fold(w));

function isMarkerLine(line: string): boolean {
  const text = fold(line).replace(/>/g, ' ').split(/\s+/).join(' ');
  return markerWords.some((w) => text.includes(w));
}

function toLines(body: string): string[] {
  const lines = body.slice(0, MAX_BODY_CHARS).split(/\r\n|\r|\n/, MAX_LINES);
  const marker = lines.findIndex(isMarkerLine);
  return marker >= 0 ? lines.slice(0, marker) : lines;
}

const endsSentence = (folded: string): boolean => /[.!?]$/.test(folded);

interface HeaderSpan {
  /** Last line of the header (it may wrap over several lines). */
  end: number;
  /** Reply text glued in front of the header on the same line ("reply On …, … wrote:"). */
  prefix: string;
}

/** Where quoted-history headers and header blocks start, found in one pass over the lines. */
function findHeaders(lines: readonly string[]): { headers: (HeaderSpan | undefined)[]; blocks: boolean[] } {
  const n = lines.length;
  const folded = lines.map((l) => (l.length <= MAX_HEADER_LINE ? fold(l).trim() : ''));
  const quoted = lines.map(isQuoted);
  const headers: (HeaderSpan | undefined)[] = new Array<HeaderSpan | undefined>(n);
  const blocks: boolean[] = new Array<boolean>(n).fill(false);
  const at = (i: number): string => folded[i] ?? '';
  const nextNonBlank = (from: number): number => {
    for (let i = from; i < n && i < from + 4; i++) if (!isBlank(lines[i] ?? '')) return i;
    return -1;
  };

  for (let j = 0; j < n; j++) {
    const f = at(j);
    if (f === '') continue;
    const raw = (lines[j] ?? '').trim();

    if (quoted[j] && !isQuotedHeaderEnd(f)) continue;

    if (!quoted[j] && !startsWithOnDate(f) && endsWithAttributionVerb(f)) {
      // "reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:" — keep the glued reply.
      const lower = raw.toLowerCase();
      if (lower.length === raw.length) {
        const found = [lower.indexOf(' on '), lower.indexOf('-on ')].filter((i) => i > 0);
        const idx = found.length > 0 ? Math.min(...found) + 1 : -1;
        if (idx > 0 && startsWithOnDate(fold(raw.slice(idx)))) {
          const prefix = stripEnds(raw.slice(0, idx), ' -\t');
          if (prefix !== '') {
            headers[j] = { end: j, prefix };
            continue;
          }
        }
      }
    }

    if (mayEndHeader(f) || isQuotedHeaderEnd(f)) {
      // A wrapped header: walk back over at most two lines that continue it.
      let k = j;
      while (k > j - 2 && k > 0) {
        const prev = k - 1;
        const p = at(prev);
        if (p === '' || quoted[prev] || headers[prev] || endsSentence(p)) break;
        const opensAddress = p.endsWith('<') || p.endsWith('(');
        if (!opensAddress && (startsWithOnDate(at(k)) || !continuesHeader((lines[k] ?? '').trim()))) break;
        k = prev;
      }
      if (!(quoted[j] && k === j)) {
        let joined = '';
        for (let i = k; i <= j; i++) joined += (i > k ? ' ' : '') + at(i);
        const first = (lines[k] ?? '').trim();
        const verb = endsWithAttributionVerb(joined) && (hasDigitOrAt(joined) || first.startsWith('--'));
        if (joined.length <= 600 && (verb || endsWithAddressColon(joined) || endsWithVerbThenName(joined))) {
          headers[k] = { end: j, prefix: '' };
          continue;
        }
      }
    }

    if (quoted[j]) continue;

    // "2011/4/7 Name <addr>" straight above a quoted block.
    if (
      f.length <= 300 &&
      (/^[0-9]/.test(f) || f.startsWith('on ')) &&
      f.includes('@') &&
      f.includes('<') &&
      f.includes('>')
    ) {
      const next = nextNonBlank(j + 1);
      if (next >= 0 && quoted[next]) {
        headers[j] = { end: j, prefix: '' };
        continue;
      }
    }

    const key = headerKey(f);
    if (key) {
      let block = isFromWithAddress(f);
      for (let i = j + 1; !block && i < n && i <= j + 6; i++) {
        if (isBlank(lines[i] ?? '')) break;
        const other = headerKey(at(i));
        block = other !== null && other !== key;
      }
      if (block) {
        let start = j;
        while (start > 0 && !quoted[start - 1] && isDatedLabel(at(start - 1))) start--;
        blocks[start] = true;
      }
    }
  }

  // "On Tue, Apr 11, 2017 at 10:07 PM John Smith" a few lines above the rest of its header.
  for (let i = 0; i < n; i++) {
    if (headers[i] || quoted[i] || !startsWithOnDate(at(i)) || endsSentence(at(i))) continue;
    for (let m = i + 1; m < n && m <= i + 5; m++) {
      const span = headers[m];
      if (span) {
        headers[i] = { end: span.end, prefix: '' };
        headers[m] = undefined;
        break;
      }
      if ((quoted[m] && !isQuotedHeaderEnd(at(m))) || endsSentence(at(m))) break;
    }
  }
  return { headers, blocks };
}

/** Skips a block of `>` lines (with blank lines and single re-wrapped lines inside it). */
function skipQuoted(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isQuoted(line) || isBlank(line)) i++;
    else if (i > from && isQuoted(lines[i - 1] ?? '') && isQuoted(lines[i + 1] ?? '')) i++;
    else break;
  }
  return i;
}

/** Splits the lines into the reply the sender typed and, when they forwarded something, the forward. */
function scan(lines: readonly string[]): { kept: string[]; forward: string[] } {
  const { headers, blocks } = findHeaders(lines);
  const kept: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    if (isQuoted(raw)) {
      i = skipQuoted(lines, i);
      continue;
    }
    const f = raw.length <= MAX_HEADER_LINE ? fold(raw) : '';
    if (isForwardSeparator(f)) return { kept, forward: lines.slice(i) };
    const header = headers[i];
    if (header) {
      if (header.prefix !== '') kept.push(header.prefix);
      let next = header.end + 1;
      while (next < lines.length && isBlank(lines[next] ?? '')) next++;
      if (next < lines.length && isQuoted(lines[next] ?? '')) {
        i = skipQuoted(lines, next);
        continue;
      }
      break;
    }
    if (blocks[i] || isOriginalMessageSeparator(f) || isSignatureDelimiter(raw) || isMobileFooter(raw)) break;
    if (isDisclaimer(raw) && kept.some((l) => !isBlank(l))) break;
    kept.push(raw);
    i++;
  }
  return { kept, forward: [] };
}

function dropTrailingRules(lines: string[]): void {
  while (
    lines.length > 0 &&
    (isBlank(lines[lines.length - 1] ?? '') || isRule(lines[lines.length - 1] ?? ''))
  )
    lines.pop();
}

/** Removes a gateway's "CAUTION: external email" paragraph from the top. */
function dropLeadingBanner(lines: string[]): void {
  const first = lines.findIndex((l) => !isBlank(l));
  if (first < 0 || !isSecurityBanner(lines[first] ?? '')) return;
  let end = first;
  while (end < lines.length && end < first + 6 && !isBlank(lines[end] ?? '')) end++;
  lines.splice(0, end);
}

/** Removes a closing "Thanks,\nJane Doe\nPrincipal" block, unless it says anything that matters. */
function dropSignOff(lines: string[]): void {
  for (let s = Math.max(1, lines.length - 8); s < lines.length; s++) {
    if (!isSignOff(lines[s] ?? '')) continue;
    if (!lines.slice(0, s).some((l) => !isBlank(l))) return;
    const tail = lines.slice(s);
    const words = tail.filter((l) => !isBlank(l));
    if (words.length > 7 || words.some((l) => l.trim().length > 60)) continue;
    if (mattersIn(tail.join('\n'))) return;
    lines.length = s;
    return;
  }
}

/** The new, visible part of a reply: cut at the marker, quoted history, signatures and mobile footers removed. */
export function visibleReply(body: string): string {
  const { kept, forward } = scan(toLines(body));
  const lines = kept.map((l) => l.trimEnd());
  dropLeadingBanner(lines);
  if (forward.length > 0) return [...lines, ...forward.map((l) => l.trimEnd())].join('\n').trim();
  dropTrailingRules(lines);
  dropSignOff(lines);
  dropTrailingRules(lines);
  const last = lines[lines.length - 1];
  if (
    last !== undefined &&
    isDashName(last) &&
    lines.slice(0, -1).some((l) => !isBlank(l)) &&
    !mattersIn(last)
  ) {
    lines.pop();
    dropTrailingRules(lines);
  }
  return lines.join('\n').trim();
}

// ---------------------------------------------------------------------------------------------------
// The decision

const autoReplyPhrases = [
  'out of office',
  'out of the office',
  'automatic reply',
  'auto reply',
  'auto-reply',
  'autoreply',
  'automatic response',
  'auto-response',
  'away from the office',
  'respuesta automatica',
  'fuera de la oficina',
  'fuera de oficina',
  'ausente de la oficina',
  'reponse automatique',
  'absent du bureau',
  'abwesenheitsnotiz',
  'automatische antwort',
];

const greetings = new Set([
  'hi',
  'hello',
  'hey',
  'dear',
  'morning',
  'greetings',
  'hola',
  'estimado',
  'estimada',
  'estimados',
  'estimadas',
  'querido',
  'querida',
  'buenos',
  'buenas',
  'good',
]);

const quoteOf = (text: string, max = 60): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
};

interface Head {
  decision: 'APPROVE' | 'REJECT' | 'CHANGES';
  /** Token range of the decision words. */
  from: number;
  to: number;
  /** It rejected by negating an approve word ("not approved", "no apruebo"). */
  negated: boolean;
}

const review = (reason: string) => ({ decision: 'NEEDS_REVIEW' as const, reason });

/** Matches the decision words at token `start`, allowing "Yes,", "I", "we", "hereby" in front. */
function matchHead(tokens: readonly Token[], start: number, lineEnd: number, nested = false): Head | null {
  const word = (i: number): string => {
    const t = tokens[i];
    return t && t.start < lineEnd ? t.word : '';
  };
  if (!nested && (word(start) === 'no' || word(start) === 'nope')) {
    // "No, I don't approve", "Nope, rejected" — a leading "no" may only strengthen a rejection.
    const inner = matchHead(tokens, start + 1, lineEnd, true);
    if (inner?.decision === 'REJECT') return { ...inner, from: start };
  }
  const { approve, reject, changeNouns, changeVerbs, fillers, subjects, auxiliaries, adverbs } = wordLists;
  let i = start;
  while (fillers.has(word(i))) i++;
  const hasSubject = subjects.has(word(i));
  if (hasSubject) i++;
  if (hasSubject && auxiliaries.has(word(i))) i++;
  while (adverbs.has(word(i))) i++;
  const w0 = word(i);
  const w1 = word(i + 1);
  const w2 = word(i + 2);
  const head = (decision: Head['decision'], length: number, negated = false): Head => ({
    decision,
    from: start,
    to: i + length,
    negated,
  });

  // Rejections by negation first, so "not approved" never reads as an approval.
  if (w0 === 'not' && approve.has(w1)) return head('REJECT', 2, true);
  if (hasSubject && (w0 === 'do' || w0 === 'does') && w1 === 'not' && approve.has(w2))
    return head('REJECT', 3, true);
  if (hasSubject && (w0 === "don't" || w0 === 'dont' || w0 === "doesn't") && approve.has(w1))
    return head('REJECT', 2, true);
  if (w0 === 'no') {
    if (['apruebo', 'aprobado', 'aprobada', 'aprobamos', 'autorizo'].includes(w1))
      return head('REJECT', 2, true);
    if ((w1 === 'lo' || w1 === 'la' || w1 === 'se') && ['apruebo', 'aprobamos', 'aprueba'].includes(w2))
      return head('REJECT', 3, true);
  }
  if (reject.has(w0)) return head('REJECT', 1);
  if (w0 === 'approval' || w0 === 'aprobacion') {
    if (['granted', 'given', 'confirmed', 'concedida', 'otorgada', 'confirmada'].includes(w1))
      return head('APPROVE', 2);
    if (['denied', 'declined', 'refused', 'rejected', 'denegada', 'rechazada'].includes(w1))
      return head('REJECT', 2);
  }

  if (approve.has(w0) && (w1 === 'with' || w1 === 'con')) {
    // "Approve with changes", "Approved with minor edits", "Aprobado con algunos cambios"
    if (changeNouns.has(w2)) return head('CHANGES', 3);
    if (wordLists.fewWords.has(w2) && changeNouns.has(word(i + 3))) return head('CHANGES', 4);
    if (w2 === 'a' && word(i + 3) === 'few' && changeNouns.has(word(i + 4))) return head('CHANGES', 5);
  }
  if (changeNouns.has(w0)) return head('CHANGES', 1);
  if (w0 === 'please' || w0 === 'por') {
    // "Please revise", "Please make changes", "Por favor, cambios"
    const skip = w0 === 'por' && w1 === 'favor' ? 2 : 1;
    const a = word(i + skip);
    const b = word(i + skip + 1);
    if (a === 'revise' || changeNouns.has(a)) return head('CHANGES', skip + 1);
    if (changeVerbs.has(a) && changeNouns.has(b)) return head('CHANGES', skip + 2);
  }
  if (w0 === 'revise' || w0 === 'revisions') return head('CHANGES', 1);
  if (changeVerbs.has(w0) && w0 !== 'with' && w0 !== 'con') {
    if (changeNouns.has(w1)) return head('CHANGES', 2);
    if ((w1 === 'a' || wordLists.fewWords.has(w1)) && changeNouns.has(w2)) return head('CHANGES', 3);
    if (changeVerbs.has(w1) && changeNouns.has(w2)) return head('CHANGES', 3);
  }

  if (approve.has(w0)) return head('APPROVE', 1);
  return null;
}

/**
 * The first line that says something: greetings ("Hi Ana," / "Hola:") are skipped. Null when there is
 * none; `words` tells whether the text had any words at all.
 */
function firstMeaningful(text: string): { start: number; end: number } | { words: boolean } {
  let offset = 0;
  let words = false;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const tokens = tokenize(line);
    if (tokens.length === 0) {
      if (wordLists.weakEmoji.some((e) => line.includes(e))) return { start: lineStart, end: offset - 1 };
      continue;
    }
    words = true;
    const first = tokens[0]?.word ?? '';
    if (!greetings.has(first)) return { start: lineStart, end: offset - 1 };
    const head = line.slice(0, 60);
    let cut = -1;
    for (let c = 0; c < head.length; c++) {
      if (',:;!—–'.includes(head.charAt(c))) {
        cut = c;
        break;
      }
    }
    if (cut >= 0 && tokenize(line.slice(cut + 1)).length > 0)
      return { start: lineStart + cut + 1, end: offset - 1 };
    if (cut < 0 && line.length > 45) return { start: lineStart, end: offset - 1 };
  }
  return { words };
}

/** Decides from the visible text. */
export function classifyReply(visible: string): { decision: ReplyDecision; reason: string } {
  const text = visible.slice(0, MAX_CLASSIFY_CHARS).trim();
  if (text === '') return review('The reply is empty: there is no text above the quoted email.');

  const lines = text.split('\n');
  if (lines.some((l) => l.length <= MAX_HEADER_LINE && isForwardSeparator(fold(l))))
    return review('It looks like a forwarded message, not a reply.');
  const flat = fold(text.slice(0, 1_000)).split(/\s+/).join(' ');
  if (autoReplyPhrases.some((p) => flat.includes(p))) return review(AUTO_REPLY_REASON);

  const tokens = tokenize(text);
  const original = (from: number, to: number): string => text.slice(from, to);
  const line = firstMeaningful(text);
  if ('words' in line)
    return review(
      line.words
        ? 'It has no decision word (APPROVE, REJECT or CHANGES) at the start.'
        : 'It has no words, only symbols or punctuation.',
    );
  const lineText = text.slice(line.start, line.end);
  const firstIndex = tokens.findIndex((t) => t.start >= line.start);
  const head = firstIndex >= 0 ? matchHead(tokens, firstIndex, line.end) : null;

  if (!head) {
    const lead = tokens.slice(Math.max(firstIndex, 0), Math.max(firstIndex, 0) + 4);
    const w = (i: number) => (lead[i] && lead[i].start < line.end ? lead[i].word : '');
    const negatedAt = [0, 1, 2].find(
      (i) =>
        wordLists.isNegation(w(i)) && (wordLists.approve.has(w(i + 1)) || wordLists.approve.has(w(i + 2))),
    );
    if (negatedAt !== undefined) {
      const last = lead[Math.min(lead.length - 1, negatedAt + 2)];
      const said = quoteOf(original(lead[0]?.start ?? line.start, last?.end ?? line.end));
      return review(`It says “${said}”, which is not a clear rejection.`);
    }
    if (wordLists.isWeak(w(0), w(1)) || (firstIndex < 0 && lineText.trim() !== ''))
      return review(`It only says “${quoteOf(lineText, 40)}”, which is not a clear decision.`);
    return review('It has no decision word (APPROVE, REJECT or CHANGES) at the start.');
  }

  const headTokens = tokens.slice(head.from, head.to);
  const said = quoteOf(original(headTokens[0]?.start ?? 0, headTokens[headTokens.length - 1]?.end ?? 0));

  // A question in the first sentence.
  const sentenceEnd = lineText.search(/[.!?;]/);
  if (sentenceEnd >= 0 && lineText.charAt(sentenceEnd) === '?')
    return review(`It is a question: “${quoteOf(lineText.slice(0, sentenceEnd + 1))}”.`);

  // Other decision words outside the head.
  const rest = tokens.map((t, i) => ({ t, i })).filter(({ i }) => i < head.from || i >= head.to);
  const negatedBefore = (i: number, span: number) =>
    tokens.slice(Math.max(0, i - span), i).some((t) => wordLists.isNegation(t.word));
  const approveElsewhere = rest.filter(({ t }) => wordLists.approve.has(t.word));
  const rejectElsewhere = rest.filter(({ t }) => wordLists.reject.has(t.word));
  const changesElsewhere = rest.filter(
    ({ t, i }) =>
      wordLists.changeNouns.has(t.word) &&
      !tokens.slice(Math.max(0, i - 2), i).some((p) => wordLists.noneWords.has(p.word)),
  );
  const excerpt = (i: number) => {
    const from = tokens[Math.max(i - 2, i < head.from ? 0 : head.to)]?.start ?? 0;
    return quoteOf(original(from, Math.min(text.length, from + 50)), 40);
  };

  if (head.decision === 'REJECT') {
    const plainApprove = approveElsewhere.find(({ i }) => !negatedBefore(i, 3));
    if (plainApprove) return review(`It says “${said}” but also “${excerpt(plainApprove.i)}”.`);
    const negReject = rejectElsewhere.find(({ i }) => negatedBefore(i, 3));
    if (negReject) return review(`It says “${said}” but also “${excerpt(negReject.i)}”.`);
    const after = tokens[head.to]?.word ?? '';
    if (head.negated && ['yet', 'todavia', 'aun', 'until', 'hasta', 'for'].includes(after))
      return review(`It says “${said} ${after}”, which may only be for now.`);
    return { decision: 'REJECT', reason: '' };
  }

  if (head.decision === 'CHANGES') {
    const conflict = rejectElsewhere[0];
    if (conflict) return review(`It asks for changes but also says “${excerpt(conflict.i)}”.`);
    return { decision: 'CHANGES', reason: '' };
  }

  // APPROVE: nothing may cast doubt on it.
  // Any negation after it ("Approved. Not for the high schools.") needs a person.
  const negation = tokens.findIndex(
    (t, i) =>
      i >= head.to &&
      wordLists.isNegation(t.word) &&
      !wordLists.harmlessAfterNo.has(tokens[i + 1]?.word ?? ''),
  );
  if (negation >= 0) return review(`It says “${said}” but also “${excerpt(negation)}”.`);
  const negApprove = approveElsewhere.find(({ i }) => negatedBefore(i, 3));
  if (negApprove) return review(`It says “${said}” but also “${excerpt(negApprove.i)}”.`);
  const conflict = rejectElsewhere[0] ?? changesElsewhere[0];
  if (conflict) return review(`It says “${said}” but also “${excerpt(conflict.i)}”.`);
  const question = text.indexOf('?');
  if (question >= 0) {
    const from = Math.max(text.lastIndexOf('\n', question) + 1, question - 60);
    return review(
      `It says “${said}” but also asks a question: “${quoteOf(text.slice(from, question + 1))}”.`,
    );
  }
  const doubt = doubtIn(text, head.to);
  if (doubt) {
    const from = doubt.start;
    const fragment = quoteOf(text.slice(from, from + 60), 40);
    return review(
      doubt.kind === 'condition'
        ? `It says “${said}” but adds a condition: “${fragment}”.`
        : `It says “${said}” but sounds unsure: “${fragment}”.`,
    );
  }
  return { decision: 'APPROVE', reason: '' };
}

// ---------------------------------------------------------------------------------------------------
// The whole reading

const autoSubjectStarts = [
  'auto:',
  'automatic reply',
  'autoreply',
  'auto-reply',
  'auto reply',
  'out of office',
  'out of the office',
  'respuesta automatica',
  'fuera de la oficina',
  'reponse automatique',
  'automatische antwort',
  'abwesend',
];
const forwardPrefixes = new Set(['fwd', 'fw', 'rv', 'tr', 'wg', 'reenviar', 'reenv', 'enc', 'doorst']);
const replyPrefixes = new Set(['re', 'aw', 'sv', 'antw', 'r', 'rif', 'ref', 'odp', 'vs', 'res']);

function subjectSignal(subject: string): 'auto' | 'forward' | null {
  let rest = fold(subject.slice(0, 300)).trim();
  if (autoSubjectStarts.some((s) => rest.startsWith(s))) return 'auto';
  if (autoReplyPhrases.some((p) => rest.includes(p))) return 'auto';
  for (let n = 0; n < 10; n++) {
    const m = /^([a-z]{1,9}) ?(?:\[\d{1,3}\]|\(\d{1,3}\))? ?[:：] */.exec(rest);
    if (!m) break;
    const prefix = m[1] ?? '';
    if (forwardPrefixes.has(prefix)) return 'forward';
    if (!replyPrefixes.has(prefix)) break;
    rest = rest.slice(m[0].length);
  }
  return null;
}

function capComment(text: string): string {
  if (text.length <= MAX_COMMENT_CHARS) return text;
  let end = MAX_COMMENT_CHARS;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}

export function readReply(input: { body: string; subject: string; autoReply: boolean }): ReplyReading {
  const visible = visibleReply(input.body);
  const comment = capComment(visible);
  const signal = subjectSignal(input.subject);
  if (input.autoReply || signal === 'auto')
    return { decision: 'NEEDS_REVIEW', comment, reason: AUTO_REPLY_REASON };
  if (signal === 'forward')
    return {
      decision: 'NEEDS_REVIEW',
      comment,
      reason: 'It looks like a forwarded message (Fwd:/RV: subject).',
    };
  const { decision, reason } = classifyReply(visible);
  return { decision, comment, reason };
}
