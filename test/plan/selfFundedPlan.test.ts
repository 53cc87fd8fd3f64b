import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { applyPaymentTermInputs } from "../../src/engine/payment/termInputs";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { compareFinancing, type FinancingView } from "../../src/engine/selfFunded";
import { buildPlan } from "../../src/plan/buildPlan";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario(2023));

const NAMES: Readonly<Record<keyof FinancingView, [string, string]>> = {
  npv: ["SIB_SelfFundedNPV", "SIB_SibNPV"],
  worstCumulative: ["SIB_SelfFundedWorstCash", "SIB_SibWorstCash"],
  worstMonth: ["SIB_SelfFundedWorstMonth", "SIB_SibWorstMonth"],
  lossIfNoEffect: ["SIB_SelfFundedLossNoEffect", "SIB_SibLossNoEffect"],
};

function expectBlockMatches(scenario: Scenario, terms: PaymentTerms, language: "da" | "en"): void {
  const workbook = evaluatePlan(buildPlan(scenario, language, { paymentTerms: terms }));
  // The block's own sheet has no error cell (other sheets are other tests' subject).
  expect(workbook.errors().filter((error) => /^(Payment|Betaling)!/.test(error))).toEqual([]);
  const result = computeBusinessCase(scenario);
  const engine = compareFinancing(scenario, result, computePaymentSchedule(scenario, result, terms), terms);
  for (const key of Object.keys(NAMES) as (keyof FinancingView)[]) {
    ([engine.selfFunded, engine.sib] as const).forEach((view, column) => {
      const definedName = NAMES[key][column] ?? "";
      const value = workbook.valueOf(definedName);
      const expected = view[key];
      if (expected === null) {
        expect(value, definedName).toBe("-");
        return;
      }
      expect(typeof value, definedName).toBe("number");
      expect(Math.abs((value as number) - expected) / Math.max(1, Math.abs(expected)), definedName).toBeLessThanOrEqual(
        1e-9,
      );
    });
  }
}

describe("SIB vs doing it ourselves on the Payment sheet (HyperFormula) equals src/engine/selfFunded.ts", () => {
  it("the pilot under the pilot's terms (da)", () => expectBlockMatches(pilot, PILOT_PAYMENT_TERMS, "da"));

  it("two cohorts, a 2-month claim lag and a base fee (en)", () => {
    const terms = expectOk(
      applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [
        ["lagMonths", 2],
        ["baseFee", 300000],
      ]),
    );
    const scenario: Scenario = {
      ...pilot,
      cohorts: [
        { participants: 30, intakeMonth: 0 },
        { participants: 26, intakeMonth: 6 },
      ],
    };
    expectBlockMatches(scenario, terms, "en");
  });
});
