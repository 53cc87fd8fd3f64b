/**
 * Issue 11, "Bad input": sustainment terms longer than the horizon, negative costs, a hurdle of −100 % or less and an
 * unknown withheld-surplus rule each give one clear message naming the term and the rule, never a silent default. Checked
 * through a model file (docs/scenario.md: `payment` and `investor` sections), the path of `npm run case`, and through
 * the investor terms object the functions use.
 */
import { describe, expect, it } from "vitest";
import { investorTerms } from "../../../src/engine/investor/terms";
import { parseModelFile } from "../../../src/engine/modelFile";

function issuesOf(json: unknown): [string, string, string][] {
  const result = parseModelFile(json);
  if (result.ok) return [];
  return result.issues.map((item) => [item.field, item.rule, item.message]);
}

describe("bad contract terms: one message naming the term and the rule", () => {
  it("sustainment longer than the horizon: 14 + 40 months > 50 (the pilot's measurement month and horizon)", () => {
    const issues = issuesOf({ payment: { "sustainment.monthlyPrice": 4127, "sustainment.months": 40 } });
    expect(issues).toHaveLength(1);
    const [field, rule, message] = issues[0] ?? [];
    expect([field, rule]).toEqual(["payment.sustainment.months", "horizon"]);
    expect(message).toContain("sustainment.months");
    expect(message).toContain("use at most 36 months");
    expect(issuesOf({ payment: { "sustainment.monthlyPrice": 4127, "sustainment.months": 36 } })).toEqual([]);
  });

  it("negative costs: each deal cost, including the provider's cost of non-delivery, is refused by name", () => {
    for (const key of ["setup", "evaluation", "intermediaryOneOff", "intermediaryYearly", "providerNonDelivery"]) {
      const issues = issuesOf({ investor: { [`dealCosts.${key}`]: -1 } });
      expect(issues, key).toHaveLength(1);
      const [field, rule, message] = issues[0] ?? [];
      expect([field, rule], key).toEqual([`investor.terms.dealCosts.${key}`, "range"]);
      expect(message, key).toContain("negative costs are not allowed");
    }
    expect(issuesOf({ payment: { baseFee: -1 } }).map(([field, rule]) => [field, rule])).toHaveLength(1);
  });

  it("a hurdle of −100 % or less (an effective annual rate must stay above −1)", () => {
    for (const hurdle of [-1, -1.5]) {
      const issues = issuesOf({ investor: { hurdleRate: hurdle } });
      expect(issues.map(([field, rule]) => [field, rule])).toEqual([["investor.terms.hurdleRate", "range"]]);
      expect(issues[0]?.[2]).toContain("above −1");
    }
    expect(issuesOf({ investor: { hurdleRate: -0.99 } })).toEqual([]);
    const direct = investorTerms({ hurdleRate: -1 });
    expect(direct.ok ? [] : direct.issues.map((item) => [item.field, item.rule])).toEqual([
      ["terms.hurdleRate", "range"],
    ]);
  });

  it("an unknown withheld-surplus rule: only 'withheld' or 'returned'", () => {
    const issues = issuesOf({ investor: { cappedSurplus: "kept" } });
    expect(issues.map(([field, rule]) => [field, rule])).toEqual([["investor.terms.cappedSurplus", "enum"]]);
    expect(issues[0]?.[2]).toContain('"withheld"');
    expect(issues[0]?.[2]).toContain('"returned"');
    expect(issues[0]?.[2]).toContain('got "kept"');
    const direct = investorTerms({ cappedSurplus: "kept" as "withheld" });
    expect(direct.ok ? [] : direct.issues.map((item) => [item.field, item.rule])).toEqual([
      ["terms.cappedSurplus", "enum"],
    ]);
  });
});
