/**
 * The first screen's figures computed at build time (issue 14 item 11: time to interactive). webpack.config.js runs
 * scripts/printFirstScreen.mts, which computes the preview of the case the wizard opens with (computeCaseNumbers, in
 * Danish and in English) and passes its {@link PreviewFigures} to the page as FIRST_SCREEN_FIGURES, keyed like P(loss)
 * ({@link lossKey}). Until the preview's tables and chart (details.js) have loaded, a case with those inputs shows these
 * figures instead of computing them again: the same numbers (test/taskpane/firstScreen.test.ts), without the engine's
 * first run, which took about 40 ms of the first screen.
 */
import type { InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { lossKey, lossProbabilityNow } from "./lossLoader";
import type { PreviewFigures } from "./preview";

/** The preview's figures of one case, computed at build time: the key of its inputs and the figures but P(loss). */
export interface PrecomputedFigures {
  readonly key: string;
  readonly figures: Omit<PreviewFigures, "lossProbability">;
}

/** Set by webpack's DefinePlugin from scripts/firstScreen.ts; absent outside the bundle (unit tests). */
declare const FIRST_SCREEN_FIGURES: readonly PrecomputedFigures[] | undefined;

function buildTimeTable(): readonly PrecomputedFigures[] {
  return typeof FIRST_SCREEN_FIGURES === "undefined" ? [] : FIRST_SCREEN_FIGURES;
}

/**
 * The preview's figures of a case computed at build time, with P(loss) as {@link lossProbabilityNow} gives it, or null
 * when the case is not in the table (any case but the one the wizard opens with).
 * @example buildTimeFigures(pilot, PILOT_PAYMENT_TERMS, {})?.breakEvenMonth // 38 in the bundle; null in unit tests
 */
export function buildTimeFigures(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
  table: readonly PrecomputedFigures[] = buildTimeTable(),
): PreviewFigures | null {
  if (table.length === 0) return null;
  const key = lossKey(scenario, terms, investor);
  const known = table.find((entry) => entry.key === key);
  if (known === undefined) return null;
  return { ...known.figures, lossProbability: lossProbabilityNow(scenario, terms, investor) };
}
