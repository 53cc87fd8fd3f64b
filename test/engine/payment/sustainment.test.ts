import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../../../src/engine/investor/terms";
import { deadweightCore, savingsAfterLastPaymentCore } from "../../../src/engine/payment/deadweight";
import { applyPaymentTermInputs } from "../../../src/engine/payment/termInputs";
import { computePaymentSchedule, runPaymentSchedule } from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../../src/engine/payment/terms";
import { pilotScenario } from "../../../src/engine/pilot";
import type { Scenario } from "../../../src/engine/scenario";
import { stressModel } from "../../../src/engine/stress/model";
import { termsArbitrary, withSustainment } from "./support/terms";

const pilot = expectOk(pilotScenario(2023));
const N = 56;
/** Pilot participants, calibrated counts of 55 measured: self-supporting (JOB + JOB_UNK) 15/55. */
const SS = 15 / 55;
/** Pilot comparison group (COWI/PDJF 2023): JOB 7 % + JOB_UNK 5 % = 12 % self-supporting. */
const COMPARISON_SS = 0.12;
/** Measurement month 14 and the pilot's claim lag 3: month j of the card is paid in programme month 17 + j. */
const FIRST_PAYMENT = 14 + 3;

/** Only the sustainment card (the rate card's prices set to 0), so its payments can be read off the total. */
function cardOnly(sustainment: PaymentTerms["sustainment"], change: Partial<PaymentTerms> = {}): PaymentTerms {
  return {
    ...PILOT_PAYMENT_TERMS,
    rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: 0 })),
    sustainment,
    ...change,
  };
}

function scheduleOf(terms: PaymentTerms, scenario: Scenario = pilot) {
  return computePaymentSchedule(scenario, computeBusinessCase(scenario), terms);
}

describe("sustainment card: paid per month in work (issue 11 item 3)", () => {
  it("gross, no decay: 6,000 kr × 15/55 × 56 in each of 24 months from month 17", () => {
    const schedule = scheduleOf(cardOnly({ monthlyPrice: 6000, months: 24 }));
    const monthly = 6000 * SS * N; // 91,636.36 kr
    for (let t = 0; t < schedule.months; t++) {
      const expected = t >= FIRST_PAYMENT && t < FIRST_PAYMENT + 24 ? monthly : 0;
      expect(schedule.sustainment[t]).toBeCloseTo(expected, 6);
      expect(schedule.total[t]).toBeCloseTo(expected, 6);
    }
    expect(schedule.totals.sustainment).toBeCloseTo(24 * monthly, 4);
  });

  it("with persistence ρ = 0.98 the investor carries the fading: month j pays ρ^j of month 0", () => {
    const scenario = { ...pilot, persistence: 0.98 };
    const schedule = scheduleOf(cardOnly({ monthlyPrice: 6000, months: 12 }), scenario);
    for (let j = 0; j < 12; j++) {
      expect(schedule.sustainment[FIRST_PAYMENT + j]).toBeCloseTo(6000 * SS * 0.98 ** j * N, 6);
    }
    // Geometric sum: 6000 × SS × N × (1 − 0.98^12) / (1 − 0.98).
    expect(schedule.totals.sustainment).toBeCloseTo((6000 * SS * N * (1 - 0.98 ** 12)) / 0.02, 4);
  });

  it("netted against the comparison group: pays (15/55 − 0.12) ρ^j, and its deadweight is 0", () => {
    const terms = cardOnly({ monthlyPrice: 6000, months: 24 }, { baseline: { kind: "comparison" } });
    const schedule = scheduleOf(terms);
    expect(schedule.totals.sustainment).toBeCloseTo(24 * 6000 * (SS - COMPARISON_SS) * N, 4);
    const deadweight = deadweightCore(pilot, schedule, terms);
    expect(deadweight.paymentAtZeroEffect).toBe(0);
    expect(deadweight.shareOfPayment).toBe(0);
  });

  it("gross: its deadweight is what the comparison group's 12 % would earn, 24 × 6,000 × 0.12 × 56", () => {
    const terms = cardOnly({ monthlyPrice: 6000, months: 24 });
    const deadweight = deadweightCore(pilot, scheduleOf(terms), terms);
    expect(deadweight.paymentAtZeroEffect).toBeCloseTo(24 * 6000 * COMPARISON_SS * N, 4);
    expect(deadweight.shareOfPayment).toBeCloseTo(COMPARISON_SS / SS, 12);
  });

  it("moves the last outcome payment to month 17 + 23 = 40, so fewer savings arrive after it", () => {
    const terms = { ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 4000, months: 24 } };
    const result = computeBusinessCase(pilot);
    const card = savingsAfterLastPaymentCore(result, computePaymentSchedule(pilot, result, PILOT_PAYMENT_TERMS));
    const sustained = savingsAfterLastPaymentCore(result, computePaymentSchedule(pilot, result, terms));
    expect(card.lastPaymentMonth).toBe(17);
    expect(sustained.lastPaymentMonth).toBe(FIRST_PAYMENT + 23);
    expect(sustained.share ?? 1).toBeLessThan(card.share ?? 0);
  });

  it("a threshold on the self-supporting effect stops the card (the pilot's effect is 15/55 − 0.12 = 15.3 pp)", () => {
    const stopped = scheduleOf(
      cardOnly({ monthlyPrice: 6000, months: 24 }, { threshold: { pp: 16, scope: "metric", metric: null } }),
    );
    expect(stopped.totals.sustainment).toBe(0);
    const paid = scheduleOf(
      cardOnly({ monthlyPrice: 6000, months: 24 }, { threshold: { pp: 15, scope: "metric", metric: null } }),
    );
    expect(paid.totals.sustainment).toBeGreaterThan(0);
  });

  it("the contract cap covers the card too", () => {
    const schedule = scheduleOf(cardOnly({ monthlyPrice: 6000, months: 24 }, { contractCap: 1_000_000 }));
    expect(schedule.totals.all).toBeCloseTo(1_000_000, 6);
    expect(schedule.totals.sustainment).toBeCloseTo(1_000_000, 6);
  });

  it("refuses a duration beyond the horizon (14 + 40 > 50), naming the term and the rule", () => {
    const result = runPaymentSchedule(pilot, {
      ...PILOT_PAYMENT_TERMS,
      sustainment: { monthlyPrice: 6000, months: 40 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((item) => [item.field, item.rule])).toEqual([["sustainment.months", "horizon"]]);
    expect(result.issues[0]?.message).toContain("beyond the horizon of 50 months; use at most 36 months");
    expect(
      runPaymentSchedule(pilot, { ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 6000, months: 36 } }).ok,
    ).toBe(true);
  });

  it("the terms range: English and Danish names, a price needs a duration, bad values named", () => {
    const terms = expectOk(
      applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [
        ["sustainment.monthlyPrice", 6000],
        ["Fastholdelse måneder", 24],
      ]),
    );
    expect(terms.sustainment).toEqual({ monthlyPrice: 6000, months: 24 });
    const missing = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [["sustainment.monthlyPrice", 6000]]);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.issues.map((item) => [item.field, item.rule])).toEqual([["sustainment.months", "required"]]);
    const bad = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [
      ["sustainment.monthlyPrice", -1],
      ["sustainment.months", 2.5],
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((item) => item.field)).toEqual(["sustainment.monthlyPrice", "sustainment.months"]);
    }
    const none = expectOk(applyPaymentTermInputs(terms, [["sustainment.monthlyPrice", "none"]]));
    expect(none.sustainment).toBeNull();
  });

  it("the milestone variant is the rate card's sustained<k> metrics: paid at 6, 12 and 18 months in work", () => {
    const terms = expectOk(
      applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [
        ["price.sustained6", 10_000],
        ["price.sustained12", 10_000],
        ["price.sustained18", 10_000],
        ["requires.sustained18", "sustained12"],
      ]),
    );
    const schedule = scheduleOf(terms);
    // Chained to self-support, no decay: 15/55 × 56 people paid 10,000 kr at M + k + lag.
    for (const k of [6, 12, 18]) expect(schedule.total[FIRST_PAYMENT + k]).toBeCloseTo(10_000 * SS * N, 6);
  });

  it("the Monte Carlo takes the card (it draws it since issue 11's last step; test/engine/stress/drawSustainment.test.ts checks its payments)", () => {
    const model = stressModel({
      scenario: pilot,
      paymentTerms: { ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 6000, months: 24 } },
      investorTerms: DEFAULT_INVESTOR_TERMS,
    });
    expect(model.ok).toBe(true);
  });

  it("property (60 random terms with a card): comparison baseline, no fee and no savings share → deadweight 0", () => {
    const result = computeBusinessCase(pilot);
    fc.assert(
      fc.property(withSustainment(termsArbitrary(fc.constant({ kind: "comparison" as const }))), (random) => {
        const terms = { ...random, baseFee: 0, savingsShare: 0 };
        const schedule = computePaymentSchedule(pilot, result, terms);
        expect(deadweightCore(pilot, schedule, terms).paymentAtZeroEffect).toBe(0);
        // Without a contract cap the card pays Σ_j price × max(0, (SS − 0.12(+EDU)) ρ^j) × 56 (ρ = 1 in the pilot).
        const card = terms.sustainment;
        if (terms.contractCap === null && terms.threshold === null && card !== null && card !== undefined) {
          const effect = terms.includeEducation ? SS - (COMPARISON_SS + 0.01) : SS - COMPARISON_SS; // EDU 0 vs 1 %
          expect(schedule.totals.sustainment).toBeCloseTo(card.monthlyPrice * card.months * effect * N, 4);
        }
      }),
      { numRuns: 60 },
    );
  });
});
