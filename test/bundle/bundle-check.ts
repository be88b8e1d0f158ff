import vm from 'node:vm';
import { FakeEnvironment } from '../fakes/environment';
import { BundleRuntime, forbiddenReferences } from './load-bundle';

export interface BundleExpectations {
  /** Functions that must be top-level: the stable entry points and the sidebar contract. */
  entryPoints: readonly string[];
  /** The manifest, whose function names (if any) must exist too. */
  manifest: unknown;
}

export interface BundleCheck {
  problems: string[];
  runtime: BundleRuntime | null;
}

/**
 * Checks a built bundle as Apps Script would see it: a classic script, no Node or browser globals,
 * every entry point, menu item and manifest function a top-level function. Problems are returned
 * in words, so a failing test says what is wrong.
 */
export function checkBundle(
  code: string,
  expectations: BundleExpectations,
  env = new FakeEnvironment(),
): BundleCheck {
  const problems: string[] = [];
  try {
    new vm.Script(code, { filename: 'Code.js' });
  } catch (error) {
    return {
      problems: [`Code.js is not a classic script Apps Script can load: ${String(error)}`],
      runtime: null,
    };
  }
  for (const name of forbiddenReferences(code)) {
    problems.push(`Code.js refers to ${name}, which does not exist in Apps Script.`);
  }

  const runtime = new BundleRuntime(code, env);
  const execution = env.start();
  try {
    const context = runtime.load(execution.globals);
    for (const name of expectations.entryPoints) {
      if (!runtime.functions.has(name))
        problems.push(`Entry point ${name} is not a top-level function in Code.js.`);
      else if (typeof context[name] !== 'function')
        problems.push(`Entry point ${name} is not a function once Code.js is loaded.`);
    }
  } catch (error) {
    problems.push(`Loading Code.js failed: ${String(error)}`);
  } finally {
    execution.end();
  }

  for (const authMode of ['NONE', 'FULL'] as const) {
    if (!runtime.functions.has('onOpen')) break;
    try {
      runtime.run('onOpen', [{ authMode }], { authMode });
    } catch (error) {
      problems.push(`onOpen in AuthMode.${authMode} failed: ${String(error)}`);
    }
  }
  for (const name of menuFunctions(env.ui.menu ?? [])) {
    if (!runtime.functions.has(name))
      problems.push(`The menu names ${name}, which is not a top-level function.`);
  }
  for (const name of manifestFunctions(expectations.manifest)) {
    if (!runtime.functions.has(name))
      problems.push(`The manifest names ${name}, which is not a top-level function.`);
  }
  problems.push(...touchedProblems(runtime));
  return { problems, runtime };
}

/** Trigger handlers created so far must exist too; call after running flows through the bundle. */
export function triggerProblems(runtime: BundleRuntime): string[] {
  return runtime.env.state.triggers
    .filter((t) => !runtime.functions.has(t.handler))
    .map((t) => `A trigger calls ${t.handler}, which is not a top-level function.`);
}

export function touchedProblems(runtime: BundleRuntime): string[] {
  return [...new Set(runtime.touched)].map(
    (name) => `Code.js touched ${name} while running; Apps Script has no ${name}.`,
  );
}

type MenuEntry = { functionName: string } | { separator: true } | { items: MenuEntry[] };

function menuFunctions(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((e) =>
    'functionName' in e ? [e.functionName] : 'items' in e ? menuFunctions(e.items) : [],
  );
}

/** Values of manifest keys that name functions (runFunction, onTriggerFunction, functionName, …). */
function manifestFunctions(manifest: unknown): string[] {
  if (Array.isArray(manifest)) return manifest.flatMap(manifestFunctions);
  if (manifest === null || typeof manifest !== 'object') return [];
  return Object.entries(manifest).flatMap(([key, value]) =>
    typeof value === 'string' && /function$/i.test(key) ? [value] : manifestFunctions(value),
  );
}
