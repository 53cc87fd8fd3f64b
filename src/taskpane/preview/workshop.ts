import { expectOk, type Result } from "../../engine/errors";
import type { InvestorTermsInput } from "../../engine/investor";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../engine/payment/terms";
import { pilotScenario } from "../../engine/pilot";
import type { Scenario } from "../../engine/scenario";
import { employmentDifferencePp, participantSharesFromEmploymentEffect } from "../../engine/shares";
import { validatePaymentTerms } from "../../engine/payment/terms";
import { validateScenario } from "../../engine/validate";
import type { WorkshopValues } from "../state/types";
import { computeCaseNumbers, type CaseNumbers } from "./preview";

/** A workshop case: the pilot with the sliders' effect, cost, price and horizon. */
export interface WorkshopCase {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly investor: InvestorTermsInput;
}

const PILOT = expectOk(pilotScenario());

/**
 * The workshop's first screen: the pilot's own numbers (issue 14 item 8), so the workshop and the guide tell the same
 * story: the pilot's employment effect (JOB + JOB_PART, 100 × (19/55 − 0.17) = 17.55 pp), its cost per participant
 * (79,236 kr), its price per participant in work (198,090 kr) and its horizon (50 months).
 * @example PILOT_WORKSHOP_VALUES.costPerParticipant // 79236
 */
export const PILOT_WORKSHOP_VALUES: WorkshopValues = {
  effectPp: employmentDifferencePp(PILOT.participantShares, PILOT.comparisonShares),
  costPerParticipant: PILOT.costPerParticipant,
  price: PILOT_PAYMENT_TERMS.rateCard.find((line) => line.metric === "selfSupporting")?.price ?? 0,
  horizonMonths: PILOT.horizonMonths,
};

/**
 * The workshop's case: the pilot's comparison group, the simple employment effect, the cost per participant, the
 * price per participant in work (paid-hours price as in the pilot) and the horizon. At the pilot's own effect the
 * pilot's measured shares are used as they are (the simple effect reproduces them, up to rounding in the last digit).
 */
export function workshopCase(values: WorkshopValues): Result<WorkshopCase> {
  const pilot = PILOT;
  const shares =
    values.effectPp === PILOT_WORKSHOP_VALUES.effectPp
      ? { ok: true as const, value: pilot.participantShares }
      : participantSharesFromEmploymentEffect(pilot.comparisonShares, values.effectPp);
  if (!shares.ok) return shares;
  const scenario: Scenario = {
    ...pilot,
    participantShares: shares.value,
    costPerParticipant: values.costPerParticipant,
    horizonMonths: values.horizonMonths,
  };
  const terms: PaymentTerms = {
    ...PILOT_PAYMENT_TERMS,
    rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) =>
      line.metric === "selfSupporting" ? { ...line, price: values.price } : line,
    ),
  };
  const issues = [...validateScenario(scenario), ...validatePaymentTerms(terms)];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { scenario, terms, investor: {} } };
}

/** The workshop's case and its numbers. */
export function workshopNumbers(values: WorkshopValues): Result<WorkshopCase & { readonly numbers: CaseNumbers }> {
  const built = workshopCase(values);
  if (!built.ok) return built;
  const numbers = computeCaseNumbers(built.value.scenario, built.value.terms, built.value.investor);
  if (!numbers.ok) return numbers;
  return { ok: true, value: { ...built.value, numbers: numbers.value } };
}
