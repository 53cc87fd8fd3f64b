import { OUTCOME_STATES, STATE_LABELS, type PerState } from "../../engine/states";
import type { Language } from "../about";
import { formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import { breakable, el } from "./dom";

/**
 * What the simple effect means in the eight outcomes: the participant shares the engine made from it
 * (participantSharesFromEmploymentEffect) next to the comparison group's, so the user sees where the effect comes
 * from and goes to (including emigration and disability pension). Shares are fractions.
 */
export function simpleSharesTable(
  participant: PerState<number>,
  comparison: PerState<number>,
  language: Language,
): HTMLElement {
  return el(
    "table",
    {},
    el("caption", {}, t("simpleSharesTitle", language)),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("attributionOutcome", language)),
        el("th", { scope: "col" }, t("simpleSharesParticipants", language)),
        el("th", { scope: "col" }, t("simpleSharesComparison", language)),
      ),
    ),
    el(
      "tbody",
      {},
      ...OUTCOME_STATES.map((state) =>
        el(
          "tr",
          { "data-simple-share": state },
          el("th", { scope: "row" }, breakable(STATE_LABELS[state][language])),
          el("td", {}, formatPercent(participant[state], language)),
          el("td", {}, formatPercent(comparison[state], language)),
        ),
      ),
    ),
  );
}
