import { describe, expect, it } from "vitest";
import type { Language } from "../../src/taskpane/about";
import { fieldMessage, rangeMessage } from "../../src/taskpane/i18n/errors";
import { formatNumber } from "../../src/taskpane/i18n/numbers";
import { ALL_FIELDS } from "../../src/taskpane/steps";
import { modelOf, reduce, initialState, type WizardState } from "../../src/taskpane/state/reducer";
import type { FieldSpec } from "../../src/taskpane/state/types";

/**
 * Every field of the wizard: text that is not a number, an empty required field and values just outside the field's
 * range each give an error on that field, blocking its step, with the field's message in Danish and in English; the
 * range's own ends are accepted. The ranges the messages state are the engine's (the engine's validators find the
 * errors; the wizard only words them).
 */
const LANGUAGES: readonly Language[] = ["da", "en"];

/** The pilot, in the effect mode the field is shown in, with 2 cohorts (so the spacing matters). */
function stateFor(spec: FieldSpec, language: Language): WizardState {
  let state = reduce(initialState(language === "da" ? "da-DK" : "en-US"), { type: "start", start: "pilot" });
  if (spec.effectMode === "simple") state = reduce(state, { type: "setChoice", id: "effectMode", value: "simple" });
  if (spec.id === "cohortSpacing") state = reduce(state, { type: "setField", id: "cohortCount", text: "2" });
  return state;
}

function typed(spec: FieldSpec, language: Language, value: number | string): WizardState {
  const text = typeof value === "number" ? formatNumber(value, language, 6) : value;
  return reduce(stateFor(spec, language), { type: "setField", id: spec.id, text });
}

function horizonOf(state: WizardState): number {
  return modelOf(state).scenario.horizonMonths;
}

function errorOf(state: WizardState, id: string): { rule: string; message: string } | undefined {
  const error = modelOf(state).errors.get(id);
  if (error === undefined) return undefined;
  return { rule: error.rule, message: fieldMessage(error, state.language, { horizonMonths: horizonOf(state) }) };
}

function outside(spec: FieldSpec, horizon: number): number[] {
  const { min, max, exclusiveMin } = spec.range;
  const upper = max === "horizon" ? horizon : max;
  const values = [exclusiveMin === true ? min : min - 1, upper + 1];
  if (spec.range.integer) values.push(min + 0.5);
  return values;
}

describe.each(LANGUAGES)("every field's bad values (%s)", (language) => {
  it.each(ALL_FIELDS.map((spec) => [spec.id, spec] as const))("%s", (_, spec) => {
    const base = stateFor(spec, language);
    expect(modelOf(base).errors.size, "the starting case is valid").toBe(0);

    const notANumber = typed(spec, language, "abc");
    // A year's example is written without a thousands separator (2026).
    const example = spec.unit === "year" ? String(spec.example) : formatNumber(spec.example, language);
    expect(errorOf(notANumber, spec.id)).toEqual({
      rule: "number",
      message: language === "da" ? `Skriv et tal, fx ${example}.` : `Enter a number, e.g. ${example}.`,
    });
    expect(modelOf(notANumber).stepsWithErrors).toEqual(new Set([spec.step]));

    const empty = typed(spec, language, "");
    if (spec.optional) expect(errorOf(empty, spec.id)).toBeUndefined();
    else {
      expect(errorOf(empty, spec.id)).toEqual({
        rule: "required",
        message: language === "da" ? "Feltet skal udfyldes." : "This field is required.",
      });
    }

    for (const value of outside(spec, horizonOf(base))) {
      const state = typed(spec, language, value);
      const error = errorOf(state, spec.id);
      expect(error, `${spec.id} = ${value}`).toBeDefined();
      expect(["range", "integer"]).toContain(error?.rule);
      // The simple effect's range depends on the comparison group: with the pilot's, −6.65 to 49.55 pp
      // (test/engine/shares.test.ts derives both ends by hand).
      const expected =
        spec.id === "effectPp"
          ? language === "da"
            ? "Med pilotens fordeling af effekten og denne kontrolgruppe kan effekten være fra -6,65 til 49,55 procentpoint. Uden for det ville en andel blive under 0 %."
            : "With the pilot's distribution of the effect and this comparison group, the effect can be from -6.65 to 49.55 percentage points. Outside that a share would fall below 0 %."
          : (spec.messages?.[error?.rule ?? ""]?.[language] ??
            rangeMessage(spec, language, { horizonMonths: horizonOf(state) }));
      expect(error?.message, `${spec.id} = ${value}`).toBe(expected);
      expect(modelOf(state).stepsWithErrors.has(spec.step)).toBe(true);
    }

    const { min, max, exclusiveMin } = spec.range;
    const ends = [exclusiveMin === true ? null : min, max === "horizon" ? horizonOf(base) : max];
    for (const value of ends) {
      // The simple effect's and the spare months' upper ends depend on other fields (tested below).
      // The measured participants' upper end is the participants (the engine's rule, review F9), tested below.
      if (value === null || spec.id === "effectPp" || spec.id === "spareMonths") continue;
      if (spec.id === "measuredParticipants" && value !== min) continue;
      expect(errorOf(typed(spec, language, value), spec.id), `${spec.id} = ${value} is allowed`).toBeUndefined();
    }
  });
});

describe("spare months in the workbook", () => {
  it.each(LANGUAGES)("the horizon plus the spare months may be at most 420 (%s)", (language) => {
    const spec = ALL_FIELDS.find((candidate) => candidate.id === "spareMonths");
    if (spec === undefined) throw new Error("no spareMonths field");
    const horizon = horizonOf(stateFor(spec, language));
    expect(errorOf(typed(spec, language, 420 - horizon), "spareMonths")).toBeUndefined();
    expect(modelOf(typed(spec, language, 420 - horizon)).capacityMonths).toBe(420);
    expect(errorOf(typed(spec, language, 421 - horizon), "spareMonths")?.rule).toBe("range");
    expect(modelOf(typed(spec, language, 0)).capacityMonths).toBe(horizon);
  });
});

describe("measured participants at most the participants (review F9)", () => {
  it.each(LANGUAGES)(
    "the pilot's 56 participants: 56 measured is allowed, 57 is refused with its message (%s)",
    (language) => {
      const spec = ALL_FIELDS.find((candidate) => candidate.id === "measuredParticipants");
      if (spec === undefined) throw new Error("no measuredParticipants field");
      const participants = modelOf(stateFor(spec, language)).scenario.cohorts.reduce(
        (sum, c) => sum + c.participants,
        0,
      );
      expect(errorOf(typed(spec, language, participants), spec.id)).toBeUndefined();
      expect(errorOf(typed(spec, language, participants + 1), spec.id)).toEqual({
        rule: "atMostParticipants",
        message:
          language === "da"
            ? "Der kan ikke være flere deltagere med målt resultat end deltagere i alt. Lad feltet stå tomt for alle deltagere."
            : "There cannot be more participants with a measured outcome than participants in all. Leave it empty for all participants.",
      });
    },
  );
});

describe("messages read as plain Danish and English", () => {
  function messageFor(id: string, text: string, language: Language): string | undefined {
    const spec = ALL_FIELDS.find((candidate) => candidate.id === id);
    if (spec === undefined) throw new Error(id);
    return errorOf(typed(spec, language, text), id)?.message;
  }

  it.each([
    ["costPerParticipant", "-5", "da", "Skriv et beløb fra 0 til 1.000.000.000 kr."],
    ["costPerParticipant", "-5", "en", "Enter an amount from 0 to 1,000,000,000 kr."],
    ["horizonMonths", "500", "da", "Skriv et helt tal fra 1 til 420 måneder."],
    ["horizonMonths", "12,5", "da", "Skriv et helt tal fra 1 til 420 måneder."],
    ["horizonMonths", "500", "en", "Enter a whole number from 1 to 420 months."],
    ["measurementMonth", "60", "da", "Skriv et helt tal fra 1 til 50 måneder (højst tidshorisonten)."],
    ["measurementMonth", "60", "en", "Enter a whole number from 1 to 50 months (at most the time horizon)."],
    ["persistence", "120", "da", "Skriv et tal fra 0 til 100 %."],
    ["discountRate", "-100", "da", "Skriv et tal over -100 og højst 100 % om året."],
    ["discountRate", "-100", "en", "Enter a number above -100 and at most 100 % a year."],
    ["netTaxFactor", "0", "da", "Skriv et tal over 0 og højst 10."],
    ["wage.JOB", "-1", "da", "Skriv et beløb fra 0 til 1.000.000.000 kr. om måneden."],
    ["weeksOnBenefitAtIntake", "600", "en", "Enter a number from 0 to 520 weeks."],
    ["cohortParticipants", "0", "da", "Skriv et helt tal fra 1 til 10.000.000 personer."],
    ["personCap", "-1", "da", "Skriv et beløb fra 0 til 1.000.000.000.000 kr. Lad feltet stå tomt for intet loft."],
    ["personCap", "-1", "en", "Enter an amount from 0 to 1,000,000,000,000 kr. Leave it empty for no cap."],
    ["threshold.pp", "150", "da", "Skriv et tal fra -100 til 100 procentpoint. Lad feltet stå tomt for ingen tærskel."],
    ["lagMonths", "1,5", "da", "Skriv et helt tal fra 0 til 120 måneder."],
    ["returnCap.irr", "120", "en", "Enter a number from 0 to 100 % a year. Leave it empty for no cap."],
    ["price.selfSupporting", "hundrede", "da", "Skriv et tal, fx 200.000."],
    ["price.selfSupporting", "hundred", "en", "Enter a number, e.g. 200,000."],
  ] as const)("%s = %j in %s", (id, text, language, message) => {
    expect(messageFor(id, text, language)).toBe(message);
  });

  it("the simple effect beyond what the comparison group allows explains the limit", () => {
    let state = reduce(initialState("da-DK"), { type: "setChoice", id: "effectMode", value: "simple" });
    state = reduce(state, { type: "setField", id: "effectPp", text: "50" });
    expect(errorOf(state, "effectPp")?.message).toBe(
      "Med pilotens fordeling af effekten og denne kontrolgruppe kan effekten være fra -6,65 til 49,55 procentpoint. Uden for det ville en andel blive under 0 %.",
    );
    expect(errorOf(reduce(state, { type: "setField", id: "effectPp", text: "49,55" }), "effectPp")).toBeUndefined();
    // Below: the reversed profile empties ABROAD (2 % in the comparison group) at −6.655 pp.
    state = reduce(state, { type: "setField", id: "effectPp", text: "-7" });
    expect(errorOf(state, "effectPp")?.message).toContain("fra -6,65 til 49,55 procentpoint");
  });

  it("eight shares that do not add up to 100 % give one message under the group", () => {
    const state = reduce(initialState("da-DK"), { type: "setField", id: "comparisonShare.JOB", text: "8" });
    const model = modelOf(state);
    expect([...model.errors.keys()]).toEqual(["comparisonShares"]);
    expect(errorOf(state, "comparisonShares")?.message).toBe("De otte andele skal tilsammen give 100 %.");
    const english = reduce(state, { type: "setLanguage", language: "en" });
    expect(errorOf(english, "comparisonShares")?.message).toBe("The eight shares must add up to 100 %.");
  });
});
