/**
 * Bracketing root finders shared by IRR and XIRR (and usable by other solvers, e.g. a deal-zone search).
 *
 * Rates are searched in the log-growth variable u = ln(1 + r): every rate above −100 % is a finite u, equal steps in u
 * are equal relative steps in 1 + r, and NPV evaluated at u never overflows when it is scaled by a positive factor
 * (see {@link RateProblem}). Roots are refined with Brent's method (bisection safeguarded inverse quadratic
 * interpolation), which never leaves its bracket, so a returned root is always a true sign change of the function.
 */

/** A function of the log-growth u = ln(1 + r). */
export type LogRateFunction = (logGrowth: number) => number;

/**
 * NPV as a function of u = ln(1 + r), multiplied by a positive factor so that it stays finite for every u (the factor
 * changes neither the sign nor the roots).
 */
export interface RateProblem {
  /** The scaled NPV at u. */
  readonly value: LogRateFunction;
  /** Σ |terms| with the same scaling: the size the value is compared with when checking for a touching root. */
  readonly magnitude: LogRateFunction;
  /** Sign of the value as r → −100 % (u → −∞): the sign of the last non-zero flow. */
  readonly signAtMinusOne: number;
  /** Sign of the value as r → ∞ (u → ∞): the sign of the first non-zero flow. */
  readonly signAtInfinity: number;
  /**
   * Optional certificate of uniqueness: true only when the root at u is provably the only one (e.g. the flows are a
   * pure investment at that rate). Lets flows with several sign changes skip the full scan.
   */
  readonly isOnlyRoot?: (logGrowth: number) => boolean;
}

/**
 * The scan grid: u from −14 to 14 in steps of 0.01, i.e. 1 + r from e^−14 to e^14 (r from −99.99992 % to about
 * 1.2 million % per period), each step 1 % of 1 + r. Roots outside the grid are found when their number there is odd
 * (the sign at the grid edge differs from the limit sign).
 */
export const RATE_SCAN = { minLogGrowth: -14, maxLogGrowth: 14, steps: 2800 } as const;

/** Largest |u| searched: 1 + r = e^±700 (beyond that doubles overflow). */
const LOG_GROWTH_LIMIT = 700;
/** Brent tolerance in u (plus 2ε|u|): the rate r = e^u − 1 is accurate to about (1 + r) · 1e-15, far below 1e-12. */
export const LOG_GROWTH_TOLERANCE = 1e-15;
/** A local extremum of NPV closer to 0 than this fraction of Σ|terms| counts as a (touching, double) root. */
const TOUCH_TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

/** Outcome of a scan: the roots in u (ascending), or the bracket where Brent's method did not converge. */
export type RootScan =
  | { readonly converged: true; readonly logRoots: readonly number[] }
  | { readonly converged: false; readonly lo: number; readonly hi: number };

/**
 * Brent's method on a bracket [a, b] with f(a)·f(b) ≤ 0. Unchecked core: allocation-free.
 * @param f The function.
 * @param a One end of the bracket.
 * @param b The other end.
 * @param fa f(a), already evaluated.
 * @param fb f(b), already evaluated.
 * @param tolerance Absolute tolerance in x (a relative 2·ε·|x| is added).
 * @returns A root within the tolerance, or NaN when the ends do not bracket a root or after 200 iterations.
 * @example brentCore((x) => x * x - 2, 0, 2, -2, 2, 1e-14) // 1.4142135623730951
 */
export function brentCore(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolerance: number,
): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) return Number.NaN;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return Number.NaN;
}

/**
 * The root of a rate problem known to have exactly one root (e.g. cash flows with one sign change, by Descartes'
 * rule): expands a bracket from u = 0 (r = 0) outwards by doubling steps, then refines with Brent. Allocation-free.
 * @param value Scaled NPV as a function of u = ln(1 + r).
 * @param signAtInfinity Sign of value as u → ∞ (the sign of the first non-zero flow).
 * @returns The root in u, or NaN when no bracket was found up to |u| = 700 or Brent did not converge.
 * @example uniqueLogRoot((u) => -100 + 110 * Math.exp(-u), -1) // Math.log(1.1)
 */
export function uniqueLogRoot(value: LogRateFunction, signAtInfinity: number): number {
  const atZero = value(0);
  if (atZero === 0) return 0;
  // With one root, r = 0 and r → ∞ have the same sign exactly when the root is below 0.
  return searchFromZero(value, atZero, Math.sign(atZero) === signAtInfinity ? -1 : 1);
}

/**
 * A root that the problem certifies as the only one (see RateProblem.isOnlyRoot), found like {@link uniqueLogRoot}
 * from r = 0 towards the limit of opposite sign; NaN when there is no certificate, no bracket or the root is not
 * certified (then a full scan is needed). Allocation-free apart from the certificate.
 * @param problem The scaled NPV, its limit signs and its certificate.
 * @returns The root in u = ln(1 + r), or NaN.
 * @example certifiedLogRoot(periodicProblemOf([-100, -50, 80, -10, 120])) // the only IRR of a pure investment
 */
export function certifiedLogRoot(problem: RateProblem): number {
  const certificate = problem.isOnlyRoot;
  if (certificate === undefined) return Number.NaN;
  const atZero = problem.value(0);
  let root: number;
  if (atZero === 0) root = 0;
  else if (Math.sign(atZero) !== problem.signAtInfinity) root = searchFromZero(problem.value, atZero, 1);
  else if (Math.sign(atZero) !== problem.signAtMinusOne) root = searchFromZero(problem.value, atZero, -1);
  else return Number.NaN;
  return !Number.isNaN(root) && certificate(root) ? root : Number.NaN;
}

/** Expands a bracket from u = 0 in one direction by doubling steps up to |u| = 700, then refines with Brent. */
function searchFromZero(value: LogRateFunction, atZero: number, direction: -1 | 1): number {
  let inner = 0;
  let innerValue = atZero;
  for (let step = 0.125; ; step *= 2) {
    const outer = direction * Math.min(step, LOG_GROWTH_LIMIT);
    const outerValue = value(outer);
    if (outerValue === 0) return outer;
    if (Math.sign(outerValue) !== Math.sign(atZero)) {
      return brentCore(value, inner, outer, innerValue, outerValue, LOG_GROWTH_TOLERANCE);
    }
    if (step >= LOG_GROWTH_LIMIT) return Number.NaN;
    inner = outer;
    innerValue = outerValue;
  }
}

/**
 * All roots of a rate problem, found by scanning the grid {@link RATE_SCAN} for sign changes, checking each local
 * minimum of |NPV| between grid points for two close roots (or a touching root), checking beyond the grid when the
 * edge sign differs from the limit sign, and refining every bracket with Brent's method.
 *
 * Limitation: roots that lie closer together than one grid step (1 % of 1 + r) and produce no local minimum of |NPV|
 * on the grid (i.e. NPV has three or more turning points within 2 % of 1 + r) can be missed.
 * @param problem The scaled NPV and its limit signs.
 * @returns The roots in u = ln(1 + r), ascending, or the bracket where refinement did not converge.
 * @example scanLogRoots(problem) // { converged: true, logRoots: [Math.log(1.1), Math.log(1.2)] }
 */
export function scanLogRoots(problem: RateProblem): RootScan {
  const { value } = problem;
  const { minLogGrowth, maxLogGrowth, steps } = RATE_SCAN;
  const grid = new Float64Array(steps + 1);
  const values = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k++) {
    const u = minLogGrowth + ((maxLogGrowth - minLogGrowth) * k) / steps;
    grid[k] = u;
    values[k] = value(u);
  }
  const roots: number[] = [];
  const brackets: [number, number, number, number][] = [];

  const first = values[0] as number;
  const last = values[steps] as number;
  if (first !== 0 && Math.sign(first) !== problem.signAtMinusOne) {
    const bracket = expandBracket(value, minLogGrowth, first, -1);
    if (bracket !== null) brackets.push(bracket);
  }
  if (last !== 0 && Math.sign(last) !== problem.signAtInfinity) {
    const bracket = expandBracket(value, maxLogGrowth, last, 1);
    if (bracket !== null) brackets.push(bracket);
  }

  // Grid points where NPV is 0 up to rounding (exactly 0, or a local minimum of |NPV| within TOUCH_TOLERANCE of
  // Σ|terms|): their sign is noise, so they take part in no sign-change bracket of their own.
  const zero = new Uint8Array(steps + 1);
  for (let k = 0; k <= steps; k++) {
    const v = values[k] as number;
    if (v === 0) zero[k] = 1;
    else if (k > 0 && k < steps) {
      const size = Math.abs(v);
      if (
        size <= Math.abs(values[k - 1] as number) &&
        size <= Math.abs(values[k + 1] as number) &&
        size <= TOUCH_TOLERANCE * problem.magnitude(grid[k] as number)
      ) {
        zero[k] = 1;
      }
    }
  }

  for (let k = 0; k <= steps; k++) {
    const u = grid[k] as number;
    const v = values[k] as number;
    if (zero[k] === 1) {
      const inside = k > 0 && k < steps && zero[k - 1] === 0 && zero[k + 1] === 0;
      const before = inside ? (values[k - 1] as number) : 0;
      const after = inside ? (values[k + 1] as number) : 0;
      if (inside && Math.sign(before) !== Math.sign(after)) {
        // A simple crossing at (or next to) the grid point: bracket it with the neighbours.
        brackets.push([grid[k - 1] as number, grid[k + 1] as number, before, after]);
        continue;
      }
      roots.push(u);
      if (inside) {
        // Both neighbours have one sign: a touching root, or a second root within a step on either side.
        const sign = Math.sign(before);
        for (const [end, endValue] of [
          [grid[k - 1] as number, before],
          [grid[k + 1] as number, after],
        ] as const) {
          const turn = goldenMinimum((x) => sign * value(x), Math.min(u, end), Math.max(u, end));
          const atTurn = value(turn);
          if (
            Math.sign(atTurn) === -sign &&
            // Stryker disable next-line ConditionalExpression: judged equivalent, not proven (docs/mutation.md).
            Math.abs(turn - u) > 1e-9
          ) {
            brackets.push([turn, end, atTurn, endValue]);
          }
        }
      }
      continue;
    }
    if (k < steps && zero[k + 1] === 0) {
      const next = values[k + 1] as number;
      if (Math.sign(next) !== Math.sign(v)) brackets.push([u, grid[k + 1] as number, v, next]);
    }
    if (k > 0 && k < steps && zero[k - 1] === 0 && zero[k + 1] === 0) {
      const before = values[k - 1] as number;
      const after = values[k + 1] as number;
      const sameSign = Math.sign(before) === Math.sign(v) && Math.sign(after) === Math.sign(v);
      if (sameSign && Math.abs(v) < Math.abs(before) && Math.abs(v) <= Math.abs(after)) {
        // A local minimum of |NPV| between grid points: two close roots or a touching root may hide here.
        const lo = grid[k - 1] as number;
        const hi = grid[k + 1] as number;
        const sign = Math.sign(v);
        const turn = goldenMinimum((x) => sign * value(x), lo, hi);
        const atTurn = value(turn);
        if (Math.sign(atTurn) === -sign) {
          brackets.push([lo, turn, before, atTurn], [turn, hi, atTurn, after]);
        } else if (Math.abs(atTurn) <= TOUCH_TOLERANCE * problem.magnitude(turn)) {
          roots.push(turn);
        }
      }
    }
  }

  for (const [lo, hi, fLo, fHi] of brackets) {
    const root = brentCore(value, lo, hi, fLo, fHi, LOG_GROWTH_TOLERANCE);
    if (Number.isNaN(root)) return { converged: false, lo, hi };
    roots.push(root);
  }
  roots.sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const root of roots) {
    const previous = distinct[distinct.length - 1];
    if (previous === undefined || root - previous > 1e-9 * Math.max(1, Math.abs(root))) distinct.push(root);
  }
  return { converged: true, logRoots: distinct };
}

/**
 * The only root of a rate problem, else NaN (none, several, or no convergence): a certified root when the problem
 * certifies one (no scan), otherwise the root of a full scan when it finds exactly one.
 * @param problem The scaled NPV and its limit signs.
 * @returns The root in u = ln(1 + r), or NaN.
 * @example singleLogRoot(problem) // Math.log(1.1)
 */
export function singleLogRoot(problem: RateProblem): number {
  const certified = certifiedLogRoot(problem);
  if (!Number.isNaN(certified)) return certified;
  const scan = scanLogRoots(problem);
  return scan.converged && scan.logRoots.length === 1 ? (scan.logRoots[0] as number) : Number.NaN;
}

/** Doubles the distance from the grid edge until the sign changes; null when none up to |u| = 700. */
function expandBracket(
  value: LogRateFunction,
  edge: number,
  edgeValue: number,
  direction: -1 | 1,
): [number, number, number, number] | null {
  let inner = edge;
  let innerValue = edgeValue;
  for (let distance = Math.abs(edge) * 2; ; distance *= 2) {
    const outer = direction * Math.min(distance, LOG_GROWTH_LIMIT);
    const outerValue = value(outer);
    if (outerValue === 0 || Math.sign(outerValue) !== Math.sign(edgeValue)) {
      return direction < 0 ? [outer, inner, outerValue, innerValue] : [inner, outer, innerValue, outerValue];
    }
    if (distance >= LOG_GROWTH_LIMIT) return null;
    inner = outer;
    innerValue = outerValue;
  }
}

/** Golden-section search for the minimum of f on [lo, hi] (to about 1e-15 relative). */
function goldenMinimum(f: (x: number) => number, lo: number, hi: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let iteration = 0; iteration < 100 && b - a > 1e-15 * Math.max(1, Math.abs(a)); iteration++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return fc < fd ? c : d;
}
