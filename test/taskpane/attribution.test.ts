import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { t } from "../../src/taskpane/i18n/text";
import { computeCaseNumbers } from "../../src/taskpane/preview/preview";
import { attributionLines } from "../../src/taskpane/ui/previewView";
import { languageProblems } from "../support/textLanguage";

const pilot = expectOk(pilotScenario());
const numbers = expectOk(computeCaseNumbers(pilot, PILOT_PAYMENT_TERMS, {}));

/**
 * The municipality's rows for the pilot (T = 50, shares as counts of 55), relative to TEMP, as the domain notes' worked
 * example computes them outside this code (DOMAIN.md b8; review of the economist, section 1.3): JOB 51,316,
 * JOB_UNK 14,854, JOB_PART 15,320, EDU −3,303, FLEX −1,635, PERM 13,250, ABROAD 16,092, cost −77,889 (sum 28,006).
 */
const PUBLISHED_ROWS = {
  JOB: 51_316,
  JOB_UNK: 14_854,
  JOB_PART: 15_320,
  EDU: -3_303,
  FLEX: -1_635,
  PERM: 13_250,
  ABROAD: 16_092,
  cost: -77_889,
  total: 28_006,
} as const;

describe("the preview's 'what carries the municipality's result' (issue 9 item 5 of the brief)", () => {
  it("shows the pilot's rows of the domain notes' worked example, to ±1 kr, and the total", () => {
    const lines = attributionLines(numbers, "da");
    expect(lines.map((line) => line.key)).toEqual([
      "JOB",
      "JOB_UNK",
      "JOB_PART",
      "EDU",
      "FLEX",
      "PERM",
      "ABROAD",
      "cost",
      "total",
    ]);
    for (const line of lines)
      expect(Math.abs(line.value - PUBLISHED_ROWS[line.key as keyof typeof PUBLISHED_ROWS])).toBeLessThanOrEqual(1);
    // The rows add up to the total the preview shows above them.
    const rows = lines.filter((line) => line.key !== "total").reduce((sum, line) => sum + line.value, 0);
    expect(rows).toBeCloseTo(numbers.municipalNetPerParticipant, 6);
  });

  it("labels the rows in Danish and English, JOB_UNK as an assumed wage; the reference row is left out", () => {
    const danish = attributionLines(numbers, "da");
    const english = attributionLines(numbers, "en");
    expect(danish.find((line) => line.key === "ABROAD")?.label).toBe("Udrejst");
    expect(english.find((line) => line.key === "ABROAD")?.label).toBe("Moved abroad");
    expect(danish.find((line) => line.key === "JOB_UNK")?.label).toBe("Selvforsørgende, ukendt indkomst (antaget løn)");
    expect(english.find((line) => line.key === "JOB_UNK")?.label).toBe(
      "Self-supporting, income unknown (assumed wage)",
    );
    expect(danish.find((line) => line.key === "cost")?.label).toBe("Udgiften til indsatsen");
    expect(danish.some((line) => line.key === "TEMP")).toBe(false);
  });

  it("a neutralised state's row is 0 and left out", () => {
    const neutralised = expectOk(
      computeCaseNumbers({ ...pilot, neutraliseStates: ["ABROAD", "PERM"] }, PILOT_PAYMENT_TERMS, {}),
    );
    const keys = attributionLines(neutralised, "en").map((line) => line.key);
    expect(keys).not.toContain("ABROAD");
    expect(keys).not.toContain("PERM");
    expect(neutralised.municipalAttribution.rows.ABROAD).toBeCloseTo(0, 9);
  });
});

describe("the new texts read as plain Danish and English (test/support/textLanguage.ts)", () => {
  const keys = [
    "attributionTitle",
    "attributionOutcome",
    "attributionAmount",
    "attributionCost",
    "attributionAssumedWage",
    "attributionNote",
    "simpleSharesTitle",
    "simpleSharesParticipants",
    "simpleSharesComparison",
    "sliderEffect",
    "undo",
    "redo",
    "confirmPilot",
    "confirmBlank",
    "confirmYes",
    "confirmNo",
    "historyGroup",
  ] as const;
  it.each(keys)("%s", (key) => {
    expect(languageProblems(t(key, "da"), "da")).toEqual([]);
    expect(languageProblems(t(key, "en"), "en")).toEqual([]);
  });
});
