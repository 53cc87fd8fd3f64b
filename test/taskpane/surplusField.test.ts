import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { caseToSave } from "../../src/taskpane/ui/caseTools";
import { languageProblems } from "../support/textLanguage";

/**
 * Issue 15 item 4 in the wizard: what happens to a surplus (the municipality keeps it, shares it with the provider,
 * or reinvests it in new cohorts) and the share, as a choice and a field of the payment step.
 */
function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });
const reinvestHalf: Action[] = [
  { type: "setChoice", id: "surplusRule", value: "reinvested" },
  { type: "setField", id: "savingsSurplus.share", text: "50" },
];

describe("the surplus rule in the payment step (issue 15)", () => {
  it("the pilot: the municipality keeps its surplus and the case has no surplus terms (as before)", () => {
    expect(pilotState.choices.surplusRule).toBe("commissioner");
    expect(pilotState.fields["savingsSurplus.share"]?.text).toBe("100");
    expect(modelOf(pilotState).investor.savingsSurplus).toBeUndefined();
  });

  it("half reinvested: the engine's terms, kept by save → load", () => {
    const state = run(pilotState, ...reinvestHalf);
    const model = modelOf(state);
    expect(model.valid).toBe(true);
    expect(expectOk(investorTerms(model.investor)).savingsSurplus).toEqual({
      rule: "reinvested",
      share: 0.5,
      cohortSize: null,
    });
    const text = expectOk(caseFileText(caseToSave(state)));
    const loaded = reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
    expect(loaded.choices.surplusRule).toBe("reinvested");
    expect(loaded.fields["savingsSurplus.share"]?.value).toBe(0.5);
    expect(modelOf(loaded).investor.savingsSurplus).toEqual(model.investor.savingsSurplus);
  });

  it("bad input: a share above 100 % is the field's range message; reinvesting with no cost is told in Danish", () => {
    const high = modelOf(
      run(pilotState, ...reinvestHalf, { type: "setField", id: "savingsSurplus.share", text: "150" }),
    );
    const error = high.errors.get("savingsSurplus.share");
    expect(error?.step).toBe("payment");
    expect(error === undefined ? "" : fieldMessage(error, "da", { horizonMonths: 50 })).toBe(
      "Skriv et tal fra 0 til 100 %.",
    );
    const free = modelOf(run(pilotState, ...reinvestHalf, { type: "setField", id: "costPerParticipant", text: "0" }));
    const general = [...free.errors.values()].find((item) => item.rule === "cohortCost");
    expect(general).toBeDefined();
    const da = general === undefined ? "" : fieldMessage(general, "da", { horizonMonths: 50 });
    expect(da).toContain("overskud kan kun geninvesteres i nye hold, når indsatsen koster mere end 0 kr.");
    expect(languageProblems(da, "da")).toEqual([]);
  });
});
