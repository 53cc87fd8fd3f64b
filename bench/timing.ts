/** Runs `work` repeatedly for at least `minSeconds` and returns calls per second (wall clock, after one warm-up). */
export function callsPerSecond(work: () => unknown, minSeconds = 0.5): number {
  work();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minSeconds * 1000) {
    for (let i = 0; i < 100; i++) work();
    calls += 100;
    elapsed = performance.now() - start;
  }
  return calls / (elapsed / 1000);
}

/** Formats a count with thousands separators, e.g. 1234567 → "1,234,567". */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Installs a minimal `CustomFunctions` global so the function wrappers can run outside Excel. */
export function installCustomFunctionsGlobal(): void {
  class BenchCustomFunctionError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" };
  Object.assign(globalThis, { CustomFunctions: { Error: BenchCustomFunctionError, ErrorCode } });
}
