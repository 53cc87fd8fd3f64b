/**
 * SIB vs doing it ourselves (issue 10 item 4): the same effort financed by the municipality itself next to the SIB.
 *
 * - Self-funded: the municipality pays the intervention cost as it falls and keeps all its savings; no outcome
 *   payments, no investor return, no transaction costs. Its monthly flow is the business case's
 *   `netFlow.municipality` (savings − cost).
 * - SIB: the investor pays the cost; the municipality keeps its savings and pays its share of the outcome payments
 *   under the terms, net of the surplus withheld or returned under a return cap and plus a top-up it pays as
 *   commissioner (the money identity's definition, `municipalityAfterContract` in src/engine/investor/moneyFlows.ts).
 *
 * Per view: the municipality's NPV (kr, present value at the programme start, the scenario's discount rate), its
 * worst cumulative cash position (undiscounted, kr; 0 when it never goes below 0) and the programme month it is
 * reached (0 = the first month; null when never below 0), and its loss if the effect is zero (participants at the
 * comparison group's shares: the NPV of that case, with the sign turned, so a positive number is money lost). The SIB
 * side's loss at zero effect uses the same definition of what the municipality pays: the zero-effect payments net of a
 * surplus withheld under a cap, plus its part of the principal-protection top-up it pays as commissioner (at zero
 * effect usually the largest part of the loss), plus any savings surplus passed on.
 */
import { computeBusinessCase, type BusinessCaseResult } from "./businessCase";
import { municipalityAfterContract } from "./investor/moneyFlows";
import { DEFAULT_INVESTOR_TERMS, type InvestorTerms } from "./investor/terms";
import { zeroEffectScenario } from "./payment/deadweight";
import { zeroEffectProgression } from "./payment/progression";
import { computePaymentSchedule, type PaymentSchedule } from "./payment/schedule";
import type { PaymentTerms } from "./payment/terms";
import type { Scenario } from "./scenario";

/** The municipality's figures under one way of financing the effort. */
export interface FinancingView {
  /** NPV for the municipality, kr (positive = net gain). */
  readonly npv: number;
  /** Lowest cumulative undiscounted cash position, kr (≤ 0). */
  readonly worstCumulative: number;
  /** Programme month (0-based) of the lowest position; null when the position never goes below 0. */
  readonly worstMonth: number | null;
  /** What the municipality loses (kr, present value, positive = loss) if the programme has no effect at all. */
  readonly lossIfNoEffect: number;
}

/** Self-funded next to SIB, for the municipality. */
export interface FinancingComparison {
  readonly selfFunded: FinancingView;
  readonly sib: FinancingView;
}

/**
 * The lowest point of the cumulative sum of `flows` and its month (first occurrence); 0 and null when the cumulative
 * sum never goes below 0.
 * @example worstCumulative([-5, -3, 10]) // { value: -8, month: 1 }
 */
export function worstCumulative(flows: readonly number[]): { value: number; month: number | null } {
  let running = 0;
  let value = 0;
  let month: number | null = null;
  flows.forEach((flow, index) => {
    running += flow;
    if (running < value) {
      value = running;
      month = index;
    }
  });
  return { value, month };
}

function presentValue(flows: readonly number[], discountFactor: readonly number[]): number {
  let total = 0;
  flows.forEach((flow, index) => (total += flow * (discountFactor[index] ?? 0)));
  return total;
}

/**
 * The zero-effect payment schedule run to the contract's length (the schedule under the scenario as given): the
 * principal-protection top-up is settled in the contract's last payment month (the workbook's SIB_PayMonthsInUse − 1)
 * whatever the effect. At zero effect fewer payments may be made (a contract threshold not met, metrics not reached),
 * which would otherwise end the schedule, and move the top-up, earlier. Payments stay as they are; only zeros are added.
 * @example zeroScheduleAtContractLength(zeroSchedule, schedule).months // = schedule.months when that is longer
 */
export function zeroScheduleAtContractLength(zero: PaymentSchedule, contract: PaymentSchedule): PaymentSchedule {
  if (zero.months >= contract.months) return zero;
  const pad = (values: readonly number[]): number[] =>
    Array.from({ length: contract.months }, (_, t) => values[t] ?? 0);
  return {
    ...zero,
    months: contract.months,
    discountFactor: contract.discountFactor,
    total: pad(zero.total),
    byPayer: { municipality: pad(zero.byPayer.municipality), state: pad(zero.byPayer.state) },
  };
}

/**
 * The municipality under self-funding and under the SIB's terms, from a scenario's business case and payment schedule
 * (both from the same scenario and terms) and the investor terms (validated; they decide what a return cap withholds
 * and a top-up adds). Computes the zero-effect case once more for the loss if the effect is zero.
 * @example compareFinancing(pilot, result, schedule, PILOT_PAYMENT_TERMS).selfFunded.npv // = result.npv.total.municipality
 */
export function compareFinancing(
  scenario: Scenario,
  result: BusinessCaseResult,
  schedule: PaymentSchedule,
  terms: PaymentTerms,
  investorTerms: InvestorTerms = DEFAULT_INVESTOR_TERMS,
): FinancingComparison {
  const zero = zeroEffectScenario(scenario);
  const zeroResult = computeBusinessCase(zero);
  // At zero effect a progression metric reaches the comparison group's share, as in deadweightCore (progression.ts).
  const zeroTerms = { ...terms, rateCard: zeroEffectProgression(terms.rateCard) };
  const zeroSchedule = zeroScheduleAtContractLength(computePaymentSchedule(zero, zeroResult, zeroTerms), schedule);
  const own = result.monthly.netFlow.municipality;
  const ownWorst = worstCumulative(own);
  const sib = municipalityAfterContract(result, schedule, investorTerms);
  const sibFlows = sib.net;
  const sibWorst = worstCumulative(sibFlows);
  // 0 − x: a loss of nothing is +0, as the workbook's cell shows it (not −0).
  return {
    selfFunded: {
      npv: presentValue(own, result.monthly.discountFactor),
      worstCumulative: ownWorst.value,
      worstMonth: ownWorst.month,
      lossIfNoEffect: 0 - presentValue(zeroResult.monthly.netFlow.municipality, zeroResult.monthly.discountFactor),
    },
    sib: {
      npv: presentValue(sibFlows, schedule.discountFactor),
      worstCumulative: sibWorst.value,
      worstMonth: sibWorst.month,
      // What the municipality pays at zero effect under the money identity, top-up included (one definition).
      lossIfNoEffect: 0 - municipalityAfterContract(zeroResult, zeroSchedule, investorTerms).discounted.net,
    },
  };
}
