import type { AppsScript } from './apps-script';

/**
 * The one place that reads Apps Script's globals. Assigning them to the narrow `AppsScript` record is
 * also the compile-time proof that the real services match the interfaces the fakes implement.
 */
export function appsScript(): AppsScript {
  return {
    SpreadsheetApp,
    Charts,
    HtmlService,
    PropertiesService,
    LockService,
    Session,
    Utilities,
    ScriptApp,
    GmailApp,
    MailApp,
  };
}
