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
 * Percentiles P5/P10/P50/P90/P95 (Excel's PERCENTILE.INC) and the mean of the first `count` values. Reorders those
 * values in place (it does not sort them fully: each needed order statistic is found by selection, O(n) on average,
 * which gives exactly the values a full sort would).
 * @example distributionOf(Float64Array.from([4, 1, 3, 2]), 4).p50 // 2.5
 */
export function distributionOf(values: Float64Array, count: number): Distribution {
  const used = values.subarray(0, count);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += used[i] as number;
  const at = (q: number): number => percentileBySelection(used, count, q);
  return {
    p5: at(0.05),
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    mean: count === 0 ? Number.NaN : sum / count,
    count,
  };
}

/** PERCENTILE.INC of the first `count` values by selecting the two order statistics around the rank. */
function percentileBySelection(values: Float64Array, count: number, q: number): number {
  if (count === 0) return Number.NaN;
  const rank = q * (count - 1);
  const lower = Math.floor(rank);
  const below = select(values, count, lower);
  if (lower + 1 >= count) return below;
  // After selecting `lower`, everything right of it is ≥ it: the next order statistic is their minimum.
  let above = Infinity;
  for (let i = lower + 1; i < count; i++) above = Math.min(above, values[i] as number);
  return below + (rank - lower) * (above - below);
}

/**
 * The k-th smallest (0-based) of the first `count` values, by Hoare's quickselect with a median-of-three pivot;
 * reorders the values so that position k holds it, smaller ones lie left and larger or equal ones right.
 */
function select(values: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k] as number;
  }
  return values[k] as number;
}
