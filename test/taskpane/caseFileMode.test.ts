import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { OUTCOME_STATES } from "../../src/engine/states";
import { caseFileJson, caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { caseToSave } from "../../src/taskpane/ui/caseTools";

/**
 * Issue 14 (leftover 1): the saved case keeps the effect mode the wizard showed it in (the file's `wizard` section,
 * docs/scenario.md "The wizard's view"), so save → load shows the case the same way; the command line reads the
 * section without effect.
 */
function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });

function saveAndLoad(state: WizardState, into: WizardState = pilotState): WizardState {
  const text = expectOk(caseFileText(caseToSave(state)));
  return reduce(into, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
}

const validate = new Ajv2020({ strict: false }).compile(
  JSON.parse(readFileSync("docs/scenario.schema.json", "utf8")) as object,
);

describe("the case file keeps the effect mode (issue 14)", () => {
  it("simple mode with 12,5 pp: the file says simple, and loading it (into a detailed case) shows the simple mode", () => {
    const simple = run(
      pilotState,
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setField", id: "effectPp", text: "12,5" },
    );
    const json = expectOk(caseFileJson(caseToSave(simple)));
    expect(json["wizard"]).toEqual({ effectMode: "simple" });
    expect(validate(json)).toBe(true);

    expect(pilotState.choices.effectMode).toBe("states");
    const loaded = saveAndLoad(simple);
    expect(loaded.choices.effectMode).toBe("simple");
    // The effect field shows the saved effect: 12.5 pp (JOB + JOB_PART, participants − comparison).
    expect(loaded.fields["effectPp"]?.value).toBeCloseTo(12.5, 9);
    const before = modelOf(simple).scenario;
    const after = modelOf(loaded);
    expect(after.valid).toBe(true);
    expect(after.effectMode).toBe("simple");
    for (const state of OUTCOME_STATES) {
      expect(after.scenario.participantShares[state]).toBeCloseTo(before.participantShares[state], 12);
    }
  });

  it("detailed mode: the file says detailed, and loading it into a simple case shows the eight shares again", () => {
    const json = expectOk(caseFileJson(caseToSave(pilotState)));
    expect(json["wizard"]).toEqual({ effectMode: "detailed" });
    const simpleCase = run(pilotState, { type: "setChoice", id: "effectMode", value: "simple" });
    const loaded = saveAndLoad(pilotState, simpleCase);
    expect(loaded.choices.effectMode).toBe("states");
    expect(modelOf(loaded).scenario.participantShares).toEqual(modelOf(pilotState).scenario.participantShares);
  });

  it("a file without a wizard section opens in the detailed mode (as before the field existed)", () => {
    const simpleCase = run(pilotState, { type: "setChoice", id: "effectMode", value: "simple" });
    const loaded = reduce(simpleCase, { type: "loadedFile", model: expectOk(parseCaseFile('{"horizonMonths": 60}')) });
    expect(loaded.choices.effectMode).toBe("states");
  });

  it("the command line reads the section without effect: the same scenario and terms with and without it", () => {
    const plain = expectOk(parseModelFile({ horizonMonths: 48 }));
    for (const effectMode of ["simple", "detailed", null]) {
      const withView = expectOk(parseModelFile({ horizonMonths: 48, wizard: { effectMode } }));
      expect(withView.scenario).toEqual(plain.scenario);
      expect(withView.paymentTerms).toEqual(plain.paymentTerms);
      expect(withView.investorTerms).toEqual(plain.investorTerms);
      expect(withView.wizard).toEqual({ effectMode: effectMode === null ? null : effectMode });
    }
    expect(plain.wizard).toBeUndefined();
  });

  it("bad input names the field and the rule, and the schema agrees", () => {
    const cases: readonly [unknown, string, string][] = [
      [{ effectMode: "enkel" }, "wizard.effectMode", "oneOf"],
      [{ effectMode: 1 }, "wizard.effectMode", "oneOf"],
      [{ mode: "simple" }, "wizard.mode", "known"],
      ["simple", "wizard", "object"],
      [["simple"], "wizard", "object"],
    ];
    for (const [wizard, field, rule] of cases) {
      const parsed = parseModelFile({ wizard });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.issues.map((item) => [item.field, item.rule])).toEqual([[field, rule]]);
      expect(validate({ wizard })).toBe(false);
    }
  });
});
