/**
 * Bad savings-surplus terms (issue 11 "Bad input", issue 15 item 4): one clear message naming the term and the rule,
 * never a silent default. An unknown withheld-surplus rule (cappedSurplus), an unknown savings-surplus rule, a share
 * outside 0–1, and reinvestment with no next cohort's cost to fund (a cost per participant of 0).
 */
import { describe, expect, it } from "vitest";
import { parseModelFile } from "../../../src/engine/modelFile";
import { reinvestmentIssues } from "../../../src/engine/investor/surplus";
import { expectOk } from "../../../src/engine/errors";
import { investorTerms } from "../../../src/engine/investor/terms";

function issuesOf(
  investor: Record<string, unknown>,
  scenario: Record<string, unknown> = {},
): [string, string, string][] {
  const result = parseModelFile({ name: "bad", ...scenario, investor });
  return result.ok ? [] : result.issues.map((item) => [item.field, item.rule, item.message]);
}

describe("bad savings-surplus terms: one message naming the term and the rule", () => {
  it("an unknown withheld-surplus rule (cappedSurplus)", () => {
    const issues = issuesOf({ cappedSurplus: "kept" });
    expect(issues.map(([field, rule]) => [field, rule])).toEqual([["investor.terms.cappedSurplus", "enum"]]);
    expect(issues[0]?.[2]).toMatch(/"withheld".*"returned".*got "kept"/);
  });

  it("an unknown savings-surplus rule", () => {
    const issues = issuesOf({ "savingsSurplus.rule": "mayor" });
    expect(issues.map(([field, rule]) => [field, rule])).toEqual([["investor.terms.savingsSurplus.rule", "enum"]]);
    expect(issues[0]?.[2]).toMatch(/"commissioner".*"provider".*"reinvested".*got "mayor"/);
  });

  it("a share outside 0–1 (both sides)", () => {
    for (const share of [1.5, -0.1]) {
      const issues = issuesOf({ "savingsSurplus.rule": "provider", "savingsSurplus.share": share });
      expect(issues.map(([field, rule]) => [field, rule])).toEqual([["investor.terms.savingsSurplus.share", "range"]]);
      expect(issues[0]?.[2]).toContain(`from 0 to 1 (0.5 = 50 %), got ${share}`);
    }
  });

  it("reinvestment with no next cohort's cost: the savings surplus, or the investor's capped surplus", () => {
    const free = { costPerParticipant: 0 };
    const savings = issuesOf({ "savingsSurplus.rule": "reinvested", "savingsSurplus.share": 0.5 }, free);
    expect(savings.map(([field, rule]) => [field, rule])).toEqual([
      ["investor.terms.savingsSurplus.rule", "cohortCost"],
    ]);
    expect(savings[0]?.[2]).toContain("no next cohort's cost to fund");
    const investor = issuesOf({ "returnCap.multiple": 1.2, "surplusShare.reinvested": 0.5 }, free);
    expect(investor.map(([field, rule]) => [field, rule])).toEqual([
      ["investor.terms.surplusShare.reinvested", "cohortCost"],
    ]);
    // Reinvesting nothing (share 0), or paying the provider, needs no cohort.
    expect(issuesOf({ "savingsSurplus.rule": "reinvested", "savingsSurplus.share": 0 }, free)).toEqual([]);
    expect(issuesOf({ "savingsSurplus.rule": "provider", "savingsSurplus.share": 0.5 }, free)).toEqual([]);
    // With a cost per participant the same terms are fine.
    const terms = expectOk(investorTerms({ savingsSurplus: { rule: "reinvested", share: 1, cohortSize: null } }));
    expect(reinvestmentIssues(terms, 79_236)).toEqual([]);
  });
});
