/**
 * The one-page committee summary, "Beslutningsoplæg" (issue 14 item 9): the case in five numbers, what carries the
 * municipality's result (a bar chart), the payment terms, the main risks (P(loss), deadweight, persistence), sources
 * and assumptions. Every number comes from caseFigures and the preview's P(loss) (the engine); this module lays them
 * out for the screen and for print (see caseStyle.ts).
 */
import { ATTRIBUTION_ROWS, type AttributionRow } from "../../engine/attribution";
import type { PaymentTerms } from "../../engine/payment/terms";
import { inputProvenance } from "../../engine/provenance";
import type { Scenario } from "../../engine/scenario";
import { STATE_LABELS } from "../../engine/states";
import type { Language } from "../about";
import type { Issue } from "../../engine/errors";
import { ct } from "../i18n/caseText";
import { issueReason } from "../i18n/issues";
import { formatKr, formatNumber, formatPercent } from "../i18n/numbers";
import type { CaseFigures } from "../preview/caseFigures";
import type { LossProbability } from "../preview/lossAdapter";
import { fieldSpec } from "../steps";
import { el } from "./dom";
import { municipalityLines, municipalityLinesTable } from "./previewView";

/** What the summary shows. */
export interface SummaryInput {
  readonly figures: CaseFigures;
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly loss: LossProbability;
  readonly version: string;
  /** The file name the case would be saved under (for "npm run case -- --scenario …"). */
  readonly fileName: string;
  /** The date printed, as a text (the caller formats today's date). */
  readonly date: string;
}

/** One of the five numbers: what it is, its value as shown, and a short note. */
export interface KeyNumber {
  readonly key: "municipality" | "public" | "socioEconomic" | "breakEven" | "irr";
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

/** Inputs listed under "Sources and assumptions", with the source of their value. */
const SOURCED_INPUTS = [
  "costPerParticipant",
  "interventionMonths",
  "measurementMonth",
  "persistence",
  "horizonMonths",
  "discountRate",
  "netTaxFactor",
] as const;

/**
 * The five numbers of the summary as text: municipality, public sector and socio-economic NPV per participant, the
 * municipality's break-even month and the investor's IRR with the money multiple.
 * @example keyNumbers(pilotFigures, "da")[0].value // "28.006 kr."
 */
export function keyNumbers(figures: CaseFigures, language: Language): KeyNumber[] {
  const breakEven = figures.breakEvenMonth.municipality;
  const multiple = figures.investor.moneyMultiple;
  return [
    {
      key: "municipality",
      label: ct("n1", language),
      value: formatKr(figures.perParticipant.municipality, language),
      note: ct("n1Note", language),
    },
    {
      key: "public",
      label: ct("n2", language),
      value: formatKr(figures.perParticipant.public, language),
      note: ct("n2Note", language),
    },
    {
      key: "socioEconomic",
      label: ct("n3", language),
      value: formatKr(figures.perParticipant.socioEconomic, language),
      note: ct("n3Note", language),
    },
    {
      key: "breakEven",
      label: ct("n4", language),
      value: breakEven === null ? ct("notReached", language) : ct("month", language, { n: breakEven }),
      note: ct("n4Note", language),
    },
    {
      key: "irr",
      label: ct("n5", language),
      value: figures.investor.irr === null ? ct("noIrr", language) : formatPercent(figures.investor.irr, language),
      note: ct("n5Note", language, { multiple: multiple === null ? "–" : formatNumber(multiple, language, 2) }),
    },
  ];
}

/** The summary sheet (an article with the five numbers, the chart, the terms, the risks and the sources). */
export function summarySheet(input: SummaryInput, language: Language): HTMLElement {
  const { figures } = input;
  return el(
    "article",
    { class: "summary-sheet", id: "summary-sheet", lang: language, "aria-labelledby": "summary-title" },
    el("h2", { id: "summary-title", tabindex: "-1" }, ct("summaryTitle", language, { name: figures.name })),
    el(
      "p",
      { class: "summary-basis" },
      ct("summaryBasis", language, {
        participants: formatNumber(figures.participants, language, 0),
        months: figures.horizonMonths,
        rate: formatPercent(figures.discountRate, language),
        year: figures.parameterYear,
        date: input.date,
      }),
    ),
    el("h3", {}, ct("fiveNumbers", language)),
    el(
      "dl",
      { class: "key-numbers" },
      ...keyNumbers(figures, language).map((number) =>
        el(
          "div",
          { class: "key-number", "data-key": number.key },
          el("dt", {}, number.label),
          el("dd", {}, el("strong", { "data-value": number.key }, number.value), el("span", {}, number.note)),
        ),
      ),
    ),
    attributionChart(figures, language),
    // Several municipalities: each one's result and payments (issue 14), as in the preview and the review step.
    municipalityLinesTable(municipalityLines(figures, language), language, "summary-municipality-table"),
    termsSection(input, language),
    risksSection(input, language),
    sourcesSection(input, language),
  );
}

/** The municipality's result per participant by outcome and cost as horizontal bars around zero, with values. */
function attributionChart(figures: CaseFigures, language: Language): HTMLElement {
  const rows = figures.attribution.rows;
  const shown = ATTRIBUTION_ROWS.filter((row) => row === "cost" || Math.abs(rows[row]) >= 0.5);
  const largest = Math.max(
    1,
    ...shown.map((row) => Math.abs(rows[row])),
    Math.abs(figures.perParticipant.municipality),
  );
  const label = (row: AttributionRow): string => (row === "cost" ? ct("cost", language) : STATE_LABELS[row][language]);
  const bar = (key: string, text: string, value: number, total: boolean): HTMLElement => {
    const width = (Math.abs(value) / largest) * 100;
    const x = value < 0 ? 100 - width : 100;
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 200 10");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "sheet-bar");
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("x", x.toFixed(3));
    rect.setAttribute("y", "1");
    rect.setAttribute("width", width.toFixed(3));
    rect.setAttribute("height", "8");
    rect.setAttribute("fill", total ? "#1b1b1b" : value < 0 ? "#b10e1c" : "#0f6cbd");
    const axis = document.createElementNS("http://www.w3.org/2000/svg", "line");
    axis.setAttribute("x1", "100");
    axis.setAttribute("x2", "100");
    axis.setAttribute("y1", "0");
    axis.setAttribute("y2", "10");
    axis.setAttribute("stroke", "#605e5c");
    axis.setAttribute("stroke-width", "0.6");
    svg.append(rect, axis);
    return el(
      "div",
      { class: total ? "sheet-bar-row total" : "sheet-bar-row", "data-row": key },
      el("span", { class: "sheet-bar-label" }, text),
      svg as unknown as HTMLElement,
      el("span", { class: "sheet-bar-value", "data-value": key }, formatKr(value, language)),
    );
  };
  const net = figures.perParticipant.municipality;
  const alt = ct("attributionAlt", language, {
    rows: shown.map((row) => `${label(row)} ${formatKr(rows[row], language)}`).join("; "),
    total: formatKr(net, language),
  });
  return el(
    "figure",
    { class: "attribution-chart", id: "summary-chart", role: "img", "aria-label": alt },
    el(
      "figcaption",
      {},
      ct("attributionTitle", language, { reference: STATE_LABELS[figures.attribution.reference][language] }),
    ),
    ...shown.map((row) => bar(row, label(row), rows[row], false)),
    bar("net", ct("netTotal", language), net, true),
  );
}

function metricLabel(metric: string, language: Language): string {
  if (metric === "selfSupporting") return ct("selfSupporting", language);
  if (metric === "paidHours") return ct("paidHours", language);
  const sustained = /^sustained(\d+)$/.exec(metric);
  return sustained === null ? metric : ct("sustained", language, { k: sustained[1] ?? "" });
}

function termsSection(input: SummaryInput, language: Language): HTMLElement {
  const { terms, figures } = input;
  const items: [string, string][] = [];
  for (const line of terms.rateCard) {
    if (line.price > 0)
      items.push([
        ct("price", language, { metric: metricLabel(line.metric, language) }),
        formatKr(line.price, language),
      ]);
  }
  const baseline = terms.baseline;
  items.push([
    ct("baseline", language),
    baseline.kind === "none"
      ? ct("baselineNone", language)
      : baseline.kind === "comparison"
        ? ct("baselineComparison", language)
        : ct("baselineHistorical", language, { rate: formatPercent(baseline.rate, language) }),
  ]);
  items.push([
    ct("threshold", language),
    terms.threshold === null
      ? ct("noThreshold", language)
      : ct("thresholdValue", language, {
          pp: formatNumber(terms.threshold.pp, language, 2),
          scope: ct(terms.threshold.scope === "contract" ? "scopeContract" : "scopeMetric", language),
        }),
  ]);
  const cap = (value: number | null): string => (value === null ? ct("noCap", language) : formatKr(value, language));
  items.push([ct("personCap", language), cap(terms.personCap)]);
  items.push([ct("contractCap", language), cap(terms.contractCap)]);
  items.push([ct("lag", language), ct("lagValue", language, { n: terms.lagMonths })]);
  items.push([
    ct("payers", language),
    ct("payersValue", language, {
      municipality: formatPercent(terms.municipalityShare, language, 0),
      state: formatPercent(1 - terms.municipalityShare, language, 0),
    }),
  ]);
  if (terms.baseFee > 0) items.push([ct("baseFee", language), formatKr(terms.baseFee, language)]);
  if (terms.savingsShare > 0) items.push([ct("savingsShare", language), formatPercent(terms.savingsShare, language)]);
  return el(
    "section",
    { class: "summary-terms" },
    el("h3", {}, ct("termsTitle", language)),
    el(
      "dl",
      { class: "terms" },
      ...items.map(([term, value]) => el("div", {}, el("dt", {}, term), el("dd", {}, value))),
    ),
    el(
      "p",
      { "data-value": "paymentSum" },
      ct("paymentSum", language, {
        total: formatKr(figures.payment.total, language),
        pv: formatKr(figures.payment.presentValue, language),
        net: formatKr(figures.payment.municipalityNetPresentValue, language),
      }),
    ),
  );
}

/** The engine's reasons why P(loss) is not computed, in the language, each once. */
function lossReasons(issues: readonly Issue[], language: Language): string {
  return [...new Set(issues.map((problem) => issueReason(problem, language)))].join("; ");
}

function risksSection(input: SummaryInput, language: Language): HTMLElement {
  const { figures, loss, scenario } = input;
  const payment = figures.payment;
  const rho = formatPercent(scenario.persistence, language);
  const deadweight =
    payment.deadweightShare === null
      ? ct("riskDeadweightNoShare", language, { kr: formatKr(payment.paymentAtZeroEffect, language) })
      : ct("riskDeadweight", language, {
          kr: formatKr(payment.paymentAtZeroEffect, language),
          share: formatPercent(payment.deadweightShare, language),
        });
  return el(
    "section",
    { class: "summary-risks" },
    el("h3", {}, ct("risksTitle", language)),
    el(
      "ul",
      {},
      el(
        "li",
        { "data-risk": "loss" },
        loss.kind === "estimate"
          ? ct("riskLoss", language, {
              p: formatPercent(loss.probability, language),
              draws: formatNumber(loss.draws, language, 0),
            })
          : loss.issues !== undefined && loss.issues.length > 0
            ? ct("riskLossWhy", language, { reasons: lossReasons(loss.issues, language) })
            : ct("riskLossNone", language),
      ),
      el(
        "li",
        { "data-risk": "deadweight" },
        payment.deadweightWarning ? `${deadweight} ${ct("riskWarning", language)}` : deadweight,
      ),
      el(
        "li",
        { "data-risk": "persistence" },
        payment.savingsAfterLastPayment === null || payment.lastOutcomePaymentMonth === null
          ? ct("riskPersistenceNone", language, { rho })
          : ct("riskPersistence", language, {
              share: formatPercent(payment.savingsAfterLastPayment, language),
              month: payment.lastOutcomePaymentMonth,
              rho,
            }),
      ),
    ),
  );
}

function sourcesSection(input: SummaryInput, language: Language): HTMLElement {
  const items = SOURCED_INPUTS.map((key) => {
    const spec = fieldSpec(key);
    const provenance = inputProvenance(input.scenario, key);
    return el("li", {}, `${spec?.label[language] ?? key}: ${provenance[language]}`);
  });
  return el(
    "section",
    { class: "summary-sources" },
    el("h3", {}, ct("sourcesTitle", language)),
    el("ul", {}, ...items),
    el("p", {}, ct("sourcesEngine", language, { version: input.version })),
    el("p", {}, ct("sourcesFile", language, { file: input.fileName })),
  );
}
