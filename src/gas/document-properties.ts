import type { AppsScript, Properties } from './apps-script';

/**
 * The document's properties, read in one `getProperties` when a run first asks for one and written
 * through: the Log head, the leader view, the secret and the schema version are each read by a part
 * of the action, and one read serves them all. Taking the document lock drops what was read before
 * it (`afterLock`), so what a run decides under the lock is never older than the lock.
 */
class RunProperties implements Properties {
  private known: Map<string, string> | null = null;
  /** Written with the run's next write, or when its lock ends (`writeLater`). */
  private later: Record<string, string> = {};

  constructor(private readonly store: Properties) {}

  /** Read again on the next ask (called as the lock is taken, before anything is set later). */
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

  /** Known at once, written with the next write (one call for both) or by `flush`. */
  setLater(key: string, value: string): void {
    this.all().set(key, value);
    this.later[key] = value;
  }

  /** Writes what `setLater` holds, if anything. */
  flush(): void {
    if (Object.keys(this.later).length > 0) this.setProperties({});
  }

  // Each write goes to the store first: one that fails leaves what is known as the store holds it.
  setProperty(key: string, value: string): Properties {
    if (Object.keys(this.later).length > 0) return this.setProperties({ [key]: value });
    this.store.setProperty(key, value);
    this.known?.set(key, value);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    const all = { ...this.later, ...properties };
    this.store.setProperties(all, deleteAllOthers);
    this.later = {};
    if (deleteAllOthers) this.known = new Map();
    for (const [key, value] of Object.entries(all)) this.known?.set(key, value);
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

/**
 * Sets a property whose write may wait for the run's next write of Document properties, or for the
 * end of its lock (`writeLater`): for a value that has a second home which is written at once (the
 * Log head has its mirror, log-head.ts), so a run cut off before the write loses nothing, and an
 * action that also writes the leader view writes both in one call.
 */
export function setPropertyLater(gas: AppsScript, key: string, value: string): void {
  const properties = documentProperties(gas);
  if (properties instanceof RunProperties) properties.setLater(key, value);
  else properties?.setProperty(key, value);
}

/** Writes what `setPropertyLater` left waiting: called as the document lock's work ends. */
export function writeLater(gas: AppsScript): void {
  opened.get(gas)?.flush();
}
