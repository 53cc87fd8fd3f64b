import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distributionOf, percentileOfSorted } from "../../../src/engine/stress/percentiles";

describe("percentiles (Excel's PERCENTILE.INC)", () => {
  it("interpolates at rank q·(n − 1): {1,2,3,4} gives 2.5 at 0.5, 1.15 at 0.05, 3.85 at 0.95", () => {
    const sorted = Float64Array.of(1, 2, 3, 4);
    expect(percentileOfSorted(sorted, 4, 0.5)).toBe(2.5);
    expect(percentileOfSorted(sorted, 4, 0.05)).toBeCloseTo(1.15, 14);
    expect(percentileOfSorted(sorted, 4, 0.95)).toBeCloseTo(3.85, 14);
    expect(percentileOfSorted(sorted, 4, 0)).toBe(1);
    expect(percentileOfSorted(sorted, 4, 1)).toBe(4);
  });

  it("one value is every percentile; none gives NaN", () => {
    expect(percentileOfSorted(Float64Array.of(7), 1, 0.9)).toBe(7);
    expect(percentileOfSorted(new Float64Array(0), 0, 0.5)).toBeNaN();
  });

  it("distributionOf sorts the first count values (ignores the rest) and gives the mean", () => {
    const values = Float64Array.of(10, 0, 5, 99, 99);
    expect(distributionOf(values, 3)).toEqual({ p5: 0.5, p10: 1, p50: 5, p90: 9, p95: 9.5, mean: 5, count: 3 });
  });
});

describe("distributionOf by selection gives what a full sort gives", () => {
  it("equals PERCENTILE.INC on the sorted values (random arrays with ties, property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -50, max: 50 }).map((x) => x / 7),
          { minLength: 1, maxLength: 300 },
        ),
        (list) => {
          const sorted = Float64Array.from(list).sort();
          const distribution = distributionOf(Float64Array.from(list), list.length);
          expect(distribution.p5).toBe(percentileOfSorted(sorted, list.length, 0.05));
          expect(distribution.p10).toBe(percentileOfSorted(sorted, list.length, 0.1));
          expect(distribution.p50).toBe(percentileOfSorted(sorted, list.length, 0.5));
          expect(distribution.p90).toBe(percentileOfSorted(sorted, list.length, 0.9));
          expect(distribution.p95).toBe(percentileOfSorted(sorted, list.length, 0.95));
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
