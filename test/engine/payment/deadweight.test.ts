import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { pilotScenario } from "../../../src/engine/pilot";
import type { Scenario } from "../../../src/engine/scenario";
import { perState, type PerState } from "../../../src/engine/states";
import {
  DEADWEIGHT_WARNING_SHARE,
  deadweightCore,
  runDeadweight,
  runSavingsAfterLastPayment,
  savingsAfterLastPaymentCore,
  zeroEffectScenario,
} from "../../../src/engine/payment/deadweight";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../../src/engine/payment/terms";
import { anyBaseline, termsArbitrary } from "./support/terms";

const pilot = expectOk(pilotScenario(2023));
const pilotCase = computeBusinessCase(pilot);
const N = 56;
/** Pilot comparison group (COWI/PDJF 2023, whole percent): JOB 7 + JOB_UNK 5 = 12 % self-supporting, JOB_PART 10 %. */
const COMPARISON_SS = 0.07 + 0.05;
const COMPARISON_PH = 0.1;
/** Pilot participants, calibrated counts of 55 measured: self-supporting 15/55, paid hours 9/55. */
const SS = 15 / 55;
const PH = 9 / 55;
/** DF(t) = 1.035^−(t + 0.5)/12, the business case's mid-month discount factor (FM 3.5 %). */
const df = (month: number): number => 1.035 ** (-(month + 0.5) / 12);

/**
 * ../shared/reviews/economist.md, section 3.2 item 1 (D3): "zero effect or negative effect → 1,885,817 kr (42.5 % of
 * the capital)". The review's published figure, written out as a literal.
 */
const REVIEW_PAYMENT_AT_ZERO_EFFECT = 1_885_817;
/** Same review, 3.2 item 2: "Of the kommune's discounted gross savings, 72.3 % arrive after month 17". */
const REVIEW_SAVINGS_AFTER_MONTH_17 = 0.723;

describe("deadweight of the pilot's default terms (gross card 198,090 / 99,045 kr, lag 3)", () => {
  const result = expectOk(runDeadweight(pilot, PILOT_PAYMENT_TERMS));

  it("pays 1,885,817 kr with no effect, as the review published (± 1 kr)", () => {
    expect(Math.abs(result.paymentAtZeroEffect - REVIEW_PAYMENT_AT_ZERO_EFFECT)).toBeLessThanOrEqual(1);
  });

  it("equals the hand calculation from the rate card: price × comparison share × participants, per metric", () => {
    // selfSupporting: 198,090 × 0.12 × 56 = 1,331,164.80; paidHours: 99,045 × 0.10 × 56 = 554,652.00;
    // sustained6 / sustained12 are priced 0. No caps, no threshold; the lag moves the month, not the amount.
    const selfSupporting = 198_090 * COMPARISON_SS * N;
    const paidHours = 99_045 * COMPARISON_PH * N;
    expect(selfSupporting).toBeCloseTo(1_331_164.8, 6);
    expect(paidHours).toBeCloseTo(554_652, 6);
    expect(result.paymentAtZeroEffect).toBeCloseTo(selfSupporting + paidHours, 6);
    expect(result.byMetric.map((line) => line.paymentAtZeroEffect)).toEqual([
      expect.closeTo(selfSupporting, 6),
      expect.closeTo(paidHours, 6),
      0,
      0,
    ]);
    expect(result.paymentAtZeroEffectByMunicipality).toBeCloseTo(selfSupporting + paidHours, 6);
  });

  it("is 47.9 % of the expected payment 3,932,987 kr, above the 25 % warning level", () => {
    // Expected: 56 × (15/55 × 198,090 + 9/55 × 99,045) = 3,932,986.91 kr. Share = 1,885,816.8 / 3,932,986.91.
    const expected = N * (SS * 198_090 + PH * 99_045);
    expect(result.expectedPayment).toBeCloseTo(expected, 6);
    expect(result.shareOfPayment).toBeCloseTo(1_885_816.8 / expected, 12);
    expect(result.shareOfPayment).toBeCloseTo(0.4795, 4);
    expect(DEADWEIGHT_WARNING_SHARE).toBe(0.25);
    expect(result.warning).toBe(true);
  });

  it("the comparison group also reached 44 % of the paid self-supporting outcomes and 61 % of the paid-hours ones", () => {
    // 0.12 / (15/55) = 0.44; 0.10 / (9/55) = 5.5/9 = 0.6111.
    const [selfSupporting, paidHours, sustained6] = result.byMetric;
    expect(selfSupporting?.comparisonReachedShare).toBeCloseTo(COMPARISON_SS / SS, 12);
    expect(selfSupporting?.comparisonReachedShare).toBeCloseTo(0.44, 12);
    expect(paidHours?.comparisonReachedShare).toBeCloseTo(5.5 / 9, 12);
    expect(selfSupporting?.payableCountAtZeroEffect).toBeCloseTo(0.12 * N, 12);
    // Pilot persistence ρ = 1: the sustainment metric counts the same people.
    expect(sustained6?.comparisonReachedShare).toBeCloseTo(0.44, 12);
  });

  it("the counterfactual card (baseline = comparison group) pays nothing for deadweight", () => {
    const counterfactual = expectOk(runDeadweight(pilot, { ...PILOT_PAYMENT_TERMS, baseline: { kind: "comparison" } }));
    expect(counterfactual.paymentAtZeroEffect).toBe(0);
    expect(counterfactual.shareOfPayment).toBe(0);
    expect(counterfactual.warning).toBe(false);
    expect(counterfactual.byMetric[0]?.comparisonReachedShare).toBe(0);
    // It still pays for the effect: (15/55 − 0.12) × 56 × 198,090 + (9/55 − 0.10) × 56 × 99,045.
    expect(counterfactual.expectedPayment).toBeCloseTo(
      (SS - COMPARISON_SS) * N * 198_090 + (PH - COMPARISON_PH) * N * 99_045,
      6,
    );
  });

  it("a historical baseline of 10 % pays max(0, comparison − 10 %) per metric at zero effect", () => {
    const historical = expectOk(
      runDeadweight(pilot, { ...PILOT_PAYMENT_TERMS, baseline: { kind: "historical", rate: 0.1, rates: {} } }),
    );
    // selfSupporting: (0.12 − 0.10) × 56 × 198,090 = 221,860.8; paidHours: max(0, 0.10 − 0.10) = 0.
    expect(historical.paymentAtZeroEffect).toBeCloseTo(0.02 * N * 198_090, 6);
  });
});

describe("deadweight: the 0/0 case, no finite share and bad input", () => {
  it("nothing paid either way: share 0, no warning", () => {
    const free = PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: 0 }));
    const result = expectOk(runDeadweight(pilot, { ...PILOT_PAYMENT_TERMS, rateCard: free }));
    expect(result).toMatchObject({ expectedPayment: 0, paymentAtZeroEffect: 0, shareOfPayment: 0, warning: false });
    expect(result.byMetric[0]?.comparisonReachedShare).toBeCloseTo(0.44, 12);
  });

  it("a negative effect on a gross card: zero effect pays more than the scenario, share above 1", () => {
    // Participants at the comparison shares except 5 % of JOB moved to TEMP: self-supporting 0.07 instead of 0.12.
    const worse: PerState<number> = { ...pilot.comparisonShares, JOB: 0.02, TEMP: pilot.comparisonShares.TEMP + 0.05 };
    const result = expectOk(runDeadweight({ ...pilot, participantShares: worse }, PILOT_PAYMENT_TERMS));
    // Expected 56 × (0.07 × 198,090 + 0.10 × 99,045) = 776,512.8 + 554,652 = 1,331,164.8 kr.
    expect(result.expectedPayment).toBeCloseTo(N * (0.07 * 198_090 + 0.1 * 99_045), 6);
    expect(result.paymentAtZeroEffect).toBeCloseTo(1_885_816.8, 6);
    expect(result.shareOfPayment).toBeCloseTo(1_885_816.8 / (N * (0.07 * 198_090 + 0.1 * 99_045)), 12);
  });

  it("only the zero-effect payment positive (a negative effect stopped by a contract threshold): null, warns", () => {
    // Self-supporting effect 0.07 − 0.12 = −5 pp is below θ = −1 pp, so nothing is paid; at zero effect 0 ≥ −1 pp, so
    // the gross card pays 1,885,816.8 kr: the ratio has no finite value.
    const worse: PerState<number> = { ...pilot.comparisonShares, JOB: 0.02, TEMP: pilot.comparisonShares.TEMP + 0.05 };
    const terms: PaymentTerms = { ...PILOT_PAYMENT_TERMS, threshold: { pp: -1, scope: "contract", metric: null } };
    const result = expectOk(runDeadweight({ ...pilot, participantShares: worse }, terms));
    expect(result.expectedPayment).toBe(0);
    expect(result.paymentAtZeroEffect).toBeCloseTo(1_885_816.8, 6);
    expect(result.shareOfPayment).toBeNull();
    expect(result.warning).toBe(true);
  });

  it("names the field and rule of bad terms and a bad scenario", () => {
    const bad = runDeadweight({ ...pilot, horizonMonths: 0 }, { ...PILOT_PAYMENT_TERMS, lagMonths: -1 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const fields = bad.issues.map((item) => item.field);
    expect(fields).toContain("lagMonths");
    expect(fields).toContain("horizonMonths");
    const badSavings = runSavingsAfterLastPayment(pilot, { ...PILOT_PAYMENT_TERMS, municipalityShare: 2 });
    expect(badSavings.ok).toBe(false);
    if (!badSavings.ok) expect(badSavings.issues[0]).toMatchObject({ field: "municipalityShare", rule: "range" });
  });

  it("the zero-effect scenario gives the participants the comparison group's shares and keeps everything else", () => {
    const zero = zeroEffectScenario(pilot);
    expect(zero.participantShares).toEqual(pilot.comparisonShares);
    expect({ ...zero, participantShares: pilot.participantShares }).toEqual(pilot);
  });
});

describe("savings after the last payment (pilot: one payment in month 14 + 3 = 17)", () => {
  const result = expectOk(runSavingsAfterLastPayment(pilot, PILOT_PAYMENT_TERMS));

  it("72.3 % of the municipality's discounted savings (before the cost) arrive after month 17, as the review says", () => {
    expect(result.lastPaymentMonth).toBe(17);
    // The review rounds to 0.1 pp, so the value lies within ±0.05 pp of 72.3 % (plus 1e-9 for floating point).
    expect(Math.abs((result.share ?? Number.NaN) - REVIEW_SAVINGS_AFTER_MONTH_17)).toBeLessThanOrEqual(0.0005 + 1e-9);
  });

  it("equals an independent sum: Σ_{t>17} DF_t s_t / Σ_t DF_t s_t, s_t = municipal net flow + intervention cost", () => {
    const months = pilotCase.monthly.cost.length;
    let all = 0;
    let after = 0;
    for (let t = 0; t < months; t++) {
      const saving = (pilotCase.monthly.netFlow.municipality[t] ?? 0) + (pilotCase.monthly.cost[t] ?? 0);
      all += df(t) * saving;
      if (t > 17) after += df(t) * saving;
    }
    expect(months).toBe(50);
    expect(result.discountedSavings).toBeCloseTo(all, 4);
    expect(result.discountedSavingsAfter).toBeCloseTo(after, 4);
    expect(result.share).toBeCloseTo(after / all, 10);
  });

  it("a longer claim lag moves the last payment later and lowers the share; no payment at all gives null", () => {
    const later = expectOk(runSavingsAfterLastPayment(pilot, { ...PILOT_PAYMENT_TERMS, lagMonths: 12 }));
    expect(later.lastPaymentMonth).toBe(26);
    expect(later.share ?? 1).toBeLessThan(result.share ?? 0);
    const free = PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: 0 }));
    const none = expectOk(runSavingsAfterLastPayment(pilot, { ...PILOT_PAYMENT_TERMS, rateCard: free, baseFee: 1000 }));
    expect(none.lastPaymentMonth).toBeNull();
    expect(none.share).toBeNull();
  });

  it("a savings share paid every month until the horizon leaves (almost) nothing after the last payment", () => {
    const shared = expectOk(runSavingsAfterLastPayment(pilot, { ...PILOT_PAYMENT_TERMS, savingsShare: 0.3 }));
    expect(shared.lastPaymentMonth ?? 0).toBeGreaterThanOrEqual(49);
    expect(shared.share).toBeLessThan(0.01);
  });
});

/**
 * The pilot with a fraction λ of its effect: participant shares c + λ(p − c), a valid distribution (a convex mix), so
 * every paid metric's effect is λ × the pilot's (≥ 0: the pilot's metric effects are positive) and the card is paid
 * monotonely more than at zero effect. Random cohort split and persistence.
 */
const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 1, max: 55 }),
    fc.integer({ min: 0, max: 12 }),
    fc.constantFrom(1, 0.97),
  )
  .map(([lambda, first, intake, persistence]) => {
    const p = pilot.participantShares;
    const c = pilot.comparisonShares;
    const mixed = perState((state) => c[state] + lambda * (p[state] - c[state]));
    return {
      ...pilot,
      persistence,
      participantShares: mixed,
      cohorts: [
        { participants: first, intakeMonth: 0 },
        { participants: N - first, intakeMonth: intake },
      ].filter((cohort) => cohort.participants > 0),
    };
  });

const PAYMENT_TOLERANCE = 1e-6;

describe("deadweight properties over random terms (fast-check, 60 runs each)", () => {
  it("a non-negative effect on a monotone card: 0 ≤ paymentAtZeroEffect ≤ the expected payment; share = ratio", () => {
    fc.assert(
      fc.property(scenarioArbitrary, termsArbitrary(anyBaseline), (scenario, terms) => {
        const result = expectOk(runDeadweight(scenario, terms));
        expect(result.paymentAtZeroEffect).toBeGreaterThanOrEqual(0);
        expect(result.paymentAtZeroEffect).toBeLessThanOrEqual(result.expectedPayment + PAYMENT_TOLERANCE);
        if (result.expectedPayment > 0) {
          expect(result.shareOfPayment).toBeCloseTo(result.paymentAtZeroEffect / result.expectedPayment, 12);
          expect(result.shareOfPayment ?? 2).toBeLessThanOrEqual(1 + 1e-9);
        } else expect(result.shareOfPayment).toBe(0);
        expect(result.warning).toBe((result.shareOfPayment ?? 0) > DEADWEIGHT_WARNING_SHARE);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("a card netted against the comparison group pays nothing at zero effect (base fee 0)", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        termsArbitrary(fc.constant({ kind: "comparison" as const })),
        (scenario, terms) => {
          const result = expectOk(runDeadweight(scenario, { ...terms, baseFee: 0 }));
          expect(result.paymentAtZeroEffect).toBeLessThanOrEqual(PAYMENT_TOLERANCE);
          for (const line of result.byMetric) expect(line.payableCountAtZeroEffect).toBe(0);
        },
      ),
      { numRuns: 60, seed: 12 },
    );
  });

  it("a gross card without caps, threshold, fee or savings share: Σ_k price_k × comparison share_k × participants", () => {
    fc.assert(
      fc.property(scenarioArbitrary, termsArbitrary(fc.constant({ kind: "none" as const })), (scenario, random) => {
        const terms: PaymentTerms = {
          ...random,
          rateCard: random.rateCard.map((line) => ({ ...line, volumeCap: null })),
          threshold: null,
          personCap: null,
          contractCap: null,
          savingsShare: 0,
          baseFee: 0,
        };
        const ss =
          pilot.comparisonShares.JOB +
          pilot.comparisonShares.JOB_UNK +
          (terms.includeEducation ? pilot.comparisonShares.EDU : 0);
        const rho = scenario.persistence;
        // sustained<k>: the self-supporting share × ρ^k, chained to self-support (never more people than it).
        const [p1, p2, p3, p4] = terms.rateCard.map((line) => line.price);
        const expected =
          N * ((p1 ?? 0) * ss + (p2 ?? 0) * pilot.comparisonShares.JOB_PART + (p3 ?? 0) * ss * rho ** 6) +
          N * (p4 ?? 0) * ss * rho ** 12;
        const result = expectOk(runDeadweight(scenario, terms));
        expect(result.paymentAtZeroEffect).toBeCloseTo(expected, 4);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it("the savings after the last payment match the independent sum for random terms and cohorts", () => {
    fc.assert(
      fc.property(scenarioArbitrary, termsArbitrary(anyBaseline), (scenario, terms) => {
        const businessCase = computeBusinessCase(scenario);
        const schedule = computePaymentSchedule(scenario, businessCase, terms);
        const result = savingsAfterLastPaymentCore(businessCase, schedule);
        const dw = deadweightCore(scenario, schedule, terms);
        expect(dw.expectedPayment).toBe(schedule.totals.all);
        if (result.share === null) return;
        expect(result.share).toBeGreaterThanOrEqual(-1e-12);
        const last = result.lastPaymentMonth ?? -1;
        let all = 0;
        let after = 0;
        businessCase.monthly.cost.forEach((cost, t) => {
          const saving = (businessCase.monthly.netFlow.municipality[t] ?? 0) + cost;
          all += df(t) * saving;
          if (t > last) after += df(t) * saving;
        });
        expect(result.share).toBeCloseTo(after / all, 9);
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
