import { describe, expect, it } from "vitest";
import { fieldSpec } from "../../src/taskpane/steps";
import { entryFromText } from "../../src/taskpane/state/entries";
import { fieldSummary } from "../../src/taskpane/ui/fieldView";

/** The review's summary lines (issue 14: the English screenshot read "Number of cohorts: 1 cohorts"). */
describe("a value in the review's summary", () => {
  const summary = (id: string, text: string, language: "da" | "en"): string => {
    const spec = fieldSpec(id);
    if (spec === undefined) throw new Error(`no field ${id}`);
    return fieldSummary(spec, entryFromText(spec, text, language), language);
  };

  it("one of a counted unit is singular, in English and Danish; more are plural", () => {
    expect(summary("cohortCount", "1", "en")).toBe("1 cohort");
    expect(summary("cohortCount", "2", "en")).toBe("2 cohorts");
    expect(summary("cohortParticipants", "1", "en")).toBe("1 person");
    expect(summary("cohortParticipants", "56", "da")).toBe("56 personer");
    expect(summary("cohortParticipants", "1", "da")).toBe("1 person");
    expect(summary("cohortCount", "1", "da")).toBe("1 hold");
    expect(summary("costPerParticipant", "1", "en")).toBe("1 kr");
  });
});
