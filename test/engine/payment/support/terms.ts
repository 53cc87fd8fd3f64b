import fc from "fast-check";
import type { MetricTerms, PaymentTerms } from "../../../../src/engine/payment/terms";
import {
  NO_DEAL_COSTS,
  type CappedSurplus,
  type DealCosts,
  type InvestorTerms,
} from "../../../../src/engine/investor/terms";

/** Any of the three baselines: none, the comparison group, or a historical rate of 0–30 %. */
export const anyBaseline: fc.Arbitrary<PaymentTerms["baseline"]> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.constant({ kind: "comparison" as const }),
  fc.double({ min: 0, max: 0.3, noNaN: true }).map((rate) => ({ kind: "historical" as const, rate, rates: {} })),
);

/** Random payment terms for the pilot (prices, volume caps, person and contract caps, thresholds, baselines, fees, lag). */
export function termsArbitrary(
  baseline: fc.Arbitrary<PaymentTerms["baseline"]> = anyBaseline,
): fc.Arbitrary<PaymentTerms> {
  return fc.record({
    rateCard: fc
      .tuple(
        fc.double({ min: 0, max: 300_000, noNaN: true }),
        fc.double({ min: 0, max: 300_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }),
        fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }),
      )
      .map(([ss, ph, s6, s12, capSS, capS6]): MetricTerms[] => [
        { metric: "selfSupporting", price: ss, volumeCap: capSS, requires: null },
        { metric: "paidHours", price: ph, volumeCap: null, requires: null },
        { metric: "sustained6", price: s6, volumeCap: capS6, requires: "selfSupporting" },
        { metric: "sustained12", price: s12, volumeCap: null, requires: "sustained6" },
      ]),
    includeEducation: fc.boolean(),
    baseline,
    threshold: fc.option(
      fc.record({
        pp: fc.double({ min: -5, max: 20, noNaN: true }),
        scope: fc.constantFrom("metric" as const, "contract" as const),
        metric: fc.constant(null),
      }),
      { nil: null },
    ),
    personCap: fc.option(fc.double({ min: 0, max: 400_000, noNaN: true }), { nil: null }),
    contractCap: fc.option(fc.double({ min: 0, max: 8e6, noNaN: true }), { nil: null }),
    savingsShare: fc.double({ min: 0, max: 1, noNaN: true }),
    savingsScope: fc.constantFrom("narrow" as const, "broad" as const),
    baseFee: fc.double({ min: 0, max: 20_000, noNaN: true }),
    baseFeeTiming: fc.constantFrom("intake" as const, "spread" as const),
    lagMonths: fc.integer({ min: 0, max: 24 }),
    municipalityShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });
}

/** Random surplus shares summing to 1 (commissioner takes the remainder, exact up to rounding). */
const surplusShares = fc
  .tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([a, b, c]) => {
    const total = a + b + c + 1;
    const investor = a / total;
    const provider = b / total;
    const reinvested = c / total;
    return { investor, provider, reinvested, commissioner: Math.max(0, 1 - investor - provider - reinvested) };
  });

/** Random deal costs (each often 0, and all 0 in about half the cases), kr. */
export const dealCostsArbitrary: fc.Arbitrary<DealCosts> = fc.oneof(
  fc.constant(NO_DEAL_COSTS),
  fc.record({
    setup: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500_000, noNaN: true })),
    evaluation: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 300_000, noNaN: true })),
    intermediaryOneOff: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200_000, noNaN: true })),
    intermediaryYearly: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100_000, noNaN: true })),
    intermediaryYears: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    providerNonDelivery: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 300_000, noNaN: true })),
  }),
);

/**
 * Random complete investor terms: draw timing, IRR and multiple caps (often tight, so they bind), surplus shares,
 * principal protection and its payer, hurdle, the capped-surplus rule and deal costs.
 */
export const investorTermsArbitrary: fc.Arbitrary<InvestorTerms> = fc.record({
  draw: fc.constantFrom<"asNeeded" | "upfront">("asNeeded", "upfront"),
  returnCap: fc.record({
    irr: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: null }),
    multiple: fc.option(fc.double({ min: 1, max: 2, noNaN: true }), { nil: null }),
  }),
  surplusShare: surplusShares,
  maxLoss: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  topUpPayer: fc.constantFrom<"commissioner" | "guarantor">("commissioner", "guarantor"),
  hurdleRate: fc.option(fc.double({ min: -0.2, max: 0.3, noNaN: true }), { nil: null }),
  cappedSurplus: fc.constantFrom<CappedSurplus>("withheld", "returned"),
  dealCosts: dealCostsArbitrary,
});

/**
 * Adds a random sustainment card (issue 11 item 3: 0–10,000 kr per month in work for 1–36 months, within the pilot's
 * horizon 50 from its measurement month 14) to random payment terms. Opt-in: the workbook's payment formulas
 * (test/plan) do not write the card yet.
 */
export function withSustainment(terms: fc.Arbitrary<PaymentTerms>): fc.Arbitrary<PaymentTerms> {
  return fc
    .tuple(
      terms,
      fc.record({
        monthlyPrice: fc.double({ min: 0, max: 10_000, noNaN: true }),
        months: fc.integer({ min: 1, max: 36 }),
      }),
    )
    .map(([base, sustainment]) => ({ ...base, sustainment }));
}
