import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  binomialCdf,
  binomialCdfCore,
  binomialLogPmfCore,
  binomialPmf,
  binomialPmfCore,
  binomialTable,
  binomialTableCore,
  binomialUpperTail,
  binomialUpperTailCore,
  minimumDetectableEffect,
  minimumDetectableEffectCore,
  minimumDetectableEffectSolved,
  probabilityOfReachingTarget,
  probabilityOfReachingTargetCore,
  requiredCount,
  requiredCountCore,
  twoProportionPower,
  twoProportionPowerCore,
  MIN_ALPHA,
} from "../../../src/engine/stats/binomial";
import type { Result } from "../../../src/engine/errors";

/**
 * Independent references, written out here:
 * - Excel's documented BINOM.DIST example: BINOM.DIST(6, 10, 0.5, FALSE) = 0.205078125, TRUE = 0.828125;
 * - exact fractions C(n, k)·a^k·(b − a)^(n−k) / b^n with BigInt binomial coefficients, p = a/b;
 * - textbook MDE (z_{1−α/2} + z_{power})·√(p(1−p)(1/n1 + 1/n2)) with the tabulated quantiles 1.959964 and 0.841621;
 * - R's documented power.prop.test examples (n = 50, p1 = .5, p2 = .75 → power 0.740; n = 50, p1 = .5, power = .9 →
 *   p2 = 0.8026; n = 30, p1 = .9, power = .8 → no p2 in [p1, 1]).
 */

// ----- exact arithmetic helpers (BigInt) ------------------------------------------------------------------------

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(16).length * 4;
}

/** num/den as the nearest double (to ~2^-60 relative), for positive BigInts. */
function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = bitLength(den) - bitLength(num) + 64;
  const quotient = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  const half = Math.floor(shift / 2);
  return Number(quotient) * 2 ** -half * 2 ** -(shift - half);
}

/** Exact numerators C(n, k)·a^k·(b−a)^(n−k) for k = 0..n; the probabilities are these over b^n. */
function exactNumerators(n: number, a: bigint, b: bigint): bigint[] {
  const c = b - a;
  const terms: bigint[] = [c ** BigInt(n)];
  for (let k = 0; k < n; k++) {
    const previous = terms[k] ?? 0n;
    // term(k+1) = term(k)·(n−k)·a / ((k+1)·c), an exact division.
    terms.push((previous * BigInt(n - k) * a) / (BigInt(k + 1) * c));
  }
  return terms;
}

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`unexpected failure: ${result.issues.map((i) => i.message).join("; ")}`);
  return result.value;
}

function issuesOf<T>(result: Result<T>): { field: string; rule: string; code: string }[] {
  if (result.ok) throw new Error("expected a failure");
  return result.issues.map(({ field, rule, code }) => ({ field, rule, code }));
}

// ----- golden values --------------------------------------------------------------------------------------------

describe("binomial distribution: Excel's documented example", () => {
  it("BINOM.DIST(6, 10, 0.5, FALSE) = 0.205078125 and BINOM.DIST(6, 10, 0.5, TRUE) = 0.828125", () => {
    expect(relativeError(valueOf(binomialPmf(6, 10, 0.5)), 0.205078125)).toBeLessThan(1e-14);
    expect(relativeError(valueOf(binomialCdf(6, 10, 0.5)), 0.828125)).toBeLessThan(1e-14);
    // Same by hand: C(10, 6) = 210 of 1024 outcomes; 1 − (C(10,7)+C(10,8)+C(10,9)+C(10,10))/1024 = 1 − 176/1024.
    expect(valueOf(binomialUpperTail(7, 10, 0.5))).toBeCloseTo(176 / 1024, 15);
    expect(Math.exp(binomialLogPmfCore(6, 10, 0.5))).toBeCloseTo(210 / 1024, 15);
  });
});

describe("binomial distribution: exact fractions for the pilot's 56 participants (p = 3/10)", () => {
  const n = 56;
  const numerators = exactNumerators(n, 3n, 10n);
  const denominator = 10n ** BigInt(n);

  it("P(X = k) for every k to 1e-13 relative", () => {
    for (let k = 0; k <= n; k++) {
      const exact = ratioToNumber(numerators[k] ?? 0n, denominator);
      expect(relativeError(binomialPmfCore(k, n, 0.3), exact), `k = ${k}`).toBeLessThan(1e-13);
    }
  });

  it("P(X ≤ k) and P(X ≥ k) for every k to 1e-12 relative, in both tails", () => {
    for (let k = 0; k <= n; k++) {
      const lower = numerators.slice(0, k + 1).reduce((sum, term) => sum + term, 0n);
      const upper = numerators.slice(k).reduce((sum, term) => sum + term, 0n);
      expect(relativeError(binomialCdfCore(k, n, 0.3), ratioToNumber(lower, denominator)), `cdf ${k}`).toBeLessThan(
        1e-12,
      );
      expect(
        relativeError(binomialUpperTailCore(k, n, 0.3), ratioToNumber(upper, denominator)),
        `upper ${k}`,
      ).toBeLessThan(1e-12);
    }
  });

  it("30 % of 56 = 16.8 → 17 people needed; P(X ≥ 17) at a true rate of 30 % = 0.52704200474...", () => {
    expect(valueOf(requiredCount(56, 0.3))).toBe(17);
    const exact = ratioToNumber(
      numerators.slice(17).reduce((sum, term) => sum + term, 0n),
      denominator,
    );
    expect(exact).toBeCloseTo(0.5270420047403112, 15);
    expect(relativeError(valueOf(probabilityOfReachingTarget(56, 0.3, 0.3)), exact)).toBeLessThan(1e-13);
  });
});

describe("binomial distribution: exact fractions for n = 10,000 (p = 5/16, exactly representable)", () => {
  const n = 10_000;
  const p = 5 / 16;
  const numerators = exactNumerators(n, 5n, 16n);
  const denominator = 16n ** BigInt(n);
  const prefix: bigint[] = [];
  numerators.reduce((sum, term) => {
    const next = sum + term;
    prefix.push(next);
    return next;
  }, 0n);
  const total = prefix[n] ?? 0n;

  it("the exact numerators sum to 16^n (the helper itself is right)", () => {
    expect(total).toBe(denominator);
  });

  it("P(X = k) to 1e-12 relative from the far tails (below 1e-200) to the mode", () => {
    const ks = [1700, 2000, 2500, 2900, 3000, 3100, 3124, 3125, 3126, 3200, 3300, 3500, 4000, 4500];
    for (let k = 1700; k <= 4700; k += 97) ks.push(k);
    for (const k of ks) {
      const exact = ratioToNumber(numerators[k] ?? 0n, denominator);
      expect(exact).toBeGreaterThan(1e-300);
      expect(relativeError(binomialPmfCore(k, n, p), exact), `k = ${k}`).toBeLessThan(1e-12);
    }
  });

  it("P(X ≤ k) and P(X ≥ k) to 1e-12 relative", () => {
    for (const k of [2000, 2900, 3000, 3080, 3124, 3125, 3126, 3170, 3250, 3400, 4000]) {
      const lower = ratioToNumber(prefix[k] ?? 0n, denominator);
      const upper = ratioToNumber(total - (prefix[k - 1] ?? 0n), denominator);
      expect(relativeError(binomialCdfCore(k, n, p), lower), `cdf ${k}`).toBeLessThan(1e-12);
      expect(relativeError(binomialUpperTailCore(k, n, p), upper), `upper ${k}`).toBeLessThan(1e-12);
    }
  });
});

describe("edge cases", () => {
  it("rates of 0 and 1 give degenerate distributions", () => {
    expect(binomialPmfCore(0, 56, 0)).toBe(1);
    expect(binomialPmfCore(1, 56, 0)).toBe(0);
    expect(binomialPmfCore(56, 56, 1)).toBe(1);
    expect(binomialCdfCore(55, 56, 1)).toBe(0);
    expect(binomialUpperTailCore(1, 56, 0)).toBe(0);
    expect(binomialUpperTailCore(56, 56, 1)).toBe(1);
  });

  it("counts outside 0..n give probabilities 0 or 1", () => {
    expect(valueOf(binomialPmf(-1, 10, 0.5))).toBe(0);
    expect(valueOf(binomialPmf(11, 10, 0.5))).toBe(0);
    expect(valueOf(binomialCdf(-1, 10, 0.5))).toBe(0);
    expect(valueOf(binomialCdf(10, 10, 0.5))).toBe(1);
    expect(valueOf(binomialUpperTail(0, 10, 0.5))).toBe(1);
    expect(valueOf(binomialUpperTail(11, 10, 0.5))).toBe(0);
  });

  it("k = 0 and k = n with small rates: (1−p)^n and p^n", () => {
    expect(relativeError(binomialPmfCore(0, 56, 0.01), 0.99 ** 56)).toBeLessThan(1e-13);
    expect(relativeError(binomialPmfCore(56, 56, 0.99), 0.99 ** 56)).toBeLessThan(1e-13);
    expect(relativeError(binomialPmfCore(56, 56, 0.3), 0.3 ** 56)).toBeLessThan(1e-13);
  });

  it("the log mass stays finite where the mass underflows", () => {
    expect(binomialPmfCore(0, 10_000, 0.5)).toBe(0);
    expect(binomialLogPmfCore(0, 10_000, 0.5)).toBeCloseTo(10_000 * Math.log(0.5), 8);
  });
});

describe("a target share becomes a head count (rounded up, with a 1e-9 tolerance)", () => {
  it.each([
    [56, 0.3, 17], // 16.8 → 17
    [56, 0.25, 14], // exactly 14
    [10, 0.3, 3], // 0.3·10 = 3.0000000000000004 in floating point → still 3
    [56, 17 / 56, 17], // a head count given as count/participants
    [56, 0, 0],
    [56, 1, 56],
    [1, 0.01, 1],
  ])("%i participants, target %f → %i people", (n, share, count) => {
    expect(requiredCountCore(n, share)).toBe(count);
  });

  it("target 0 is always reached; target 100 % needs everyone (p^n)", () => {
    expect(valueOf(probabilityOfReachingTarget(56, 0.01, 0))).toBe(1);
    expect(relativeError(valueOf(probabilityOfReachingTarget(56, 0.9, 1)), 0.9 ** 56)).toBeLessThan(1e-13);
  });
});

describe("minimum detectable effect", () => {
  it("textbook closed form: n1 = n2 = 56, p = 0.2, α = 0.05 two-sided, power 0.8", () => {
    const handCalculation = (1.959964 + 0.841621) * Math.sqrt((0.16 * 2) / 56); // 0.21178
    expect(valueOf(minimumDetectableEffect(56, 56, 0.2, 0.05, 0.8, 2))).toBeCloseTo(handCalculation, 6);
    expect(valueOf(minimumDetectableEffect(56, 56, 0.2, 0.05, 0.8))).toBeCloseTo(0.2117799361109018, 13);
  });

  it("one-sided uses z_{1−α} = 1.644854 (α = 0.05); unequal groups use 1/n1 + 1/n2", () => {
    const oneSided = (1.644854 + 0.841621) * Math.sqrt(0.16 * (1 / 56 + 1 / 56));
    expect(valueOf(minimumDetectableEffect(56, 56, 0.2, 0.05, 0.8, 1))).toBeCloseTo(oneSided, 6);
    const unequal = (1.959964 + 1.281552) * Math.sqrt(0.3 * 0.7 * (1 / 55 + 1 / 100)); // power 0.9
    expect(valueOf(minimumDetectableEffect(55, 100, 0.3, 0.05, 0.9))).toBeCloseTo(unequal, 6);
  });

  it("agrees with Lehr's rule of thumb n = 16·p(1−p)/δ² per group (80 % power, α = 0.05) within 1 %", () => {
    const n = 200;
    const lehr = Math.sqrt((16 * 0.25 * 0.75) / n);
    expect(relativeError(minimumDetectableEffectCore(n, n, 0.25, 0.05, 0.8, 2), lehr)).toBeLessThan(0.01);
  });

  it("power of the z-test: R's power.prop.test(n = 50, p1 = .5, p2 = .75) gives 0.740", () => {
    // By hand, strict two-sided: Φ((0.25 − 1.959964·√(0.625·0.375·2/50))/√((0.25 + 0.1875)/50)) + the other tail.
    const power = valueOf(twoProportionPower(50, 50, 0.5, 0.25, 0.05));
    expect(power).toBeCloseTo(0.74, 3);
    expect(Math.abs(power - 0.7401659)).toBeLessThan(2e-6); // R's one-tail value; the other tail adds ~1.3e-6
    // R: power.prop.test(p1 = .5, p2 = .75, power = .9) gives n = 76.7 per group.
    expect(twoProportionPowerCore(76.7, 76.7, 0.5, 0.25, 0.05, 2)).toBeCloseTo(0.9, 3);
  });

  it("solved MDE: R's power.prop.test(n = 50, p1 = .5, power = .9) gives p2 = 0.8026", () => {
    const effect = valueOf(minimumDetectableEffectSolved(50, 50, 0.5, 0.05, 0.9));
    expect(Math.abs(effect - 0.3026)).toBeLessThan(1e-4);
    expect(twoProportionPowerCore(50, 50, 0.5, effect, 0.05, 2)).toBeCloseTo(0.9, 10);
  });

  it("solved MDE is Impossible when no p2 ≤ 1 has the power (R: n = 30, p1 = .9, power = .8)", () => {
    const result = minimumDetectableEffectSolved(30, 30, 0.9, 0.05, 0.8);
    expect(issuesOf(result)).toEqual([{ field: "power", rule: "reachable", code: "Impossible" }]);
  });

  it("the closed form and the solved version agree roughly for moderate rates", () => {
    const closed = minimumDetectableEffectCore(56, 56, 0.2, 0.05, 0.8, 2);
    const solved = valueOf(minimumDetectableEffectSolved(56, 56, 0.2, 0.05, 0.8));
    expect(Math.abs(solved - closed)).toBeLessThan(0.05);
  });
});

describe("validation: issues name the field and the rule", () => {
  it.each<[string, () => Result<unknown>, { field: string; rule: string }[]]>([
    ["n = 0", () => binomialPmf(0, 0, 0.5), [{ field: "participants", rule: "integer" }]],
    ["n = 5.5", () => binomialCdf(1, 5.5, 0.5), [{ field: "participants", rule: "integer" }]],
    ["n too large", () => binomialUpperTail(1, 2_000_000, 0.5), [{ field: "participants", rule: "integer" }]],
    ["p = 1.2", () => binomialPmf(1, 10, 1.2), [{ field: "trueRate", rule: "range" }]],
    ["p = NaN", () => binomialCdf(1, 10, Number.NaN), [{ field: "trueRate", rule: "range" }]],
    ["k = 2.5", () => binomialPmf(2.5, 10, 0.5), [{ field: "count", rule: "integer" }]],
    [
      "several at once",
      () => probabilityOfReachingTarget(-3, 30, 1.5),
      [
        { field: "participants", rule: "integer" },
        { field: "trueRate", rule: "range" },
        { field: "targetShare", rule: "range" },
      ],
    ],
    ["target share -0.1", () => requiredCount(56, -0.1), [{ field: "targetShare", rule: "range" }]],
    ["table n = 0", () => binomialTable(0, 0.5), [{ field: "participants", rule: "integer" }]],
    [
      "comparisonCount 0",
      () => minimumDetectableEffect(56, 0, 0.2, 0.05, 0.8),
      [{ field: "comparisonCount", rule: "integer" }],
    ],
    ["baseline 0", () => minimumDetectableEffect(56, 56, 0, 0.05, 0.8), [{ field: "baselineRate", rule: "range" }]],
    [
      "baseline 1",
      () => minimumDetectableEffectSolved(56, 56, 1, 0.05, 0.8),
      [{ field: "baselineRate", rule: "range" }],
    ],
    ["alpha 0", () => minimumDetectableEffect(56, 56, 0.2, 0, 0.8), [{ field: "alpha", rule: "range" }]],
    ["alpha 1", () => minimumDetectableEffect(56, 56, 0.2, 1, 0.8), [{ field: "alpha", rule: "range" }]],
    ["power 1", () => minimumDetectableEffect(56, 56, 0.2, 0.05, 1), [{ field: "power", rule: "range" }]],
    [
      "power below alpha",
      () => minimumDetectableEffect(56, 56, 0.2, 0.05, 0.04),
      [{ field: "power", rule: "aboveAlpha" }],
    ],
    ["sides 3", () => minimumDetectableEffect(56, 56, 0.2, 0.05, 0.8, 3), [{ field: "sides", rule: "oneOf" }]],
    ["effect beyond 1", () => twoProportionPower(56, 56, 0.5, 0.6, 0.05), [{ field: "effect", rule: "range" }]],
    // Review F11: SIB.MDE(56, 56, 0.2, 1E-17) threw a plain Error from the normal quantile (1 − alpha/2 rounds to 1).
    [
      "MDE alpha 1e-17",
      () => minimumDetectableEffect(56, 56, 0.2, 1e-17, 0.8),
      [{ field: "alpha", rule: "precision" }],
    ],
    [
      "MDE (solved) alpha 1e-17",
      () => minimumDetectableEffectSolved(56, 56, 0.2, 1e-17, 0.8),
      [{ field: "alpha", rule: "precision" }],
    ],
    ["power alpha 5e-324", () => twoProportionPower(56, 56, 0.2, 0.1, 5e-324), [{ field: "alpha", rule: "precision" }]],
    [
      "one-sided alpha 1.1e-16",
      () => minimumDetectableEffect(56, 56, 0.2, 1.1e-16, 0.8, 1),
      [{ field: "alpha", rule: "precision" }],
    ],
  ])("%s", (_, call, expected) => {
    const result = call();
    expect(issuesOf(result)).toEqual(expected.map((e) => ({ ...e, code: "InvalidInput" })));
    if (!result.ok) {
      for (const found of result.issues) expect(found.message).toContain(found.field);
    }
  });
});

describe("distribution table", () => {
  it("BINOM.DIST for n = 10, p = 0.5 row by row (k/1024 fractions)", () => {
    const table = valueOf(binomialTable(10, 0.5));
    const coefficients = [1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1];
    let cumulative = 0;
    expect(table).toHaveLength(11);
    for (const [k, coefficient] of coefficients.entries()) {
      cumulative += coefficient;
      const row = table[k];
      expect(row?.k).toBe(k);
      expect(row?.probability).toBeCloseTo(coefficient / 1024, 15);
      expect(row?.cumulative).toBeCloseTo(cumulative / 1024, 15);
    }
    expect(table[10]?.cumulative).toBe(1);
  });

  it("matches the cdf core for n = 56", () => {
    for (const row of binomialTableCore(56, 0.3)) {
      expect(relativeError(row.cumulative, binomialCdfCore(row.k, 56, 0.3))).toBeLessThan(1e-13);
      expect(row.probability).toBe(binomialPmfCore(row.k, 56, 0.3));
    }
  });
});

// ----- properties -----------------------------------------------------------------------------------------------

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const people = fc.integer({ min: 1, max: 10_000 });

describe("properties", () => {
  it("P(X = k) sums to 1 within 1e-12", () => {
    fc.assert(
      fc.property(people, rate, (n, p) => {
        let sum = 0;
        for (let k = 0; k <= n; k++) sum += binomialPmfCore(k, n, p);
        return Math.abs(sum - 1) < 1e-12;
      }),
      { numRuns: 100 },
    );
  });

  it("P(X = k) equals the exact fraction C(n,k)·a^k·(b−a)^(n−k)/b^n to 1e-12 (random n ≤ 300, p = a/b)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 2, max: 64 }).chain((b) => fc.tuple(fc.integer({ min: 1, max: b - 1 }), fc.constant(b))),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, [a, b], position) => {
          const k = Math.round(position * n);
          const exact = ratioToNumber(exactNumerators(n, BigInt(a), BigInt(b))[k] ?? 0n, BigInt(b) ** BigInt(n));
          if (exact < 1e-290) return true;
          return relativeError(binomialPmfCore(k, n, a / b), exact) < 1e-12;
        },
      ),
    );
  });

  it("P(X ≤ k) is non-decreasing in k, from 0 to 1, and P(X ≤ k) + P(X ≥ k+1) = 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), rate, (n, p) => {
        let previous = 0;
        for (let k = -1; k <= n + 1; k++) {
          const value = binomialCdfCore(k, n, p);
          if (value < previous || value > 1) return false;
          if (Math.abs(value + binomialUpperTailCore(k + 1, n, p) - 1) > 1e-14) return false;
          previous = value;
        }
        return previous === 1;
      }),
      { numRuns: 100 },
    );
  });

  it("the table's cumulative column is non-decreasing and ends at 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), rate, (n, p) => {
        const rows = binomialTableCore(n, p);
        return (
          rows.length === n + 1 &&
          rows.every((row, k) => k === 0 || row.cumulative >= (rows[k - 1]?.cumulative ?? 0)) &&
          rows[n]?.cumulative === 1
        );
      }),
      { numRuns: 100 },
    );
  });

  it("the probability of reaching a target increases with the true rate", () => {
    fc.assert(
      fc.property(people, rate, rate, rate, (n, share, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return (
          probabilityOfReachingTargetCore(n, low, share) <= probabilityOfReachingTargetCore(n, high, share) + 1e-15
        );
      }),
    );
  });

  it("the minimum detectable effect decreases as either group grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n1, extra, n2, p) => {
          const small = minimumDetectableEffectCore(n1, n2, p, 0.05, 0.8, 2);
          return (
            minimumDetectableEffectCore(n1 + extra, n2, p, 0.05, 0.8, 2) < small &&
            minimumDetectableEffectCore(n1, n2 + extra, p, 0.05, 0.8, 2) < small
          );
        },
      ),
    );
  });
});

describe("the smallest significance level (MIN_ALPHA = 1e-10)", () => {
  it("is accepted, gives a finite MDE above the one at alpha 0.05, and the message names the bound", () => {
    const atMinimum = minimumDetectableEffect(56, 56, 0.2, MIN_ALPHA, 0.8);
    const usual = minimumDetectableEffect(56, 56, 0.2, 0.05, 0.8);
    expect(atMinimum.ok && usual.ok).toBe(true);
    if (atMinimum.ok && usual.ok) {
      expect(Number.isFinite(atMinimum.value)).toBe(true);
      // z_{1−5e-11} ≈ 6.4670 (tables of the normal tail) against 1.959964: the MDE grows by (6.4670 + 0.8416)/2.8016.
      expect(atMinimum.value / usual.value).toBeCloseTo((6.467 + 0.841621) / (1.959964 + 0.841621), 3);
    }
    const below = minimumDetectableEffect(56, 56, 0.2, MIN_ALPHA / 2, 0.8);
    expect(below.ok).toBe(false);
    if (!below.ok) expect(below.issues[0]?.message).toMatch(/^alpha must be at least 1e-10: .*got 5e-11\.$/);
  });
});
