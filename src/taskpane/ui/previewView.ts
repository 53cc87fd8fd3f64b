import type { AttributionRow } from "../../engine/attribution";
import { OUTCOME_STATES, STATE_LABELS } from "../../engine/states";
import type { Language } from "../about";
import { formatKr, formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import type { CaseNumbers } from "../preview/preview";
import { lineChart } from "./chart";
import { breakable, el } from "./dom";

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

/** One row of "what carries the municipality's result": an outcome, the cost, or the total. */
export interface AttributionLine {
  readonly key: AttributionRow | "total";
  readonly label: string;
  /** kr per participant (NPV), positive = gain for the municipality. */
  readonly value: number;
}

/**
 * The rows of the preview's attribution table: every outcome state except the reference with at least 0.5 kr (a
 * neutralised state's row is 0 and left out), the cost, and the municipality's net (the sum of the rows). JOB_UNK is
 * marked as resting on an assumed wage.
 * @example attributionLines(pilotNumbers, "da").find((line) => line.key === "ABROAD")?.value // ≈ 16,092
 */
export function attributionLines(numbers: CaseNumbers, language: Language): AttributionLine[] {
  const { reference, rows } = numbers.municipalAttribution;
  const lines: AttributionLine[] = OUTCOME_STATES.filter(
    (state) => state !== reference && Math.abs(rows[state]) >= 0.5,
  ).map((state) => ({
    key: state,
    label:
      state === "JOB_UNK"
        ? `${STATE_LABELS[state][language]} ${t("attributionAssumedWage", language)}`
        : STATE_LABELS[state][language],
    value: rows[state],
  }));
  lines.push({ key: "cost", label: t("attributionCost", language), value: rows.cost });
  lines.push({ key: "total", label: t("municipalNet", language), value: numbers.municipalNetPerParticipant });
  return lines;
}

/** The attribution as a small table with a caption (the reference state) and, if they carry savings, a note. */
function attributionTable(numbers: CaseNumbers, language: Language): HTMLElement {
  const lines = attributionLines(numbers, language);
  const row = (line: AttributionLine) =>
    el(
      "tr",
      { "data-attribution": line.key },
      el("th", { scope: "row" }, breakable(line.label)),
      el("td", {}, formatKr(line.value, language)),
    );
  const body = lines.filter((line) => line.key !== "total");
  const total = lines.filter((line) => line.key === "total");
  const rows = numbers.municipalAttribution.rows;
  const reference = STATE_LABELS[numbers.municipalAttribution.reference][language].toLowerCase();
  return el(
    "div",
    { class: "attribution" },
    el(
      "table",
      {},
      el("caption", {}, t("attributionTitle", language, { reference })),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, t("attributionOutcome", language)),
          el("th", { scope: "col" }, t("attributionAmount", language)),
        ),
      ),
      el("tbody", {}, ...body.map(row)),
      el("tfoot", {}, ...total.map(row)),
    ),
    rows.ABROAD >= 0.5 || rows.PERM >= 0.5 ? el("p", { class: "note" }, t("attributionNote", language)) : null,
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
    attributionTable(numbers, language),
    lineChart(numbers.municipalityCumulative, t("chartTitle", language), t("chartMonths", language)),
  );
}
