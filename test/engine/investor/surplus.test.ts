import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { investorTermsFromPairs } from "../../../src/engine/investor/terms";
import {
  savingsSurplusFromPairs,
  surplusFlows,
  surplusFlowsCore,
  type SavingsSurplusTerms,
  type SurplusInputs,
} from "../../../src/engine/investor/surplus";
import { expectOk } from "../../../src/engine/errors";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { moneyFlowsCore } from "../../../src/engine/investor/moneyFlows";
import { contractSurplusFlows } from "../../../src/engine/investor/surplus";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { savingsByMonth } from "../../../src/engine/payment/savingsShare";
import { PILOT_PAYMENT_TERMS } from "../../../src/engine/payment/terms";
import { pilotScenario } from "../../../src/engine/pilot";

const ones = (n: number): number[] => new Array<number>(n).fill(1);

/** Net −100, +200, 0, +200, 0, 0 → cumulative −100, 100, 100, 300 → new highs 0, 100, 0, 200 (surplus 300 in all). */
const base: SurplusInputs = {
  savings: [0, 300, 0, 200, 0, 0],
  paid: [100, 100, 0, 0, 0, 0],
  investorReinvested: [0, 0, 0, 0, 0, 0],
  costProfile: [50, 50],
  discountFactors: ones(6),
  horizonMonths: 6,
  defaultCohortSize: 2,
};

describe("savings surplus: kept, shared with the provider, or reinvested (issue 15 item 4)", () => {
  it("commissioner: the municipality keeps every new high of its cumulative net position", () => {
    const flows = surplusFlowsCore(base, { rule: "commissioner", share: 1, cohortSize: null });
    expect(flows.surplus).toEqual([0, 100, 0, 200, 0, 0]);
    expect(flows.kept).toEqual([0, 100, 0, 200, 0, 0]);
    expect(flows.totals.provider).toBe(0);
    expect(flows.cohorts).toEqual([]);
    // Its position is unchanged: savings 500 − payments 200 = 300.
    expect(flows.municipality.total).toEqual({ savings: 500, payments: 200, net: 300 });
  });

  it("provider 30 %: 0.3 × 100 in month 1 and 0.3 × 200 in month 3; the municipality keeps 70 %", () => {
    const flows = surplusFlowsCore(base, { rule: "provider", share: 0.3, cohortSize: null });
    expect(flows.provider[1]).toBeCloseTo(30, 12);
    expect(flows.provider[3]).toBeCloseTo(60, 12);
    expect(flows.kept[3]).toBeCloseTo(140, 12);
    // Municipality: 500 saved − 200 paid − 90 to the provider = 210.
    expect(flows.municipality.total.net).toBeCloseTo(210, 12);
  });

  it("reinvested: a cohort of 2 (cost 2 × 100 = 200) starts when the fund reaches 200 (month 3) and is paid 100 a month", () => {
    const flows = surplusFlowsCore(base, { rule: "reinvested", share: 1, cohortSize: null });
    expect(flows.reinvestedFromSavings).toEqual([0, 100, 0, 200, 0, 0]);
    expect(flows.cohorts).toEqual([{ startMonth: 3, participants: 2, cost: 200 }]);
    expect(flows.cohortCost).toEqual([0, 0, 0, 100, 100, 0]);
    // Fund: 100 after month 1; 300 − 100 = 200 after month 3; 100 after month 4, left at the horizon.
    expect(flows.fundBalance).toEqual([0, 100, 100, 200, 100, 100]);
    expect(flows.totals).toMatchObject({ reinvestedFromSavings: 300, cohortCost: 200, participants: 2, unspent: 100 });
    expect(flows.municipality.total.net).toBe(0);
  });

  it("the investor's reinvested capped surplus joins the fund; a cohort whose cost would pass the horizon does not start", () => {
    const withInvestor = { ...base, investorReinvested: [0, 150, 0, 0, 0, 0] };
    const flows = surplusFlowsCore(withInvestor, { rule: "reinvested", share: 0.5, cohortSize: 1 });
    // Month 1: 0.5 × 100 + 150 = 200 → two cohorts of 1 (100 each) start, 50 + 50 paid in months 1 and 2.
    // Month 3: + 0.5 × 200 = 100 → one more cohort (months 3, 4). Month 5 would need months 5 and 6: none.
    expect(flows.cohorts.map((cohort) => cohort.startMonth)).toEqual([1, 1, 3]);
    expect(flows.cohortCost).toEqual([0, 100, 100, 50, 50, 0]);
    expect(flows.totals.unspent).toBe(0);
    const short = surplusFlowsCore(
      { ...withInvestor, horizonMonths: 4 },
      { rule: "reinvested", share: 0.5, cohortSize: 1 },
    );
    expect(short.cohorts.map((cohort) => cohort.startMonth)).toEqual([1, 1]);
    expect(short.totals.unspent).toBe(100);
  });

  describe("bad input names the field and the rule", () => {
    it("unknown rule", () => {
      const result = savingsSurplusFromPairs([["savingsSurplus.rule", "toTheMayor"]]);
      expect(result.ok ? [] : result.issues).toMatchObject([{ field: "terms.savingsSurplus.rule", rule: "enum" }]);
    });
    it("share outside 0–1, also through the investor terms range (Danish names)", () => {
      const result = investorTermsFromPairs([
        ["overskud.regel", "geninvesteret"],
        ["overskud.andel", 1.5],
      ]);
      expect(result.ok ? [] : result.issues).toMatchObject([{ field: "terms.savingsSurplus.share", rule: "range" }]);
    });
    it("cohort size not a whole number; unknown surplus name", () => {
      expect(savingsSurplusFromPairs([["savingsSurplus.cohortSize", 2.5]])).toMatchObject({
        ok: false,
        issues: [{ rule: "integer" }],
      });
      expect(savingsSurplusFromPairs([["savingsSurplus.constructor", 1]])).toMatchObject({
        ok: false,
        issues: [{ rule: "unknown" }],
      });
    });
    it("a negative payment in the checked form", () => {
      const result = surplusFlows(
        { ...base, paid: [-1, 0, 0, 0, 0, 0] },
        { rule: "commissioner", share: 1, cohortSize: null },
      );
      expect(result.ok ? [] : result.issues).toMatchObject([{ field: "paid[0]", rule: "range" }]);
    });
    it("good terms by name", () => {
      const terms = expectOk(
        investorTermsFromPairs([
          ["savingsSurplus.rule", "provider"],
          ["savingsSurplus.share", 0.4],
        ]),
      );
      expect(terms.savingsSurplus).toEqual({ rule: "provider", share: 0.4, cohortSize: null });
    });
  });

  it("property: surplus reinvested = extra cohorts' cost funded + what is left; identities every month (80 runs)", () => {
    const months = fc.integer({ min: 1, max: 80 });
    const arbitrary = months.chain((n) =>
      fc.record({
        savings: fc.array(fc.double({ min: -2e5, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        paid: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        investorReinvested: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2e5, noNaN: true })), {
          minLength: n,
          maxLength: n,
        }),
        costProfile: fc.array(fc.double({ min: 0, max: 5e4, noNaN: true }), { minLength: 1, maxLength: 12 }),
        horizonMonths: fc.integer({ min: 1, max: n + 5 }),
        defaultCohortSize: fc.integer({ min: 1, max: 60 }),
        terms: fc.record({
          rule: fc.constantFrom("commissioner" as const, "provider" as const, "reinvested" as const),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          cohortSize: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        }),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ terms, ...rest }) => {
        const input: SurplusInputs = { ...rest, discountFactors: ones(rest.savings.length) };
        const flows = surplusFlowsCore(input, terms as SavingsSurplusTerms);
        const scale = 1 + Math.max(...input.savings.map(Math.abs), ...input.paid, ...input.investorReinvested) * 100;
        const tolerance = 1e-9 * scale; // 1e-9 relative to the largest amount (× 100 months), i.e. rounding only
        let balance = 0;
        for (let t = 0; t < flows.months; t++) {
          const surplus = flows.surplus[t] ?? Number.NaN;
          expect(surplus).toBeGreaterThanOrEqual(0);
          expect(
            Math.abs(surplus - (flows.kept[t] ?? 0) - (flows.provider[t] ?? 0) - (flows.reinvestedFromSavings[t] ?? 0)),
          ).toBeLessThanOrEqual(tolerance);
          const inflow = (flows.reinvestedFromSavings[t] ?? 0) + (flows.reinvestedFromInvestor[t] ?? 0);
          const next = flows.fundBalance[t] ?? Number.NaN;
          expect(Math.abs(balance + inflow - (flows.cohortCost[t] ?? 0) - next)).toBeLessThanOrEqual(tolerance);
          expect(next).toBeGreaterThanOrEqual(-tolerance);
          balance = next;
        }
        // Every recycled cohort is paid in full within the horizon: Σ cohort cost paid = Σ n × K of the cohorts.
        const funded = flows.cohorts.reduce((total, cohort) => total + cohort.cost, 0);
        expect(Math.abs(flows.totals.cohortCost - funded)).toBeLessThanOrEqual(tolerance);
        expect(
          Math.abs(
            flows.totals.reinvestedFromSavings + flows.totals.reinvestedFromInvestor - funded - flows.totals.unspent,
          ),
        ).toBeLessThanOrEqual(tolerance);
        expect(flows.largestResidual).toBeLessThanOrEqual(tolerance);
        // Cohorts start only when the fund covers them and end within the horizon.
        const costMonths = input.costProfile.reduce((last, cost, j) => (cost > 0 ? j + 1 : last), 0);
        for (const cohort of flows.cohorts) {
          expect(cohort.startMonth + costMonths).toBeLessThanOrEqual(Math.min(input.horizonMonths, flows.months));
        }
        if (terms.rule !== "reinvested") expect(flows.totals.reinvestedFromSavings).toBe(0);
      }),
      { numRuns: 80, seed: 154 },
    );
  });

  it("pilot with a capped investor: every kr has a recipient, the investor's reinvested share funds next cohorts too", () => {
    const pilot = expectOk(pilotScenario(2023));
    const businessCase = computeBusinessCase(pilot);
    // Prices × 1.5 so the payments pass the investor's cap of 1.1 × the principal.
    const terms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: PILOT_PAYMENT_TERMS.rateCard.map((l) => ({ ...l, price: l.price * 1.5 })),
    };
    const schedule = computePaymentSchedule(pilot, businessCase, terms);
    const investor = expectOk(
      investorTermsFromPairs([
        ["returnCap.multiple", 1.1],
        ["surplusShare.reinvested", 0.5],
        ["savingsSurplus.rule", "reinvested"],
        ["savingsSurplus.share", 0.5],
      ]),
    );
    const money = moneyFlowsCore(businessCase.monthly.cost, schedule.byPayer, investor);
    const flows = contractSurplusFlows(pilot, businessCase, schedule.discountFactor, money, investor.savingsSurplus);
    expect(money.totals.reinvested).toBeGreaterThan(0);
    expect(flows.totals.reinvestedFromInvestor).toBeCloseTo(money.totals.reinvested, 6);
    expect(flows.totals.reinvestedFromSavings).toBeGreaterThan(0);
    expect(Math.max(...money.residual.map(Math.abs))).toBeLessThan(1e-6);
    expect(flows.largestResidual).toBeLessThan(1e-6);
    // A recycled cohort of the pilot's 56 costs 56 × 79,236 kr = 4,437,216 kr.
    for (const cohort of flows.cohorts) expect(cohort.cost).toBeCloseTo(56 * pilot.costPerParticipant, 4);
    // The municipality's savings are the engine's narrow savings; it pays its net payments + the reinvested share.
    const savings = savingsByMonth(businessCase, "narrow").reduce((a, b) => a + b, 0);
    expect(flows.municipality.total.savings).toBeCloseTo(savings, 4);
    expect(flows.municipality.total.net).toBeCloseTo(
      savings -
        (money.totals.due - money.totals.toCommissioner.municipality - money.totals.toCommissioner.state) -
        flows.totals.reinvestedFromSavings,
      4,
    );
  });
});
