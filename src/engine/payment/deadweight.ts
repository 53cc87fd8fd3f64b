/**
 * Payment honesty (issue 11, review economist.md 3.2 D3): what a contract pays for outcomes that would have happened
 * anyway (deadweight), and how much of the municipality's savings arrive after the contract stops paying.
 *
 * - `paymentAtZeroEffect`: the total the terms pay (kr, all payers, fixed prices of the parameter year, undiscounted)
 *   when the programme has no effect: the participants get the comparison group's outcome shares and everything else
 *   (cohorts, terms, caps, lag, horizon) is unchanged; computed by the same schedule code on a business case
 *   recomputed for that scenario (so a savings share pays on the savings of a programme without effect, and a base fee
 *   is paid as usual: it does not depend on outcomes).
 * - `shareOfPayment` = paymentAtZeroEffect / expected payment (the schedule's total under the scenario as given).
 *   0/0 (nothing paid either way) is 0: nothing is paid, so nothing is paid for deadweight. A positive
 *   paymentAtZeroEffect over an expected payment of 0 (possible when the measured effect is negative) has no finite
 *   share: null. The share exceeds 1 when the effect is negative and the card pays on absolute shares.
 * - per metric, `comparisonReachedShare` = the outcomes the terms would pay for at zero effect ÷ the outcomes they pay
 *   for under the scenario (counts after baseline, threshold, chain and volume caps, all cohorts): for a gross card
 *   without caps this is the comparison share ÷ the participant share, "the share of paid outcomes that the comparison
 *   group also reached"; 0 for a card netted against the comparison group; null when no outcome is paid for the metric.
 *
 * A gross (absolute) card pays for deadweight by construction; a card with baseline = comparison group pays 0 at zero
 * effect. {@link DEADWEIGHT_WARNING_SHARE} is the level above which reports warn.
 */
import type { BusinessCaseResult } from "../businessCase";
import { computeBusinessCase } from "../businessCase";
import { failMany, ok, type Result } from "../errors";
import type { Scenario } from "../scenario";
import { validateScenario } from "../validate";
import { zeroEffectProgression } from "./progression";
import { savingsByMonth } from "./savingsShare";
import { computePaymentSchedule, type PaymentSchedule } from "./schedule";
import { validatePaymentTerms, validateTermsForScenario, type PaymentTerms } from "./terms";

/**
 * [A] Warn when more than 25 % of the expected payment would be paid with no effect at all: then at least a quarter
 * of the money buys outcomes the comparison group reached without the programme. The level is a judgement (no
 * published standard): below it a gross card is a defensible simplification (e.g. a small baseline rate), above it
 * the payer should consider a baseline (docs/payment.md, "Deadweight").
 */
export const DEADWEIGHT_WARNING_SHARE = 0.25;

/** Deadweight of one metric on the rate card. */
export interface MetricDeadweight {
  readonly metric: string;
  /** Outcomes paid for under the scenario / at zero effect (all cohorts, after baseline, threshold, chain, caps). */
  readonly payableCount: number;
  readonly payableCountAtZeroEffect: number;
  /** payableCountAtZeroEffect / payableCount; null when payableCount is 0. */
  readonly comparisonReachedShare: number | null;
  /** Paid for the metric at zero effect, kr (after the person and contract caps). */
  readonly paymentAtZeroEffect: number;
}

/** Deadweight measures of payment terms under a scenario. Amounts in kr, fixed prices, undiscounted, all payers. */
export interface Deadweight {
  /** The schedule's total under the scenario as given. */
  readonly expectedPayment: number;
  /** The schedule's total when the participants have the comparison group's shares. */
  readonly paymentAtZeroEffect: number;
  /** paymentAtZeroEffect / expectedPayment (0 when both are 0; null when only the expected payment is 0). */
  readonly shareOfPayment: number | null;
  /** The same totals for the municipality alone (its share w of every payment). */
  readonly paymentAtZeroEffectByMunicipality: number;
  /** True when shareOfPayment is above {@link DEADWEIGHT_WARNING_SHARE} (or null with a positive deadweight). */
  readonly warning: boolean;
  readonly byMetric: readonly MetricDeadweight[];
}

/**
 * The scenario with no programme effect: participants at the comparison group's shares, all else unchanged.
 * @example zeroEffectScenario(pilot).participantShares.JOB // 0.07 (the comparison group's share)
 */
export function zeroEffectScenario(scenario: Scenario): Scenario {
  return { ...scenario, participantShares: scenario.comparisonShares };
}

/**
 * Unchecked deadweight of valid terms under a valid scenario, given the scenario's schedule (see the module comment).
 * @example deadweightCore(pilot, runPaymentSchedule(pilot, PILOT_PAYMENT_TERMS).value, PILOT_PAYMENT_TERMS)
 *   .paymentAtZeroEffect // 1,885,817 = 56 × (0.12 × 198,090 + 0.10 × 99,045)
 */
export function deadweightCore(scenario: Scenario, schedule: PaymentSchedule, terms: PaymentTerms): Deadweight {
  const zero = zeroEffectScenario(scenario);
  // Progression metrics are not outcome states: at zero effect they reach the comparison group's share (progression.ts).
  const zeroTerms = { ...terms, rateCard: zeroEffectProgression(terms.rateCard) };
  const atZero = computePaymentSchedule(zero, computeBusinessCase(zero), zeroTerms);
  const expectedPayment = schedule.totals.all;
  const paymentAtZeroEffect = atZero.totals.all;
  const shareOfPayment = ratio(paymentAtZeroEffect, expectedPayment);
  return {
    expectedPayment,
    paymentAtZeroEffect,
    shareOfPayment,
    paymentAtZeroEffectByMunicipality: atZero.totals.byPayer.municipality,
    warning: shareOfPayment === null ? paymentAtZeroEffect > 0 : shareOfPayment > DEADWEIGHT_WARNING_SHARE,
    byMetric: schedule.metrics.map((line, k) => {
      const zeroLine = atZero.metrics[k];
      const zeroCount = zeroLine?.payableCount ?? 0;
      return {
        metric: line.metric,
        payableCount: line.payableCount,
        payableCountAtZeroEffect: zeroCount,
        comparisonReachedShare: line.payableCount > 0 ? zeroCount / line.payableCount : null,
        paymentAtZeroEffect: zeroLine?.total ?? 0,
      };
    }),
  };
}

/**
 * Checked deadweight: validates the scenario and the terms (every issue of both), then {@link deadweightCore}.
 * @example runDeadweight(pilot, PILOT_PAYMENT_TERMS) // ok({ paymentAtZeroEffect: 1_885_816.8, shareOfPayment: 0.479… })
 */
export function runDeadweight(scenario: Scenario, terms: PaymentTerms): Result<Deadweight> {
  const issues = [
    ...validateScenario(scenario),
    ...validatePaymentTerms(terms),
    ...validateTermsForScenario(terms, scenario.measurementMonth, scenario.horizonMonths, scenario.cohorts),
  ];
  if (issues.length > 0) return failMany(issues);
  return ok(deadweightCore(scenario, computePaymentSchedule(scenario, computeBusinessCase(scenario), terms), terms));
}

/** The last month with an outcome-contingent payment and the savings that arrive after it. */
export interface SavingsAfterLastPayment {
  /** Last programme month (0-based) with an outcome payment or a savings-share payment > 0; null when none. */
  readonly lastPaymentMonth: number | null;
  /** The municipality's discounted savings before the intervention cost over the horizon, kr. */
  readonly discountedSavings: number;
  /** The part of them in months after lastPaymentMonth, kr. */
  readonly discountedSavingsAfter: number;
  /** discountedSavingsAfter / discountedSavings; null when there is no such payment or the savings are ≤ 0. */
  readonly share: number | null;
}

/**
 * Unchecked share of the municipality's discounted savings that arrive after the last outcome-contingent payment
 * (issue 11 item 3): savings s_t = the municipality's net flow + the intervention cost in programme month t (gross of
 * the cost, which the investor pays in a SIB; {@link savingsByMonth} "narrow"), discounted mid-month with the business
 * case's factors DF_t; L = the last month in which an outcome payment (rate card or sustainment card) or a
 * savings-share payment is made (the base fee
 * does not depend on results and is left out); share = Σ_{t>L} DF_t s_t / Σ_t DF_t s_t over the business case's months.
 * That part of the savings is at the municipality's risk alone: if the effect fades, no payment is reduced.
 * @example savingsAfterLastPaymentCore(computeBusinessCase(pilot), schedule).share // ≈ 0.72 (L = month 17)
 */
export function savingsAfterLastPaymentCore(
  businessCase: BusinessCaseResult,
  schedule: PaymentSchedule,
): SavingsAfterLastPayment {
  let last = -1;
  for (let t = 0; t < schedule.months; t++) {
    let contingent = (schedule.savingsShare[t] ?? 0) + (schedule.sustainment[t] ?? 0);
    for (const amounts of Object.values(schedule.byMetric)) contingent += amounts[t] ?? 0;
    if (contingent > 0) last = t;
  }
  const savings = savingsByMonth(businessCase, "narrow");
  let all = 0;
  let after = 0;
  savings.forEach((saving, t) => {
    const value = saving * (businessCase.monthly.discountFactor[t] ?? 0);
    all += value;
    if (last >= 0 && t > last) after += value;
  });
  return {
    lastPaymentMonth: last >= 0 ? last : null,
    discountedSavings: all,
    discountedSavingsAfter: after,
    share: last >= 0 && all > 0 ? after / all : null,
  };
}

/**
 * Checked {@link savingsAfterLastPaymentCore}: validates the scenario and the terms (every issue of both).
 * @example runSavingsAfterLastPayment(pilot, PILOT_PAYMENT_TERMS) // ok({ lastPaymentMonth: 17, share: 0.72… })
 */
export function runSavingsAfterLastPayment(scenario: Scenario, terms: PaymentTerms): Result<SavingsAfterLastPayment> {
  const issues = [
    ...validateScenario(scenario),
    ...validatePaymentTerms(terms),
    ...validateTermsForScenario(terms, scenario.measurementMonth, scenario.horizonMonths, scenario.cohorts),
  ];
  if (issues.length > 0) return failMany(issues);
  const businessCase = computeBusinessCase(scenario);
  return ok(savingsAfterLastPaymentCore(businessCase, computePaymentSchedule(scenario, businessCase, terms)));
}

function ratio(part: number, whole: number): number | null {
  if (whole > 0) return part / whole;
  return part > 0 ? null : 0;
}
