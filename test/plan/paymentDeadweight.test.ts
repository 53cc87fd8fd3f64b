import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { DEADWEIGHT_WARNING_SHARE } from "../../src/engine/payment/deadweight";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { buildPlan } from "../../src/plan/buildPlan";
import { DEADWEIGHT_NOTE } from "../../src/plan/payment/deadweightBlock";
import { evaluatePlan } from "../support/hyperformulaWorkbook";
import { termsArbitrary } from "../engine/payment/support/terms";
import { expectPaymentSheetMatches } from "./paymentMatch";

const pilot = expectOk(pilotScenario());
const N = 56;
/** Pilot comparison group (COWI/PDJF 2023, whole percent): JOB 7 + JOB_UNK 5 = 12 % self-supporting, JOB_PART 10 %. */
const COMPARISON_SS = 0.07 + 0.05;
const COMPARISON_PH = 0.1;
/** ../shared/reviews/economist.md 3.2 item 1: the gross default card pays 1,885,817 kr at zero effect. */
const REVIEW_PAYMENT_AT_ZERO_EFFECT = 1_885_817;
/** Same review, 3.2 item 2: 72.3 % of the municipality's discounted gross savings arrive after month 17. */
const REVIEW_SAVINGS_AFTER_MONTH_17 = 0.723;
/** The review's pilot payment: 3,932,987 kr at month 17 (section 3.1). */
const REVIEW_PAYMENT = 3_932_987;

describe("the Payment sheet's deadweight block (live formulas) equals the engine and the review", () => {
  it("pilot (da): 1,885,817 kr at zero effect, 47.9 % of the payment, warning in words, 72.3 % after month 17", () => {
    const workbook = expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "da");
    const atZero = workbook.valueOf("SIB_PayZeroEffect") as number;
    // 198,090 × 0.12 × 56 + 99,045 × 0.10 × 56 = 1,331,164.80 + 554,652.00 (sustainment lines priced 0).
    expect(atZero).toBeCloseTo(198_090 * COMPARISON_SS * N + 99_045 * COMPARISON_PH * N, 6);
    expect(Math.abs(atZero - REVIEW_PAYMENT_AT_ZERO_EFFECT)).toBeLessThanOrEqual(1);
    expect(workbook.valueOf("SIB_PayZeroEffectShare") as number).toBeCloseTo(
      REVIEW_PAYMENT_AT_ZERO_EFFECT / REVIEW_PAYMENT,
      6,
    );
    expect(workbook.valueOf("SIB_PayDeadweightWarningLevel")).toBe(DEADWEIGHT_WARNING_SHARE);
    expect(workbook.valueOf("SIB_PayDeadweightWarning")).toBe(1);
    expect(workbook.valueOf("SIB_PayDeadweightNote")).toBe(DEADWEIGHT_NOTE.warning.da);
    expect(workbook.valueOf("SIB_PayLastOutcomeMonth")).toBe(17);
    expect(workbook.valueOf("SIB_PaySavingsAfterLastPayment") as number).toBeCloseTo(REVIEW_SAVINGS_AFTER_MONTH_17, 3);
    // Self-supporting: the comparison group's 12 % of the participants' 15/55 (calibrated counts of 55 measured).
    expect(workbook.valueOf("SIB_PayComparisonReached_selfSupporting") as number).toBeCloseTo(
      COMPARISON_SS / (15 / 55),
      9,
    );
    // Sustainment lines are priced 0 but still counted: their payable outcomes exist.
    expect(typeof workbook.valueOf("SIB_PayComparisonReached_sustained6")).toBe("number");
  });

  it("a counterfactual card (baseline = the comparison group) pays 0 at zero effect and does not warn (en)", () => {
    const terms: PaymentTerms = { ...PILOT_PAYMENT_TERMS, baseline: { kind: "comparison" } };
    const workbook = expectPaymentSheetMatches(pilot, terms, "en");
    expect(workbook.valueOf("SIB_PayZeroEffect")).toBe(0);
    expect(workbook.valueOf("SIB_PayZeroEffectShare")).toBe(0);
    expect(workbook.valueOf("SIB_PayDeadweightWarning")).toBe(0);
    expect(workbook.valueOf("SIB_PayDeadweightNote")).toBe(DEADWEIGHT_NOTE.fine.en);
    expect(workbook.valueOf("SIB_PayComparisonReached_selfSupporting")).toBe(0);
  });

  it("a negative effect: nothing expected, but the gross card pays at zero effect → the share is undefined, with a warning", () => {
    // The participants at the comparison group's shares minus 5 pp of JOB moved to TEMP: a negative effect.
    const worse = {
      ...pilot,
      participantShares: { ...pilot.comparisonShares, JOB: 0.02, TEMP: pilot.comparisonShares.TEMP + 0.05 },
    };
    const terms: PaymentTerms = { ...PILOT_PAYMENT_TERMS, threshold: { pp: 0, scope: "contract", metric: null } };
    const workbook = expectPaymentSheetMatches(worse, terms, "en");
    expect(workbook.valueOf("SIB_PayTotal")).toBe(0);
    expect(workbook.valueOf("SIB_PayZeroEffect") as number).toBeGreaterThan(0);
    expect(workbook.valueOf("SIB_PayZeroEffectShare")).toBe("undefined (expected payment 0)");
    expect(workbook.valueOf("SIB_PayDeadweightWarning")).toBe(1);
    expect(workbook.valueOf("SIB_PayLastOutcomeMonth")).toBe("none");
    expect(workbook.valueOf("SIB_PaySavingsAfterLastPayment")).toBe("none");
  });

  it("a threshold edited in the workbook recalculates the payment at zero effect (live, not a pasted value)", () => {
    const plan = buildPlan(pilot, "en", { paymentTerms: PILOT_PAYMENT_TERMS });
    const workbook = evaluatePlan(plan);
    expect(workbook.valueOf("SIB_PayZeroEffect") as number).toBeGreaterThan(1_800_000);
    workbook.setInput("SIB_PayThresholdPP", 5);
    // 5 pp is not reached at 0 pp of effect: no outcome is paid at zero effect (no base fee in the pilot terms).
    expect(workbook.valueOf("SIB_PayZeroEffect")).toBe(0);
    expect(workbook.valueOf("SIB_PayDeadweightWarning")).toBe(0);
  });

  it("random terms of test/engine/payment/support/terms.ts (property, 20 runs): every deadweight name equals the engine", () => {
    fc.assert(
      fc.property(termsArbitrary(), fc.integer({ min: 90, max: 100 }), (terms, persistence) => {
        expectPaymentSheetMatches({ ...pilot, persistence: persistence / 100 }, terms, "en");
      }),
      { numRuns: 20, seed: 20261201 },
    );
  }, 120_000);
});
