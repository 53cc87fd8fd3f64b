import { describe, expect, it } from "vitest";
import { issue } from "../../src/engine/errors";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { CASE_SETTING, settingsCaseStore, type SettingsLike } from "../../src/taskpane/host/caseStore";
import { CASE_TEXT_KEYS, ct } from "../../src/taskpane/i18n/caseText";
import { caseFigures } from "../../src/taskpane/preview/caseFigures";
import { problemText } from "../../src/taskpane/ui/caseTools";
import { compareGroups, differenceText, formatCompare } from "../../src/taskpane/ui/compareView";
import { keyNumbers } from "../../src/taskpane/ui/summaryView";

const pilot = expectOk(pilotScenario());
const pilotFigures = expectOk(caseFigures({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }));

describe("case tools texts (issue 14 items 2, 3, 9)", () => {
  it("every text exists in Danish and English, and the Danish has none of the English words used", () => {
    for (const key of CASE_TEXT_KEYS) {
      expect(ct(key, "da").trim()).not.toBe("");
      expect(ct(key, "en").trim()).not.toBe("");
      expect(ct(key, "da")).not.toMatch(/\b(the|and|of|break-even|payment|investor's|saved)\b/i);
    }
  });
});

describe("the pilot's figures (independent: the review's LibreOffice recalculation of the downloaded workbook)", () => {
  // ../shared/reviews/wizard-ux.md, "Download works": Resultater sheet, kommune 28.005,72, stat 41.866,79,
  // samfundsøkonomi 81.646,06 kr per participant; the preview's break-even "måned 38".
  it("accounts per participant and break-even", () => {
    expect(pilotFigures.perParticipant.municipality).toBeCloseTo(28_005.72, 1);
    expect(pilotFigures.perParticipant.state).toBeCloseTo(41_866.79, 1);
    expect(pilotFigures.perParticipant.socioEconomic).toBeCloseTo(81_646.06, 1);
    expect(pilotFigures.breakEvenMonth.municipality).toBe(38);
  });

  it("the five numbers in Danish read as the review saw them", () => {
    const numbers = keyNumbers(pilotFigures, "da");
    expect(numbers.map((number) => number.key)).toEqual([
      "municipality",
      "public",
      "socioEconomic",
      "breakEven",
      "irr",
    ]);
    expect(numbers[0]?.value).toBe("28.006 kr.");
    expect(numbers[2]?.value).toBe("81.646 kr.");
    expect(numbers[3]?.value).toBe("måned 38");
    // The review's preview: "Investors afkast −11,9 % om året" for the pilot.
    expect(numbers[4]?.value).toBe("-11,9 %");
    // Public = municipality + state + region + other municipalities (the engine's sum, checked by hand here).
    const parts = pilotFigures.perParticipant;
    expect(parts.public).toBeCloseTo(parts.municipality + parts.state + parts.region + parts.otherMunicipalities, 6);
  });
});

describe("compare A and B (issue 14 item 3)", () => {
  it("B − A that shows as zero has no sign (the 800 px screenshot showed '+0 kr.' and '-0 procentpoint')", () => {
    expect(differenceText({ a: 3_730_613.2, b: 3_730_613.4, format: "kr" }, "da")).toBe("0 kr.");
    expect(differenceText({ a: 0.4792, b: 0.4789, format: "percent" }, "da")).toBe("0 procentpoint");
    expect(differenceText({ a: 0.891, b: 0.8899, format: "multiple" }, "en")).toBe("0");
    // Not zero when shown: the sign stays (96 kr more; 2.5 percentage points more; one month sooner).
    expect(differenceText({ a: 27_909.6, b: 28_006, format: "kr" }, "da")).toBe("+96 kr.");
    expect(differenceText({ a: 0.698, b: 0.723, format: "percent" }, "en")).toBe("+2.5 pp");
    expect(differenceText({ a: 39, b: 38, format: "month" }, "da")).toBe("-1");
    expect(differenceText({ a: null, b: 38, format: "month" }, "da")).toBe("–");
  });

  const cheaper = { ...pilot, costPerParticipant: pilot.costPerParticipant - 10_000 };
  const b = expectOk(caseFigures({ scenario: cheaper, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }));

  it("has every account, payment, investor, deadweight and the three named views, A and B from their cases", () => {
    const groups = compareGroups(pilotFigures, b, "en");
    const rows = groups.flatMap((group) => group.rows);
    const keys = rows.map((row) => row.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "municipality",
        "state",
        "region",
        "otherMunicipalities",
        "public",
        "socioEconomic",
        "breakEven",
        "paymentTotal",
        "municipalityAfter",
        "drawn",
        "irr",
        "multiple",
        "atZero",
        "deadweightShare",
        "afterLast",
        "view.published.municipality",
        "view.fm2023.socioEconomic",
        "view.employmentOnly.municipality",
      ]),
    );
    const municipality = rows.find((row) => row.key === "municipality");
    expect(municipality?.a).toBe(pilotFigures.perParticipant.municipality);
    expect(municipality?.b).toBe(b.perParticipant.municipality);
    // 10,000 kr less cost per participant, all charged to the municipality: its NPV rises by less than 10,000 kr
    // (the cost is spread over the programme months and discounted) but by more than 9,500 kr (at most 3.5 % a year
    // over a programme far shorter than a year and a half).
    const gain = (municipality?.b ?? 0) - (municipality?.a ?? 0);
    expect(gain).toBeGreaterThan(9_500);
    expect(gain).toBeLessThan(10_000);
    // The payment terms do not depend on the cost: the payment is the same in A and B.
    const payment = rows.find((row) => row.key === "paymentTotal");
    expect(payment?.a).toBe(payment?.b);
    // docs/scenario.md "Views": the FM 2023 valuation of the pilot, socio-economic 104,507 kr per participant.
    expect(rows.find((row) => row.key === "view.fm2023.socioEconomic")?.a).toBeCloseTo(104_507, -1);
  });

  it("formats kr, months, percentages and none in each language", () => {
    expect(formatCompare(28_005.72, "kr", "da")).toBe("28.006 kr.");
    expect(formatCompare(28_005.72, "kr", "en")).toBe("28,006 kr");
    expect(formatCompare(38, "month", "da")).toBe("måned 38");
    expect(formatCompare(null, "month", "en")).toBe("not within the horizon");
    expect(formatCompare(null, "percent", "da")).toBe("ingen");
    expect(formatCompare(-0.119, "percent", "da")).toBe("-11,9 %");
  });
});

describe("file problems and the workbook store (issue 14 item 2)", () => {
  it("a problem names its field, in Danish with a Danish description of the rule", () => {
    const problem = issue("InvalidInput", "horizonMonths", "range", "horizonMonths must be from 1 to 420, got 0.");
    expect(problemText(problem, "en")).toBe("horizonMonths: horizonMonths must be from 1 to 420, got 0.");
    expect(problemText(problem, "da")).toBe("horizonMonths: værdien er uden for det tilladte interval");
    expect(problemText(issue("InvalidInput", "$", "json", "The file is not JSON: x"), "da")).toBe(
      "Filen: filen er ikke gyldig JSON",
    );
  });

  it("stores the case file in the document settings and reads it back; a failed save rejects with the reason", async () => {
    const values = new Map<string, unknown>();
    let status = "succeeded";
    const settings: SettingsLike = {
      get: (name) => values.get(name) ?? null,
      set: (name, value) => void values.set(name, value),
      saveAsync: (callback) => callback({ status, error: { message: "quota" } }),
    };
    const store = settingsCaseStore(settings);
    expect(store.load()).toBeNull();
    await store.save('{"horizonMonths": 48}');
    expect(values.get(CASE_SETTING)).toBe('{"horizonMonths": 48}');
    expect(store.load()).toBe('{"horizonMonths": 48}');
    status = "failed";
    await expect(store.save("{}")).rejects.toThrow(/quota/);
  });
});
