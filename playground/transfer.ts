import { untransferable } from './script-run';

/**
 * A server result on its way back to the sidebar. Apps Script hands the sidebar `null` when a result
 * holds a Date or a function, silently; the playground does the same, and says so on its console so
 * the developer notices.
 */
export function resultForSidebar(
  functionName: string,
  value: unknown,
  warn: (message: string) => void,
): unknown {
  const reason = untransferable(value);
  if (reason === null) return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
  warn(
    `${functionName} returned ${reason}; Apps Script would give the sidebar null, and so does the playground.`,
  );
  return null;
}
