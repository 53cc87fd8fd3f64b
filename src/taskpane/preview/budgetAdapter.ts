/**
 * The review step's budget view and "SIB vs doing it ourselves" (issue 10 items 3–4), from the engine: the budget
 * year, the three overslagsår and the remainder per account in current prices (src/engine/budget.ts), and the
 * municipality's NPV, worst cash position and its month, and loss at zero effect, self-funded and under the SIB
 * (src/engine/selfFunded.ts). The taskpane only shows these numbers.
 */
import { computeBudget, type BudgetAccount } from "../../engine/budget";
import { computeBusinessCase } from "../../engine/businessCase";
import type { Result } from "../../engine/errors";
import { investorTerms, type InvestorTermsInput } from "../../engine/investor";
import { computePaymentSchedule } from "../../engine/payment/schedule";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { compareFinancing, type FinancingComparison } from "../../engine/selfFunded";

/** The accounts of the review's budget table, in order. */
export const REVIEW_BUDGET_ACCOUNTS = [
  "municipality",
  "outcomePayments",
  "municipalityWithSib",
  "state",
  "public",
] as const satisfies readonly BudgetAccount[];
export type ReviewBudgetAccount = (typeof REVIEW_BUDGET_ACCOUNTS)[number];

/** The budget table and the financing comparison of a case. Amounts in kr, current prices of each year. */
export interface ReviewBudget {
  /** The budget year (the start date's year); columns are it, the three overslagsår and the remainder. */
  readonly startYear: number;
  /** The start date's calendar month, 1–12 (programme month 0). */
  readonly startMonth: number;
  /** First year of the remainder column (startYear + 4). */
  readonly remainderFrom: number;
  /** The yearly price change used (fraction). */
  readonly priceIndex: number;
  /** The year of the fixed prices (the parameter year). */
  readonly priceYear: number;
  /** Five amounts per account: budget year, three overslagsår, remainder (positive = net gain, payments = paid). */
  readonly rows: Readonly<Record<ReviewBudgetAccount, readonly number[]>>;
  readonly financing: FinancingComparison;
}

/**
 * The review step's budget and financing figures of a validated case.
 * @example reviewBudget(pilot, PILOT_PAYMENT_TERMS, {}) // ok({ startYear: 2026, remainderFrom: 2030, rows: {…}, … })
 */
export function reviewBudget(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
): Result<ReviewBudget> {
  const checked = investorTerms(investor);
  if (!checked.ok) return checked;
  const businessCase = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, businessCase, terms);
  const budget = computeBudget(scenario, businessCase, schedule, checked.value);
  const rows = Object.fromEntries(
    REVIEW_BUDGET_ACCOUNTS.map((account) => [account, budget.summary[account]]),
  ) as Record<ReviewBudgetAccount, readonly number[]>;
  return {
    ok: true,
    value: {
      startYear: budget.startYear,
      startMonth: budget.startMonth,
      remainderFrom: budget.remainderFrom,
      priceIndex: budget.priceIndex,
      priceYear: budget.priceYear,
      rows,
      financing: compareFinancing(scenario, businessCase, schedule, terms, checked.value),
    },
  };
}
