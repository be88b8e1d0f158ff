import type { AppsScript, Lock, Properties, Spreadsheet } from './apps-script';

/**
 * The services as a clock run uses them in one spreadsheet it opened by ID, so that the planner's own
 * read-decide-write code runs there unchanged:
 * - the opened file stands in for the active spreadsheet (a clock run has none);
 * - Document properties come from the copy the user's waiting list carries (see waiting-list.ts):
 *   only a run inside the document can read them, and opening a file by ID is not being inside it
 *   (PropertiesService reference: "the open document"). Writes stay in this run; the one value a
 *   clock run must persist, the Log head, has its own place beside the Log (log-head.ts);
 * - the document lock, which needs a document too, becomes the user lock, which every planner action
 *   takes as well (document-lock.ts): this user's hourly run and their own planner never overlap.
 * There is no Ui: anything that would show one fails here rather than wait for a person.
 */
export function inOpenedDocument(
  gas: AppsScript,
  spreadsheet: Spreadsheet,
  document: Record<string, string>,
): AppsScript {
  const app = gas.SpreadsheetApp;
  const properties = new RunProperties(document);
  return {
    ...gas,
    SpreadsheetApp: {
      DataValidationCriteria: app.DataValidationCriteria,
      BooleanCriteria: app.BooleanCriteria,
      DeveloperMetadataLocationType: app.DeveloperMetadataLocationType,
      DeveloperMetadataVisibility: app.DeveloperMetadataVisibility,
      ProtectionType: app.ProtectionType,
      flush: () => app.flush(),
      getActiveSpreadsheet: () => spreadsheet,
      getUi: () => {
        throw new Error('The hourly run has no screen to show anything on.');
      },
      openById: (id) => app.openById(id),
      newConditionalFormatRule: () => app.newConditionalFormatRule(),
      newDataValidation: () => app.newDataValidation(),
    },
    PropertiesService: {
      getDocumentProperties: () => properties,
      getScriptProperties: () => gas.PropertiesService.getScriptProperties(),
      getUserProperties: () => gas.PropertiesService.getUserProperties(),
    },
    LockService: {
      getDocumentLock: (): Lock => gas.LockService.getUserLock(),
      getScriptLock: () => gas.LockService.getScriptLock(),
      // Already held as the "document" lock above: taking it a second time would only wait on itself.
      getUserLock: (): Lock => heldAlready,
    },
  };
}

/** The user lock, as seen by code that takes it after the "document" lock, which already is that lock. */
const heldAlready: Lock = {
  hasLock: () => true,
  releaseLock: () => undefined,
  tryLock: () => true,
  waitLock: () => undefined,
};

/** A property store that lives for one run. */
class RunProperties implements Properties {
  private readonly store: Map<string, string>;
  constructor(initial: Record<string, string>) {
    this.store = new Map(Object.entries(initial));
  }
  deleteAllProperties(): Properties {
    this.store.clear();
    return this;
  }
  deleteProperty(key: string): Properties {
    this.store.delete(key);
    return this;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.store.set(key, String(value));
    return this;
  }
  setProperty(key: string, value: string): Properties {
    this.store.set(key, String(value));
    return this;
  }
}
