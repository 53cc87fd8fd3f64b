/**
 * Rate card (tariff): a price per outcome metric, paid per outcome (payments-and-peers.md b1):
 * P = Σ_k p_k · N_k with N_k = share_k × participants.
 *
 * Units: prices in kr per outcome, shares as fractions (0.3 = 30 %), counts in outcomes (expected counts may be
 * fractional). Sign: payments are positive amounts paid by the payer.
 */
import { ok, type Issue, type Result } from "../errors";
import { checkAmount, checkCount, checkList, checkSameLength, checkShare } from "./checks";

/**
 * Unchecked number of outcomes: share × participants.
 * @example outcomeCountCore(0.3, 56) // 16.8
 */
export function outcomeCountCore(share: number, participants: number): number {
  return share * participants;
}

/**
 * Checked {@link outcomeCountCore}: `share` 0–1 (field `share`), `participants` ≥ 0 (field `participants`).
 * @example outcomeCount(0.3, 56) // ok(16.8)
 */
export function outcomeCount(share: number, participants: number): Result<number> {
  const issues: Issue[] = [];
  checkShare(issues, "share", share);
  checkCount(issues, "participants", participants, "a number of people of at least 0");
  if (issues.length > 0) return { ok: false, issues };
  return ok(outcomeCountCore(share, participants));
}

/**
 * Unchecked rate-card payment Σ_k price_k × count_k, kr.
 * @example rateCardPaymentCore([15, 9], [198_090, 99_045]) // 3,862,755
 */
export function rateCardPaymentCore(counts: readonly number[], prices: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += (counts[k] ?? 0) * (prices[k] ?? 0);
  return total;
}

/**
 * Checked {@link rateCardPaymentCore}: counts ≥ 0 (fields `counts[k]`, 0-based), prices kr ≥ 0 (fields `prices[k]`),
 * one price per count (rule `length`).
 * @example rateCardPayment([15, 9], [198_090, 99_045]) // ok(3_862_755)
 */
export function rateCardPayment(counts: readonly number[], prices: readonly number[]): Result<number> {
  const issues: Issue[] = [];
  if (checkList(issues, "counts", counts, true) && checkList(issues, "prices", prices, true)) {
    checkSameLength(issues, "prices", prices, "counts", counts);
    counts.forEach((count, k) => checkCount(issues, `counts[${k}]`, count));
    prices.forEach((price, k) => checkAmount(issues, `prices[${k}]`, price, "a price in kr of at least 0"));
  }
  if (issues.length > 0) return { ok: false, issues };
  return ok(rateCardPaymentCore(counts, prices));
}
