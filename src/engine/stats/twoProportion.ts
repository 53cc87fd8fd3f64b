import { fail, ok, type Result } from "../errors";
import { standardNormalQuantile } from "./normal";

/** A difference of two proportions with its confidence interval; all values are fractions (0.11 = 11 pp). */
export interface DifferenceInterval {
  /** p1 − p2. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Unpooled standard error √(p1(1−p1)/n1 + p2(1−p2)/n2). */
  readonly standardError: number;
  /** The confidence level used, e.g. 0.95. */
  readonly level: number;
}

/**
 * Wald confidence interval for the difference of two independent proportions, p1 − p2 ± z·SE with the unpooled
 * standard error SE = √(p1(1−p1)/n1 + p2(1−p2)/n2) and z the standard normal quantile of (1 + level)/2
 * (1.959964 for 95 %). Proportions are fractions of the group; n1, n2 are group sizes (people).
 *
 * Note: with small groups or shares near 0 or 1 the Wald interval is approximate (it can be too narrow); it is the
 * interval evaluation reports usually quote. When both shares are 0 or 1 the standard error is 0 and the interval is
 * the point estimate.
 * @example differenceConfidenceInterval(0.25, 56, 0.07, 100, 0.95) // estimate 0.18, about 0.058 to 0.302
 */
export function differenceConfidenceInterval(
  p1: number,
  n1: number,
  p2: number,
  n2: number,
  level: number,
): Result<DifferenceInterval> {
  for (const [field, value] of [
    ["participantShare", p1],
    ["comparisonShare", p2],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      return fail("InvalidInput", field, "range", `${field} must be a share from 0 to 1, got ${value}.`);
    }
  }
  for (const [field, value] of [
    ["participantCount", n1],
    ["comparisonCount", n2],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      return fail(
        "InvalidInput",
        field,
        "integer",
        `${field} must be a whole number of people of at least 1, got ${value}.`,
      );
    }
  }
  if (!Number.isFinite(level) || level <= 0 || level >= 1) {
    return fail("InvalidInput", "level", "range", `level must be a confidence level between 0 and 1, got ${level}.`);
  }
  const standardError = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const z = standardNormalQuantile((1 + level) / 2);
  const estimate = p1 - p2;
  return ok({
    estimate,
    lower: estimate - z * standardError,
    upper: estimate + z * standardError,
    standardError,
    level,
  });
}
