import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standardNormalQuantile } from "../../../src/engine/stats/normal";
import {
  binomialDraw,
  categoricalDraw,
  categoricalThresholdsInto,
  normalQuantileFast,
  seededGenerator,
  standardNormal,
  uniformOpen,
  uniformUint32,
} from "../../../src/engine/stress/random";

/** ln C(n, k) by a sum of logs (independent of the engine's Loader algorithm). */
function logChoose(n: number, k: number): number {
  let value = 0;
  for (let j = 1; j <= k; j++) value += Math.log(n - k + j) - Math.log(j);
  return value;
}

/** The binomial probability written out: C(n, k) p^k (1 − p)^(n − k). */
function pmf(k: number, n: number, p: number): number {
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

describe("uniforms", () => {
  it("uniformOpen lies strictly between 0 and 1, with mean 1/2 and variance 1/12", () => {
    const rng = seededGenerator(11);
    let sum = 0;
    let squares = 0;
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = uniformOpen(rng);
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // Standard errors: √(1/12/n) ≈ 0.0009 for the mean; the variance's is about 0.0003.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.0015);
  });

  it("the same seed gives the same sequence; another seed another", () => {
    const a = seededGenerator(42);
    const b = seededGenerator(42);
    const c = seededGenerator(43);
    const first = [uniformUint32(a), uniformUint32(a), uniformOpen(a)];
    expect([uniformUint32(b), uniformUint32(b), uniformOpen(b)]).toEqual(first);
    expect([uniformUint32(c), uniformUint32(c), uniformOpen(c)]).not.toEqual(first);
  });
});

describe("normalQuantileFast", () => {
  it("is within 1.2e-9 (relative, plus 1e-12) of the refined standard normal quantile from 1e-12 to 1 − 1e-12", () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.99, 1 - 1e-9]) {
      const exact = standardNormalQuantile(p);
      expect(Math.abs(normalQuantileFast(p) - exact)).toBeLessThan(1.2e-9 * Math.abs(exact) + 1e-12);
    }
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
        const exact = standardNormalQuantile(p);
        expect(Math.abs(normalQuantileFast(p) - exact)).toBeLessThan(1.2e-9 * Math.abs(exact) + 1e-12);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it("standard normal draws have mean 0 and variance 1 (100,000 draws, 4 standard errors)", () => {
    const rng = seededGenerator(5);
    let sum = 0;
    let squares = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(rng);
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});

describe("binomialDraw is exactly Binomial(n, p)", () => {
  /**
   * 100,000 draws: every count's frequency within 5 standard errors √(P(1 − P)/draws) of the exact probability
   * written out above, and the Pearson statistic over cells with expected count ≥ 5 below the 99.9 % point of its
   * chi-square distribution (by Wilson–Hilferty: df·(1 − 2/(9df) + 3.09·√(2/(9df)))³).
   */
  function check(n: number, p: number, seed: number): void {
    const rng = seededGenerator(seed);
    const draws = 100_000;
    const counts = new Array<number>(n + 1).fill(0);
    let invalid = 0;
    for (let i = 0; i < draws; i++) {
      const k = binomialDraw(rng, n, p);
      if (!(Number.isInteger(k) && k >= 0 && k <= n)) invalid++;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(invalid).toBe(0);
    let chi = 0;
    let cells = 0;
    for (let k = 0; k <= n; k++) {
      const expected = pmf(k, n, p);
      const observed = (counts[k] ?? 0) / draws;
      expect(Math.abs(observed - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / draws) + 1e-5);
      if (expected * draws >= 5) {
        chi += (draws * (observed - expected) ** 2) / expected;
        cells++;
      }
    }
    const df = cells - 1;
    const critical = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(chi).toBeLessThan(critical);
  }

  it("n = 56, p = 15/55 (the pilot's self-supporting rate)", () => check(56, 15 / 55, 1));
  it("n = 100, p = 0.12 (a comparison group)", () => check(100, 0.12, 2));
  it("n = 30, p = 0.8 (drawn as 30 minus Binomial(30, 0.2))", () => check(30, 0.8, 3));
  it("n = 2000, p = 0.3 (a large group: the search starts at the mode)", () => {
    const rng = seededGenerator(4);
    let sum = 0;
    let squares = 0;
    const draws = 50_000;
    for (let i = 0; i < draws; i++) {
      const k = binomialDraw(rng, 2000, 0.3);
      sum += k;
      squares += k * k;
    }
    const mean = sum / draws;
    // Mean 600, variance 420: standard error of the mean √(420/50,000) ≈ 0.092.
    expect(Math.abs(mean - 600)).toBeLessThan(0.4);
    expect(Math.abs(squares / draws - mean * mean - 420)).toBeLessThan(420 * 4 * Math.sqrt(2 / draws));
  });

  it("edges: p = 0 gives 0, p = 1 gives n, n = 0 gives 0, without using the generator", () => {
    const rng = seededGenerator(9);
    const before = rng.clone();
    expect(binomialDraw(rng, 10, 0)).toBe(0);
    expect(binomialDraw(rng, 10, 1)).toBe(10);
    expect(binomialDraw(rng, 0, 0.5)).toBe(0);
    expect(rng.next()).toBe(before.next());
  });
});

describe("categorical draws", () => {
  it("thresholds are 2^32 × cumulative probabilities, the last positive outcome closes at 2^32", () => {
    const out = new Float64Array(4);
    categoricalThresholdsInto([0.25, 0, 0.75, 0], out);
    expect(Array.from(out)).toEqual([2 ** 30, 2 ** 30, 2 ** 32, 2 ** 32]);
  });

  it("outcome frequencies match the probabilities; outcomes of probability 0 never occur", () => {
    const probabilities = [0.18, 0.09, 0.16, 0, 0, 0.49, 0, 0.08];
    const thresholds = new Float64Array(8);
    categoricalThresholdsInto(probabilities, thresholds);
    const rng = seededGenerator(21);
    const counts = new Array<number>(8).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) {
      const k = categoricalDraw(rng, thresholds);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    probabilities.forEach((p, k) => {
      const observed = (counts[k] ?? 0) / draws;
      if (p === 0) expect(observed).toBe(0);
      else expect(Math.abs(observed - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws));
    });
  });
});
