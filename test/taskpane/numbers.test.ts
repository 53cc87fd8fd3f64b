import { describe, expect, it } from "vitest";
import { formatKr, formatNumber, formatPercent, parseNumber } from "../../src/taskpane/i18n/numbers";

describe("numbers as people type them", () => {
  it.each([
    ["79.236", "da", 79236],
    ["79.236 kr.", "da", 79236],
    ["1.000.000", "da", 1_000_000],
    ["18,5", "da", 18.5],
    ["18,5 %", "da", 18.5],
    ["0,035", "da", 0.035],
    ["-3", "da", -3],
    ["−2,5", "da", -2.5],
    ["1.5", "da", 1.5],
    [",5", "da", 0.5],
    ["79,236", "en", 79236],
    ["1,000,000", "en", 1_000_000],
    ["18.5", "en", 18.5],
    ["1,5", "en", 1.5],
    ["250 000", "da", 250000],
    ["12 months", "en", 12],
    ["11 pp", "en", 11],
    // A group of other than three digits is not a thousands group: the other convention's decimal mark (review M33).
    ["0.0350", "da", 0.035],
    ["1.2345", "da", 1.2345],
    ["0,0350", "en", 0.035],
    ["1,2345", "en", 1.2345],
    ["12.34", "da", 12.34],
    ["1.234,5", "da", 1234.5],
    ["1,234.5", "en", 1234.5],
    ["1.234.567,89", "da", 1234567.89],
    ["1,234,567.89", "en", 1234567.89],
    // Units with and without their dot, a leading plus, a leading group mark read as a decimal (Stryker survivors).
    ["79.236 kr", "da", 79236],
    ["12 mdr", "da", 12],
    ["12 mdr.", "da", 12],
    ["+5", "en", 5],
    [".500", "da", 0.5],
    [",500", "en", 0.5],
  ] as const)("%s in %s is %d", (text, language, value) => {
    expect(parseNumber(text, language)).toEqual({ kind: "number", value });
  });

  it.each([
    ["", "da"],
    ["  ", "en"],
    [" kr.", "da"],
  ] as const)("%j in %s is empty", (text, language) => {
    expect(parseNumber(text, language)).toEqual({ kind: "empty" });
  });

  it.each([
    ["abc", "da"],
    ["1,2,3", "da"],
    ["1.2.3", "en"],
    ["12a", "en"],
    ["1.23,4.5", "da"],
    ["1.234.5678", "da"],
    ["kr 5", "da"],
    ["1e3", "en"],
    ["1e3", "da"],
    ["0x10", "en"],
    ["0b11", "da"],
    ["5 kr extra", "da"],
    ["1,234,5678", "en"],
    ["1.2345,6", "da"],
    ["1,2345.6", "en"],
    ["--1", "da"],
    [".", "en"],
  ] as const)("%j in %s is not a number", (text, language) => {
    expect(parseNumber(text, language)).toEqual({ kind: "invalid" });
  });

  it("writes numbers with the language's separators and reads them back", () => {
    expect(formatNumber(79236, "da")).toBe("79.236");
    expect(formatNumber(79236, "en")).toBe("79,236");
    expect(formatNumber(18.181818, "da", 4)).toBe("18,1818");
    expect(formatNumber(-2.5, "da")).toBe("-2,5");
    for (const value of [0, 1, 79236.5, 1_000_000, 0.0125, -42.25]) {
      for (const language of ["da", "en"] as const) {
        expect(parseNumber(formatNumber(value, language, 4), language)).toEqual({ kind: "number", value });
      }
    }
  });

  it("shows amounts in kr and percentages in the language's style", () => {
    expect(formatKr(28_005.72, "da")).toBe("28.006 kr.");
    expect(formatKr(28_005.72, "en")).toBe("28,006 kr");
    expect(formatKr(-1234.4, "da")).toBe("-1.234 kr.");
    expect(formatPercent(0.0834, "da")).toBe("8,3 %");
    expect(formatPercent(-0.119, "en")).toBe("-11.9 %");
  });
});
