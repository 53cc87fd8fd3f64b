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
import { firstDifference } from "./support/firstDifference";

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
