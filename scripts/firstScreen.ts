/**
 * The first screen's figures, computed at build time (issue 14 item 11): webpack.config.js runs
 * scripts/printFirstScreen.mts, which prints {@link firstScreenLosses} and {@link firstScreenFigures} as JSON, and
 * passes them to the taskpane as FIRST_SCREEN_LOSS (src/taskpane/preview/lossLoader.ts) and FIRST_SCREEN_FIGURES
 * (src/taskpane/preview/firstScreen.ts), so the first screen shows the engine's P(loss) of the pilot before the Monte
 * Carlo chunk (montecarlo.js) has loaded and its other figures without running the engine. One entry per distinct case
 * the wizard opens with (its initial state in Danish and in English): the key of the case's inputs and the engine's
 * results.
 */
import { probabilityOfLoss } from "../src/taskpane/preview/lossAdapter";
import type { PrecomputedFigures } from "../src/taskpane/preview/firstScreen";
import { lossKey, type PrecomputedLoss } from "../src/taskpane/preview/lossLoader";
import { computeCaseNumbers, figuresBesideLoss } from "../src/taskpane/preview/preview";
import { initialState, modelOf } from "../src/taskpane/state/reducer";

/** The display languages the wizard can open with (its language is chosen from these; the case is the same). */
export const FIRST_SCREEN_LANGUAGES = ["da-DK", "en-GB"] as const;

/** A case the wizard opens with: the key of its inputs ({@link lossKey}) and its valid model. */
interface OpeningCase {
  readonly key: string;
  readonly model: ReturnType<typeof modelOf>;
}

/** The distinct valid cases the wizard opens with, one per key (the languages open the same case). */
function openingCases(): OpeningCase[] {
  const cases: OpeningCase[] = [];
  for (const language of FIRST_SCREEN_LANGUAGES) {
    const model = modelOf(initialState(language));
    if (!model.valid) continue;
    const key = lossKey(model.scenario, model.terms, model.investor);
    if (!cases.some((known) => known.key === key)) cases.push({ key, model });
  }
  return cases;
}

/**
 * P(loss) of every case the wizard opens with, keyed by {@link lossKey}; a case that is not valid has no entry.
 * @example firstScreenLosses() // [{ key: "…", loss: { kind: "estimate", probability: 0.774, draws: 2000 } }]
 */
export function firstScreenLosses(): PrecomputedLoss[] {
  return openingCases().map(({ key, model }) => ({
    key,
    loss: probabilityOfLoss(model.scenario, model.terms, model.investor),
  }));
}

/**
 * The preview's figures (all but P(loss), which {@link firstScreenLosses} holds) of every case the wizard opens with,
 * keyed by {@link lossKey}; a case that is not valid or cannot be computed has no entry.
 * @example firstScreenFigures()[0]?.figures.breakEvenMonth // 38
 */
export function firstScreenFigures(): PrecomputedFigures[] {
  return openingCases().flatMap(({ key, model }) => {
    const numbers = computeCaseNumbers(model.scenario, model.terms, model.investor);
    // P(loss) is in the other table (FIRST_SCREEN_LOSS), which the page reads for it.
    return numbers.ok ? [{ key, figures: figuresBesideLoss(numbers.value) }] : [];
  });
}
