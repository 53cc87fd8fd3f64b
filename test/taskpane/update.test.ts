import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { writeModel, type WriteReport } from "../../src/excel/writeModel";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { openCase, updateCase, type UpdateOutcome } from "../../src/taskpane/host/excel";
import { casePlan } from "../../src/taskpane/host/plan";
import { initialState, reduce } from "../../src/taskpane/state/reducer";
import { statusOfUpdate, statusText } from "../../src/taskpane/ui/status";
import { FakeExcelWorkbook } from "../support/fakeExcel";

/**
 * "Update model" on the HyperFormula-backed fake Excel: the pilot is written, its horizon raised in the workbook beyond
 * the model's capacity, and updateCase writes a new version next to it that computes the engine's numbers.
 */
const pilot = expectOk(pilotScenario());
const NPV = "NPVPerParticipant_Municipality";

async function writePilot(book: FakeExcelWorkbook): Promise<WriteReport> {
  const plan = expectOk(casePlan({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {} }, "da", true));
  return writeModel(plan, book.host());
}

/** The sheet and first cell of a defined name (a single cell or a column). */
function firstCell(book: FakeExcelWorkbook, name: string): { sheet: string; address: string } {
  const expression = book.hf.getNamedExpressionFormula(name) ?? "";
  const match = /^='?(.*?)'?!\$?([A-Z]+)\$?(\d+)/.exec(expression);
  if (match === null) throw new Error(`no cell for ${name}: ${expression}`);
  return { sheet: (match[1] ?? "").replace(/''/g, "'"), address: `${match[2]}${match[3]}` };
}

/** Types a value into the (first) cell of a defined name, as a user would. */
function typeInto(book: FakeExcelWorkbook, name: string, value: number): void {
  const { sheet, address } = firstCell(book, name);
  book.setCell(sheet, address, value);
}

/** Everything a model is made of: its sheets' contents and values, and its defined names. */
function snapshot(book: FakeExcelWorkbook, sheets: readonly string[], prefix: string): unknown {
  const ids = sheets.map((sheet) => book.hf.getSheetId(sheet) ?? -1);
  return {
    contents: ids.map((id) => book.hf.getSheetSerialized(id)),
    values: ids.map((id) => book.hf.getSheetValues(id)),
    names: book
      .nameList()
      .filter((name) => name.startsWith(prefix))
      .map((name) => [name, book.hf.getNamedExpressionFormula(name)]),
  };
}

function updated(outcome: UpdateOutcome): Extract<UpdateOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`update refused: ${outcome.issues.map((issue) => issue.message).join("; ")}`);
  return outcome;
}

describe("updateCase: 'Update model' writes a new version of the edited model next to the old one", () => {
  it("the horizon raised to 60 beyond the capacity: SIB2_ computes the engine's numbers, the first model is untouched, a second update writes SIB3_", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [["mine", 1]] });
    const first = await writePilot(book);
    expect(pilot.horizonMonths).toBe(50);
    expect(book.valueOf("SIB_CapacityMonths")).toBe(50);
    typeInto(book, "SIB_HorizonMonths", 60);
    expect(book.valueOf("SIB_Status")).toBe(
      "Modellen er skrevet til 50 måneder; skriv den igen fra guiden for 60 måneder",
    );
    const before = snapshot(book, first.sheets, "SIB_");

    const syncsBefore = book.syncs;
    const outcome = updated(await updateCase(pilot, "da", 0, book.host()));
    expect(outcome.readFrom).toBe("SIB_");
    expect(outcome.report.namePrefix).toBe("SIB2_");
    expect(outcome.report.sheets).toEqual(first.sheets.map((sheet) => `${sheet} (2)`));
    expect(book.syncs - syncsBefore).toBe(3 + outcome.report.syncs);
    // The case the new version holds, which "Update model" stores as the workbook's case file: the edited horizon.
    expect(outcome.written.scenario.horizonMonths).toBe(60);
    expect(outcome.written.terms).toEqual(PILOT_PAYMENT_TERMS);

    const scenario60 = { ...pilot, horizonMonths: 60 };
    const engine = workbookNames(scenario60, computeBusinessCase(scenario60))[`SIB_${NPV}`] ?? Number.NaN;
    const written = book.valueOf(`SIB2_${NPV}`) as number;
    expect(Math.abs(written - engine) / Math.max(1, Math.abs(engine))).toBeLessThanOrEqual(1e-9);
    expect(book.valueOf("SIB2_HorizonMonths")).toBe(60);
    expect(book.valueOf("SIB2_CapacityMonths")).toBe(60);
    expect(String(book.valueOf("SIB2_Status"))).toMatch(/^OK/);
    expect(snapshot(book, first.sheets, "SIB_")).toEqual(before);
    expect(book.cellValue("Ark1", "B1")).toBe(1);

    const second = updated(await updateCase(pilot, "da", 12, book.host()));
    expect(second.readFrom).toBe("SIB2_");
    expect(second.report.namePrefix).toBe("SIB3_");
    expect(second.report.sheets[0]).toBe("Input (3)");
    expect(book.valueOf("SIB3_CapacityMonths")).toBe(72);
    expect(Math.abs((book.valueOf(`SIB3_${NPV}`) as number) - engine)).toBeLessThanOrEqual(1e-9 * Math.abs(engine));

    // "Open model" reads the newest model too, and says which.
    const read = expectOk(await openCase(pilot, book.host()));
    expect(read.prefix).toBe("SIB3_");
    expect(read.scenario).toEqual(scenario60);
    const opened = reduce(initialState("da-DK"), { type: "opened", ...read });
    expect(opened.status).toEqual({ kind: "opened", prefix: "SIB3_" });

    const text = statusText(statusOfUpdate(second), "da");
    expect(text).toContain("begynder med SIB2_");
    expect(text).toContain(second.report.sheets.join(", "));
    expect(text).toContain("SIB3_");
  });

  it("invalid edited inputs (a share typed as 18): the issues name the cells, nothing is written", async () => {
    const book = new FakeExcelWorkbook();
    await writePilot(book);
    updated(await updateCase(pilot, "da", 0, book.host()));
    typeInto(book, "SIB2_ParticipantShares", 18);
    const sheets = book.sheetNames();
    const names = book.nameList();
    const syncsBefore = book.syncs;

    const outcome = await updateCase(pilot, "en", 0, book.host());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.readFrom).toBe("SIB2_");
    expect(outcome.cells).toEqual(["SIB2_ParticipantShares"]);
    expect(outcome.issues.map((issue) => issue.message)).toEqual([
      "SIB2_ParticipantShares row 1: participantShares.JOB must be a share from 0 to 1 (e.g. 0.18 for 18 %), got 18.",
      "SIB2_ParticipantShares: participantShares must sum to 1 (100 %) within 0.000001, got 18.818182.",
    ]);
    expect(book.sheetNames()).toEqual(sheets);
    expect(book.nameList()).toEqual(names);
    expect(book.syncs - syncsBefore).toBe(3);

    const status = statusOfUpdate(outcome);
    expect(status).toEqual({ kind: "failed", what: "update", detail: "SIB2_ParticipantShares", readFrom: "SIB2_" });
    expect(statusText(status, "en")).toContain("not updated");
    expect(statusText(status, "da")).toContain("Der er ikke skrevet noget");
  });

  it("a workbook without a model: nothing to update, nothing written", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [[1]] });
    const outcome = await updateCase(pilot, "da", 0, book.host());
    expect(outcome).toMatchObject({ ok: false, readFrom: null, cells: [] });
    expect(book.sheetNames()).toEqual(["Ark1"]);
    expect(book.syncs).toBe(1);
    expect(statusText(statusOfUpdate(outcome), "da")).toBe(
      "Der er ingen model i projektmappen at opdatere. Skriv først en model fra guiden.",
    );
  });

  it("a model without Payment and Investor sheets gets the default terms; spare months stop at 420", async () => {
    const book = new FakeExcelWorkbook();
    // The pilot's 50 months (a first model of 400 months cost ~3 s more): 50 + 400 spare months = 450 > 420.
    await writeModel(buildPlan(pilot, "en"), book.host());
    expect(book.valueOf("SIB_CapacityMonths")).toBe(50);
    expect(book.sheetNames()).not.toContain("Payment");
    const outcome = updated(await updateCase(pilot, "en", 400, book.host()));
    expect(outcome.report.sheets).toContain("Payment");
    expect(book.valueOf("SIB2_CapacityMonths")).toBe(420);
    expect(book.valueOf("SIB2_PayLagMonths")).toBe(PILOT_PAYMENT_TERMS.lagMonths);
    await expect(updateCase(pilot, "en", -1, book.host())).rejects.toThrow(RangeError);
  });

  it("where the add-in's functions are not loaded, the status says the Check sheet cannot calculate", async () => {
    const book = new FakeExcelWorkbook();
    await writePilot(book);
    book.registeredNames = "none";
    const outcome = updated(await updateCase(pilot, "en", 0, book.host()));
    expect(outcome.report.functionNames).toBe("unrecognised");
    expect(statusText(statusOfUpdate(outcome), "en")).toContain("the Check sheet cannot calculate");
    expect(statusText(statusOfUpdate(outcome), "da")).toContain("#NAVN?");
  });
});
