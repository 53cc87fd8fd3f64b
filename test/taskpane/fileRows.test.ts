import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { ALL_FIELDS, caseFields, caseStepFields } from "../../src/taskpane/steps";
import { fileRowFields } from "../../src/taskpane/steps/broad";
import { languageProblems } from "../support/textLanguage";

/**
 * A loaded case's own consequence rows get fields (issue 14 leftover 3). examples/pilot-broad.json has the fifteen
 * default rows and one of its own, `psychiatricCareSensitivity` ("Psykiatrisk hospitalsbehandling
 * (følsomhedsberegning)"): unit price 1 kr of psychiatric hospital cost, price year 2016, index factor 1, and
 * −18,500 a year per person in work (the file's own figures). Before, such a row was kept but had no field.
 */
const example = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8")) as unknown));
const ROW = "consequence.psychiatricCareSensitivity";

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });
const loaded = reduce(pilotState, { type: "loadedFile", model: example });

function saveAndLoad(state: WizardState): WizardState {
  const model = modelOf(state);
  expect([...model.errors.keys()]).toEqual([]);
  const saved = expectOk(
    caseFileText({
      scenario: model.scenario,
      terms: model.terms,
      investor: model.investor,
      views: [],
      description: null,
    }),
  );
  return reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(saved)) });
}

describe("a loaded case's own consequence rows have fields (issue 14)", () => {
  it("pilot-broad.json's own row: change, unit price, price year and index factor, under the row's own name", () => {
    const own = fileRowFields(example.scenario);
    expect(own.map((spec) => spec.id)).toEqual([
      `${ROW}.change.inWork`,
      `${ROW}.unitPrice`,
      `${ROW}.priceYear`,
      `${ROW}.indexFactor`,
    ]);
    for (const spec of own) {
      expect(spec.step).toBe("review");
      expect(spec.group).toEqual({
        da: "Bredt: Psykiatrisk hospitalsbehandling (følsomhedsberegning)",
        en: "Broad: Psychiatric hospital care (sensitivity)",
      });
    }
    expect(own[0]?.help.da).toContain("«kr i psykiatrisk hospitalsudgift»");
    expect(own[0]?.help.da).toContain("Sagens række: pris 1 kr.");
    expect(languageProblems(own[0]?.help.en ?? "", "en")).toEqual([]);
    // The default rows keep their built-in fields; the pilot has no rows of its own.
    expect(caseFields(example.scenario)).toHaveLength(ALL_FIELDS.length + 4);
    expect(caseFields(pilotState.base)).toBe(ALL_FIELDS);
    expect(caseStepFields("review", example.scenario).map((spec) => spec.id)).toContain(`${ROW}.unitPrice`);
  });

  it("loading fills the fields with the row's figures and leaves the case as the file has it", () => {
    expect(loaded.fields[`${ROW}.change.inWork`]?.text).toBe("-18.500");
    expect(loaded.fields[`${ROW}.unitPrice`]?.text).toBe("1");
    expect(loaded.fields[`${ROW}.priceYear`]?.text).toBe("2016");
    expect(loaded.fields[`${ROW}.indexFactor`]?.text).toBe("1");
    const model = modelOf(loaded);
    expect([...model.errors.keys()]).toEqual([]);
    expect(model.scenario.consequences).toEqual(example.scenario.consequences);
  });

  it("a typed change (half: −9.250) reaches the row, and load → fields → save → load gives the same case", () => {
    const halved = reduce(loaded, { type: "setField", id: `${ROW}.change.inWork`, text: "-9.250" });
    const row = modelOf(halved).scenario.consequences?.find(
      (candidate) => candidate.id === "psychiatricCareSensitivity",
    );
    expect(row?.changePerYear.JOB).toBe(-9_250);
    const again = saveAndLoad(halved);
    expect(modelOf(again).scenario).toEqual(modelOf(halved).scenario);
    expect(again.fields[`${ROW}.change.inWork`]?.text).toBe("-9.250");
    // Unchanged, the round trip keeps the file's row as it is.
    expect(modelOf(saveAndLoad(loaded)).scenario.consequences).toEqual(example.scenario.consequences);
  });

  it("the engine's rule on the row shows on its own field, in Danish and English", () => {
    const noPrice = reduce(loaded, { type: "setField", id: `${ROW}.unitPrice`, text: "" });
    const error = modelOf(noPrice).errors.get(`${ROW}.unitPrice`);
    expect(error?.rule).toBe("unitPrice");
    expect(error?.step).toBe("review");
    if (error === undefined) return;
    const context = { horizonMonths: 50, base: noPrice.base };
    expect(fieldMessage(error, "da", context)).toBe("Rækken mangler en enhedspris i kr.");
    expect(fieldMessage(error, "en", context)).toBe("The row has no unit price in kr.");
  });
});
