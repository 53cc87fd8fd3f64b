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
import { SMALL_SHEET, STATUS_OK, smallPlan } from "../support/smallPlans";
import { child, children, parse, readParts, valueOf, type XmlNode } from "../support/xlsxParts";

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

describe(".xlsx data validation and status colouring", () => {
  it("writes each input's validation: rule, bounds, input message and a stop alert, blanks refused", async () => {
    const parts = await readParts(await planToXlsx(smallPlan()));
    const worksheet = child(parse(parts.text(parts.sheetPart(SMALL_SHEET))), "worksheet");
    const validations = children(child(worksheet, "dataValidations"), "dataValidation");
    const bySqref = new Map(validations.map((v) => [valueOf(v, "@_sqref"), v]));
    expect([...bySqref.keys()].sort()).toEqual(["F4", "F5", "F7"]);
    const plan = smallPlan();
    for (const [address, v] of bySqref) {
      const validation = plan.sheets[0]?.cells.find((cell) => cell.address === address)?.validation;
      if (validation === undefined) throw new Error(`no validation planned for ${address}`);
      expect(valueOf(v, "@_promptTitle")).toBe(validation.title);
      expect(valueOf(v, "@_prompt")).toBe(validation.prompt);
      expect(valueOf(v, "@_errorTitle")).toBe(validation.title);
      expect(valueOf(v, "@_error")).toBe(validation.error);
      expect(valueOf(v, "@_errorStyle")).toBe("stop");
      expect(valueOf(v, "@_showInputMessage")).toBe("1");
      expect(valueOf(v, "@_showErrorMessage")).toBe("1");
      expect(valueOf(v, "@_allowBlank")).toBeUndefined();
      const rule = validation.rule;
      expect(valueOf(v, "@_type")).toBe(rule.kind);
      if (rule.kind === "custom") {
        expect(valueOf(v, "formula1")).toBe(printFormula(rule.formula));
        expect(valueOf(v, "formula1")).toBe('OR(ISNUMBER(F7),F7="intet loft")');
      } else {
        // "between" is the schema's default operator, so it is not written.
        expect(valueOf(v, "@_operator")).toBeUndefined();
        expect([Number(valueOf(v, "formula1")), Number(valueOf(v, "formula2"))]).toEqual([rule.min, rule.max]);
      }
    }
    expect(bySqref.get("F4") && valueOf(bySqref.get("F4"), "@_type")).toBe("decimal");
    expect(bySqref.get("F5") && valueOf(bySqref.get("F5"), "@_type")).toBe("whole");
  });

  it("colours a status cell green when it shows the ok text and red with white bold text otherwise", async () => {
    const parts = await readParts(await planToXlsx(smallPlan()));
    const worksheet = child(parse(parts.text(parts.sheetPart(SMALL_SHEET))), "worksheet");
    const formats = children(worksheet, "conditionalFormatting");
    expect(formats.map((f) => valueOf(f, "@_sqref"))).toEqual(["F6"]);
    const rules = children(formats[0], "cfRule");
    expect(rules.map((r) => [valueOf(r, "@_type"), valueOf(r, "formula"), valueOf(r, "@_priority")])).toEqual([
      ["expression", `F6="${STATUS_OK}"`, "1"],
      ["expression", `NOT(IFERROR(F6="${STATUS_OK}",0))`, "2"],
    ]);
    const dxfs = children(child(parse(parts.text("xl/styles.xml")), "styleSheet", "dxfs"), "dxf");
    const [green, red] = rules.map((r) => dxfs[Number(valueOf(r, "@_dxfId"))]);
    const fillOf = (dxf: XmlNode | undefined): string | undefined =>
      valueOf(child(dxf ?? {}, "fill", "patternFill", "bgColor"), "@_rgb");
    expect(fillOf(green)).toBe("FFC6EFCE");
    expect(fillOf(red)).toBe("FFC00000");
    expect(valueOf(child(red ?? {}, "font", "color"), "@_rgb")).toBe("FFFFFFFF");
    expect(child(red ?? {}, "font")).toHaveProperty("b");
  });

  it("keeps fullCalcOnLoad, so every reader recalculates what is cached", async () => {
    const parts = await readParts(await planToXlsx(smallPlan(), { cachedValues: new Map([["SIB_KommuneTotal", 1]]) }));
    expect(valueOf(child(parse(parts.text("xl/workbook.xml")), "workbook", "calcPr"), "@_fullCalcOnLoad")).toBe("1");
  });
});
