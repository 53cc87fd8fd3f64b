import { fail, ok, type Result } from "../errors";
import { invalidFlow } from "./npv";

/**
 * Money multiple (MOIC) of net flows: Σ positive flows / Σ |negative flows| (money received per krone paid in;
 * timing ignored). Unchecked core: allocation-free; Infinity or NaN when nothing is paid in.
 * Note: on net monthly flows a month with both a draw and a distribution counts only its net amount; use the gross
 * totals of {@link investorFlows} when that matters.
 * @param flows Cash flows in kr, investor's view (negative = paid in, positive = received).
 * @returns The multiple, e.g. 1.2 (1.2 kr back per krone invested).
 * @example moneyMultipleCore([-100, 30, 90]) // 1.2
 */
export function moneyMultipleCore(flows: ArrayLike<number>): number {
  let paidIn = 0;
  let received = 0;
  for (let t = 0; t < flows.length; t++) {
    const flow = flows[t] as number;
    if (flow < 0) paidIn -= flow;
    else received += flow;
  }
  return received / paidIn;
}

/**
 * Checked money multiple (MOIC) of net flows: Σ distributions / Σ contributions. InvalidInput when a flow is not a
 * number or nothing is paid in (no negative flow: check the sign convention).
 * @param flows Cash flows in kr, investor's view (negative = paid in, positive = received).
 * @returns The multiple (1 = money back, below 1 = a loss), e.g. 1.2.
 * @example moneyMultiple([-100, 30, 90]) // ok(1.2)
 */
export function moneyMultiple(flows: readonly number[]): Result<number> {
  const invalid = invalidFlow(flows, "flows");
  if (invalid !== null) return invalid;
  if (!flows.some((flow) => flow < 0)) {
    return fail(
      "InvalidInput",
      "flows",
      "contribution",
      "flows contain no contribution (negative value): the multiple is undefined. Money paid in must be negative.",
    );
  }
  return ok(moneyMultipleCore(flows));
}
