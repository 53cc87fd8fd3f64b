import type { Language } from "../about";
import { formatKr, formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import type { CaseNumbers } from "../preview/preview";
import { lineChart } from "./chart";
import { el } from "./dom";

/** One number of the preview: label, value and a short explanation. */
function metric(key: string, label: string, value: string, note?: string): HTMLElement {
  return el(
    "div",
    { class: "metric", "data-metric": key },
    el("dt", {}, label),
    el(
      "dd",
      {},
      el("span", { class: "value", "data-value": key }, value),
      note === undefined ? null : el("span", { class: "note" }, note),
    ),
  );
}

/** The investor's IRR as text: "8,3 % om året", or why there is none. */
export function irrText(numbers: CaseNumbers, language: Language): string {
  const irr = numbers.investor.irr;
  return irr.kind === "rate"
    ? `${formatPercent(irr.annual, language)} ${t("perYear", language)}`
    : t("irrNone", language);
}

/** The preview's content for the case numbers, or the "fix the errors" note when the case is not valid. */
export function previewContent(numbers: CaseNumbers | null, language: Language): HTMLElement {
  if (numbers === null) {
    return el(
      "div",
      { class: "preview-body" },
      el("p", { class: "blocked", "data-preview-blocked": "" }, t("previewBlocked", language)),
    );
  }
  const breakEven =
    numbers.breakEvenMonth === null
      ? t("breakEvenNever", language)
      : t("breakEvenMonth", language, { n: numbers.breakEvenMonth });
  const loss = numbers.lossProbability;
  return el(
    "div",
    { class: "preview-body" },
    el(
      "dl",
      { class: "metrics" },
      metric(
        "municipalNet",
        t("municipalNet", language),
        formatKr(numbers.municipalNetPerParticipant, language),
        t("municipalNetHelp", language),
      ),
      metric("breakEven", t("breakEven", language), breakEven),
      metric("irr", t("investorIrr", language), irrText(numbers, language)),
      metric(
        "loss",
        t("lossProbability", language),
        loss.kind === "pending" ? "—" : formatPercent(loss.probability, language),
        loss.kind === "pending" ? t("lossUnavailable", language) : t("lossHelp", language, { n: loss.draws }),
      ),
    ),
    lineChart(numbers.municipalityCumulative, t("chartTitle", language), t("chartMonths", language)),
  );
}
