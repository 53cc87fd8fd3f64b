import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { writeModel } from "../../src/excel/writeModel";
import { buildPlan } from "../../src/plan/buildPlan";
import { FakeExcelWorkbook, type RegisteredNames } from "../support/fakeExcel";

/**
 * The Check sheet in Excel of each language. Office-js issue #891: with a translated functions-<lang>.json, an English
 * custom-function name written through `range.formulas` gives #NAME?; which name Danish Excel accepts there is not
 * documented. The fake registers the SIB.* names of one language (or none) and answers #NAME? for the others.
 */
const model = expectOk(pilotModel());
const plan = (language: "da" | "en") =>
  buildPlan(model.scenario, language, {
    paymentTerms: model.paymentTerms,
    investorTerms: model.investorTerms,
    checks: true,
  });

/** The Check sheet's function cells as written, and its OK column's values. */
function checkSheet(book: FakeExcelWorkbook, sheet: string): { written: unknown[]; ok: unknown[] } {
  const rows = [5, 6, 7, 8];
  return {
    written: rows.map((row) => book.writtenFormulas.get(`${sheet}!C${row}`)),
    ok: rows.map((row) => book.cellValue(sheet, `E${row}`)),
  };
}

describe("the Check sheet's SIB.* names in Excel of each language", () => {
  it.each<[string, RegisteredNames, string, string, number]>([
    ["English Excel", "en", "en-US", "en", 2],
    ["Danish Excel that registered the Danish names", "da", "da-DK", "da", 2],
    ["Danish Excel where range.formulas takes only the English names", "en", "da-DK", "en", 3],
    ["English display language with Danish names registered", "da", "en-GB", "da", 3],
  ])("%s: the check computes (OK in every row)", async (_, registered, displayLanguage, accepted, syncs) => {
    const book = new FakeExcelWorkbook();
    book.registeredNames = registered;
    const report = await writeModel(plan("da"), book.host({ displayLanguage }));
    expect(report.functionNames).toBe(accepted);
    expect(report.syncs).toBe(syncs);
    const { written, ok } = checkSheet(book, "Kontrol");
    expect(ok).toEqual(["OK", "OK", "OK", "OK"]);
    const name = accepted === "da" ? "SIB.BUDGETBESPARELSE(" : "SIB.BUDGETSAVING(";
    for (const formula of written.slice(0, 3)) expect(String(formula)).toContain(name);
    expect(String(written[3])).toContain(accepted === "da" ? "SIB.SAMFUNDSØKONOMI(" : "SIB.SOCIOECONOMIC(");
    expect(book.errors()).toEqual([]);
  });

  it("without valuesAsJson (ExcelApi 1.15) it reads #NAME? from values and still settles on the accepted names", async () => {
    const book = new FakeExcelWorkbook();
    book.registeredNames = "en";
    const report = await writeModel(plan("en"), book.host({ excelApi: "1.15", displayLanguage: "da-DK" }));
    expect(report.functionNames).toBe("en");
    expect(checkSheet(book, "Check").ok).toEqual(["OK", "OK", "OK", "OK"]);
    expect(report.oneUndoStep).toBe(false);
  });

  it("when no name is registered (functions not loaded) it keeps the display language's names and says so", async () => {
    const book = new FakeExcelWorkbook();
    book.registeredNames = "none";
    const report = await writeModel(plan("da"), book.host({ displayLanguage: "da-DK" }));
    expect(report.functionNames).toBe("unrecognised");
    expect(report.syncs).toBe(4);
    expect(String(checkSheet(book, "Kontrol").written[0])).toContain("SIB.BUDGETBESPARELSE(");
    expect(book.startupBehaviour).toBe("load");
  });

  it("the OK column is General, not Text, and shows the result (a formula in a Text cell would stay text)", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(plan("en"), book.host());
    for (const row of [5, 6, 7, 8]) {
      expect(book.formats.get(`Check!E${row}`)).toBe("General");
      expect(book.cellValue("Check", `E${row}`)).toBe("OK");
    }
  });

  it("the fake keeps a formula typed into a Text cell as text, as Excel does", async () => {
    const book = new FakeExcelWorkbook({ S: [[]] });
    await book.host().run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      range.numberFormat = [["@", "General"]];
      range.formulas = [["=1+1", "=1+1"]];
      await context.sync();
    });
    expect([book.cellValue("S", "A1"), book.cellValue("S", "B1")]).toEqual(["=1+1", 2]);
  });

  it("a model without a Check sheet reports no function names and reads nothing back", async () => {
    const book = new FakeExcelWorkbook();
    const report = await writeModel(buildPlan(model.scenario, "en"), book.host({ displayLanguage: "da-DK" }));
    expect(report.functionNames).toBeNull();
    expect(report.syncs).toBe(2);
  });
});
