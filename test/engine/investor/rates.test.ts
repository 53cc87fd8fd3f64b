import { describe, expect, it } from "vitest";
import { effectiveAnnualRate, periodRate } from "../../../src/engine/investor/rates";

describe("rates", () => {
  it("1 % per month is 1.01^12 − 1 = 12.682503013 % effective per year, and back", () => {
    expect(effectiveAnnualRate(0.01)).toBeCloseTo(Math.pow(1.01, 12) - 1, 15);
    expect(effectiveAnnualRate(0.01)).toBeCloseTo(0.12682503013196977, 15);
    expect(periodRate(effectiveAnnualRate(0.01))).toBeCloseTo(0.01, 15);
    expect(periodRate(0.1)).toBeCloseTo(Math.pow(1.1, 1 / 12) - 1, 15);
    expect(effectiveAnnualRate(0.05, 1)).toBe(0.05);
  });
});
