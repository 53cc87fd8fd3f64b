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
import { contractFromWorkbook } from "../../src/plan/readBack";
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
    "%s: every label and validation text is there, every defined name has a description, none in capitals",
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
      expect(built.names.flatMap((name) => shouting(name.description).map((word) => `${name.name}: ${word}`))).toEqual(
        [],
      );
    },
  );
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
  });
});
