/** The part of Apps Script's client-side `google.script` API the sidebar uses. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
}

declare const google: {
  script: {
    run: ScriptRunner & Record<string, (...args: unknown[]) => void>;
  };
};
