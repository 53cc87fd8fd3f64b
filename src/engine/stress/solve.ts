/**
 * Bracketed solvers for the boundary of a condition (the investor reaches its hurdle; the municipality pays at most its
 * share of the savings; a party's NPV is at least 0). Bisection: robust where the function jumps (a threshold, a
 * volume cap) and never leaves its bracket. It returns the end of the final bracket at which the condition holds, so
 * the answer always satisfies the condition, and the other end (at most the tolerance away) does not.
 */

/** Relative tolerance of a boundary: the bracket is narrowed to 1e-12 of the larger end (about 40–50 halvings). */
export const BOUNDARY_TOLERANCE = 1e-12;

/**
 * The boundary between `holds` and not-`holds` in a bracket: `satisfied` must hold, `violated` must not (either may be
 * the larger). Unchecked core.
 * @param holds The condition.
 * @param satisfied An end where it holds.
 * @param violated An end where it does not.
 * @param tolerance Relative width at which to stop (absolute below 1).
 * @returns A point where the condition holds, within the tolerance of a point where it does not.
 * @example conditionBoundary((x) => x * x >= 2, 2, 0) // 1.41421356237…, with x² ≥ 2
 */
export function conditionBoundary(
  holds: (x: number) => boolean,
  satisfied: number,
  violated: number,
  tolerance: number = BOUNDARY_TOLERANCE,
): number {
  let good = satisfied;
  let bad = violated;
  for (let iteration = 0; iteration < 200; iteration++) {
    const width = Math.abs(good - bad);
    if (width <= tolerance * Math.max(1, Math.abs(good), Math.abs(bad))) break;
    const middle = good + (bad - good) / 2;
    if (middle === good || middle === bad) break;
    if (holds(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/** The first point of a doubling search where the condition changes, with the last point before it. */
export interface ExpandedBracket {
  /** The last point with the starting state. */
  readonly inner: number;
  /** The first point with the other state. */
  readonly outer: number;
}

/**
 * Walks x = start, 2·start, 4·start, … up to `limit` and returns the first step at which `holds(x)` differs from
 * `holds(start)`, or null when it never does. Unchecked core: start > 0.
 * @example expandUntilChange((x) => x > 10, 1, 1e6) // { inner: 8, outer: 16 }
 */
export function expandUntilChange(holds: (x: number) => boolean, start: number, limit: number): ExpandedBracket | null {
  const initial = holds(start);
  let inner = start;
  for (let x = start * 2; x <= limit * 2; x *= 2) {
    const point = Math.min(x, limit);
    if (holds(point) !== initial) return { inner, outer: point };
    if (point >= limit) return null;
    inner = point;
  }
  return null;
}
