import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { OUTCOME_STATES, perState } from "../../src/engine/states";
import { boundsMessage, fieldMessage } from "../../src/taskpane/i18n/errors";
import { effectStep, NEUTRALISE_TEXT, STATE_HELP } from "../../src/taskpane/steps/effect";
import { financeStep } from "../../src/taskpane/steps/finance";
import { evaluatePlan } from "../support/hyperformulaWorkbook";
import { languageProblems } from "../support/textLanguage";
import { casePlan } from "../../src/taskpane/host/plan";
import { computeCaseNumbers } from "../../src/taskpane/preview/preview";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilot = expectOk(pilotScenario());
const start = run(initialState("da-DK"), { type: "start", start: "pilot" });

describe("effect step: do not count as an effect (issue 9 item 2)", () => {
  it("starts with nothing neutralised, as the pilot was published", () => {
    expect(start.neutralise).toEqual([]);
    expect(modelOf(start).scenario.neutraliseStates).toEqual([]);
  });

  it("ticking emigration and disability pension gives the engine's neutraliseStates, and the preview uses them", () => {
    const state = run(
      start,
      { type: "setNeutralise", state: "ABROAD", on: true },
      { type: "setNeutralise", state: "PERM", on: true },
    );
    const model = modelOf(state);
    expect(model.valid).toBe(true);
    expect(model.scenario.neutraliseStates).toEqual(["PERM", "ABROAD"]);
    // The rule written out by hand (docs/scenario.md): p' = c on {ABROAD, PERM}; the other participant shares
    // (counts of 55) scaled by (1 − 0.02 − 0.10) / (1 − 4/55 − 0/55) = 0.88 / (51/55).
    const counts = { JOB: 10, JOB_UNK: 5, JOB_PART: 9, EDU: 0, FLEX: 0, TEMP: 27, PERM: 0, ABROAD: 4 };
    const factor = 0.88 / (51 / 55);
    const byHand = perState((state) =>
      state === "ABROAD" ? 0.02 : state === "PERM" ? 0.1 : (counts[state] / 55) * factor,
    );
    const explicit = computeBusinessCase({ ...pilot, participantShares: byHand, neutraliseStates: [] });
    const preview = expectOk(computeCaseNumbers(model.scenario, model.terms, model.investor));
    expect(preview.municipalNetPerParticipant).toBeCloseTo(explicit.npv.perParticipant.municipality, 6);
    // Neutralising only takes savings away here: the pilot's measured shares carry more for the municipality.
    expect(preview.municipalNetPerParticipant).toBeLessThan(computeBusinessCase(pilot).npv.perParticipant.municipality);
    const unticked = run(
      state,
      { type: "setNeutralise", state: "ABROAD", on: false },
      { type: "setNeutralise", state: "PERM", on: false },
    );
    expect(modelOf(unticked).scenario).toEqual(pilot);
  });

  it("works in the simple mode too: the simple effect's shares are neutralised by the engine", () => {
    const state = run(
      start,
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setNeutralise", state: "ABROAD", on: true },
    );
    expect(modelOf(state).valid).toBe(true);
    expect(modelOf(state).scenario.neutraliseStates).toEqual(["ABROAD"]);
  });

  it("a neutralisation that cannot be applied is a message next to the check boxes, in Danish and English", () => {
    // Every participant abroad, ABROAD ticked: no other state can take the comparison group's other 98 %.
    const actions: Action[] = OUTCOME_STATES.map((state) => ({
      type: "setField",
      id: `participantShare.${state}`,
      text: state === "ABROAD" ? "100" : "0",
    }));
    const state = run(start, ...actions, { type: "setNeutralise", state: "ABROAD", on: true });
    const model = modelOf(state);
    const error = model.errors.get("neutraliseStates");
    expect(error?.rule).toBe("applicable");
    expect(error?.step).toBe("effect");
    expect(model.stepsWithErrors).toEqual(new Set(["effect"]));
    if (error === undefined) return;
    expect(fieldMessage(error, "da", { horizonMonths: 50 })).toBe(
      "Det kan ikke lade sig gøre: alle deltagere er i de udfald, du ikke vil tælle med, så intet andet udfald kan tage resten af kontrolgruppen. Fjern krydset ved et af dem.",
    );
    expect(fieldMessage(error, "en", { horizonMonths: 50 })).toBe(
      "This cannot be applied: all participants are in the outcomes you do not want to count, so no other outcome can take the rest of the comparison group. Untick one of them.",
    );
    expect(modelOf(reduce(state, { type: "setNeutralise", state: "ABROAD", on: false })).valid).toBe(true);
  });
});

describe("the effect step's texts read as plain Danish and English (test/support/textLanguage.ts)", () => {
  const texts = [
    NEUTRALISE_TEXT.legend,
    NEUTRALISE_TEXT.help,
    NEUTRALISE_TEXT.cannot,
    NEUTRALISE_TEXT.summary,
    ...Object.values(NEUTRALISE_TEXT.reasons),
    ...effectStep.fields.flatMap((spec) => [spec.label, spec.help, ...Object.values(spec.messages ?? {})]),
    ...effectStep.choices.flatMap((choice) => [choice.help, ...choice.options.map((option) => option.label)]),
    STATE_HELP.JOB_UNK,
    financeStep.fields.find((spec) => spec.id === "wage.JOB_UNK")?.help ?? { da: "", en: "" },
    { da: boundsMessage({ min: -6.655, max: 49.554 }, "da"), en: boundsMessage({ min: -6.655, max: 49.554 }, "en") },
  ];
  it.each(texts.map((text) => [text.da.slice(0, 40), text] as const))("%s …", (_, text) => {
    expect(text.da.length).toBeGreaterThan(0);
    expect(languageProblems(text.da, "da")).toEqual([]);
    expect(languageProblems(text.en, "en")).toEqual([]);
  });

  it("the imputed wage of 'self-supporting, income unknown' is called an assumption in both languages", () => {
    const help = financeStep.fields.find((spec) => spec.id === "wage.JOB_UNK")?.help;
    expect(help?.da).toContain("En antagelse, ikke målt");
    expect(help?.da).toContain("12.000 kr. om måneden");
    expect(help?.en).toContain("An assumption, not measured");
    expect(help?.en).toContain("12,000 kr a month");
    expect(STATE_HELP.JOB_UNK.da).toContain("antagelse");
    expect(STATE_HELP.JOB_UNK.en).toContain("assumption");
  });
});

describe("the written workbook uses the wizard's neutralised states (HyperFormula)", () => {
  it("ticking ABROAD and PERM: the workbook's named results equal the preview and the engine", () => {
    const state = run(
      start,
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setNeutralise", state: "ABROAD", on: true },
      { type: "setNeutralise", state: "PERM", on: true },
    );
    const model = modelOf(state);
    const plan = expectOk(casePlan(model, "da", false));
    const workbook = evaluatePlan(plan);
    expect(workbook.errors()).toEqual([]);
    const engine = computeBusinessCase(model.scenario).npv.perParticipant;
    const preview = expectOk(computeCaseNumbers(model.scenario, model.terms, model.investor));
    const municipality = workbook.valueOf("SIB_NPVPerParticipant_Municipality");
    const society = workbook.valueOf("SIB_NPVPerParticipant_SocioEconomic");
    expect(typeof municipality).toBe("number");
    expect(Math.abs((municipality as number) - engine.municipality)).toBeLessThan(1e-9 * Math.abs(engine.municipality));
    expect(Math.abs((society as number) - engine.socioEconomic)).toBeLessThan(1e-9 * Math.abs(engine.socioEconomic));
    expect(preview.municipalNetPerParticipant).toBe(engine.municipality);
    // And it is not the case without them.
    expect(Math.abs(engine.municipality - computeBusinessCase(pilot).npv.perParticipant.municipality)).toBeGreaterThan(
      1_000,
    );
  });
});
