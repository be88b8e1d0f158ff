import type { AppsScript, DeveloperMetadata, Spreadsheet } from './apps-script';

/** Where the Log's head (where its chain ends, and how its columns lie) is kept. */
export const LOG_HEAD_KEY = 'aiplan.logHead';

export interface HeadMirror {
  /** The head as the mirror holds it (JSON), or null. */
  raw: string | null;
  save(value: string): void;
}

/**
 * The Log head's mirror in project-visible developer metadata on the spreadsheet. The head lives in
 * Document properties; the mirror is there for the hourly run: a clock run has no Document properties
 * (PropertiesService reference: they belong to "the open document"), but it reaches the file's
 * developer metadata once it opens the file by ID. The head is not a secret (the last entry's hash is
 * in the sheet already), which matters: Google says project-visible metadata "can be exposed to users
 * with view access" and must not hold secrets (DeveloperMetadataVisibility reference). Of the two
 * copies the one with more entries wins (audit-log-gateway.ts), so either kind of run catches up.
 */
export function headMirror(gas: AppsScript, spreadsheet: Spreadsheet): HeadMirror {
  let found: DeveloperMetadata | undefined = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(LOG_HEAD_KEY)
    .find()[0];
  return {
    raw: found?.getValue() ?? null,
    save(value) {
      if (found) found.setValue(value);
      else {
        spreadsheet.addDeveloperMetadata(
          LOG_HEAD_KEY,
          value,
          gas.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
        );
        found = spreadsheet.createDeveloperMetadataFinder().withKey(LOG_HEAD_KEY).find()[0];
      }
    },
  };
}
