/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in plain TypeScript, for seals checked on every row
 * read and the plan version every view shows: a `Utilities` call per row or per view would make an
 * action's service calls grow with the sheet. Text is taken as UTF-8, as Apps Script's Utilities
 * does. It runs on every seal of every row an action reads (email bodies included), so it works on
 * typed arrays in place and keeps the key's two padded blocks compressed for the next call with the
 * same key.
 */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const IV = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** The message schedule of the block being compressed (one at a time: the script is single-threaded). */
const w = new Int32Array(64);

/** Compresses the 64-byte blocks of `bytes` into the state `h`. */
function compress(h: Int32Array, bytes: Uint8Array): void {
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 16; t += 1) {
      const i = block + t * 4;
      w[t] =
        ((bytes[i] as number) << 24) |
        ((bytes[i + 1] as number) << 16) |
        ((bytes[i + 2] as number) << 8) |
        (bytes[i + 3] as number);
    }
    for (let t = 16; t < 64; t += 1) {
      const x = w[t - 15] as number;
      const y = w[t - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
    }
    let a = h[0] as number;
    let b = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    let e = h[4] as number;
    let f = h[5] as number;
    let g = h[6] as number;
    let k = h[7] as number;
    for (let t = 0; t < 64; t += 1) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + s1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + k;
  }
}

/** How many bytes `text` takes in UTF-8 (lone surrogates become U+FFFD, as encoders do). */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i += 1;
    } else length += 3;
  }
  return length;
}

/** Writes `text` as UTF-8 at the start of `bytes` (which has room: `utf8Length`). */
function writeUtf8(text: string, bytes: Uint8Array): void {
  let at = 0;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && isLowSurrogate(next)) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
      } else code = 0xfffd;
    }
    if (code < 0x80) bytes[at++] = code;
    else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    } else {
      bytes[at++] = 0xf0 | (code >> 18);
      bytes[at++] = 0x80 | ((code >> 12) & 63);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    }
  }
}

/** `text` as UTF-8 in SHA-256's last blocks, after `before` bytes already compressed. */
function paddedUtf8(text: string, before: number): Uint8Array {
  const bytes = padded(utf8Length(text), before);
  writeUtf8(text, bytes);
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Room for `length` bytes and SHA-256's padding after them: 0x80, zeros, the bit length (big-endian). */
function padded(length: number, before: number): Uint8Array {
  const bytes = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
  bytes[length] = 0x80;
  const bits = (before + length) * 8;
  const high = Math.floor(bits / 0x100000000);
  for (let i = 0; i < 4; i += 1) {
    bytes[bytes.length - 1 - i] = (bits >>> (8 * i)) & 255;
    bytes[bytes.length - 5 - i] = (high >>> (8 * i)) & 255;
  }
  return bytes;
}

/** The 32 bytes of a state, big-endian. */
function digestBytes(h: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i += 1) {
    const v = h[i] as number;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 255;
    out[i * 4 + 2] = (v >>> 8) & 255;
    out[i * 4 + 3] = v & 255;
  }
  return out;
}

/** The states after the key's inner and outer padded blocks, for the last key used. */
let keyed: { key: string; inner: Int32Array; outer: Int32Array } | null = null;

function keyStates(key: string): { inner: Int32Array; outer: Int32Array } {
  if (keyed?.key === key) return keyed;
  let bytes: Uint8Array = new Uint8Array(utf8Length(key));
  writeUtf8(key, bytes);
  if (bytes.length > 64) {
    const h = IV.slice();
    compress(h, paddedUtf8(key, 0));
    bytes = digestBytes(h);
  }
  const inner = IV.slice();
  const outer = IV.slice();
  const block = new Uint8Array(64);
  for (let i = 0; i < 64; i += 1) block[i] = (bytes[i] ?? 0) ^ 0x36;
  compress(inner, block);
  for (let i = 0; i < 64; i += 1) block[i] = (bytes[i] ?? 0) ^ 0x5c;
  compress(outer, block);
  keyed = { key, inner, outer };
  return keyed;
}

function hexOf(h: Int32Array): string {
  let hex = '';
  for (const byte of digestBytes(h)) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return hex;
}

/** HMAC-SHA256 of `text` under `key`, as lowercase hex. */
export function hmacSha256Hex(key: string, text: string): string {
  const { inner, outer } = keyStates(key);
  const h = inner.slice();
  compress(h, paddedUtf8(text, 64));
  const last = padded(32, 64);
  last.set(digestBytes(h));
  const out = outer.slice();
  compress(out, last);
  return hexOf(out);
}

/** SHA-256 of `text` (UTF-8), as lowercase hex: what `Utilities.computeDigest(SHA_256, text)` gives. */
export function sha256Hex(text: string): string {
  const h = IV.slice();
  compress(h, paddedUtf8(text, 0));
  return hexOf(h);
}
