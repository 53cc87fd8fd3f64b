import { readFileSync } from "node:fs";
import type { RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import {
  cellAddress,
  DEFAULT_CONTRACT,
  readWholeModel,
  referenceCells,
  type ReadResult,
} from "../../src/excel/readModel";
import { writeModel } from "../../src/excel/writeModel";
import { buildPlan } from "../../src/plan/buildPlan";
import { quoteSheet } from "../../src/plan/formula";
import { addressSheet } from "../support/fakeExcelRange";
import { MAX_PROBLEMS_PER_NAME, type CellProblem } from "../../src/plan/readBack";
import { FakeExcelWorkbook } from "../support/fakeExcel";

/**
 * Review F6 (../shared/reviews/reliability.md): reading a written model back turned "220000 kr" or #REF! in a cap,
 * protection or hurdle cell into "none" and dropped the whole contract when SIB_PayPrices was deleted, without a
 * word. Each reproduction below now gives a problem naming the defined name and the cell's address; the model opens
 * only when the problem is fixed or accepted explicitly. Addresses are taken from the workbook's own defined names.
 */
const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));
const contract = { paymentTerms: model.paymentTerms, investorTerms: model.investorTerms };

async function writtenBook(): Promise<FakeExcelWorkbook> {
  const book = new FakeExcelWorkbook();
  await writeModel(buildPlan(model.scenario, "en", contract), book.host());
  return book;
}

/** The sheet and first cell a defined name refers to, from the workbook's name (e.g. Payment, B9). */
function cellOf(book: FakeExcelWorkbook, name: string): { sheet: string; cell: string } {
  const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)/.exec(book.hf.getNamedExpressionFormula(name) ?? "");
  if (match === null) throw new Error(`no name ${name}`);
  return { sheet: (match[1] ?? "").replace(/''/g, "'"), cell: `${match[2]}${match[3]}` };
}

/** Types a value into a name's cell (row 1-based within the range), as a user would. */
function type(book: FakeExcelWorkbook, name: string, value: RawCellContent, row = 1): string {
  const { sheet, cell } = cellOf(book, name);
  const [, column = "", top = "1"] = /^([A-Z]+)(\d+)$/.exec(cell) ?? [];
  const address = `${column}${Number(top) + row - 1}`;
  book.setCell(sheet, address, value);
  return `${addressSheet(sheet)}!${address}`;
}

const read = (book: FakeExcelWorkbook, accept: readonly CellProblem[] = []): Promise<ReadResult> =>
  readWholeModel(model.scenario, DEFAULT_CONTRACT, book.host(), "SIB_", { accept });

function problemsOf(result: ReadResult): readonly CellProblem[] {
  if (result.ok) throw new Error("expected the read to fail");
  return result.problems;
}

describe("the fake Excel reads values as Excel's Range.values does", () => {
  it("error values are their text (#DIV/0!, #N/A, #REF!), an empty cell is an empty string, =blank is 0", async () => {
    const book = new FakeExcelWorkbook({ S: [["=1/0", "=NA()", "#REF!", null, 5, "=D1"]] }, { N: "=S!$A$1:$F$1" });
    const values = await book.host().run(async (context) => {
      const range = context.workbook.names.getItem("N").getRangeOrNullObject();
      range.load(["values", "address"]);
      await context.sync();
      return { values: range.values, address: range.address };
    });
    expect(values).toEqual({ values: [["#DIV/0!", "#N/A", "#REF!", "", 5, 0]], address: "S!A1:F1" });
  });
});

describe("F6: a read-back tells every cell it cannot read, by name and address", () => {
  it('"220000 kr" in SIB_PayPersonCap is a problem, not "no cap"; accepted, it reads as no cap', async () => {
    const book = await writtenBook();
    expect(model.paymentTerms.personCap).toBe(220_000);
    const address = type(book, "SIB_PayPersonCap", "220000 kr");
    const result = await read(book);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem: CellProblem = {
      name: "SIB_PayPersonCap",
      row: null,
      address,
      kind: "text",
      value: "220000 kr",
      fallback: "none",
    };
    expect(result.problems).toEqual([problem]);
    expect(result.issues.map((found) => found.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^SIB_PayPersonCap \\(${address.replace(/[()']/g, "\\$&")}\\) holds the text "220000 kr"; it must be a number`,
        ),
      ),
    ]);
    expect(result.issues[0]?.field).toBe("SIB_PayPersonCap");
    const accepted = expectOk(await read(book, result.problems));
    expect(accepted.contract?.paymentTerms.personCap).toBeNull();
    expect(accepted.accepted).toEqual([problem]);
    // The documented none-texts still mean none without asking, in either language and any case.
    type(book, "SIB_PayPersonCap", "Intet loft");
    expect(expectOk(await read(book)).contract?.paymentTerms.personCap).toBeNull();
    // Accepting is for the content listed: a different text is asked about again.
    type(book, "SIB_PayPersonCap", "220.000 kr");
    expect(problemsOf(await read(book, result.problems)).map((found) => found.value)).toEqual(["220.000 kr"]);
  });

  it('text in the IRR cap, maximum loss and hurdle ("eight", "half", "5 pct") is three problems', async () => {
    const book = await writtenBook();
    const addresses = [
      type(book, "SIB_InvCapIRR", "eight"),
      type(book, "SIB_InvMaxLoss", "half"),
      type(book, "SIB_InvHurdleRate", "5 pct"),
    ];
    const problems = problemsOf(await read(book));
    expect(problems.map(({ name, address, kind, value }) => ({ name, address, kind, value }))).toEqual([
      { name: "SIB_InvCapIRR", address: addresses[0], kind: "text", value: "eight" },
      { name: "SIB_InvMaxLoss", address: addresses[1], kind: "text", value: "half" },
      { name: "SIB_InvHurdleRate", address: addresses[2], kind: "text", value: "5 pct" },
    ]);
  });

  const OPTIONAL = [
    "SIB_PayPersonCap",
    "SIB_PayContractCap",
    "SIB_PayThresholdPP",
    "SIB_InvCapIRR",
    "SIB_InvMaxLoss",
    "SIB_InvHurdleRate",
  ];
  const ERRORS: [string, string][] = [
    ["#REF!", "#REF!"],
    ["=1/0", "#DIV/0!"],
    ["=NA()", "#N/A"],
    ['=1+"a"', "#VALUE!"],
    ["=NOSUCHFUNCTION()", "#NAME?"],
  ];
  it.each(ERRORS)(
    "an Excel error (%s → %s) in each of the six optional cells is a problem of kind error",
    async (typed, shown) => {
      const book = await writtenBook();
      for (const name of OPTIONAL) type(book, name, typed);
      const problems = problemsOf(await read(book));
      const sorted = (rows: string[][]): string[][] => [...rows].sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
      expect(
        sorted(problems.map((found) => [found.name, found.kind, found.value ?? "", found.fallback ?? ""])),
      ).toEqual(sorted(OPTIONAL.map((name) => [name, "error", shown, "none"])));
    },
  );

  it("a deleted SIB_PayPrices is reported, not a model without a contract; accepted, the terms are not read", async () => {
    const book = await writtenBook();
    book.hf.removeNamedExpression("SIB_PayPrices");
    const result = await read(book);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        name: "SIB_PayPrices",
        row: null,
        address: null,
        kind: "missingName",
        value: null,
        fallback: "contractNotRead",
      },
    ]);
    expect(result.issues[0]?.message).toMatch(
      /^SIB_PayPrices is missing: the workbook has no defined name SIB_PayPrices/,
    );
    const accepted = expectOk(await read(book, result.problems));
    expect(accepted.contract).toBeNull();
    expect(accepted.scenario).toEqual(model.scenario);
  });

  it("a deleted Investor sheet (its names refer to #REF!) is reported name by name as referring to no cells", async () => {
    const book = await writtenBook();
    book.hf.removeSheet(book.hf.getSheetId("Investor") ?? -1);
    const problems = problemsOf(await read(book));
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((found) => found.kind))).toEqual(new Set(["brokenName"]));
    expect(problems.map((found) => found.name)).toContain("SIB_InvCapIRR");
  });

  it("a flag of 5 or -1 is refused with the flag rule (not read as no / as needed)", async () => {
    const book = await writtenBook();
    type(book, "SIB_PayIncludeEducation", 5);
    type(book, "SIB_InvDrawUpfront", -1);
    const result = await read(book);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const messages = result.issues.map((found) => found.message).join(" | ");
      expect(messages).toMatch(/SIB_PayIncludeEducation .*must be 1 \(yes\) or 0 \(no\), got 5/);
      expect(messages).toMatch(/SIB_InvDrawUpfront .*must be 1 \(yes\) or 0 \(no\), got -1/);
    }
  });

  it("an empty or #REF! required cell is a problem without a fallback, named with its row and address", async () => {
    const book = await writtenBook();
    const horizon = type(book, "SIB_HorizonMonths", null);
    const wage = type(book, "SIB_Wages", "#REF!", 3);
    const result = await read(book, [
      { name: "SIB_HorizonMonths", row: null, address: horizon, kind: "empty", value: "", fallback: null },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { name: "SIB_HorizonMonths", row: null, address: horizon, kind: "empty", value: "", fallback: null },
      { name: "SIB_Wages", row: 3, address: wage, kind: "error", value: "#REF!", fallback: null },
    ]);
    expect(result.issues.map((found) => found.message)).toEqual([
      `SIB_HorizonMonths (${horizon}) is empty; it must be a number.`,
      `SIB_Wages row 3 (${wage}) holds the Excel error #REF!; it must be a number.`,
    ]);
  });

  it(`a name redefined to a long column lists at most ${MAX_PROBLEMS_PER_NAME} cells and counts the rest`, async () => {
    const book = await writtenBook();
    const { sheet } = cellOf(book, "SIB_Wages");
    book.hf.changeNamedExpression("SIB_Wages", `=${quoteSheet(sheet)}!$Z$1:$Z$5000`);
    const problems = problemsOf(await read(book)).filter((found) => found.name === "SIB_Wages");
    expect(problems.length).toBe(MAX_PROBLEMS_PER_NAME + 1);
    expect(problems[MAX_PROBLEMS_PER_NAME]).toEqual({
      name: "SIB_Wages",
      row: null,
      address: null,
      kind: "more",
      value: String(5000 - MAX_PROBLEMS_PER_NAME),
      fallback: null,
    });
  });
});

describe("a name redefined to a whole column is refused by its reference, before its values are loaded", () => {
  it("SIB_Wages = a whole column: one problem of kind tooLarge, 2 syncs, no values read", async () => {
    const book = await writtenBook();
    const { sheet } = cellOf(book, "SIB_Wages");
    book.hf.changeNamedExpression("SIB_Wages", `=${quoteSheet(sheet)}!$Z:$Z`);
    const syncs = book.syncs;
    const problems = problemsOf(await read(book));
    expect(book.syncs - syncs).toBe(2);
    expect(problems).toEqual([
      {
        name: "SIB_Wages",
        row: null,
        address: null,
        kind: "tooLarge",
        value: book.hf.getNamedExpressionFormula("SIB_Wages"),
        fallback: null,
      },
    ]);
  });

  it.each([
    ["=Payment!$B$9", 1],
    ["=Payment!$B$20:$B$23", 4],
    ["='Input (2)'!$B$44:$C$51", 16],
    ["=Inputs!$D:$D", 1_048_576],
    ["=Inputs!$3:$4", 2 * 16_384],
    ["=#REF!", 0],
    ["=0.04", 0],
  ] as const)("referenceCells(%s) = %d", (formula, cells) => {
    expect(referenceCells(formula)).toBe(cells);
  });
});

describe("cellAddress: one row of a range's address as Excel gives it", () => {
  it.each([
    ["Payment!B20:B23", 2, "Payment!B21"],
    ["'Input (2)'!$B$44:$B$51", 3, "'Input (2)'!B46"],
    ["Investor!B5", null, "Investor!B5"],
  ] as const)("%s row %s → %s", (range, row, expected) => {
    expect(cellAddress(range, row)).toBe(expected);
  });
});
