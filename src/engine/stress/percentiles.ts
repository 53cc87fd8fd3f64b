/**
 * Percentiles of simulated values, as Excel's PERCENTILE.INC: for sorted values x_0 ≤ … ≤ x_{n−1} and a probability
 * q, the rank h = q·(n − 1) is interpolated linearly between x_⌊h⌋ and x_⌊h⌋+1.
 */

/** The probabilities a stress report shows: P5, P10, P50, P90, P95. */
export const REPORTED_PERCENTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** A simulated distribution: percentiles, mean and how many values it is based on. */
export interface Distribution {
  readonly p5: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly mean: number;
  /** Number of draws the statistics use (NaN statistics when 0). */
  readonly count: number;
}

/**
 * PERCENTILE.INC of the first `count` values of an ascending array. Unchecked: 0 ≤ q ≤ 1; NaN when count is 0.
 * @param sorted Values sorted ascending (only the first `count` are used).
 * @param count Number of values.
 * @param q Probability, 0 to 1.
 * @returns The interpolated percentile.
 * @example percentileOfSorted(Float64Array.of(1, 2, 3, 4), 4, 0.5) // 2.5 (Excel: PERCENTILE.INC({1,2,3,4}, 0.5))
 */
export function percentileOfSorted(sorted: ArrayLike<number>, count: number, q: number): number {
  if (count === 0) return Number.NaN;
  const rank = q * (count - 1);
  const lower = Math.floor(rank);
  const below = sorted[lower] as number;
  if (lower + 1 >= count) return below;
  const above = sorted[lower + 1] as number;
  return below + (rank - lower) * (above - below);
}

/**
 * Sorts the first `count` values in place (ascending) and summarises them.
 * @param values A typed array whose first `count` entries are the values (finite numbers).
 * @param count Number of values.
 * @returns P5, P10, P50, P90, P95, the mean and the count.
 * @example distributionOf(Float64Array.of(3, 1, 2), 3) // { p50: 2, mean: 2, count: 3, ... }
 */
export function distributionOf(values: Float64Array, count: number): Distribution {
  const used = values.subarray(0, count);
  used.sort();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += used[i] as number;
  return {
    p5: percentileOfSorted(used, count, 0.05),
    p10: percentileOfSorted(used, count, 0.1),
    p50: percentileOfSorted(used, count, 0.5),
    p90: percentileOfSorted(used, count, 0.9),
    p95: percentileOfSorted(used, count, 0.95),
    mean: count === 0 ? Number.NaN : sum / count,
    count,
  };
}
