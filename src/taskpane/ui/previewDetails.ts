/**
 * The preview's tables and chart, the lazy chunk details.js (issue 14 item 11: time to interactive): the accounts, the
 * results per municipality, what carries the municipality's result (bars and a table) and the running result with and
 * without the SIB, and the broad case beside the narrow one. Below the fold in a narrow taskpane, so the first screen
 * is drawn without them; src/taskpane/ui/detailsLoader.ts loads this chunk after the first paint and the app draws
 * them once it has arrived.
 */
import { STATE_LABELS } from "../../engine/states";
import type { Scenario } from "../../engine/scenario";
import type { Language } from "../about";
import { formatKr, formatNumber } from "../i18n/numbers";
import { t } from "../i18n/text";
import { broadPreview } from "../preview/broadAdapter";
import type { CaseNumbers } from "../preview/preview";
import { formatAmount } from "../preview/warnings";
import { broadTable } from "./broadView";
import { barChart, lineChart } from "./chart";
import { breakable, el } from "./dom";
import {
  accountLines,
  attributionLines,
  municipalityLines,
  municipalityLinesTable,
  type AttributionLine,
} from "./previewView";

/**
 * The preview's tables and chart for a case's numbers, in the order shown (null where a table does not apply).
 * @example previewDetails(pilotNumbers, "da").length // 4: accounts, municipalities (null), attribution, chart
 */
export function previewDetails(numbers: CaseNumbers, language: Language): (HTMLElement | null)[] {
  return [
    accountsTable(numbers, language),
    municipalityTable(numbers, language),
    attributionTable(numbers, language),
    cumulativeChart(numbers, language),
  ];
}

/**
 * The broad case beside the narrow one (issue 15), or null when no consequence row changes anything.
 * @example broadDetails(pilot, "da") // null for the pilot's own rows
 */
export function broadDetails(scenario: Scenario, language: Language): HTMLElement | null {
  return broadTable(broadPreview(scenario), language);
}

function accountsTable(numbers: CaseNumbers, language: Language): HTMLElement {
  return el(
    "table",
    { class: "accounts" },
    el("caption", {}, t("accountsTitle", language)),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("accountsAccount", language)),
        el("th", { scope: "col" }, t("accountsAmount", language)),
        el("th", { scope: "col" }, t("accountsBreakEven", language)),
      ),
    ),
    el(
      "tbody",
      {},
      ...accountLines(numbers, language).map((line) =>
        el(
          "tr",
          { "data-account": line.key },
          el("th", { scope: "row" }, line.label),
          el("td", { "data-account-value": line.key }, line.amount),
          el("td", { "data-account-breakeven": line.key }, line.breakEven),
        ),
      ),
    ),
  );
}

function municipalityTable(numbers: CaseNumbers, language: Language): HTMLElement | null {
  return municipalityLinesTable(municipalityLines(numbers, language), language, "municipality-table");
}

/** The attribution as a bar chart and a small table with a caption (the reference state) and, if needed, a note. */
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
    barChart(
      t("attributionChartTitle", language),
      lines.map((line) => ({
        key: line.key,
        label: breakable(line.label),
        value: line.value,
        text: formatKr(line.value, language),
      })),
      "attribution",
    ),
    el(
      "details",
      { class: "attribution-details" },
      el("summary", {}, t("attributionOutcome", language)),
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
    ),
    rows.ABROAD >= 0.5 || rows.PERM >= 0.5 ? el("p", { class: "note" }, t("attributionNote", language)) : null,
  );
}

/** The running-result chart: with and without the SIB, the break-even month marked where the number says. */
function cumulativeChart(numbers: CaseNumbers, language: Language): HTMLElement {
  const million = (value: number): string => formatNumber(value / 1_000_000, language, 1);
  const end = (values: readonly number[]): number => values[values.length - 1] ?? 0;
  const breakEven = numbers.breakEvenMonth;
  return lineChart(
    {
      title: t("chartCumulativeTitle", language),
      xLabel: t("chartXAxis", language),
      yLabel: t("chartYAxis", language),
      series: [
        { key: "withoutSib", label: t("chartWithoutSib", language), values: numbers.businessCaseCumulative },
        { key: "withSib", label: t("chartWithSib", language), values: numbers.municipalityCumulative },
      ],
      ...(breakEven === null
        ? {}
        : { marker: { x: breakEven, label: t("chartBreakEven", language, { n: breakEven }) } }),
      formatY: million,
      description: t("chartDescription", language, {
        months: numbers.businessCaseCumulative.length,
        end: formatAmount(end(numbers.businessCaseCumulative), language),
        endSib: formatAmount(end(numbers.municipalityCumulative), language),
        breakEven:
          breakEven === null ? t("chartBreakEvenNone", language) : t("chartBreakEvenIn", language, { n: breakEven }),
      }),
    },
    "cumulative",
  );
}
