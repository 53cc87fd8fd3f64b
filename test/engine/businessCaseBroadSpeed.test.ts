import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import type { Consequence } from "../../src/engine/consequences/model";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { validateScenario } from "../../src/engine/validate";
import { consequencesArbitrary } from "./consequences/support";
import { broadReferenceBusinessCase } from "./support/businessCaseBroadReference";
import { scenarioArbitrary } from "./support/randomScenario";

/**
 * The second speed-up of the business case (issue 10 item 5) must give exactly the numbers of the code it replaced,
 * including what the older frozen copy does not know: several municipalities and consequence rows. Every number of the
 * frozen copy's output (test/engine/support/businessCaseBroadReference.ts) is compared with Object.is, so −0 vs 0 or
 * a last-bit difference fails; arrays must have the same length. Returns the first path that differs, or null.
 */
function firstDifference(expected: unknown, actual: unknown, path = "result"): string | null {
  if (typeof expected === "number") {
    return typeof actual === "number" && Object.is(expected, actual)
      ? null
      : `${path}: ${expected} vs ${String(actual)}`;
  }
  if (expected === null || typeof expected !== "object") {
    return Object.is(expected, actual) ? null : `${path}: ${String(expected)} vs ${String(actual)}`;
  }
  if (actual === null || typeof actual !== "object") return `${path}: object vs ${String(actual)}`;
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) {
    return `${path}: array length differs`;
  }
  const keys = Object.keys(expected);
  if (keys.length !== Object.keys(actual).length)
    return `${path}: ${keys.length} keys vs ${Object.keys(actual).length}`;
  for (const key of keys) {
    const difference = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference !== null) return difference;
  }
  return null;
}

const pilot = expectOk(pilotScenario(2023));

/** A random scenario, split over one to three municipalities or none, with consequence rows or none. */
const broadArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    base: scenarioArbitrary,
    count: fc.integer({ min: 0, max: 3 }),
    rates: fc.array(fc.double({ min: 0.2, max: 0.28, noNaN: true }), { minLength: 3, maxLength: 3 }),
    weeks: fc.array(fc.option(fc.integer({ min: 0, max: 200 })), { minLength: 3, maxLength: 3 }),
    owner: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
    rows: fc.oneof(fc.constant<Consequence[] | null>(null), consequencesArbitrary(true), consequencesArbitrary(false)),
  })
  .map(({ base, count, rates, weeks, owner, rows }): Scenario => {
    const names = ["Herning", "Viborg", "Odder"].slice(0, count);
    const withRows: Scenario = rows === null ? base : { ...base, consequences: rows };
    if (count === 0) return withRows;
    return {
      ...withRows,
      municipalities: names.map((name, index) => ({
        name,
        taxRate: rates[index] ?? 0.25,
        weeksOnBenefitAtIntake: weeks[index] ?? null,
        paymentShare: index === 0 ? 1 - (count - 1) / 4 : 1 / 4,
      })),
      cohorts: base.cohorts.map((cohort, index) => ({
        ...cohort,
        municipality: names[(owner[index] ?? 0) % count] ?? "Herning",
      })),
    };
  });

/** The scenario of an example file. */
function example(name: string): Scenario {
  return expectOk(parseModelFile(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")) as unknown)).scenario;
}

describe("computeBusinessCase is bit-identical to the frozen copy with municipalities and consequence rows", () => {
  it.each([
    ["pilot", () => pilot],
    ["pilot, 420 months", () => ({ ...pilot, horizonMonths: 420 })],
    ["examples/herning-viborg.json", () => example("herning-viborg")],
    ["examples/pilot-broad.json", () => example("pilot-broad")],
  ])("%s", (_, scenario) => {
    const input = scenario();
    expect(validateScenario(input)).toEqual([]);
    expect(firstDifference(broadReferenceBusinessCase(input), computeBusinessCase(input))).toBeNull();
  });

  it("over 150 random scenarios with 0–3 municipalities and consequence rows that change nothing or something", () => {
    fc.assert(
      fc.property(broadArbitrary, (scenario) => {
        expect(validateScenario(scenario)).toEqual([]);
        expect(firstDifference(broadReferenceBusinessCase(scenario), computeBusinessCase(scenario))).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it("calls in a row with other discount rates, profiles and horizons do not leak into each other (caches)", () => {
    const variants: Scenario[] = [
      { ...pilot, discountRate: 0.05, horizonMonths: 30 },
      { ...pilot, persistence: 0.97, horizonMonths: 200 },
      { ...pilot, discountRate: 0.05, persistence: 0.97, measurementMonth: 3, horizonMonths: 80 },
      pilot,
      { ...pilot, discountRate: -0.01, horizonMonths: 12 },
      { ...pilot, horizonMonths: 420 },
    ];
    for (const scenario of [...variants, ...variants.reverse()]) {
      expect(firstDifference(broadReferenceBusinessCase(scenario), computeBusinessCase(scenario))).toBeNull();
    }
  });

  it("the comparison itself notices a last-bit difference, −0 vs 0 and a missing key", () => {
    expect(firstDifference({ a: [1, 0.1 + 0.2] }, { a: [1, 0.3] })).toBe("result.a.1: 0.30000000000000004 vs 0.3");
    expect(firstDifference({ a: 0 }, { a: -0 })).toBe("result.a: 0 vs 0");
    expect(firstDifference({ a: 0, b: 1 }, { a: 0 })).toBe("result: 2 keys vs 1");
  });
});
