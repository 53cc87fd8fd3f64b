import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { writeModel } from "../../src/excel/writeModel";
import { buildPlan } from "../../src/plan/buildPlan";
import { NO_BREAK_EVEN } from "../../src/plan/labels";
import { workbookNames } from "../../src/plan/outputs";
import type { WorkbookPlan } from "../../src/plan/types";
import { caseReport } from "../../src/cli/report";
import { pilotModel } from "../../src/engine/modelFile";
import { FakeExcelWorkbook } from "../support/fakeExcel";

const pilot = expectOk(pilotScenario());
const model = expectOk(pilotModel());
/** Freezes an object and everything in it (a shared plan that a write changed would throw in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
/** The whole model's plan per language, built once per file and frozen: the tests share it, no write may change it. */
const fullPlans = new Map<"da" | "en", WorkbookPlan>();
function fullPlan(language: "da" | "en"): WorkbookPlan {
  const built =
    fullPlans.get(language) ??
    deepFreeze(
      buildPlan(model.scenario, language, { paymentTerms: model.paymentTerms, investorTerms: model.investorTerms }),
    );
  fullPlans.set(language, built);
  return built;
}
/** The engine's value of every output name of the whole model (business case, payment, investor). */
const expected = caseReport(model).workbookNames;

function expectOutputs(book: FakeExcelWorkbook, prefix: string, language: "da" | "en"): void {
  for (const [name, engineValue] of Object.entries(expected)) {
    const value = book.valueOf(name.replace(/^SIB_/, prefix));
    if (engineValue === null) expect(value, name).toBe(NO_BREAK_EVEN[language]);
    else
      expect(Math.abs((value as number) - engineValue) / Math.max(1, Math.abs(engineValue)), name).toBeLessThanOrEqual(
        1e-9,
      );
  }
}

describe("writeModel (the real Excel writer on a HyperFormula-backed fake Excel)", () => {
  it("writes the pilot with 2 syncs in one undo step; the live formulas compute the engine's values", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [["my data", 42]] });
    const report = await writeModel(fullPlan("da"), book.host());
    expect(report.syncs).toBe(2);
    expect(book.syncs).toBe(2);
    expect(book.runs).toEqual([{ mergeUndoGroup: true }]);
    expect(report.oneUndoStep).toBe(true);
    const sheets = ["Input", "Beregning", "Resultater", "Budget", "Betaling", "Investor", "Følsomhed", "Kilder"];
    expect(report.sheets).toEqual(sheets);
    expect(book.sheetNames()).toEqual(["Ark1", ...sheets]);
    expect(book.cellValue("Ark1", "B1")).toBe(42);
    expect(book.errors()).toEqual([]);
    expectOutputs(book, "SIB_", "da");
    expect(book.startupBehaviour).toBe("load");
    // One Excel chart per planned chart, of the planned type (the plan's list grows with the workbook's features).
    const planned = fullPlan("da").charts.map((chart) =>
      chart.type === "line" ? "Line" : chart.type === "barClustered" ? "BarClustered" : "ColumnClustered",
    );
    expect(planned.length).toBeGreaterThanOrEqual(4);
    expect(book.charts.map((chart) => chart.type)).toEqual(planned);
    expect(book.unlocked.size).toBeGreaterThan(40);
    expect(book.active).toBe("Input");
  });

  it("keeps 2 syncs for a 420-month horizon", async () => {
    const book = new FakeExcelWorkbook();
    const report = await writeModel(buildPlan({ ...pilot, horizonMonths: 420 }, "en"), book.host());
    expect(report.syncs).toBe(2);
    expect(report.cells).toBeGreaterThan(10_000);
  });

  it("never overwrites: a second model gets free sheet names and the SIB2_ prefix, the first keeps working", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(fullPlan("en"), book.host());
    book.hf.setCellContents({ sheet: book.hf.getSheetId("Inputs") ?? -1, row: 0, col: 5 }, "user note");
    const report = await writeModel(buildPlan({ ...pilot, discountRate: 0 }, "en"), book.host());
    expect(report.sheets).toEqual([
      "Inputs (2)",
      "Calculation (2)",
      "Results (2)",
      "Budget (2)",
      "Sensitivity (2)",
      "Sources (2)",
    ]);
    expect(report.namePrefix).toBe("SIB2_");
    expect(book.cellValue("Inputs", "F1")).toBe("user note");
    expectOutputs(book, "SIB_", "en");
    const undiscounted = workbookNames(
      { ...pilot, discountRate: 0 },
      computeBusinessCase({ ...pilot, discountRate: 0 }),
    );
    const second = book.valueOf("SIB2_NPV_Municipality") as number;
    expect(Math.abs(second / (undiscounted["SIB_NPV_Municipality"] ?? Number.NaN) - 1)).toBeLessThan(1e-9);
  });

  it("without ExcelApi 1.20 it writes without mergeUndoGroup (still 2 syncs)", async () => {
    const book = new FakeExcelWorkbook();
    const report = await writeModel(buildPlan(pilot, "en"), book.host(false));
    expect(book.runs).toEqual([{ mergeUndoGroup: false }]);
    expect(report.oneUndoStep).toBe(false);
    expect(report.syncs).toBe(2);
  });

  it("split into many requests (a 60 KB ceiling) it writes the same model: same values, one run, one undo step", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [["my data", 42]] });
    const report = await writeModel(fullPlan("da"), book.host(), { maxRequestBytes: 60_000 });
    expect(report.syncs).toBeGreaterThan(5);
    expect(report.requestBytes.every((bytes) => bytes <= 60_000)).toBe(true);
    expect(book.runs).toEqual([{ mergeUndoGroup: true }]);
    expect(book.errors()).toEqual([]);
    expectOutputs(book, "SIB_", "da");
    expect(book.calculation.filter((call) => call === "suspend").length).toBe(report.syncs - 1);
    expect(book.calculation[book.calculation.length - 1]).toBe("calculate Recalculate");
    expect(book.charts.length).toBe(fullPlan("da").charts.length);
  });

  it("a failure in a later request of a split write removes everything the write added", async () => {
    const book = new FakeExcelWorkbook({ Budget: [["kommune", 1000]] }, { MyRate: "=Budget!$B$1" });
    book.failAtSync = 4;
    await expect(writeModel(fullPlan("da"), book.host(), { maxRequestBytes: 60_000 })).rejects.toThrow(
      /simulated failure/,
    );
    expect(book.sheetNames()).toEqual(["Budget"]);
    expect(book.nameList()).toEqual(["MyRate"]);
    expect(book.cellValue("Budget", "B1")).toBe(1000);
    expect(book.startupBehaviour).toBe("none");
  });

  it("colours inputs and outputs on RangeAreas: every input cell yellow and unlocked, every output green", async () => {
    const book = new FakeExcelWorkbook();
    const plan = fullPlan("en");
    await writeModel(plan, book.host());
    for (const sheet of plan.sheets) {
      for (const cell of sheet.cells) {
        const key = `${sheet.name}!${cell.address}`;
        if (cell.role === "input")
          expect([book.fills.get(key), book.unlocked.has(key)], key).toEqual(["#FFF2CC", true]);
        else if (cell.role === "output") expect(book.fills.get(key), key).toBe("#E2EFDA");
        else expect(book.unlocked.has(key), key).toBe(false);
        if (cell.bold === true) expect(book.bold.has(key), key).toBe(true);
      }
    }
  });

  it("if Excel cannot group the write into one undo step (UndoNotSupported), it removes it and writes it ungrouped", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [["my data", 42]] });
    book.undoUnsupported = true;
    const report = await writeModel(fullPlan("da"), book.host());
    expect(book.runs.map((run) => run.mergeUndoGroup)).toEqual([true, false, false]);
    expect(report.oneUndoStep).toBe(false);
    expect(report.sheets[0]).toBe("Input");
    expect(book.sheetNames()).toEqual(["Ark1", ...report.sheets]);
    expectOutputs(book, "SIB_", "da");
  });

  it("a failure mid-write removes what the write added and leaves the rest of the workbook as it was", async () => {
    const book = new FakeExcelWorkbook({ Budget: [["kommune", 1000]] }, { MyRate: "=Budget!$B$1" });
    book.failAtSync = 2;
    await expect(writeModel(buildPlan(pilot, "da"), book.host())).rejects.toThrow(/simulated failure/);
    expect(book.sheetNames()).toEqual(["Budget"]);
    expect(book.nameList()).toEqual(["MyRate"]);
    expect(book.cellValue("Budget", "B1")).toBe(1000);
    expect(book.startupBehaviour).toBe("none");
  });
});
