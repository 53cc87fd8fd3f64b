import { describe, expect, it } from "vitest";
import { RULES, satisfies, type NumericRule } from "../../src/engine/rules";

/**
 * `satisfies` is the one range check behind the engine's validation, the workbook's data validation and its Checks
 * block. These tests give it what a cell or a JSON file can hold besides a good number: NaN, ±Infinity, text, booleans,
 * null; and each rule's bounds typed here from the rule's own description (`what`), not read from the table.
 * Kills the uncovered mutant of docs/mutation.md (rules.ts: `return false` → `return true` for non-numbers).
 */
const HORIZON = 60;
const NOT_NUMBERS: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  "0.5",
  "1",
  "",
  true,
  false,
  null,
  undefined,
  [1],
  { value: 1 },
  1n,
];

/** Per rule: values inside (bounds included where inclusive) and just outside, from the `what` texts. */
const CASES: Readonly<Record<keyof typeof RULES, { inside: readonly number[]; outside: readonly number[] }>> = {
  share: { inside: [0, 0.18, 1], outside: [-1e-9, 1.000001, 18] },
  amount: { inside: [0, 79_236.5, 1e9], outside: [-0.01, 1e9 + 1] },
  rate: { inside: [0, 0.08, 0.99], outside: [-0.01, 0.991, 8] },
  factor: { inside: [1e-9, 1, 10], outside: [0, -1, 10.0001] },
  flag: { inside: [0, 1], outside: [0.5, 2, -1] },
  people: { inside: [1, 56, 10_000_000], outside: [0, 1.5, 10_000_001] },
  intakeMonth: { inside: [0, 12, 600], outside: [-1, 0.5, 601] },
  horizon: { inside: [1, 120, 420], outside: [0, 421, 60.5] },
  monthWithinHorizon: { inside: [1, 24, HORIZON], outside: [0, HORIZON + 1, 1.5] },
  persistence: { inside: [0, 0.98, 1], outside: [-0.01, 1.01] },
  weeks: { inside: [0, 26.5, 520], outside: [-0.5, 520.5] },
  discountRate: { inside: [-0.999, 0, 0.035, 1], outside: [-1, -1.5, 1.01] },
  refusionWeek: { inside: [1, 52, 10_000], outside: [0, 1.5, 10_001] },
};

const rules = Object.entries(RULES) as [keyof typeof RULES, NumericRule][];

describe("satisfies", () => {
  it("every rule has a case here (a new rule needs its bounds typed above)", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(rules)("%s refuses NaN, ±Infinity, text, booleans, null and objects", (_name, rule) => {
    for (const value of NOT_NUMBERS) expect(satisfies(rule, value, HORIZON), String(value)).toBe(false);
  });

  it.each(rules)("%s accepts its range, bounds as documented", (name, rule) => {
    for (const value of CASES[name].inside) expect(satisfies(rule, value, HORIZON), `${name} ${value}`).toBe(true);
    for (const value of CASES[name].outside) expect(satisfies(rule, value, HORIZON), `${name} ${value}`).toBe(false);
  });

  it("a rule bounded by the horizon refuses everything when the horizon itself is not a number", () => {
    expect(satisfies(RULES.monthWithinHorizon, 12, 24)).toBe(true);
    expect(satisfies(RULES.monthWithinHorizon, 12, Number.NaN)).toBe(false);
    expect(satisfies(RULES.monthWithinHorizon, 25, 24)).toBe(false);
  });

  it("the doc's example: a share of 0.18 with a horizon of 50", () => {
    expect(satisfies(RULES.share, 0.18, 50)).toBe(true);
    expect(satisfies(RULES.share, Number.NaN, 50)).toBe(false);
    expect(satisfies(RULES.share, "0.5", 50)).toBe(false);
  });
});
