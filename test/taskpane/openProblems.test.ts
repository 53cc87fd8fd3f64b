import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { openCase, writeCase } from "../../src/taskpane/host/excel";
import { initialState, modelOf } from "../../src/taskpane/state/reducer";
import { canAccept, problemLine } from "../../src/taskpane/ui/openProblemsView";
import { FakeExcelWorkbook } from "../support/fakeExcel";

/**
 * "Open model" that tells (issue 13 item 4): every unreadable cell is listed by defined name and cell address with
 * what is wrong, in Danish and English; a listed default can be accepted only when every problem has one. The fake
 * Excel returns error values as strings, as real Excel does.
 */
const pilot = expectOk(pilotScenario());

async function writtenBook(): Promise<FakeExcelWorkbook> {
  const book = new FakeExcelWorkbook({ Ark1: [[1]] });
  await writeCase(modelOf(initialState("da-DK")), "da", book.host());
  return book;
}

function cellOf(book: FakeExcelWorkbook, name: string): { sheet: string; cell: string } {
  const formula = book.hf.getNamedExpressionFormula(name) ?? "";
  const [, sheet = "", column = "", row = ""] = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(formula) ?? [];
  return { sheet, cell: `${column}${row}` };
}

describe("Open model lists every problem with its name and cell", () => {
  it("#REF! in the contract cap and text in the person cap: both listed, both with a default, so they can be accepted", async () => {
    const book = await writtenBook();
    const cap = cellOf(book, "SIB_PayContractCap");
    const person = cellOf(book, "SIB_PayPersonCap");
    book.setCell(cap.sheet, cap.cell, "#REF!");
    book.setCell(person.sheet, person.cell, "220000 kr");
    const refused = await openCase(pilot, book.host());
    if (refused.ok) throw new Error("expected the model not to open");
    const lines = refused.problems.map((problem) => problemLine(problem, "da"));
    expect(lines).toContain(
      `SIB_PayContractCap (${cap.sheet}!${cap.cell}): cellen viser en Excel-fejl: #REF!; standard: læses som ingen (slået fra)`,
    );
    expect(lines).toContain(
      `SIB_PayPersonCap (${person.sheet}!${person.cell}): cellen indeholder tekst: 220000 kr; standard: læses som ingen (slået fra)`,
    );
    const first = refused.problems[0];
    if (first === undefined) throw new Error("expected a problem");
    expect(problemLine(first, "en")).toMatch(/default: read as none \(off\)$/);
    expect(canAccept(refused.problems)).toBe(true);
    const opened = expectOk(await openCase(pilot, book.host(), { accept: refused.problems }));
    expect(opened.contract?.paymentTerms.contractCap).toBeNull();
    expect(opened.contract?.paymentTerms.personCap).toBeNull();
  });

  it("an empty required input has no default: listed, and it cannot be accepted (the user must fix it)", async () => {
    const book = await writtenBook();
    const cost = cellOf(book, "SIB_CostPerParticipant");
    book.setCell(cost.sheet, cost.cell, "");
    const refused = await openCase(pilot, book.host());
    if (refused.ok) throw new Error("expected the model not to open");
    const problem = refused.problems.find((candidate) => candidate.name === "SIB_CostPerParticipant");
    if (problem === undefined) throw new Error("expected the cost cell to be listed");
    expect(problem.kind).toBe("empty");
    expect(problemLine(problem, "en")).toBe(`SIB_CostPerParticipant (${cost.sheet}!${cost.cell}): the cell is empty`);
    expect(canAccept(refused.problems)).toBe(false);
  });
});
