import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type TS from 'typescript';
import type { AppsScript } from '../../src/gas/apps-script';
import type { ExecutionOptions, FakeEnvironment } from '../fakes/environment';

/**
 * Loads dist/Code.js the way Apps Script does: one classic script (no modules) in a global scope that
 * holds only the Apps Script services, reloaded for every execution so no state survives between
 * calls. Names that exist in Node or browsers but not in Apps Script are traps: touching one is
 * recorded and throws, as it would there.
 */
export const FORBIDDEN_GLOBALS = [
  'require',
  'process',
  'module',
  'exports',
  'Buffer',
  'global',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'setImmediate',
  'queueMicrotask',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'atob',
  'btoa',
  'crypto',
  'window',
  'document',
  'navigator',
  'structuredClone',
] as const;

/** TypeScript's parser, loaded when first needed: loading it took each test file about a second. */
let parser: typeof TS | undefined;
const typescript = (): typeof TS => (parser ??= createRequire(__filename)('typescript') as typeof TS);

/** Top-level `function name() {}` declarations: what menus, triggers and google.script.run can reach. */
export function topLevelFunctions(code: string): string[] {
  const ts = typescript();
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  return file.statements.flatMap((s) => (ts.isFunctionDeclaration(s) && s.name ? [s.name.text] : []));
}

/** Free references to forbidden names anywhere in the code, found without running it. */
export function forbiddenReferences(code: string): string[] {
  const ts = typescript();
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const forbidden = new Set<string>(FORBIDDEN_GLOBALS);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node) && forbidden.has(node.text)) {
      const parent = node.parent;
      const isDeclaration =
        (ts.isVariableDeclaration(parent) ||
          ts.isParameter(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isBindingElement(parent)) &&
        parent.name === node;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isPropertyDeclaration(parent)) &&
          parent.name === node);
      if (isDeclaration) declared.add(node.text);
      else if (!isPropertyName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...used].filter((name) => !declared.has(name)).sort();
}

/**
 * A bundle's top-level functions, kept in build/cache/ under the hash of its text: parsing Code.js
 * took each test file that loads it most of a second of CPU. (Found from here upwards: this file also
 * runs bundled, in the playground and the bench, from another folder.)
 */
function cachedTopLevelFunctions(code: string): string[] {
  let root = __dirname;
  while (!existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root)
    root = path.dirname(root);
  const dir = path.join(root, 'build', 'cache', 'bundle-functions');
  const file = path.join(dir, `${createHash('sha256').update(code).digest('hex')}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[];
  const names = topLevelFunctions(code);
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: the other Jest worker may read it at any moment.
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(names));
  renameSync(`${file}.${process.pid}`, file);
  return names;
}

/**
 * Each bundle's script and top-level functions, made once per bundle text: a playground makes a new
 * runtime on every reset, and parsing Code.js takes longer than most of the calls run on it.
 */
const bundles = new Map<string, { script: vm.Script; functions: ReadonlySet<string> }>();

function compiled(code: string): { script: vm.Script; functions: ReadonlySet<string> } {
  let bundle = bundles.get(code);
  if (!bundle) {
    bundle = {
      script: new vm.Script(code, { filename: 'Code.js' }),
      functions: new Set(cachedTopLevelFunctions(code)),
    };
    bundles.set(code, bundle);
  }
  return bundle;
}

export class BundleRuntime {
  readonly functions: ReadonlySet<string>;
  /** Forbidden globals touched while loading or running, in order. */
  readonly touched: string[] = [];
  private readonly script: vm.Script;

  constructor(
    code: string,
    readonly env: FakeEnvironment,
    /** False for a second project over the same world (the Gmail card): menus name the add-on's functions. */
    ownsMenus = true,
  ) {
    const { script, functions } = compiled(code);
    this.script = script;
    this.functions = functions;
    if (ownsMenus) env.isCallable = (name) => this.functions.has(name);
  }

  /** A fresh global scope holding the given services, with the script loaded into it. */
  load(gas: AppsScript | object): vm.Context {
    const logs: string[] = [];
    const sandbox: Record<string, unknown> = {
      ...gas,
      // One realm in Apps Script: share Date and Error so `instanceof` works across the fakes' values.
      Date,
      Error,
      console: {
        log: (...a: unknown[]) => logs.push(a.map(String).join(' ')),
        info: (...a: unknown[]) => logs.push(a.map(String).join(' ')),
        warn: (...a: unknown[]) => logs.push(a.map(String).join(' ')),
        error: (...a: unknown[]) => logs.push(a.map(String).join(' ')),
      },
      Logger: { log: (...a: unknown[]) => logs.push(a.map(String).join(' ')) },
    };
    for (const name of FORBIDDEN_GLOBALS) {
      Object.defineProperty(sandbox, name, {
        get: () => {
          this.touched.push(name);
          throw new ReferenceError(`${name} is not defined`);
        },
        configurable: true,
      });
    }
    const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
    this.script.runInContext(context);
    return context;
  }

  /** Runs one top-level function in its own execution, as a menu click or sidebar call would. */
  run(functionName: string, args: readonly unknown[] = [], options: ExecutionOptions = {}): unknown {
    if (!this.functions.has(functionName)) throw new Error(`Script function not found: ${functionName}`);
    const execution = this.env.start(options);
    try {
      const context = this.load(execution.globals);
      const fn: unknown = context[functionName];
      if (typeof fn !== 'function')
        throw new Error(`${functionName} is not a function after loading the script`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      execution.end();
    }
  }
}
