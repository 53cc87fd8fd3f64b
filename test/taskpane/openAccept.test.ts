import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { openCase, updateCase, writeCase } from "../../src/taskpane/host/excel";
import { initialState, modelOf } from "../../src/taskpane/state/reducer";
import { FakeExcelWorkbook } from "../support/fakeExcel";

/**
 * Review F6 through the taskpane's hosts: "Open model" and "Update model" do not open or rewrite a model with an
 * unreadable term cell; Open model opens it only when the listed problem is passed back as accepted.
 */
const pilot = expectOk(pilotScenario());

describe("Open model and Update model with an unreadable cap", () => {
  it("#REF! in the contract cap: Open model lists it by name and cell; accepted, it opens with no contract cap", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [[1]] });
    const model = { ...modelOf(initialState("en-US")) };
    const report = await writeCase(model, "en", book.host());
    const formula = book.hf.getNamedExpressionFormula("SIB_PayContractCap") ?? "";
    const [, sheet = "", column = "", row = ""] = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(formula) ?? [];
    book.setCell(sheet, `${column}${row}`, "#REF!");

    const refused = await openCase(pilot, book.host());
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map(({ name, address, kind, value }) => ({ name, address, kind, value }))).toEqual([
      { name: "SIB_PayContractCap", address: `${sheet}!${column}${row}`, kind: "error", value: "#REF!" },
    ]);
    expect(refused.issues.map((found) => found.field)).toEqual(["SIB_PayContractCap"]);

    const update = await updateCase(pilot, "en", 0, book.host());
    expect(update.ok).toBe(false);
    if (!update.ok) expect(update.cells).toEqual(["SIB_PayContractCap"]);
    expect(book.sheetNames()).toEqual(["Ark1", ...report.sheets]);

    const opened = expectOk(await openCase(pilot, book.host(), { accept: refused.problems }));
    expect(opened.contract?.paymentTerms.contractCap).toBeNull();
    expect(opened.accepted).toEqual(refused.problems);
  });
});
