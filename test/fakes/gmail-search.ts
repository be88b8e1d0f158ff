import {
  addressesIn,
  headerValue,
  sameAddress,
  type MailMessageState,
  type MailThreadState,
} from './mail-model';
import { fromWallTime } from './time-zone';

/**
 * Gmail's search-box syntax (https://support.google.com/mail/answer/7190, FAKES §8.4), the part the
 * add-on uses: plain words and "quoted phrases" (whole words, case-insensitive, in the subject, body
 * and address headers), `subject:`, `from:` (`from:me`), `to:`, `label:` (spaces and `/` written as
 * `-`), `in:inbox|sent|drafts|anywhere`, `newer_than:`/`older_than:` (d, m, y), `after:`/`before:`
 * (yyyy/mm/dd at midnight Pacific time, as the Gmail API documents, or epoch seconds),
 * `rfc822msgid:`, `-` to exclude, `OR` (upper case) and parentheses.
 *
 * Gmail operators the fake does not implement throw a plain Error (not an Apps Script one), so a test
 * relying on them fails loudly instead of passing on a wrong answer.
 */

type Node =
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'text'; words: string[] }
  | { kind: 'op'; name: string; value: string; words: string[] };

export interface SearchContext {
  /** The searching user's address, for `from:me` and `to:me`. */
  user: string;
  now: number;
}

const unsupported = new Set([
  'is',
  'has',
  'filename',
  'larger',
  'smaller',
  'size',
  'category',
  'list',
  'deliveredto',
  'cc',
  'bcc',
  'around',
]);
const supported = new Set([
  'subject',
  'from',
  'to',
  'label',
  'in',
  'newer_than',
  'older_than',
  'newer',
  'older',
  'after',
  'before',
  'rfc822msgid',
]);

/** Lower-case word tokens, as Gmail matches them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return true;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    const node = this.or();
    this.space();
    if (this.at < this.text.length)
      throw new Error(`Unexpected "${this.text.slice(this.at)}" in Gmail query`);
    return node;
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text.charAt(this.at))) this.at++;
  }

  private peekWord(): string {
    const match = /^[^\s()"]+/.exec(this.text.slice(this.at));
    return match?.[0] ?? '';
  }

  private or(): Node {
    const items = [this.and()];
    for (;;) {
      this.space();
      if (this.peekWord() !== 'OR') break;
      this.at += 2;
      items.push(this.and());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  }

  private and(): Node {
    const items: Node[] = [];
    for (;;) {
      this.space();
      if (this.at >= this.text.length || this.text.charAt(this.at) === ')' || this.peekWord() === 'OR') break;
      items.push(this.unary());
    }
    if (items.length === 0) throw new Error('Empty Gmail query or group');
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  }

  private unary(): Node {
    const ch = this.text.charAt(this.at);
    if (ch === '-' && /\S/.test(this.text.charAt(this.at + 1))) {
      this.at++;
      return { kind: 'not', item: this.unary() };
    }
    if (ch === '(') {
      this.at++;
      const inner = this.or();
      this.space();
      if (this.text.charAt(this.at) !== ')') throw new Error('Unclosed parenthesis in Gmail query');
      this.at++;
      return inner;
    }
    if (ch === '"') return { kind: 'text', words: words(this.quoted()) };
    const operator = /^([A-Za-z_0-9]+):/.exec(this.text.slice(this.at));
    if (operator?.[1]) {
      const name = operator[1].toLowerCase();
      if (unsupported.has(name)) throw new Error(`The fake GmailApp.search does not support ${name}:`);
      if (supported.has(name)) {
        this.at += operator[0].length;
        const value = this.value();
        return { kind: 'op', name, value, words: words(value) };
      }
    }
    const word = this.peekWord();
    this.at += word.length;
    return { kind: 'text', words: words(word) };
  }

  private quoted(): string {
    const end = this.text.indexOf('"', this.at + 1);
    if (end < 0) throw new Error('Unclosed quote in Gmail query');
    const inner = this.text.slice(this.at + 1, end);
    this.at = end + 1;
    return inner;
  }

  private value(): string {
    const ch = this.text.charAt(this.at);
    if (ch === '"') return this.quoted();
    if (ch === '(') {
      const end = this.text.indexOf(')', this.at);
      if (end < 0) throw new Error('Unclosed parenthesis in Gmail query');
      const inner = this.text.slice(this.at + 1, end);
      this.at = end + 1;
      return inner;
    }
    const word = this.peekWord();
    this.at += word.length;
    return word;
  }
}

export function parseQuery(query: string): Node {
  return new Parser(query).parse();
}

const DAY = 24 * 60 * 60 * 1000;

function ageLimit(value: string): number {
  const match = /^(\d+)([dmy])$/i.exec(value);
  if (!match) throw new Error(`The fake GmailApp.search does not understand the age "${value}"`);
  const unit = { d: 1, m: 30, y: 365 }[(match[2] ?? 'd').toLowerCase() as 'd' | 'm' | 'y'];
  return Number(match[1]) * unit * DAY;
}

/** `yyyy/mm/dd` (or with dashes) at midnight Pacific time, or epoch seconds. */
function instant(value: string): number {
  if (/^\d{9,}$/.test(value)) return Number(value) * 1000;
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (!match) throw new Error(`The fake GmailApp.search does not understand the date "${value}"`);
  return fromWallTime('America/Los_Angeles', Number(match[1]), Number(match[2]), Number(match[3])).getTime();
}

function labelKey(name: string): string {
  return name.toLowerCase().replace(/[\s/]+/g, '-');
}

function addressMatches(header: string, value: string, ctx: SearchContext): boolean {
  if (value.toLowerCase() === 'me') return addressesIn(header).some((a) => sameAddress(a, ctx.user));
  return header.toLowerCase().includes(value.toLowerCase());
}

function matches(
  node: Node,
  message: MailMessageState,
  thread: MailThreadState,
  ctx: SearchContext,
): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((n) => matches(n, message, thread, ctx));
    case 'or':
      return node.items.some((n) => matches(n, message, thread, ctx));
    case 'not':
      return !matches(node.item, message, thread, ctx);
    case 'text': {
      const text = ['Subject', 'From', 'To', 'Cc'].map((h) => headerValue(message, h)).join(' ');
      return containsPhrase(words(`${text} ${message.plainBody}`), node.words);
    }
    case 'op':
      return operatorMatches(node, message, thread, ctx);
  }
}

function operatorMatches(
  node: { name: string; value: string; words: string[] },
  message: MailMessageState,
  thread: MailThreadState,
  ctx: SearchContext,
): boolean {
  switch (node.name) {
    case 'subject':
      return containsPhrase(words(headerValue(message, 'Subject')), node.words);
    case 'from':
      return addressMatches(headerValue(message, 'From'), node.value, ctx);
    case 'to':
      return ['To', 'Cc'].some((h) => addressMatches(headerValue(message, h), node.value, ctx));
    case 'label':
      return thread.labels.some((l) => labelKey(l) === labelKey(node.value));
    case 'in':
      switch (node.value.toLowerCase()) {
        case 'inbox':
          return message.labels.includes('INBOX');
        case 'sent':
          return message.labels.includes('SENT');
        case 'drafts':
        case 'draft':
          return message.labels.includes('DRAFT');
        case 'anywhere':
          return true;
        case 'spam':
        case 'trash':
          return false;
        default:
          throw new Error(`The fake GmailApp.search does not support in:${node.value}`);
      }
    case 'newer_than':
    case 'newer':
      return message.date > ctx.now - ageLimit(node.value);
    case 'older_than':
    case 'older':
      return message.date < ctx.now - ageLimit(node.value);
    case 'after':
      return message.date >= instant(node.value);
    case 'before':
      return message.date < instant(node.value);
    case 'rfc822msgid': {
      const bare = (id: string) => id.trim().replace(/^<|>$/g, '').toLowerCase();
      return bare(headerValue(message, 'Message-ID')) === bare(node.value);
    }
    default:
      throw new Error(`The fake GmailApp.search does not support ${node.name}:`);
  }
}

function mentionsDrafts(node: Node): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.items.some(mentionsDrafts);
    case 'not':
      return mentionsDrafts(node.item);
    case 'text':
      return false;
    case 'op':
      return node.name === 'in' && /^drafts?$/i.test(node.value);
  }
}

/**
 * The threads with at least one message matching `query`, newest first. Drafts take part only when
 * the query asks for them (`in:drafts`); Spam and Trash do not exist here.
 */
export function searchThreads(
  threads: readonly MailThreadState[],
  query: string,
  ctx: SearchContext & { lagMs: number },
): MailThreadState[] {
  const node = parseQuery(query);
  const drafts = mentionsDrafts(node);
  const visible = (m: MailMessageState) =>
    (drafts || !m.labels.includes('DRAFT')) && m.date <= ctx.now - ctx.lagMs;
  const lastDate = (t: MailThreadState) => Math.max(...t.messages.map((m) => m.date));
  return threads
    .filter((t) => t.messages.some((m) => visible(m) && matches(node, m, t, ctx)))
    .sort((a, b) => lastDate(b) - lastDate(a));
}
