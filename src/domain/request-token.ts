import type { Signer } from './audit-log';

/**
 * Approval request tokens: `AP-` and eight characters derived from an HMAC with the document's own
 * secret, over the spreadsheet's ID and the request's details. Nobody without the secret can make one
 * that this document accepts, and a token from another document never matches here.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export function requestToken(sign: Signer, spreadsheetId: string, details: readonly string[]): string {
  const hex = sign([spreadsheetId, ...details].join('\u0001'));
  let bits = '';
  for (const digit of hex.slice(0, 10)) bits += parseInt(digit, 16).toString(2).padStart(4, '0');
  let token = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) token += alphabet[parseInt(bits.slice(i, i + 5), 2)] ?? '0';
  return `AP-${token}`;
}

/** The token in a subject such as "Re: [AI Plan AP-7K2Q9F3M] Approval needed: …", or null. */
export function tokenInSubject(subject: string): string | null {
  const match = /\[AI Plan (AP-[0-9A-Z]{8})\]/.exec(subject.slice(0, 500));
  return match?.[1] ?? null;
}
