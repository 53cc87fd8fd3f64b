import fc from "fast-check";
import { describe, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import {
  EVERY_MECHANISM_INVESTOR,
  EVERY_MECHANISM_TERMS,
  everyMechanismScenario,
  expectPaymentSheetMatches,
  LONG_CARD_TERMS,
} from "./paymentMatch";
import { measuredWithin } from "../engine/support/randomScenario";

const pilot = expectOk(pilotScenario());

describe("the Payment sheet evaluated by HyperFormula equals the payment engine", () => {
  it("pilot terms (rate card, 3-month lag, municipality pays all)", () => {
    expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "da");
  });

  it("every mechanism at once: baseline, contract threshold, person/volume/contract caps, chain, savings share, base fee, payer split", () => {
    expectPaymentSheetMatches(everyMechanismScenario(pilot), EVERY_MECHANISM_TERMS, "en", EVERY_MECHANISM_INVESTOR);
  });

  it("a long rate card: a chain of five metrics and paid hours, a volume cap on every line, a contract threshold on paid hours, 8 cohorts", () => {
    const cohorts = Array.from({ length: 8 }, (_, index) => ({
      participants: 6 + index,
      intakeMonth: 5 * ((index * 3) % 8),
    }));
    expectPaymentSheetMatches({ ...pilot, cohorts, persistence: 0.99 }, LONG_CARD_TERMS, "da", {
      draw: "upfront",
      returnCap: { irr: 0.08, multiple: 1.5 },
      surplusShare: { investor: 0.2, provider: 0.3, reinvested: 0.1 },
      maxLoss: 0.5,
      hurdleRate: 0.05,
    });
  });

  it("investor terms: up-front draw, multiple cap, principal protection", () => {
    expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "da", {
      draw: "upfront",
      returnCap: { irr: null, multiple: 1.1 },
      maxLoss: 0.4,
      hurdleRate: 0.08,
    });
    const lowPrices: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: line.price / 4 })),
    };
    expectPaymentSheetMatches(pilot, lowPrices, "en", { maxLoss: 0.5, returnCap: { irr: 0.1, multiple: 1.5 } });
  });

  it("random terms and scenarios (property, 50 runs)", () => {
    const termsArbitrary = fc.record({
      prices: fc.array(fc.integer({ min: 0, max: 250_000 }), { minLength: 4, maxLength: 4 }),
      caps: fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { minLength: 4, maxLength: 4 }),
      chain: fc.boolean(),
      includeEducation: fc.boolean(),
      baseline: fc.constantFrom("none", "comparison", "historical"),
      historicalRate: fc.integer({ min: 0, max: 40 }).map((x) => x / 100),
      threshold: fc.option(fc.record({ pp: fc.integer({ min: 0, max: 20 }), contract: fc.boolean() }), { nil: null }),
      personCap: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null }),
      contractCap: fc.option(fc.integer({ min: 0, max: 8_000_000 }), { nil: null }),
      savingsShare: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
      broad: fc.boolean(),
      baseFee: fc.integer({ min: 0, max: 20_000 }),
      spread: fc.boolean(),
      lag: fc.integer({ min: 0, max: 12 }),
      municipalityShare: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
      cohorts: fc.array(
        fc.record({ participants: fc.integer({ min: 1, max: 80 }), intakeMonth: fc.integer({ min: 0, max: 18 }) }),
        { minLength: 1, maxLength: 3 },
      ),
      persistence: fc.integer({ min: 80, max: 100 }).map((x) => x / 100),
    });
    fc.assert(
      fc.property(termsArbitrary, (r) => {
        const metrics = ["selfSupporting", "paidHours", "sustained6", "sustained12"];
        const terms: PaymentTerms = {
          rateCard: metrics.map((metric, k) => ({
            metric,
            price: r.prices[k] ?? 0,
            volumeCap: r.caps[k] ?? null,
            requires:
              r.chain && k >= 2 ? (metrics[k - 1] === "paidHours" ? "selfSupporting" : (metrics[k - 1] ?? null)) : null,
          })),
          includeEducation: r.includeEducation,
          baseline:
            r.baseline === "historical"
              ? { kind: "historical", rate: r.historicalRate, rates: { paidHours: r.historicalRate / 2 } }
              : r.baseline === "comparison"
                ? { kind: "comparison" }
                : { kind: "none" },
          threshold:
            r.threshold === null
              ? null
              : { pp: r.threshold.pp, scope: r.threshold.contract ? "contract" : "metric", metric: null },
          personCap: r.personCap,
          contractCap: r.contractCap,
          savingsShare: r.savingsShare,
          savingsScope: r.broad ? "broad" : "narrow",
          baseFee: r.baseFee,
          baseFeeTiming: r.spread ? "spread" : "intake",
          lagMonths: r.lag,
          municipalityShare: r.municipalityShare,
        };
        expectPaymentSheetMatches(
          {
            ...pilot,
            cohorts: r.cohorts,
            measuredParticipants: measuredWithin(pilot.measuredParticipants, r.cohorts),
            persistence: r.persistence,
          },
          terms,
        );
      }),
      { numRuns: 50, seed: 20261123 },
    );
  }, 300_000); // 50 workbooks recalculated in HyperFormula: ~40 s alone, over 60 s on a loaded 2-core machine
});
