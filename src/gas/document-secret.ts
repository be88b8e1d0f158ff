import { hmacSha256Hex } from '../domain/hmac-sha256';
import type { AppsScript } from './apps-script';
import { documentProperties } from './document-properties';

export const SECRET_KEY = 'aiplan.secret';

/**
 * A random secret per spreadsheet, kept in Document properties, which only the add-on can read: it
 * signs the Log chain (and, later, approval request tokens), so nobody can forge them by hand.
 */
export function documentSecret(gas: AppsScript): string {
  const known = secrets.get(gas);
  if (known) return known;
  const properties = documentProperties(gas);
  const existing = properties.getProperty(SECRET_KEY);
  const secret = existing || `${gas.Utilities.getUuid()}${gas.Utilities.getUuid()}`.replace(/-/g, '');
  if (!existing) properties.setProperty(SECRET_KEY, secret);
  secrets.set(gas, secret);
  return secret;
}

/** The secret once read in a run (it never changes once made): each signer of the run asks for it. */
const secrets = new WeakMap<AppsScript, string>();

/** The secret if there is one, without making it (views, checks). */
function existingSecret(gas: AppsScript): string | null {
  const secret = secrets.get(gas) ?? documentProperties(gas).getProperty(SECRET_KEY);
  if (secret) secrets.set(gas, secret);
  return secret;
}

/**
 * HMAC-SHA256 of text with the document's secret, as lowercase hex, computed in the script itself:
 * for seals checked on every row read, for tokens and for the Log's chain, so an action's service
 * calls grow neither with its rows nor with the events it logs (the same HMAC as Utilities', which
 * checks the Log). A view (`create` false) makes no secret: before any secret exists nothing was
 * sealed, so nothing verifies.
 */
export function localSigner(gas: AppsScript, create = true): (text: string) => string {
  const secret = create ? documentSecret(gas) : existingSecret(gas);
  if (!secret) return () => '';
  return (text) => hmacSha256Hex(secret, text);
}

/**
 * The signer for checking what was signed, made without creating a secret (a check only reads):
 * before any secret exists nothing was signed, so nothing verifies.
 */
export function checkingSigner(gas: AppsScript): (text: string) => string {
  const secret = existingSecret(gas);
  if (!secret) return () => '';
  return (text) => hex(gas.Utilities.computeHmacSha256Signature(text, secret));
}

/** Apps Script's signed bytes (-128…127) as lowercase hex. */
function hex(bytes: readonly number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}
