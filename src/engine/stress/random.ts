/**
 * Random variates for the stress tests, drawn from an injected, seeded generator (pure-rand's RandomGenerator: the
 * generator is passed in, never global, so the same seed gives the same numbers). Every function here advances the
 * generator it is given and allocates nothing.
 *
 * - {@link uniformOpen}: a uniform on the open interval (0, 1) with 52 random bits (two 32-bit outputs).
 * - {@link standardNormal}: N(0, 1) by inversion of one uniform (Acklam's rational approximation, relative error below
 *   1.2e-9, compared in the tests with the refined quantile of stats/normal.ts).
 * - {@link binomialDraw}: an exact Binomial(n, p) count by inversion with a search from the mode (Kemp 1986): the
 *   probability of the mode comes from stats/binomial.ts (Loader's algorithm), its neighbours by the ratio
 *   recurrence, so a draw costs O(√(n·p·(1−p))) steps for any n.
 * - {@link categoricalThresholdsInto} and {@link categoricalDraw}: one outcome state per participant from one 32-bit
 *   output, with the cumulative probabilities stored as 32-bit thresholds (each probability is rounded to a multiple of
 *   2^−32, a bias below 2.4e-10, far below any Monte Carlo error).
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { binomialPmfCore } from "../stats/binomial";

export type { RandomGenerator };

/** Largest seed accepted by {@link seededGenerator}: seeds are whole numbers from 0 to 2^31 − 1. */
export const MAX_SEED = 2_147_483_647;

/**
 * A new xoroshiro128+ generator (pure-rand) for a seed. Callers own it and pass it on; nothing is global.
 * @param seed A whole number from 0 to 2,147,483,647.
 * @returns A mutable generator: each call of `next()` advances it.
 * @example const rng = seededGenerator(42); uniformOpen(rng) // the same number for seed 42, every time
 */
export function seededGenerator(seed: number): RandomGenerator {
  return xoroshiro128plus(seed);
}

const TWO_POW_26 = 2 ** 26;
const TWO_POW_MINUS_52 = 2 ** -52;
const TWO_POW_32 = 2 ** 32;

/**
 * A uniform number on the open interval (0, 1): (k + 0.5)·2^−52 with k a uniform 52-bit integer built from the top 26
 * bits of two generator outputs. Never 0 or 1, so it can be inverted through any quantile function.
 * @param rng The generator (advanced by two outputs).
 * @returns A number strictly between 0 and 1.
 * @example uniformOpen(seededGenerator(1)) // a fixed number in (0, 1)
 */
export function uniformOpen(rng: RandomGenerator): number {
  const high = rng.next() >>> 6;
  const low = rng.next() >>> 6;
  return (high * TWO_POW_26 + low + 0.5) * TWO_POW_MINUS_52;
}

/**
 * A uniform 32-bit whole number from 0 to 2^32 − 1 (one generator output).
 * @param rng The generator (advanced by one output).
 * @returns A whole number in [0, 4294967295].
 * @example uniformUint32(seededGenerator(1)) // a fixed whole number
 */
export function uniformUint32(rng: RandomGenerator): number {
  return rng.next() >>> 0;
}

// Acklam's coefficients (see stats/normal.ts, which refines the same approximation by a Halley step).
const A1 = -39.69683028665376;
const A2 = 220.9460984245205;
const A3 = -275.9285104469687;
const A4 = 138.357751867269;
const A5 = -30.66479806614716;
const A6 = 2.506628277459239;
const B1 = -54.47609879822406;
const B2 = 161.5858368580409;
const B3 = -155.6989798598866;
const B4 = 66.80131188771972;
const B5 = -13.28068155288572;
const C1 = -0.007784894002430293;
const C2 = -0.3223964580411365;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 0.007784695709041462;
const D2 = 0.3224671290700398;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;
const LOW_TAIL = 0.02425;

/**
 * Standard normal quantile by Acklam's rational approximation without refinement (relative error below 1.15e-9): fast
 * enough to run three times per Monte Carlo draw. For exact work use stats/normal.ts `standardNormalQuantile`.
 * @param p A probability strictly between 0 and 1.
 * @returns z with Φ(z) ≈ p.
 * @example normalQuantileFast(0.975) // 1.95996398… (within 3e-9 of 1.959963984540054)
 */
export function normalQuantileFast(p: number): number {
  if (p < LOW_TAIL) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (p > 1 - LOW_TAIL) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
    (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
  );
}

/**
 * A standard normal draw N(0, 1) by inversion of one open uniform (two generator outputs).
 * @param rng The generator.
 * @returns A draw from N(0, 1).
 * @example standardNormal(seededGenerator(7)) // a fixed number; over many draws mean 0 and variance 1
 */
export function standardNormal(rng: RandomGenerator): number {
  return normalQuantileFast(uniformOpen(rng));
}

/**
 * An exact Binomial(n, p) draw: the number of successes among n independent trials with success probability p.
 * Inversion of one open uniform over the outcomes taken in the order mode, mode − 1, mode + 1, mode − 2, … (any fixed
 * order of the outcomes gives an exact inversion; this one needs the fewest steps). p > 0.5 is drawn as n minus a
 * Binomial(n, 1 − p) count. Consumes two generator outputs (none when p is 0 or 1, or n is 0).
 * @param rng The generator.
 * @param n Number of trials, a whole number ≥ 0 (e.g. 100 people in a comparison group).
 * @param p Success probability per trial, 0 to 1.
 * @returns A whole number from 0 to n.
 * @example binomialDraw(seededGenerator(3), 100, 0.12) // a fixed count; over many draws mean 12, variance 10.56
 */
export function binomialDraw(rng: RandomGenerator, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const rate = flip ? 1 - p : p;
  const odds = rate / (1 - rate);
  const mode = Math.min(n, Math.floor((n + 1) * rate));
  let u = uniformOpen(rng);
  const atMode = binomialPmfCore(mode, n, rate);
  let count = mode;
  u -= atMode;
  if (u > 0) {
    let below = mode - 1;
    let above = mode + 1;
    let pBelow = atMode;
    let pAbove = atMode;
    while (below >= 0 || above <= n) {
      if (below >= 0) {
        // P(k − 1) = P(k)·k/(n − k + 1)·(1 − p)/p with k = below + 1.
        pBelow = (pBelow * (below + 1)) / (n - below) / odds;
        u -= pBelow;
        if (u <= 0) {
          count = below;
          break;
        }
        below--;
      }
      if (above <= n) {
        // P(k + 1) = P(k)·(n − k)/(k + 1)·p/(1 − p) with k = above − 1.
        pAbove = ((pAbove * (n - above + 1)) / above) * odds;
        u -= pAbove;
        if (u <= 0) {
          count = above;
          break;
        }
        above++;
      }
    }
    // If rounding left u above 0 after every outcome (probability about 1e-15), the mode is returned.
  }
  return flip ? n - count : count;
}

/**
 * Fills `thresholds` with cumulative probabilities as 32-bit thresholds for {@link categoricalDraw}: threshold k is
 * round(2^32 · Σ_{j≤k} p_j), and the last outcome with a positive probability (and every later one) gets 2^32, so every
 * 32-bit number falls in exactly one outcome and outcomes of probability 0 are never drawn.
 * @param probabilities Probabilities of the outcomes, ≥ 0, summing to 1 (up to rounding).
 * @param thresholds Output, one entry per outcome.
 * @example categoricalThresholdsInto([0.25, 0, 0.75], out) // out = [1073741824, 1073741824, 4294967296]
 */
export function categoricalThresholdsInto(probabilities: ArrayLike<number>, thresholds: Float64Array): void {
  let last = -1;
  for (let k = 0; k < probabilities.length; k++) if ((probabilities[k] as number) > 0) last = k;
  let cumulative = 0;
  for (let k = 0; k < probabilities.length; k++) {
    cumulative += probabilities[k] as number;
    thresholds[k] = k >= last ? TWO_POW_32 : Math.min(TWO_POW_32, Math.round(cumulative * TWO_POW_32));
  }
}

/**
 * One categorical draw from 32-bit thresholds (see {@link categoricalThresholdsInto}); one generator output.
 * @param rng The generator.
 * @param thresholds Cumulative thresholds, the last 2^32.
 * @returns The index of the outcome drawn.
 * @example categoricalDraw(rng, thresholds) // 2 with probability 0.75 for the example above
 */
export function categoricalDraw(rng: RandomGenerator, thresholds: Float64Array): number {
  const u = rng.next() >>> 0;
  let k = 0;
  while (u >= (thresholds[k] as number)) k++;
  return k;
}
