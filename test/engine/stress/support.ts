/**
 * Shared fixtures of the stress tests: the pilot's inputs, hand-calculated pilot figures and fast-check arbitraries of
 * payment terms, investor terms and scenario variants (no production code depends on this file).
 */
import fc from "fast-check";
import { expectOk } from "../../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS, type InvestorTerms } from "../../../src/engine/investor/terms";
import { pilotScenario } from "../../../src/engine/pilot";
import { PILOT_PAYMENT_TERMS, type MetricTerms, type PaymentTerms } from "../../../src/engine/payment/terms";
import type { Scenario } from "../../../src/engine/scenario";
import type { StressInputs } from "../../../src/engine/stress/model";
import { measuredWithin } from "../support/randomScenario";

export const pilot: Scenario = expectOk(pilotScenario(2023));

export const pilotInputs: StressInputs = {
  scenario: pilot,
  paymentTerms: PILOT_PAYMENT_TERMS,
  investorTerms: DEFAULT_INVESTOR_TERMS,
};

/** Pilot by hand: 56 participants, 79,236 kr each over 12 months, outcomes 15/55 self-supporting and 9/55 paid hours. */
export const N = 56;
export const MONTHLY_COST = (56 * 79_236) / 12; // 369,768 kr in months 0–11
export const SS = 15 / 55;
export const PH = 9 / 55;
/** The pilot terms pay N·(SS·198,090 + PH·99,045) = 3,932,986.91 kr in month 17 (14 + 3). */
export const PILOT_PAYMENT = N * (SS * 198_090 + PH * 99_045);
export const PAYMENT_MONTH = 17;

/** The investor's NPV at an effective annual hurdle h with the pilot's costs and one payment P at month 17. */
export function pilotInvestorNpv(hurdle: number, payment: number = PILOT_PAYMENT): number {
  const v = (1 + hurdle) ** (-1 / 12);
  let costs = 0;
  for (let t = 0; t < 12; t++) costs += MONTHLY_COST * v ** t;
  return payment * v ** PAYMENT_MONTH - costs;
}

/** Σ_{t<12} v^t · 369,768 / v^17: the payment at month 17 that gives NPV 0 at hurdle h. */
export function pilotRequiredPayment(hurdle: number): number {
  const v = (1 + hurdle) ** (-1 / 12);
  let costs = 0;
  for (let t = 0; t < 12; t++) costs += MONTHLY_COST * v ** t;
  return costs / v ** PAYMENT_MONTH;
}

/** Rate cards drawn from the pilot's metrics, with optional volume caps and chains. */
const rateCard: fc.Arbitrary<MetricTerms[]> = fc
  .tuple(
    fc.integer({ min: 0, max: 400_000 }),
    fc.integer({ min: 0, max: 200_000 }),
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 0, max: 50_000 }),
    fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    fc.boolean(),
  )
  .map(([ss, ph, s6, s12, capSs, capS6, chained]) => [
    { metric: "selfSupporting", price: ss, volumeCap: capSs, requires: null },
    { metric: "paidHours", price: ph, volumeCap: null, requires: null },
    { metric: "sustained6", price: s6, volumeCap: capS6, requires: chained ? "selfSupporting" : null },
    { metric: "sustained12", price: s12, volumeCap: null, requires: chained ? "sustained6" : null },
  ]);

/** Valid payment terms exercising every mechanism of the schedule, the monthly sustainment card included. */
export const paymentTermsArbitrary: fc.Arbitrary<PaymentTerms> = fc
  .record({
    rateCard,
    includeEducation: fc.boolean(),
    baseline: fc.oneof(
      fc.constant<PaymentTerms["baseline"]>({ kind: "none" }),
      fc.constant<PaymentTerms["baseline"]>({ kind: "comparison" }),
      fc
        .tuple(fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }))
        .map(([rate, paidHours]): PaymentTerms["baseline"] => ({ kind: "historical", rate, rates: { paidHours } })),
    ),
    threshold: fc.option(
      fc.record({
        pp: fc.double({ min: -5, max: 25, noNaN: true }),
        scope: fc.constantFrom<"metric" | "contract">("metric", "contract"),
        metric: fc.constantFrom<string | null>(null, "paidHours", "selfSupporting"),
      }),
      { nil: null },
    ),
    personCap: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
    contractCap: fc.option(fc.integer({ min: 0, max: 6_000_000 }), { nil: null }),
    savingsShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    savingsScope: fc.constantFrom<"narrow" | "broad">("narrow", "broad"),
    baseFee: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30_000 })),
    baseFeeTiming: fc.constantFrom<"intake" | "spread">("intake", "spread"),
    lagMonths: fc.integer({ min: 0, max: 40 }),
    municipalityShare: fc.double({ min: 0, max: 1, noNaN: true }),
    // The monthly sustainment card (issue 11): at most 6 months, so M 14 + D ≤ the shortest horizon (20) below.
    sustainment: fc.option(
      fc.record({ monthlyPrice: fc.integer({ min: 0, max: 8_000 }), months: fc.integer({ min: 1, max: 6 }) }),
      { nil: null },
    ),
  })
  .map((terms) => terms);

/** Valid investor terms (no hurdle; callers add one). */
export const investorTermsArbitrary = (withProtection: boolean): fc.Arbitrary<InvestorTerms> =>
  fc.record({
    draw: fc.constantFrom<"asNeeded" | "upfront">("asNeeded", "upfront"),
    returnCap: fc.record({
      irr: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: null }),
      multiple: fc.option(fc.double({ min: 1, max: 2, noNaN: true }), { nil: null }),
    }),
    surplusShare: fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((investor) => ({ investor, provider: 0, commissioner: 1 - investor, reinvested: 0 })),
    maxLoss: withProtection ? fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }) : fc.constant(null),
    topUpPayer: fc.constantFrom<"commissioner" | "guarantor">("commissioner", "guarantor"),
    hurdleRate: fc.option(fc.double({ min: -0.2, max: 0.3, noNaN: true }), { nil: null }),
  });

/** Pilot variants: one to three cohorts, persistence, horizon and costs timing. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    cohorts: fc.array(
      fc.record({ participants: fc.integer({ min: 1, max: 80 }), intakeMonth: fc.integer({ min: 0, max: 24 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    persistence: fc.constantFrom(1, 0.99, 0.95),
    horizonMonths: fc.integer({ min: 20, max: 72 }),
    costTiming: fc.constantFrom<"spread" | "upfront">("spread", "upfront"),
    weeksOnBenefitAtIntake: fc.constantFrom(0, 30, 104),
  })
  .map((change) => ({
    ...pilot,
    ...change,
    // At most the participants (the engine's rule, review F9).
    measuredParticipants: measuredWithin(pilot.measuredParticipants, change.cohorts),
  }));
