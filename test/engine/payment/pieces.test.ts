import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/engine/errors";
import { payableAboveBaseline, payableAboveBaselineCore } from "../../../src/engine/payment/baseline";
import { chainedCounts } from "../../../src/engine/payment/chain";
import { outcomeCount, rateCardPayment } from "../../../src/engine/payment/rateCard";
import {
  THRESHOLD_TOLERANCE_PP,
  effectPercentagePoints,
  meetsThreshold,
  meetsThresholdCore,
} from "../../../src/engine/payment/threshold";

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

function fields(result: Result<unknown>): string[] {
  return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.rule}`);
}

describe("rate card", () => {
  it("outcome count = share × participants: 30 % of 56 = 16.8", () => {
    expect(value(outcomeCount(0.3, 56))).toBeCloseTo(16.8, 12);
  });

  it("payment = Σ price × count: 15 × 198,090 + 9 × 99,045 = 3,862,755 kr", () => {
    expect(value(rateCardPayment([15, 9], [198_090, 99_045]))).toBe(3_862_755);
  });

  it("reports every bad field", () => {
    expect(fields(outcomeCount(1.2, -1))).toEqual(["share:range", "participants:range"]);
    expect(fields(rateCardPayment([15, -1], [100, Number.NaN]))).toEqual(["counts[1]:range", "prices[1]:range"]);
    expect(fields(rateCardPayment([15], [100, 200]))).toEqual(["prices:length"]);
    expect(fields(rateCardPayment([], []))).toEqual(["counts:required"]);
  });
});

describe("chained triggers", () => {
  it("a later metric is capped at its prerequisite's payable count", () => {
    // 12 sustained outcomes but only 10 paid job outcomes: 10; the third (4) requires the second (10): 4.
    expect(value(chainedCounts([10, 12, 4], [null, 0, 1]))).toEqual([10, 10, 4]);
    // Two metrics requiring the first: each capped at 5.
    expect(value(chainedCounts([5, 7, 9], [null, 0, 0]))).toEqual([5, 5, 5]);
  });

  it("a chain must refer to an earlier metric", () => {
    expect(fields(chainedCounts([1, 2], [1, null]))).toEqual(["requires[0]:order"]);
    expect(fields(chainedCounts([1, 2], [null, 1]))).toEqual(["requires[1]:order"]);
    expect(fields(chainedCounts([1, -2], [null]))).toEqual(["counts[1]:range", "requires:length"]);
  });
});

describe("baseline (deadweight)", () => {
  it("pays only for outcomes above the baseline share", () => {
    // (0.30 − 0.10) × 50 = 10; below the baseline pays nothing.
    expect(value(payableAboveBaseline(0.3, 0.1, 50))).toBeCloseTo(10, 12);
    expect(value(payableAboveBaseline(0.05, 0.1, 50))).toBe(0);
    // The pilot's self-supporting: (15/55 − 0.12) × 56 = 8.5527…
    expect(payableAboveBaselineCore(15 / 55, 0.12, 56)).toBeCloseTo((15 / 55 - 0.12) * 56, 12);
  });

  it("reports every bad field", () => {
    expect(fields(payableAboveBaseline(2, -0.1, -3))).toEqual([
      "participantShare:range",
      "baselineShare:range",
      "participants:range",
    ]);
  });
});

describe("threshold", () => {
  it("effect in percentage points", () => {
    expect(effectPercentagePoints(0.18, 0.07)).toBeCloseTo(11, 12);
  });

  it("an effect just below θ fails, at θ passes (rounding of 0.18 − 0.07 included)", () => {
    expect(meetsThresholdCore(10.999, 11)).toBe(false);
    expect(meetsThresholdCore(11 - 10 * THRESHOLD_TOLERANCE_PP, 11)).toBe(false);
    expect(meetsThresholdCore(11, 11)).toBe(true);
    expect(0.18 - 0.07).toBeLessThan(0.11); // 0.10999999999999999: the tolerance is needed
    expect(value(meetsThreshold(0.18, 0.07, 11))).toBe(true);
    expect(value(meetsThreshold(0.3, 0.2, 10.5))).toBe(false);
  });

  it("reports every bad field", () => {
    expect(fields(meetsThreshold(1.1, 0.2, 150))).toEqual(["participantShare:range", "thresholdPP:range"]);
  });
});
