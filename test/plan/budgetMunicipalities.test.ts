import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBudget, municipalityBudgets, type MunicipalityBudgetAccount } from "../../src/engine/budget";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import type { PaymentTerms } from "../../src/engine/payment/terms";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { budgetName, municipalityBudgetName } from "../../src/plan/budgetSheet";
import { buildPlan } from "../../src/plan/buildPlan";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

/**
 * The Budget sheet per municipality (issue 10's loose end), HyperFormula = engine: each municipality's budget year,
 * three overslagsår and remainder (SIB_Budget_Muni<n>_<Account>) equal municipalityBudgets' summary to 1e-9, and in
 * the workbook the municipalities' cells sum to the whole case's (SIB_Budget_Municipality,
 * SIB_Budget_MunicipalityWithSib; what they pay to the outcome payments when the state pays nothing, as the pilot's
 * terms say).
 */
const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;
const terms = expectOk(pilotModel()).paymentTerms;

function column(workbook: EvaluatedWorkbook, definedName: string): number[] {
  const cells = workbook.rangeOf(definedName)?.map((row) => row[0]) ?? [];
  expect(cells, definedName).toHaveLength(5);
  return cells.map((cell, k) => {
    if (typeof cell !== "number") throw new Error(`${definedName}[${k}] is ${String(cell)}`);
    return cell;
  });
}

function expectClose(actual: readonly number[], expected: readonly number[], what: string): void {
  const scale = Math.max(1, ...expected.map(Math.abs));
  expected.forEach((amount, k) =>
    expect(Math.abs((actual[k] ?? NaN) - amount) / scale, `${what} ${k}`).toBeLessThanOrEqual(1e-9),
  );
}

function expectMunicipalBudgets(scenario: Scenario, language: "da" | "en", paymentTerms?: PaymentTerms): void {
  const plan = buildPlan(scenario, language, paymentTerms === undefined ? {} : { paymentTerms, addInValues: false });
  const workbook = evaluatePlan(plan);
  expect(workbook.errors()).toEqual([]);
  const result = computeBusinessCase(scenario);
  const schedule = paymentTerms === undefined ? null : computePaymentSchedule(scenario, result, paymentTerms);
  const parts = Object.values(municipalityBudgets(scenario, result, schedule));
  expect(parts).toHaveLength(2);
  const accounts: readonly MunicipalityBudgetAccount[] =
    schedule === null ? ["municipality"] : ["municipality", "municipalPayments", "municipalityWithSib"];
  for (const account of accounts) {
    const cells = parts.map((part, index) => {
      const definedName = municipalityBudgetName(index + 1, account);
      const values = column(workbook, definedName);
      expectClose(values, part.summary[account], definedName);
      return values;
    });
    // In the workbook the municipalities sum to the whole case's column, year by year.
    const whole = account === "municipalPayments" ? budgetName("outcomePayments") : budgetName(account);
    const summed = [0, 1, 2, 3, 4].map((k) => cells.reduce((sum, values) => sum + (values[k] ?? NaN), 0));
    expectClose(summed, column(workbook, whole), `Σ ${account} = ${whole}`);
  }
  // Without payment terms the sheet has no payment columns per municipality.
  if (schedule === null) expect(workbook.rangeOf(municipalityBudgetName(1, "municipalPayments"))).toBeUndefined();
  else expect(computeBudget(scenario, result, schedule).summary.outcomePayments.some((paid) => paid > 0)).toBe(true);
}

describe("the Budget sheet per municipality (HyperFormula = engine)", () => {
  it("Herning and Viborg with the pilot's terms indexed 2 %, started 2026-10-01 at 3 % a year (da)", () => {
    // The pilot's terms: the municipalities pay everything, so what they pay sums to the outcome payments.
    expect(terms.municipalityShare).toBe(1);
    expectMunicipalBudgets({ ...herningViborg, startDate: "2026-10-01", priceIndex: 0.03 }, "da", {
      ...terms,
      priceIndexation: 0.02,
    });
  });

  it("Herning and Viborg without payment terms (en): each one's own budget only", () => {
    expectMunicipalBudgets(herningViborg, "en");
  });
});
