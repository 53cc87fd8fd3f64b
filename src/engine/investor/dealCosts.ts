/**
 * Deal costs by month and in the socio-economic account (issue 11 item 5). Which account each cost enters
 * (docs/investor.md, "Deal costs"): setup, evaluation and the intermediary's fees are financed by the investor (they are
 * drawn, so they enter the investor's flows, IRR, multiple and caps); the provider's cost of non-delivery is borne by
 * the provider. All five use real resources (lawyers, evaluators, intermediaries, staff), so all five are costs in the
 * socio-economic account; the outcome payments themselves are transfers and do not enter it.
 */
import { dealCostAt, lastCostMonth, providerDealCostAt } from "./waterfall";
import { NO_DEAL_COSTS, type DealCosts, type InvestorTerms } from "./terms";

/** Deal costs per programme month, kr (≥ 0). */
export interface DealCostSchedule {
  /** Financed by the investor (drawn): setup, evaluation, intermediary fees. */
  readonly investor: readonly number[];
  /** Borne by the provider: its cost of non-delivery. */
  readonly provider: readonly number[];
  readonly totals: { readonly investor: number; readonly provider: number; readonly all: number };
  /** Present value of all deal costs at the business case's mid-month factors, kr (a socio-economic cost). */
  readonly presentValue: number;
}

/**
 * The deal costs of investor terms by month, for intervention costs `costs` (the evaluation and the provider's cost
 * fall in the last month with a cost) over `months` months, and their present value with `discountFactors` (the
 * business case's, DF(t) = (1 + i)^−(t + 0.5)/12; months beyond them are not discounted further than the last).
 * @example dealCostSchedule({ ...terms, dealCosts: { ...NO_DEAL_COSTS, setup: 100 } }, [5], 2, [1, 1]).totals.all // 100
 */
export function dealCostSchedule(
  terms: InvestorTerms,
  costs: ArrayLike<number>,
  months: number,
  discountFactors: readonly number[],
): DealCostSchedule {
  const deal: DealCosts = terms.dealCosts ?? NO_DEAL_COSTS;
  const last = lastCostMonth(costs);
  const investor = Array.from({ length: months }, (_, t) => dealCostAt(deal, t, last));
  const provider = Array.from({ length: months }, (_, t) => providerDealCostAt(deal, t, last));
  let investorTotal = 0;
  let providerTotal = 0;
  let presentValue = 0;
  const lastFactor = discountFactors[discountFactors.length - 1] ?? 1;
  for (let t = 0; t < months; t++) {
    const a = investor[t] ?? 0;
    const b = provider[t] ?? 0;
    investorTotal += a;
    providerTotal += b;
    presentValue += (a + b) * (discountFactors[t] ?? lastFactor);
  }
  return {
    investor,
    provider,
    totals: { investor: investorTotal, provider: providerTotal, all: investorTotal + providerTotal },
    presentValue,
  };
}
