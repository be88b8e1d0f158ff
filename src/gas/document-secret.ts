import type { AppsScript } from './apps-script';

const SECRET_KEY = 'aiplan.secret';

/**
 * A random secret per spreadsheet, kept in Document properties, which only the add-on can read: it
 * signs the Log chain (and, later, approval request tokens), so nobody can forge them by hand.
 */
export function documentSecret(gas: AppsScript): string {
  const properties = gas.PropertiesService.getDocumentProperties();
  const existing = properties.getProperty(SECRET_KEY);
  if (existing) return existing;
  const secret = `${gas.Utilities.getUuid()}${gas.Utilities.getUuid()}`.replace(/-/g, '');
  properties.setProperty(SECRET_KEY, secret);
  return secret;
}

/** HMAC-SHA256 of text with the document's secret, as lowercase hex. */
export function signer(gas: AppsScript): (text: string) => string {
  const secret = documentSecret(gas);
  return (text) =>
    gas.Utilities.computeHmacSha256Signature(text, secret)
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
}
