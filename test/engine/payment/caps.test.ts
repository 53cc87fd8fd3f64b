import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/engine/errors";
import {
  contractCap,
  contractCapCore,
  personCappedPrices,
  personCappedPricesCore,
  volumeCap,
  volumeCapCore,
} from "../../../src/engine/payment/caps";

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

function fields(result: Result<unknown>): string[] {
  return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.rule}`);
}

const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
const count = fc.double({ min: 0, max: 100, noNaN: true });

describe("volume cap", () => {
  it("earlier claims use the cap first: 10 + 8 + 2 of 20", () => {
    expect(value(volumeCap([10, 8, 6], 20))).toEqual([10, 8, 2]);
    expect(value(volumeCap([10, 8], null))).toEqual([10, 8]);
    expect(value(volumeCap([10, 8], 0))).toEqual([0, 0]);
  });

  it("never pays more than the cap (property)", () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 10 }), count, (counts, cap) => {
        const paid = volumeCapCore(counts, cap);
        const total = paid.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(cap * (1 + 1e-12) + 1e-12);
        paid.forEach((p, i) => expect(p).toBeLessThanOrEqual(counts[i] ?? 0));
      }),
    );
  });

  it("reports bad fields", () => {
    expect(fields(volumeCap([1, -1], -5))).toEqual(["counts[1]:range", "cap:range"]);
  });
});

describe("per-person cap", () => {
  it("stacks the people: 8 of 10 reach 30,000 + 20,000, capped at 40,000", () => {
    // 8 people paid min(50,000, 40,000) = 40,000 and 2 paid 30,000: 380,000 = 10 × 30,000 + 8 × 10,000.
    const prices = value(personCappedPrices([10, 8], [30_000, 20_000], 40_000));
    expect(prices).toEqual([30_000, 10_000]);
    expect(10 * (prices[0] ?? 0) + 8 * (prices[1] ?? 0)).toBe(380_000);
  });

  it("stacks by count, largest first, whatever the list order", () => {
    // The rarer outcome (5) is stacked on the more common one (9): 9 × 100 + 5 × (min(250, 180) − 100) = 1,300.
    expect(value(personCappedPrices([5, 9], [150, 100], 180))).toEqual([80, 100]);
  });

  it("a cap above every price sum changes nothing; a cap of 0 pays nothing", () => {
    expect(value(personCappedPrices([3, 2], [10, 20], 1000))).toEqual([10, 20]);
    expect(value(personCappedPrices([3, 2], [10, 20], 0))).toEqual([0, 0]);
    expect(value(personCappedPrices([3, 2], [10, 20], null))).toEqual([10, 20]);
  });

  it("nobody gets more than the cap: total ≤ (most outcomes) × cap; never more than uncapped (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(count, amount), { minLength: 1, maxLength: 6 }), amount, (lines, cap) => {
        const counts = lines.map(([n]) => n);
        const prices = lines.map(([, p]) => p);
        const capped = personCappedPricesCore(counts, prices, cap);
        const total = counts.reduce((sum, n, k) => sum + n * (capped[k] ?? 0), 0);
        const uncapped = counts.reduce((sum, n, k) => sum + n * (prices[k] ?? 0), 0);
        expect(total).toBeLessThanOrEqual(Math.max(...counts) * cap * (1 + 1e-9) + 1e-6);
        expect(total).toBeLessThanOrEqual(uncapped * (1 + 1e-9) + 1e-6);
        capped.forEach((price) => expect(price).toBeGreaterThanOrEqual(-1e-9));
      }),
    );
  });

  it("reports bad fields", () => {
    expect(fields(personCappedPrices([1], [-1], -1))).toEqual(["prices[0]:range", "cap:range"]);
    expect(fields(personCappedPrices([1, 2], [1], 5))).toEqual(["prices:length"]);
  });
});

describe("contract cap (cumulative)", () => {
  it("cuts the last payments: 100 + 200 + 150 = 450", () => {
    expect(value(contractCap([100, 200, 300], 450))).toEqual([100, 200, 150]);
    expect(value(contractCap([100, 200, 300, 50], 250))).toEqual([100, 150, 0, 0]);
    expect(value(contractCap([100], null))).toEqual([100]);
  });

  it("never pays more than the cap in total, nor more than asked in a month (property)", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), amount, (raw, cap) => {
        const paid = contractCapCore(raw, cap);
        const total = paid.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(cap * (1 + 1e-12) + 1e-6);
        expect(total).toBeCloseTo(
          Math.min(
            cap,
            raw.reduce((a, b) => a + b, 0),
          ),
          4,
        );
        paid.forEach((p, t) => expect(p).toBeLessThanOrEqual(raw[t] ?? 0));
      }),
    );
  });

  it("reports bad fields", () => {
    expect(fields(contractCap([-1, 5], Number.NaN))).toEqual(["payments[0]:range", "cap:range"]);
  });
});
