/**
 * Issue 11 item 3 in the Monte Carlo: SIB.SIMULATE draws the monthly sustainment card (sustainment.monthlyPrice > 0)
 * instead of refusing it. With the draw's effect fixed (the scenario's own shares, or a fixed effect multiplier and
 * persistence without noise) the draw's payments must equal the deterministic engine's schedule
 * (computePaymentSchedule, whose card is sustainmentScheduleCore) month by month, for the pilot with an illustrative
 * card and for random cards with every cap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { municipalityAfterContract } from "../../../src/engine/investor/moneyFlows";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import type { PaymentTerms } from "../../../src/engine/payment/terms";
import { validateScenario } from "../../../src/engine/validate";
import {
  drawResult,
  drawWorkspace,
  evaluateDraw,
  profileInto,
  setAllCohortShares,
} from "../../../src/engine/stress/draw";
import { evaluateDeal } from "../../../src/engine/stress/deal";
import { sharesAtMultiplier } from "../../../src/engine/stress/effectScale";
import { compileStressModel, stressModel, type StressInputs } from "../../../src/engine/stress/model";
import { seededGenerator } from "../../../src/engine/stress/random";
import { simulate, simulateModel } from "../../../src/engine/stress/simulate";
import { NO_UNCERTAINTY } from "../../../src/engine/stress/uncertainty";
import {
  investorTermsArbitrary,
  N,
  PILOT_PAYMENT,
  paymentTermsArbitrary,
  pilot,
  pilotInputs,
  scenarioArbitrary,
  SS,
} from "./support";

/** The pilot with an illustrative card (not sourced): 2,000 kr per participant and month in work for 12 months. */
const pilotCard: StressInputs = {
  ...pilotInputs,
  paymentTerms: { ...pilotInputs.paymentTerms, sustainment: { monthlyPrice: 2_000, months: 12 } },
};

/** One draw with the scenario's own shares, measured comparison = the true one, the scenario's persistence. */
function degenerateDraw(inputs: StressInputs): { total: number[]; result: ReturnType<typeof drawResult> } {
  const model = compileStressModel(inputs);
  const workspace = drawWorkspace(model);
  setAllCohortShares(workspace, model.effect.participant);
  workspace.comparisonGroupShares.set(model.comparisonGroupShares);
  profileInto(model, workspace, inputs.scenario.persistence);
  const result = drawResult();
  evaluateDraw(model, workspace, inputs.scenario.persistence, 1, false, result);
  return { total: Array.from(workspace.total.subarray(0, result.months)), result };
}

/** |a − b| ≤ 1e-9 × max(1, |b|) in every month, and the same length. */
function expectSameMonths(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, t) => {
    expect(Math.abs((actual[t] as number) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
  });
}

describe("the Monte Carlo draws the monthly sustainment card as the engine's schedule does", () => {
  it("pilot, 2,000 kr a month for 12 months: 56 × 15/55 × 2,000 = 30,545.45 kr in each of months 17–28", () => {
    const { total, result } = degenerateDraw(pilotCard);
    // By hand: the gross card pays N·SS·price every month j = 0 … 11 at intake 0 + M 14 + j + lag 3 (ρ = 1).
    const monthly = N * SS * 2_000;
    expect(monthly).toBeCloseTo(30_545.454545, 5);
    expect(total[17]).toBeCloseTo(PILOT_PAYMENT + monthly, 6);
    for (let t = 18; t <= 28; t++) expect(total[t]).toBeCloseTo(monthly, 6);
    expect(total[16]).toBe(0);
    expect(total[29] ?? 0).toBe(0);
    expect(result.paymentTotal).toBeCloseTo(PILOT_PAYMENT + 12 * monthly, 5); // 3,932,986.91 + 366,545.45
    // And the engine's schedule, month by month (bit for bit: the same operations in the same order).
    const schedule = computePaymentSchedule(pilot, computeBusinessCase(pilot), pilotCard.paymentTerms);
    expectSameMonths(total, schedule.total);
    expect(total).toEqual(schedule.total);
    expect(schedule.totals.sustainment).toBeCloseTo(12 * monthly, 5);
    expect(result.outcomeTriggered).toBe(true);
  });

  it("the simulation no longer refuses the card, and a draw without noise pays the engine's total", () => {
    const summary = expectOk(simulate(pilotCard, NO_UNCERTAINTY, 5, seededGenerator(1)));
    expect(summary.meanPayment).toBeCloseTo(PILOT_PAYMENT + 12 * N * SS * 2_000, 5);
  });

  it("a fixed effect multiplier and persistence (no noise) give the engine's payments for those shares and ρ", () => {
    const card: PaymentTerms = {
      ...pilotCard.paymentTerms,
      baseline: { kind: "comparison" },
      sustainment: { monthlyPrice: 3_500, months: 24 },
    };
    const model = compileStressModel({ ...pilotInputs, paymentTerms: card });
    for (const [multiplier, persistence] of [
      [0.6, 0.98],
      [1.3, 0.95],
      [1, 1],
    ] as const) {
      const settings = { ...NO_UNCERTAINTY, effectMean: multiplier, persistenceMean: persistence };
      const summary = simulateModel(model, settings, 3, seededGenerator(2));
      const shares = expectOk(sharesAtMultiplier(pilot.participantShares, pilot.comparisonShares, multiplier));
      const scenario = { ...pilot, participantShares: shares, persistence };
      const businessCase = computeBusinessCase(scenario);
      const schedule = computePaymentSchedule(scenario, businessCase, card);
      expect(schedule.totals.sustainment).toBeGreaterThan(0);
      const deal = evaluateDeal({ ...pilotInputs, scenario, paymentTerms: card }, 0, businessCase);
      expect(Math.abs(summary.meanPayment - schedule.totals.all)).toBeLessThan(1e-9 * schedule.totals.all);
      const pv = deal.municipalityPaymentsPv;
      expect(Math.abs(summary.meanMunicipalityPaymentsPv - pv)).toBeLessThan(1e-9 * pv);
      expect(summary.municipalityNet.p50).toBeCloseTo(deal.municipalityNetPv, 4);
    }
  });

  it("cohorts with different realised shares: each cohort's card counts its own self-supporting share", () => {
    const scenario = {
      ...pilot,
      cohorts: [
        { participants: 30, intakeMonth: 0 },
        { participants: 20, intakeMonth: 2 },
      ],
      measuredParticipants: 50,
    };
    const terms: PaymentTerms = {
      ...pilotInputs.paymentTerms,
      rateCard: pilotInputs.paymentTerms.rateCard.map((line) => ({ ...line, price: 0 })),
      sustainment: { monthlyPrice: 1_000, months: 3 },
    };
    const model = compileStressModel({ ...pilotInputs, scenario, paymentTerms: terms });
    const workspace = drawWorkspace(model);
    // Cohort 0: JOB 0.2 + JOB_UNK 0.1 = 0.3 self-supporting; cohort 1: 0.5 (states JOB, JOB_UNK first, then others).
    const shares = (job: number): Float64Array => Float64Array.of(job, 0.1, 0, 0, 0, 0, 0, 0.9 - job);
    workspace.cohortShares.set(shares(0.2), 0);
    workspace.cohortShares.set(shares(0.4), 8);
    workspace.comparisonGroupShares.set(model.comparisonGroupShares);
    profileInto(model, workspace, 1);
    const result = drawResult();
    evaluateDraw(model, workspace, 1, 1, true, result);
    const total = Array.from(workspace.total.subarray(0, result.months));
    // Cohort 0 pays 1,000 × 0.3 × 30 = 9,000 in months 17, 18, 19; cohort 1 pays 1,000 × 0.5 × 20 = 10,000 in 19–21.
    expect(total.slice(16, 23).map((value) => Math.round(value * 1e6) / 1e6)).toEqual([
      0, 9_000, 9_000, 19_000, 10_000, 10_000, 0,
    ]);
    expect(result.paymentTotal).toBeCloseTo(57_000, 6);
  });

  it("binomial outcomes: the card's mean payment is price × D × E[count] = 2,000 × 12 × 56 × 15/55 (within 4 SE)", () => {
    // Only the card pays (rate card priced 0, no comparison noise): a draw pays 2,000 × 12 × its self-supporting count,
    // the count ~ Binomial(56, 15/55) (mean 15.27, sd √(56 · 15/55 · 40/55) = 3.33).
    const onlyCard: PaymentTerms = {
      ...pilotCard.paymentTerms,
      rateCard: pilotCard.paymentTerms.rateCard.map((line) => ({ ...line, price: 0 })),
    };
    const draws = 4_000;
    const settings = { ...NO_UNCERTAINTY, binomialOutcomes: true };
    const summary = expectOk(
      simulate({ ...pilotInputs, paymentTerms: onlyCard }, settings, draws, seededGenerator(11)),
    );
    const perCount = 2_000 * 12;
    const expected = perCount * N * SS; // 366,545.45 kr
    const standardError = (perCount * Math.sqrt(N * SS * (1 - SS))) / Math.sqrt(draws);
    expect(Math.abs(summary.meanPayment - expected)).toBeLessThan(4 * standardError);
    // P(no self-supporting participant) = (40/55)^56 ≈ 2e-8: the card pays in every draw.
    expect(summary.probabilityPaymentTriggered).toBe(1);
  });

  it("random scenarios, rate cards (volume, person and contract caps) and cards: the engine's schedule, 60 runs", () => {
    const cardArbitrary = fc.record({
      monthlyPrice: fc.oneof(fc.integer({ min: 1, max: 12_000 }), fc.double({ min: 0.5, max: 8_000, noNaN: true })),
      months: fc.integer({ min: 1, max: 58 }),
    });
    let paid = 0;
    fc.assert(
      fc.property(
        scenarioArbitrary,
        paymentTermsArbitrary,
        cardArbitrary,
        investorTermsArbitrary(true),
        (scenario, terms, card, investor) => {
          fc.pre(validateScenario(scenario).length === 0);
          const months = Math.min(card.months, scenario.horizonMonths - scenario.measurementMonth);
          fc.pre(months >= 1);
          const paymentTerms = { ...terms, sustainment: { monthlyPrice: card.monthlyPrice, months } };
          const inputs = { scenario, paymentTerms, investorTerms: investor };
          fc.pre(stressModel(inputs).ok);
          const businessCase = computeBusinessCase(scenario);
          const schedule = computePaymentSchedule(scenario, businessCase, paymentTerms);
          const { total, result } = degenerateDraw(inputs);
          // To 1e-9 here; bit for bit in draw.test.ts, whose random terms include cards too (support.ts).
          expectSameMonths(total, schedule.total);
          expect(result.months).toBe(schedule.months);
          expect(Math.abs(result.paymentTotal - schedule.totals.all)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, schedule.totals.all),
          );
          // The municipality's net as the engine's (money identity, cap and top-up included).
          const after = municipalityAfterContract(businessCase, schedule, investor).discounted;
          const scale = Math.max(1, Math.abs(after.savings), Math.abs(after.payments));
          expect(Math.abs(result.municipalityNet - after.net) / scale).toBeLessThan(1e-9);
          const outcomes = Object.values(schedule.totals.byMetric).reduce((sum, value) => sum + value, 0);
          expect(result.outcomeTriggered).toBe(outcomes + schedule.totals.sustainment > 0);
          if (schedule.totals.sustainment > 0) paid++;
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
    // Not vacuous: most random cards pay something.
    expect(paid).toBeGreaterThan(20);
  });
});
