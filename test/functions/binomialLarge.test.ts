/**
 * SIB.BINOMIAL at its limit, 1,000,000 participants (issue 13 leftover: it took more than 1 s of CPU). The table is
 * built as columns and the pmf is evaluated only where it does not underflow (log-concave: from the mode outwards it
 * only falls), so every value is the same as the per-k engine function, in well under a second of CPU.
 */
import { describe, expect, it } from "vitest";
import { binomialPmfCore } from "../../src/engine/stats/binomial";
import { binomial } from "../../src/functions/stats";

describe("SIB.BINOMIAL(1000000, p)", () => {
  it("takes under 1 s of CPU and equals the exact per-k probabilities; mean n·p and total 1 (independent sums)", () => {
    const n = 1_000_000;
    const p = 0.3;
    const before = process.cpuUsage();
    const table = binomial(n, p);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1e6).toBeLessThan(1);
    expect(table).toHaveLength(n + 2);
    expect(table[0]).toEqual(["k", "P(X=k)", "P(X≤k)"]);
    // Every 997th k and the tails: the same number as the engine's exact pmf (Loader's algorithm, tested elsewhere
    // against published values), including the exact zeros far out in the tails.
    for (let k = 0; k <= n; k += 997) expect(table[k + 1]?.[1], `k = ${k}`).toBe(binomialPmfCore(k, n, p));
    for (const k of [0, 1, 280_000, 299_999, 300_000, 300_001, 320_000, n]) {
      expect(table[k + 1]?.[1], `k = ${k}`).toBe(binomialPmfCore(k, n, p));
    }
    let total = 0;
    let mean = 0;
    for (let k = 0; k <= n; k++) {
      const probability = table[k + 1]?.[1] as number;
      total += probability;
      mean += k * probability;
    }
    expect(total).toBeCloseTo(1, 9);
    expect(mean / (n * p)).toBeCloseTo(1, 9);
    // P(X ≤ n·p), n·p whole: normal approximation with continuity correction and the Edgeworth skewness term,
    // σ = √(n·p·q) = 458.2576, z = 0.5/σ = 0.00109109, γ = (q − p)/σ = 0.00087287:
    // Φ(z) − φ(z)·γ·(z² − 1)/6 = 0.5004353 + 0.0000580 = 0.5004934 (error of order 1/n).
    expect(table[300_000 + 1]?.[2] as number).toBeCloseTo(0.5004934, 6);
    expect(table[n + 1]?.[2]).toBe(1);
  });
});
