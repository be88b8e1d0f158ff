import type { AppsScript, Properties } from './apps-script';

/**
 * The document's properties, read in one `getProperties` when a run first asks for one and written
 * through: the Log head, the leader view, the secret and the schema version are each read by a part
 * of the action, and one read serves them all. Taking the document lock drops what was read before
 * it (`afterLock`), so what a run decides under the lock is never older than the lock.
 */
class RunProperties implements Properties {
  private known: Map<string, string> | null = null;

  constructor(private readonly store: Properties) {}

  /** Read again on the next ask. */
  forget(): void {
    this.known = null;
  }

  private all(): Map<string, string> {
    return (this.known ??= new Map(Object.entries(this.store.getProperties())));
  }

  getProperty(key: string): string | null {
    return this.all().get(key) ?? null;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.all());
  }

  getKeys(): string[] {
    return [...this.all().keys()];
  }

  // Each write goes to the store first: one that fails leaves what is known as the store holds it.
  setProperty(key: string, value: string): Properties {
    this.store.setProperty(key, value);
    this.known?.set(key, value);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    this.store.setProperties(properties, deleteAllOthers);
    if (deleteAllOthers) this.known = new Map();
    for (const [key, value] of Object.entries(properties)) this.known?.set(key, value);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.store.deleteProperty(key);
    this.known?.delete(key);
    return this;
  }

  deleteAllProperties(): Properties {
    this.store.deleteAllProperties();
    this.known = new Map();
    return this;
  }
}

const opened = new WeakMap<AppsScript, RunProperties | null>();

/** Null where Apps Script has none (a clock run has no open document). */
export function documentProperties(gas: AppsScript): Properties {
  let properties = opened.get(gas);
  if (properties === undefined) {
    const store = gas.PropertiesService.getDocumentProperties() as Properties | null;
    opened.set(gas, (properties = store ? new RunProperties(store) : null));
  }
  return properties as Properties;
}

/** Called when the document lock is taken: what another run wrote before it is read afresh. */
export function afterLock(gas: AppsScript): void {
  opened.get(gas)?.forget();
}
