/**
 * The review step's budget table and "SIB or the municipality pays itself" (issue 10 items 3–4). The numbers come
 * from reviewBudget (the engine); this module only lays them out, as rows of text (tested without a DOM) and tables.
 */
import { BUDGET_ACCOUNT_LABELS } from "../../engine/budget";
import type { FinancingView } from "../../engine/selfFunded";
import type { Language } from "../about";
import { formatKr, formatPercent, localeOf } from "../i18n/numbers";
import { t } from "../i18n/text";
import { REVIEW_BUDGET_ACCOUNTS, type ReviewBudget } from "../preview/budgetAdapter";
import { el } from "./dom";

/** A table as text: column headers and rows of cells (the first cell is the row's label). */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The budget table: one row per account, columns budget year, three overslagsår and the remainder.
 * @example budgetTable(pilotBudget, "da").header // ["Konto", "2026 (budgetår)", "2027 (overslagsår)", …, "2030 og senere"]
 */
export function budgetTable(budget: ReviewBudget, language: Language): TextTable {
  const years = Array.from({ length: budget.remainderFrom - budget.startYear }, (_, i) => budget.startYear + i);
  const header = [
    t("budgetAccount", language),
    ...years.map((year, i) => t(i === 0 ? "budgetYear" : "budgetOverslag", language, { year })),
    t("budgetRemainder", language, { year: budget.remainderFrom }),
  ];
  const rows = REVIEW_BUDGET_ACCOUNTS.map((account) => [
    BUDGET_ACCOUNT_LABELS[account][language],
    ...budget.rows[account].map((amount) => formatKr(amount, language)),
  ]);
  return { header, rows };
}

/**
 * The financing comparison: the municipality's NPV, lowest cash position and when, and its loss at zero effect, self-
 * funded and with the SIB. Months are programme months (0 = the first month, as in the workbook and the CLI) with
 * their calendar month.
 * @example financingTable(pilotBudget, "en").rows[0] // ["The municipality's present value", "1,568,320 kr", …]
 */
export function financingTable(budget: ReviewBudget, lang: Language): TextTable {
  const views: readonly FinancingView[] = [budget.financing.selfFunded, budget.financing.sib];
  const when = (view: FinancingView): string => {
    if (view.worstMonth === null) return t("financingNever", lang);
    const index = budget.startMonth - 1 + view.worstMonth;
    const date = new Date(Date.UTC(budget.startYear + Math.floor(index / 12), index % 12, 1));
    const name = new Intl.DateTimeFormat(localeOf(lang), { month: "long", year: "numeric", timeZone: "UTC" }).format(
      date,
    );
    return t("financingMonthAt", lang, { n: view.worstMonth, date: name });
  };
  return {
    header: [t("financingMeasure", lang), t("financingSelf", lang), t("financingSib", lang)],
    rows: [
      [t("financingNpv", lang), ...views.map((view) => formatKr(view.npv, lang))],
      [t("financingWorst", lang), ...views.map((view) => formatKr(view.worstCumulative, lang))],
      [t("financingWorstMonth", lang), ...views.map(when)],
      [t("financingLoss", lang), ...views.map((view) => formatKr(view.lossIfNoEffect, lang))],
    ],
  };
}

/**
 * A text table as a table that stacks in a narrow box (class `stack`, taskpane CSS): each row's cells then stand under
 * the row's label, each with its column's header (`data-label`), so the budget's six columns never scroll sideways.
 */
function tableElement(table: TextTable, caption: string, id: string): HTMLElement {
  return el(
    "div",
    { class: "table-scroll" },
    el(
      "table",
      { class: "accounts stack", id },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, ...table.header.map((cell) => el("th", { scope: "col" }, cell)))),
      el(
        "tbody",
        {},
        ...table.rows.map((row) =>
          el(
            "tr",
            {},
            ...row.map((cell, i) =>
              i === 0
                ? el("th", { scope: "row" }, cell)
                : el("td", { class: "num", "data-label": table.header[i] }, cell),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The review step's budget and financing block (replaced on every change of the case). */
export function budgetView(budget: ReviewBudget, lang: Language): HTMLElement {
  const start = new Intl.DateTimeFormat(localeOf(lang), { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(budget.startYear, budget.startMonth - 1, 1)),
  );
  return el(
    "section",
    { class: "budget", "aria-labelledby": "budget-title" },
    el("h3", { id: "budget-title" }, t("budgetTitle", lang)),
    el(
      "p",
      { class: "note" },
      t("budgetNote", lang, {
        start,
        priceYear: budget.priceYear,
        index: formatPercent(budget.priceIndex, lang, 1),
      }),
    ),
    tableElement(budgetTable(budget, lang), t("budgetTitle", lang), "budget-table"),
    el("h3", { id: "financing-title" }, t("financingTitle", lang)),
    el("p", { class: "note" }, t("financingNote", lang)),
    tableElement(financingTable(budget, lang), t("financingTitle", lang), "financing-table"),
  );
}
