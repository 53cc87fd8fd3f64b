/**
 * Errors as data. The engine never throws for bad input: it returns a {@link Result} whose error names the field
 * and the rule that was broken. Only `src/functions` maps these to `CustomFunctions.Error`; only the taskpane shows
 * them to a person (and may translate them by `code`).
 *
 * Throwing is reserved for programmer errors (a bug in the product), never for user input.
 */

/** Machine-readable reason codes. Stable: the wizard translates messages by code. */
export type ErrorCode =
  /** A value is out of range, of the wrong type or inconsistent with another value. */
  | "InvalidInput"
  /** A parameter name is not in the built-in parameter data. */
  | "UnknownParameter"
  /** A parameter exists but has no value for the requested year. */
  | "MissingYear"
  /** A root-finder found no sign change in its bracket (e.g. IRR of flows that are all positive). */
  | "NoSignChange"
  /** The cash flows change sign more than once and more than one root was found. */
  | "MultipleRoots"
  /** An iterative method did not converge within its iteration limit. */
  | "NoConvergence"
  /** The requested result does not exist for these inputs (e.g. a target that can never be reached). */
  | "Impossible";

/** One problem with one input. `field` is a dotted path such as `shares.participants.JOB` or `horizonMonths`. */
export interface Issue {
  readonly code: ErrorCode;
  readonly field: string;
  /** Short rule identifier, e.g. `range`, `sum`, `integer`, `required`, `year`. */
  readonly rule: string;
  /** English message naming the field and the rule. */
  readonly message: string;
}

/** A failed computation: one or more issues. `message` joins them for one-line displays. */
export interface EngineFailure {
  readonly ok: false;
  readonly issues: readonly Issue[];
}

export interface EngineSuccess<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = EngineSuccess<T> | EngineFailure;

/** Wraps a value as a success. */
export function ok<T>(value: T): EngineSuccess<T> {
  return { ok: true, value };
}

/** A failure with one issue. */
export function fail(code: ErrorCode, field: string, rule: string, message: string): EngineFailure {
  return { ok: false, issues: [{ code, field, rule, message }] };
}

/** A failure with several issues (must be non-empty). */
export function failMany(issues: readonly Issue[]): EngineFailure {
  if (issues.length === 0) throw new Error("failMany needs at least one issue");
  return { ok: false, issues };
}

/** One line per issue, e.g. for a CLI or an Excel error message. */
export function describeFailure(failure: EngineFailure): string {
  return failure.issues.map((issue) => issue.message).join("; ");
}

/** An issue value (without wrapping), for validators that collect several. */
export function issue(code: ErrorCode, field: string, rule: string, message: string): Issue {
  return { code, field, rule, message };
}

/**
 * Unwraps a result in code that has already validated its inputs. A failure here is a bug, so it throws.
 * Never use on user input: use the `ok` flag instead.
 */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Unexpected engine failure: ${describeFailure(result)}`);
  return result.value;
}
