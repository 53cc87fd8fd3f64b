import { describe, expect, it } from "vitest";
import { STATUS_FAILED, STATUS_OK } from "../../src/excel/queueOperation";
import { writeModel } from "../../src/excel/writeModel";
import { call, ge, ifThen, le, ref, text } from "../../src/plan/formula";
import type { WorkbookPlan } from "../../src/plan/types";
import { FakeExcelWorkbook } from "../support/fakeExcel";
import { RecordingExcel } from "../support/recordingExcel";

/**
 * Data validation (ExcelApi 1.8) and status cells (a conditional format, ExcelApi 1.6) on a small hand-made plan: a
 * share between 0 and 1, a whole number of months, a cap that is a number ≥ 0 (custom rule), and a status cell that
 * says OK or what is wrong.
 */
const plan: WorkbookPlan = {
  language: "en",
  sheets: [
    {
      name: "Inputs",
      columnWidths: [30, 12],
      cells: [
        { address: "A1", role: "label", value: "Share", bold: true },
        {
          address: "B1",
          role: "input",
          value: 0.3,
          format: "0.0%",
          validation: {
            rule: { kind: "decimal", min: 0, max: 1 },
            title: "Share",
            prompt: "A share from 0 to 1 (0.3 = 30 %).",
            error: "The share must be from 0 to 1.",
          },
        },
        {
          address: "B2",
          role: "input",
          value: 48,
          validation: {
            rule: { kind: "whole", min: 1, max: 420 },
            title: "Horizon",
            prompt: "Months followed, 1 to 420.",
            error: "The horizon must be a whole number of months from 1 to 420.",
          },
        },
        {
          address: "B3",
          role: "input",
          value: 1000,
          validation: {
            rule: {
              kind: "custom",
              formula: call("AND", call("ISNUMBER", ref("B3")), ge(ref("B3"), { kind: "number", value: 0 })),
            },
            title: "Cap",
            prompt: "A cap in kr, 0 or more.",
            error: "The cap must be a number of kr, 0 or more.",
          },
        },
        {
          address: "B5",
          role: "output",
          formula: ifThen(
            call("AND", ge(ref("B1"), { kind: "number", value: 0 }), le(ref("B1"), { kind: "number", value: 1 })),
            text("OK"),
            text("B1: the share must be from 0 to 1"),
          ),
          status: { ok: "OK" },
        },
      ],
    },
  ],
  names: [],
  charts: [],
};

describe("data validation and status cells", () => {
  it("writes each rule with its input prompt and a stop alert, in Excel's shape", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(plan, book.host());
    expect(book.validations.get("Inputs!B1")).toEqual({
      rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      prompt: { showPrompt: true, title: "Share", message: "A share from 0 to 1 (0.3 = 30 %)." },
      errorAlert: { showAlert: true, style: "Stop", title: "Share", message: "The share must be from 0 to 1." },
    });
    expect(book.validations.get("Inputs!B2")?.rule).toEqual({
      wholeNumber: { formula1: 1, formula2: 420, operator: "Between" },
    });
    expect(book.validations.get("Inputs!B3")?.rule).toEqual({ custom: { formula: "=AND(ISNUMBER(B3),B3>=0)" } });
    expect(book.validations.size).toBe(3);
  });

  it("the rules accept what they should and refuse the rest (as Excel would check a typed value)", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(plan, book.host());
    expect([0, 0.5, 1].map((value) => book.accepts("Inputs", "B1", value))).toEqual([true, true, true]);
    expect([-0.01, 1.01, 30].map((value) => book.accepts("Inputs", "B1", value))).toEqual([false, false, false]);
    expect([1, 420].map((value) => book.accepts("Inputs", "B2", value))).toEqual([true, true]);
    expect([0, 421, 2.5].map((value) => book.accepts("Inputs", "B2", value))).toEqual([false, false, false]);
    expect([0, 5e6].map((value) => book.accepts("Inputs", "B3", value))).toEqual([true, true]);
    expect(book.accepts("Inputs", "B3", -1)).toBe(false);
    expect(book.cellValue("Inputs", "B3")).toBe(1000);
  });

  it("the status cell is green while it says OK and turns red when an input breaks a rule", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(plan, book.host());
    expect(book.conditionalFormats.get("Inputs!B5")?.map((format) => format.type)).toEqual(["CellValue", "CellValue"]);
    expect(book.cellValue("Inputs", "B5")).toBe("OK");
    expect(book.conditionalFill("Inputs", "B5")).toBe(STATUS_OK.fill);
    book.setCell("Inputs", "B1", 30);
    expect(book.cellValue("Inputs", "B5")).toBe("B1: the share must be from 0 to 1");
    expect(book.conditionalFill("Inputs", "B5")).toBe(STATUS_FAILED.fill);
  });

  it("an ok text with quotes is quoted in the conditional format's formula", async () => {
    const quoted = 'all "OK"';
    const sheet = plan.sheets[0];
    if (sheet === undefined) throw new Error("no sheet");
    const cells = sheet.cells.map((cell) =>
      // A value, not a formula: HyperFormula cannot parse "" inside a text literal.
      cell.status === undefined
        ? cell
        : { address: cell.address, role: cell.role, value: quoted, status: { ok: quoted } },
    );
    const book = new FakeExcelWorkbook();
    await writeModel({ ...plan, sheets: [{ ...sheet, cells }] }, book.host());
    expect(book.conditionalFormats.get("Inputs!B5")?.[0]?.cellValue.rule.formula1).toBe('="all ""OK"""');
    expect(book.conditionalFill("Inputs", "B5")).toBe(STATUS_OK.fill);
  });

  it("validation and status take a few calls per cell (recorded requests), in the one write request", async () => {
    const recorder = new RecordingExcel();
    await writeModel(plan, recorder.host());
    const write = recorder.requests[1];
    expect(recorder.requests.length).toBe(2);
    const names = write?.assignments.map((assignment) => assignment.name) ?? [];
    expect(names.filter((name) => name === "rule").length).toBe(3 + 2);
    expect(names.filter((name) => name === "errorAlert").length).toBe(3);
  });
});
