/**
 * Small-cohort outcome risk: the exact binomial distribution of the number of participants who reach an outcome, the
 * probability of reaching a contract target, and the minimum detectable effect of a two-group comparison.
 *
 * Model: each of n participants reaches the outcome independently with the same true rate p, so the outcome count X
 * is Binomial(n, p). With n = 56 the count is coarse and noisy: a true rate of 30 % reaches a "30 % of participants"
 * target only about half of the time. See docs/statistics.md.
 *
 * Two layers, as everywhere in the engine:
 * - checked public functions (`binomialPmf`, `probabilityOfReachingTarget`, ...) validate every input and return a
 *   {@link Result} whose issues name the field and the rule;
 * - fast unchecked cores (`...Core`) assume valid input (whole numbers, rates in [0, 1], 1 ≤ n ≤ 1,000,000) and
 *   return plain numbers, for Monte Carlo loops that have validated once. Outside their domain they return garbage.
 *
 * Accuracy: the probability mass uses Catherine Loader's saddle-point expansion ("Fast and accurate computation of
 * binomial probabilities", 2000; the algorithm of R's dbinom), which avoids the cancellation of
 * log n! − log k! − log (n−k)! that a log-gamma difference suffers. Tail probabilities are sums of positive terms over
 * the shorter tail (the other tail by complement), so both tails keep their relative accuracy. Measured against exact
 * BigInt fractions for n up to 10,000: a few 1e-14 relative for probabilities above 1e-30, at most 1e-13 for
 * probabilities above 1e-100 and 4e-13 down to 1e-300 (the relative error of exp(x) is the absolute error of x).
 */
import { fail, failMany, issue, ok, type Issue, type Result } from "../errors";
import { standardNormalCdf, standardNormalQuantile } from "./normal";

/** Largest number of participants accepted (a table of this size still fits an Excel column). */
export const MAX_PARTICIPANTS = 1_000_000;

/**
 * Tolerance used when a target share becomes a head count: share·n − 1e-9 is rounded up, so floating-point noise
 * (0.3·10 = 3.0000000000000004) does not demand one person more than intended.
 */
export const TARGET_TOLERANCE = 1e-9;

/**
 * Smallest significance level the tests accept: the critical value is the normal quantile of 1 − alpha/sides, and
 * below about 1e-10 that argument is so close to 1 that double precision loses the quantile's digits (at alpha 1e-17
 * it rounds to exactly 1 and the quantile is infinite). Real evaluations use 0.1 to 0.001.
 */
export const MIN_ALPHA = 1e-10;

/** Sidedness of a two-group test: 2 = two-sided (the usual evaluation standard), 1 = one-sided. */
export type TestSides = 1 | 2;

/** One row of the outcome-count distribution. */
export interface BinomialRow {
  /** Number of participants reaching the outcome, 0..n. */
  readonly k: number;
  /** P(X = k). */
  readonly probability: number;
  /** P(X ≤ k). */
  readonly cumulative: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Unchecked cores
// ---------------------------------------------------------------------------------------------------------------

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * stirlerr(m) = log m! − log(√(2πm)·(m/e)^m) for whole m = 1..15 (index m), computed at 40 digits (mpmath). Index 0
 * is unused (k = 0 and k = n are handled separately).
 */
const STIRLING_ERROR_TABLE: readonly number[] = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/** Error of Stirling's formula for log m!, m a whole number ≥ 1 (table up to 15, asymptotic series beyond). */
function stirlingError(m: number): number {
  if (m <= 15) return STIRLING_ERROR_TABLE[m] ?? Number.NaN;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  const mm = m * m;
  if (m > 500) return (s0 - s1 / mm) / m;
  if (m > 80) return (s0 - (s1 - s2 / mm) / mm) / m;
  if (m > 35) return (s0 - (s1 - (s2 - s3 / mm) / mm) / mm) / m;
  return (s0 - (s1 - (s2 - (s3 - s4 / mm) / mm) / mm) / mm) / m;
}

/**
 * Deviance term bd0(x, μ) = x·log(x/μ) + μ − x. Near μ (|v| < 0.5 with v = (x−μ)/(x+μ)) by Loader's series
 * bd0 = (x−μ)·v + 2x·Σ_{j≥1} v^(2j+1)/(2j+1), which avoids the cancellation of the direct formula; Loader switches at
 * |v| < 0.1, the wider range keeps ~1e-14 relative accuracy for probabilities down to ~1e-100 (more terms: v² ≤ 0.25).
 */
function devianceTerm(x: number, mean: number): number {
  if (Math.abs(x - mean) < 0.5 * (x + mean)) {
    let v = (x - mean) / (x + mean);
    let sum = (x - mean) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / mean) + mean - x;
}

/**
 * Natural log of P(X = k) for X ~ Binomial(n, p). Unchecked core: k and n whole numbers, 0 ≤ p ≤ 1.
 * −Infinity where the probability is 0 (k outside 0..n, or k ≠ 0 with p = 0, ...). Useful where the probability itself
 * underflows (below about 1e-308).
 * @example binomialLogPmfCore(6, 10, 0.5) // Math.log(0.205078125)
 */
export function binomialLogPmfCore(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  if (k === 0) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: either branch is n·log(1 − p) (up to rounding)
    return p < 0.1 ? -devianceTerm(n, n * q) - n * p : n * Math.log1p(-p);
  }
  if (k === n) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: either branch is n·log(p) (up to rounding)
    return q < 0.1 ? -devianceTerm(n, n * p) - n * q : n * Math.log(p);
  }
  const logCore =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - devianceTerm(k, n * p) - devianceTerm(n - k, n * q);
  const logScale = LOG_2PI + Math.log(k) + Math.log1p(-k / n);
  return logCore - 0.5 * logScale;
}

/**
 * P(X = k) for X ~ Binomial(n, p) (Excel: BINOM.DIST(k, n, p, FALSE)). Unchecked core: k and n whole numbers,
 * 0 ≤ p ≤ 1; 0 for k outside 0..n.
 * @example binomialPmfCore(6, 10, 0.5) // 0.205078125
 */
export function binomialPmfCore(k: number, n: number, p: number): number {
  return Math.exp(binomialLogPmfCore(k, n, p));
}

/** Relative size below which a term no longer changes a tail sum. */
const NEGLIGIBLE = 1e-17;

/**
 * Σ P(X = j) for j = k, k−1, ..., 0, from P(X = k) by the ratio P(j−1)/P(j) = j/(n−j+1)·q/p. Needs 0 ≤ k ≤ mode and
 * 0 < p < 1: the terms then only shrink, so the sum stops once they are negligible.
 */
function lowerTailSum(k: number, n: number, p: number): number {
  const odds = (1 - p) / p;
  let term = binomialPmfCore(k, n, p);
  let sum = term;
  for (let j = k; j > 0; j--) {
    term *= (j / (n - j + 1)) * odds;
    sum += term;
    if (term <= sum * NEGLIGIBLE) break;
  }
  return sum;
}

/**
 * Σ P(X = j) for j = k, k+1, ..., n, from P(X = k) by the ratio P(j+1)/P(j) = (n−j)/(j+1)·p/q. Needs mode ≤ k ≤ n and
 * 0 < p < 1: the terms then only shrink.
 */
function upperTailSum(k: number, n: number, p: number): number {
  const odds = p / (1 - p);
  let term = binomialPmfCore(k, n, p);
  let sum = term;
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * odds;
    sum += term;
    if (term <= sum * NEGLIGIBLE) break;
  }
  return sum;
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p) (Excel: BINOM.DIST(k, n, p, TRUE)). Unchecked core: k and n whole numbers,
 * 0 ≤ p ≤ 1. Sums the shorter tail: below the mean directly, above it as 1 − P(X ≥ k+1).
 * @example binomialCdfCore(6, 10, 0.5) // 0.828125
 */
export function binomialCdfCore(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  if (k < n * p) return Math.min(1, lowerTailSum(k, n, p));
  return Math.max(0, 1 - upperTailSum(k + 1, n, p));
}

/**
 * Upper tail P(X ≥ k) for X ~ Binomial(n, p) (Excel: 1 − BINOM.DIST(k − 1, n, p, TRUE)). Unchecked core: k and n
 * whole numbers, 0 ≤ p ≤ 1. Sums the shorter tail: above the mean directly, below it as 1 − P(X ≤ k−1).
 * @example binomialUpperTailCore(17, 56, 0.3) // ≈ 0.5270
 */
export function binomialUpperTailCore(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (k > n * p) return Math.min(1, upperTailSum(k, n, p));
  return Math.max(0, 1 - lowerTailSum(k - 1, n, p));
}

/**
 * The head count a target share demands: ⌈share·n − 1e-9⌉ (never below 0). Examples: 30 % of 56 = 16.8 → 17 people;
 * 25 % of 56 = 14 exactly → 14; 30 % of 10 = 3.0000000000000004 in floating point → 3. Unchecked core.
 * @example requiredCountCore(56, 0.3) // 17
 */
export function requiredCountCore(n: number, targetShare: number): number {
  return Math.max(0, Math.ceil(targetShare * n - TARGET_TOLERANCE));
}

/**
 * Probability that at least the target share of n participants reach the outcome when each does so with the true
 * rate: P(X ≥ ⌈targetShare·n − 1e-9⌉), X ~ Binomial(n, trueRate). Unchecked core.
 * @example probabilityOfReachingTargetCore(56, 0.3, 0.3) // P(X ≥ 17) ≈ 0.5270
 */
export function probabilityOfReachingTargetCore(n: number, trueRate: number, targetShare: number): number {
  return binomialUpperTailCore(requiredCountCore(n, targetShare), n, trueRate);
}

/**
 * Minimum detectable effect (a difference in proportions, as a fraction) of a two-sample test of proportions, normal
 * approximation with the baseline variance in both groups:
 *
 *   MDE = (z_{1−α/s} + z_{power}) · √(p(1−p)·(1/n1 + 1/n2)),   s = sides (2 = two-sided).
 *
 * Unchecked core: n1, n2 > 0, 0 < p < 1, 0 < alpha < 1, 0 < power < 1.
 * @example minimumDetectableEffectCore(56, 56, 0.2, 0.05, 0.8, 2) // (1.959964 + 0.841621)·√(0.16·2/56) ≈ 0.2118
 */
export function minimumDetectableEffectCore(
  n1: number,
  n2: number,
  baselineRate: number,
  alpha: number,
  power: number,
  sides: TestSides,
): number {
  const z = standardNormalQuantile(1 - alpha / sides) + standardNormalQuantile(power);
  return z * Math.sqrt(baselineRate * (1 - baselineRate) * (1 / n1 + 1 / n2));
}

/**
 * Power of the two-sample z-test of proportions (pooled variance under H0, unpooled under H1) when the participants'
 * rate is baselineRate + effect and the comparison group's is baselineRate:
 *
 *   power = Φ((δ − z·σ0)/σ1) [+ Φ((−δ − z·σ0)/σ1) when two-sided],  z = z_{1−α/s},
 *   σ0 = √(p̄(1−p̄)(1/n1 + 1/n2)), p̄ = (n1·p1 + n2·p2)/(n1 + n2),  σ1 = √(p1(1−p1)/n1 + p2(1−p2)/n2).
 *
 * With n1 = n2 = n this is R's power.prop.test(strict = TRUE). Unchecked core: n1, n2 > 0 (fractions allowed),
 * 0 < baselineRate < 1, 0 ≤ baselineRate + effect ≤ 1, 0 < alpha < 1.
 * @example twoProportionPowerCore(50, 50, 0.5, 0.25, 0.05, 2) // ≈ 0.740 (R: power.prop.test(n=50, p1=.5, p2=.75))
 */
export function twoProportionPowerCore(
  n1: number,
  n2: number,
  baselineRate: number,
  effect: number,
  alpha: number,
  sides: TestSides,
): number {
  const p1 = baselineRate + effect;
  const p2 = baselineRate;
  const pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
  const sigma0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const sigma1 = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const z = standardNormalQuantile(1 - alpha / sides);
  const upper = standardNormalCdf((effect - z * sigma0) / sigma1);
  return sides === 2 ? upper + standardNormalCdf((-effect - z * sigma0) / sigma1) : upper;
}

/** Grid steps used to find the first effect with enough power before bisection. */
const POWER_GRID_STEPS = 1000;

/**
 * The smallest increase δ in (0, 1 − p] at which {@link twoProportionPowerCore} reaches `power`, or null when even
 * δ = 1 − p falls short. A grid of 1000 steps finds the first crossing, bisection refines it to ~1e-12. Unchecked core.
 * @example minimumDetectableEffectSolvedCore(50, 50, 0.5, 0.05, 0.9, 2) // ≈ 0.3026 (R: p2 = 0.8026)
 */
export function minimumDetectableEffectSolvedCore(
  n1: number,
  n2: number,
  baselineRate: number,
  alpha: number,
  power: number,
  sides: TestSides,
): number | null {
  const maxEffect = 1 - baselineRate;
  const powerAt = (effect: number): number => twoProportionPowerCore(n1, n2, baselineRate, effect, alpha, sides);
  if (powerAt(maxEffect) < power) return null;
  let low = 0;
  let high = maxEffect;
  for (let step = 1; step <= POWER_GRID_STEPS; step++) {
    const effect = (maxEffect * step) / POWER_GRID_STEPS;
    if (powerAt(effect) >= power) {
      high = effect;
      break;
    }
    low = effect;
  }
  for (let iteration = 0; iteration < 100 && high - low > 1e-13; iteration++) {
    const middle = (low + high) / 2;
    if (powerAt(middle) >= power) high = middle;
    else low = middle;
  }
  return high;
}

/** The distribution of the outcome count as two columns indexed by k = 0..n. */
export interface BinomialColumns {
  /** P(X = k). */
  readonly probability: Float64Array;
  /** P(X ≤ k), non-decreasing, at most 1. */
  readonly cumulative: Float64Array;
}

/**
 * The distribution of the outcome count as columns P(X = k) and P(X ≤ k) for k = 0..n (no object per row, so
 * n = 1,000,000 stays fast). The cumulative column is summed from the lower end up to the mean and from the upper end
 * (as a complement) above it, so both tails keep their relative accuracy; it is clamped to be non-decreasing and at
 * most 1. Unchecked core.
 * @example binomialColumnsCore(2, 0.5).cumulative // Float64Array [0.25, 0.75, 1]
 */
export function binomialColumnsCore(n: number, p: number): BinomialColumns {
  const probabilities = new Float64Array(n + 1);
  // The pmf is log-concave, so from the mode outwards it only falls: once exp(log P) underflows to exactly 0, every
  // term further out is 0 too and is left at the array's 0 (same values as computing each; n = 1e6 costs ~35,000
  // evaluations instead of 1,000,001).
  const mode = Math.min(n, Math.max(0, Math.floor((n + 1) * p)));
  for (let k = mode; k >= 0; k--) {
    const value = binomialPmfCore(k, n, p);
    probabilities[k] = value;
    if (value === 0 && k < mode) break;
  }
  for (let k = mode + 1; k <= n; k++) {
    const value = binomialPmfCore(k, n, p);
    probabilities[k] = value;
    if (value === 0) break;
  }
  const cumulative = new Float64Array(n + 1);
  const split = Math.floor(n * p);
  let below = 0;
  for (let k = 0; k <= split; k++) {
    below += probabilities[k] ?? 0;
    cumulative[k] = below;
  }
  let above = 0;
  for (let k = n; k > split; k--) {
    cumulative[k] = 1 - above;
    above += probabilities[k] ?? 0;
  }
  let previous = 0;
  for (let k = 0; k <= n; k++) {
    const value = Math.min(1, Math.max(previous, cumulative[k] ?? 0));
    cumulative[k] = value;
    previous = value;
  }
  return { probability: probabilities, cumulative };
}

/**
 * The distribution of the outcome count as rows (k, P(X = k), P(X ≤ k)) for k = 0..n, e.g. for a chart; the same
 * numbers as {@link binomialColumnsCore}. Unchecked core.
 * @example binomialTableCore(2, 0.5) // [{k:0, 0.25, 0.25}, {k:1, 0.5, 0.75}, {k:2, 0.25, 1}]
 */
export function binomialTableCore(n: number, p: number): BinomialRow[] {
  const { probability, cumulative } = binomialColumnsCore(n, p);
  const rows: BinomialRow[] = [];
  for (let k = 0; k <= n; k++) {
    rows.push({ k, probability: probability[k] ?? 0, cumulative: cumulative[k] ?? 0 });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Checked public functions
// ---------------------------------------------------------------------------------------------------------------

function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A number of people, 1..MAX_PARTICIPANTS. Rule `integer`. */
function checkPeople(issues: Issue[], field: string, value: unknown): void {
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < 1 || value > MAX_PARTICIPANTS) {
    issues.push(
      issue(
        "InvalidInput",
        field,
        "integer",
        `${field} must be a whole number of people from 1 to ${MAX_PARTICIPANTS}, got ${shown(value)}.`,
      ),
    );
  }
}

/** A rate or share from 0 to 1 (open at the ends when `open`). Rule `range`. */
function checkRate(issues: Issue[], field: string, value: unknown, open = false): void {
  const inRange = isFiniteNumber(value) && (open ? value > 0 && value < 1 : value >= 0 && value <= 1);
  if (!inRange) {
    const range = open ? "strictly between 0 and 1" : "from 0 to 1";
    issues.push(
      issue(
        "InvalidInput",
        field,
        "range",
        `${field} must be a share ${range} (e.g. 0.3 for 30 %), got ${shown(value)}.`,
      ),
    );
  }
}

/** A whole number of people that may lie outside 0..n (the probability is then 0 or 1). Rule `integer`. */
function checkCount(issues: Issue[], field: string, value: unknown): void {
  if (!isFiniteNumber(value) || !Number.isSafeInteger(value)) {
    issues.push(
      issue("InvalidInput", field, "integer", `${field} must be a whole number of people, got ${shown(value)}.`),
    );
  }
}

/** alpha in [MIN_ALPHA, 1), power in (0, 1) and above alpha, sides 1 or 2. */
function checkTest(issues: Issue[], alpha: unknown, power: unknown, sides: unknown): void {
  checkAlpha(issues, alpha);
  checkProbability(issues, "power", power, "a power");
  const validAlpha = isFiniteNumber(alpha) && alpha > 0 && alpha < 1;
  if (validAlpha && isFiniteNumber(power) && power > 0 && power < 1 && power <= alpha) {
    issues.push(
      issue(
        "InvalidInput",
        "power",
        "aboveAlpha",
        `power must be greater than alpha (${alpha}), the false-alarm rate, got ${power}.`,
      ),
    );
  }
  if (sides !== 1 && sides !== 2) {
    issues.push(
      issue("InvalidInput", "sides", "oneOf", `sides must be 1 (one-sided) or 2 (two-sided), got ${shown(sides)}.`),
    );
  }
}

/** A significance level strictly between 0 and 1 and at least MIN_ALPHA (rule `precision` below it). */
function checkAlpha(issues: Issue[], alpha: unknown): void {
  checkProbability(issues, "alpha", alpha, "a significance level");
  if (isFiniteNumber(alpha) && alpha > 0 && alpha < MIN_ALPHA) {
    issues.push(
      issue(
        "InvalidInput",
        "alpha",
        "precision",
        `alpha must be at least ${MIN_ALPHA}: a smaller significance level puts 1 − alpha/sides so close to 1 that the normal quantile cannot be computed in double precision, got ${shown(alpha)}.`,
      ),
    );
  }
}

function checkProbability(issues: Issue[], field: string, value: unknown, what: string): void {
  if (!isFiniteNumber(value) || value <= 0 || value >= 1) {
    issues.push(
      issue(
        "InvalidInput",
        field,
        "range",
        `${field} must be ${what} strictly between 0 and 1 (e.g. 0.05), got ${shown(value)}.`,
      ),
    );
  }
}

function validated<T>(issues: readonly Issue[], compute: () => T): Result<T> {
  return issues.length > 0 ? failMany(issues) : ok(compute());
}

function distributionIssues(n: number, p: number): Issue[] {
  const issues: Issue[] = [];
  checkPeople(issues, "participants", n);
  checkRate(issues, "trueRate", p);
  return issues;
}

/**
 * P(X = k): the probability that exactly k of n participants reach the outcome when each does with the true rate p
 * (Excel: BINOM.DIST(k, n, p, FALSE)). Fields: `count` (k, a whole number; 0 outside 0..n), `participants` (n, a whole
 * number from 1 to 1,000,000), `trueRate` (p, 0 to 1).
 * @example binomialPmf(6, 10, 0.5) // ok(0.205078125)
 */
export function binomialPmf(k: number, n: number, p: number): Result<number> {
  const issues = distributionIssues(n, p);
  checkCount(issues, "count", k);
  return validated(issues, () => binomialPmfCore(k, n, p));
}

/**
 * P(X ≤ k): the probability that at most k of n participants reach the outcome (Excel: BINOM.DIST(k, n, p, TRUE)).
 * Fields as {@link binomialPmf}.
 * @example binomialCdf(6, 10, 0.5) // ok(0.828125)
 */
export function binomialCdf(k: number, n: number, p: number): Result<number> {
  const issues = distributionIssues(n, p);
  checkCount(issues, "count", k);
  return validated(issues, () => binomialCdfCore(k, n, p));
}

/**
 * P(X ≥ k): the probability that at least k of n participants reach the outcome. Fields as {@link binomialPmf}.
 * @example binomialUpperTail(17, 56, 0.3) // ok(≈ 0.5270)
 */
export function binomialUpperTail(k: number, n: number, p: number): Result<number> {
  const issues = distributionIssues(n, p);
  checkCount(issues, "count", k);
  return validated(issues, () => binomialUpperTailCore(k, n, p));
}

/**
 * The number of people a target share of n participants demands: ⌈targetShare·n − 1e-9⌉, i.e. rounded up, because a
 * target of "30 % of 56" (16.8 people) is met only by 17. Fields `participants`, `targetShare` (0 to 1).
 * @example requiredCount(56, 0.3) // ok(17)
 */
export function requiredCount(n: number, targetShare: number): Result<number> {
  const issues: Issue[] = [];
  checkPeople(issues, "participants", n);
  checkRate(issues, "targetShare", targetShare);
  return validated(issues, () => requiredCountCore(n, targetShare));
}

/**
 * Probability that the contract target is reached: P(X ≥ ⌈targetShare·n − 1e-9⌉) with X ~ Binomial(n, trueRate),
 * each participant reaching the outcome independently with the true rate. Fields `participants` (1 to 1,000,000),
 * `trueRate` (0 to 1), `targetShare` (0 to 1; 0 gives 1, every outcome count meets it).
 * @example probabilityOfReachingTarget(56, 0.3, 0.3) // ok(P(X ≥ 17) ≈ 0.5270)
 */
export function probabilityOfReachingTarget(n: number, trueRate: number, targetShare: number): Result<number> {
  const issues = distributionIssues(n, trueRate);
  checkRate(issues, "targetShare", targetShare);
  return validated(issues, () => probabilityOfReachingTargetCore(n, trueRate, targetShare));
}

function detectableEffectIssues(
  n1: number,
  n2: number,
  baselineRate: number,
  alpha: number,
  power: number,
  sides: number,
): Issue[] {
  const issues: Issue[] = [];
  checkPeople(issues, "participants", n1);
  checkPeople(issues, "comparisonCount", n2);
  checkRate(issues, "baselineRate", baselineRate, true);
  checkTest(issues, alpha, power, sides);
  return issues;
}

/**
 * Minimum detectable effect (a fraction: 0.21 = 21 percentage points) of a comparison of n1 participants with n2
 * people in a comparison group whose rate is the baseline, closed-form normal approximation:
 * MDE = (z_{1−α/s} + z_{power})·√(p(1−p)(1/n1 + 1/n2)). Fields `participants`, `comparisonCount` (whole numbers
 * from 1), `baselineRate` (strictly between 0 and 1: at 0 or 1 the variance is 0), `alpha` (from MIN_ALPHA = 1e-10
 * to below 1: rule `precision` below it) and `power` (strictly between 0 and 1, power above alpha), `sides` (1 or 2,
 * default 2). The result may exceed 1 − p for tiny groups: then no possible effect is detectable.
 * @example minimumDetectableEffect(56, 56, 0.2, 0.05, 0.8) // ok(≈ 0.2118)
 */
export function minimumDetectableEffect(
  n1: number,
  n2: number,
  baselineRate: number,
  alpha: number,
  power: number,
  sides: number = 2,
): Result<number> {
  const issues = detectableEffectIssues(n1, n2, baselineRate, alpha, power, sides);
  return validated(issues, () => minimumDetectableEffectCore(n1, n2, baselineRate, alpha, power, sides === 1 ? 1 : 2));
}

/**
 * Minimum detectable increase solved from the power of the z-test (pooled variance under H0, the participants' own
 * variance under H1; R's power.prop.test for equal groups): the smallest δ with power(p + δ vs p) ≥ `power`. Fields as
 * {@link minimumDetectableEffect}. Fails with `Impossible` (field `power`) when even a rate of 100 % among the
 * participants gives less power. For a decrease (e.g. fewer people on benefits) pass 1 − baselineRate.
 * @example minimumDetectableEffectSolved(50, 50, 0.5, 0.05, 0.9) // ok(≈ 0.3026)
 */
export function minimumDetectableEffectSolved(
  n1: number,
  n2: number,
  baselineRate: number,
  alpha: number,
  power: number,
  sides: number = 2,
): Result<number> {
  const issues = detectableEffectIssues(n1, n2, baselineRate, alpha, power, sides);
  if (issues.length > 0) return failMany(issues);
  const effect = minimumDetectableEffectSolvedCore(n1, n2, baselineRate, alpha, power, sides === 1 ? 1 : 2);
  if (effect === null) {
    return fail(
      "Impossible",
      "power",
      "reachable",
      `power ${power} is out of reach: no rate above baselineRate ${baselineRate} has it with ${n1} and ${n2} people.`,
    );
  }
  return ok(effect);
}

/**
 * Power of the two-sample z-test of proportions when the participants' rate is baselineRate + effect (see
 * {@link twoProportionPowerCore}). Fields as {@link minimumDetectableEffect}, plus `effect` (a fraction with
 * baselineRate + effect from 0 to 1).
 * @example twoProportionPower(50, 50, 0.5, 0.25, 0.05) // ok(≈ 0.740)
 */
export function twoProportionPower(
  n1: number,
  n2: number,
  baselineRate: number,
  effect: number,
  alpha: number,
  sides: number = 2,
): Result<number> {
  const issues: Issue[] = [];
  checkPeople(issues, "participants", n1);
  checkPeople(issues, "comparisonCount", n2);
  checkRate(issues, "baselineRate", baselineRate, true);
  checkAlpha(issues, alpha);
  if (sides !== 1 && sides !== 2) {
    issues.push(
      issue("InvalidInput", "sides", "oneOf", `sides must be 1 (one-sided) or 2 (two-sided), got ${shown(sides)}.`),
    );
  }
  if (!isFiniteNumber(effect) || baselineRate + effect < 0 || baselineRate + effect > 1) {
    issues.push(
      issue(
        "InvalidInput",
        "effect",
        "range",
        `effect must keep baselineRate + effect from 0 to 1 (e.g. 0.1 for 10 percentage points), got ${shown(effect)}.`,
      ),
    );
  }
  return validated(issues, () => twoProportionPowerCore(n1, n2, baselineRate, effect, alpha, sides === 1 ? 1 : 2));
}

/**
 * The distribution of the number of participants reaching the outcome, rows (k, P(X = k), P(X ≤ k)) for k = 0..n.
 * Fields `participants` (1 to 1,000,000), `trueRate` (0 to 1).
 * @example binomialTable(10, 0.5) // ok([...]); row 6 is { k: 6, probability: 0.205078125, cumulative: 0.828125 }
 */
export function binomialTable(n: number, p: number): Result<readonly BinomialRow[]> {
  return validated(distributionIssues(n, p), () => binomialTableCore(n, p));
}

/**
 * The same distribution as {@link binomialTable}, as columns (for SIB.BINOMIAL: no object per row). Fields
 * `participants` (1 to 1,000,000), `trueRate` (0 to 1).
 * @example binomialColumns(10, 0.5) // ok({ probability, cumulative }); cumulative[6] = 0.828125
 */
export function binomialColumns(n: number, p: number): Result<BinomialColumns> {
  return validated(distributionIssues(n, p), () => binomialColumnsCore(n, p));
}
