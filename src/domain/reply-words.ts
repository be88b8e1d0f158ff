import { fold } from './quoted-history';

/**
 * The English and Spanish words the reply classifier listens for — decision words, negations,
 * conditions, doubts and bare acknowledgements — kept apart from the rules that use them so the
 * vocabulary can be read and extended in one place. Words are matched as whole tokens after folding case
 * and accents (substring matches caused real bugs elsewhere: "disallow" matching "allow").
 */

export interface Token {
  /** Folded word; "sí" (yes) keeps its accent so it is not confused with "si" (if). */
  word: string;
  /** Offsets in the text the tokens came from. */
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase().replace(/[’‘`´]/g, "'");
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}']+/gu;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const raw = m[0];
    let start = m.index;
    let end = start + raw.length;
    while (start < end && lower.charAt(start) === "'") start++;
    while (end > start && lower.charAt(end - 1) === "'") end--;
    if (start === end) continue;
    const word = lower.slice(start, end);
    tokens.push({ word: word === 'sí' ? 'sí' : fold(word), start, end });
  }
  return tokens;
}

const set = (...words: string[]) => new Set(words);

const negations = set(
  'not',
  'no',
  'never',
  'nunca',
  'ni',
  'cannot',
  'unable',
  'tampoco',
  'jamas',
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'wont',
  'isnt',
  'wasnt',
  'arent',
  'shouldnt',
  'wouldnt',
  'couldnt',
  'havent',
  'hasnt',
  'hadnt',
  'aint',
);

const weakSingles = set(
  'yes',
  'yeah',
  'yep',
  'yup',
  'ok',
  'okay',
  'k',
  'kk',
  'sure',
  'fine',
  'agreed',
  'agree',
  'lgtm',
  'good',
  'great',
  'perfect',
  'alright',
  'sí',
  'si',
  'vale',
  'claro',
  'perfecto',
  'listo',
  'bien',
  'correcto',
  'dale',
  'no',
  'nope',
  'nah',
);

const weakPairs = set(
  'looks good',
  'sounds good',
  'go ahead',
  'all good',
  'good to',
  'go for',
  'de acuerdo',
  'esta bien',
  'me parece',
  'adelante',
);

export const wordLists = {
  approve: set(
    'approve',
    'approved',
    'approving',
    'aprobar',
    'aprobado',
    'aprobada',
    'aprobados',
    'aprobadas',
    'apruebo',
    'aprueba',
    'aprobamos',
    'autorizado',
    'autorizada',
    'autorizo',
    'autorizamos',
    'autorizar',
  ),
  reject: set(
    'reject',
    'rejected',
    'rejecting',
    'decline',
    'declined',
    'declining',
    'deny',
    'denied',
    'disapprove',
    'disapproved',
    'rechazar',
    'rechazado',
    'rechazada',
    'rechazados',
    'rechazo',
    'rechaza',
    'rechazamos',
    'denegado',
    'denegada',
    'deniego',
    'denegar',
    'denegamos',
  ),
  changeNouns: set(
    'changes',
    'cambios',
    'modificaciones',
    'revisions',
    'corrections',
    'correcciones',
    'edits',
    'ajustes',
  ),
  changeVerbs: set(
    'request',
    'requesting',
    'requested',
    'need',
    'needs',
    'needed',
    'require',
    'requires',
    'required',
    'make',
    'making',
    'solicito',
    'solicitamos',
    'solicitar',
    'necesita',
    'necesito',
    'necesitamos',
    'necesitan',
    'requiere',
    'requieren',
    'pido',
    'pedimos',
    'hacer',
    'haga',
    'hagan',
    'faltan',
    'hacen',
    'with',
    'con',
  ),
  /** Words that may come before the decision word: "Yes, approved", "OK, I approve". */
  fillers: set('yes', 'yeah', 'yep', 'yup', 'ok', 'okay', 'sure', 'sí', 'alright', 'thanks', 'gracias'),
  subjects: set(
    'i',
    'we',
    "i'm",
    "i've",
    "we're",
    "we've",
    'im',
    'ive',
    'it',
    'this',
    "it's",
    'yo',
    'nosotros',
    'se',
    'lo',
    'la',
  ),
  /** "I have approved", "It is approved", "I am approving". */
  auxiliaries: set('have', 'has', 'am', 'are', 'is', 'been'),
  /** "Approved with minor edits", "request some changes". */
  fewWords: set(
    'some',
    'few',
    'minor',
    'small',
    'light',
    'algunos',
    'algunas',
    'unos',
    'unas',
    'pequenos',
    'menores',
  ),
  adverbs: set('hereby', 'fully', 'also', 'formally', 'officially', 'tambien', 'totalmente'),
  /** "No changes", "sin cambios": a change word that does not ask for changes. */
  noneWords: set(
    'no',
    'not',
    'without',
    'sin',
    'any',
    'ningun',
    'ninguna',
    'ninguno',
    'none',
    'zero',
    'nada',
  ),
  /** "Approved, no objections": a "no" that does not negate the approval. */
  harmlessAfterNo: set(
    'changes',
    'cambios',
    'concerns',
    'issues',
    'problems',
    'objections',
    'comments',
    'questions',
    'edits',
    'objeciones',
    'comentarios',
    'problemas',
    'preguntas',
  ),
  weakEmoji: ['👍', '👌', '✅', '✔', '👎', '❌', '🙂', '😀', '🎉'],
  isNegation: (word: string): boolean => negations.has(word) || word.endsWith("n't"),
  isWeak: (first: string, second: string): boolean =>
    weakSingles.has(first) || weakPairs.has(`${first} ${second}`) || weakPairs.has(first),
};

const conditionWords = set(
  'but',
  'however',
  'unless',
  'if',
  'once',
  'provided',
  'providing',
  'pending',
  'assuming',
  'except',
  'excepting',
  'although',
  'though',
  'until',
  'till',
  'yet',
  'when',
  'whenever',
  'before',
  'after',
  'only',
  'conditional',
  'conditionally',
  'condition',
  'conditions',
  'conditioned',
  'contingent',
  'caveat',
  'caveats',
  'pero',
  'aunque',
  'si',
  'salvo',
  'excepto',
  'cuando',
  'mientras',
  'pendiente',
  'pendientes',
  'condicion',
  'condiciones',
  'condicionado',
  'condicionada',
  'antes',
  'despues',
  'solo',
  'solamente',
  'unicamente',
  'hasta',
  'sino',
  'todavia',
);

/** Two-word conditions: "subject to", "as long as", "siempre que", "a menos que", "sin embargo". */
const conditionPairs = set(
  'subject to',
  'as long',
  'so long',
  'on condition',
  'siempre que',
  'siempre y',
  'a menos',
  'con tal',
  'una vez',
  'sin embargo',
  'for now',
  'por ahora',
  'in principle',
  'en principio',
  'por el momento',
);

const doubtWords = set(
  'maybe',
  'perhaps',
  'probably',
  'possibly',
  'hopefully',
  'unsure',
  'guess',
  'think',
  'wait',
  'hold',
  'hmm',
  'quizas',
  'quiza',
  'creo',
  'supongo',
  'espera',
  'esperar',
  'esperen',
  'duda',
  'dudas',
  'tal',
  // Taking it back: "Approved. Scratch that."
  'disregard',
  'ignore',
  'scratch',
  'nevermind',
  'cancel',
  'cancelled',
  'canceled',
  'retract',
  'withdraw',
  'withdrawn',
  'revoke',
  'revoked',
  'rescind',
  'oops',
  'mistake',
  'wrong',
  'olvida',
  'olvidalo',
  'ignora',
  'ignoren',
  'anula',
  'anulo',
  'cancela',
  'cancelo',
  'retiro',
  'equivocado',
  'equivocada',
  'error',
);

/** Misgivings, unless denied: "some concerns" casts doubt, "no concerns" does not. */
const concernWords = set(
  'concern',
  'concerns',
  'concerned',
  'worried',
  'worry',
  'worries',
  'hesitant',
  'hesitation',
  'reluctant',
  'reluctantly',
  'reservation',
  'reservations',
  'preocupa',
  'preocupacion',
  'preocupaciones',
  'reserva',
  'reservas',
);

/** "Let me know if …", "avísame si …": an "if" that does not condition the decision. */
const ifExempt = set('know', 'out', 'me', 'us', 'avisame', 'avisa', 'avisen', 'avisenme', 'dime', 'digame');
const sureWords = set('sure', 'certain', 'seguro', 'segura');

/**
 * The first word, from token `from` on, that makes an approval conditional or unsure, with its offset in
 * `text` (for quoting it back in the reason).
 */
export function doubtIn(text: string, from = 0): { kind: 'condition' | 'doubt'; start: number } | null {
  const tokens = tokenize(text);
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const prev = tokens[i - 1]?.word ?? '';
    const next = tokens[i + 1]?.word ?? '';
    if (conditionWords.has(t.word)) {
      if ((t.word === 'if' || t.word === 'si') && ifExempt.has(prev)) continue;
      return { kind: 'condition', start: t.start };
    }
    if (conditionPairs.has(`${t.word} ${next}`)) return { kind: 'condition', start: t.start };
    if (doubtWords.has(t.word)) return { kind: 'doubt', start: t.start };
    if (
      concernWords.has(t.word) &&
      !tokens.slice(Math.max(0, i - 2), i).some((p) => wordLists.noneWords.has(p.word))
    )
      return { kind: 'doubt', start: t.start };
    if (
      sureWords.has(t.word) &&
      tokens.slice(Math.max(0, i - 2), i).some((p) => wordLists.isNegation(p.word))
    )
      return { kind: 'doubt', start: tokens[Math.max(0, i - 2)]?.start ?? t.start };
  }
  return null;
}

/** Anything a person would want to see: a decision word, negation, condition, doubt or question. */
export function mattersIn(text: string): boolean {
  if (text.includes('?') || doubtIn(text)) return true;
  return tokenize(text).some(
    (t) =>
      wordLists.approve.has(t.word) ||
      wordLists.reject.has(t.word) ||
      wordLists.changeNouns.has(t.word) ||
      wordLists.isNegation(t.word),
  );
}
