/**
 * What the reply reader needs from a message, parsed from its raw RFC 822 source (one
 * `getRawContent()` call): the headers Gmail puts on an inbound message, and its text part. Parsing
 * the text here saves a `getPlainBody()` call per reply; where the text cannot be decoded with
 * certainty (HTML only, an unknown charset) `text` is null and the caller asks Gmail for it.
 */
import { firstHeader } from './mail-headers';
import type { MessageAddressing } from './reply-route';

export interface ParsedMessage {
  from: string;
  subject: string;
  date: Date | null;
  /** The first Authentication-Results header: Gmail's own verdict, above any the sender added. */
  authenticationResults: string;
  /** Auto-Submitted other than "no", or X-Autoreply: an out-of-office or other machine reply. */
  autoReply: boolean;
  text: string | null;
  /** From, Reply-To, To and Cc as written (not decoded): where a reply into its thread would go. */
  addressing: MessageAddressing;
}

const MAX_PARTS = 50;

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  return match
    ? { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) }
    : { head: raw, body: '' };
}

/** A parameter of a structured header (`boundary`, `charset`), unquoted and lower-cased when asked. */
function parameter(value: string, name: string): string {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? '') : '';
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(text: string): number[] {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

function quotedPrintableBytes(text: string, underscoreIsSpace: boolean): number[] {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i] ?? '';
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char === '_' && underscoreIsSpace) bytes.push(0x20);
    else bytes.push(char.charCodeAt(0) & 0xff);
  }
  return bytes;
}

function utf8(bytes: readonly number[]): string | null {
  // Code points are collected and turned into text a chunk at a time: a reply with a long quoted
  // history is tens of thousands of bytes, and one string per byte made the hourly run slow.
  const chunks: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const extra = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (extra < 0) return null;
    let code = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return null;
      code = (code << 6) | (next & 0x3f);
    }
    if (code > 0x10ffff) return null;
    codes.push(code);
    if (codes.length >= 4096) chunks.push(String.fromCodePoint(...codes.splice(0)));
    i += extra + 1;
  }
  chunks.push(String.fromCodePoint(...codes));
  return chunks.join('');
}

/** Windows-1252's printable characters in 0x80–0x9f (Outlook's usual "Western" text). */
const CP1252: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
  0x99: '™',
};

function decodeBytes(bytes: readonly number[], charset: string): string | null {
  const name = charset.toLowerCase() || 'us-ascii';
  if (name === 'utf-8' || name === 'utf8') return utf8(bytes);
  if (name === 'us-ascii' || name === 'iso-8859-1' || name === 'latin1')
    return bytes.map((b) => String.fromCharCode(b)).join('');
  if (name === 'windows-1252' || name === 'cp1252')
    return bytes.map((b) => CP1252[b] ?? String.fromCharCode(b)).join('');
  return null;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`) in a header, decoded; undecodable words stay as they are. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (word, charset: string, encoding: string, text: string) => {
      const bytes = encoding.toUpperCase() === 'B' ? base64Bytes(text) : quotedPrintableBytes(text, true);
      return decodeBytes(bytes, charset.replace(/\*.*$/, '')) ?? word;
    });
}

/** The text of the first text/plain part that is not an attachment, decoded; null if there is none. */
function plainText(head: string, body: string, depth = 0): string | null {
  const type = firstHeader(head, 'Content-Type') || 'text/plain';
  const mediaType = type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType.startsWith('multipart/')) {
    const boundary = parameter(type, 'boundary');
    if (!boundary || depth > 3) return null;
    const parts = body.split(`--${boundary}`).slice(1, MAX_PARTS);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const inner = splitHead(part.replace(/^\r?\n/, ''));
      const text = plainText(inner.head, inner.body, depth + 1);
      if (text !== null) return text;
    }
    return null;
  }
  if (mediaType !== 'text/plain') return null;
  if (/^\s*attachment/i.test(firstHeader(head, 'Content-Disposition'))) return null;
  const encoding = firstHeader(head, 'Content-Transfer-Encoding').toLowerCase() || '7bit';
  const charset = parameter(type, 'charset');
  let text: string | null;
  if (encoding === 'base64') text = decodeBytes(base64Bytes(body), charset);
  else if (encoding === 'quoted-printable') text = decodeBytes(quotedPrintableBytes(body, false), charset);
  else if (['7bit', '8bit', 'binary'].includes(encoding)) text = body;
  else text = null;
  return text === null ? null : text.replace(/\r\n/g, '\n').replace(/\n+$/, '');
}

export function parseMessage(raw: string): ParsedMessage {
  const { head, body } = splitHead(raw);
  const autoSubmitted = firstHeader(head, 'Auto-Submitted').toLowerCase();
  const date = new Date(firstHeader(head, 'Date'));
  return {
    from: decodeHeader(firstHeader(head, 'From')),
    subject: decodeHeader(firstHeader(head, 'Subject')),
    date: Number.isNaN(date.getTime()) ? null : date,
    authenticationResults: firstHeader(head, 'Authentication-Results'),
    autoReply: (autoSubmitted !== '' && autoSubmitted !== 'no') || firstHeader(head, 'X-Autoreply') !== '',
    text: plainText(head, body),
    addressing: {
      from: firstHeader(head, 'From'),
      replyTo: firstHeader(head, 'Reply-To'),
      to: firstHeader(head, 'To'),
      cc: firstHeader(head, 'Cc'),
    },
  };
}
