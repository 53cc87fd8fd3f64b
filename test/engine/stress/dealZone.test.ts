import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../../src/engine/payment/terms";
import { evaluateDeal, withLinePrice, withPriceFactor } from "../../../src/engine/stress/deal";
import { dealZone, requireDealZone, type DealZone } from "../../../src/engine/stress/dealZone";
import type { StressInputs } from "../../../src/engine/stress/model";
import { PILOT_PAYMENT, pilot, pilotInputs, pilotRequiredPayment } from "./support";

/** The municipality's discounted savings before the cost (5,930,079 kr, docs/payment.md). */
const savingsPv = computePaymentSchedule(pilot, computeBusinessCase(pilot), PILOT_PAYMENT_TERMS).municipality.discounted
  .savings;
/** Its discounted payments under the pilot terms: 3,932,987 kr in month 17 at DF = 1.035^(−17.5/12). */
const paymentsPv = PILOT_PAYMENT * 1.035 ** (-17.5 / 12);

function zone(
  inputs: StressInputs,
  hurdleRate: number,
  municipalityShare: number,
  metric: string | null = null,
): DealZone {
  return expectOk(dealZone(inputs, { hurdleRate, municipalityShare, metric }));
}

describe("the pilot's deal zone, by hand", () => {
  it("hurdle 8 %, the municipality pays up to all its savings: prices from 121.5 % to 158.5 % of the card", () => {
    expect(savingsPv).toBeCloseTo(5_930_079.32, 1);
    const result = expectOk(requireDealZone(zone(pilotInputs, 0.08, 1)));
    // Low: the payment the 8 % hurdle needs in month 17, over the card's payment. High: savings over payments (PV).
    expect(result.low.value).toBeCloseTo(pilotRequiredPayment(0.08) / PILOT_PAYMENT, 10);
    expect(result.high?.value).toBeCloseTo(savingsPv / paymentsPv, 10);
    expect(result.low.value).toBeCloseTo(1.2149, 4);
    expect(result.high?.value).toBeCloseTo(1.5854, 4);
    expect(result.low.investorIrr).toBeCloseTo(0.08, 9);
    expect(result.low.price).toBeCloseTo(198_090 * result.low.value, 6);
    expect(result.high?.municipalityPaymentsPv).toBeLessThanOrEqual(savingsPv + 1e-6);
    expect(result.municipalityLimitPv).toBe(savingsPv);
  });

  it("the municipality keeping 20 % (share 0.8): high = 0.8 · savings / payments = 1.268", () => {
    const result = expectOk(requireDealZone(zone(pilotInputs, 0.08, 0.8)));
    expect(result.high?.value).toBeCloseTo((0.8 * savingsPv) / paymentsPv, 10);
  });

  it("share 0.5: empty, the investor needs more (1.215) than the municipality can pay (0.793)", () => {
    const result = zone(pilotInputs, 0.08, 0.5);
    expect(result.empty).toBe(true);
    if (!result.empty) return;
    expect(result.code).toBe("investorNeedsMore");
    expect(result.investorNeeds?.value).toBeCloseTo(1.2149, 4);
    expect(result.municipalityAccepts?.value).toBeCloseTo((0.5 * savingsPv) / paymentsPv, 10);
    expect(result.reason).toContain("No deal: the investor's 8 % hurdle needs a price factor of at least 1.21486");
  });

  it("metric mode: the paid-hours price in kr, other prices as given", () => {
    const result = expectOk(requireDealZone(zone(pilotInputs, 0.08, 1, "paidHours")));
    // 56 · (15/55 · 198,090 + 9/55 · x) = required payment at month 17.
    const low = (pilotRequiredPayment(0.08) / 56 - (15 / 55) * 198_090) / (9 / 55);
    expect(result.unit).toBe("kr");
    expect(result.low.value).toBeCloseTo(low, 4);
    expect(result.low.factor).toBeCloseTo(low / 99_045, 10);
    const fixedPv = 56 * (15 / 55) * 198_090 * 1.035 ** (-17.5 / 12);
    const perKronePv = 56 * (9 / 55) * 1.035 ** (-17.5 / 12);
    expect(result.high?.value).toBeCloseTo((savingsPv - fixedPv) / perKronePv, 3);
  });
});

describe("empty zones say why", () => {
  it("a return cap below the hurdle: the investor never reaches it", () => {
    const inputs = {
      ...pilotInputs,
      investorTerms: { ...pilotInputs.investorTerms, returnCap: { irr: 0.05, multiple: null } },
    };
    const result = zone(inputs, 0.08, 1);
    expect(result.empty && result.code).toBe("investorNeverReaches");
  });

  it("a base fee above the municipality's savings: it cannot pay even at price 0", () => {
    const inputs = { ...pilotInputs, paymentTerms: { ...PILOT_PAYMENT_TERMS, baseFee: 120_000 } };
    const result = zone(inputs, 0.08, 1);
    expect(result.empty && result.code).toBe("municipalityCannotPay");
    expect(result.empty ? result.investorNeeds?.value : -1).toBe(0); // the fee alone pays the investor
  });

  it("a contract cap below the savings: no upper limit (high null) when the investor still reaches the hurdle", () => {
    const inputs = { ...pilotInputs, paymentTerms: { ...PILOT_PAYMENT_TERMS, contractCap: 5_000_000 } };
    const result = expectOk(requireDealZone(zone(inputs, 0.05, 1)));
    expect(result.high).toBeNull();
  });

  it("checked options: hurdle, share and metric", () => {
    const result = dealZone(pilotInputs, { hurdleRate: -1, municipalityShare: 0, metric: "jobs" });
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual([
      "hurdleRate",
      "municipalityShare",
      "metric",
    ]);
    const unpriced = {
      ...pilotInputs,
      paymentTerms: {
        ...PILOT_PAYMENT_TERMS,
        rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: 0 })),
      },
    };
    const noPrice = dealZone(unpriced, { hurdleRate: 0, municipalityShare: 1, metric: null });
    expect(noPrice.ok ? "" : noPrice.issues[0]?.field).toBe("prices");
  });
});

describe("properties", () => {
  const termsArbitrary: fc.Arbitrary<PaymentTerms> = fc
    .record({
      priceFactor: fc.double({ min: 0.2, max: 3, noNaN: true }),
      lagMonths: fc.integer({ min: 0, max: 24 }),
      baseline: fc.constantFrom<PaymentTerms["baseline"]>({ kind: "none" }, { kind: "comparison" }),
      personCap: fc.option(fc.integer({ min: 100_000, max: 400_000 }), { nil: null }),
      baseFee: fc.constantFrom(0, 5_000),
    })
    .map(({ priceFactor, ...change }) => ({ ...withPriceFactor(PILOT_PAYMENT_TERMS, priceFactor), ...change }));

  it("the ends satisfy both conditions: investor NPV ≥ 0 at the low end, municipality within its limit at the high end", () => {
    fc.assert(
      fc.property(
        termsArbitrary,
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (terms, hurdle, share) => {
          const inputs = { ...pilotInputs, paymentTerms: terms };
          const result = zone(inputs, hurdle, share);
          if (result.empty) {
            if (result.code === "investorNeedsMore") {
              expect(result.investorNeeds?.value ?? 0).toBeGreaterThan(result.municipalityAccepts?.value ?? Infinity);
            }
            return;
          }
          const atLow = evaluateDeal({ ...inputs, paymentTerms: withPriceFactor(terms, result.low.value) }, hurdle);
          expect(atLow.investorNpv).toBeGreaterThanOrEqual(0);
          expect(atLow.municipalityPaymentsPv).toBeLessThanOrEqual(result.municipalityLimitPv + 1e-6);
          if (result.low.value > 0) {
            const below = evaluateDeal(
              { ...inputs, paymentTerms: withPriceFactor(terms, result.low.value * (1 - 1e-9)) },
              hurdle,
            );
            expect(below.investorNpv).toBeLessThan(1e-3); // at the boundary, within the solver's tolerance
          }
          if (result.high === null) return;
          const atHigh = evaluateDeal({ ...inputs, paymentTerms: withPriceFactor(terms, result.high.value) }, hurdle);
          expect(atHigh.municipalityPaymentsPv).toBeLessThanOrEqual(result.municipalityLimitPv + 1e-6);
          expect(atHigh.investorNpv).toBeGreaterThanOrEqual(0);
          const above = evaluateDeal(
            { ...inputs, paymentTerms: withPriceFactor(terms, result.high.value * (1 + 1e-9)) },
            hurdle,
          );
          expect(above.municipalityPaymentsPv).toBeGreaterThan(result.municipalityLimitPv - 1e-3);
        },
      ),
      { numRuns: 25, seed: 5 },
    );
  });

  it("metric mode agrees with factor mode when the card has one priced metric", () => {
    const single = withLinePrice(withLinePrice(PILOT_PAYMENT_TERMS, 1, 0), 0, 200_000);
    const inputs = { ...pilotInputs, paymentTerms: single };
    const byFactor = expectOk(requireDealZone(zone(inputs, 0.06, 0.9)));
    const byPrice = expectOk(requireDealZone(zone(inputs, 0.06, 0.9, "selfSupporting")));
    expect(byPrice.low.value).toBeCloseTo(byFactor.low.price, 3);
    expect(byPrice.high?.value).toBeCloseTo(byFactor.high?.price ?? 0, 3);
  });
});
