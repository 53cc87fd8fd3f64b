/**
 * Caps (payments-and-peers.md b3–b5). Units: caps on amounts in kr; volume caps in outcomes. A cap of null means no
 * cap; a cap of 0 pays nothing. Sign: payments are positive amounts paid by the payer.
 *
 * - Volume cap per metric: at most `cap` outcomes are paid over the contract; earlier claims use it up first.
 * - Per-person cap: one person's payments sum to at most `cap`. With counts instead of people, the people are taken
 *   as nested (stacked): those counted for a rarer outcome are among those counted for the more common ones, exactly as
 *   for a chain. The capped price sum of a person then falls along the stack, and each metric is paid its capped
 *   marginal price e_k = min(P_k, cap) − min(P_{k−1}, cap), with P_k the price sum down to metric k.
 * - Contract cap (cumulative): P_t = min(raw_t, CAP − Σ_{s<t} P_s); the last payments are cut.
 */
import { ok, type Issue, type Result } from "../errors";
import { checkAmount, checkCount, checkList, checkOptionalAmount, checkSameLength } from "./checks";

/**
 * Unchecked volume cap over claims in payment order: paid_i = min(count_i, cap − Σ_{j<i} paid_j); null = no cap.
 * @example volumeCapCore([10, 8, 6], 20) // [10, 8, 2]
 */
export function volumeCapCore(counts: readonly number[], cap: number | null): number[] {
  if (cap === null) return counts.slice();
  let used = 0;
  return counts.map((count) => {
    const paid = Math.max(0, Math.min(count, cap - used));
    used += paid;
    return paid;
  });
}

/**
 * Checked {@link volumeCapCore}: counts ≥ 0 (fields `counts[i]`), cap null or ≥ 0 outcomes (field `cap`).
 * @example volumeCap([10, 8, 6], 20) // ok([10, 8, 2])
 */
export function volumeCap(counts: readonly number[], cap: number | null): Result<number[]> {
  const issues: Issue[] = [];
  if (checkList(issues, "counts", counts, false))
    counts.forEach((count, i) => checkCount(issues, `counts[${i}]`, count));
  if (cap !== null) checkCount(issues, "cap", cap, "a number of outcomes of at least 0, or empty for no cap");
  if (issues.length > 0) return { ok: false, issues };
  return ok(volumeCapCore(counts, cap));
}

/**
 * Unchecked per-person capped prices for metrics achieved by the same people (one chain or family). Metrics are
 * stacked by count, largest first (ties in list order); each gets its capped marginal price
 * e = min(P, cap) − min(P_previous, cap), kr per outcome. Σ_k count_k × e_k is then the payment with no person paid
 * more than `cap`. null = no cap (the prices are returned unchanged).
 * @example personCappedPricesCore([10, 8], [30_000, 20_000], 40_000) // [30_000, 10_000]
 */
export function personCappedPricesCore(
  counts: readonly number[],
  prices: readonly number[],
  cap: number | null,
): number[] {
  if (cap === null) return prices.slice();
  const order = counts.map((_, k) => k);
  order.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
  const capped = new Array<number>(prices.length).fill(0);
  let sum = 0;
  let previous = 0;
  for (const k of order) {
    sum += prices[k] ?? 0;
    const current = Math.min(sum, cap);
    capped[k] = current - previous;
    previous = current;
  }
  return capped;
}

/**
 * Checked {@link personCappedPricesCore}: counts ≥ 0 (`counts[k]`), prices kr ≥ 0 (`prices[k]`), one price per count,
 * cap null or kr ≥ 0 (`cap`).
 * @example personCappedPrices([10, 8], [30_000, 20_000], 40_000) // ok([30_000, 10_000]): 8 people get 40,000, 2 get 30,000
 */
export function personCappedPrices(
  counts: readonly number[],
  prices: readonly number[],
  cap: number | null,
): Result<number[]> {
  const issues: Issue[] = [];
  if (checkList(issues, "counts", counts, false) && checkList(issues, "prices", prices, false)) {
    checkSameLength(issues, "prices", prices, "counts", counts);
    counts.forEach((count, k) => checkCount(issues, `counts[${k}]`, count));
    prices.forEach((price, k) => checkAmount(issues, `prices[${k}]`, price, "a price in kr of at least 0"));
  }
  checkOptionalAmount(issues, "cap", cap, "an amount in kr of at least 0, or empty for no cap");
  if (issues.length > 0) return { ok: false, issues };
  return ok(personCappedPricesCore(counts, prices, cap));
}

/**
 * Unchecked cumulative contract cap over months: P_t = min(raw_t, CAP − Σ_{s<t} P_s) (never below 0); null = no cap.
 * @example contractCapCore([100, 200, 300], 450) // [100, 200, 150]
 */
export function contractCapCore(payments: readonly number[], cap: number | null): number[] {
  if (cap === null) return payments.slice();
  let paid = 0;
  return payments.map((raw) => {
    const payment = Math.max(0, Math.min(raw, cap - paid));
    paid += payment;
    return payment;
  });
}

/**
 * Checked {@link contractCapCore}: payments kr ≥ 0 by month (fields `payments[t]`), cap null or kr ≥ 0 (`cap`).
 * @example contractCap([100, 200, 300], 450) // ok([100, 200, 150])
 */
export function contractCap(payments: readonly number[], cap: number | null): Result<number[]> {
  const issues: Issue[] = [];
  if (checkList(issues, "payments", payments, false)) {
    payments.forEach((payment, t) => checkAmount(issues, `payments[${t}]`, payment, "a payment in kr of at least 0"));
  }
  checkOptionalAmount(issues, "cap", cap, "an amount in kr of at least 0, or empty for no cap");
  if (issues.length > 0) return { ok: false, issues };
  return ok(contractCapCore(payments, cap));
}
