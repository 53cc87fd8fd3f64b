/**
 * A stand-in for Excel's `CustomFunctions` global, installed before the functions module is imported. Its Error keeps
 * the code and message so tests can assert what Excel would show.
 */
export class StubCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

export function installCustomFunctionsStub(): void {
  Object.assign(globalThis, { CustomFunctions: { Error: StubCustomFunctionError, ErrorCode } });
}

/** Runs `call` and returns the Excel error it throws (code and message), or fails. */
export function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof StubCustomFunctionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected an Excel error, got a value");
}

/**
 * A custom function as Excel calls it: with untyped cell values (null for an omitted argument, even where the
 * TypeScript signature says `undefined`, because a matrix parameter's type cannot include null in the metadata).
 */
export function asCalledByExcel<A extends unknown[], R>(fn: (...args: A) => R): (...args: unknown[]) => R {
  return fn as unknown as (...args: unknown[]) => R;
}
