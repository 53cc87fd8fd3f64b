import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { pilotScenario } from "../../../src/engine/pilot";
import type { Scenario } from "../../../src/engine/scenario";
import {
  familiesOf,
  computePaymentSchedule,
  paymentScheduleFor,
  runPaymentSchedule,
  type PaymentSchedule,
} from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, type MetricTerms, type PaymentTerms } from "../../../src/engine/payment/terms";
import { savingsByMonth } from "../../../src/engine/payment/savingsShare";
import { termsArbitrary } from "./support/terms";

const pilot = expectOk(pilotScenario(2023));
const pilotCase = computeBusinessCase(pilot);

/** Pilot shares: self-supporting 15/55 = 3/11 (comparison 0.12), paid hours 9/55 (comparison 0.10); 56 people. */
const SS = 15 / 55;
const PH = 9 / 55;
const N = 56;
const COST = N * 79_236;
/** DF(t) = 1.035^−(t + 0.5)/12, the business case's mid-month discount factor. */
const df = (month: number): number => 1.035 ** (-(month + 0.5) / 12);

function schedule(change: Partial<PaymentTerms>, scenario: Scenario = pilot): PaymentSchedule {
  return expectOk(runPaymentSchedule(scenario, { ...PILOT_PAYMENT_TERMS, ...change }));
}

function withPrices(prices: Partial<Record<string, number>>): MetricTerms[] {
  return PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: prices[line.metric] ?? line.price }));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

describe("pilot terms (gross rate card, lag 3, all paid by the municipality)", () => {
  const result = schedule({});
  const expected = SS * N * 198_090 + PH * N * 99_045; // 3,025,374.55 + 907,612.36 = 3,932,986.91 kr

  it("pays 15.27 self-supporting and 9.16 paid-hours outcomes in month 14 + 3 = 17", () => {
    expect(expected).toBeCloseTo(3_932_986.91, 2);
    expect(result.total[17]).toBeCloseTo(expected, 6);
    expect(sum(result.total)).toBeCloseTo(expected, 6);
    expect(result.months).toBe(50);
    expect(result.total.filter((amount) => amount !== 0)).toHaveLength(1);
    expect(result.totals.byMetric).toEqual({
      selfSupporting: expect.closeTo(SS * N * 198_090, 6),
      paidHours: expect.closeTo(PH * N * 99_045, 6),
      sustained6: 0,
      sustained12: 0,
    });
    expect(result.totals.byPayer.state).toBe(0);
  });

  it("summarises each metric: shares, effect in pp, payable count, months after intake", () => {
    const [selfSupporting, paidHours, sustained6] = result.metrics;
    expect(selfSupporting).toMatchObject({ metric: "selfSupporting", price: 198_090, monthsAfterIntake: 17 });
    expect(selfSupporting?.effectPercentagePoints).toBeCloseTo(100 * (SS - 0.12), 9);
    expect(selfSupporting?.payableCount).toBeCloseTo(SS * N, 9);
    expect(paidHours?.effectPercentagePoints).toBeCloseTo(100 * (PH - 0.1), 9);
    expect(sustained6?.monthsAfterIntake).toBe(23);
  });

  it("the municipality's net position: savings before the cost − payments, discounted at 3.5 %", () => {
    const savings = pilotCase.undiscounted.total.municipality + COST;
    expect(result.municipality.total.savings).toBeCloseTo(savings, 4);
    expect(result.municipality.total.payments).toBeCloseTo(expected, 6);
    expect(result.municipality.total.net).toBeCloseTo(savings - expected, 4);
    expect(result.municipality.discounted.payments).toBeCloseTo(expected * df(17), 6);
    expect(result.discountedTotals.all).toBeCloseTo(expected * df(17), 6);
    expect(result.municipality.neverPaysMoreThanSaves).toBe(true);
    expect(result.municipality.cumulativeNet[49]).toBeCloseTo(savings - expected, 4);
  });
});

describe("baseline and threshold", () => {
  it("comparison baseline pays only outcomes above the comparison group", () => {
    const result = schedule({ baseline: { kind: "comparison" } });
    const expected = (SS - 0.12) * N * 198_090 + (PH - 0.1) * N * 99_045;
    expect(result.totals.all).toBeCloseTo(expected, 6);
  });

  it("with education counted, the comparison's 1 % in education raises the baseline to 13 %", () => {
    const result = schedule({ baseline: { kind: "comparison" }, includeEducation: true });
    expect(result.totals.byMetric.selfSupporting).toBeCloseTo((SS - 0.13) * N * 198_090, 6);
  });

  it("historical rates: 10 % for every metric, 5 % for paid hours", () => {
    const result = schedule({ baseline: { kind: "historical", rate: 0.1, rates: { paidHours: 0.05 } } });
    expect(result.totals.byMetric.selfSupporting).toBeCloseTo((SS - 0.1) * N * 198_090, 6);
    expect(result.totals.byMetric.paidHours).toBeCloseTo((PH - 0.05) * N * 99_045, 6);
  });

  it("metric threshold of 10 pp: self-supporting (15.3 pp) and its chain pay, paid hours (6.4 pp) does not", () => {
    const result = schedule({
      rateCard: withPrices({ sustained6: 50_000, sustained12: 25_000 }),
      baseline: { kind: "comparison" },
      threshold: { pp: 10, scope: "metric", metric: null },
    });
    const payable = (SS - 0.12) * N;
    expect(result.totals.byMetric.paidHours).toBe(0);
    expect(result.metrics[1]?.thresholdMet).toBe(false);
    expect(result.total[17]).toBeCloseTo(payable * 198_090, 6);
    expect(result.total[23]).toBeCloseTo(payable * 50_000, 6); // 6 months after M, + lag 3
    expect(result.total[29]).toBeCloseTo(payable * 25_000, 6);
  });

  it("contract threshold: one metric's effect gates every outcome payment and the savings share, not the fee", () => {
    const failing = schedule({
      threshold: { pp: 16, scope: "contract", metric: null },
      savingsShare: 0.2,
      baseFee: 1_000,
    });
    expect(failing.contractThresholdMet).toBe(false);
    expect(failing.totals.outcomes).toBe(0);
    expect(failing.totals.savingsShare).toBe(0);
    expect(failing.totals.all).toBeCloseTo(N * 1_000, 9);
    const passing = schedule({ threshold: { pp: 6, scope: "contract", metric: "paidHours" } });
    expect(passing.contractThresholdMet).toBe(true);
    expect(passing.totals.all).toBeCloseTo(SS * N * 198_090 + PH * N * 99_045, 6);
  });
});

describe("cohorts, volume caps and chains", () => {
  const twoCohorts: Scenario = {
    ...pilot,
    cohorts: [
      { participants: 30, intakeMonth: 0 },
      { participants: 26, intakeMonth: 6 },
    ],
  };
  const rateCard = withPrices({ sustained6: 50_000 }).map((line) =>
    line.metric === "selfSupporting" ? { ...line, volumeCap: 10 } : line,
  );
  const result = schedule({ rateCard }, twoCohorts);

  it("the first cohort uses the volume cap first; the chain follows the paid count", () => {
    // Cohort 1 (intake 0): 3/11 × 30 = 8.18 self-supporting paid in month 17; sustained6 8.18 in month 23.
    // Cohort 2 (intake 6): 3/11 × 26 = 7.09, but only 10 − 8.18 = 1.82 left under the cap, paid in month 23;
    // its sustained6 is chained to those 1.82 and paid in month 29.
    const first = SS * 30;
    const left = 10 - first;
    expect(result.total[17]).toBeCloseTo(first * 198_090 + PH * 30 * 99_045, 6);
    expect(result.total[23]).toBeCloseTo(left * 198_090 + PH * 26 * 99_045 + first * 50_000, 6);
    expect(result.total[29]).toBeCloseTo(left * 50_000, 6);
    expect(result.metrics[0]?.payableCount).toBeCloseTo(10, 9);
    expect(result.months).toBe(56);
  });
});

describe("caps", () => {
  it("per-person cap along the self-supporting chain; paid hours are other people", () => {
    const result = schedule({
      rateCard: withPrices({ sustained6: 50_000, sustained12: 30_000 }),
      personCap: 220_000,
    });
    // Each self-supporting person (still so at 6 and 12 months, ρ = 1): 198,090 + 50,000 + 30,000 capped at 220,000,
    // i.e. sustained6 pays 21,910 and sustained12 nothing. Paid hours: 99,045 (below the cap).
    expect(result.totals.byMetric.sustained6).toBeCloseTo(SS * N * 21_910, 6);
    expect(result.totals.byMetric.sustained12).toBeCloseTo(0, 9);
    expect(result.totals.outcomes).toBeCloseTo(SS * N * 220_000 + PH * N * 99_045, 6);
  });

  it("contract cap cuts the last payments; components are scaled alike", () => {
    const result = schedule({ contractCap: 3_000_000, baseFee: 5_000 });
    const raw = SS * N * 198_090 + PH * N * 99_045;
    expect(result.total[0]).toBeCloseTo(N * 5_000, 9); // 280,000 kr fee at intake
    expect(result.total[17]).toBeCloseTo(3_000_000 - 280_000, 6);
    expect(result.totals.all).toBeCloseTo(3_000_000, 6);
    expect(result.contractCapBinding).toBe(true);
    expect(result.totals.byMetric.selfSupporting).toBeCloseTo((SS * N * 198_090 * 2_720_000) / raw, 6);
  });
});

describe("timing, fees, savings share and payers", () => {
  it("a long lag extends the schedule beyond the business case", () => {
    const result = schedule({ lagMonths: 40 });
    expect(result.months).toBe(55); // paid in month 14 + 40 = 54
    expect(result.total).toHaveLength(55);
    expect(result.municipality.savings).toHaveLength(55);
    expect(result.discountFactor[54]).toBeCloseTo(df(54), 15);
    expect(result.discountedTotals.all).toBeCloseTo(result.totals.all * df(54), 6);
  });

  it("base fee spread over the 12 months of the effort", () => {
    const result = schedule({
      rateCard: withPrices({ selfSupporting: 0, paidHours: 0 }),
      baseFee: 12_000,
      baseFeeTiming: "spread",
    });
    for (let month = 0; month < 12; month++) expect(result.total[month]).toBeCloseTo((N * 12_000) / 12, 9);
    expect(result.total[12]).toBe(0);
    expect(result.totals.baseFee).toBeCloseTo(N * 12_000, 6);
  });

  it("share of savings: α × the municipality's savings, paid 3 months later", () => {
    const result = schedule({ rateCard: withPrices({ selfSupporting: 0, paidHours: 0 }), savingsShare: 0.5 });
    const savings = savingsByMonth(pilotCase, "narrow");
    expect(result.total[3]).toBeCloseTo(0.5 * (savings[0] ?? 0), 6);
    expect(result.total[30]).toBeCloseTo(0.5 * (savings[27] ?? 0), 6);
    expect(result.totals.savingsShare).toBeCloseTo(0.5 * (pilotCase.undiscounted.total.municipality + COST), 4);
    expect(result.months).toBe(53);
    expect(result.municipality.neverPaysMoreThanSaves).toBe(true);
  });

  it("a municipality paying all broad savings pays more than it saves", () => {
    const result = schedule({
      rateCard: withPrices({ selfSupporting: 0, paidHours: 0 }),
      savingsShare: 1,
      savingsScope: "broad",
      lagMonths: 0,
    });
    expect(result.totals.all).toBeCloseTo(pilotCase.undiscounted.total.public + COST, 4);
    expect(result.municipality.neverPaysMoreThanSaves).toBe(false);
  });

  it("payer split: kommune 60 %, stat 40 %", () => {
    const result = schedule({ municipalityShare: 0.6 });
    const total = SS * N * 198_090 + PH * N * 99_045;
    expect(result.byPayer.municipality[17]).toBeCloseTo(0.6 * total, 6);
    expect(result.byPayer.state[17]).toBeCloseTo(0.4 * total, 6);
    expect(result.municipality.total.payments).toBeCloseTo(0.6 * total, 6);
  });

  it("persistence decays the sustained share: 3/11 × 0.98⁶ still self-supporting 6 months after M", () => {
    const result = schedule({ rateCard: withPrices({ sustained6: 10_000 }) }, { ...pilot, persistence: 0.98 });
    expect(result.totals.byMetric.sustained6).toBeCloseTo(SS * 0.98 ** 6 * N * 10_000, 6);
  });
});

describe("families of chained metrics (who is the same person for the person cap)", () => {
  it("follows the chain links; unlinked metrics are families of their own", () => {
    expect(familiesOf([null, null, 0, 2])).toEqual([[0, 2, 3], [1]]);
    expect(familiesOf([null, 0, 0])).toEqual([[0, 1, 2]]);
    expect(familiesOf([null, null])).toEqual([[0], [1]]);
  });
});

describe("checked entry points", () => {
  it("report terms and scenario problems together", () => {
    const result = runPaymentSchedule({ ...pilot, horizonMonths: 0 }, { ...PILOT_PAYMENT_TERMS, lagMonths: -1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.field)).toEqual(["horizonMonths", "lagMonths"]);
    const terms = paymentScheduleFor(pilot, pilotCase, { ...PILOT_PAYMENT_TERMS, personCap: -1 });
    expect(terms.ok).toBe(false);
  });
});

/** Random terms on the pilot scenario (and random cohort splits), any baseline. */
const randomTerms = termsArbitrary();

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .tuple(fc.integer({ min: 1, max: 55 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(1, 0.97))
  .map(([first, intake, persistence]) => ({
    ...pilot,
    persistence,
    cohorts: [
      { participants: first, intakeMonth: 0 },
      { participants: N - first, intakeMonth: intake },
    ],
  }));

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe("schedule properties", () => {
  it("sums to its totals; payers and components add up; caps hold; net = savings − payments", () => {
    fc.assert(
      fc.property(randomTerms, scenarioArbitrary, (terms, scenario) => {
        const businessCase = computeBusinessCase(scenario);
        const result = expectOk(paymentScheduleFor(scenario, businessCase, terms));
        expect(result.months).toBeGreaterThanOrEqual(businessCase.months);
        expect(close(sum(result.total), result.totals.all)).toBe(true);
        for (let t = 0; t < result.months; t++) {
          const total = result.total[t] ?? 0;
          const components =
            (result.baseFee[t] ?? 0) +
            (result.savingsShare[t] ?? 0) +
            Object.values(result.byMetric).reduce((s, amounts) => s + (amounts[t] ?? 0), 0);
          expect(close(components, total)).toBe(true);
          expect(close((result.byPayer.municipality[t] ?? 0) + (result.byPayer.state[t] ?? 0), total)).toBe(true);
          const position = result.municipality;
          expect(close(position.net[t] ?? 0, (position.savings[t] ?? 0) - (result.byPayer.municipality[t] ?? 0))).toBe(
            true,
          );
        }
        const position = result.municipality;
        expect(close(position.total.net, position.total.savings - position.total.payments)).toBe(true);
        expect(close(position.discounted.net, position.discounted.savings - position.discounted.payments)).toBe(true);
        expect(position.neverPaysMoreThanSaves).toBe(
          position.discounted.payments <= position.discounted.savings + 1e-6,
        );
        if (terms.contractCap !== null)
          expect(result.totals.all).toBeLessThanOrEqual(terms.contractCap * (1 + 1e-9) + 1e-6);
        if (terms.personCap !== null) {
          expect(result.totals.outcomes).toBeLessThanOrEqual(N * terms.personCap * (1 + 1e-9) + 1e-6);
        }
        terms.rateCard.forEach((line, k) => {
          if (line.volumeCap !== null) {
            expect(result.metrics[k]?.payableCount).toBeLessThanOrEqual(line.volumeCap * (1 + 1e-12) + 1e-9);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it("a higher price never lowers the total payment", () => {
    fc.assert(
      fc.property(randomTerms, fc.nat(3), fc.double({ min: 0, max: 100_000, noNaN: true }), (terms, which, raise) => {
        const higher = {
          ...terms,
          rateCard: terms.rateCard.map((line, k) => (k === which ? { ...line, price: line.price + raise } : line)),
        };
        const before = computePaymentSchedule(pilot, pilotCase, terms).totals.all;
        const after = computePaymentSchedule(pilot, pilotCase, higher).totals.all;
        expect(after).toBeGreaterThanOrEqual(before - 1e-6 * Math.max(1, before));
      }),
      { numRuns: 100 },
    );
  });

  it("with a metric threshold, an effect just below θ pays 0 and at θ pays more than 0", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), (below) => {
        // Self-supporting effect: 100 × (3/11 − 0.12) = 15.2727… pp. Only self-supporting is priced.
        const effect = 100 * (SS - 0.12);
        const terms = (pp: number): PaymentTerms => ({
          ...PILOT_PAYMENT_TERMS,
          rateCard: withPrices({ paidHours: 0 }),
          threshold: { pp, scope: "metric", metric: null },
        });
        expect(computePaymentSchedule(pilot, pilotCase, terms(effect)).totals.all).toBeGreaterThan(0);
        expect(computePaymentSchedule(pilot, pilotCase, terms(effect + below)).totals.all).toBe(0);
      }),
    );
  });
});
