/**
 * Server functions that the google.script.run contract calls from the browser. They exist only in
 * the developer-only contract build (and in jest); the add-on never exposes them.
 */
export function contractEcho(value: unknown): unknown {
  return value;
}

export function contractDateResult(): unknown {
  return { when: new Date(0), label: 'has a date' };
}

export function contractThrow(): never {
  throw new Error('Thrown on purpose by the contract');
}

export const contractServerFunctions = { contractEcho, contractDateResult, contractThrow };
