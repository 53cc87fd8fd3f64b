/**
 * The first screen's P(loss), computed at build time (issue 14 item 11): webpack.config.js runs scripts/printFirstScreen.mts,
 * which prints {@link firstScreenLosses} as JSON, and passes it to the taskpane as FIRST_SCREEN_LOSS
 * (src/taskpane/preview/lossLoader.ts), so the first screen shows the engine's P(loss) of the pilot before the Monte
 * Carlo chunk (montecarlo.js) has loaded. One entry per distinct case the wizard opens with (its initial state in
 * Danish and in English): the key of the case's inputs and the engine's probabilityOfLoss.
 */
import { probabilityOfLoss } from "../src/taskpane/preview/lossAdapter";
import { lossKey, type PrecomputedLoss } from "../src/taskpane/preview/lossLoader";
import { initialState, modelOf } from "../src/taskpane/state/reducer";

/** The display languages the wizard can open with (its language is chosen from these; the case is the same). */
export const FIRST_SCREEN_LANGUAGES = ["da-DK", "en-GB"] as const;

/**
 * P(loss) of every case the wizard opens with, keyed by {@link lossKey}; a case that is not valid has no entry.
 * @example firstScreenLosses() // [{ key: "…", loss: { kind: "estimate", probability: 0.774, draws: 2000 } }]
 */
export function firstScreenLosses(): PrecomputedLoss[] {
  const table: PrecomputedLoss[] = [];
  for (const language of FIRST_SCREEN_LANGUAGES) {
    const model = modelOf(initialState(language));
    if (!model.valid) continue;
    const key = lossKey(model.scenario, model.terms, model.investor);
    if (table.some((entry) => entry.key === key)) continue;
    table.push({ key, loss: probabilityOfLoss(model.scenario, model.terms, model.investor) });
  }
  return table;
}
