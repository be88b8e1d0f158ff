import { boardMessages, type BoardMessage } from './messages/board-messages';
import { render, type Language, type MessageParams } from './messages/catalogue';
import { humanDate } from './human-date';
import { MIN_PERIODS } from './metric-evidence';
import { cueOf, enough, type MetricFigure } from './leader-parts';

/** How the leader view writes its words and figures in one language. */
export interface Voice {
  language: Language;
  /** The spreadsheet's locale ("en_US", "es_MX"), for dates and decimal marks. */
  locale: string;
}

export function say(voice: Voice, key: BoardMessage, params: MessageParams = {}): string {
  return render(boardMessages[key], voice.language, params);
}

/** A message looked up by a key built at run time (a metric or decision name), or `fallback`. */
function sayMaybe(voice: Voice, key: string, fallback: string, params: MessageParams = {}): string {
  const message = (boardMessages as Record<string, { en: string; es: string }>)[key];
  return message ? render(message, voice.language, params) : fallback;
}

const decimalComma = (voice: Voice) => voice.language === 'es' || /^(es|fr|de|it|pt)/i.test(voice.locale);

/** 1,234.5 or 1.234,5, at most two decimals. */
export function num(voice: Voice, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  const comma = decimalComma(voice);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '.' : ',');
  return `${rounded < 0 ? '−' : ''}${grouped}${fraction ? (comma ? ',' : '.') + fraction : ''}`;
}

/** "−58%" or "+12%". */
export const percent = (voice: Voice, change: number) =>
  `${change > 0 ? '+' : change < 0 ? '' : '±'}${num(voice, change)}%`;

export const dayText = (voice: Voice, day: string) =>
  day ? humanDate(day, voice.language, voice.locale) : '';

export const metricName = (voice: Voice, name: string) => sayMaybe(voice, `metric.${name}`, name);

export const decisionName = (voice: Voice, decision: string) =>
  sayMaybe(voice, `decision.${decision}`, decision);

export const tierName = (voice: Voice, tier: string) => sayMaybe(voice, `tier.${tier}`, tier);

/** The target in the reader's language (the definitions' English patterns, read back). */
export function targetText(voice: Voice, target: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^At least (\d+(?:\.\d+)?)% lower than baseline$/i.exec(target)))
    return say(voice, 'target.lowerBy', { percent: num(voice, Number(m[1])) });
  if (/^At least the baseline$/i.test(target)) return say(voice, 'target.atLeastBaseline');
  if ((m = /^Under (\d+(?:\.\d+)?)(%?)$/i.exec(target)))
    return say(voice, 'target.under', { limit: `${num(voice, Number(m[1]))}${m[2]}` });
  if ((m = /^(\d+(?:\.\d+)?)(%?) or more$/i.exec(target)))
    return say(voice, 'target.atLeast', { limit: `${num(voice, Number(m[1]))}${m[2]}` });
  if (/^None \(0\)$/i.test(target)) return say(voice, 'target.none');
  return target;
}

/** The n of one window: items when every row gives them, else the measured periods. */
export function windowN(voice: Voice, items: number | null, periods: number): string {
  if (items !== null) return say(voice, items === 1 ? 'item' : 'items', { n: num(voice, items) });
  return say(voice, periods === 1 ? 'period' : 'periods', { n: periods });
}

export const pilotN = (voice: Voice, m: MetricFigure) => windowN(voice, m.pilotItems, m.pilotPeriods);
export const baselineN = (voice: Voice, m: MetricFigure) =>
  windowN(voice, m.baselineItems, m.baselinePeriods);

/** "142 items in the pilot, 150 items before". */
export const bothN = (voice: Voice, m: MetricFigure) =>
  say(voice, 'nPair', { pilot: pilotN(voice, m), baseline: baselineN(voice, m) });

export const cueText = (voice: Voice, m: MetricFigure) => say(voice, `cue.${cueOf(m)}`);

export function metText(voice: Voice, m: MetricFigure): string {
  if (!enough(m) || m.targetMet === null) return say(voice, 'notKnown');
  return say(voice, m.targetMet ? 'met' : 'notMet');
}

/** One target, in one sentence with its n. */
export function targetLine(voice: Voice, m: MetricFigure): string {
  const name = metricName(voice, m.name);
  if (!enough(m) || m.pilot === null)
    return say(voice, 'targetNotEnough', { metric: name, n: bothN(voice, m), min: MIN_PERIODS });
  if (m.baseline === null)
    return say(voice, 'targetLinePilotOnly', {
      metric: name,
      pilot: num(voice, m.pilot),
      target: targetText(voice, m.target),
      met: metText(voice, m),
      n: pilotN(voice, m),
    });
  return say(voice, 'targetLine', {
    metric: name,
    baseline: m.baseline === null ? '–' : num(voice, m.baseline),
    pilot: num(voice, m.pilot),
    change: m.change === null ? '–' : percent(voice, m.change),
    cue: cueText(voice, m),
    target: targetText(voice, m.target),
    met: metText(voice, m),
    n: bothN(voice, m),
  });
}

/** Text people typed, shortened for a one-page summary, with where the whole text is. */
export function shortened(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
