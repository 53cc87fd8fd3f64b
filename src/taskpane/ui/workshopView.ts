import type { Language } from "../about";
import { formatNumber, formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import type { CaseNumbers } from "../preview/preview";
import { formatAmount } from "../preview/warnings";
import { barChart, type Bar } from "./chart";
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

/** A slider's value in words, e.g. "17,5 procentpoint" or "79.236 kr.". */
export function sliderText(id: WorkshopSlider, value: number, language: Language): string {
  const unit = SLIDERS.find((slider) => slider.id === id)?.unit[language] ?? "";
  return `${formatNumber(value, language, id === "effectPp" ? 1 : 0)} ${unit}`;
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
        // The slider snaps a value off its step grid (the pilot's 17.545… pp, 79,236 kr) to the nearest step and says
        // "change": that is not the user's move, so the case keeps the exact value until the slider is really moved.
        if (Number.isFinite(value) && Math.abs(value - values[spec.id]) >= range.step / 2) onChange(spec.id, value);
      });
      return el(
        "div",
        { class: "slider-row" },
        el("div", { class: "slider-head" }, el("span", { id: labelId }, t(spec.label, language)), output),
        slider,
        el(
          "div",
          { class: "slider-range", "aria-hidden": "true" },
          el("span", {}, sliderText(spec.id, range.min, language)),
          el("span", {}, sliderText(spec.id, range.max, language)),
        ),
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
  const kr = (value: number): string => formatAmount(value, language);
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
          ? "Kommunen betaler for hver deltager, der kommer i job, også dem, der ville have fået job alligevel."
          : "The municipality pays for every participant who gets a job, also those who would have found one anyway.",
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
          ? "Investorens rente om året. Under nul betyder, at investor taber penge."
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

/**
 * The workshop's picture first: who gains what over the whole period (kr, undiscounted), as bars that move with the
 * sliders: the municipality (savings − payments), the state (savings − its share of payments), the investor (gets back
 * − pays in), the provider (paid for the programme) and the participants (extra wages before tax).
 * @example workshopBars(pilotNumbers, "da")[0] // { key: "municipality", label: "Kommunen", value: …, text: "… mio. kr." }
 */
export function workshopBars(numbers: CaseNumbers, language: Language): Bar[] {
  const investor = numbers.investor;
  const bar = (key: string, label: string, value: number): Bar => ({
    key,
    label,
    value,
    text: formatAmount(value, language),
  });
  return [
    bar("municipality", t("workshopMunicipalityGain", language), numbers.municipalitySibTotal.net),
    bar("state", t("workshopStateGain", language), numbers.stateSibTotal),
    bar("investor", t("workshopInvestorGain", language), investor.kind === "invested" ? investor.netGain : 0),
    bar("provider", t("workshopProviderGets", language), investor.kind === "invested" ? investor.drawn : 0),
    bar("participants", t("workshopParticipantsIncome", language), numbers.participantWages),
  ];
}

/** The picture: a large bar chart of who gains what, with a note on what each bar means. */
export function workshopPicture(numbers: CaseNumbers | null, language: Language): HTMLElement {
  if (numbers === null) return el("p", { class: "blocked" }, t("previewBlocked", language));
  return barChart(t("workshopPicture", language), workshopBars(numbers, language), "workshop", {
    large: true,
    note:
      language === "da"
        ? "Kommunen og staten: besparelse minus betalinger. Investor: får tilbage minus lægger ud. Leverandøren: betaling for indsatsen. Deltagerne: ekstra løn før skat."
        : "Municipality and state: savings minus payments. Investor: gets back minus pays in. Provider: paid for the programme. Participants: extra wages before tax.",
  });
}

/**
 * "What if it does not work?": at effect 0 the municipality saves nothing but still pays, because an absolute rate card
 * pays for everyone with an outcome, including those the comparison group shows would have got there anyway.
 */
export function noEffectExplanation(numbers: CaseNumbers, language: Language): string {
  const people = numbers.deadweight.byMetric
    .filter((metric) => metric.paymentAtZeroEffect > 0)
    .reduce((sum, metric) => sum + metric.payableCountAtZeroEffect, 0);
  const share = formatPercent(people / Math.max(1, numbers.participants), language, 0);
  return t("workshopNoEffectExplain", language, {
    amount: formatAmount(numbers.paymentsTotal, language),
    share,
  });
}

const GLOSSARY = [
  ["procentpoint", "percentage points", "glossaryPp"],
  ["nutidsværdi", "present value", "glossaryNpv"],
  ["IRR", "IRR", "glossaryIrr"],
  ["dødvægt", "deadweight", "glossaryDeadweight"],
] as const;

/** One-line explanations of the terms, on demand (a disclosure per term). */
export function glossary(language: Language): HTMLElement {
  return el(
    "section",
    { class: "glossary", "aria-label": t("glossaryTitle", language) },
    el("h3", {}, t("glossaryTitle", language)),
    ...GLOSSARY.map(([da, en, key]) =>
      el(
        "details",
        { "data-term": en },
        el("summary", {}, `${t("glossaryShow", language)}: ${language === "da" ? da : en}`),
        el("p", {}, t(key, language)),
      ),
    ),
  );
}
