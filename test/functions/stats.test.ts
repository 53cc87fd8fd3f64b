import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const stats = await import("../../src/functions/stats");
const excel = {
  probTarget: asCalledByExcel(stats.probTarget),
  mde: asCalledByExcel(stats.mde),
  binomial: asCalledByExcel(stats.binomial),
};

/** Exact P(X ≥ k) for n participants and p = a/b as a fraction of BigInts, converted once at the end. */
function exactUpperTail(k: number, n: number, a: bigint, b: bigint): number {
  let coefficient = 1n;
  let numerator = 0n;
  for (let j = 0; j <= n; j++) {
    if (j >= k) numerator += coefficient * a ** BigInt(j) * (b - a) ** BigInt(n - j);
    coefficient = (coefficient * BigInt(n - j)) / BigInt(j + 1);
  }
  const scale = 10n ** 30n;
  return Number((numerator * scale) / b ** BigInt(n)) / 1e30;
}

describe("SIB.PROBTARGET", () => {
  it("=SIB.PROBTARGET(56, 0.3, 0.3): 30 % of 56 = 16.8 → at least 17 people, P = 0.5270420047...", () => {
    const exact = exactUpperTail(17, 56, 3n, 10n);
    expect(exact).toBeCloseTo(0.5270420047403112, 14);
    expect(stats.probTarget(56, 0.3, 0.3)).toBeCloseTo(exact, 13);
  });

  it("a head count as count/participants gives the same probability (17/56 → 17 people)", () => {
    expect(stats.probTarget(56, 0.3, 17 / 56)).toBe(stats.probTarget(56, 0.3, 0.3));
  });

  it("a target share of 0 is always reached; an empty rate cell (0 or null) means a rate of 0", () => {
    expect(stats.probTarget(56, 0.3, 0)).toBe(1);
    expect(excel.probTarget(56, 0, 0.3)).toBe(0);
    expect(excel.probTarget(56, null, 0.3)).toBe(0);
  });

  it.each<[string, () => unknown, string]>([
    ["participants 5.5", () => excel.probTarget(5.5, 0.3, 0.3), "participants"],
    ["participants 0 (an empty desktop cell)", () => excel.probTarget(0, 0.3, 0.3), "participants"],
    ["participants omitted (null)", () => excel.probTarget(null, 0.3, 0.3), "participants"],
    ["participants as text", () => excel.probTarget("56 people", 0.3, 0.3), "participants"],
    ["a rate in percent", () => excel.probTarget(56, 30, 0.3), "trueRate"],
    ["a rate as TRUE", () => excel.probTarget(56, true, 0.3), "trueRate"],
    ["a target above 1", () => excel.probTarget(56, 0.3, 1.2), "targetShare"],
  ])("#VALUE! for %s, naming the argument", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.MDE", () => {
  it("=SIB.MDE(56, 56, 0.2) = (1.959964 + 0.841621)·√(0.16·2/56) in percentage points ≈ 21.18", () => {
    const handCalculation = 100 * (1.959964 + 0.841621) * Math.sqrt((0.16 * 2) / 56);
    expect(stats.mde(56, 56, 0.2)).toBeCloseTo(handCalculation, 4);
    expect(stats.mde(56, 56, 0.2)).toBeCloseTo(21.18, 2);
  });

  it('omitted or empty alpha, power and sides (null, 0, "") use 0.05, 0.8 and two-sided', () => {
    const base = stats.mde(56, 56, 0.2);
    expect(excel.mde(56, 56, 0.2, null, null, null)).toBe(base);
    expect(excel.mde(56, 56, 0.2, 0, 0, 0)).toBe(base);
    expect(excel.mde(56, 56, 0.2, "", "", "")).toBe(base);
    expect(stats.mde(56, 56, 0.2, 0.05, 0.8, 2)).toBe(base);
  });

  it("power 0.9 and a one-sided test (z = 1.281552 and 1.644854)", () => {
    expect(stats.mde(55, 100, 0.3, 0.05, 0.9)).toBeCloseTo(
      100 * (1.959964 + 1.281552) * Math.sqrt(0.21 * (1 / 55 + 1 / 100)),
      4,
    );
    expect(stats.mde(56, 56, 0.2, 0.05, 0.8, 1)).toBeCloseTo(
      100 * (1.644854 + 0.841621) * Math.sqrt((0.16 * 2) / 56),
      4,
    );
  });

  it.each<[string, () => unknown, string]>([
    ["comparisonCount 0", () => excel.mde(56, 0, 0.2), "comparisonCount"],
    ["participants -1", () => excel.mde(-1, 56, 0.2), "participants"],
    ["baselineRate 0", () => excel.mde(56, 56, 0), "baselineRate"],
    ["baselineRate in percent", () => excel.mde(56, 56, 20), "baselineRate"],
    ["alpha 1.5", () => excel.mde(56, 56, 0.2, 1.5), "alpha"],
    ["alpha as text", () => excel.mde(56, 56, 0.2, "5%"), "alpha"],
    ["power 80 (percent)", () => excel.mde(56, 56, 0.2, 0.05, 80), "power"],
    ["power below alpha", () => excel.mde(56, 56, 0.2, 0.05, 0.01), "power"],
    ["sides 3", () => excel.mde(56, 56, 0.2, 0.05, 0.8, 3), "sides"],
  ])("#VALUE! for %s, naming the argument", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.BINOMIAL", () => {
  it("spills a header and n + 1 rows; the row for k = 6 of n = 10, p = 0.5 is Excel's BINOM.DIST example", () => {
    const table = stats.binomial(10, 0.5);
    expect(table).toHaveLength(12);
    expect(table[0]).toEqual(["k", "P(X=k)", "P(X≤k)"]);
    const row = table[7];
    expect(row?.[0]).toBe(6);
    expect(row?.[1]).toBeCloseTo(0.205078125, 15);
    expect(row?.[2]).toBeCloseTo(0.828125, 15);
    expect(table[11]).toEqual([10, 1 / 1024, 1]);
    expect(table.every((cells) => cells.length === 3)).toBe(true);
  });

  it("n = 56, p = 0.3: P(X ≤ 16) = 1 − P(X ≥ 17) (exact fraction)", () => {
    const row = stats.binomial(56, 0.3)[17];
    expect(row?.[0]).toBe(16);
    expect(row?.[2]).toBeCloseTo(1 - exactUpperTail(17, 56, 3n, 10n), 14);
  });

  it.each<[string, () => unknown, string]>([
    ["participants 0", () => excel.binomial(0, 0.3), "participants"],
    ["participants above the limit", () => excel.binomial(2_000_000, 0.3), "participants"],
    ["trueRate -0.1", () => excel.binomial(56, -0.1), "trueRate"],
    ["trueRate as text", () => excel.binomial(56, "30%"), "trueRate"],
  ])("#VALUE! for %s, naming the argument", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});
