import type { AttributionRow } from "../../engine/attribution";
import { computeBusinessCase } from "../../engine/businessCase";
import type { Result } from "../../engine/errors";
import type { InvestorTermsInput } from "../../engine/investor";
import { computePaymentSchedule } from "../../engine/payment/schedule";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { PositionTotals } from "../../engine/payment/position";
import type { Scenario } from "../../engine/scenario";
import type { OutcomeState } from "../../engine/states";
import { investorOutcome, type InvestorOutcome } from "./investorAdapter";
import { probabilityOfLoss, type LossProbability } from "./lossAdapter";

/** The numbers the preview and the workshop show. Every number comes from the engine. */
export interface CaseNumbers {
  readonly participants: number;
  /** The business case: municipality's NPV per participant (savings − cost), kr. */
  readonly municipalNetPerParticipant: number;
  /** Month the municipality's cumulative discounted net turns positive for good, or null. */
  readonly breakEvenMonth: number | null;
  /** With the SIB: the municipality's discounted savings, payments and net (kr). */
  readonly municipalitySib: PositionTotals;
  /** With the SIB: the same totals undiscounted (kr over the whole period), as the workshop shows them. */
  readonly municipalitySibTotal: PositionTotals;
  /** With the SIB: the municipality's cumulative discounted net by programme month (the preview's chart). */
  readonly municipalityCumulative: readonly number[];
  /** All outcome payments (municipality and state), kr, undiscounted. */
  readonly paymentsTotal: number;
  readonly investor: InvestorOutcome;
  readonly lossProbability: LossProbability;
  /**
   * What carries the municipality's result: its NPV per participant split by outcome state relative to the reference
   * state, plus `cost` (the engine's attribution; rows + cost = municipalNetPerParticipant).
   */
  readonly municipalAttribution: {
    readonly reference: OutcomeState;
    readonly rows: Readonly<Record<AttributionRow, number>>;
  };
}

/**
 * Computes the preview of a validated case (the wizard derives and validates it first): business case, payment
 * schedule, the investor's flows and P(loss).
 * @example computeCaseNumbers(pilot, PILOT_PAYMENT_TERMS, {}) // ok({ municipalNetPerParticipant: 28,005.7…, … })
 */
export function computeCaseNumbers(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
): Result<CaseNumbers> {
  const businessCase = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, businessCase, terms);
  const outcome = investorOutcome(businessCase.monthly.cost, schedule.total, investor);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    value: {
      participants: businessCase.participants,
      municipalNetPerParticipant: businessCase.npv.perParticipant.municipality,
      breakEvenMonth: businessCase.breakEvenMonth.municipality,
      municipalitySib: schedule.municipality.discounted,
      municipalitySibTotal: schedule.municipality.total,
      municipalityCumulative: schedule.municipality.cumulativeNetDiscounted,
      paymentsTotal: schedule.totals.all,
      investor: outcome.value,
      lossProbability: probabilityOfLoss(scenario, terms, investor),
      municipalAttribution: {
        reference: businessCase.attribution.reference,
        rows: businessCase.attribution.perParticipant.municipality,
      },
    },
  };
}
