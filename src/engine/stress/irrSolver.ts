/**
 * A reusable IRR solver for simulations, equal to the investor engine's `irrCore` (the tests compare them bit for
 * bit) but without creating closures per call: for flows with exactly one sign change (the usual investor profile:
 * pay in, then receive) it evaluates the same scaled NPV in u = ln(1 + r) as irrCore's `periodicProblem` and calls
 * the same solver (`uniqueLogRoot`, Brent's method in a bracket expanded from r = 0); every other case is handed to
 * `irrCore` itself.
 */
import { irrCore } from "../investor/irr";
import { uniqueLogRoot } from "../investor/rootFinding";

/** Solves IRRs of monthly flows; one solver per simulation (not shared between concurrent runs). */
export interface IrrSolver {
  /**
   * The IRR per period of the flows when exactly one exists, else NaN (as irrCore).
   * @param flows Cash flows in kr, period 0 first (investor's view).
   */
  solve(flows: Float64Array): number;
  /**
   * {@link IrrSolver.solve} when the caller has already scanned the flows as solve does: `first` and `last` the first
   * and last month with a non-zero flow (Math.sign ≠ 0), `changes` the number of sign changes between them.
   */
  solveScanned(flows: Float64Array, first: number, last: number, changes: number): number;
}

/**
 * Creates a solver.
 * @example irrSolver().solve(Float64Array.of(-100, 110)) // 0.1 (10 % per period), as irrCore([-100, 110])
 */
export function irrSolver(): IrrSolver {
  let current: Float64Array = new Float64Array(0);
  let first = 0;
  let last = 0;
  // The scaled NPV of irrCore's periodicProblem (value, not magnitude): positive multiples of the NPV at r = e^u − 1.
  const value = (u: number): number => {
    let total = 0;
    if (u >= 0) {
      const x = Math.exp(-u);
      for (let t = last; t >= first; t--) total = total * x + (current[t] as number);
    } else {
      const y = Math.exp(u);
      for (let t = first; t <= last; t++) total = total * y + (current[t] as number);
    }
    return total;
  };
  const solveScanned = (flows: Float64Array, firstMonth: number, lastMonth: number, changes: number): number => {
    if (changes !== 1) return irrCore(flows);
    current = flows;
    first = firstMonth;
    last = lastMonth;
    const rate = Math.expm1(uniqueLogRoot(value, Math.sign(flows[first] as number)));
    return rate === -1 ? Number.NaN : rate;
  };
  return {
    solve(flows: Float64Array): number {
      let changes = 0;
      let previous = 0;
      let firstMonth = -1;
      let lastMonth = 0;
      for (let t = 0; t < flows.length; t++) {
        const flow = flows[t] as number;
        const sign = Math.sign(flow);
        if (sign === 0) continue;
        if (firstMonth < 0) firstMonth = t;
        lastMonth = t;
        // Stryker disable next-line UpdateOperator: equivalent in value, a count ≠ 1 only skips the fast path (irrCore).
        if (previous !== 0 && sign !== previous) changes++;
        previous = sign;
      }
      return solveScanned(flows, firstMonth, lastMonth, changes);
    },
    solveScanned,
  };
}
