/**
 * SIB.SIMULATE's memo key (review reliability.md F15): a NaN or ±Infinity in a range must not be served the cached
 * table of an empty cell (JSON.stringify writes both as null); a fresh call with NaN is an error, so is a cached one.
 */
import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const stress = await import("../../src/functions/stress");
const simulate = asCalledByExcel(stress.simulate);

describe("SIB.SIMULATE's cache key with non-finite arguments", () => {
  it("NaN and ±Infinity after an empty row in the same place: not the cached table, but the fresh call's #VALUE!", () => {
    const withBad = (bad: number | null): (number | string | null)[][] => [
      ["hurdleRate", 0.05],
      [bad, bad],
    ];
    // A fresh call (seed 2, nothing cached) with a non-finite cell is an error.
    const fresh = excelErrorOf(() => simulate(200, 2, null, null, withBad(Number.NaN)));
    expect(fresh.code).toBe("#VALUE!");
    // An empty row is skipped, so this is cached …
    expect(Array.isArray(simulate(200, 1, null, null, withBad(null)))).toBe(true);
    // … and the same call with NaN or ±Infinity in that row gets the fresh call's error, not the cached table.
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = excelErrorOf(() => simulate(200, 1, null, null, withBad(bad)));
      expect(error.code, String(bad)).toBe("#VALUE!");
    }
  });
});
