import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { computeCaseNumbers, type CaseNumbers } from "../../src/taskpane/preview/preview";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import type { MunicipalityDraft } from "../../src/taskpane/state/municipalities";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { municipalityLines } from "../../src/taskpane/ui/previewView";

/**
 * Several municipalities in the wizard (issue 10 item 2). Independent figures: the built-in kommuneskat 2023 of
 * Herning is 24.9 % (Herning Kommune, 15 Sep 2023: "the rate until 2023") and of Viborg 25.5 % (NB-Økonomi, 16 Sep
 * 2020, from 2021 on); the payments are split by the shares typed (55/45).
 */
function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });
/** The pilot as two cohorts of 28, the second 2 months later. */
const twoCohorts = run(
  pilotState,
  { type: "setField", id: "cohortParticipants", text: "28" },
  { type: "setField", id: "cohortCount", text: "2" },
  { type: "setField", id: "cohortSpacing", text: "2" },
);

const HERNING_VIBORG: MunicipalityDraft = {
  rows: [
    { name: "Herning", taxRate: "", share: "55", weeks: "" },
    { name: "Viborg", taxRate: "", share: "45", weeks: "" },
  ],
  cohorts: ["Herning", "Viborg"],
};

function numbersOf(state: WizardState): CaseNumbers {
  const model = modelOf(state);
  expect([...model.errors.values()]).toEqual([]);
  return expectOk(computeCaseNumbers(model.scenario, model.terms, model.investor));
}

function messageOf(state: WizardState, id: string, language: "da" | "en" = "da"): string | undefined {
  const error = modelOf(state).errors.get(id);
  return error === undefined ? undefined : fieldMessage(error, language, { horizonMonths: 50 });
}

describe("several municipalities in the wizard", () => {
  it("the pilot lists none: one combined municipality, no results per municipality", () => {
    expect(pilotState.municipalities.rows).toEqual([]);
    expect(modelOf(pilotState).scenario.municipalities ?? []).toEqual([]);
    expect(numbersOf(pilotState).byMunicipality).toEqual({});
  });

  it("Herning and Viborg with built-in rates, a cohort each and 55/45 of the payments: results per municipality", () => {
    const state = reduce(twoCohorts, { type: "setMunicipalities", draft: HERNING_VIBORG });
    const model = modelOf(state);
    expect(model.scenario.municipalities).toEqual([
      { name: "Herning", taxRate: null, weeksOnBenefitAtIntake: null, paymentShare: 0.55 },
      { name: "Viborg", taxRate: null, weeksOnBenefitAtIntake: null, paymentShare: 0.45 },
    ]);
    expect(model.scenario.cohorts.map((cohort) => [cohort.participants, cohort.municipality])).toEqual([
      [28, "Herning"],
      [28, "Viborg"],
    ]);
    const numbers = numbersOf(state);
    const herning = numbers.byMunicipality["Herning"];
    const viborg = numbers.byMunicipality["Viborg"];
    if (herning === undefined || viborg === undefined) throw new Error("expected both municipalities");
    expect(herning.taxRate).toBe(0.249);
    expect(viborg.taxRate).toBe(0.255);
    expect(herning.participants).toBe(28);
    expect(herning.payments.total / viborg.payments.total).toBeCloseTo(55 / 45, 12);
    const lines = municipalityLines(numbers, "da");
    expect(lines.map((line) => line.name)).toEqual(["Herning", "Viborg"]);
    expect(lines[0]?.taxRate).toBe("24,90 % (indbygget sats med kilde)");
    expect(lines[0]?.participants).toBe("28");
  });

  it("an own municipality by name and rate; weeks on benefit per municipality", () => {
    const state = reduce(twoCohorts, {
      type: "setMunicipalities",
      draft: {
        rows: [
          { name: "Herning", taxRate: "", share: "50", weeks: "" },
          { name: "Odder", taxRate: "25,1", share: "50", weeks: "130" },
        ],
        cohorts: ["Herning", "Odder"],
      },
    });
    const odder = numbersOf(state).byMunicipality["Odder"];
    expect(odder?.taxRate).toBe(0.251);
    expect(odder?.weeksOnBenefitAtIntake).toBe(130);
    expect(municipalityLines(numbersOf(state), "en")[1]?.taxRate).toBe("25.10 % (own rate)");
  });

  it.each([
    [
      "an unknown municipality without a rate",
      [{ name: "Odder", taxRate: "", share: "100", weeks: "" }],
      "municipality.0.taxRate",
      "Der er ingen indbygget kommuneskat for denne kommune: skriv dens skatteprocent, fx 25,1.",
    ],
    [
      "shares that do not sum to 100 %",
      [
        { name: "Herning", taxRate: "", share: "55", weeks: "" },
        { name: "Viborg", taxRate: "", share: "50", weeks: "" },
      ],
      "municipalityShares",
      "Kommunernes andele af betalingerne skal tilsammen give 100 %.",
    ],
    [
      "a rate that is not a number",
      [{ name: "Herning", taxRate: "høj", share: "100", weeks: "" }],
      "municipality.0.taxRate",
      "Skriv en skatteprocent, fx 25,1, eller lad feltet stå tomt for den indbyggede sats.",
    ],
    [
      "a rate of 100 %",
      [{ name: "Herning", taxRate: "100", share: "100", weeks: "" }],
      "municipality.0.taxRate",
      "Skriv en skatteprocent fra 0 til 99 %.",
    ],
    [
      "a municipality listed twice",
      [
        { name: "Herning", taxRate: "", share: "50", weeks: "" },
        { name: "herning", taxRate: "", share: "50", weeks: "" },
      ],
      "municipality.1.name",
      "Kommunen står på listen to gange; fjern den ene.",
    ],
    [
      "an empty share",
      [{ name: "Herning", taxRate: "", share: "", weeks: "" }],
      "municipality.0.share",
      "Skriv kommunens andel af betalingerne, fx 50.",
    ],
    [
      "an empty name",
      [{ name: " ", taxRate: "25", share: "100", weeks: "" }],
      "municipality.0.name",
      "Skriv kommunens navn, fx Herning.",
    ],
  ] as const)("%s: a message next to the field, on the target step", (_, rows, id, message) => {
    const state = reduce(pilotState, { type: "setMunicipalities", draft: { rows, cohorts: [] } });
    expect(messageOf(state, id)).toBe(message);
    expect(modelOf(state).errors.get(id)?.step).toBe("target");
    expect(modelOf(state).valid).toBe(false);
  });

  it("a cohort naming a municipality that is not listed is refused at the cohort", () => {
    const state = reduce(twoCohorts, {
      type: "setMunicipalities",
      draft: { ...HERNING_VIBORG, cohorts: ["Herning", "Holstebro"] },
    });
    expect(messageOf(state, "cohortMunicipality.1", "en")).toBe(
      "Choose one of the listed municipalities for the cohort.",
    );
  });

  it("saved in the case file, loaded back identically; examples/herning-viborg.json loads with Viborg's 130 weeks", () => {
    const state = reduce(twoCohorts, { type: "setMunicipalities", draft: HERNING_VIBORG });
    const model = modelOf(state);
    const text = expectOk(
      caseFileText({
        scenario: model.scenario,
        terms: model.terms,
        investor: model.investor,
        views: [],
        description: null,
      }),
    );
    const loaded = reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
    expect(loaded.municipalities).toEqual(HERNING_VIBORG);
    expect(modelOf(loaded).scenario).toEqual(model.scenario);

    const example = expectOk(parseModelFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8"))));
    const opened = reduce(pilotState, { type: "loadedFile", model: example });
    expect(opened.municipalities.rows.map((row) => [row.name, row.share, row.weeks])).toEqual([
      ["Herning", "55", ""],
      ["Viborg", "45", "130"],
    ]);
    expect(modelOf(opened).scenario.municipalities).toEqual(
      example.scenario.municipalities?.map((m) => ({
        name: m.name,
        taxRate: m.taxRate ?? null,
        weeksOnBenefitAtIntake: m.weeksOnBenefitAtIntake ?? null,
        paymentShare: m.paymentShare,
      })),
    );
    expect(modelOf(opened).valid).toBe(true);
  });

  it("undo takes the municipalities back; the language switch rewrites their percentages", () => {
    const state = reduce(twoCohorts, {
      type: "setMunicipalities",
      draft: { ...HERNING_VIBORG, rows: [{ name: "Odder", taxRate: "25,1", share: "100", weeks: "" }], cohorts: [] },
    });
    expect(reduce(state, { type: "undo" }).municipalities.rows).toEqual([]);
    expect(reduce(state, { type: "setLanguage", language: "en" }).municipalities.rows[0]?.taxRate).toBe("25.1");
  });
});
