/**
 * The money identity of a contract (issue 11 item 4, review economist.md 3.2 D5): every krone the payers owe under the
 * payment terms has one recipient, in every programme month t:
 *
 *   due.municipality_t + due.state_t
 *     = investor_t (distributions within the cap + the investor's surplus share)
 *     + toCommissioner.municipality_t + toCommissioner.state_t (the commissioner's surplus share: withheld or returned)
 *     + provider_t (the provider's surplus share, or every payment when nothing is financed)
 *     + reinvested_t (the reinvested surplus share: more participants, delivered by the provider)
 *
 * The principal-protection top-up is a separate flow from its payer (commissioner or guarantor) to the investor, in
 * the last month. The commissioner's surplus share is split between municipality and state in proportion to what each
 * owes that month. `cappedSurplus` decides the booking: "withheld" = never paid (paidOut = due − toCommissioner),
 * "returned" = paid and refunded in the same month (paidOut = due, refund = toCommissioner); the net cost to each payer
 * (due − toCommissioner) is the same. A contract with nothing to finance (no intervention cost and no investor-financed
 * deal cost) has no investor: the provider keeps the outcome payments.
 */
import type { BusinessCaseResult } from "../businessCase";
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { municipalityPositionCore, type MunicipalityPosition } from "../payment/position";
import { savingsByMonth } from "../payment/savingsShare";
import type { PaymentSchedule } from "../payment/schedule";
import type { PerPayer } from "../payment/timing";
import { DEFAULT_SAVINGS_SURPLUS, surplusPassedOn, type SavingsSurplusTerms } from "./surplus";
import { investorTerms, type InvestorTerms, type InvestorTermsInput } from "./terms";
import { waterfallBuffers, waterfallCore, type WaterfallBuffers } from "./waterfall";

/** Per-month recipients of the payers' money, kr (all arrays of length `months`, ≥ 0). */
export interface MoneyFlows {
  readonly months: number;
  readonly cappedSurplus: "withheld" | "returned";
  /** What happens to the municipality's savings above its payments (surplus.ts; the terms' rule, default: kept). */
  readonly savingsSurplus: SavingsSurplusTerms;
  /** False when nothing is financed: the provider keeps the payments. */
  readonly hasInvestor: boolean;
  /** What each payer owes under the payment terms (the schedule's payments). */
  readonly due: PerPayer<readonly number[]>;
  /** Cash each payer pays out: due − toCommissioner when withheld, due when returned. */
  readonly paidOut: PerPayer<readonly number[]>;
  /** The commissioner's share of the surplus beyond a cap, by payer (withheld or returned). */
  readonly toCommissioner: PerPayer<readonly number[]>;
  /** Refund to each payer (toCommissioner when returned, else 0). */
  readonly refund: PerPayer<readonly number[]>;
  /** Outcome-payment money to the investor: distributions within the cap + its surplus share (top-up excluded). */
  readonly investor: readonly number[];
  readonly provider: readonly number[];
  readonly reinvested: readonly number[];
  /** Principal-protection top-up to the investor, by who pays it. */
  readonly topUp: { readonly commissioner: PerPayer<readonly number[]>; readonly guarantor: readonly number[] };
  /** due − (investor + toCommissioner + provider + reinvested) per month: 0 up to rounding. */
  readonly residual: readonly number[];
  readonly totals: {
    readonly due: number;
    readonly toCommissioner: PerPayer<number>;
    readonly investor: number;
    readonly provider: number;
    readonly reinvested: number;
    readonly topUp: number;
  };
}

/**
 * Unchecked money flows: costs and payments finite and ≥ 0, terms validated ({@link investorTerms}); the horizon is
 * the longest series. The top-up paid by the commissioner is split by each payer's share of all payments (the
 * municipality's when nothing is paid).
 * @example moneyFlowsCore([100], { municipality: [0, 200], state: [0, 0] }, terms with returnCap.multiple 1.5)
 *   // investor [0, 150], toCommissioner.municipality [0, 50], residual [0, 0]
 */
export function moneyFlowsCore(
  costs: ArrayLike<number>,
  due: PerPayer<ArrayLike<number>>,
  terms: InvestorTerms,
  buffers?: WaterfallBuffers,
): MoneyFlows {
  const months = Math.max(costs.length, due.municipality.length, due.state.length);
  const m = (t: number): number => (t < due.municipality.length ? (due.municipality[t] as number) : 0);
  const s = (t: number): number => (t < due.state.length ? (due.state[t] as number) : 0);
  const payments = Array.from({ length: months }, (_, t) => m(t) + s(t));
  const out = buffers ?? waterfallBuffers(months);
  const totals = waterfallCore(costs, payments, terms, out);
  const hasInvestor = totals.drawn > 0;
  const zeros = (): number[] => new Array<number>(months).fill(0);
  const toCommissioner = { municipality: zeros(), state: zeros() };
  const investor = zeros();
  const provider = zeros();
  const reinvested = zeros();
  const residual = zeros();
  const shares = terms.surplusShare;
  let dueTotal = 0;
  let dueMunicipality = 0;
  for (let t = 0; t < months; t++) {
    const total = payments[t] as number;
    dueTotal += total;
    dueMunicipality += m(t);
    if (hasInvestor) {
      const surplus = out.surplus[t] as number;
      const commissioner = shares.commissioner * surplus;
      const municipalityPart = total > 0 ? m(t) / total : 0;
      toCommissioner.municipality[t] = commissioner * municipalityPart;
      toCommissioner.state[t] = commissioner - commissioner * municipalityPart;
      investor[t] = (out.distributions[t] as number) + (out.surplusToInvestor[t] as number);
      provider[t] = shares.provider * surplus;
      reinvested[t] = shares.reinvested * surplus;
    } else {
      provider[t] = total;
    }
    residual[t] =
      total -
      (investor[t] as number) -
      (toCommissioner.municipality[t] as number) -
      (toCommissioner.state[t] as number) -
      (provider[t] as number) -
      (reinvested[t] as number);
  }
  const topUpTotal = hasInvestor ? totals.topUp : 0;
  const topUpCommissioner = { municipality: zeros(), state: zeros() };
  const topUpGuarantor = zeros();
  if (topUpTotal > 0) {
    const last = months - 1;
    if (terms.topUpPayer === "guarantor") topUpGuarantor[last] = topUpTotal;
    else {
      const municipalityPart = dueTotal > 0 ? dueMunicipality / dueTotal : 1;
      topUpCommissioner.municipality[last] = topUpTotal * municipalityPart;
      topUpCommissioner.state[last] = topUpTotal - topUpTotal * municipalityPart;
    }
  }
  const returned = terms.cappedSurplus === "returned";
  const dueArrays = {
    municipality: Array.from({ length: months }, (_, t) => m(t)),
    state: Array.from({ length: months }, (_, t) => s(t)),
  };
  const paidOut = {
    municipality: dueArrays.municipality.map((value, t) =>
      returned ? value : value - (toCommissioner.municipality[t] as number),
    ),
    state: dueArrays.state.map((value, t) => (returned ? value : value - (toCommissioner.state[t] as number))),
  };
  const refund = returned ? toCommissioner : { municipality: zeros(), state: zeros() };
  return {
    months,
    cappedSurplus: terms.cappedSurplus ?? "withheld",
    savingsSurplus: terms.savingsSurplus ?? DEFAULT_SAVINGS_SURPLUS,
    hasInvestor,
    due: dueArrays,
    paidOut,
    toCommissioner,
    refund,
    investor,
    provider,
    reinvested,
    topUp: { commissioner: topUpCommissioner, guarantor: topUpGuarantor },
    residual,
    totals: {
      due: dueTotal,
      toCommissioner: { municipality: sum(toCommissioner.municipality), state: sum(toCommissioner.state) },
      investor: sum(investor),
      provider: sum(provider),
      reinvested: sum(reinvested),
      topUp: topUpTotal,
    },
  };
}

/**
 * The money identity's flows for intervention costs, payments by payer and investor terms (see the module comment).
 * Conventions: programme months from 0; kr ≥ 0, positive = money moved from payer to recipient.
 * @param costByMonth Intervention cost per month, kr ≥ 0 (may be all 0: then the provider keeps the payments).
 * @param dueByPayer Payments owed per month by the municipality and the state, kr ≥ 0 (the schedule's byPayer).
 * @param terms Investor terms (partial; defaults in DEFAULT_INVESTOR_TERMS).
 * @returns The flows, or InvalidInput naming `costByMonth[i]`, `dueByPayer.<payer>[i]` or `terms.<name>`.
 * @example moneyFlows([0], { municipality: [0, 100], state: [0, 0] }).value.provider // [0, 100] (nothing financed)
 */
export function moneyFlows(
  costByMonth: readonly number[],
  dueByPayer: PerPayer<readonly number[]>,
  terms: InvestorTermsInput = {},
): Result<MoneyFlows> {
  const issues: Issue[] = [
    ...seriesIssues(costByMonth, "costByMonth"),
    ...seriesIssues(dueByPayer.municipality, "dueByPayer.municipality"),
    ...seriesIssues(dueByPayer.state, "dueByPayer.state"),
  ];
  const checked = investorTerms(terms);
  if (!checked.ok) issues.push(...checked.issues);
  if (issues.length > 0 || !checked.ok) return failMany(issues);
  return ok(moneyFlowsCore(costByMonth, dueByPayer, checked.value));
}

/**
 * The municipality's net position after the contract: its savings before the intervention cost − what it pays under
 * the money identity ({@link municipalityNetPayments}: net of the commissioner's surplus share withheld or returned,
 * + the top-up it pays as commissioner, + what it passes on from its savings surplus under the terms' rule). Discount
 * factors as in the schedule (mid-month). Without a binding cap, a top-up or a surplus rule this equals the
 * schedule's `municipality` position.
 * @example municipalityPositionAfterContract(savings, flows, schedule.discountFactor).discounted.net
 */
export function municipalityPositionAfterContract(
  savings: readonly number[],
  flows: MoneyFlows,
  discountFactors: readonly number[],
): MunicipalityPosition {
  return municipalityPositionCore(savings, municipalityNetPayments(flows, savings), discountFactors);
}

/**
 * What the municipality pays per month before the savings-surplus rule: what it owes under the terms − its share of
 * the surplus withheld or returned under a return cap + its part of a top-up it pays as commissioner, kr (≥ 0 up to
 * rounding). The savings surplus is measured against this (surplus.ts `paid`).
 * @example municipalityPaymentsBeforeSurplus(moneyFlowsCore([100], { municipality: [0, 200], state: [0, 0] }, cap 1.5×)) // [0, 150]
 */
export function municipalityPaymentsBeforeSurplus(flows: MoneyFlows): number[] {
  return Array.from(
    { length: flows.months },
    (_, t) =>
      (flows.due.municipality[t] ?? 0) -
      (flows.toCommissioner.municipality[t] ?? 0) +
      (flows.topUp.commissioner.municipality[t] ?? 0),
  );
}

/**
 * What the municipality pays per programme month under the money identity, the one definition of its payments in
 * every municipal figure (report, budget, self-funded comparison, deal zone, workbook):
 * {@link municipalityPaymentsBeforeSurplus} + what it passes on from its savings surplus under the terms' rule
 * (`savingsSurplus`: σ × each new high of its cumulative savings − payments, to the provider or reinvested;
 * surplus.ts `surplusPassedOn`), kr (≥ 0 up to rounding). `savings` are its savings before the intervention cost by
 * month (payment/savingsShare.ts savingsByMonth, "narrow"); the rule `commissioner` (the default) passes nothing on.
 * @example municipalityNetPayments(flows with savingsSurplus provider 0.5, [0, 300]) // due [0, 100] → [0, 200]
 */
export function municipalityNetPayments(flows: MoneyFlows, savings: readonly number[]): number[] {
  const before = municipalityPaymentsBeforeSurplus(flows);
  const passed = surplusPassedOn(savings, before, flows.savingsSurplus);
  return passed.map((part, t) => (before[t] ?? 0) + part);
}

/**
 * The municipality's net position after the contract for a business case, its payment schedule and the investor
 * terms (validated): savings before the intervention cost (narrow) − {@link municipalityNetPayments}, by month,
 * undiscounted and discounted with the schedule's mid-month factors. This is the position every municipal figure uses.
 * @example municipalityAfterContract(result, schedule, terms).discounted.net // the pilot: 2,189,538 kr (no cap)
 */
export function municipalityAfterContract(
  result: BusinessCaseResult,
  schedule: PaymentSchedule,
  terms: InvestorTerms,
): MunicipalityPosition {
  const flows = moneyFlowsCore(result.monthly.cost, schedule.byPayer, terms);
  return municipalityPositionAfterContract(savingsByMonth(result, "narrow"), flows, schedule.discountFactor);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
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
