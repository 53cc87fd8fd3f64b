import type { EngineFailure, ErrorCode } from "../engine/errors";

/** Excel shows at most this many characters of an error message comfortably. */
const MAX_MESSAGE_LENGTH = 250;

/** Codes that mean "the answer does not exist or did not converge": Excel's #NUM!. */
const NUMBER_ERRORS: ReadonlySet<ErrorCode> = new Set(["NoSignChange", "MultipleRoots", "NoConvergence", "Impossible"]);

/**
 * The only bridge from engine failures to Excel errors: bad input → #VALUE! with a message naming the argument;
 * no root / no convergence / impossible → #NUM! (Excel shows messages only for #VALUE! and #N/A).
 */
export function excelError(failure: EngineFailure): CustomFunctions.Error {
  const first = failure.issues[0];
  const more = failure.issues.length > 1 ? ` (+${failure.issues.length - 1} more)` : "";
  const message = truncate(`${first?.message ?? "Invalid input."}${more}`);
  const code =
    first !== undefined && NUMBER_ERRORS.has(first.code)
      ? CustomFunctions.ErrorCode.invalidNumber
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, message);
}

/** #VALUE! with a message about one argument. */
export function argumentError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, truncate(message));
}

/** #N/A with a message: a well-defined "no value" answer (e.g. break-even not reached). */
export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, truncate(message));
}

function truncate(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}
