import { describe, expect, it } from "vitest";
import { type Result } from "../../../src/engine/errors";
import { irr } from "../../../src/engine/investor/irr";
import { moneyMultiple, moneyMultipleCore } from "../../../src/engine/investor/multiple";
import { investorFlows } from "../../../src/engine/investor/waterfall";

/**
 * Review F10 (../shared/reviews/reliability.md): the investor metrics returned ±Infinity, NaN or a wrong 0 when a sum
 * or a compounded rate exceeded the largest double (about 1.8e308). Each is now a finite number or an Impossible
 * failure with rule `overflow` that names the field; the function layer maps Impossible to #NUM! with the message.
 * The expected values are worked out by hand in the comments.
 */
function overflowOf(result: Result<unknown>): { field: string; rule: string; code: string } | null {
  if (result.ok) return null;
  const [first] = result.issues;
  return first === undefined ? null : { field: first.field, rule: first.rule, code: first.code };
}

describe("irr: an effective annual rate beyond 1.8e308 is an overflow failure, not Infinity", () => {
  it("flows [-1, 10] with 366 periods per year: 900 % per period, (1 + 9)^366 = 1e366 overflows", () => {
    const result = irr([-1, 10], { periodsPerYear: 366 });
    expect(overflowOf(result)).toEqual({ field: "flows", rule: "overflow", code: "Impossible" });
    if (!result.ok) expect(result.issues[0]?.message).toContain("900 % per period");
    // The same flows per period: 1 + r = 10, r = 9 exactly (no compounding).
    const perPeriod = irr([-1, 10], { periodsPerYear: 1 });
    expect(perPeriod.ok && perPeriod.value.rate).toBeCloseTo(9, 12);
  });

  it("flows [-1, 1e30] monthly: 1 + r = 1e30 per month, (1e30)^12 = 1e360 overflows", () => {
    expect(overflowOf(irr([-1, 1e30]))).toEqual({ field: "flows", rule: "overflow", code: "Impossible" });
  });

  it("a large but representable annual rate stays a number: [-1, 1e25] monthly gives (1e25)^12 − 1 = 1e300", () => {
    const result = irr([-1, 1e25]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.effectiveAnnualRate / 1e300).toBeCloseTo(1, 9);
  });
});

describe("moneyMultiple: overflowing sums are scaled; an overflowing ratio is a failure", () => {
  it("[-1e308, -1e308, 1e308]: paid in 2e308 (overflows as a plain sum), received 1e308, multiple 0.5 (was 0)", () => {
    expect(moneyMultipleCore([-1e308, -1e308, 1e308])).toBe(0.5);
    const result = moneyMultiple([-1e308, -1e308, 1e308]);
    expect(result.ok && result.value).toBe(0.5);
    // Received overflows instead: 3e308 received for 1e308 paid in is 3.
    expect(moneyMultipleCore([-1e308, 1e308, 1e308, 1e308])).toBe(3);
  });

  it("[-1e-300, 1e10]: 1e10 / 1e-300 = 1e310 exceeds the largest double, so Impossible (was Infinity)", () => {
    expect(overflowOf(moneyMultiple([-1e-300, 1e10]))).toEqual({
      field: "flows",
      rule: "overflow",
      code: "Impossible",
    });
  });

  it("ordinary flows are unchanged: [-100, 30, 90] gives 120/100 = 1.2", () => {
    const result = moneyMultiple([-100, 30, 90]);
    expect(result.ok && result.value).toBe(1.2);
  });
});

describe("investorFlows: totals beyond 1.8e308 kr are an overflow failure, not −Infinity", () => {
  it("costs [1e308, 1e308] (2e308 drawn), payments [0, 1e308], IRR cap 1: names costByMonth (was netGain −Infinity)", () => {
    const result = investorFlows([1e308, 1e308], [0, 1e308], { returnCap: { irr: 1, multiple: null } });
    expect(overflowOf(result)).toEqual({ field: "costByMonth", rule: "overflow", code: "Impossible" });
    if (!result.ok) expect(result.issues[0]?.message).toContain("1.8e308");
  });

  it("payments [1e308, 1e308] for a cost of 1: the payments' total overflows", () => {
    expect(overflowOf(investorFlows([1], [1e308, 1e308]))).toEqual({
      field: "paymentsByMonth",
      rule: "overflow",
      code: "Impossible",
    });
  });

  it("a cost of 1e-300 and a payment of 1e10: the multiple 1e310 overflows", () => {
    expect(overflowOf(investorFlows([1e-300], [0, 1e10]))).toEqual({
      field: "costByMonth",
      rule: "overflow",
      code: "Impossible",
    });
  });
});
