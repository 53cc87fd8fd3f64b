/**
 * Probability that the investor loses money, P(loss) = P(money multiple < 1), from the engine's Monte Carlo
 * (src/engine/stress) with its default uncertainty: each participant's outcome drawn from the case's shares
 * (binomial small-cohort noise), a fixed seed so the same case always shows the same number.
 */
import type { Issue } from "../../engine/errors";
import { investorTerms as checkedInvestorTerms, type InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { DEFAULT_UNCERTAINTY, seededGenerator, simulate } from "../../engine/stress";

export type LossProbability =
  /**
   * Not computed: not yet (`loading`: the simulation's chunk has not arrived, lossLoader.ts) or not at all, with the
   * engine's reasons in `issues`.
   */
  | { readonly kind: "pending"; readonly issues?: readonly Issue[]; readonly loading?: true }
  | { readonly kind: "estimate"; readonly probability: number; readonly draws: number };

/** Draws per preview: enough for ±1.1 percentage points (standard error at p = 0.5), fast enough while typing. */
export const PREVIEW_DRAWS = 2_000;
/** The preview's fixed seed. */
export const PREVIEW_SEED = 1;

/**
 * P(loss) for a case; `pending` with the engine's reasons when the case cannot be simulated (e.g. invalid terms, no
 * capital drawn, several municipalities).
 * @example probabilityOfLoss(pilot, PILOT_PAYMENT_TERMS, {}) // { kind: "estimate", probability: ≈0.77, draws: 2000 }
 */
export function probabilityOfLoss(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
): LossProbability {
  const investorTerms = checkedInvestorTerms(investor);
  if (!investorTerms.ok) return { kind: "pending", issues: investorTerms.issues };
  const summary = simulate(
    { scenario, paymentTerms: terms, investorTerms: investorTerms.value },
    DEFAULT_UNCERTAINTY,
    PREVIEW_DRAWS,
    seededGenerator(PREVIEW_SEED),
  );
  // Why not (e.g. several municipalities, which the simulation does not model yet): shown next to the dash.
  if (!summary.ok) return { kind: "pending", issues: summary.issues };
  return { kind: "estimate", probability: summary.value.probabilityOfLoss, draws: PREVIEW_DRAWS };
}
