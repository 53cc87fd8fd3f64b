import { fail, ok, type Result } from "../errors";
import { invalidFlow } from "./npv";
import { effectiveAnnualRate, MONTHS_PER_YEAR } from "./rates";
import { percent, solveRate } from "./rateSolve";
import { scanLogRoots, singleLogRoot, uniqueLogRoot, type RateProblem } from "./rootFinding";

/** Options of {@link irr}. */
export interface IrrOptions {
  /**
   * Rate per period, used only when the flows have more than one IRR: the root nearest the guess is returned (and
   * all roots are listed in `roots`). Without a guess several roots are a MultipleRoots failure. The guess is never
   * needed for convergence: the solver brackets every root itself.
   */
  readonly guess?: number | null;
  /** Periods per year, for the effective annual rate and the messages: 12 (default) for monthly flows. */
  readonly periodsPerYear?: number;
}

/** A periodic IRR. */
export interface IrrResult {
  /** The IRR per period (per month for monthly flows), a fraction. */
  readonly rate: number;
  /** The same IRR as an effective annual rate: (1 + rate)^periodsPerYear − 1. */
  readonly effectiveAnnualRate: number;
  readonly periodsPerYear: number;
  /** Every rate per period with NPV 0, ascending (more than one only when a guess picked among them). */
  readonly roots: readonly number[];
  /** Sign changes in the flows (zeros skipped): an upper bound on the number of IRRs (Descartes). */
  readonly signChanges: number;
}

/** Every rate with NPV 0 and the sign changes of the flows. */
export interface RateRoots {
  /** Rates per period (per year for XIRR) with NPV 0, ascending; empty when none exists. */
  readonly roots: readonly number[];
  readonly signChanges: number;
}

/**
 * Sign changes in a sequence of flows, zeros skipped (Descartes' rule of signs: the number of IRRs above −100 % is at
 * most this number and has the same parity). Unchecked core: allocation-free.
 * @param flows Cash flows in kr, in time order.
 * @returns The number of sign changes.
 * @example signChanges([-100, 0, 50, -10, 80]) // 3
 */
export function signChanges(flows: ArrayLike<number>): number {
  let changes = 0;
  let previous = 0;
  for (let t = 0; t < flows.length; t++) {
    const sign = Math.sign(flows[t] as number);
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

/**
 * The IRR per period of periodic flows when exactly one exists, else NaN. Unchecked core for simulations: no
 * validation; allocation-free when the flows change sign once (the usual investor profile: pay in, then receive);
 * flows with more sign changes run the full scan. NaN means "no unique IRR": call {@link irr} for the reason.
 * @param flows Finite cash flows in kr, one per period, period 0 first (investor's view).
 * @returns The IRR per period (per month for monthly flows), or NaN.
 * @example irrCore([-70000, 12000, 15000, 18000, 21000, 26000]) // 0.0866309480365...
 */
export function irrCore(flows: ArrayLike<number>): number {
  const problem = periodicProblem(flows);
  if (problem === null) return Number.NaN;
  const changes = signChanges(flows);
  if (changes === 0) return Number.NaN;
  const rate =
    changes === 1
      ? Math.expm1(uniqueLogRoot(problem.value, problem.signAtInfinity))
      : Math.expm1(singleLogRoot(problem));
  return rate === -1 ? Number.NaN : rate;
}

/**
 * Internal rate of return of periodic flows: the rate r per period with Σ_t CF_t / (1 + r)^t = 0 (t = 0, 1, …; month 0
 * = programme start for monthly flows). Reported per period and as the effective annual rate (1 + r)^n − 1, n =
 * periodsPerYear. Sign convention: investor's view, negative = money paid in, positive = money received.
 *
 * Notes: the root is bracketed (never a Newton step outside a sign change) and refined with Brent's method to about
 * 1e-15 in ln(1 + r). Failures: InvalidInput (empty or non-finite flows), NoSignChange (all flows have one sign or NPV
 * never reaches 0), MultipleRoots (several rates; give a guess to pick the nearest), NoConvergence, Impossible (rule
 * `overflow`: the effective annual rate exceeds the largest double, e.g. flows [-1, 10] with 366 periods per year).
 * Unlike Excel's IRR, several roots are an error rather than whichever root Newton's method happens to reach.
 * @param flows Cash flows in kr, one per period, period 0 first.
 * @param options Optional guess (rate per period, only to choose among several roots) and periodsPerYear (12).
 * @returns The IRR per period and effective per year, with every root found and the sign changes.
 * @example irr([-70000, 12000, 15000, 18000, 21000, 26000], { periodsPerYear: 1 }) // rate 0.086630948 (Microsoft)
 */
export function irr(flows: readonly number[], options: IrrOptions = {}): Result<IrrResult> {
  const checked = checkedOptions(flows, options);
  if (!checked.ok) return checked;
  const { periodsPerYear, guess } = checked.value;
  const problem = periodicProblem(flows) ?? zeroProblem;
  const changes = signChanges(flows);
  const solution = solveRate(problem, changes, guess, { field: "flows", formatRate: rateLabel(periodsPerYear) });
  if (!solution.ok) return solution;
  const annual = effectiveAnnualRate(solution.rate, periodsPerYear);
  if (!Number.isFinite(annual)) return annualOverflow(solution.rate, periodsPerYear);
  return ok({
    rate: solution.rate,
    effectiveAnnualRate: annual,
    periodsPerYear,
    roots: solution.roots,
    signChanges: changes,
  });
}

/**
 * Every rate per period at which the NPV of periodic flows is 0 (ascending), for diagnostics of flows with several
 * sign changes. Always scans the whole grid (see scanLogRoots), so it is slower than {@link irr}.
 * @param flows Cash flows in kr, one per period, period 0 first.
 * @returns The roots (possibly none) and the number of sign changes; InvalidInput or NoConvergence on failure.
 * @example irrRoots([-100, 230, -132]) // roots [0.1, 0.2] (NPV 0 at 10 % and 20 %), signChanges 2
 */
export function irrRoots(flows: readonly number[]): Result<RateRoots> {
  const checked = checkedOptions(flows, {});
  if (!checked.ok) return checked;
  const changes = signChanges(flows);
  const problem = periodicProblem(flows);
  if (problem === null || changes === 0) return ok({ roots: [], signChanges: changes });
  const scan = scanLogRoots(problem);
  if (!scan.converged) {
    return fail("NoConvergence", "flows", "convergence", "flows: the root finder did not converge.");
  }
  return ok({ roots: scan.logRoots.map((u) => Math.expm1(u)), signChanges: changes });
}

function checkedOptions(
  flows: readonly number[],
  options: IrrOptions,
): Result<{ periodsPerYear: number; guess: number | null }> {
  if (flows.length === 0) return fail("InvalidInput", "flows", "required", "flows must contain at least one value.");
  const invalid = invalidFlow(flows, "flows");
  if (invalid !== null) return invalid;
  const periodsPerYear = options.periodsPerYear ?? MONTHS_PER_YEAR;
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    return fail(
      "InvalidInput",
      "periodsPerYear",
      "range",
      `periodsPerYear must be a positive number (12 for monthly flows), got ${periodsPerYear}.`,
    );
  }
  const guess = options.guess ?? null;
  if (guess !== null && (!Number.isFinite(guess) || guess <= -1)) {
    return fail("InvalidInput", "guess", "range", `guess must be a rate above −1 (−100 %), got ${guess}.`);
  }
  return ok({ periodsPerYear, guess });
}

/**
 * Impossible (rule `overflow`): the rate per period exists, but compounded over a year it exceeds the largest double
 * (about 1.8e308), e.g. 900 % per day over 366 periods (10^366).
 */
function annualOverflow(rate: number, periodsPerYear: number): Result<never> {
  return fail(
    "Impossible",
    "flows",
    "overflow",
    `flows: the IRR is ${percent(rate)} per period, and compounded over ${periodsPerYear} periods the annual rate overflows (it exceeds 1.8e308); use periodsPerYear 1 for the rate per period.`,
  );
}

/** "0.690582 % per period (8.6631 % per year)" style labels; plain per-period rates when periodsPerYear is 1. */
function rateLabel(periodsPerYear: number): (rate: number) => string {
  if (periodsPerYear === 1) return (rate) => `${percent(rate)} per period`;
  const period = periodsPerYear === MONTHS_PER_YEAR ? "month" : "period";
  return (rate) => `${percent(rate)} per ${period} (${percent(effectiveAnnualRate(rate, periodsPerYear))} per year)`;
}

const zeroProblem: RateProblem = {
  value: () => 0,
  magnitude: () => 0,
  signAtMinusOne: 0,
  signAtInfinity: 0,
};

/**
 * The uniqueness certificate (isOnlyRoot) is the pure-investment test of Teichroew, Robichek and Montalbano (1965):
 * when the balance B_t = B_{t−1}·(1 + r*) + CF_t keeps the sign of the first flow for every t before the last flow,
 * r* is the only IRR above −100 % (by induction, B_n(r) < 0 for every r > r* and > 0 for every r < r*). Investor
 * flows whose money stays at work until the last distribution pass it, so they skip the scan.
 *
 * The scaled NPV of periodic flows in u = ln(1 + r), over the flows from the first to the last non-zero one:
 * Σ CF_t e^(−(t − first)·u) for u ≥ 0 and Σ CF_t e^((last − t)·u) for u < 0 (positive multiples of the NPV, finite for
 * every u). Null when all flows are 0.
 */
function periodicProblem(flows: ArrayLike<number>): RateProblem | null {
  let first = -1;
  let last = -1;
  for (let t = 0; t < flows.length; t++) {
    if ((flows[t] as number) !== 0) {
      if (first < 0) first = t;
      last = t;
    }
  }
  if (first < 0) return null;
  const evaluate = (u: number, absolute: boolean): number => {
    let total = 0;
    if (u >= 0) {
      const x = Math.exp(-u);
      for (let t = last; t >= first; t--) {
        const flow = flows[t] as number;
        total = total * x + (absolute ? Math.abs(flow) : flow);
      }
    } else {
      const y = Math.exp(u);
      for (let t = first; t <= last; t++) {
        const flow = flows[t] as number;
        total = total * y + (absolute ? Math.abs(flow) : flow);
      }
    }
    return total;
  };
  return {
    value: (u) => evaluate(u, false),
    magnitude: (u) => evaluate(u, true),
    signAtMinusOne: Math.sign(flows[last] as number),
    signAtInfinity: Math.sign(flows[first] as number),
    isOnlyRoot: (u) => {
      const growth = Math.exp(u);
      const sign = Math.sign(flows[first] as number);
      let balance = 0;
      let size = 0;
      for (let t = first; t < last; t++) {
        const flow = flows[t] as number;
        balance = balance * growth + flow;
        size = size * growth + Math.abs(flow);
        if (!(sign * balance > BALANCE_MARGIN * size)) return false;
      }
      return true;
    },
  };
}

/**
 * Margin of the pure-investment certificate: the running balance must keep the first flow's sign by more than this
 * fraction of the compounded Σ|flows| (rounding must not decide uniqueness).
 */
export const BALANCE_MARGIN = 64 * Number.EPSILON;
