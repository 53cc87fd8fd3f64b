import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { irr } from "../../../src/engine/investor/irr";
import { npvCore } from "../../../src/engine/investor/npv";
import { periodRate } from "../../../src/engine/investor/rates";
import { investorTerms, type InvestorTermsInput } from "../../../src/engine/investor/terms";
import { investorFlows, waterfallBuffers, waterfallCore } from "../../../src/engine/investor/waterfall";
import { pilotScenario } from "../../../src/engine/pilot";
import { runBusinessCase } from "../../../src/engine/run";

/** Payments of `amount` in month `month` of a `months`-long horizon. */
function paymentAt(month: number, amount: number, months = month + 1): number[] {
  return Array.from({ length: months }, (_, t) => (t === month ? amount : 0));
}

describe("investorFlows: hand calculations", () => {
  it("100 drawn at month 0, 110 paid at month 12: 10 % effective per year, multiple 1.1", () => {
    const result = expectOk(investorFlows([100], paymentAt(12, 110)));
    expect(result.months).toBe(13);
    expect(result.netFlow).toEqual([-100, ...new Array<number>(11).fill(0), 110]);
    const rate = expectOk(result.metrics.irr);
    expect(rate.effectiveAnnualRate).toBeCloseTo(0.1, 13);
    expect(rate.rate).toBeCloseTo(Math.pow(1.1, 1 / 12) - 1, 14);
    expect(result.metrics.moneyMultiple).toBeCloseTo(1.1, 15);
    expect(result.metrics.netGain).toBeCloseTo(10, 12);
    expect(result.metrics.npvAtHurdle).toBeNull();
    expect(result.capReached).toBe(false);
  });

  it("doc examples: the core writes −100, 110; 121 two months after an upfront 100 is 10 % a month", () => {
    const out = waterfallBuffers(2);
    waterfallCore([100], [0, 110], expectOk(investorTerms()), out);
    expect(Array.from(out.netFlow)).toEqual([-100, 110]);
    const result = expectOk(investorFlows([100], [0, 0, 121], { draw: "upfront" }));
    expect(result.netFlow).toEqual([-100, 0, 121]);
    expect(expectOk(result.metrics.irr).rate).toBeCloseTo(0.1, 13);
  });

  it("draws as costs fall due or all up front", () => {
    const payments = paymentAt(3, 120);
    expect(expectOk(investorFlows([50, 50], payments)).netFlow).toEqual([-50, -50, 0, 120]);
    const upfront = expectOk(investorFlows([50, 50], payments, { draw: "upfront" }));
    expect(upfront.netFlow).toEqual([-100, 0, 0, 120]);
    expect(upfront.drawn).toEqual([100, 0, 0, 0]);
  });

  it("an IRR cap of 5 % a year pays 105 of 110 after 12 months; the surplus of 5 goes to the commissioner", () => {
    const result = expectOk(investorFlows([100], paymentAt(12, 110), { returnCap: { irr: 0.05 } }));
    expect(result.distributions[12]).toBeCloseTo(105, 10); // 100 · (1.05^(1/12))^12
    expect(result.surplus[12]).toBeCloseTo(5, 10);
    expect(result.surplusSplit.commissioner[12]).toBeCloseTo(5, 10);
    expect(expectOk(result.metrics.irr).effectiveAnnualRate).toBeCloseTo(0.05, 12);
    expect(result.capReached).toBe(true);
  });

  it("an IRR cap of 1 % a month with draws of 100 in months 0 and 1 allows 100·1.01² + 100·1.01 = 203.01 in month 2", () => {
    const monthly = 0.01;
    const result = expectOk(
      investorFlows([100, 100], paymentAt(2, 300), { returnCap: { irr: Math.pow(1 + monthly, 12) - 1 } }),
    );
    expect(result.distributions[2]).toBeCloseTo(203.01, 9);
    expect(result.surplus[2]).toBeCloseTo(96.99, 9);
    expect(expectOk(result.metrics.irr).rate).toBeCloseTo(0.01, 12);
  });

  it("a multiple cap of 1.02 pays 102; half the surplus of 8 to the investor, 30 % to the provider", () => {
    const terms: InvestorTermsInput = {
      returnCap: { multiple: 1.02 },
      surplusShare: { investor: 0.5, provider: 0.3 },
    };
    const result = expectOk(investorFlows([100], paymentAt(12, 110), terms));
    expect(result.distributions[12]).toBeCloseTo(102, 12);
    expect(result.surplusSplit.investor[12]).toBeCloseTo(4, 12);
    expect(result.surplusSplit.provider[12]).toBeCloseTo(2.4, 12);
    expect(result.surplusSplit.commissioner[12]).toBeCloseTo(1.6, 12);
    expect(result.netFlow[12]).toBeCloseTo(106, 12);
    expect(result.metrics.moneyMultiple).toBeCloseTo(1.06, 12);
  });

  it("a maximum loss of 40 % tops 20 received up to 60 in the last month, paid by the named payer", () => {
    const result = expectOk(investorFlows([100], paymentAt(6, 20, 13), { maxLoss: 0.4, topUpPayer: "guarantor" }));
    expect(result.topUp[12]).toBeCloseTo(40, 12);
    expect(result.topUpPayer).toBe("guarantor");
    expect(result.netFlow[6]).toBe(20);
    expect(result.netFlow[12]).toBeCloseTo(40, 12);
    expect(result.metrics.moneyMultiple).toBeCloseTo(0.6, 12);
    expect(expectOk(investorFlows([100], paymentAt(6, 70, 13), { maxLoss: 0.4 })).topUpPayer).toBeNull();
  });

  it("with a top-up, an earlier payment replaces part of it: same total, and at a negative IRR a lower IRR", () => {
    // Max loss 50 %: the investor gets 50 back in any case. Paid at month 12 (top-up) or 40 at month 6 + 10 at 12.
    const late = expectOk(investorFlows([100], paymentAt(12, 0), { maxLoss: 0.5 }));
    const early = expectOk(investorFlows([100], paymentAt(6, 40, 13), { maxLoss: 0.5 }));
    expect(late.totals.returned).toBeCloseTo(50, 12);
    expect(early.totals.returned).toBeCloseTo(50, 12);
    // Late: 100 → 50 after 12 months, 1 + r = 0.5^(1/12). Early money counts less at a negative rate.
    expect(expectOk(late.metrics.irr).rate).toBeCloseTo(Math.pow(0.5, 1 / 12) - 1, 13);
    expect(expectOk(early.metrics.irr).rate).toBeLessThan(expectOk(late.metrics.irr).rate);
  });

  it("NPV at a hurdle of 10 % a year of −100 then 121 after 24 months is 0", () => {
    const result = expectOk(investorFlows([100], paymentAt(24, 121), { hurdleRate: 0.1 }));
    expect(result.metrics.npvAtHurdle).toBeCloseTo(0, 10);
  });

  it("no outcome payments: the IRR is NoSignChange as data, the multiple 0", () => {
    const result = expectOk(investorFlows([100, 100], [0, 0, 0]));
    expect(result.metrics.irr.ok ? "" : result.metrics.irr.issues[0]?.code).toBe("NoSignChange");
    expect(result.metrics.moneyMultiple).toBe(0);
  });

  it("rejects negative or non-finite series and costs that sum to 0, naming the entry", () => {
    const failed = (result: ReturnType<typeof investorFlows>) => (result.ok ? [] : result.issues.map((i) => i.field));
    expect(failed(investorFlows([100, -1], [0]))).toEqual(["costByMonth[1]"]);
    expect(failed(investorFlows([100], [0, Number.NaN]))).toEqual(["paymentsByMonth[1]"]);
    expect(failed(investorFlows([0, 0], [10]))).toEqual(["costByMonth"]);
    expect(failed(investorFlows([100], [10], { maxLoss: 2 }))).toEqual(["terms.maxLoss"]);
  });
});

describe("investorFlows: the pilot", () => {
  const pilot = expectOk(runBusinessCase(expectOk(pilotScenario(2023))));
  const costs = [...pilot.monthly.cost];

  it("draws 79,236 kr × 56 participants = 4,437,216 kr as 369,768 kr a month over 12 months", () => {
    const result = expectOk(investorFlows(costs, paymentAt(24, 5_000_000, pilot.months)));
    expect(result.totals.drawn).toBeCloseTo(79_236 * 56, 6);
    expect(result.drawn.slice(0, 12)).toEqual(new Array<number>(12).fill(369_768));
    expect(result.metrics.moneyMultiple).toBeCloseTo(5_000_000 / 4_437_216, 12);
  });

  it("5,000,000 kr at month 24: the monthly IRR solves 369,768 · (1 − v^12)/(1 − v) = 5,000,000 · v^24, v = 1/(1 + r)", () => {
    const result = expectOk(investorFlows(costs, paymentAt(24, 5_000_000, pilot.months)));
    const rate = expectOk(result.metrics.irr).rate;
    const v = 1 / (1 + rate);
    const presentValueOfDraws = (369_768 * (1 - Math.pow(v, 12))) / (1 - v);
    expect(presentValueOfDraws / (5_000_000 * Math.pow(v, 24))).toBeCloseTo(1, 12);
    expect(expectOk(result.metrics.irr).effectiveAnnualRate).toBeCloseTo(Math.pow(1 + rate, 12) - 1, 14);
  });
});

/** Random pilot-like deals: costs over up to 12 months, outcome payments over up to 48 months, random terms. */
const kroner = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((v) => v / 100);
const deal = fc.record({
  costs: fc.array(kroner(500_000), { minLength: 1, maxLength: 12 }).filter((c) => c.some((v) => v > 0)),
  payments: fc.array(fc.oneof(fc.constant(0), kroner(3_000_000)), { minLength: 1, maxLength: 48 }),
  draw: fc.constantFrom("asNeeded" as const, "upfront" as const),
  capIrr: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: null }),
  capMultiple: fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: null }),
  maxLoss: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  investorShare: fc.constantFrom(0, 0.25, 0.5),
});

type Deal = typeof deal extends fc.Arbitrary<infer T> ? T : never;

function termsOf(d: Deal, investorShare = d.investorShare): InvestorTermsInput {
  return {
    draw: d.draw,
    returnCap: { irr: d.capIrr, multiple: d.capMultiple },
    maxLoss: d.maxLoss,
    surplusShare: { investor: investorShare },
  };
}

describe("investorFlows: properties", () => {
  it("accounts add up: payments = distributions + surplus; net flows = returned − drawn", () => {
    fc.assert(
      fc.property(deal, (d) => {
        const result = expectOk(investorFlows(d.costs, d.payments, termsOf(d)));
        const { totals } = result;
        expect(totals.distributions + totals.surplus).toBeCloseTo(totals.payments, 4);
        const net = result.netFlow.reduce((sum, flow) => sum + flow, 0);
        expect(net).toBeCloseTo(totals.returned - totals.drawn, 4);
        const split = result.surplusSplit;
        const splitTotal = [split.investor, split.provider, split.commissioner, split.reinvested]
          .flat()
          .reduce((a, b) => a + b, 0);
        expect(splitTotal).toBeCloseTo(totals.surplus, 4);
      }),
      { numRuns: 200 },
    );
  });

  it("the capped return never exceeds the cap (IRR cap and multiple cap, no investor surplus share)", () => {
    fc.assert(
      fc.property(deal, (d) => {
        const result = expectOk(investorFlows(d.costs, d.payments, termsOf(d, 0)));
        if (d.capMultiple !== null) expect(result.metrics.moneyMultiple).toBeLessThanOrEqual(d.capMultiple + 1e-12);
        if (d.capIrr !== null) {
          // The investor's NPV at the cap rate is never positive (up to rounding of the gross flows) ...
          const gross = result.totals.drawn + result.totals.returned;
          expect(npvCore(periodRate(d.capIrr), result.netFlow)).toBeLessThanOrEqual(1e-12 * gross);
          // ... so the IRR is at most the cap (netting draws and receipts in one month costs a few digits).
          if (result.metrics.irr.ok) {
            expect(result.metrics.irr.value.effectiveAnnualRate).toBeLessThanOrEqual(d.capIrr + 1e-7);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("principal protection pays exactly the shortfall: returned = max((1 − L) × principal, what the deal paid)", () => {
    fc.assert(
      fc.property(deal, (d) => {
        const result = expectOk(investorFlows(d.costs, d.payments, termsOf(d)));
        const { drawn, distributions, surplusToInvestor, topUp, returned } = result.totals;
        const paid = distributions + surplusToInvestor;
        // Two-sided (review M35): never below the floor, and never a krone more than the floor needs.
        const expected = d.maxLoss === null ? paid : Math.max((1 - d.maxLoss) * drawn, paid);
        expect(Math.abs(returned - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, expected));
        expect(Math.abs(topUp - (expected - paid))).toBeLessThanOrEqual(1e-6 * Math.max(1, expected));
      }),
      { numRuns: 300 },
    );
  });

  it("principal protection by hand: costs 100 + 100, payment 150, IRR cap 0, half the surplus, no loss allowed", () => {
    // Drawn 100 + 100. The 150 arrives in month 0, when the capital account (IRR cap 0) holds 100: 100 is distributed,
    // the surplus of 50 goes half to the investor (25). Paid 125; the floor (1 − 0) × 200 = 200 needs a top-up of 75.
    // A top-up that ignores the investor's surplus share would pay 100 and return 225 (review M35).
    const result = expectOk(
      investorFlows([100, 100], [150, 0], {
        returnCap: { irr: 0, multiple: null },
        surplusShare: { investor: 0.5, provider: 0.5, commissioner: 0, reinvested: 0 },
        maxLoss: 0,
      }),
    );
    expect(result.totals.drawn).toBe(200);
    expect(result.totals.distributions).toBeCloseTo(100, 9);
    expect(result.totals.surplusToInvestor).toBeCloseTo(25, 9);
    expect(result.totals.topUp).toBeCloseTo(75, 9);
    expect(result.totals.returned).toBeCloseTo(200, 9);
  });

  it("a higher outcome payment never lowers the investor's IRR (payments after the last draw, no top-up)", () => {
    const raise = fc.record({ d: deal, month: fc.nat(), increase: kroner(2_000_000).filter((v) => v > 0) });
    fc.assert(
      fc.property(raise, ({ d, month, increase }) => {
        const first = d.draw === "upfront" ? 1 : d.costs.length;
        const payments = [...new Array<number>(first).fill(0), ...d.payments];
        const raised = [...payments];
        const k = first + (month % d.payments.length);
        raised[k] = (raised[k] ?? 0) + increase;
        const terms = { ...termsOf(d), maxLoss: null };
        const before = expectOk(investorFlows(d.costs, payments, terms)).metrics.irr;
        const after = expectOk(investorFlows(d.costs, raised, terms)).metrics.irr;
        if (before.ok && after.ok) expect(after.value.rate).toBeGreaterThanOrEqual(before.value.rate - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("the core writes the same flows into reused buffers", () => {
    fc.assert(
      fc.property(deal, (d) => {
        const terms = expectOk(investorTerms(termsOf(d)));
        const out = waterfallBuffers(Math.max(d.costs.length, d.payments.length));
        waterfallCore(d.costs, d.payments, expectOk(investorTerms({ maxLoss: 0.5 })), out);
        const totals = waterfallCore(d.costs, d.payments, terms, out);
        const result = expectOk(investorFlows(d.costs, d.payments, terms));
        expect(Array.from(out.netFlow)).toEqual(result.netFlow);
        expect(totals).toEqual(result.totals);
        if (result.metrics.irr.ok)
          expect(expectOk(irr(Array.from(out.netFlow))).rate).toBe(result.metrics.irr.value.rate);
      }),
      { numRuns: 100 },
    );
  });
});
