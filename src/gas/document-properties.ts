import type { AppsScript, Properties } from './apps-script';

const opened = new WeakMap<AppsScript, Properties>();

/**
 * The document's properties, asked of Apps Script once per run: the Log head, the leader view, the
 * secret and the schema version are each read by a part of the action.
 */
export function documentProperties(gas: AppsScript): Properties {
  let properties = opened.get(gas);
  if (properties === undefined) opened.set(gas, (properties = gas.PropertiesService.getDocumentProperties()));
  return properties;
}
