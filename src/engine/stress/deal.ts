/**
 * One deal evaluated deterministically through the full engine: the business case (computeBusinessCase), the payment
 * schedule (computePaymentSchedule) and the investor's flows (investorFlows). The break-even rate, the deal zone and
 * the sensitivity analysis are solved on this path; the Monte Carlo draw (draw.ts) equals it exactly when nothing is
 * uncertain.
 *
 * Two NPV conventions meet here and are kept apart:
 * - the **investor's NPV at the hurdle**: monthly flows, month t discounted t months at (1 + h)^(1/12) − 1, month 0
 *   not discounted (the IRR convention of docs/investor.md);
 * - the **municipality's present values**: mid-month factors (1 + i)^−(t + 0.5)/12 at the scenario's discount rate
 *   (the business case's convention of docs/payment.md).
 */
import { computeBusinessCase, type BusinessCaseResult } from "../businessCase";
import { describeFailure } from "../errors";
import { municipalityAfterContract } from "../investor/moneyFlows";
import { investorFlows } from "../investor/waterfall";
import { computePaymentSchedule, type PaymentSchedule } from "../payment/schedule";
import type { PaymentTerms } from "../payment/terms";
import type { Scenario } from "../scenario";
import type { StressInputs } from "./model";

/** The numbers of one deal. Money in kr; rates effective annual fractions. */
export interface DealEvaluation {
  /** Everything paid under the contract, undiscounted. */
  readonly paymentTotal: number;
  /**
   * What the municipality actually pays, discounted: its share w of every payment − its part of a surplus withheld or
   * returned under a return cap + its part of a top-up it pays (src/engine/investor/moneyFlows.ts).
   */
  readonly municipalityPaymentsPv: number;
  /** The municipality's discounted savings before the intervention cost (the investor pays the cost). */
  readonly municipalitySavingsPv: number;
  /** Savings − payments, discounted. */
  readonly municipalityNetPv: number;
  /** The investor's NPV at the hurdle. */
  readonly investorNpv: number;
  /** The investor's IRR, effective annual; NaN when there is none (see investorIrrReason). */
  readonly investorIrr: number;
  /** Why there is no IRR (e.g. the investor receives nothing), or null. */
  readonly investorIrrReason: string | null;
  /** Received / drawn. */
  readonly multiple: number;
}

/**
 * Evaluates a deal (unchecked: the inputs must pass validateStressInputs). `businessCase` may be passed when the
 * scenario is unchanged (e.g. when only prices vary), to save its computation.
 * @param inputs Scenario, payment terms and investor terms.
 * @param hurdleRate The investor's hurdle, an effective annual rate above −1 (e.g. 0.08).
 * @param businessCase computeBusinessCase(inputs.scenario), if already known.
 * @returns The deal's numbers.
 * @example evaluateDeal(pilotInputs, 0).investorNpv // 3,932,987 − 4,437,216 = −504,229 kr (pilot terms, no discounting)
 */
export function evaluateDeal(
  inputs: StressInputs,
  hurdleRate: number,
  businessCase: BusinessCaseResult = computeBusinessCase(inputs.scenario),
): DealEvaluation {
  const schedule = computePaymentSchedule(inputs.scenario, businessCase, inputs.paymentTerms);
  return dealFromSchedule(inputs, hurdleRate, businessCase, schedule);
}

/** The deal's numbers from an already computed schedule. */
export function dealFromSchedule(
  inputs: StressInputs,
  hurdleRate: number,
  businessCase: BusinessCaseResult,
  schedule: PaymentSchedule,
): DealEvaluation {
  const flows = investorFlows(businessCase.monthly.cost, schedule.total, { ...inputs.investorTerms, hurdleRate });
  if (!flows.ok) throw new Error(`evaluateDeal on unvalidated inputs: ${describeFailure(flows)}`);
  const { metrics } = flows.value;
  // What the municipality actually pays (the money identity: net of a surplus withheld under a cap, plus a top-up).
  const position = municipalityAfterContract(businessCase, schedule, flows.value.terms).discounted;
  return {
    paymentTotal: schedule.totals.all,
    municipalityPaymentsPv: position.payments,
    municipalitySavingsPv: position.savings,
    municipalityNetPv: position.net,
    investorNpv: metrics.npvAtHurdle ?? Number.NaN,
    investorIrr: metrics.irr.ok ? metrics.irr.value.effectiveAnnualRate : Number.NaN,
    investorIrrReason: metrics.irr.ok ? null : describeFailure(metrics.irr),
    multiple: metrics.moneyMultiple,
  };
}

/**
 * Payment terms with every rate-card price multiplied by a factor (base fee and savings share unchanged).
 * @example withPriceFactor(PILOT_PAYMENT_TERMS, 1.2).rateCard[0].price // 237,708
 */
export function withPriceFactor(terms: PaymentTerms, factor: number): PaymentTerms {
  return { ...terms, rateCard: terms.rateCard.map((line) => ({ ...line, price: line.price * factor })) };
}

/**
 * Payment terms with one rate-card line's price set (by position on the card).
 * @example withLinePrice(PILOT_PAYMENT_TERMS, 1, 120_000).rateCard[1].price // 120,000
 */
export function withLinePrice(terms: PaymentTerms, line: number, price: number): PaymentTerms {
  return { ...terms, rateCard: terms.rateCard.map((entry, k) => (k === line ? { ...entry, price } : entry)) };
}

/**
 * A scenario with other participant shares.
 * @example withParticipantShares(pilot, pilot.comparisonShares) // no effect
 */
export function withParticipantShares(scenario: Scenario, shares: Scenario["participantShares"]): Scenario {
  return { ...scenario, participantShares: shares };
}
