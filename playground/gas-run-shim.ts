import { createScriptRun, type Transport } from './script-run';

/**
 * Installed in the sidebar frame before its own script: `google.script.run` goes to the playground
 * server, which runs the real server code over the in-memory Apps Script services.
 */
const transport: Transport = async (functionName, args) => {
  const response = await fetch('/api/run', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ functionName, args }),
  });
  const outcome = (await response.json()) as Awaited<ReturnType<Transport>>;
  window.parent.postMessage({ type: 'aiplan:server-call', functionName }, window.location.origin);
  return outcome;
};

const host = {
  close: () => window.parent.postMessage({ type: 'aiplan:close-sidebar' }, window.location.origin),
  setHeight: () => undefined,
  setWidth: () => undefined,
  editor: { focus: () => window.parent.postMessage({ type: 'aiplan:focus-editor' }, window.location.origin) },
};

Object.assign(window, { google: { script: { run: createScriptRun(transport), host } } });
