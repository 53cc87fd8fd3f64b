import { fail, ok, type EngineFailure, type Result } from "../errors";
import { invalidFlow } from "./npv";
import { percent, solveRate } from "./rateSolve";
import { scanLogRoots, singleLogRoot, uniqueLogRoot, type RateProblem } from "./rootFinding";
import { BALANCE_MARGIN, type RateRoots } from "./irr";

/** Days per year in Excel's XNPV and XIRR (actual/365, leap years included). */
export const DAYS_PER_YEAR = 365;
/** Excel's last valid date serial (31-Dec-9999). */
export const MAX_DATE_SERIAL = 2958465;

/** An XIRR. */
export interface XirrResult {
  /** The annual rate (actual/365 day count from the first date), a fraction. */
  readonly rate: number;
  /** Every annual rate with XNPV 0, ascending (more than one only when a guess picked among them). */
  readonly roots: readonly number[];
  /** Sign changes of the flows in date order (flows on the same date added first). */
  readonly signChanges: number;
}

/**
 * XNPV as Excel computes it: Σ_i P_i / (1 + r)^((d_i − d_1)/365), where d_1 is the first date in the list (not the
 * earliest). Unchecked core: no validation, no allocation, dates are used as given (not truncated).
 * @param rate Annual rate (actual/365), a fraction above −1.
 * @param values Cash flows in kr (investor's view: negative = paid in).
 * @param dates Dates as Excel serial numbers (days; 39448 = 1-Jan-2008), one per value.
 * @returns The present value in kr at the first date.
 * @example xnpvCore(0.09, [-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // 2086.6476020...
 */
export function xnpvCore(rate: number, values: ArrayLike<number>, dates: ArrayLike<number>): number {
  const start = dates[0] as number;
  const logGrowth = Math.log1p(rate);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += (values[i] as number) * Math.exp((-((dates[i] as number) - start) / DAYS_PER_YEAR) * logGrowth);
  }
  return total;
}

/**
 * XNPV with Excel's conventions and checks: dates are truncated to whole days, every date must be on or after the
 * first date, values and dates must have the same length. Excel answers #NUM! for the last two; here they are
 * InvalidInput issues naming the argument.
 * @param rate Annual discount rate (actual/365), a fraction above −1 (0.09 = 9 % per year).
 * @param values Cash flows in kr (investor's view: negative = paid in, positive = received).
 * @param dates Dates as Excel serial numbers, one per value, none before the first.
 * @returns The present value in kr at the first date.
 * @example xnpv(0.09, [-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // ok(2086.647602) (Microsoft)
 */
export function xnpv(rate: number, values: readonly number[], dates: readonly number[]): Result<number> {
  if (!Number.isFinite(rate) || rate <= -1) {
    return fail("InvalidInput", "rate", "range", `rate must be a number above −1 (−100 %), got ${rate}.`);
  }
  const checked = checkedSchedule(values, dates);
  if (!checked.ok) return checked;
  return ok(xnpvCore(rate, values, checked.value));
}

/**
 * The XIRR of flows sorted by date when exactly one exists, else NaN. Unchecked core for simulations: requires finite
 * values and whole-day dates in non-decreasing order (dates[0] is the first date); allocation-free when the flows
 * change sign once. NaN means "no unique XIRR": call {@link xirr} for the reason.
 * @param values Cash flows in kr, in date order.
 * @param dates Excel date serials, non-decreasing.
 * @returns The annual rate (actual/365), or NaN.
 * @example xirrCore([-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // 0.37336253...
 */
export function xirrCore(values: ArrayLike<number>, dates: ArrayLike<number>): number {
  const problem = datedProblem(values, dates);
  if (problem === null) return Number.NaN;
  const changes = datedSignChanges(values, dates);
  if (changes === 0) return Number.NaN;
  const rate =
    changes === 1
      ? Math.expm1(uniqueLogRoot(problem.value, problem.signAtInfinity))
      : Math.expm1(singleLogRoot(problem));
  return rate === -1 ? Number.NaN : rate;
}

/**
 * Excel's XIRR: the annual rate r with Σ_i P_i / (1 + r)^((d_i − d_1)/365) = 0 (actual/365 from the first date; dates
 * as Excel serials, truncated to whole days; every date on or after the first; dates need not be sorted otherwise).
 * Sign convention: investor's view, negative = paid in, positive = received.
 *
 * Notes: the root is bracketed by scanning rates from just above −100 % upwards and refined with Brent's method, so
 * strongly negative rates converge without a guess (Excel's Newton iteration often does not). Failures: InvalidInput
 * naming `values`, `dates` or `guess`; NoSignChange; MultipleRoots (give a guess to pick the nearest root);
 * NoConvergence.
 * @param values Cash flows in kr.
 * @param dates Dates as Excel serial numbers, one per value.
 * @param guess Annual rate used only to choose among several XIRRs (null: several roots are MultipleRoots).
 * @returns The XIRR as an annual rate, every root found and the sign changes.
 * @example xirr([-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // rate 0.373362535 (Microsoft)
 */
export function xirr(
  values: readonly number[],
  dates: readonly number[],
  guess: number | null = null,
): Result<XirrResult> {
  const sorted = sortedSchedule(values, dates);
  if (!sorted.ok) return sorted;
  if (guess !== null && (!Number.isFinite(guess) || guess <= -1)) {
    return fail("InvalidInput", "guess", "range", `guess must be a rate above −1 (−100 %), got ${guess}.`);
  }
  const { values: sortedValues, dates: sortedDates } = sorted.value;
  const changes = datedSignChanges(sortedValues, sortedDates);
  const problem = datedProblem(sortedValues, sortedDates) ?? zeroProblem;
  const solution = solveRate(problem, changes, guess, {
    field: "values",
    formatRate: (rate) => `${percent(rate)} per year`,
  });
  if (!solution.ok) return solution;
  return ok({ rate: solution.rate, roots: solution.roots, signChanges: changes });
}

/**
 * Every annual rate at which the XNPV is 0 (ascending), for diagnostics of flows with several sign changes.
 * @param values Cash flows in kr.
 * @param dates Dates as Excel serial numbers, one per value, none before the first.
 * @returns The roots (possibly none) and the number of sign changes.
 * @example xirrRoots([-100, 230, -132], [39448, 39813, 40178]) // two roots near 10 % and 20 % per year
 */
export function xirrRoots(values: readonly number[], dates: readonly number[]): Result<RateRoots> {
  const sorted = sortedSchedule(values, dates);
  if (!sorted.ok) return sorted;
  const changes = datedSignChanges(sorted.value.values, sorted.value.dates);
  const problem = datedProblem(sorted.value.values, sorted.value.dates);
  if (problem === null || changes === 0) return ok({ roots: [], signChanges: changes });
  const scan = scanLogRoots(problem);
  if (!scan.converged) {
    return fail("NoConvergence", "values", "convergence", "values: the root finder did not converge.");
  }
  return ok({ roots: scan.logRoots.map((u) => Math.expm1(u)), signChanges: changes });
}

/** Validates values and dates with Excel's rules; returns the dates truncated to whole days. */
function checkedSchedule(values: readonly number[], dates: readonly number[]): Result<number[]> {
  if (values.length === 0) return fail("InvalidInput", "values", "required", "values must contain at least one value.");
  if (dates.length !== values.length) {
    return fail(
      "InvalidInput",
      "dates",
      "length",
      `dates must have one date per value: ${values.length} values but ${dates.length} dates.`,
    );
  }
  const invalid = invalidFlow(values, "values");
  if (invalid !== null) return invalid;
  const days: number[] = [];
  for (const [index, date] of dates.entries()) {
    const day = Math.trunc(date);
    if (!Number.isFinite(date) || day < 1 || day > MAX_DATE_SERIAL) {
      return dateIssue(index, `must be an Excel date serial from 1 to ${MAX_DATE_SERIAL}, got ${date}.`);
    }
    const start = days[0];
    if (start !== undefined && day < start) {
      return dateIssue(index, `(${day}) is before the first date (${start}); every date must be on or after it.`);
    }
    days.push(day);
  }
  return ok(days);
}

function dateIssue(index: number, rule: string): EngineFailure {
  const field = `dates[${index}]`;
  return fail("InvalidInput", field, "date", `${field} ${rule}`);
}

/** Checked schedule sorted by date (stable); same-date flows stay separate (they are added when counting signs). */
function sortedSchedule(
  values: readonly number[],
  dates: readonly number[],
): Result<{ values: number[]; dates: number[] }> {
  const checked = checkedSchedule(values, dates);
  if (!checked.ok) return checked;
  const days = checked.value;
  const order = days.map((_, index) => index).sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
  return ok({ values: order.map((i) => values[i] as number), dates: order.map((i) => days[i] as number) });
}

/** Sign changes in date order, flows on the same date added first. Allocation-free; dates must be sorted. */
function datedSignChanges(values: ArrayLike<number>, dates: ArrayLike<number>): number {
  let changes = 0;
  let previous = 0;
  let i = 0;
  while (i < values.length) {
    const date = dates[i] as number;
    let sum = 0;
    while (i < values.length && (dates[i] as number) === date) {
      sum += values[i] as number;
      i++;
    }
    const sign = Math.sign(sum);
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

const zeroProblem: RateProblem = { value: () => 0, magnitude: () => 0, signAtMinusOne: 0, signAtInfinity: 0 };

/**
 * Scaled XNPV in u = ln(1 + r) for date-sorted flows, over the first to the last date with a non-zero total:
 * Σ P_i e^(−(τ_i − τ_first)·u) for u ≥ 0 and Σ P_i e^((τ_last − τ_i)·u) for u < 0, τ = days/365.
 */
function datedProblem(values: ArrayLike<number>, dates: ArrayLike<number>): RateProblem | null {
  const n = values.length;
  let first = -1;
  let last = -1;
  let firstSign = 0;
  let lastSign = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    const date = dates[i] as number;
    let sum = 0;
    while (i < n && (dates[i] as number) === date) {
      sum += values[i] as number;
      i++;
    }
    if (sum !== 0) {
      if (first < 0) {
        first = start;
        firstSign = Math.sign(sum);
      }
      last = i - 1;
      lastSign = Math.sign(sum);
    }
  }
  if (first < 0) return null;
  const firstDay = dates[first] as number;
  const lastDay = dates[last] as number;
  const evaluate = (u: number, absolute: boolean): number => {
    let total = 0;
    for (let k = first; k <= last; k++) {
      const day = dates[k] as number;
      const years = (u >= 0 ? firstDay - day : lastDay - day) / DAYS_PER_YEAR;
      const value = values[k] as number;
      total += (absolute ? Math.abs(value) : value) * Math.exp(years * u);
    }
    return total;
  };
  return {
    value: (u) => evaluate(u, false),
    magnitude: (u) => evaluate(u, true),
    signAtMinusOne: lastSign,
    signAtInfinity: firstSign,
    isOnlyRoot: (u) => {
      // Pure investment at the root (see periodicProblem in irr.ts), balances compounded from date to date.
      let balance = 0;
      let size = 0;
      let previousDay = firstDay;
      let k = first;
      while (k <= last) {
        const day = dates[k] as number;
        if (day === lastDay) break;
        const growth = Math.exp((u * (day - previousDay)) / DAYS_PER_YEAR);
        balance *= growth;
        size *= growth;
        while (k <= last && (dates[k] as number) === day) {
          balance += values[k] as number;
          size += Math.abs(values[k] as number);
          k++;
        }
        if (!(firstSign * balance > BALANCE_MARGIN * size)) return false;
        previousDay = day;
      }
      return true;
    },
  };
}
