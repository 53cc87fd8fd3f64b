/**
 * Threshold (payments-and-peers.md b7c): nothing is paid unless the measured effect, participant share minus
 * comparison share in percentage points, reaches θ pp. An effect just below θ pays exactly 0; an effect within
 * {@link THRESHOLD_TOLERANCE_PP} below θ counts as reaching it (so 0.18 − 0.07 = 0.10999… reaches θ = 11 pp).
 */
import { issue, ok, type Issue, type Result } from "../errors";
import { checkShare, isFiniteNumber, shown } from "./checks";
import { THRESHOLD_RANGE_PP } from "./rules";

/** Rounding tolerance when comparing an effect with a threshold, in percentage points. */
export const THRESHOLD_TOLERANCE_PP = 1e-9;

/** Where a threshold applies: to each metric on its own, or to the whole contract (one designated metric). */
export type ThresholdScope = "metric" | "contract";

/**
 * Effect in percentage points: 100 × (participant share − comparison share).
 * @example effectPercentagePoints(0.18, 0.07) // 11 (up to rounding)
 */
export function effectPercentagePoints(participantShare: number, comparisonShare: number): number {
  return 100 * (participantShare - comparisonShare);
}

/**
 * Unchecked: true when the effect (pp) reaches the threshold θ (pp), with a tolerance of 1e-9 pp.
 * @example meetsThresholdCore(10.999, 11) // false
 * @example meetsThresholdCore(effectPercentagePoints(0.18, 0.07), 11) // true
 */
export function meetsThresholdCore(effectPP: number, thresholdPP: number): boolean {
  return effectPP >= thresholdPP - THRESHOLD_TOLERANCE_PP;
}

/**
 * Checked: does the measured effect of the shares reach θ pp? Shares 0–1 (fields `participantShare`,
 * `comparisonShare`), θ from −100 to 100 pp (field `thresholdPP`).
 * @example meetsThreshold(0.3, 0.2, 10) // ok(true)
 */
export function meetsThreshold(
  participantShare: number,
  comparisonShare: number,
  thresholdPP: number,
): Result<boolean> {
  const issues: Issue[] = [];
  checkShare(issues, "participantShare", participantShare);
  checkShare(issues, "comparisonShare", comparisonShare);
  checkThreshold(issues, "thresholdPP", thresholdPP);
  if (issues.length > 0) return { ok: false, issues };
  return ok(meetsThresholdCore(effectPercentagePoints(participantShare, comparisonShare), thresholdPP));
}

/**
 * A threshold in percentage points from −100 to 100 (rule `range`).
 * @example checkThreshold(issues, "threshold.pp", 150) // pushes { field: "threshold.pp", rule: "range" }
 */
export function checkThreshold(issues: Issue[], field: string, value: unknown): void {
  if (!isFiniteNumber(value) || value < THRESHOLD_RANGE_PP.min || value > THRESHOLD_RANGE_PP.max) {
    issues.push(
      issue(
        "InvalidInput",
        field,
        "range",
        `${field} must be an effect in percentage points from -100 to 100 (e.g. 10 for 10 pp), got ${shown(value)}.`,
      ),
    );
  }
}
