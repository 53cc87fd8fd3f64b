/**
 * Chained (sequenced) triggers (payments-and-peers.md b2): a later metric is payable only for people who achieved
 * the earlier one, so its payable count is min(count, payable count of its prerequisite).
 *
 * A chain is given as `requires[k]`: the 0-based index of metric k's prerequisite, which must come earlier in the
 * list (requires[k] < k), or null for none. Counts are outcomes (may be fractional expected counts).
 */
import { issue, ok, type Issue, type Result } from "../errors";
import { checkCount, checkList, checkSameLength, shown } from "./checks";

/**
 * Unchecked chained counts: payable_k = min(count_k, payable_{requires_k}), in list order.
 * @example chainedCountsCore([10, 12, 4], [null, 0, 1]) // [10, 10, 4]
 */
export function chainedCountsCore(counts: readonly number[], requires: readonly (number | null)[]): number[] {
  const payable = new Array<number>(counts.length);
  for (let k = 0; k < counts.length; k++) {
    const count = counts[k] ?? 0;
    const prerequisite = requires[k];
    const limit = prerequisite === null || prerequisite === undefined ? Infinity : (payable[prerequisite] ?? 0);
    payable[k] = Math.min(count, limit);
  }
  return payable;
}

/**
 * Pushes an issue (rule `order`) for every `requires` entry that is not null or the index of an earlier metric.
 * @example checkRequires(issues, "requires", [null, 1]) // pushes { field: "requires[1]", rule: "order" }
 */
export function checkRequires(issues: Issue[], field: string, requires: readonly (number | null)[]): void {
  requires.forEach((prerequisite, k) => {
    if (prerequisite === null) return;
    if (!Number.isInteger(prerequisite) || prerequisite < 0 || prerequisite >= k) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}[${k}]`,
          "order",
          `${field}[${k}] must be empty or the position of an earlier metric (0 to ${k - 1}), got ${shown(prerequisite)}.`,
        ),
      );
    }
  });
}

/**
 * Checked {@link chainedCountsCore}: counts ≥ 0 (fields `counts[k]`), one `requires` entry per count, each null or
 * an earlier index (fields `requires[k]`, rule `order`).
 * @example chainedCounts([10, 12, 4], [null, 0, 1]) // ok([10, 10, 4])
 */
export function chainedCounts(counts: readonly number[], requires: readonly (number | null)[]): Result<number[]> {
  const issues: Issue[] = [];
  if (checkList(issues, "counts", counts, false) && checkList(issues, "requires", requires, false)) {
    counts.forEach((count, k) => checkCount(issues, `counts[${k}]`, count));
    if (checkSameLength(issues, "requires", requires, "counts", counts)) checkRequires(issues, "requires", requires);
  }
  if (issues.length > 0) return { ok: false, issues };
  return ok(chainedCountsCore(counts, requires));
}
