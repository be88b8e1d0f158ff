import type { AppsScript, Properties } from './apps-script';

const opened = new WeakMap<AppsScript, Properties>();

/** The running user's properties, asked of Apps Script once per run (the waiting list's parts share it). */
export function userProperties(gas: AppsScript): Properties {
  let properties = opened.get(gas);
  if (properties === undefined) opened.set(gas, (properties = gas.PropertiesService.getUserProperties()));
  return properties;
}
