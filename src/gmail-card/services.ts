import type { CardAppsScript } from './apps-script';

/**
 * The one place the card reads Apps Script's globals. Assigning them to the narrow record is also the
 * compile-time proof that the real services match the interfaces the fakes implement.
 */
export function cardAppsScript(): CardAppsScript {
  return { CardService, GmailApp, Session };
}
