import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { buildPlan } from "../../src/plan/buildPlan";
import { parseCell } from "../../src/plan/address";
import { printFormula } from "../../src/plan/formula";
import { workbookNames } from "../../src/plan/outputs";
import type { PlanCell, WorkbookPlan } from "../../src/plan/types";
import { planToXlsx } from "../../src/export/xlsx";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

/** Rebuilds a plan from what the .xlsx holds (cell values, formulas and defined names as ExcelJS reads them). */
function planFromXlsx(workbook: ExcelJS.Workbook, original: WorkbookPlan): WorkbookPlan {
  return {
    ...original,
    sheets: original.sheets.map((sheetPlan) => {
      const sheet = workbook.getWorksheet(sheetPlan.name);
      if (sheet === undefined) throw new Error(`missing sheet ${sheetPlan.name}`);
      const cells: PlanCell[] = [];
      sheet.eachRow((row, rowNumber) =>
        row.eachCell((cell, columnNumber) => {
          const address = `${cell.address}`;
          expect(parseCell(address)).toEqual({ column: columnNumber - 1, row: rowNumber });
          const value = cell.value;
          if (typeof value === "object" && value !== null && "formula" in value) {
            cells.push({ address, role: "calculation", value: `=${value.formula}` });
          } else if (typeof value === "number" || typeof value === "string") {
            cells.push({ address, role: "label", value });
          }
        }),
      );
      return { ...sheetPlan, cells };
    }),
  };
}

describe(".xlsx export (ExcelJS)", () => {
  it("writes every sheet, formula and defined name, with no cached results", async () => {
    const plan = buildPlan(pilot, "da");
    const workbook = await readBack(await planToXlsx(plan));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(plan.sheets.map((sheet) => sheet.name));
    for (const sheetPlan of plan.sheets) {
      const sheet = workbook.getWorksheet(sheetPlan.name);
      for (const planCell of sheetPlan.cells.filter((c) => c.formula !== undefined)) {
        const value = sheet?.getCell(planCell.address).value as { formula: string; result?: unknown };
        expect(value.formula).toBe(printFormula(planCell.formula ?? { kind: "number", value: 0 }));
        expect(value.result).toBeUndefined();
      }
    }
    for (const definedName of plan.names) {
      const ranges = workbook.definedNames.getRanges(definedName.name).ranges;
      expect(ranges.length, definedName.name).toBe(1);
    }
  });

  it("marks inputs unlocked and keeps number formats", async () => {
    const plan = buildPlan(pilot, "en");
    const workbook = await readBack(await planToXlsx(plan));
    const reference = plan.names.find((n) => n.name === "SIB_DiscountRate")?.reference.replace(/\$/g, "") ?? "";
    const cell = workbook.getWorksheet("Inputs")?.getCell(reference);
    expect(cell?.value).toBe(pilot.discountRate);
    expect(cell?.protection?.locked).toBe(false);
    expect(cell?.numFmt).toBe("0.000%");
  });

  it("what the file holds recalculates (HyperFormula) to the engine's values", async () => {
    const plan = buildPlan(pilot, "en");
    const reread = planFromXlsx(await readBack(await planToXlsx(plan)), plan);
    const workbook = evaluatePlan(reread);
    expect(workbook.errors()).toEqual([]);
    for (const [definedName, engineValue] of Object.entries(workbookNames(pilot, computeBusinessCase(pilot)))) {
      const value = workbook.valueOf(definedName);
      if (engineValue === null) expect(value).toBe("none");
      else expect(Math.abs((value as number) - engineValue) / Math.max(1, Math.abs(engineValue))).toBeLessThan(1e-9);
    }
  });
});
