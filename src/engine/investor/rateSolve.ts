import { fail, type EngineFailure } from "../errors";
import { certifiedLogRoot, scanLogRoots, uniqueLogRoot, type RateProblem } from "./rootFinding";

/** What the IRR and XIRR solvers found: the chosen rate and every root, or the failure with its diagnosis. */
export type RateSolution =
  { readonly ok: true; readonly rate: number; readonly roots: readonly number[] } | EngineFailure;

/** How a solver names its flows and rates in messages. */
export interface RateLabels {
  /** Field named in issues, e.g. `flows` or `values`. */
  readonly field: string;
  /** Formats a rate for a message, e.g. "8.66 % per month (181.4 % per year)". */
  readonly formatRate: (rate: number) => string;
}

/**
 * Solves a rate problem by the number of sign changes of its flows (Descartes' rule of signs: the number of rates
 * above −100 % with NPV 0 is at most the number of sign changes, and has the same parity):
 * - 0 sign changes: NoSignChange;
 * - 1 sign change: exactly one root, found by expanding a bracket and Brent's method;
 * - 2 or more: a root found from r = 0 that the problem certifies as the only one (pure investment), else a full
 *   scan; no root is NoSignChange, several roots are MultipleRoots unless a guess was given, in which
 *   case the root nearest the guess is returned with the list of all roots.
 */
export function solveRate(
  problem: RateProblem,
  signChanges: number,
  guess: number | null,
  labels: RateLabels,
): RateSolution {
  const { field, formatRate } = labels;
  if (signChanges === 0) {
    const message =
      problem.signAtInfinity === 0
        ? `${field}: all flows are 0, so every rate gives NPV 0 and there is no IRR.`
        : `${field}: all flows have the same sign (all ${problem.signAtInfinity > 0 ? "≥" : "≤"} 0): no rate makes NPV 0.`;
    return fail("NoSignChange", field, "signChange", message);
  }
  if (signChanges === 1) {
    const root = uniqueLogRoot(problem.value, problem.signAtInfinity);
    if (Number.isNaN(root)) {
      return fail(
        "NoConvergence",
        field,
        "convergence",
        `${field} change sign once, but the root finder found no rate within 1 + r = e^±700.`,
      );
    }
    const rate = Math.expm1(root);
    if (rate === -1) return belowPrecision(field, root);
    return { ok: true, rate, roots: [rate] };
  }
  const certified = certifiedLogRoot(problem);
  if (!Number.isNaN(certified)) {
    const rate = Math.expm1(certified);
    return rate === -1 ? belowPrecision(field, certified) : { ok: true, rate, roots: [rate] };
  }
  const scan = scanLogRoots(problem);
  if (!scan.converged) {
    return fail(
      "NoConvergence",
      field,
      "convergence",
      `${field}: the root finder did not converge between ${formatRate(Math.expm1(scan.lo))} and ${formatRate(Math.expm1(scan.hi))}.`,
    );
  }
  const roots = scan.logRoots.map((u) => Math.expm1(u));
  const [only] = roots;
  if (only === undefined) {
    return fail(
      "NoSignChange",
      field,
      "signChange",
      `${field} change sign ${signChanges} times, but NPV does not reach 0 at any rate above −100 %: no IRR.`,
    );
  }
  if (roots.length === 1)
    return only === -1 ? belowPrecision(field, scan.logRoots[0] ?? -Infinity) : { ok: true, rate: only, roots };
  if (guess !== null) {
    const nearest = roots.reduce((best, root) => (Math.abs(root - guess) < Math.abs(best - guess) ? root : best));
    if (nearest === -1) return belowPrecision(field, Math.log1p(nearest));
    return { ok: true, rate: nearest, roots };
  }
  const listed = roots.slice(0, 3).map(formatRate).join(", ");
  const more = roots.length > 3 ? ` and ${roots.length - 3} more` : "";
  return fail(
    "MultipleRoots",
    field,
    "multipleRoots",
    `${field} change sign ${signChanges} times and NPV is 0 at ${roots.length} rates: ${listed}${more}. Give a guess to pick one.`,
  );
}

/** A root so close to −100 % that the rate rounds to −1 in double precision (1 + r below about 1e-16). */
function belowPrecision(field: string, logGrowth: number): EngineFailure {
  return fail(
    "NoConvergence",
    field,
    "precision",
    `${field}: the IRR is −100 % to double precision (1 + r = e^${logGrowth.toPrecision(4)}); the flows differ in size by too much.`,
  );
}

/** A rate as a percentage with 6 significant digits, e.g. "8.66309 %". */
export function percent(rate: number): string {
  return `${Number((100 * rate).toPrecision(6))} %`;
}
