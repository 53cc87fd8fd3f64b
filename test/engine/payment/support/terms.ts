import fc from "fast-check";
import type { MetricTerms, PaymentTerms } from "../../../../src/engine/payment/terms";

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
