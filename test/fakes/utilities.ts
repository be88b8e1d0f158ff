import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { DigestAlgorithm, Utilities } from '../../src/gas/apps-script';
import * as enums from './enums';
import { gasError, signatureError } from './errors';
import { formatJavaDate } from './java-date-format';

/** Apps Script hands bytes around as Java bytes: signed, −128..127 (FAKES §6.1). */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown, method: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data) && data.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)) {
    return Buffer.from(data.map((b: number) => (b < 0 ? b + 256 : b)));
  }
  throw signatureError([data], `Utilities.${method}`);
}

const digestNames: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export const MAX_SLEEP_MS = 300_000;

export class FakeUtilities implements Utilities {
  readonly Charset = enums.Charset;
  readonly DigestAlgorithm = enums.DigestAlgorithm;

  constructor(private readonly sleepFor: (ms: number) => void) {}

  /** Lowercase random version-4 UUID, as Java's UUID.randomUUID() prints it. */
  getUuid(): string {
    return randomUUID();
  }

  base64Encode(data: number[] | string): string {
    return toBuffer(data, 'base64Encode').toString('base64');
  }

  /** Web-safe alphabet, and unlike Node's base64url it keeps the `=` padding. */
  base64EncodeWebSafe(data: number[] | string): string {
    return toBuffer(data, 'base64EncodeWebSafe').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw gasError('Could not decode string.');
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) throw gasError('Could not decode string.');
    return toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  computeDigest(algorithm: DigestAlgorithm, value: number[] | string): number[] {
    const name = digestNames[String(algorithm)];
    if (!name) throw signatureError([algorithm, value], 'Utilities.computeDigest');
    return toSignedBytes(createHash(name).update(toBuffer(value, 'computeDigest')).digest());
  }

  computeHmacSha256Signature(value: number[] | string, key: number[] | string): number[] {
    if (typeof value !== typeof key)
      throw signatureError([value, key], 'Utilities.computeHmacSha256Signature');
    const hmac = createHmac('sha256', toBuffer(key, 'computeHmacSha256Signature'));
    return toSignedBytes(hmac.update(toBuffer(value, 'computeHmacSha256Signature')).digest());
  }

  /** Java SimpleDateFormat patterns; all three arguments are required. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError([date, timeZone, format], 'Utilities.formatDate');
    }
    return formatJavaDate(date, timeZone, format);
  }

  /** At most 5 minutes; the time counts against the execution, so it moves the fake clock. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > MAX_SLEEP_MS) {
      throw gasError(`Invalid argument: milliseconds (must be between 0 and ${MAX_SLEEP_MS})`);
    }
    this.sleepFor(milliseconds);
  }
}
