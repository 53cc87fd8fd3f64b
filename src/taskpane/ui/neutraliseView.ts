import { OUTCOME_STATES, STATE_LABELS, type OutcomeState } from "../../engine/states";
import type { Language } from "../about";
import { NEUTRALISE_TEXT } from "../steps/effect";
import { domId, el } from "./dom";

/**
 * The effect step's "Do not count as an effect" check boxes, one per outcome state, with the reasons for emigration
 * and disability pension under theirs, and an error line (`#e-neutraliseStates`) for a neutralisation that cannot be
 * applied.
 */
export function neutraliseView(
  chosen: readonly OutcomeState[],
  language: Language,
  onChange: (state: OutcomeState, on: boolean) => void,
): HTMLElement {
  const helpId = "h-neutraliseStates";
  const errorId = domId("e", "neutraliseStates");
  return el(
    "fieldset",
    { class: "group neutralise", "data-neutralise": "", "aria-describedby": helpId },
    el("legend", {}, NEUTRALISE_TEXT.legend[language]),
    el("p", { class: "help", id: helpId }, NEUTRALISE_TEXT.help[language]),
    ...OUTCOME_STATES.map((state) => {
      const id = domId("n", state);
      const reason = NEUTRALISE_TEXT.reasons[state];
      const reasonId = domId("nr", state);
      const box = el("input", {
        type: "checkbox",
        id,
        "data-neutralise-state": state,
        checked: chosen.includes(state),
        "aria-describedby": reason === undefined ? null : reasonId,
      });
      box.addEventListener("change", () => onChange(state, box.checked));
      return el(
        "div",
        { class: "check" },
        box,
        el("label", { for: id }, STATE_LABELS[state][language]),
        reason === undefined ? null : el("p", { class: "help", id: reasonId }, reason[language]),
      );
    }),
    el("p", { class: "error", id: errorId, hidden: true, "data-neutralise-error": "" }),
  );
}
