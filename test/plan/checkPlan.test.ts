import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { printFormula } from "../../src/plan/formula";
import { evaluatePlan } from "../support/hyperformulaWorkbook";
import { registerSibFunctions } from "../support/sibFunctionsPlugin";

const model = expectOk(pilotModel());

describe("the Check sheet: native formulas and the add-in's functions agree", () => {
  it("writes SIB.* calls only when asked (never in the export's default plan)", () => {
    const formulas = (checks: boolean) =>
      buildPlan(model.scenario, "en", { checks })
        .sheets.flatMap((sheet) => sheet.cells)
        .filter((cell) => cell.formula !== undefined && printFormula(cell.formula).includes("SIB."));
    expect(formulas(false)).toEqual([]);
    expect(formulas(true).length).toBeGreaterThanOrEqual(4);
  });

  it.each(["da", "en"] as const)("every check is OK and the differences are 0 (%s)", (language) => {
    registerSibFunctions();
    const plan = buildPlan({ ...model.scenario, discountRate: 0.02, horizonMonths: 60 }, language, { checks: true });
    const workbook = evaluatePlan(plan);
    expect(workbook.errors()).toEqual([]);
    const sheet = plan.sheets.find((candidate) => candidate.name === (language === "da" ? "Kontrol" : "Check"));
    const okCells = sheet?.cells.filter((cell) => cell.address.startsWith("E") && cell.formula !== undefined) ?? [];
    expect(okCells.length).toBe(4);
    const sheetId = workbook.hf.getSheetId(sheet?.name ?? "") ?? -1;
    for (const cell of okCells) {
      const row = Number(cell.address.slice(1)) - 1;
      expect(workbook.hf.getCellValue({ sheet: sheetId, row, col: 4 }), cell.address).toBe("OK");
      expect(Math.abs(workbook.hf.getCellValue({ sheet: sheetId, row, col: 3 }) as number)).toBeLessThan(1e-6);
    }
  });

  it("says there is no check for several cohorts", () => {
    const plan = buildPlan(
      {
        ...model.scenario,
        cohorts: [
          { participants: 20, intakeMonth: 0 },
          { participants: 36, intakeMonth: 6 },
        ],
      },
      "en",
      { checks: true },
    );
    const sheet = plan.sheets.find((candidate) => candidate.name === "Check");
    expect(sheet?.cells.some((cell) => String(cell.value).startsWith("No check"))).toBe(true);
  });
});
