import { expectOk, type Result } from "../../engine/errors";
import type { InvestorTermsInput } from "../../engine/investor";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../engine/payment/terms";
import { pilotScenario } from "../../engine/pilot";
import type { Scenario } from "../../engine/scenario";
import { participantSharesFromEmploymentEffect } from "../../engine/shares";
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

/**
 * The workshop's case: the pilot's comparison group, the simple employment effect, the cost per participant, the
 * price per participant in work (paid-hours price as in the pilot) and the horizon.
 */
export function workshopCase(values: WorkshopValues): Result<WorkshopCase> {
  const pilot = expectOk(pilotScenario());
  const shares = participantSharesFromEmploymentEffect(pilot.comparisonShares, values.effectPp);
  if (!shares.ok) return shares;
  const scenario: Scenario = {
    ...pilot,
    name: "Workshop",
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
