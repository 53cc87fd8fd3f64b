import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { workbookBytes } from "../../src/taskpane/host/download";
import { openCase, writeCase } from "../../src/taskpane/host/excel";
import { casePlan } from "../../src/taskpane/host/plan";
import { initialState, modelOf, reduce } from "../../src/taskpane/state/reducer";
import { FakeExcelWorkbook } from "../support/fakeExcel";

const pilot = expectOk(pilotScenario());

describe("the wizard's hosts", () => {
  it("Write model writes the case into the workbook with 2 syncs, and Open model reads it back", async () => {
    const state = reduce(initialState("da-DK"), { type: "setField", id: "costPerParticipant", text: "60.000" });
    const model = modelOf(state);
    const book = new FakeExcelWorkbook({ Ark1: [[1]] });
    const report = await writeCase(model, "da", book.host());
    expect(report.syncs).toBe(2);
    expect(report.namePrefix).toBe("SIB_");
    expect(report.sheets).toEqual(expectOk(casePlan(model, "da", true)).sheets.map((sheet) => sheet.name));
    expect(report.sheets).toContain("Kontrol");
    expect(book.sheetNames()).toEqual(["Ark1", ...report.sheets]);
    expect(book.startupBehaviour).toBe("load");

    const read = expectOk(await openCase(pilot, book.host()));
    expect(read.scenario).toEqual({ ...pilot, costPerParticipant: 60_000 });
    expect(read.contract?.paymentTerms).toEqual(model.terms);
    const opened = reduce(state, { type: "opened", scenario: read.scenario, contract: read.contract, prefix: "SIB_" });
    expect(modelOf(opened).scenario).toEqual(read.scenario);
    expect(modelOf(opened).terms).toEqual(model.terms);

    const second = await writeCase(model, "da", book.host());
    expect(second.namePrefix).toBe("SIB2_");
    expect(second.sheets.every((name) => !report.sheets.includes(name))).toBe(true);
  });

  it("Open model without a model in the workbook reports the missing names", async () => {
    const result = await openCase(pilot, new FakeExcelWorkbook({ Sheet1: [[1]] }).host());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toMatch(/^SIB_/);
  });

  it("the download is the same plan as an .xlsx workbook", async () => {
    const model = { scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {} };
    const bytes = await workbookBytes(model, "en");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const plan = expectOk(casePlan(model, "en", false));
    expect(plan.sheets.map((sheet) => sheet.name)).not.toContain("Check");
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(plan.sheets.map((sheet) => sheet.name));
    expect(workbook.definedNames.model.length).toBe(plan.names.length);
  });

  it("bad investor terms never reach a plan", () => {
    const plan = casePlan({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: { maxLoss: 2 } }, "da", true);
    expect(plan.ok).toBe(false);
  });
});
