import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import {
  canRedo,
  canUndo,
  HISTORY_LIMIT,
  initialState,
  modelOf,
  reduce,
  type Action,
  type WizardState,
} from "../../src/taskpane/state/reducer";

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilot = expectOk(pilotScenario());
const start = run(initialState("da-DK"), { type: "start", start: "pilot" });

describe("undo and redo of the case (issue 14 item 1)", () => {
  it("typing in one field is one step: undo gives the value before, redo the typed one", () => {
    const typed = run(
      start,
      { type: "setField", id: "costPerParticipant", text: "9" },
      { type: "setField", id: "costPerParticipant", text: "90" },
      { type: "setField", id: "costPerParticipant", text: "90.000" },
    );
    expect(modelOf(typed).scenario.costPerParticipant).toBe(90_000);
    const undone = reduce(typed, { type: "undo" });
    expect(undone.fields.costPerParticipant?.text).toBe("79.236");
    expect(modelOf(undone).scenario).toEqual(pilot);
    expect(canRedo(undone)).toBe(true);
    const redone = reduce(undone, { type: "redo" });
    expect(modelOf(redone).scenario.costPerParticipant).toBe(90_000);
    expect(canRedo(redone)).toBe(false);
  });

  it("another field, a step change, a choice and a check box are separate steps, undone in reverse order", () => {
    const state = run(
      start,
      { type: "setField", id: "costPerParticipant", text: "90.000" },
      { type: "setField", id: "horizonMonths", text: "60" },
      { type: "goTo", step: "costs" },
      { type: "setField", id: "horizonMonths", text: "70" },
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setNeutralise", state: "PERM", on: true },
    );
    const steps = [
      (s: WizardState) => expect(s.neutralise).toEqual([]),
      (s: WizardState) => expect(s.choices.effectMode).toBe("states"),
      (s: WizardState) => expect(s.fields.horizonMonths?.text).toBe("60"),
      (s: WizardState) => expect(s.fields.horizonMonths?.text).toBe("50"),
      (s: WizardState) => expect(s.fields.costPerParticipant?.text).toBe("79.236"),
    ];
    let current = state;
    for (const check of steps) {
      current = reduce(current, { type: "undo" });
      check(current);
    }
    expect(canUndo(current)).toBe(true); // the start itself
    expect(modelOf(current).scenario).toEqual(pilot);
    // Undo keeps the step the user is on.
    expect(current.step).toBe("costs");
  });

  it("a mode switch is undone without touching the eight shares", () => {
    const switched = run(start, { type: "setChoice", id: "effectMode", value: "simple" });
    const undone = reduce(switched, { type: "undo" });
    expect(undone.choices.effectMode).toBe("states");
    expect(undone.fields).toBe(start.fields);
  });

  it("a new start (blank) can be undone: the pilot's case comes back", () => {
    const blank = run(
      start,
      { type: "setField", id: "costPerParticipant", text: "60.000" },
      { type: "start", start: "blank" },
    );
    expect(blank.fields.costPerParticipant?.text).toBe("");
    const undone = reduce(blank, { type: "undo" });
    expect(undone.fields.costPerParticipant?.text).toBe("60.000");
    expect(undone.start).toBe("pilot");
  });

  it("undo after a language switch shows the old values in the new language", () => {
    const state = run(
      start,
      { type: "setField", id: "costPerParticipant", text: "90.000" },
      { type: "setLanguage", language: "en" },
      { type: "setField", id: "costPerParticipant", text: "95,000" },
    );
    const undone = reduce(state, { type: "undo" });
    expect(undone.language).toBe("en");
    expect(undone.fields.costPerParticipant?.text).toBe("90,000");
    expect(reduce(undone, { type: "undo" }).fields.costPerParticipant?.text).toBe("79,236");
  });

  it("keeps at most HISTORY_LIMIT steps; nothing to undo or redo changes nothing", () => {
    expect(reduce(initialState("da-DK"), { type: "undo" })).toEqual(initialState("da-DK"));
    let state = start;
    for (let index = 0; index < HISTORY_LIMIT + 10; index += 1) {
      state = reduce(state, {
        type: "setField",
        id: index % 2 === 0 ? "horizonMonths" : "measurementMonth",
        text: `${20 + index}`,
      });
    }
    expect(state.history.past.length).toBe(HISTORY_LIMIT);
    expect(reduce(state, { type: "redo" })).toBe(state);
    // Views, steps and status are not changes of the case.
    expect(
      run(state, { type: "setView", view: "about" }, { type: "status", status: { kind: "idle" } }).history.past.length,
    ).toBe(HISTORY_LIMIT);
  });
});

describe("a new start over a changed case asks first (the flag the taskpane reads)", () => {
  it("is not dirty right after a start or an opened model, dirty after a change, and undo restores the flag", () => {
    expect(start.dirty).toBe(false);
    const changed = reduce(start, { type: "setField", id: "costPerParticipant", text: "90.000" });
    expect(changed.dirty).toBe(true);
    expect(reduce(changed, { type: "undo" }).dirty).toBe(false);
    expect(reduce(changed, { type: "start", start: "blank" }).dirty).toBe(false);
    expect(run(changed, { type: "goTo", step: "review" }, { type: "setLanguage", language: "en" }).dirty).toBe(true);
  });
});
