import { describe, expect, it } from "vitest";
import { erfc, standardNormalCdf, standardNormalQuantile } from "../../../src/engine/stats/normal";

/** Reference values: Abramowitz & Stegun table 7.1 / 26.1 and Excel's documented NORM.S.INV and NORM.S.DIST examples. */
describe("normal distribution", () => {
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
  ])("erfc(%f) = %f", (x, expected) => {
    expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1e-13);
    expect(Math.abs(erfc(-x) - (2 - expected))).toBeLessThan(1e-14);
  });

  it("NORM.S.DIST(1.333333, TRUE) = 0.908788726 (Excel's documented example)", () => {
    expect(standardNormalCdf(1.333333)).toBeCloseTo(0.908788726, 8);
  });

  it("NORM.S.INV(0.908789) = 1.3333347 (Excel's documented example) and the 97.5 % quantile 1.959963984540054", () => {
    expect(standardNormalQuantile(0.908789)).toBeCloseTo(1.3333347, 6);
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
  });

  it("the quantile inverts the CDF across the range, tails included", () => {
    for (const p of [1e-10, 1e-5, 0.01, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.99999]) {
      expect(Math.abs(standardNormalCdf(standardNormalQuantile(p)) / p - 1)).toBeLessThan(1e-12);
    }
  });
});
