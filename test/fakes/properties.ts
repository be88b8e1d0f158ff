import type { Properties, PropertiesService } from '../../src/gas/apps-script';
import { gasError, messages } from './errors';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * One property store. Values are strings (anything else goes through `String`), reads return copies,
 * and the 9 KB per value and 500 KB per store limits throw the quota error (FAKES §4).
 */
export class FakeProperties implements Properties {
  constructor(
    private readonly store: Record<string, string>,
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
  ) {}

  private self(): Properties {
    return this.wrap(this, 'Properties');
  }

  private assertFits(changes: Record<string, string>, dropOthers: boolean): void {
    let total = 0;
    const merged = dropOthers ? { ...changes } : { ...this.store, ...changes };
    for (const [key, value] of Object.entries(merged)) {
      if (bytes(value) > MAX_VALUE_BYTES) throw gasError(messages.propertyQuota);
      total += bytes(key) + bytes(value);
    }
    if (total > MAX_STORE_BYTES) throw gasError(messages.propertyQuota);
  }

  getProperty(key: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.store, key) ? (this.store[key] ?? null) : null;
  }

  getProperties(): { [key: string]: string } {
    return { ...this.store };
  }

  getKeys(): string[] {
    return Object.keys(this.store);
  }

  setProperty(key: string, value: string): Properties {
    const change = { [String(key)]: String(value) };
    this.assertFits(change, false);
    Object.assign(this.store, change);
    return this.self();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    const changes = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    this.assertFits(changes, deleteAllOthers);
    if (deleteAllOthers) for (const key of Object.keys(this.store)) delete this.store[key];
    Object.assign(this.store, changes);
    return this.self();
  }

  deleteProperty(key: string): Properties {
    delete this.store[key];
    return this.self();
  }

  deleteAllProperties(): Properties {
    for (const key of Object.keys(this.store)) delete this.store[key];
    return this.self();
  }
}

export interface PropertyStores {
  script: Record<string, string>;
  /** The main spreadsheet's Document properties. */
  document: Record<string, string>;
  /** Other files' Document properties, by spreadsheet ID. */
  documents?: Record<string, Record<string, string>>;
  /** User stores, by user email. */
  user: Record<string, Record<string, string>>;
}

/** Script properties are shared by every user of the add-on; user and document stores are not. */
export class FakePropertiesService implements PropertiesService {
  constructor(
    private readonly stores: PropertyStores,
    private readonly user: string,
    /** The store of the document the execution runs in; null outside one (a clock run of the add-on). */
    private readonly document: Record<string, string> | null,
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
  ) {}

  getScriptProperties(): Properties {
    return this.wrap(new FakeProperties(this.stores.script, this.wrap), 'Properties');
  }

  getUserProperties(): Properties {
    const store = (this.stores.user[this.user.toLowerCase()] ??= {});
    return this.wrap(new FakeProperties(store, this.wrap), 'Properties');
  }

  /**
   * Null outside a document: "returns null when document properties are not available"
   * (PropertiesService reference) — a standalone script, or a clock run of the add-on, which has no
   * open document; opening a file by ID does not make it one.
   */
  getDocumentProperties(): Properties {
    return (
      this.document ? this.wrap(new FakeProperties(this.document, this.wrap), 'Properties') : null
    ) as Properties;
  }
}
