import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import {
  callsAddInFunction,
  functionLanguages,
  functionName,
  isNameError,
  localizeFunctions,
} from "../../src/excel/functionNames";
import { areasAddresses, cellRectangles, MAX_AREAS_ADDRESS_LENGTH, widthRuns } from "../../src/excel/rangeAreas";
import { utf8Bytes } from "../../src/excel/requestSize";
import { planWrite } from "../../src/excel/writePlan";
import { buildPlan } from "../../src/plan/buildPlan";
import type { WorkbookPlan } from "../../src/plan/types";

const model = expectOk(pilotModel());
const pilotPlan = buildPlan(model.scenario, "da", {
  paymentTerms: model.paymentTerms,
  investorTerms: model.investorTerms,
  checks: true,
});

describe("SIB.* function names by Excel language", () => {
  it("tries the display language's names first", () => {
    expect(functionLanguages("da-DK")).toEqual(["da", "en"]);
    expect(functionLanguages("da")).toEqual(["da", "en"]);
    expect(functionLanguages("en-US")).toEqual(["en", "da"]);
    expect(functionLanguages(undefined)).toEqual(["en", "da"]);
  });

  it("renames calls only, never text or sheet names that look like a call", () => {
    const formula = `=IF('SIB.BUDGETSAVING(x'!A1="SIB.BUDGETSAVING(",SIB.BUDGETSAVING("kommune",SIB_CheckInputs),SIB.SOCIOECONOMIC(B2))`;
    expect(localizeFunctions(formula, "da")).toBe(
      `=IF('SIB.BUDGETSAVING(x'!A1="SIB.BUDGETSAVING(",SIB.BUDGETBESPARELSE("kommune",SIB_CheckInputs),SIB.SAMFUNDSØKONOMI(B2))`,
    );
    expect(localizeFunctions(formula, "en")).toBe(formula);
    expect(localizeFunctions("=MYSIB.BUDGETSAVING(1)", "da")).toBe("=MYSIB.BUDGETSAVING(1)");
  });

  it("knows which formulas call an add-in function", () => {
    expect(callsAddInFunction('=SIB.BUDGETSAVING("stat",A1:B9)')).toBe(true);
    expect(callsAddInFunction('="SIB.BUDGETSAVING("&A1')).toBe(false);
    expect(callsAddInFunction("=SIB_NPV_Municipality*2")).toBe(false);
  });

  it("takes the Danish names from src/functions/danish.json", () => {
    expect(functionName("BUDGETSAVING", "da")).toBe("BUDGETBESPARELSE");
    expect(functionName("BUDGETSAVING", "en")).toBe("BUDGETSAVING");
  });

  it("recognises #NAME? from valuesAsJson and from values", () => {
    expect(isNameError({ type: "Error", errorType: "Name", basicValue: "#NAME?" })).toBe(true);
    expect(isNameError({ type: "Error", errorType: "Busy", basicValue: "#BUSY!" })).toBe(false);
    expect(isNameError("#NAME?")).toBe(true);
    expect(isNameError("#NAVN?")).toBe(true);
    expect(isNameError(12.5)).toBe(false);
  });
});

describe("RangeAreas and column widths", () => {
  it("joins cells into rectangles", () => {
    expect(cellRectangles(["B4", "B5", "C4", "C5", "E9"])).toEqual(["B4:C5", "E9"]);
    expect(cellRectangles(["B4", "B5", "C4", "C5", "B6"])).toEqual(["B4:B6", "C4:C5"]);
    expect(cellRectangles(["A1", "A2", "A3", "B1", "B2", "B3", "D2"])).toEqual(["A1:B3", "D2"]);
    expect(cellRectangles([])).toEqual([]);
  });

  it("covers exactly the given cells (property)", () => {
    const cellsArbitrary = fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 12 })).map(([c, r]) => `${"ABCDEFG"[c]}${r}`),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(cellsArbitrary, (cells) => {
        const covered = cellRectangles(cells).flatMap(expandArea);
        expect(covered.sort()).toEqual([...cells].sort());
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it(`keeps each getRanges address within ${MAX_AREAS_ADDRESS_LENGTH} characters`, () => {
    const areas = Array.from({ length: 200 }, (_, index) => `B${2 * index + 1}:C${2 * index + 1}`);
    const groups = areasAddresses(areas);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((group) => group.length <= MAX_AREAS_ADDRESS_LENGTH)).toBe(true);
    expect(groups.join(",")).toBe(areas.join(","));
  });

  it("groups equal adjacent column widths", () => {
    expect(widthRuns([44, 18, 18, 14, 18])).toEqual([
      [0, 0, 44],
      [1, 2, 18],
      [3, 3, 14],
      [4, 4, 18],
    ]);
  });
});

describe("planWrite (the write split into requests)", () => {
  it("UTF-8 sizes are counted exactly (Danish letters, emoji)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
      { seed: 3, numRuns: 300 },
    );
    expect(utf8Bytes("Følsomhed")).toBe(10);
  });

  it("writes the pilot in one request; a small ceiling splits it and every request stays under it", () => {
    expect(planWrite(pilotPlan, "en").batches.length).toBe(1);
    const split = planWrite(pilotPlan, "en", 40_000).batches;
    expect(split.length).toBeGreaterThan(5);
    expect(split.every((batch) => batch.bytes <= 40_000)).toBe(true);
    const kinds = split.flatMap((batch) => batch.operations.map((operation) => operation.kind));
    expect(kinds[0]).toBe("addSheets");
    expect(kinds.lastIndexOf("name")).toBeLessThan(kinds.indexOf("cells"));
    expect(kinds.lastIndexOf("cells")).toBeLessThan(kinds.indexOf("style"));
    expect(kinds[kinds.length - 1]).toBe("finish");
  });

  it("writes every cell of every sheet exactly once, whatever the split", () => {
    for (const ceiling of [4_000_000, 100_000, 30_000]) {
      const written = new Map<string, number>();
      for (const batch of planWrite(pilotPlan, "en", ceiling).batches) {
        for (const operation of batch.operations) {
          if (operation.kind !== "cells") continue;
          const [from = "", to = ""] = operation.address.split(":");
          const firstRow = Number(from.slice(1));
          expect(Number(to.replace(/^[A-Z]+/, "")) - firstRow + 1).toBe(operation.formulas.length);
          written.set(operation.sheet, (written.get(operation.sheet) ?? 0) + operation.formulas.length);
        }
      }
      for (const sheet of pilotPlan.sheets) {
        const rows = Math.max(...sheet.cells.map((cell) => Number(cell.address.replace(/^[A-Z]+/, ""))));
        expect(written.get(sheet.name), `${sheet.name} at ${ceiling}`).toBe(rows);
      }
    }
  });

  it("refuses before writing anything when a single row is over the ceiling", () => {
    const wide: WorkbookPlan = {
      language: "en",
      sheets: [{ name: "Wide", columnWidths: [], cells: [{ address: "A1", role: "label", value: "x".repeat(5000) }] }],
      names: [],
      charts: [],
    };
    expect(() => planWrite(wide, "en", 4000)).toThrow(/Wide row 1 alone is over 4000 bytes/);
  });

  it("prints SIB.* calls with the chosen language's names and lists them for the read-back", () => {
    const { batches, addInCells } = planWrite(pilotPlan, "da");
    expect(addInCells.map((cell) => `${cell.sheet}!${cell.address}`)).toEqual([
      "Kontrol!C5",
      "Kontrol!C6",
      "Kontrol!C7",
      "Kontrol!C8",
    ]);
    const check = batches[0]?.operations.find(
      (operation) => operation.kind === "cells" && operation.sheet === "Kontrol",
    );
    const formulas = check?.kind === "cells" ? check.formulas.flat().map(String) : [];
    expect(formulas.filter((formula) => formula.includes("SIB.BUDGETBESPARELSE(")).length).toBe(3);
    expect(formulas.some((formula) => formula.includes("SIB.BUDGETSAVING("))).toBe(false);
  });
});

/** The cells of an area such as "B4:C5". */
function expandArea(area: string): string[] {
  const [from = "", to = from] = area.split(":");
  const cells: string[] = [];
  for (let column = from.charCodeAt(0); column <= to.charCodeAt(0); column++) {
    for (let row = Number(from.slice(1)); row <= Number(to.slice(1)); row++)
      cells.push(`${String.fromCharCode(column)}${row}`);
  }
  return cells;
}
