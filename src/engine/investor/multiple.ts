import { fail, ok, type Result } from "../errors";
import { invalidFlow } from "./npv";

/**
 * Money multiple (MOIC) of net flows: Σ positive flows / Σ |negative flows| (money received per krone paid in;
 * timing ignored). Unchecked core: allocation-free; Infinity or NaN when nothing is paid in or the ratio overflows.
 * Note: on net monthly flows a month with both a draw and a distribution counts only its net amount; use the gross
 * totals of {@link investorFlows} when that matters.
 * @param flows Cash flows in kr, investor's view (negative = paid in, positive = received).
 * @returns The multiple, e.g. 1.2 (1.2 kr back per krone invested).
 * @example moneyMultipleCore([-100, 30, 90]) // 1.2
 */
export function moneyMultipleCore(flows: ArrayLike<number>): number {
  const sums = flowSums(flows, 1);
  if (Number.isFinite(sums.paidIn) && Number.isFinite(sums.received)) return sums.received / sums.paidIn;
  // A sum overflowed (flows near 1.8e308): sum again scaled by a power of two, which is exact and keeps the ratio.
  let largest = 0;
  for (let t = 0; t < flows.length; t++) largest = Math.max(largest, Math.abs(flows[t] as number));
  const scaled = flowSums(flows, 2 ** -Math.ceil(Math.log2(largest)));
  return scaled.received / scaled.paidIn;
}

/** Σ |negative flows| and Σ positive flows, each flow multiplied by `scale` first. */
function flowSums(flows: ArrayLike<number>, scale: number): { paidIn: number; received: number } {
  let paidIn = 0;
  let received = 0;
  for (let t = 0; t < flows.length; t++) {
    const flow = (flows[t] as number) * scale;
    if (flow < 0) paidIn -= flow;
    else received += flow;
  }
  return { paidIn, received };
}

/**
 * Checked money multiple (MOIC) of net flows: Σ distributions / Σ contributions. InvalidInput when a flow is not a
 * number or nothing is paid in (no negative flow: check the sign convention); Impossible (rule `overflow`) when the
 * ratio exceeds the largest double (e.g. [-1e-300, 1e10]). Sums near 1.8e308 are scaled, so [-1e308, -1e308, 1e308]
 * gives 0.5.
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
  const multiple = moneyMultipleCore(flows);
  if (!Number.isFinite(multiple)) {
    return fail(
      "Impossible",
      "flows",
      "overflow",
      "flows: money received divided by money paid in overflows (it exceeds 1.8e308): the amounts paid in are too small next to those received.",
    );
  }
  return ok(multiple);
}
