import { describe, expect, it } from "vitest";
import { entryFromText } from "../../src/taskpane/state/entries";
import { fieldWarning } from "../../src/taskpane/preview/warnings";
import { initialState, reduce } from "../../src/taskpane/state/reducer";
import { ALL_FIELDS, fieldSpec } from "../../src/taskpane/steps";
import type { FieldSpec } from "../../src/taskpane/state/types";

/** Plausibility warnings next to a field (issue 14 item 7; review wizard-ux.md findings 6 and 7): not errors. */
function spec(id: string): FieldSpec {
  const found = fieldSpec(id);
  if (found === undefined) throw new Error(`no field ${id}`);
  return found;
}

function warn(id: string, text: string, language: "da" | "en" = "da"): string | null {
  return fieldWarning(spec(id), entryFromText(spec(id), text, language), language);
}

describe("plausibility warnings next to a field", () => {
  it("none for the pilot's own numbers, in either language", () => {
    for (const language of ["da", "en"] as const) {
      for (const start of ["pilot", "blank"] as const) {
        const state = reduce(initialState(language === "da" ? "da-DK" : "en-US"), { type: "start", start });
        for (const field of ALL_FIELDS)
          expect(fieldWarning(field, state.fields[field.id], language), field.id).toBeNull();
      }
    }
  });

  it("'79.23' in Danish is read as 79,23 kr. and says so (a digit left out of 79.236)", () => {
    expect(warn("costPerParticipant", "79.23")).toBe(
      "Læst som 79,23 kr.; punktum skiller tusinder på dansk, så skriv komma for decimaler.",
    );
    expect(warn("costPerParticipant", "79,23", "en")).toBe(
      "Read as 79.23 kr; a comma separates thousands in English, so type a point for decimals.",
    );
    expect(warn("costPerParticipant", "79.236")).toBeNull();
  });

  it("a horizon typed as a fraction: '0.125' is read as 125 months and says so", () => {
    expect(warn("horizonMonths", "0.125")).toBe("Læst som 125 mdr.; skriv antal måneder som et helt tal, fx 48.");
    expect(warn("horizonMonths", "0,125", "en")).toBe(
      "Read as 125 months; type the number of months as a whole number, e.g. 48.",
    );
    expect(warn("horizonMonths", "48")).toBeNull();
  });

  it("a price under 1,000 kr suggests the thousands; a share above 95 %; '%' in a people field", () => {
    expect(warn("costPerParticipant", "500")).toBe(
      "Under 1.000 kr. er usædvanligt lavt for dette beløb. Mente du 500.000 kr.?",
    );
    expect(warn("price.selfSupporting", "999")).toContain("1.000 kr.");
    expect(warn("costPerParticipant", "0")).toBeNull();
    expect(warn("costPerParticipant", "1.000")).toBeNull();
    expect(warn("participantShare.JOB", "96")).toBe("Over 95 % er usædvanligt højt for en andel. Tjek tallet.");
    expect(warn("participantShare.JOB", "95")).toBeNull();
    expect(warn("cohortParticipants", "18 %")).toBe(
      "Tallet er læst som 18 personer, for feltet er i personer, ikke i procent.",
    );
    expect(warn("cohortParticipants", "abc")).toBeNull();
  });
});
