import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeBudget, MUNICIPALITY_BUDGET_ACCOUNTS, municipalityBudgets } from "../../src/engine/budget";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { planToXlsx } from "../../src/export/xlsx";
import { BUDGET_PAYMENT_ACCOUNTS, budgetName, municipalityBudgetName } from "../../src/plan/budgetSheet";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { municipalityResultName } from "../../src/plan/results/municipalityBlock";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * Issue 10 in LibreOffice, in one recalculated workbook (to keep CI time down): examples/herning-viborg.json (two
 * municipalities, each with its own kommuneskat and weeks on benefit) with the pilot's payment terms indexed 2 % a
 * year, started 2026-10-01 at 3 % a year. The Budget sheet equals the engine's budget view (every account's budget
 * year, three overslagsår and remainder, the outcome payments as paid and the municipality with SIB included, and each
 * municipality's own budget, what it pays and with SIB, which sum to the whole's) and
 * every named result, the per-municipality columns on Results included, equals the engine's workbookNames, to 1e-9
 * relative (cached values are not trusted: LibreOffice recalculates on load).
 */
const artifacts = join("test-artifacts", "e2e-budget");

/** A formula cell's result as LibreOffice saved it (a formula cell without a result is 0: ExcelJS drops <v>0</v>). */
function resultOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "formula" in value
    ? ((value as { result?: unknown }).result ?? 0)
    : value;
}

/** The value of a single-cell defined name of a saved workbook. */
function singleValue(workbook: ExcelJS.Workbook, definedName: string): unknown {
  const [range] = workbook.definedNames.getRanges(definedName).ranges;
  const match = range === undefined ? null : /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (match === null) return undefined;
  return resultOf(workbook.getWorksheet(match[1] ?? "")?.getCell(`${match[2]}${match[3]}`).value as unknown);
}

function rangeValues(workbook: ExcelJS.Workbook, definedName: string): unknown[] {
  const [range] = workbook.definedNames.getRanges(definedName).ranges;
  const match = range === undefined ? null : /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (match === null) throw new Error(`${definedName} is not a range: ${String(range)}`);
  const sheet = workbook.getWorksheet(match[1] ?? "");
  const values: unknown[] = [];
  for (let row = Number(match[3]); row <= Number(match[5]); row++) {
    const value = sheet?.getCell(`${match[2]}${row}`).value as unknown;
    // A formula cell without a result is LibreOffice's 0 (ExcelJS drops <v>0</v>).
    values.push(
      typeof value === "object" && value !== null && "formula" in value
        ? ((value as { result?: unknown }).result ?? 0)
        : value,
    );
  }
  return values;
}

describe("Budget sheet recalculated by LibreOffice equals the engine", () => {
  it("Herning and Viborg with the pilot's terms indexed 2 %, started 2026-10-01 at 3 % a year (da): Budget and per-municipality results", async () => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const file = JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown;
    const herningViborg = expectOk(parseScenarioFile(file)).scenario;
    const scenario: Scenario = { ...herningViborg, startDate: "2026-10-01", priceIndex: 0.03 };
    // The contract indexed 2 % a year (the Budget sheet's SIB_BudgetPaymentIndexation; the schedule stays in fixed prices).
    const terms = { ...expectOk(pilotModel()).paymentTerms, priceIndexation: 0.02 };
    const source = join(artifacts, "budget-da.xlsx");
    writeFileSync(source, await planToXlsx(buildPlan(scenario, "da", { paymentTerms: terms })));
    const { output } = recalculateWithLibreOffice(
      source,
      join(artifacts, "recalculated"),
      join(artifacts, ".lo-profile"),
    );
    const result = computeBusinessCase(scenario);
    const schedule = computePaymentSchedule(scenario, result, terms);
    // With the payment terms: the outcome payments as paid and the municipality with SIB are accounts too.
    const budget = computeBudget(scenario, result, schedule);
    // One read of the saved file for every check (a 2-municipality model with Payment and Investor sheets).
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(output);
    expect(rangeValues(recalculated, "SIB_BudgetYears")).toEqual([2026, 2027, 2028, 2029, 2030]);
    for (const account of [...ACCOUNTS, ...BUDGET_PAYMENT_ACCOUNTS]) {
      const cells = rangeValues(recalculated, budgetName(account));
      budget.summary[account].forEach((amount, k) => {
        const cell = cells[k];
        expect(typeof cell, `${account} ${k}`).toBe("number");
        expect(
          Math.abs((cell as number) - amount) / Math.max(1, Math.abs(amount)),
          `${account} ${k}`,
        ).toBeLessThanOrEqual(1e-9);
      });
    }
    // Per municipality (its own budget, what it pays, with SIB): the engine's municipalityBudgets, and the
    // municipalities' own budgets sum to the whole's in the recalculated file.
    const parts = Object.values(municipalityBudgets(scenario, result, schedule));
    expect(parts).toHaveLength(2);
    parts.forEach((part, index) => {
      for (const account of MUNICIPALITY_BUDGET_ACCOUNTS) {
        const definedName = municipalityBudgetName(index + 1, account);
        const cells = rangeValues(recalculated, definedName);
        part.summary[account].forEach((amount, k) => {
          const cell = cells[k];
          expect(typeof cell, `${definedName} ${k}`).toBe("number");
          const scale = Math.max(1, ...part.summary[account].map(Math.abs));
          expect(Math.abs((cell as number) - amount) / scale, `${definedName} ${k}`).toBeLessThanOrEqual(1e-9);
        });
      }
    });
    const whole = rangeValues(recalculated, budgetName("municipality")) as number[];
    const own = [1, 2].map((n) => rangeValues(recalculated, municipalityBudgetName(n, "municipality")) as number[]);
    whole.forEach((amount, k) => {
      const summed = (own[0]?.[k] ?? NaN) + (own[1]?.[k] ?? NaN);
      expect(Math.abs(summed - amount) / Math.max(1, ...whole.map(Math.abs)), `Σ own budgets ${k}`).toBeLessThanOrEqual(
        1e-9,
      );
    });
    // Every named result (issue 10 Done when: the per-municipality results equal the engine's after recalculation).
    const expected = workbookNames(scenario, result, schedule);
    expect(Object.keys(expected)).toContain(municipalityResultName(2, "NPV", "municipality"));
    expect(Object.keys(expected)).toContain(municipalityResultName(1, "AfterPayments"));
    for (const [definedName, engineValue] of Object.entries(expected)) {
      if (engineValue === null) continue;
      const value = singleValue(recalculated, definedName);
      expect(typeof value, `${definedName} = ${String(value)}`).toBe("number");
      // An attribution cell is compared at its account column's size (a small difference of large amounts).
      const column = /^(SIB_Attribution(?:PerParticipant)?_[A-Za-z]+)_/.exec(definedName)?.[1];
      const sizes = Object.entries(expected)
        .filter(([key]) => column !== undefined && key.startsWith(`${column}_`))
        .map(([, cell]) => Math.abs(cell ?? 0));
      const scale = Math.max(1, Math.abs(engineValue), ...sizes);
      expect(Math.abs((value as number) - engineValue) / scale, definedName).toBeLessThanOrEqual(1e-9);
    }
  }, 420_000);
});
