import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { deadweightCore } from "../../../src/engine/payment/deadweight";
import { parseMetric } from "../../../src/engine/payment/metrics";
import { computePaymentSchedule, paymentScheduleFor } from "../../../src/engine/payment/schedule";
import { applyPaymentTermInputs } from "../../../src/engine/payment/termInputs";
import { PILOT_PAYMENT_TERMS, validatePaymentTerms, type PaymentTerms } from "../../../src/engine/payment/terms";
import { pilotScenario } from "../../../src/engine/pilot";
import type { Scenario } from "../../../src/engine/scenario";
import { stressModel } from "../../../src/engine/stress/model";
import { breakEvenSuccessRate } from "../../../src/engine/stress/breakEven";
import { DEFAULT_INVESTOR_TERMS } from "../../../src/engine/investor/terms";
import { termsArbitrary } from "./support/terms";

const pilot = expectOk(pilotScenario(2023));
/** Two cohorts: 30 people at intake month 0, 26 at month 6 (56 in all, as the pilot). Horizon 50 months. */
const twoCohorts: Scenario = {
  ...pilot,
  cohorts: [
    { participants: 30, intakeMonth: 0 },
    { participants: 26, intakeMonth: 6 },
  ],
};
const LAG = PILOT_PAYMENT_TERMS.lagMonths; // 3

/** Employment metrics priced 0, so a schedule's total is what the progression metric pays. */
function progressionOnly(change: Partial<PaymentTerms>, who5: Partial<PaymentTerms["rateCard"][number]> = {}) {
  return {
    ...PILOT_PAYMENT_TERMS,
    rateCard: [
      ...PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: 0 })),
      {
        metric: "who5",
        price: 20_000,
        volumeCap: null,
        requires: null,
        progression: { measurementMonth: 12, shares: [0.5, 0.25], comparisonShare: 0.2 },
        ...who5,
      },
    ],
    ...change,
  } satisfies PaymentTerms;
}

function scheduleOf(terms: PaymentTerms, scenario: Scenario = twoCohorts) {
  return expectOk(paymentScheduleFor(scenario, computeBusinessCase(scenario), terms));
}

describe("progression metrics on the rate card (issue 15 item 3)", () => {
  it("names: who5, Danish handleplan and jobparat are progression metrics", () => {
    expect(parseMetric("WHO-5")).toEqual({ id: "who5", kind: "progression", monthsAfterMeasurement: 0 });
    expect(parseMetric("handleplan")?.id).toBe("actionPlan");
    expect(parseMetric("jobparat")?.id).toBe("fitForWork");
    expect(parseMetric("BIP-fremgang")?.id).toBe("bipGain");
  });

  it("pays per cohort at intake + measurement month + lag, net of the comparison baseline (by hand)", () => {
    const schedule = scheduleOf(progressionOnly({ baseline: { kind: "comparison" } }));
    // Cohort 1: (0.50 − 0.20) × 30 = 9 outcomes × 20,000 = 180,000 kr in month 0 + 12 + 3 = 15.
    // Cohort 2: (0.25 − 0.20) × 26 = 1.3 outcomes × 20,000 = 26,000 kr in month 6 + 12 + 3 = 21.
    expect(schedule.total[15]).toBeCloseTo(180_000, 6);
    expect(schedule.total[21]).toBeCloseTo(26_000, 6);
    expect(schedule.totals.all).toBeCloseTo(206_000, 6);
    expect(schedule.totals.progression).toBeCloseTo(206_000, 6);
    expect(schedule.progression[15]).toBeCloseTo(180_000, 6);
    const line = schedule.metrics.find((metric) => metric.metric === "who5");
    // Pooled share (0.5 × 30 + 0.25 × 26) / 56 = 21.5 / 56; effect 21.5/56 − 0.2 in pp.
    expect(line?.participantShare).toBeCloseTo(21.5 / 56, 12);
    expect(line?.effectPercentagePoints).toBeCloseTo((21.5 / 56 - 0.2) * 100, 9);
    expect(line?.payableCount).toBeCloseTo(10.3, 12);
    expect(line?.monthsAfterIntake).toBe(12 + LAG);
  });

  it("not a budget saving: the municipality's savings are the same with or without the metric, its payments higher", () => {
    const without = scheduleOf(progressionOnly({}, { price: 0 }));
    const withMetric = scheduleOf(progressionOnly({}));
    expect(withMetric.municipality.savings).toEqual(without.municipality.savings);
    // Gross card: 0.5 × 30 + 0.25 × 26 = 21.5 outcomes × 20,000 = 430,000 kr, all paid by the municipality (w = 1).
    expect(withMetric.municipality.total.payments - without.municipality.total.payments).toBeCloseTo(430_000, 6);
    expect(withMetric.totals.progression).toBeCloseTo(430_000, 6);
  });

  it("caps, threshold and chain apply as to any metric", () => {
    // Volume cap 5: cohort 1 (earlier intake) uses all of it: 5 × 20,000 = 100,000 kr.
    expect(scheduleOf(progressionOnly({}, { volumeCap: 5 })).totals.all).toBeCloseTo(100_000, 6);
    // Threshold 20 pp per metric: the effect is 21.5/56 − 0.2 = 18.4 pp < 20, so nothing; at 18 pp it pays 430,000.
    const threshold = (pp: number) => ({ pp, scope: "metric" as const, metric: null });
    expect(scheduleOf(progressionOnly({ threshold: threshold(20) })).totals.progression).toBe(0);
    expect(scheduleOf(progressionOnly({ threshold: threshold(18) })).totals.progression).toBeCloseTo(430_000, 6);
    // Person cap 15,000 kr: each outcome pays at most 15,000: 21.5 × 15,000 = 322,500 kr.
    expect(scheduleOf(progressionOnly({ personCap: 15_000 })).totals.all).toBeCloseTo(322_500, 6);
    // Historical baseline 0.1 for who5: (0.4 × 30) + (0.15 × 26) = 15.9 outcomes = 318,000 kr.
    const historical = { kind: "historical" as const, rate: 0, rates: { who5: 0.1 } };
    expect(scheduleOf(progressionOnly({ baseline: historical })).totals.all).toBeCloseTo(318_000, 6);
  });

  it("deadweight: at zero effect the participants reach the comparison share 0.2: 0.2 × 56 × 20,000 = 224,000 kr", () => {
    const terms = progressionOnly({});
    const deadweight = deadweightCore(twoCohorts, scheduleOf(terms), terms);
    expect(deadweight.paymentAtZeroEffect).toBeCloseTo(224_000, 6);
  });

  it("terms by name: price, month, per-cohort shares and comparison", () => {
    const terms = expectOk(
      applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [
        ["price.who5", 20_000],
        ["progression.who5.month", 12],
        ["progression.who5.share.1", 0.5],
        ["progression.who5.share.2", 0.25],
        ["fremskridt.who5.kontrol", 0.2],
      ]),
    );
    expect(terms.rateCard.at(-1)).toEqual({
      metric: "who5",
      price: 20_000,
      volumeCap: null,
      requires: null,
      progression: { measurementMonth: 12, shares: [0.5, 0.25], comparisonShare: 0.2 },
    });
  });

  describe("bad input: one message naming the metric and the rule", () => {
    const issuesOf = (pairs: [string, number | string][]) => {
      const result = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, pairs);
      return result.ok ? [] : result.issues;
    };
    it("a progression metric without a measurement month", () => {
      const issues = issuesOf([
        ["price.who5", 20_000],
        ["progression.who5.share", 0.4],
      ]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ field: "progression.who5.month", rule: "required" });
      expect(issues[0]?.message).toContain("who5");
    });
    it("a progression metric with no progression terms at all", () => {
      const issues = issuesOf([["price.actionPlan", 5_000]]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ field: "rateCard[4].progression", rule: "required" });
      expect(issues[0]?.message).toContain("actionPlan");
    });
    it("a share outside 0–1", () => {
      const issues = issuesOf([
        ["price.who5", 20_000],
        ["progression.who5.month", 12],
        ["progression.who5.share", 1.2],
      ]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ field: "rateCard[4].progression.shares[0]", rule: "range" });
      expect(issues[0]?.message).toContain("who5");
    });
    it("a measurement month past the horizon (pilot: 50 months; cohort 2 enters in month 6)", () => {
      const terms = progressionOnly({}, { progression: { measurementMonth: 45, shares: [0.4], comparisonShare: 0 } });
      const result = paymentScheduleFor(twoCohorts, computeBusinessCase(twoCohorts), terms);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ field: "rateCard[4].progression.measurementMonth", rule: "horizon" });
      expect(result.issues[0]?.message).toContain("who5");
      expect(result.issues[0]?.message).toContain("month 51");
    });
    it("shares that do not match the cohorts", () => {
      const terms = progressionOnly(
        {},
        { progression: { measurementMonth: 12, shares: [0.4, 0.3, 0.2], comparisonShare: 0 } },
      );
      const result = paymentScheduleFor(twoCohorts, computeBusinessCase(twoCohorts), terms);
      expect(result.ok ? [] : result.issues.map((item) => item.rule)).toEqual(["cohorts"]);
    });
    it("baseline comparison without a comparison share", () => {
      const terms = progressionOnly(
        { baseline: { kind: "comparison" } },
        { progression: { measurementMonth: 12, shares: [0.4], comparisonShare: null } },
      );
      const issues = validatePaymentTerms(terms);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ field: "rateCard[4].progression.comparisonShare", rule: "required" });
    });
    it("an employment metric given a progression measure", () => {
      const terms: PaymentTerms = {
        ...PILOT_PAYMENT_TERMS,
        rateCard: [
          {
            ...PILOT_PAYMENT_TERMS.rateCard[0]!,
            progression: { measurementMonth: 12, shares: [0.4], comparisonShare: null },
          },
        ],
      };
      expect(validatePaymentTerms(terms).map((item) => item.rule)).toEqual(["kind"]);
    });
    it("unknown progression term", () => {
      expect(issuesOf([["progression.who6.month", 12]])[0]).toMatchObject({ rule: "known" });
    });
    it("the break-even success rate of a progression metric is refused (its shares are given, not outcome states)", () => {
      const result = breakEvenSuccessRate(
        { scenario: twoCohorts, paymentTerms: progressionOnly({}), investorTerms: DEFAULT_INVESTOR_TERMS },
        0,
        "who5",
      );
      expect(result.ok ? [] : result.issues.map((item) => [item.field, item.rule])).toEqual([["metric", "oneOf"]]);
    });
    it("the Monte Carlo simulation refuses a progression metric instead of leaving it out", () => {
      const result = stressModel({
        scenario: twoCohorts,
        paymentTerms: progressionOnly({}),
        investorTerms: DEFAULT_INVESTOR_TERMS,
      });
      expect(result.ok ? [] : result.issues.map((item) => item.rule)).toEqual(["unsupported"]);
    });
  });

  it("property: a progression metric at share 0 adds exactly 0 to every month (60 random terms)", () => {
    const businessCase = computeBusinessCase(twoCohorts);
    fc.assert(
      fc.property(
        termsArbitrary(),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (terms, price, comparison, month) => {
          const withZero: PaymentTerms = {
            ...terms,
            rateCard: [
              ...terms.rateCard,
              {
                metric: "fitForWork",
                price,
                volumeCap: null,
                requires: null,
                progression: { measurementMonth: month, shares: [0, 0], comparisonShare: comparison },
              },
            ],
          };
          const base = computePaymentSchedule(twoCohorts, businessCase, terms);
          const extended = computePaymentSchedule(twoCohorts, businessCase, withZero);
          expect(extended.total).toEqual(base.total);
          expect(extended.totals.progression).toBe(0);
          expect(extended.municipality.discounted.net).toBe(base.municipality.discounted.net);
        },
      ),
      { numRuns: 60, seed: 15_3 },
    );
  });
});
