import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { stepModule } from "../../src/taskpane/steps";
import { PROGRESSION_FIELDS, summaryLabel } from "../../src/taskpane/steps/progression";
import { languageProblems } from "../support/textLanguage";

/**
 * Progression metrics as wizard fields (issue 14 leftover 2; engine: src/engine/payment/progression.ts). The case
 * file examples/pilot-progression.json prices three of them (its own terms, read here by the engine's parser): fit for
 * work 40,000 kr at month 12, 35 % against 20 %; action plan 25,000 kr at month 6, 60 % against 30 %; WHO-5 13,090 kr
 * at month 12, 40 % against 25 %. Loading it fills their fields; saving gives the same terms back.
 */
const file = JSON.parse(readFileSync("examples/pilot-progression.json", "utf8")) as unknown;
const example = expectOk(parseModelFile(file));

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });
const loaded = reduce(pilotState, { type: "loadedFile", model: example });

function text(state: WizardState, id: string): string | undefined {
  return state.fields[id]?.text;
}

/** Save the state's case as the browser does, and load the text again. */
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

describe("progression metrics have fields on the payment step (issue 14)", () => {
  it("five metrics × price, month, share, comparison, in Danish and English, on the payment step", () => {
    expect(PROGRESSION_FIELDS).toHaveLength(20);
    const payment = stepModule("payment").fields.map((spec) => spec.id);
    for (const spec of PROGRESSION_FIELDS) {
      expect(payment).toContain(spec.id);
      expect(spec.optional).toBe(true);
      for (const part of [spec.label, spec.help, spec.noneText, spec.group]) {
        expect(part?.da).not.toBe(part?.en);
        expect(languageProblems(part?.da ?? "", "da"), `${spec.id}: ${part?.da ?? ""}`).toEqual([]);
        expect(languageProblems(part?.en ?? "", "en"), `${spec.id}: ${part?.en ?? ""}`).toEqual([]);
      }
    }
  });

  it("loading pilot-progression.json fills the fields with the file's figures; the pilot's stay empty", () => {
    expect(text(loaded, "price.fitForWork")).toBe("40.000");
    expect(text(loaded, "progression.fitForWork.month")).toBe("12");
    expect(text(loaded, "progression.fitForWork.share")).toBe("35");
    expect(text(loaded, "progression.fitForWork.comparison")).toBe("20");
    expect(text(loaded, "price.actionPlan")).toBe("25.000");
    expect(text(loaded, "progression.actionPlan.share")).toBe("60");
    expect(text(loaded, "price.who5")).toBe("13.090");
    expect(text(loaded, "progression.who5.comparison")).toBe("25");
    expect(text(loaded, "price.bipGain")).toBe("");
    for (const spec of PROGRESSION_FIELDS) expect(text(pilotState, spec.id), spec.id).toBe("");
    // The fields give back the file's rate card, line for line.
    expect(modelOf(loaded).terms.rateCard).toEqual(example.paymentTerms.rateCard);
  });

  it("load → fields → save → load gives the same case; an unchanged pilot has no progression line", () => {
    const again = saveAndLoad(loaded);
    expect(modelOf(again).terms).toEqual(modelOf(loaded).terms);
    expect(modelOf(again).scenario).toEqual(modelOf(loaded).scenario);
    expect(modelOf(pilotState).terms.rateCard).toEqual(PILOT_PAYMENT_TERMS.rateCard);
  });

  it("typed: a BIP gain added (5.000 kr, month 6, 30 %, comparison not measured), WHO-5 taken off; saved and loaded", () => {
    const edited = run(
      loaded,
      { type: "setField", id: "price.bipGain", text: "5.000" },
      { type: "setField", id: "progression.bipGain.month", text: "6" },
      { type: "setField", id: "progression.bipGain.share", text: "30" },
      { type: "setField", id: "price.who5", text: "" },
    );
    const card = modelOf(edited).terms.rateCard;
    const pilotMetrics = PILOT_PAYMENT_TERMS.rateCard.map((line) => line.metric);
    expect(card.map((line) => line.metric)).toEqual([...pilotMetrics, "fitForWork", "actionPlan", "bipGain"]);
    expect(card.at(-1)).toEqual({
      metric: "bipGain",
      price: 5_000,
      volumeCap: null,
      requires: null,
      progression: { measurementMonth: 6, shares: [0.3], comparisonShare: null },
    });
    const again = saveAndLoad(edited);
    expect(modelOf(again).terms).toEqual(modelOf(edited).terms);
    expect(text(again, "price.bipGain")).toBe("5.000");
    expect(text(again, "progression.bipGain.comparison")).toBe("");
  });

  it("shares per cohort in a file are kept while the share field is empty, replaced by one typed share", () => {
    const twoCohorts = {
      ...example,
      scenario: {
        ...example.scenario,
        cohorts: [
          { participants: 30, intakeMonth: 0 },
          { participants: 26, intakeMonth: 6 },
        ],
      },
      paymentTerms: {
        ...example.paymentTerms,
        rateCard: example.paymentTerms.rateCard.map((line) =>
          line.metric === "who5"
            ? { ...line, progression: { measurementMonth: 12, shares: [0.5, 0.25], comparisonShare: 0.25 } }
            : line,
        ),
      },
    };
    const state = reduce(pilotState, { type: "loadedFile", model: twoCohorts });
    expect(text(state, "progression.who5.share")).toBe("");
    const who5 = (s: WizardState) => modelOf(s).terms.rateCard.find((line) => line.metric === "who5")?.progression;
    expect(who5(state)?.shares).toEqual([0.5, 0.25]);
    expect(modelOf(state).valid).toBe(true);
    expect(modelOf(saveAndLoad(state)).terms).toEqual(modelOf(state).terms);
    expect(who5(reduce(state, { type: "setField", id: "progression.who5.share", text: "45" }))?.shares).toEqual([0.45]);
  });

  it("the review's summary lists a priced metric's fields under its name, and leaves the unpriced ones out", () => {
    const spec = (id: string) => PROGRESSION_FIELDS.find((candidate) => candidate.id === id);
    const month = spec("progression.fitForWork.month");
    expect(month).toBeDefined();
    if (month === undefined) return;
    expect(summaryLabel(month, loaded.fields, "da")).toBe(
      "Fremskridtsmål: erklæret jobparat, målemåned efter holdets start",
    );
    expect(summaryLabel(month, loaded.fields, "en")).toBe(
      "Progression metric: declared fit for work, measurement month after intake",
    );
    expect(summaryLabel(month, pilotState.fields, "da")).toBeNull();
    const cost = stepModule("costs").fields[0];
    if (cost !== undefined) expect(summaryLabel(cost, pilotState.fields, "da")).toBe(cost.label.da);
  });

  it("bad input: a priced metric without a month or share, a share above 100 %, a measurement past the horizon", () => {
    const missing = run(pilotState, { type: "setField", id: "price.who5", text: "10.000" });
    const errors = modelOf(missing).errors;
    expect(errors.get("progression.who5.month")?.rule).toBe("required");
    expect(errors.get("progression.who5.share")?.rule).toBe("required");
    expect(errors.get("progression.who5.month")?.step).toBe("payment");
    const message = (state: WizardState, id: string, language: "da" | "en") => {
      const error = modelOf(state).errors.get(id);
      return error === undefined ? undefined : fieldMessage(error, language, { horizonMonths: 50 });
    };
    expect(message(missing, "progression.who5.month", "da")).toBe("Feltet skal udfyldes.");
    expect(message(missing, "progression.who5.share", "en")).toBe("This field is required.");

    const tooMuch = run(loaded, { type: "setField", id: "progression.who5.share", text: "120" });
    expect(modelOf(tooMuch).errors.get("progression.who5.share")?.rule).toBe("range");
    // Two cohorts of 28 six months apart: measured 48 months after intake, the second cohort's measurement falls in
    // month 6 + 48 = 54, past the horizon of 50 months: the engine's rule `horizon`, on the month field (48 itself is
    // within the field's range of 1 to 50).
    const late = run(
      loaded,
      { type: "setField", id: "cohortParticipants", text: "28" },
      { type: "setField", id: "cohortCount", text: "2" },
      { type: "setField", id: "cohortSpacing", text: "6" },
      { type: "setField", id: "progression.who5.month", text: "48" },
    );
    expect(modelOf(late).scenario.cohorts.map((cohort) => cohort.intakeMonth)).toEqual([0, 6]);
    expect(modelOf(late).errors.get("progression.who5.month")?.rule).toBe("horizon");
    expect(message(late, "progression.who5.month", "da")).toBe(
      "Rækker ud over tidshorisonten; gør tidshorisonten længere eller målingen tidligere.",
    );
  });
});
