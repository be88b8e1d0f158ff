/**
 * A stand-in for `google.script.run`, strict where Apps Script is strict: arguments may only be
 * primitives, arrays and objects, and anything else (a Date, a function, a cycle) fails the call
 * through the failure handler, as it does in Apps Script. A class instance is an object like any
 * other: it arrives as a plain object with its own data properties and no methods (HTML service
 * guide, "objects composed of primitives, objects and arrays"; FAKES §3.2; issue 12). Calls are
 * asynchronous, and server errors reach the failure handler with their message.
 */
export type Transport = (
  functionName: string,
  args: unknown[],
) => Promise<{ ok: true; value: unknown } | { ok: false; message: string }>;

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerState {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

/** Why a value cannot cross google.script.run, or null when it can. */
export function untransferable(value: unknown, seen = new Set<object>()): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type === 'function') return 'a function';
  if (type !== 'object') return `a ${type}`;
  const object = value as object;
  // Checked by tag and prototype shape, not instanceof, so values from another realm (the vm the
  // playground runs the bundle in) are judged the same way.
  if (Object.prototype.toString.call(object) === '[object Date]') return 'a Date';
  if (seen.has(object)) return 'a circular reference';
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      for (const item of object) {
        const reason = untransferable(item, seen);
        if (reason) return reason;
      }
      return null;
    }
    for (const item of Object.values(object)) {
      const reason = untransferable(item, seen);
      if (reason) return reason;
    }
    return null;
  } finally {
    seen.delete(object);
  }
}

/** Copies arguments as Apps Script does: undefined inside arrays becomes null, undefined properties go. */
function copyArguments(args: unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(args.map((a) => (a === undefined ? null : a)))) as unknown[];
}

export function createScriptRun(
  transport: Transport,
  state: RunnerState = { success: null, failure: null, userObject: undefined },
): unknown {
  const settings = {
    withSuccessHandler: (handler: Handler) => createScriptRun(transport, { ...state, success: handler }),
    withFailureHandler: (handler: Handler) => createScriptRun(transport, { ...state, failure: handler }),
    withUserObject: (userObject: unknown) => createScriptRun(transport, { ...state, userObject }),
  };
  return new Proxy(settings, {
    get(target, property) {
      if (typeof property !== 'string') return undefined;
      if (property in target) return target[property as keyof typeof target];
      return (...args: unknown[]) => {
        void call(transport, state, property, args);
      };
    },
  });
}

async function call(
  transport: Transport,
  state: RunnerState,
  functionName: string,
  args: unknown[],
): Promise<void> {
  const fail = (message: string) =>
    state.failure?.(Object.assign(new Error(message), { name: 'ScriptError' }), state.userObject);
  const reason = args.map((a) => untransferable(a)).find((r) => r !== null);
  if (reason) {
    // Apps Script refuses the request; the failure handler hears about it after the current task.
    await Promise.resolve();
    fail(
      `Invalid argument: ${functionName} cannot receive ${reason}; only strings, numbers, booleans, null, plain arrays and plain objects cross google.script.run.`,
    );
    return;
  }
  let outcome: Awaited<ReturnType<Transport>>;
  try {
    outcome = await transport(functionName, copyArguments(args));
  } catch (error) {
    fail(
      `NetworkError: Connection failure due to HTTP 0 (${error instanceof Error ? error.message : String(error)})`,
    );
    return;
  }
  if (outcome.ok) state.success?.(outcome.value, state.userObject);
  else fail(outcome.message);
}
