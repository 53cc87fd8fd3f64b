/**
 * Probability that the investor loses money, P(loss) = P(money multiple < 1), from the engine's Monte Carlo
 * (src/engine/stress) with its default uncertainty: each participant's outcome drawn from the case's shares
 * (binomial small-cohort noise), a fixed seed so the same case always shows the same number.
 */
import { investorTerms as checkedInvestorTerms, type InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { DEFAULT_UNCERTAINTY, seededGenerator, simulate } from "../../engine/stress";

export type LossProbability =
  { readonly kind: "pending" } | { readonly kind: "estimate"; readonly probability: number; readonly draws: number };

/** Draws per preview: enough for ±1.1 percentage points (standard error at p = 0.5), fast enough while typing. */
export const PREVIEW_DRAWS = 2_000;
/** The preview's fixed seed. */
export const PREVIEW_SEED = 1;

/**
 * P(loss) for a case; `pending` when the case cannot be simulated (e.g. invalid terms or no capital drawn).
 * @example probabilityOfLoss(pilot, PILOT_PAYMENT_TERMS, {}) // { kind: "estimate", probability: ≈0.77, draws: 2000 }
 */
export function probabilityOfLoss(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
): LossProbability {
  const investorTerms = checkedInvestorTerms(investor);
  if (!investorTerms.ok) return { kind: "pending" };
  const summary = simulate(
    { scenario, paymentTerms: terms, investorTerms: investorTerms.value },
    DEFAULT_UNCERTAINTY,
    PREVIEW_DRAWS,
    seededGenerator(PREVIEW_SEED),
  );
  if (!summary.ok) return { kind: "pending" };
  return { kind: "estimate", probability: summary.value.probabilityOfLoss, draws: PREVIEW_DRAWS };
}
