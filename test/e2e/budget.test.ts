import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeBudget } from "../../src/engine/budget";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { planToXlsx } from "../../src/export/xlsx";
import { budgetName } from "../../src/plan/budgetSheet";
import { buildPlan } from "../../src/plan/buildPlan";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * The Budget sheet (issue 10 item 3) recalculated by LibreOffice equals the engine's budget view: every account's
 * budget year, three overslagsår and remainder, to 1e-9 relative (cached values are not trusted: LibreOffice
 * recalculates on load).
 */
const artifacts = join("test-artifacts", "e2e-budget");

async function rangeValues(path: string, definedName: string): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
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
  it("the pilot started 2026-10-01 at 3 % a year (da)", async () => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const scenario: Scenario = { ...expectOk(pilotScenario(2023)), startDate: "2026-10-01", priceIndex: 0.03 };
    const source = join(artifacts, "budget-da.xlsx");
    writeFileSync(source, await planToXlsx(buildPlan(scenario, "da")));
    const { output } = recalculateWithLibreOffice(
      source,
      join(artifacts, "recalculated"),
      join(artifacts, ".lo-profile"),
    );
    const budget = computeBudget(scenario, computeBusinessCase(scenario), null);
    expect(await rangeValues(output, "SIB_BudgetYears")).toEqual([2026, 2027, 2028, 2029, 2030]);
    for (const account of ACCOUNTS) {
      const cells = await rangeValues(output, budgetName(account));
      budget.summary[account].forEach((amount, k) => {
        const cell = cells[k];
        expect(typeof cell, `${account} ${k}`).toBe("number");
        expect(
          Math.abs((cell as number) - amount) / Math.max(1, Math.abs(amount)),
          `${account} ${k}`,
        ).toBeLessThanOrEqual(1e-9);
      });
    }
  }, 180_000);
});
