import type { PlannerApi } from '../shared/contract';

/**
 * Calls a server function through `google.script.run`, as a promise. Only functions of the contract
 * can be named, with the contract's arguments, and the result has the contract's type.
 */
export function callServer<Name extends keyof PlannerApi>(
  name: Name,
  ...args: Parameters<PlannerApi[Name]>
): Promise<ReturnType<PlannerApi[Name]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<PlannerApi[Name]>))
      .withFailureHandler((error) => reject(error)) as ScriptRunner &
      Record<string, (...a: unknown[]) => void>;
    const call = runner[name];
    if (typeof call !== 'function') {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    call(...args);
  });
}
