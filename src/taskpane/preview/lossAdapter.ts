/**
 * Probability that the investor loses money, P(loss). It needs a Monte Carlo simulation of the outcomes, which the
 * engine does not have yet: until it does, this adapter answers "pending" and the preview shows "—" with a note
 * ("kommer" / "coming"). Wire the simulation here when src/engine has it; nothing else in the taskpane changes.
 */
import type { InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";

export type LossProbability =
  { readonly kind: "pending" } | { readonly kind: "estimate"; readonly probability: number; readonly draws: number };

/**
 * P(loss) for a case, or `pending` while the engine has no Monte Carlo module.
 * @example probabilityOfLoss(pilot, PILOT_PAYMENT_TERMS, {}) // { kind: "pending" }
 */
export function probabilityOfLoss(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
): LossProbability {
  void scenario;
  void terms;
  void investor;
  return { kind: "pending" };
}
