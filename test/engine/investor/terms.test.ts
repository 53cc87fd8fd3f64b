import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import {
  DEFAULT_INVESTOR_TERMS,
  investorTerms,
  investorTermsFromPairs,
  NO_DEAL_COSTS,
} from "../../../src/engine/investor/terms";

function fields(result: ReturnType<typeof investorTerms>): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.field);
}

describe("investor terms", () => {
  it("defaults: draw as needed, no cap, surplus to the commissioner, no protection", () => {
    expect(expectOk(investorTerms())).toEqual(DEFAULT_INVESTOR_TERMS);
  });

  it("the commissioner takes the remainder of the surplus unless given", () => {
    const terms = expectOk(investorTerms({ surplusShare: { investor: 0.5, provider: 0.3 } }));
    expect(terms.surplusShare).toEqual({
      investor: 0.5,
      provider: 0.3,
      commissioner: expect.closeTo(0.2, 15),
      reinvested: 0,
    });
    expect(expectOk(investorTerms({ surplusShare: { reinvested: 1 } })).surplusShare.commissioner).toBe(0);
  });

  it("reports every invalid field", () => {
    const result = investorTerms({
      returnCap: { irr: 8, multiple: 0.9 },
      maxLoss: 1.5,
      hurdleRate: -2,
      surplusShare: { investor: 0.7, provider: 0.7 },
    });
    expect(fields(result)).toEqual([
      "terms.returnCap.irr",
      "terms.returnCap.multiple",
      "terms.maxLoss",
      "terms.hurdleRate",
      "terms.surplusShare",
    ]);
    expect(fields(investorTerms({ surplusShare: { investor: 0.5, commissioner: 0.4 } }))).toEqual([
      "terms.surplusShare",
    ]);
  });

  it("reads name/value pairs case-insensitively", () => {
    const terms = expectOk(
      investorTermsFromPairs([
        ["Draw", "up front"],
        ["returnCap.IRR", 0.08],
        ["returnCap.multiple", 1.5],
        ["maxLoss", 0.5],
        ["topUpPayer", "guarantor"],
        ["surplusShare.investor", 0.25],
        ["hurdleRate", 0.06],
      ]),
    );
    expect(terms).toEqual({
      draw: "upfront",
      returnCap: { irr: 0.08, multiple: 1.5 },
      surplusShare: { investor: 0.25, provider: 0, commissioner: 0.75, reinvested: 0 },
      maxLoss: 0.5,
      topUpPayer: "guarantor",
      hurdleRate: 0.06,
      cappedSurplus: "withheld",
      dealCosts: NO_DEAL_COSTS,
    });
  });

  it("names unknown, duplicated or mistyped pairs", () => {
    expect(fields(investorTermsFromPairs([["cap", 0.1]]))).toEqual(["terms.cap"]);
    expect(
      fields(
        investorTermsFromPairs([
          ["maxLoss", 0.1],
          ["maxloss", 0.2],
        ]),
      ),
    ).toEqual(["terms.maxLoss"]);
    expect(fields(investorTermsFromPairs([["maxLoss", "half"]]))).toEqual(["terms.maxLoss"]);
    expect(fields(investorTermsFromPairs([["draw", "monthly"]]))).toEqual(["terms.draw"]);
    expect(fields(investorTermsFromPairs([["topUpPayer", 3]]))).toEqual(["terms.topUpPayer"]);
  });
});
