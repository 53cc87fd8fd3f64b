import { fail, ok, type EngineFailure, type Result } from "../errors";
import { MONTHS_PER_YEAR, periodRate } from "./rates";

/**
 * Net present value of periodic flows at a rate per period: NPV = Σ_t CF_t / (1 + r)^t, t = 0, 1, …, so the first
 * flow (month 0 = programme start) is not discounted. This is the convention of an IRR (NPV at the IRR is 0); it
 * differs from Excel's NPV function (which discounts the first value one period) and from the business case's
 * mid-month discounting. Unchecked core: no validation, no allocation (Horner's scheme in 1 / (1 + r)).
 * @param rate Rate per period (per month for monthly flows), a fraction above −1.
 * @param flows Cash flows in kr, one per period; investor's view: negative = paid in, positive = received.
 * @returns The NPV in kr at period 0.
 * @example npvCore(0.1, [-100, 110]) // 0 (110 one period later is worth 100 today at 10 % per period)
 */
export function npvCore(rate: number, flows: ArrayLike<number>): number {
  const x = 1 / (1 + rate);
  let total = 0;
  for (let t = flows.length - 1; t >= 0; t--) total = total * x + (flows[t] as number);
  return total;
}

/**
 * Checked NPV of periodic flows at a rate per period (see {@link npvCore} for the timing convention).
 * @param rate Rate per period, a fraction above −1 (0.01 = 1 % per month for monthly flows).
 * @param flows Cash flows in kr, one per period, month 0 first (investor's view).
 * @returns The NPV in kr at period 0, or InvalidInput naming `rate` or `flows[i]`.
 * @example npv(0.1, [-100, 60, 60]) // ok(4.13...) = −100 + 60/1.1 + 60/1.21
 */
export function npv(rate: number, flows: readonly number[]): Result<number> {
  if (!Number.isFinite(rate) || rate <= -1) {
    return fail("InvalidInput", "rate", "range", `rate must be a number above −1 (−100 %), got ${rate}.`);
  }
  const invalid = invalidFlow(flows, "flows");
  if (invalid !== null) return invalid;
  return ok(npvCore(rate, flows));
}

/**
 * NPV of monthly flows at a hurdle rate given as an effective annual rate: the monthly rate is
 * (1 + hurdle)^(1/12) − 1 and month t is discounted t months (month 0 not discounted).
 * @param annualRate Effective annual hurdle rate, a fraction above −1 (0.08 = 8 % per year).
 * @param flows Monthly cash flows in kr, month 0 first (investor's view).
 * @param periodsPerYear Periods per year of the flows (12 for monthly flows).
 * @returns The NPV in kr at month 0, or InvalidInput naming `hurdleRate` or `flows[i]`.
 * @example npvAtAnnualRate(0.1, [-100, ...Array(11).fill(0), 110]) // ok(0) (110 after 12 months at 10 % per year)
 */
export function npvAtAnnualRate(
  annualRate: number,
  flows: readonly number[],
  periodsPerYear: number = MONTHS_PER_YEAR,
): Result<number> {
  if (!Number.isFinite(annualRate) || annualRate <= -1) {
    return fail(
      "InvalidInput",
      "hurdleRate",
      "range",
      `hurdleRate must be an effective annual rate above −1 (−100 %), got ${annualRate}.`,
    );
  }
  const invalid = invalidFlow(flows, "flows");
  if (invalid !== null) return invalid;
  return ok(npvCore(periodRate(annualRate, periodsPerYear), flows));
}

/** InvalidInput for the first non-finite flow, or null. */
export function invalidFlow(flows: readonly number[], field: string): EngineFailure | null {
  for (const [index, flow] of flows.entries()) {
    if (!Number.isFinite(flow)) {
      return fail("InvalidInput", `${field}[${index}]`, "finite", `${field}[${index}] must be a number, got ${flow}.`);
    }
  }
  return null;
}
