/**
 * The workbook's texts a user reads, whatever the case (issue 16's mutation sample of 1 December 2026, night: emptied
 * labels and name descriptions of the per-municipality, cohort-month and payment blocks passed every test; see
 * docs/mutation.md). Plans are built, not recalculated, except for the one read-back test at the end.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile, pilotModel, type Model } from "../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { OUTCOME_STATES } from "../../src/engine/states";
import { buildPlan } from "../../src/plan/buildPlan";
import { contractFromWorkbook, readCell } from "../../src/plan/readBack";
import type { Language, PlanCell, SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const example = (file: string): Model => expectOk(parseModelFile(JSON.parse(readFileSync(file, "utf8")) as unknown));
const herningViborg = example("examples/herning-viborg.json");
const MODELS: readonly (readonly [string, Model])[] = [
  ["pilot", expectOk(pilotModel())],
  ["contract.json", example("examples/contract.json")],
  ["herning-viborg.json", herningViborg],
  // 2026: Viborg's rate that year is carried forward from 2025, an assumption [A] with its own source text.
  ["herning-viborg.json in 2026", { ...herningViborg, scenario: { ...herningViborg.scenario, parameterYear: 2026 } }],
  ["pilot-broad.json", example("examples/pilot-broad.json")],
  ["pilot-progression.json", example("examples/pilot-progression.json")],
  ["pilot-surplus.json", example("examples/pilot-surplus.json")],
  ["pilot-sustainment.json", example("examples/pilot-sustainment.json")],
];

const plan = (model: Model, language: Language): WorkbookPlan =>
  buildPlan(model.scenario, language, { ...model, checks: true });

/** Words in capitals that are codes, not shouting: the outcome states and a few abbreviations. */
const CODES = new Set<string>([...OUTCOME_STATES, "JOB_UNK", "JOB_PART", "WHO-5"]);
const shouting = (text: string): string[] =>
  (text.match(/[A-ZÆØÅ][A-ZÆØÅ_-]{4,}/g) ?? []).filter((word) => !CODES.has(word) && !/^[A-Z]+_/.test(word));

/** The rate card's "requires" columns hold an empty text for "requires nothing": data, not a missing label. */
const NONE_COLUMN_HEADINGS = new Set(["Forudsætter", "Requires", "Forudsætter (id)", "Requires (id)"]);
const columnOf = (address: string): string => address.replace(/[0-9]+$/, "");
const isEmptyLabel = (cell: PlanCell): boolean =>
  cell.role === "label" && (cell.value === undefined || (typeof cell.value === "string" && cell.value.trim() === ""));
const inNoneColumn = (sheet: SheetPlan, address: string): boolean =>
  sheet.cells.some(
    (cell) =>
      columnOf(cell.address) === columnOf(address) &&
      typeof cell.value === "string" &&
      NONE_COLUMN_HEADINGS.has(cell.value),
  );

describe.each(["da", "en"] as const)("the %s workbook's texts", (language) => {
  it.each(MODELS.map(([label, model]) => [label, model] as const))(
    "%s: every label and validation text is there, every defined name has a description, none in capitals, no cell written twice",
    (_label, model) => {
      const built = plan(model, language);
      const emptyLabels = built.sheets.flatMap((sheet) =>
        sheet.cells
          .filter((cell) => isEmptyLabel(cell) && !inNoneColumn(sheet, cell.address))
          .map((cell) => `${sheet.name}!${cell.address}`),
      );
      expect(emptyLabels).toEqual([]);
      // A text joined from parts must not start with a separator: an empty first part (e.g. the tax rate's source
      // before "; " and the weeks' source on each municipality's row).
      const dangling = built.sheets.flatMap((sheet) =>
        sheet.cells
          .filter((cell) => cell.role === "label" && typeof cell.value === "string" && /^\s*[;,:.]/.test(cell.value))
          .map((cell) => `${sheet.name}!${cell.address}`),
      );
      expect(dangling).toEqual([]);
      const emptyValidation = built.sheets.flatMap((sheet) =>
        sheet.cells
          .filter((cell) => cell.validation !== undefined)
          .filter((cell) =>
            [cell.validation?.title, cell.validation?.prompt, cell.validation?.error].some(
              (text) => (text ?? "").trim() === "",
            ),
          )
          .map((cell) => `${sheet.name}!${cell.address}`),
      );
      expect(emptyValidation).toEqual([]);
      expect(built.names.filter((name) => name.description.trim() === "").map((name) => name.name)).toEqual([]);
      // No block is written over another: every cell of a sheet has its own address.
      for (const sheet of built.sheets) {
        const addresses = sheet.cells.map((cell) => cell.address);
        expect(
          addresses.filter((address, index) => addresses.indexOf(address) !== index),
          sheet.name,
        ).toEqual([]);
      }
      expect(built.names.flatMap((name) => shouting(name.description).map((word) => `${name.name}: ${word}`))).toEqual(
        [],
      );
    },
  );
});

/** Every text constant inside a formula. */
function formulaTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) formulaTexts(item, out);
  } else if (typeof node === "object" && node !== null) {
    if ("kind" in node && node.kind === "text" && "value" in node && typeof node.value === "string")
      out.push(node.value);
    for (const value of Object.values(node)) formulaTexts(value, out);
  }
  return out;
}

const base0 = (model: Model): { paymentTerms: typeof PILOT_PAYMENT_TERMS; investorTerms: Model["investorTerms"] } => ({
  paymentTerms: PILOT_PAYMENT_TERMS,
  investorTerms: model.investorTerms,
});

const rowOf = (address: string): number => Number(address.replace(/^[A-Z]+/, ""));

describe("the Check sheet", () => {
  it.each([
    ["da", "Kontrol", "AFVIGER"],
    ["en", "Check", "DIFFERS"],
  ] as const)("%s: each comparison says OK or %s in the workbook's language", (language, sheetName, differs) => {
    const model = expectOk(pilotModel());
    const check = plan(model, language).sheets.find((sheet) => sheet.name === sheetName);
    const verdicts = (check?.cells ?? []).filter((cell) => formulaTexts(cell.formula).includes("OK"));
    expect(verdicts.length).toBeGreaterThan(3);
    for (const cell of verdicts) expect(formulaTexts(cell.formula)).toContain(differs);
  });

  it("SIB_CheckInputs covers the name/value block exactly: its last row holds a name", () => {
    const built = plan(expectOk(pilotModel()), "en");
    const range = built.names.find((name) => name.name === "SIB_CheckInputs");
    const last = Number(range?.reference.split(":")[1]?.replace(/[^0-9]/g, ""));
    const check = built.sheets.find((sheet) => sheet.name === range?.sheet);
    const key = check?.cells.find((cell) => cell.address === `A${last}`);
    expect(typeof key?.value).toBe("string");
    expect(String(key?.value).trim()).not.toBe("");
    expect(check?.cells.some((cell) => cell.address === `A${last + 1}` && cell.role === "label")).toBe(false);
  });
});

describe("the municipality results on Results", () => {
  it("the total column sums the municipalities (Herning-Viborg: column D = SUM(B:C))", () => {
    const results = plan(herningViborg, "en").sheets.find((sheet) =>
      sheet.cells.some((cell) => cell.value === "Results per municipality"),
    );
    const title = results?.cells.find((cell) => cell.value === "Results per municipality");
    const participants = results?.cells.find(
      (cell) => cell.value === "Participants" && rowOf(cell.address) > rowOf(title?.address ?? "A1"),
    );
    const row = rowOf(participants?.address ?? "A1");
    const total = results?.cells.find((cell) => cell.address === `D${row}`);
    expect(JSON.stringify(total?.formula)).toContain("SUM");
    expect(JSON.stringify(total?.formula)).toContain(`B${row}:C${row}`);
  });
});

describe("the municipality table on Inputs", () => {
  it.each(["da", "en"] as const)("%s: its column headings are bold like every other table's", (language) => {
    const built = plan(herningViborg, language);
    const inputs = built.sheets.find((sheet) =>
      sheet.cells.some(
        (cell) =>
          cell.value ===
          (language === "da" ? "Kommuner (hver kohorte hører til én)" : "Municipalities (each cohort belongs to one)"),
      ),
    );
    expect(inputs).toBeDefined();
    const title = inputs?.cells.find(
      (cell) =>
        typeof cell.value === "string" && cell.value.startsWith(language === "da" ? "Kommuner (" : "Municipalities ("),
    );
    const titleRow = Number(title?.address.replace(/^[A-Z]+/, ""));
    const headings = (inputs?.cells ?? []).filter(
      (cell) => cell.role === "label" && cell.address.replace(/^[A-Z]+/, "") === String(titleRow + 1),
    );
    expect(headings.length).toBeGreaterThanOrEqual(4);
    expect(headings.filter((cell) => cell.bold !== true).map((cell) => cell.address)).toEqual([]);
  });
});

describe("a progression metric's comparison share typed as text", () => {
  it("reads back as not measured whatever its case and spaces (' Ikke målt ', 'NOT MEASURED')", () => {
    const model = example("examples/pilot-progression.json");
    const workbook = evaluatePlan(buildPlan(model.scenario, "da", { ...model, addInValues: false }));
    const measured = model.paymentTerms.rateCard.find(
      (line) => line.progression !== undefined && line.progression !== null,
    );
    expect(measured).toBeDefined();
    const comparisonName = `SIB_PayProgComparison_${measured?.metric ?? ""}`;
    for (const typed of [" Ikke målt ", "NOT MEASURED"]) {
      const rangeOf = (name: string): unknown[][] | undefined =>
        name === comparisonName ? [[typed]] : workbook.rangeOf(name);
      const base = { paymentTerms: PILOT_PAYMENT_TERMS, investorTerms: model.investorTerms };
      const read = expectOk(contractFromWorkbook(base, rangeOf));
      const line = read?.paymentTerms.rateCard.find((item) => item.metric === measured?.metric);
      expect(line?.progression?.comparisonShare).toBeNull();
    }
    // A volume cap typed on the sheet reads back (the caps' column is read by its own name).
    const caps = workbook.rangeOf("SIB_PayVolumeCaps") ?? [];
    const capped = contractFromWorkbook(base0(model), (name) =>
      name === "SIB_PayVolumeCaps" ? caps.map((row, k) => (k === 0 ? [7] : row)) : workbook.rangeOf(name),
    );
    expect(expectOk(capped)?.paymentTerms.rateCard[0]?.volumeCap).toBe(7);
    const badCap = contractFromWorkbook(base0(model), (name) =>
      name === "SIB_PayVolumeCaps" ? caps.map((row, k) => (k === 0 ? ["mange"] : row)) : workbook.rangeOf(name),
    );
    expect(badCap.ok).toBe(false);
    if (!badCap.ok)
      expect(badCap.issues.map((item) => `${item.field} ${item.message}`).join(" ")).toContain("SIB_PayVolumeCaps");
    // A text where a number belongs is refused and shown as typed (not in capitals, as TRUE/FALSE are).
    const base = { paymentTerms: PILOT_PAYMENT_TERMS, investorTerms: model.investorTerms };
    const typedText = contractFromWorkbook(base, (name) =>
      name === "SIB_PaySavingsShare" ? [["høj"]] : workbook.rangeOf(name),
    );
    expect(typedText.ok).toBe(false);
    if (!typedText.ok) expect(typedText.issues.map((item) => item.message).join(" ")).toContain("høj");
  });
});

describe("readCell: what a cell that is neither number nor text shows in a message", () => {
  it("TRUE and FALSE as Excel writes them; any other value as it is", () => {
    expect(readCell(true)).toEqual({ kind: "notNumber", shown: "TRUE" });
    expect(readCell(false)).toEqual({ kind: "notNumber", shown: "FALSE" });
    expect(readCell({ value: 5 })).toEqual({ kind: "notNumber", shown: "[object Object]" });
    expect(readCell(BigInt(7))).toEqual({ kind: "notNumber", shown: "7" });
  });
});

describe("the Consequences sheet (examples/pilot-broad.json)", () => {
  const broad = example("examples/pilot-broad.json");
  it.each([
    ["da", "Konsekvenser"],
    ["en", "Consequences"],
  ] as const)(
    "%s: the double-counting check names its rule; the name and source columns are the wide ones",
    (language, sheetName) => {
      const sheet = plan(broad, language).sheets.find((item) => item.name === sheetName);
      const texts = (sheet?.cells ?? []).flatMap((cell) => formulaTexts(cell.formula));
      const rule = texts.filter((text) => text.includes("noDoubleCounting"));
      expect(rule.length).toBeGreaterThan(0);
      for (const text of rule) expect(text.length).toBeGreaterThan(40);
      const widths = sheet?.columnWidths ?? [];
      expect(widths.filter((width) => width === 40).length).toBe(2);
      expect([widths[1], widths[10]]).toEqual([40, 40]);
    },
  );
});

describe("the rate card on Payment", () => {
  const pilot = expectOk(pilotModel());
  const paymentSheet = (model: Model): SheetPlan | undefined =>
    plan(model, "en").sheets.find((sheet) => sheet.name === "Payment");
  const labelAt = (sheet: SheetPlan | undefined, text: string): PlanCell | undefined =>
    sheet?.cells.find((cell) => cell.role === "label" && cell.value === text);

  it("its column headings are bold", () => {
    const sheet = paymentSheet(pilot);
    const row = rowOf(labelAt(sheet, "Metric (id)")?.address ?? "A0");
    const card = new Set(["Metric", "Price per outcome (kr)", "Volume cap (outcomes)", "Historical baseline rate"]);
    ["Months after measurement", "Requires", "Metric (id)", "Requires (id)"].forEach((text) => card.add(text));
    const headings = (sheet?.cells ?? []).filter(
      (cell) => rowOf(cell.address) === row && typeof cell.value === "string" && card.has(cell.value),
    );
    expect(headings.length).toBeGreaterThanOrEqual(8);
    expect(headings.filter((cell) => cell.bold !== true).map((cell) => cell.address)).toEqual([]);
  });

  it("a contract threshold on paid hours is gated by the paid-hours line's effect, not the first line's", () => {
    const model: Model = {
      ...pilot,
      paymentTerms: { ...pilot.paymentTerms, threshold: { pp: 5, scope: "contract", metric: "paidHours" } },
    };
    const sheet = paymentSheet(model);
    const effectColumn = columnOf(labelAt(sheet, "Effect (percentage points)")?.address ?? "");
    const paidHoursRow = rowOf(labelAt(sheet, "Paid hours at measurement")?.address ?? "A0");
    const gateRow = rowOf(labelAt(sheet, "Contract threshold met (1/0)")?.address ?? "A0");
    const gate = sheet?.cells.find((cell) => rowOf(cell.address) === gateRow && cell.formula !== undefined);
    expect(effectColumn).not.toBe("");
    expect(JSON.stringify(gate?.formula)).toContain(`$${effectColumn}$${paidHoursRow}`);
  });
});
