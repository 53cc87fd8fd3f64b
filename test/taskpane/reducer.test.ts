import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { participantSharesFromEmploymentEffect } from "../../src/engine/shares";
import { BLANK_FIELDS } from "../../src/taskpane/steps/start";
import { STEPS } from "../../src/taskpane/steps";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilot = expectOk(pilotScenario());

describe("wizard reducer", () => {
  it("opens on the start step with the pilot case, valid, in Office's language", () => {
    const state = initialState("da-DK");
    expect(state.step).toBe("start");
    expect(state.view).toBe("wizard");
    expect(state.host).toBe("pending");
    const model = modelOf(state);
    expect(model.valid).toBe(true);
    expect(model.scenario).toEqual(pilot);
    expect(model.terms).toEqual(PILOT_PAYMENT_TERMS);
    expect(state.fields.cohortParticipants?.text).toBe("56");
    expect(state.fields["participantShare.JOB"]?.text).toBe("18,1818");
    expect(state.fields["participantShare.JOB"]?.value).toBe(10 / 55);
  });

  it("has one module per step, in order, and every field belongs to its step", () => {
    expect(STEPS.map((step) => step.id)).toEqual([
      "start",
      "target",
      "effect",
      "costs",
      "finance",
      "payment",
      "review",
    ]);
    for (const step of STEPS) for (const field of step.fields) expect(field.step).toBe(step.id);
  });

  it("starting from the pilot goes to the target group; Next and Back walk the steps", () => {
    let state = run(initialState("en-US"), { type: "start", start: "pilot" });
    expect(state.step).toBe("target");
    expect(state.start).toBe("pilot");
    for (const expected of ["effect", "costs", "finance", "payment", "review"]) {
      state = reduce(state, { type: "next" });
      expect(state.step).toBe(expected);
    }
    expect(reduce(state, { type: "next" }).step).toBe("review");
    expect(reduce(state, { type: "back" }).step).toBe("payment");
  });

  it("a blank start leaves the case's own numbers empty and blocks their steps until they are filled in", () => {
    let state = run(initialState("da-DK"), { type: "start", start: "blank" });
    expect(state.choices.effectMode).toBe("simple");
    for (const id of BLANK_FIELDS) expect(state.fields[id]?.text, id).toBe("");
    const model = modelOf(state);
    expect([...model.stepsWithErrors].sort()).toEqual(["costs", "effect", "payment", "target"]);
    expect(model.errors.get("cohortParticipants")?.rule).toBe("required");
    state = reduce(state, { type: "next" });
    expect(state.step).toBe("target");
    expect(state.attempted).toEqual(["target"]);
    state = run(
      state,
      { type: "setField", id: "cohortParticipants", text: "40" },
      { type: "next" },
      { type: "setField", id: "effectPp", text: "12" },
      { type: "next" },
      { type: "setField", id: "costPerParticipant", text: "60.000" },
      { type: "next" },
      { type: "next" },
      { type: "setField", id: "price.selfSupporting", text: "150.000" },
      { type: "setField", id: "price.paidHours", text: "75.000" },
      { type: "next" },
    );
    expect(state.step).toBe("review");
    const filled = modelOf(state);
    expect(filled.valid).toBe(true);
    expect(filled.scenario.cohorts).toEqual([{ participants: 40, intakeMonth: 0 }]);
    expect(filled.scenario.costPerParticipant).toBe(60_000);
    expect(filled.scenario.participantShares).toEqual(
      expectOk(participantSharesFromEmploymentEffect(pilot.comparisonShares, 12)),
    );
    expect(filled.terms.rateCard.map((line) => line.price)).toEqual([150_000, 75_000, 0, 0]);
  });

  it("an error blocks only its own step", () => {
    let state = run(
      initialState("en-US"),
      { type: "start", start: "pilot" },
      { type: "setField", id: "cohortParticipants", text: "-3" },
      { type: "next" },
    );
    expect(state.step).toBe("target");
    expect(modelOf(state).stepsWithErrors).toEqual(new Set(["target"]));
    state = run(state, { type: "goTo", step: "costs" }, { type: "next" }, { type: "next" });
    expect(state.step).toBe("payment");
  });

  it("cohorts: participants, number and spacing make equal cohorts", () => {
    const state = run(
      initialState("da-DK"),
      { type: "setField", id: "cohortParticipants", text: "20" },
      { type: "setField", id: "cohortCount", text: "3" },
      { type: "setField", id: "cohortSpacing", text: "6" },
    );
    expect(modelOf(state).scenario.cohorts).toEqual([
      { participants: 20, intakeMonth: 0 },
      { participants: 20, intakeMonth: 6 },
      { participants: 20, intakeMonth: 12 },
    ]);
    expect(
      modelOf(reduce(state, { type: "setField", id: "cohortCount", text: "61" })).errors.get("cohortCount")?.rule,
    ).toBe("integer");
  });

  it("Enkel → Detaljeret keeps the pilot's eight measured shares (a click destroys nothing)", () => {
    const detailed = run(initialState("da-DK"), { type: "start", start: "pilot" });
    expect(detailed.choices.effectMode).toBe("states");
    const simple = reduce(detailed, { type: "setChoice", id: "effectMode", value: "simple" });
    const back = reduce(simple, { type: "setChoice", id: "effectMode", value: "states" });
    // The fields are the very same objects: nothing was rewritten.
    expect(simple.fields).toBe(detailed.fields);
    expect(back.fields).toBe(detailed.fields);
    // The pilot's measured shares (counts of 55, typed from docs/calibration.md), not a simple effect's.
    const counts = { JOB: 10, JOB_UNK: 5, JOB_PART: 9, EDU: 0, FLEX: 0, TEMP: 27, PERM: 0, ABROAD: 4 };
    for (const [state, count] of Object.entries(counts)) {
      expect(back.fields[`participantShare.${state}`]?.value).toBe(count / 55);
      expect(modelOf(back).scenario.participantShares[state as keyof typeof counts]).toBe(count / 55);
    }
    expect(modelOf(back).scenario).toEqual(pilot);
  });

  it("the pilot's simple effect is its measured employment difference, and both modes give the same case", () => {
    const simple = run(
      initialState("en-US"),
      { type: "start", start: "pilot" },
      { type: "setChoice", id: "effectMode", value: "simple" },
    );
    // Ordinary work, fully or partly (JOB + JOB_PART): 19 of 55 participants against 7 % + 10 % of the comparison.
    expect(simple.fields.effectPp?.value).toBeCloseTo(100 * (19 / 55 - 0.17), 12);
    expect(simple.fields.effectPp?.text).toBe("17.55");
    const shares = modelOf(simple).scenario.participantShares;
    for (const state of Object.keys(shares) as (keyof typeof shares)[]) {
      expect(shares[state]).toBeCloseTo(pilot.participantShares[state], 14);
    }
  });

  it("Detaljeret → Enkel keeps the typed simple effect, and the detailed shares stay as typed", () => {
    const typed = run(
      initialState("en-US"),
      { type: "start", start: "pilot" },
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setField", id: "effectPp", text: "15" },
    );
    const shares = expectOk(participantSharesFromEmploymentEffect(pilot.comparisonShares, 15));
    expect(modelOf(typed).scenario.participantShares).toEqual(shares);
    const detailed = reduce(typed, { type: "setChoice", id: "effectMode", value: "states" });
    expect(modelOf(detailed).scenario.participantShares).toEqual(pilot.participantShares);
    const edited = reduce(detailed, { type: "setField", id: "participantShare.JOB", text: "20" });
    const again = reduce(edited, { type: "setChoice", id: "effectMode", value: "simple" });
    expect(again.fields.effectPp?.text).toBe("15");
    expect(modelOf(again).scenario.participantShares).toEqual(shares);
    const last = reduce(again, { type: "setChoice", id: "effectMode", value: "states" });
    expect(last.fields["participantShare.JOB"]?.text).toBe("20");
  });

  it("optional fields: empty means none (no cap, no threshold, unknown size)", () => {
    const state = run(
      initialState("da-DK"),
      { type: "setField", id: "personCap", text: "250.000" },
      { type: "setField", id: "threshold.pp", text: "10" },
      { type: "setField", id: "measuredParticipants", text: "" },
      { type: "setField", id: "returnCap.irr", text: "8" },
      { type: "setField", id: "maxLoss", text: "50" },
      { type: "setChoice", id: "baseline", value: "comparison" },
      { type: "setChoice", id: "draw", value: "upfront" },
      { type: "setChoice", id: "costTiming", value: "upfront" },
    );
    const model = modelOf(state);
    expect(model.valid).toBe(true);
    expect(model.terms.personCap).toBe(250_000);
    expect(model.terms.threshold).toEqual({ pp: 10, scope: "metric", metric: null });
    expect(model.terms.baseline).toEqual({ kind: "comparison" });
    expect(model.scenario.measuredParticipants).toBeNull();
    expect(model.scenario.costTiming).toBe("upfront");
    expect(model.investor).toEqual({
      draw: "upfront",
      returnCap: { irr: 0.08, multiple: null },
      maxLoss: 0.5,
      hurdleRate: 0.05,
    });
    const cleared = reduce(state, { type: "setField", id: "threshold.pp", text: "" });
    expect(modelOf(cleared).terms.threshold).toBeNull();
  });

  it("finance parameters map to the engine's scenario (refusion, tax, socio-economic factors)", () => {
    const state = run(
      initialState("en-US"),
      { type: "setField", id: "refusion.week53", text: "30" },
      { type: "setField", id: "municipalTaxRate", text: "25" },
      { type: "setField", id: "employerCostFactor", text: "1.2" },
      { type: "setField", id: "benefit.TEMP", text: "12,000" },
    );
    const scenario = modelOf(state).scenario;
    expect(scenario.refusionSteps.find((step) => step.fromWeek === 53)?.share).toBe(0.3);
    expect(scenario.tax.municipalTaxRate).toBe(0.25);
    expect(scenario.socioEconomic.employerCostFactor).toBe(1.2);
    expect(scenario.states.TEMP.benefit).toBe(12_000);
  });

  it("a model read from the workbook replaces the case and goes to the target group", () => {
    const read = { ...pilot, costPerParticipant: 50_000, horizonMonths: 36 };
    const state = reduce(initialState("da-DK"), { type: "opened", scenario: read, prefix: "SIB_" });
    expect(state.step).toBe("target");
    expect(state.start).toBe("open");
    expect(state.status).toEqual({ kind: "opened", prefix: "SIB_" });
    expect(state.fields.costPerParticipant?.text).toBe("50.000");
    expect(modelOf(state).scenario).toEqual(read);
  });

  it("views, the workshop's sliders and the status are plain state", () => {
    let state = reduce(initialState("da-DK"), { type: "setView", view: "workshop" });
    expect(state.view).toBe("workshop");
    state = reduce(state, { type: "setWorkshop", slider: "effectPp", value: 20 });
    expect(state.workshop.effectPp).toBe(20);
    state = reduce(state, { type: "status", status: { kind: "downloaded", fileName: "x.xlsx" } });
    expect(state.status).toEqual({ kind: "downloaded", fileName: "x.xlsx" });
    const unknown = reduce(state, { type: "setField", id: "noSuchField", text: "1" });
    expect(unknown).toBe(state);
  });
});
