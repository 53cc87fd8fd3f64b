import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { computeBudget, type BudgetAccount } from "../../src/engine/budget";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS, investorTerms, type InvestorTerms } from "../../src/engine/investor/terms";
import { pilotModel } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import type { PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import type { Scenario } from "../../src/engine/scenario";
import { BUDGET_PAYMENT_ACCOUNTS, budgetName } from "../../src/plan/budgetSheet";
import { buildPlan } from "../../src/plan/buildPlan";
import { contractFromWorkbook } from "../../src/plan/readBack";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

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

const terms = expectOk(pilotModel()).paymentTerms;
const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;

/**
 * With payment terms: the Budget sheet's eight accounts (the six, the outcome payments as paid and the municipality
 * with SIB) equal the engine's `budget.<account>` summary (computeBudget with the schedule and the investor terms).
 */
function expectPaymentBudgetMatches(
  scenario: Scenario,
  paymentTerms: PaymentTerms,
  language: "da" | "en",
  investor?: InvestorTerms,
): void {
  const plan = buildPlan(scenario, language, {
    paymentTerms,
    addInValues: false,
    ...(investor === undefined ? {} : { investorTerms: investor }),
  });
  const workbook = evaluatePlan(plan);
  expect(workbook.errors()).toEqual([]);
  compareWithEngine(workbook, scenario, paymentTerms, investor);
}

function compareWithEngine(
  workbook: EvaluatedWorkbook,
  scenario: Scenario,
  paymentTerms: PaymentTerms,
  investor?: InvestorTerms,
): void {
  const result = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, result, paymentTerms);
  const budget = computeBudget(scenario, result, schedule, investor);
  const accounts: BudgetAccount[] = [...ACCOUNTS, ...BUDGET_PAYMENT_ACCOUNTS];
  for (const account of accounts) {
    const cells = workbook.rangeOf(budgetName(account))?.map((row) => row[0]) ?? [];
    const engine = budget.summary[account];
    expect(cells, account).toHaveLength(engine.length);
    engine.forEach((amount, k) => {
      const cell = cells[k];
      if (typeof cell !== "number") throw new Error(`${budgetName(account)}[${k}] is ${String(cell)}`);
      expect(Math.abs(cell - amount) / Math.max(1, Math.abs(amount)), `${account} ${k}`).toBeLessThanOrEqual(1e-9);
    });
  }
  // The payments are really there: the five amounts sum to the contract money paid (the schedule's nominal total).
  const paid = (workbook.rangeOf(budgetName("outcomePayments")) ?? []).reduce((sum, row) => sum + Number(row[0]), 0);
  expect(schedule.nominal.totals.all).toBeGreaterThan(0);
  expect(Math.abs(paid - schedule.nominal.totals.all) / schedule.nominal.totals.all).toBeLessThanOrEqual(1e-9);
}

describe("the Budget sheet with payment terms: outcome payments as paid and the municipality with SIB (issue 10)", () => {
  it("Herning and Viborg, started 2026-10-01 at 3 %, the terms indexed 2 % a year (en)", () =>
    expectPaymentBudgetMatches(
      { ...herningViborg, startDate: "2026-10-01", priceIndex: 0.03 },
      { ...terms, priceIndexation: 0.02 },
      "en",
    ));

  it("a 15-month horizon from 2025-10-01: the payment of month 17 (after the horizon) is in 2027, not dropped (da)", () =>
    expectPaymentBudgetMatches({ ...pilot, horizonMonths: 15, startDate: "2025-10-01" }, terms, "da"));

  it("a return cap of 1× that binds: the municipality does not pay the withheld surplus, half paid by the state", () => {
    // The review's cap-binds case (JOB share 40 %, test/engine/municipalityPays.test.ts), the state paying 50 %.
    const shares = { ...pilot.participantShares };
    const capBinds: Scenario = {
      ...pilot,
      participantShares: { ...shares, JOB: 0.4, TEMP: shares.TEMP - (0.4 - shares.JOB) },
    };
    const cap = expectOk(investorTerms({ returnCap: { multiple: 1 } }));
    expectPaymentBudgetMatches(capBinds, { ...terms, municipalityShare: 0.5, priceIndexation: 0.03 }, "en", cap);
  });

  it("the pilot with its terms (da); the contract's indexation is an input that moves the payments as in the engine", () => {
    const workbook = evaluatePlan(buildPlan(pilot, "da", { paymentTerms: terms, addInValues: false }));
    expect(workbook.errors()).toEqual([]);
    compareWithEngine(workbook, pilot, terms);
    // Read back as written: the base's terms unchanged (no priceIndexation field added).
    const base = { paymentTerms: terms, investorTerms: DEFAULT_INVESTOR_TERMS };
    const valuesOf = (definedName: string) => workbook.rangeOf(definedName);
    expect(expectOk(contractFromWorkbook(base, valuesOf))?.paymentTerms.priceIndexation).toBe(terms.priceIndexation);
    workbook.setInput("SIB_BudgetPaymentIndexation", 0.05);
    compareWithEngine(workbook, pilot, { ...terms, priceIndexation: 0.05 });
    const cells = workbook.rangeOf(budgetName("outcomePayments"))?.map((row) => row[0]) ?? [];
    // "Update model" reads the indexation typed on the Budget sheet; a model without the cell keeps the base's.
    expect(expectOk(contractFromWorkbook(base, valuesOf))?.paymentTerms.priceIndexation).toBe(0.05);
    const older = (definedName: string) =>
      definedName === "SIB_BudgetPaymentIndexation" ? undefined : workbook.rangeOf(definedName);
    expect(expectOk(contractFromWorkbook(base, older))?.paymentTerms.priceIndexation).toBe(terms.priceIndexation);
    workbook.setInput("SIB_BudgetPaymentIndexation", 0.5);
    const refused = contractFromWorkbook(base, valuesOf);
    expect(refused.ok ? [] : refused.issues.map((found) => found.field)).toEqual(["priceIndexation"]);
    // The pilot pays in month 17 (contract year 1), so the 2027 amount is the payment × 1.05 (independent of the code).
    const schedule = computePaymentSchedule(pilot, computeBusinessCase(pilot), terms);
    expect(cells[1]).toBeCloseTo((schedule.total[17] ?? Number.NaN) * 1.05, 4);
  });
});
