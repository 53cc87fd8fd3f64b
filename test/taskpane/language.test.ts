import { describe, expect, it } from "vitest";
import { languageFor } from "../../src/taskpane/about";
import { t, TEXT_KEYS } from "../../src/taskpane/i18n/text";
import { initialState, reduce } from "../../src/taskpane/state/reducer";

describe("language from Office's display language", () => {
  it.each([
    ["da-DK", "da"],
    ["da", "da"],
    ["DA-dk", "da"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["de-DE", "en"],
    ["sv-SE", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
  ] as const)("%j → %s", (displayLanguage, language) => {
    expect(languageFor(displayLanguage)).toBe(language);
    expect(initialState(displayLanguage).language).toBe(language);
  });

  it("Excel's display language replaces the browser's until the user picks a language", () => {
    const browserEnglish = initialState("en-US");
    const inDanishExcel = reduce(browserEnglish, { type: "hostDetected", host: "excel", displayLanguage: "da-DK" });
    expect(inDanishExcel.language).toBe("da");
    expect(inDanishExcel.host).toBe("excel");
    const chosen = reduce(browserEnglish, { type: "setLanguage", language: "en" });
    const detected = reduce(chosen, { type: "hostDetected", host: "excel", displayLanguage: "da-DK" });
    expect(detected.language).toBe("en");
  });

  it("switching language rewrites the fields with the language's separators and keeps the values", () => {
    const english = initialState("en-US");
    expect(english.fields.costPerParticipant?.text).toBe("79,236");
    const danish = reduce(english, { type: "setLanguage", language: "da" });
    expect(danish.fields.costPerParticipant?.text).toBe("79.236");
    expect(danish.fields.costPerParticipant?.value).toBe(79_236);
    const typed = reduce(danish, { type: "setField", id: "costPerParticipant", text: "80.000,5" });
    expect(typed.fields.costPerParticipant?.value).toBe(80_000.5);
    expect(reduce(typed, { type: "setLanguage", language: "en" }).fields.costPerParticipant?.text).toBe("80,000.5");
    const bad = reduce(danish, { type: "setField", id: "costPerParticipant", text: "abc" });
    expect(reduce(bad, { type: "setLanguage", language: "en" }).fields.costPerParticipant?.text).toBe("abc");
  });

  it("every text key: Danish differs from English (unless the same word) and both use the same placeholders (review M21)", () => {
    // Words that are the same in both languages.
    const same = new Set(["Investor", "Workshop", "SIB Business Case", "IRR"]);
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
    expect(TEXT_KEYS.length).toBeGreaterThan(50);
    for (const key of TEXT_KEYS) {
      const [da, en] = [t(key, "da"), t(key, "en")];
      expect(da.length, key).toBeGreaterThan(0);
      if (!same.has(da)) expect(da, key).not.toBe(en);
      expect(placeholders(da), key).toEqual(placeholders(en));
    }
  });

  it("has every text in both languages, and the Danish ones are not the English ones", () => {
    for (const key of ["next", "back", "writeModel", "downloadModel", "previewBlocked", "fixErrors"] as const) {
      expect(t(key, "da")).not.toBe(t(key, "en"));
      expect(t(key, "da").length).toBeGreaterThan(2);
    }
    expect(t("stepOf", "da", { n: 2, total: 7 })).toBe("Trin 2 af 7");
    expect(t("stepOf", "en", { n: 2, total: 7 })).toBe("Step 2 of 7");
  });
});
