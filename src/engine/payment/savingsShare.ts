/**
 * Share of savings (payments-and-peers.md b8, DOMAIN.md b7): the payer pays α × the measured savings, either the
 * municipality's own (narrow) or all public budgets' (broad: municipality, state, region and equalisation).
 *
 * Savings are the business case's monthly net flows before the intervention cost (the municipality's net flow
 * includes −cost, so savings = netFlow + cost), kr per programme month. Payments follow a high-water mark: the payer
 * owes α × the largest cumulative saving so far and pays the increase each month, so a month with negative savings
 * is never charged back and never paid twice. The total is α × max(0, max_t Σ_{s≤t} savings_s).
 */
import type { BusinessCaseResult } from "../businessCase";
import { issue, ok, type Issue, type Result } from "../errors";
import { checkList, checkShare, isFiniteNumber } from "./checks";

/** Whose savings are shared: the municipality's (narrow) or all public budgets' (broad). */
export type SavingsScope = "narrow" | "broad";

/**
 * Savings by programme month before the intervention cost, kr: narrow = municipality netFlow + cost, broad = public
 * netFlow + cost.
 * @example savingsByMonth(computeBusinessCase(pilot), "narrow")[20] // the pilot municipality's saving in month 20
 */
export function savingsByMonth(businessCase: BusinessCaseResult, scope: SavingsScope): number[] {
  const flows = businessCase.monthly.netFlow[scope === "narrow" ? "municipality" : "public"];
  return flows.map((flow, month) => flow + (businessCase.monthly.cost[month] ?? 0));
}

/**
 * Unchecked share-of-savings payments by month of saving, kr (before any claim lag): P_t = α × max(0, max_{s≤t} C_s)
 * − Σ_{s<t} P_s, with C the cumulative savings.
 * @example savingsShareCore([100, -50, 80], 0.5) // [50, 0, 15]: cumulative 100, 50, 130 → paid to date 50, 50, 65
 */
export function savingsShareCore(savings: readonly number[], share: number): number[] {
  let cumulative = 0;
  let paid = 0;
  return savings.map((saving) => {
    cumulative += saving;
    const owed = share * Math.max(0, cumulative);
    const payment = Math.max(0, owed - paid);
    paid += payment;
    return payment;
  });
}

/**
 * Checked {@link savingsShareCore}: savings finite kr (fields `savings[t]`), α a share 0–1 (field `share`).
 * @example savingsShare([100, -50, 80], 0.5) // ok([50, 0, 15])
 */
export function savingsShare(savings: readonly number[], share: number): Result<number[]> {
  const issues: Issue[] = [];
  if (checkList(issues, "savings", savings, false)) {
    savings.forEach((saving, t) => {
      if (!isFiniteNumber(saving)) {
        issues.push(issue("InvalidInput", `savings[${t}]`, "number", `savings[${t}] must be a number of kr.`));
      }
    });
  }
  checkShare(issues, "share", share, "a share of the savings from 0 to 1");
  if (issues.length > 0) return { ok: false, issues };
  return ok(savingsShareCore(savings, share));
}
