import type { Language } from "../about";
import { formatKr, formatNumber, formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import type { CaseNumbers } from "../preview/preview";
import { WORKSHOP_RANGES } from "../state/reducer";
import type { Text, WorkshopSlider, WorkshopValues } from "../state/types";
import { domId, el } from "./dom";
import type { Slider } from "./fluent";
import { irrText } from "./previewView";

const SLIDERS: readonly {
  readonly id: WorkshopSlider;
  readonly label: "sliderEffect" | "sliderCost" | "sliderPrice" | "sliderHorizon";
  readonly unit: Text;
}[] = [
  { id: "effectPp", label: "sliderEffect", unit: { da: "procentpoint", en: "percentage points" } },
  { id: "costPerParticipant", label: "sliderCost", unit: { da: "kr.", en: "kr" } },
  { id: "price", label: "sliderPrice", unit: { da: "kr.", en: "kr" } },
  { id: "horizonMonths", label: "sliderHorizon", unit: { da: "måneder", en: "months" } },
];

/** A slider's value in words, e.g. "11 procentpoint" or "79.000 kr.". */
export function sliderText(id: WorkshopSlider, value: number, language: Language): string {
  const unit = SLIDERS.find((slider) => slider.id === id)?.unit[language] ?? "";
  return `${formatNumber(value, language, 0)} ${unit}`;
}

/** The sliders, each labelled and with its value in words next to it. */
export function workshopSliders(
  values: WorkshopValues,
  language: Language,
  onChange: (id: WorkshopSlider, value: number) => void,
): HTMLElement {
  return el(
    "div",
    { class: "sliders" },
    ...SLIDERS.map((spec) => {
      const labelId = domId("wl", spec.id);
      const range = WORKSHOP_RANGES[spec.id];
      const output = el(
        "output",
        { id: domId("wo", spec.id), "data-workshop-value": spec.id },
        sliderText(spec.id, values[spec.id], language),
      );
      const slider = el("fluent-slider", {
        id: domId("ws", spec.id),
        "data-workshop": spec.id,
        "aria-labelledby": labelId,
        min: range.min,
        max: range.max,
        step: range.step,
        value: values[spec.id],
      }) as Slider;
      slider.valueTextFormatter = (value: string) => sliderText(spec.id, Number(value), language);
      slider.addEventListener("change", () => {
        const value = Number(slider.value);
        if (Number.isFinite(value) && value !== values[spec.id]) onChange(spec.id, value);
      });
      return el(
        "div",
        { class: "slider-row" },
        el("div", { class: "slider-head" }, el("span", { id: labelId }, t(spec.label, language)), output),
        slider,
      );
    }),
  );
}

/** One party's card: numbers with a one-line explanation each. */
function party(key: string, title: string, items: readonly (readonly [string, string, string])[]): HTMLElement {
  return el(
    "section",
    { class: "party", "data-party": key, "aria-label": title },
    el("h3", {}, title),
    el(
      "dl",
      {},
      ...items.map(([label, value, explanation]) =>
        el(
          "div",
          { class: "party-item" },
          el("dt", {}, label),
          el("dd", {}, el("strong", {}, value), el("span", { class: "note" }, explanation)),
        ),
      ),
    ),
  );
}

/** The municipality, the investor and the provider side by side, with plain explanations. */
export function workshopParties(numbers: CaseNumbers | null, language: Language): HTMLElement {
  if (numbers === null) return el("p", { class: "blocked" }, t("previewBlocked", language));
  const kr = (value: number): string => formatKr(value, language);
  const da = language === "da";
  const sib = numbers.municipalitySibTotal;
  const investor = numbers.investor.kind === "invested" ? numbers.investor : { drawn: 0, returned: 0 };
  return el(
    "div",
    { class: "parties" },
    party("municipality", t("municipality", language), [
      [
        da ? "Sparer" : "Saves",
        kr(sib.savings),
        da
          ? "Færre på ydelse og mere i skat, når flere kommer i job."
          : "Fewer people on benefits and more tax when more people work.",
      ],
      [
        da ? "Betaler for resultater" : "Pays for outcomes",
        kr(sib.payments),
        da
          ? "Kommunen betaler kun, når deltagerne kommer i job."
          : "The municipality pays only when participants get jobs.",
      ],
      [
        da ? "Tilbage til kommunen" : "Left for the municipality",
        kr(sib.net),
        da
          ? "Besparelsen minus betalingerne. Over nul betyder, at kommunen vinder."
          : "Savings minus payments. Above zero means the municipality gains.",
      ],
    ]),
    party("investor", t("investor", language), [
      [
        da ? "Lægger ud" : "Pays in",
        kr(investor.drawn),
        da
          ? "Investor betaler indsatsen, før man ved, om den virker."
          : "The investor pays for the programme before anyone knows if it works.",
      ],
      [
        da ? "Får tilbage" : "Gets back",
        kr(investor.returned),
        da
          ? "Det, kommunen betaler for resultaterne, går til investor."
          : "What the municipality pays for outcomes goes to the investor.",
      ],
      [
        da ? "Afkast" : "Return",
        irrText(numbers.investor, language),
        da
          ? "Investors rente om året. Under nul betyder, at investor taber penge."
          : "The investor's interest per year. Below zero means the investor loses money.",
      ],
      [
        da ? "Risiko for tab" : "Probability of loss",
        numbers.lossProbability.kind === "pending"
          ? "—"
          : formatPercent(numbers.lossProbability.probability, language, 0),
        da
          ? "Hvor sandsynligt det er, at investor får mindre tilbage, end den lagde ud, når tilfældet afgør, hvem der kommer i job."
          : "How likely it is that the investor gets back less than it put in, when chance decides who gets a job.",
      ],
    ]),
    party("provider", t("provider", language), [
      [
        da ? "Får til indsatsen" : "Receives for the programme",
        kr(investor.drawn),
        da
          ? `Betaling for at hjælpe ${formatNumber(numbers.participants, "da", 0)} deltagere. Pengene kommer fra investor.`
          : `Payment for helping ${formatNumber(numbers.participants, "en", 0)} participants. The money comes from the investor.`,
      ],
      [
        da ? "Skal levere" : "Must deliver",
        da ? "flere i job" : "more people in work",
        da
          ? "Jo flere der kommer i job, jo bedre for både kommune og investor."
          : "The more people get jobs, the better for both the municipality and the investor.",
      ],
    ]),
  );
}
