import { fail, failMany, issue, ok, type Issue, type Result } from "../errors";
import { irr, type IrrResult } from "./irr";
import { npvCore } from "./npv";
import { MONTHS_PER_YEAR, periodRate } from "./rates";
import { investorSummary, type InvestorSummary } from "./summary";
import {
  investorTerms,
  NO_DEAL_COSTS,
  type DealCosts,
  type InvestorTerms,
  type InvestorTermsInput,
  type TopUpPayer,
} from "./terms";

/** Monthly series of the waterfall, one entry per programme month (month 0 = programme start). All kr, ≥ 0 unless noted. */
export interface WaterfallBuffers {
  /** Capital the investor pays in (intervention cost plus the investor-financed deal costs). */
  readonly drawn: Float64Array;
  /** The investor-financed deal costs of the month (setup, evaluation, intermediary; part of `drawn` unless upfront). */
  readonly dealCosts: Float64Array;
  /** Outcome payments passed to the investor within the cap. */
  readonly distributions: Float64Array;
  /** Outcome payments beyond the cap. */
  readonly surplus: Float64Array;
  /** The investor's share of the surplus (paid on top of the capped return). */
  readonly surplusToInvestor: Float64Array;
  /** Principal-protection top-up (only in the last month). */
  readonly topUp: Float64Array;
  /** The investor's net flow: −drawn + distributions + surplusToInvestor + topUp (negative = paid in). */
  readonly netFlow: Float64Array;
}

/** Totals of a waterfall run (kr). */
export interface WaterfallTotals {
  /** Principal: all capital drawn (intervention cost + investor-financed deal costs). */
  readonly drawn: number;
  /** The investor-financed deal costs within the horizon (part of `drawn`). */
  readonly dealCosts: number;
  readonly payments: number;
  readonly distributions: number;
  readonly surplus: number;
  readonly surplusToInvestor: number;
  readonly topUp: number;
  /** Everything the investor receives: distributions + surplusToInvestor + topUp. */
  readonly returned: number;
}

/** Investor metrics of one waterfall. */
export interface InvestorMetrics {
  /** The IRR of the monthly net flows: `rate` per month and `effectiveAnnualRate`, or why there is none. */
  readonly irr: Result<IrrResult>;
  /** Money multiple: returned / drawn (gross, so draws and distributions in the same month both count). */
  readonly moneyMultiple: number;
  /** Net gain in kr: returned − drawn (undiscounted). */
  readonly netGain: number;
  /** NPV of the net flows at the hurdle (effective annual, month t discounted t months), or null without a hurdle. */
  readonly npvAtHurdle: number | null;
}

/** The investor's flows and metrics for given costs, outcome payments and terms. Monthly arrays, kr. */
export interface InvestorFlowsResult {
  readonly months: number;
  readonly terms: InvestorTerms;
  readonly drawn: readonly number[];
  /** Investor-financed deal costs per month, by when they fall due (with draw "upfront" they are drawn in month 0). */
  readonly dealCosts: readonly number[];
  readonly distributions: readonly number[];
  readonly surplus: readonly number[];
  /** The surplus split by recipient (see SurplusShares). */
  readonly surplusSplit: {
    readonly investor: readonly number[];
    readonly provider: readonly number[];
    readonly commissioner: readonly number[];
    readonly reinvested: readonly number[];
  };
  readonly topUp: readonly number[];
  /** Who pays the top-up (from the terms), or null when there is no top-up. */
  readonly topUpPayer: TopUpPayer | null;
  /** The investor's net flow per month: negative = paid in, positive = received. */
  readonly netFlow: readonly number[];
  readonly totals: WaterfallTotals;
  /** True when a cap withheld part of the outcome payments (surplus > 0). */
  readonly capReached: boolean;
  readonly metrics: InvestorMetrics;
  /** IRR never alone: the IRR (or why there is none), multiple, NPV at the hurdle (default 5 %) and a timing note. */
  readonly summary: InvestorSummary;
}

/**
 * Allocates buffers for {@link waterfallCore} (reuse them across simulation draws of the same length).
 * @param months Number of programme months.
 * @returns Zero-filled monthly series.
 * @example waterfallBuffers(50).netFlow.length // 50
 */
export function waterfallBuffers(months: number): WaterfallBuffers {
  return {
    drawn: new Float64Array(months),
    dealCosts: new Float64Array(months),
    distributions: new Float64Array(months),
    surplus: new Float64Array(months),
    surplusToInvestor: new Float64Array(months),
    topUp: new Float64Array(months),
    netFlow: new Float64Array(months),
  };
}

/**
 * The investor waterfall, month by month. Unchecked core for simulations: inputs must be validated (costs and
 * payments finite and ≥ 0, Σ costs > 0, terms from {@link investorTerms}); writes every entry of `out` (whose length
 * is the horizon, at least the longer input; missing months count as 0) and allocates nothing.
 *
 * Rules, for month t = 0 … T (T = last month of the horizon):
 * 1. Draw: "asNeeded" draws cost_t + deal_t in month t; "upfront" draws Σ (cost + deal) at month 0. deal_t = the
 *    investor-financed deal costs ({@link dealCostAt}). Outcome payments are not used to fund later costs.
 * 2. Cap: the outcome payment of month t goes to the investor up to the cap, the rest is surplus. IRR cap c (effective
 *    annual): a balance B_t = B_{t−1}·(1 + c_m) + draw_t − distribution_t with c_m = (1 + c)^(1/12) − 1, and the
 *    distribution is at most B before it, so the investor's NPV at c is never positive (IRR ≤ c) and reaches 0 when
 *    payments suffice. Multiple cap M: cumulative distributions at most M × Σ drawn (the whole principal).
 * 3. Surplus: split by the surplus shares; only the investor's share enters the investor's flows.
 * 4. Principal protection (maxLoss L): in month T the payer tops up so that the investor's total receipts are at least
 *    (1 − L) × principal (undiscounted).
 * @param costs Intervention cost per month in kr (positive = money spent), month 0 first.
 * @param payments Outcome payments per month in kr (≥ 0), month 0 first.
 * @param terms Validated terms.
 * @param out Buffers of the horizon's length (see waterfallBuffers).
 * @returns The totals.
 * @example waterfallCore([100], [0, 110], terms, waterfallBuffers(2)) // out.netFlow = [-100, 110]
 */
export function waterfallCore(
  costs: ArrayLike<number>,
  payments: ArrayLike<number>,
  terms: InvestorTerms,
  out: WaterfallBuffers,
): WaterfallTotals {
  const months = out.netFlow.length;
  const deal = terms.dealCosts ?? NO_DEAL_COSTS;
  const lastCost = lastCostMonth(costs);
  let principal = 0;
  let totalDeal = 0;
  for (let t = 0; t < months; t++) {
    const dealCost = dealCostAt(deal, t, lastCost);
    out.dealCosts[t] = dealCost;
    totalDeal += dealCost;
    principal += (t < costs.length ? (costs[t] as number) : 0) + dealCost;
  }
  for (let t = months; t < costs.length; t++) principal += costs[t] as number;
  const capIrr = terms.returnCap.irr;
  const capMonthlyGrowth = capIrr === null ? 0 : 1 + periodRate(capIrr, MONTHS_PER_YEAR);
  const capTotal = terms.returnCap.multiple === null ? Infinity : terms.returnCap.multiple * principal;
  const investorShare = terms.surplusShare.investor;

  let balance = 0;
  let distributed = 0;
  let totalPayments = 0;
  let totalSurplus = 0;
  let totalToInvestor = 0;
  for (let t = 0; t < months; t++) {
    const draw =
      terms.draw === "upfront"
        ? t === 0
          ? principal
          : 0
        : (t < costs.length ? (costs[t] as number) : 0) + (out.dealCosts[t] as number);
    const payment = t < payments.length ? (payments[t] as number) : 0;
    let allowed = payment;
    if (capIrr !== null) {
      balance = balance * capMonthlyGrowth + draw;
      allowed = Math.min(allowed, Math.max(0, balance));
    }
    allowed = Math.min(allowed, Math.max(0, capTotal - distributed));
    balance -= allowed;
    distributed += allowed;
    const surplus = payment - allowed;
    const toInvestor = investorShare * surplus;
    totalPayments += payment;
    totalSurplus += surplus;
    totalToInvestor += toInvestor;
    out.drawn[t] = draw;
    out.distributions[t] = allowed;
    out.surplus[t] = surplus;
    out.surplusToInvestor[t] = toInvestor;
    out.topUp[t] = 0;
    out.netFlow[t] = allowed + toInvestor - draw;
  }
  let topUp = 0;
  const maxLoss = terms.maxLoss;
  if (maxLoss !== null && months > 0) {
    topUp = Math.max(0, (1 - maxLoss) * principal - distributed - totalToInvestor);
    out.topUp[months - 1] = topUp;
    out.netFlow[months - 1] = (out.netFlow[months - 1] as number) + topUp;
  }
  return {
    drawn: principal,
    dealCosts: totalDeal,
    payments: totalPayments,
    distributions: distributed,
    surplus: totalSurplus,
    surplusToInvestor: totalToInvestor,
    topUp,
    returned: distributed + totalToInvestor + topUp,
  };
}

/**
 * The last month with an intervention cost above 0 (0 when there is none): when the evaluation and the provider's
 * cost of non-delivery fall due.
 * @example lastCostMonth([5, 5, 0]) // 1
 */
export function lastCostMonth(costs: ArrayLike<number>): number {
  for (let t = costs.length - 1; t >= 0; t--) if ((costs[t] as number) > 0) return t;
  return 0;
}

/**
 * The investor-financed deal costs falling due in programme month t, kr: setup + intermediaryOneOff in month 0;
 * evaluation in `lastCost` (the last month with an intervention cost); intermediaryYearly in months 0, 12, 24, … while
 * the year number ⌊t/12⌋ < intermediaryYears (null = every year). The provider's cost of non-delivery is not the
 * investor's (see {@link providerDealCostAt}).
 * @example dealCostAt({ ...NO_DEAL_COSTS, setup: 100, intermediaryYearly: 10 }, 12, 11) // 10
 */
export function dealCostAt(deal: DealCosts, t: number, lastCost: number): number {
  let cost = 0;
  if (t === 0) cost += deal.setup + deal.intermediaryOneOff;
  if (t === lastCost) cost += deal.evaluation;
  if (t % 12 === 0 && (deal.intermediaryYears === null || t / 12 < deal.intermediaryYears)) {
    cost += deal.intermediaryYearly;
  }
  return cost;
}

/**
 * The provider's own deal cost in month t, kr: providerNonDelivery in `lastCost`, else 0 (not in the investor's flows).
 * @example providerDealCostAt({ ...NO_DEAL_COSTS, providerNonDelivery: 50 }, 11, 11) // 50
 */
export function providerDealCostAt(deal: DealCosts, t: number, lastCost: number): number {
  return t === lastCost ? deal.providerNonDelivery : 0;
}

/**
 * The investor's monthly flows and metrics for a SIB: capital drawn for the intervention costs, outcome payments
 * distributed up to a return cap, the surplus split, a principal-protection top-up, and the IRR (per month and
 * effective per year), money multiple and NPV at the hurdle. See {@link waterfallCore} for the rules.
 *
 * Conventions: monthly periods, month 0 = programme start; the investor's view (negative = money paid in, positive =
 * money received); the horizon is the longer of the two series (trailing zeros extend it, and the top-up falls in its
 * last month).
 * @param costByMonth Intervention cost per month in kr (≥ 0), e.g. the business case's monthly.cost (pilot: 369,768
 *   kr in months 0 to 11 = 79,236 kr × 56 participants over 12 months).
 * @param paymentsByMonth Outcome payments by the commissioner per month in kr (≥ 0).
 * @param terms Investor terms (partial; defaults in DEFAULT_INVESTOR_TERMS).
 * @returns The monthly series, totals and metrics; InvalidInput naming `costByMonth[i]`, `paymentsByMonth[i]` or
 *   `terms.<name>`; Impossible (rule `overflow`) when a total or flow exceeds about 1.8e308 kr.
 * @example investorFlows([100], [0, 0, 121], { draw: "upfront" }) // netFlow [-100, 0, 121], IRR 10 % per month
 */
export function investorFlows(
  costByMonth: readonly number[],
  paymentsByMonth: readonly number[],
  terms: InvestorTermsInput = {},
): Result<InvestorFlowsResult> {
  const issues: Issue[] = [
    ...seriesIssues(costByMonth, "costByMonth"),
    ...seriesIssues(paymentsByMonth, "paymentsByMonth"),
  ];
  if (issues.length > 0) return failMany(issues);
  const checkedTerms = investorTerms(terms);
  if (!checkedTerms.ok) return checkedTerms;
  const valid = checkedTerms.value;
  const months = Math.max(costByMonth.length, paymentsByMonth.length);
  const deal = valid.dealCosts ?? NO_DEAL_COSTS;
  const lastCost = lastCostMonth(costByMonth);
  let principal = costByMonth.reduce((sum, cost) => sum + cost, 0);
  for (let t = 0; t < months; t++) principal += dealCostAt(deal, t, lastCost);
  if (!(principal > 0)) {
    return fail(
      "InvalidInput",
      "costByMonth",
      "positive",
      "costByMonth must contain a cost above 0 (or the terms a deal cost): nothing is invested. With outcome payments and nothing to finance, the provider keeps the payments (investor/moneyFlows.ts).",
    );
  }
  const out = waterfallBuffers(months);
  const totals = waterfallCore(costByMonth, paymentsByMonth, valid, out);
  const netFlow = Array.from(out.netFlow);
  const npvAtHurdle = valid.hurdleRate === null ? null : npvCore(periodRate(valid.hurdleRate), netFlow);
  const overflow = overflowIssue(totals, out.netFlow, npvAtHurdle);
  if (overflow !== null) return overflow;
  const irrResult = irr(netFlow, { periodsPerYear: MONTHS_PER_YEAR });
  const split = (share: number): number[] => Array.from(out.surplus, (surplus) => share * surplus);
  return ok({
    months,
    terms: valid,
    drawn: Array.from(out.drawn),
    dealCosts: Array.from(out.dealCosts),
    distributions: Array.from(out.distributions),
    surplus: Array.from(out.surplus),
    surplusSplit: {
      investor: Array.from(out.surplusToInvestor),
      provider: split(valid.surplusShare.provider),
      commissioner: split(valid.surplusShare.commissioner),
      reinvested: split(valid.surplusShare.reinvested),
    },
    topUp: Array.from(out.topUp),
    topUpPayer: totals.topUp > 0 ? valid.topUpPayer : null,
    netFlow,
    totals,
    capReached: totals.surplus > 0,
    metrics: {
      irr: irrResult,
      moneyMultiple: totals.returned / totals.drawn,
      netGain: totals.returned - totals.drawn,
      npvAtHurdle,
    },
    summary: investorSummary(irrResult, netFlow, totals.drawn, totals.returned, valid.hurdleRate),
  });
}

/**
 * Impossible (rule `overflow`) when a total, a month's net flow, the net gain or the NPV at the hurdle exceeds the
 * largest double (about 1.8e308 kr), naming the series that overflowed; null when every number is finite.
 */
function overflowIssue(
  totals: WaterfallTotals,
  netFlow: Float64Array,
  npvAtHurdle: number | null,
): Result<never> | null {
  const reason = (field: string, what: string): Result<never> =>
    fail(
      "Impossible",
      field,
      "overflow",
      `${field}: ${what} exceeds the largest number a double holds (about 1.8e308 kr), so the investor's flows overflow; give the amounts in a larger unit (e.g. million kr).`,
    );
  if (!Number.isFinite(totals.drawn)) return reason("costByMonth", "the capital drawn in total");
  if (!Number.isFinite(totals.payments) || !Number.isFinite(totals.returned)) {
    return reason("paymentsByMonth", "the outcome payments in total");
  }
  if (!netFlow.every(Number.isFinite) || !Number.isFinite(totals.returned - totals.drawn)) {
    return reason("paymentsByMonth", "a month's net flow or the net gain");
  }
  if (!Number.isFinite(totals.returned / totals.drawn)) {
    return reason("costByMonth", "the money multiple (money returned per krone drawn)");
  }
  if (npvAtHurdle !== null && !Number.isFinite(npvAtHurdle)) {
    return reason("terms.hurdleRate", "the net present value at the hurdle rate");
  }
  return null;
}

function seriesIssues(series: readonly number[], field: string): Issue[] {
  const issues: Issue[] = [];
  for (const [index, value] of series.entries()) {
    if (!Number.isFinite(value) || value < 0) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}[${index}]`,
          "range",
          `${field}[${index}] must be a number of kr ≥ 0, got ${value}.`,
        ),
      );
    }
  }
  return issues;
}
