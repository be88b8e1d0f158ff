/**
 * What may cross `google.script.run`: primitives, plain arrays and plain objects. A Date or a function
 * anywhere in a value makes Apps Script fail the call (or hand the sidebar `null`), so the contract's
 * types are checked against this at compile time.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Resolves to the API type itself when every parameter and result is JSON, and fails to compile otherwise. */
export type JsonApi<Api extends { [Name in keyof Api]: (...args: never[]) => unknown }> = {
  [Name in keyof Api]: Api[Name] extends (...args: infer Args) => infer Result
    ? [Args] extends [readonly Json[]]
      ? [Result] extends [Json]
        ? Api[Name]
        : never
      : never
    : never;
};
