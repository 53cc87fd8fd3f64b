import type { Language } from "../about";
import { UNIT_LABELS } from "../i18n/errors";
import { t } from "../i18n/text";
import type { ChoiceSpec, FieldEntry, FieldSpec } from "../state/types";
import { domId, el } from "./dom";
import type { RadioGroup, TextInput } from "./fluent";

/** A rendered number field: the Fluent text input with its label and unit, help, source and error lines. */
export interface FieldView {
  readonly spec: FieldSpec;
  readonly root: HTMLElement;
  readonly input: TextInput;
  readonly error: HTMLElement;
  /** A plausibility warning (not an error): what the value was read as, or why it looks unusual. */
  readonly warning: HTMLElement;
  readonly source: HTMLElement | null;
}

/**
 * Renders a number field. The label is the text input's own label (tied to its input inside the component); the
 * help and error lines describe the input (aria-describedby through element reflection, wired once connected).
 */
export function fieldView(
  spec: FieldSpec,
  entry: FieldEntry | undefined,
  language: Language,
  onInput: (id: string, text: string) => void,
): FieldView {
  const inputId = domId("f", spec.id);
  const help = el("p", { class: "help", id: domId("h", spec.id) }, spec.help[language]);
  const error = el("p", { class: "error", id: domId("e", spec.id), hidden: true });
  const warning = el("p", { class: "warning", id: domId("w", spec.id), hidden: true, "data-warning-for": spec.id });
  const source = spec.showSource === true ? el("p", { class: "source", id: domId("s", spec.id) }) : null;
  const input = el(
    "fluent-text-input",
    {
      id: inputId,
      "data-field": spec.id,
      autocomplete: "off",
      spellcheck: "false",
      "control-size": "medium",
      value: entry?.text ?? "",
    },
    spec.label[language],
    el("span", { slot: "end", class: "unit", "aria-hidden": "true" }, UNIT_LABELS[spec.unit][language]),
  ) as TextInput;
  input.addEventListener("input", () => onInput(spec.id, input.value));
  const root = el("div", { class: "field", "data-field-root": spec.id }, input, help, source, error, warning);
  return { spec, root, input, error, warning, source };
}

/**
 * Ties help, source and error to the inner input of a connected field, and sets its invalid state. Uses element
 * reflection (ariaDescribedByElements), which crosses the component's shadow boundary where id references cannot.
 */
export function describeField(view: FieldView, invalid: boolean): void {
  const control = view.input.control as HTMLInputElement | undefined;
  if (control === undefined || control === null) return;
  const describedBy = [
    view.root.querySelector(".help"),
    view.source,
    invalid ? view.error : null,
    view.warning.hidden ? null : view.warning,
  ].filter((node): node is HTMLElement => node instanceof HTMLElement);
  control.ariaDescribedByElements = describedBy;
  control.setAttribute("inputmode", "decimal");
  if (invalid) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
}

/** Shows (or hides, for null) a field's error message. */
export function showFieldError(view: FieldView, message: string | null): void {
  const hidden = message === null;
  if (view.error.hidden !== hidden) view.error.hidden = hidden;
  if (view.error.textContent !== (message ?? "")) view.error.textContent = message ?? "";
  view.root.classList.toggle("invalid", !hidden);
  describeField(view, !hidden);
}

/** Shows (or hides, for null) a field's plausibility warning; the field stays valid. */
export function showFieldWarning(view: FieldView, message: string | null): void {
  const hidden = message === null;
  if (view.warning.hidden === hidden && view.warning.textContent === (message ?? "")) return;
  view.warning.hidden = hidden;
  view.warning.textContent = message ?? "";
  describeField(view, !view.error.hidden);
}

/** Renders a choice as a Fluent radio group (each radio labelled through a Fluent field). */
export function choiceView(
  spec: ChoiceSpec,
  value: string,
  language: Language,
  onChange: (value: string) => void,
): HTMLElement {
  const labelId = domId("cl", spec.id);
  const helpId = domId("ch", spec.id);
  const group = el(
    "fluent-radio-group",
    {
      id: domId("c", spec.id),
      "aria-labelledby": labelId,
      "aria-describedby": helpId,
      orientation: "vertical",
      name: spec.id,
    },
    ...spec.options.map((option) => {
      const radioId = domId(`r-${spec.id}`, option.value);
      return el(
        "fluent-field",
        { "label-position": "after" },
        el("label", { slot: "label", for: radioId }, option.label[language]),
        el("fluent-radio", {
          slot: "input",
          id: radioId,
          name: spec.id,
          value: option.value,
          checked: option.value === value,
        }),
      );
    }),
  ) as RadioGroup;
  group.addEventListener("change", () => {
    queueMicrotask(() => {
      const next = group.value;
      if (typeof next === "string" && next !== value) onChange(next);
    });
  });
  return el(
    "div",
    { class: "choice", "data-choice": spec.id },
    el("p", { class: "choice-label", id: labelId }, spec.label[language]),
    group,
    el("p", { class: "help", id: helpId }, spec.help[language]),
  );
}

/** The visible text of a field's value for the review (value and unit, or "(empty)"). */
export function fieldSummary(spec: FieldSpec, entry: FieldEntry | undefined, language: Language): string {
  if (entry === undefined || entry.text.trim() === "") {
    return spec.optional && spec.noneText !== undefined ? spec.noneText[language] : t("empty", language);
  }
  // One of a counted unit: "1 cohort", "1 person", "1 uge" (the English review read "Number of cohorts: 1 cohorts").
  const unit = UNIT_LABELS[spec.unit][language];
  const one = entry.parsed === "number" && entry.value === 1 ? ONE_OF.get(unit) : undefined;
  return `${entry.text} ${one ?? unit}`;
}

/** Counted units in the singular (hold, mdr. and kr. stay as they are). */
const ONE_OF: ReadonlyMap<string, string> = new Map([
  ["cohorts", "cohort"],
  ["months", "month"],
  ["people", "person"],
  ["weeks", "week"],
  ["personer", "person"],
  ["uger", "uge"],
]);
