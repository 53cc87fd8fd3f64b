import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/engine/errors";
import { baseFeeSchedule, delayCore, paymentMonth, splitByPayer } from "../../../src/engine/payment/timing";

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

function fields(result: Result<unknown>): string[] {
  return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.rule}`);
}

describe("payment month", () => {
  it("= intake + M + months after M + lag", () => {
    expect(value(paymentMonth(0, 14, 0, 3))).toBe(17);
    expect(value(paymentMonth(0, 14, 6, 3))).toBe(23);
    expect(value(paymentMonth(6, 14, 12, 0))).toBe(32);
  });

  it("reports every bad field", () => {
    expect(fields(paymentMonth(-1, 0, 0.5, 1.5))).toEqual([
      "intakeMonth:integer",
      "measurementMonth:integer",
      "monthsAfterMeasurement:integer",
      "lagMonths:integer",
    ]);
  });
});

describe("base fee", () => {
  it("at intake: fee × participants in the intake month", () => {
    expect(value(baseFeeSchedule([{ participants: 10, intakeMonth: 1 }], 1_500, "intake", 12))).toEqual([0, 15_000]);
  });

  it("spread: fee × participants / D over the D months from intake, cohorts added", () => {
    const schedule = value(
      baseFeeSchedule(
        [
          { participants: 12, intakeMonth: 0 },
          { participants: 6, intakeMonth: 2 },
        ],
        1_000,
        "spread",
        3,
      ),
    );
    // 12,000 / 3 = 4,000 in months 0–2; 6,000 / 3 = 2,000 in months 2–4.
    expect(schedule).toEqual([4_000, 4_000, 6_000, 2_000, 2_000]);
  });

  it("reports every bad field", () => {
    const result = baseFeeSchedule([{ participants: -1, intakeMonth: 0.5 }], -3, "later" as "intake", 0);
    expect(fields(result)).toEqual([
      "cohorts[0].participants:range",
      "cohorts[0].intakeMonth:integer",
      "feePerParticipant:range",
      "timing:oneOf",
      "interventionMonths:integer",
    ]);
  });
});

describe("claim lag and payer split", () => {
  it("a lag shifts payments later", () => {
    expect(delayCore([5, 7], 2)).toEqual([0, 0, 5, 7]);
    expect(delayCore([5], 0)).toEqual([5]);
  });

  it("the municipality pays w, the state 1 − w", () => {
    expect(value(splitByPayer([100, 40], 0.75))).toEqual({ municipality: [75, 30], state: [25, 10] });
    expect(value(splitByPayer([100], 1))).toEqual({ municipality: [100], state: [0] });
  });

  it("reports every bad field", () => {
    expect(fields(splitByPayer([-5], 1.5))).toEqual(["amounts[0]:range", "municipalityShare:range"]);
  });
});
