/**
 * Runs first in functions.js. In Excel the custom-functions runtime defines `CustomFunctions` before this bundle runs;
 * in a plain browser (the wizard's download route) nothing does, and the `CustomFunctions.associate` calls the
 * metadata plugin appends would throw. This gives such a page an inert stand-in, so the taskpane runs without an
 * error; it never replaces a real runtime.
 */
const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === "undefined") {
  class InertCustomFunctionError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  scope.CustomFunctions = {
    associate: (): void => undefined,
    Error: InertCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
}

export {};
