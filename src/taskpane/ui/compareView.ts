/**
 * A and B side by side (issue 14 item 3): every account, the payment, the investor, the deadweight and the named
 * views, with the difference B − A. The figures come from caseFigures (the engine); this module only lays them out.
 */
import { ACCOUNTS, type Account } from "../../engine/businessCase";
import type { Language } from "../about";
import { ct, type CaseTextKey } from "../i18n/caseText";
import { formatKr, formatNumber, formatPercent } from "../i18n/numbers";
import type { CaseFigures } from "../preview/caseFigures";
import { el } from "./dom";

/** One row: a label and a value of A and of B (null = none), shown as kr, a month, a percentage or a number. */
export interface CompareRow {
  readonly key: string;
  readonly label: string;
  readonly a: number | null;
  readonly b: number | null;
  readonly format: "kr" | "month" | "percent" | "multiple";
}

/** A group of rows under a heading. */
export interface CompareGroup {
  readonly title: string;
  readonly rows: readonly CompareRow[];
}

/**
 * The rows of the comparison in a language (pure data, tested without a DOM).
 * @example compareGroups(a, b, "en")[0].rows[0] // { key: "municipality", label: "Municipality", a: 28005.7, b: … }
 */
export function compareGroups(a: CaseFigures, b: CaseFigures, language: Language): CompareGroup[] {
  const row = (
    key: string,
    label: string,
    format: CompareRow["format"],
    value: (figures: CaseFigures) => number | null,
  ): CompareRow => ({ key, label, a: value(a), b: value(b), format });
  const accounts = ACCOUNTS.map((account: Account) =>
    row(account, ct(account as CaseTextKey, language), "kr", (figures) => figures.perParticipant[account]),
  );
  accounts.push(row("breakEven", ct("breakEven", language), "month", (figures) => figures.breakEvenMonth.municipality));
  const views: CompareRow[] = [];
  for (const view of b.views) {
    const label = view.label[language];
    const of = (figures: CaseFigures) => figures.views.find((candidate) => candidate.id === view.id);
    views.push(
      row(`view.${view.id}.municipality`, ct("viewMunicipality", language, { view: label }), "kr", (figures) =>
        of(figures) === undefined ? null : (of(figures)?.perParticipant.municipality ?? null),
      ),
      row(`view.${view.id}.socioEconomic`, ct("viewSocio", language, { view: label }), "kr", (figures) =>
        of(figures) === undefined ? null : (of(figures)?.perParticipant.socioEconomic ?? null),
      ),
    );
  }
  return [
    { title: ct("accounts", language), rows: accounts },
    {
      title: ct("paymentGroup", language),
      rows: [
        row("paymentTotal", ct("paymentTotal", language), "kr", (figures) => figures.payment.total),
        row("paymentPv", ct("paymentPv", language), "kr", (figures) => figures.payment.presentValue),
        row(
          "municipalityAfter",
          ct("municipalityAfter", language),
          "kr",
          (figures) => figures.payment.municipalityNetPresentValue,
        ),
      ],
    },
    {
      title: ct("investorGroup", language),
      rows: [
        row("drawn", ct("drawn", language), "kr", (figures) => figures.investor.drawn),
        row("returned", ct("returned", language), "kr", (figures) => figures.investor.returned),
        row("multiple", ct("multiple", language), "multiple", (figures) => figures.investor.moneyMultiple),
        row("irr", ct("irr", language), "percent", (figures) => figures.investor.irr),
      ],
    },
    {
      title: ct("deadweightGroup", language),
      rows: [
        row("atZero", ct("atZero", language), "kr", (figures) => figures.payment.paymentAtZeroEffect),
        row(
          "deadweightShare",
          ct("deadweightShare", language),
          "percent",
          (figures) => figures.payment.deadweightShare,
        ),
        row("afterLast", ct("afterLast", language), "percent", (figures) => figures.payment.savingsAfterLastPayment),
      ],
    },
    { title: ct("viewsGroup", language), rows: views },
  ];
}

/**
 * A value as the comparison shows it ("28.006 kr.", "måned 38", "-11,9 %", "0,82"); none = "ingen" / "none".
 * @example formatCompare(38, "month", "da") // "måned 38"
 */
export function formatCompare(value: number | null, format: CompareRow["format"], language: Language): string {
  if (value === null) return format === "month" ? ct("notReached", language) : ct("none", language);
  switch (format) {
    case "kr":
      return formatKr(value, language);
    case "month":
      return ct("month", language, { n: value });
    case "percent":
      return formatPercent(value, language);
    case "multiple":
      return formatNumber(value, language, 2);
  }
}

/**
 * B − A as shown: kr and months as signed numbers, percentages in percentage points; "–" when either is none.
 * @example differenceText({ a: 0.479, b: 0.4789, format: "percent", … }, "da") // "0 procentpoint"
 */
export function differenceText(row: Pick<CompareRow, "a" | "b" | "format">, language: Language): string {
  if (row.a === null || row.b === null) return "–";
  // Rounded as shown first, so a difference that shows as 0 has no sign ("0 kr.", not "+0 kr." or "-0 procentpoint").
  const decimals = row.format === "percent" ? 1 : row.format === "multiple" ? 2 : 0;
  const shown = Number(((row.b - row.a) * (row.format === "percent" ? 100 : 1)).toFixed(decimals)) + 0;
  const delta = shown === 0 ? 0 : shown;
  const sign = delta > 0 ? "+" : "";
  switch (row.format) {
    case "kr":
      return `${sign}${formatKr(delta, language)}`;
    case "month":
      return `${sign}${formatNumber(delta, language, 0)}`;
    case "percent":
      return `${sign}${formatNumber(delta, language, 1)} ${language === "da" ? "procentpoint" : "pp"}`;
    case "multiple":
      return `${sign}${formatNumber(delta, language, 2)}`;
  }
}

/** The comparison table: one column each for A, B and B − A, a row group per heading. */
export function compareTable(a: CaseFigures, b: CaseFigures, language: Language): HTMLElement {
  const groups = compareGroups(a, b, language);
  return el(
    "table",
    { class: "compare-table", id: "compare-table" },
    el("caption", {}, ct("compareCaption", language)),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, ct("column", language)),
        el("th", { scope: "col" }, "A"),
        el("th", { scope: "col" }, "B"),
        el("th", { scope: "col" }, ct("difference", language)),
      ),
    ),
    ...groups.map((group) =>
      el(
        "tbody",
        {},
        el("tr", { class: "group" }, el("th", { scope: "rowgroup", colspan: 4 }, group.title)),
        ...group.rows.map((row) =>
          el(
            "tr",
            { "data-row": row.key },
            el("th", { scope: "row" }, row.label),
            el("td", { "data-col": "a", "data-label": "A" }, formatCompare(row.a, row.format, language)),
            el("td", { "data-col": "b", "data-label": "B" }, formatCompare(row.b, row.format, language)),
            el("td", { "data-col": "diff", "data-label": ct("difference", language) }, differenceText(row, language)),
          ),
        ),
      ),
    ),
  );
}
