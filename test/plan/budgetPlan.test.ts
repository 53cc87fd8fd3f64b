import { describe, expect, it } from "vitest";
import { computeBudget } from "../../src/engine/budget";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { budgetName } from "../../src/plan/budgetSheet";
import { buildPlan } from "../../src/plan/buildPlan";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario(2023));

/** The Budget sheet's five amounts per account equal the engine's summary after recalculation (1e-9 relative). */
function expectBudgetMatches(scenario: Scenario, language: "da" | "en"): void {
  const workbook = evaluatePlan(buildPlan(scenario, language));
  expect(workbook.errors()).toEqual([]);
  const budget = computeBudget(scenario, computeBusinessCase(scenario), null);
  const years = workbook.rangeOf("SIB_BudgetYears")?.map((row) => row[0]);
  expect(years).toEqual([0, 1, 2, 3, 4].map((k) => budget.startYear + k));
  for (const account of ACCOUNTS) {
    const cells = workbook.rangeOf(budgetName(account))?.map((row) => row[0]) ?? [];
    const engine = budget.summary[account];
    expect(cells).toHaveLength(engine.length);
    engine.forEach((amount, k) => {
      const cell = cells[k];
      if (typeof cell !== "number") throw new Error(`${budgetName(account)}[${k}] is ${String(cell)}`);
      expect(Math.abs(cell - amount) / Math.max(1, Math.abs(amount)), `${account} ${k}`).toBeLessThanOrEqual(1e-9);
    });
  }
}

describe("the Budget sheet (HyperFormula): native formulas equal the engine's budget view", () => {
  it("the pilot from 2026-01-01 at 2 % (da)", () => expectBudgetMatches(pilot, "da"));

  it("a start in October, 3.5 % a year, two cohorts and a 60-month horizon (en)", () => {
    const scenario: Scenario = {
      ...pilot,
      startDate: "2027-10-15",
      priceIndex: 0.035,
      horizonMonths: 60,
      cohorts: [
        { participants: 30, intakeMonth: 0 },
        { participants: 26, intakeMonth: 7 },
      ],
    };
    expectBudgetMatches(scenario, "en");
  });

  it("editing the start month and the price index in the workbook moves the years as the engine does", () => {
    const plan = buildPlan(pilot, "da");
    const workbook = evaluatePlan(plan);
    workbook.setInput("SIB_BudgetStartMonth", 7);
    workbook.setInput("SIB_BudgetPriceIndex", 0);
    const engine = computeBudget(
      { ...pilot, startDate: "2026-07-01", priceIndex: 0 },
      computeBusinessCase(pilot),
      null,
    );
    const cells = workbook.rangeOf(budgetName("municipality"))?.map((row) => row[0]) ?? [];
    engine.summary.municipality.forEach((amount, k) => {
      expect(Math.abs((cells[k] as number) - amount) / Math.max(1, Math.abs(amount))).toBeLessThanOrEqual(1e-9);
    });
  });
});
