import { ACCOUNTS, type Account } from "../engine/businessCase";
import { OVERSLAG_YEARS, parseStartDate, priceIndexOf, startDateOf, PRICE_INDEX_RANGE } from "../engine/budget";
import type { Scenario } from "../engine/scenario";
import { writeTable, type Table, type TableColumn } from "./blocks/table";
import { cell } from "./address";
import { add, call, concat, eq, ifThen, mul, name, num, pow, ref, sub } from "./formula";
import { ACCOUNT_LABELS, ACCOUNT_NAME } from "./labels";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type InputValidation, type Language, type SheetPlan } from "./types";
import type { CalculationLayout } from "./calculationSheet";

export const BUDGET_SHEET_NAMES: Bilingual = { da: "Budget", en: "Budget" };

/** Rows of the sheet's inputs and of the summary (1-based). */
const START_YEAR_ROW = 4;
const START_MONTH_ROW = 5;
const PRICE_INDEX_ROW = 6;
const PRICE_YEAR_ROW = 7;
const SUMMARY_HEADER_ROW = 9;
/** Budget year, three overslagsår and the remainder. */
const SUMMARY_ROWS = OVERSLAG_YEARS + 2;
const MONTH_HEADER_ROW = SUMMARY_HEADER_ROW + SUMMARY_ROWS + 3;

/** The defined name of an account's five budget amounts (budget year, overslagsår 1–3, the remainder). */
export function budgetName(account: Account): string {
  return `SIB_Budget_${ACCOUNT_NAME[account]}`;
}

type MonthKey = "m" | "monthOfYear" | "year" | "factor" | `current:${Account}`;

function validation(language: Language, rule: InputValidation["rule"], da: string, en: string): InputValidation {
  return language === "da"
    ? { rule, title: "Tilladte værdier", prompt: da, error: `Værdien er ikke tilladt. ${da}` }
    : { rule, title: "Allowed values", prompt: en, error: `This value is not allowed. ${en}` };
}

/**
 * The Budget sheet (issue 10 item 3, docs/budget.md): every account's net flow by calendar year in current prices, as
 * native formulas over the Calculation sheet's monthly flows (SIB_Flow_<Account>). Inputs on the sheet: the start year
 * and month of the programme (month m falls in the calendar year of the start plus m months) and the yearly price
 * change π; a fixed-price flow in calendar year Y is × (1 + π)^(Y − price year). The summary shows the budget year, the
 * three overslagsår and the remainder (every later year), named SIB_Budget_<Account> (five cells each).
 * @example budgetSheet(pilot, "da", calculation.layout).names.map((n) => n.name) // ["SIB_BudgetStartYear", …]
 */
export function budgetSheet(
  scenario: Scenario,
  language: Language,
  calculation: CalculationLayout,
): { plan: SheetPlan; names: SheetBuilder["names"] } {
  const sheet = new SheetBuilder(BUDGET_SHEET_NAMES[language], language);
  const date = parseStartDate(startDateOf(scenario));
  if (date === null) throw new Error(`budgetSheet needs a valid start date, got ${startDateOf(scenario)}`);
  sheet.label(
    0,
    1,
    { da: "Budget: kalenderår i løbende priser (kr)", en: "Budget: calendar years in current prices (kr)" },
    true,
  );
  sheet.label(0, 2, {
    da: "Programmåned m ligger i kalenderåret for startmåneden plus m måneder. Et beløb i faste priser ganges med (1 + prisudviklingen) opløftet til (år − prisår). Resultatbetalinger er ikke med her (se Betaling).",
    en: "Programme month m falls in the calendar year of the start month plus m months. A fixed-price amount is multiplied by (1 + the price change) raised to (year − price year). Outcome payments are not included here (see Payment).",
  });
  writeInputs(sheet, scenario, language, date);
  const months = writeMonthTable(sheet, calculation);
  writeSummary(sheet, months);
  return { plan: sheet.build([26, ...ACCOUNTS.map(() => 16), 12, 24]), names: sheet.names };
}

/** The start year and month, the price change (inputs) and the price year (a label) of the Budget sheet. */
function writeInputs(
  sheet: SheetBuilder,
  scenario: Scenario,
  language: Language,
  date: { readonly year: number; readonly month: number },
): void {
  const inputs: [number, Bilingual, string, number, (typeof FORMATS)[keyof typeof FORMATS], InputValidation][] = [
    [
      START_YEAR_ROW,
      { da: "Startår (budgetår)", en: "Start year (budget year)" },
      "SIB_BudgetStartYear",
      date.year,
      FORMATS.integer,
      validation(
        language,
        { kind: "whole", min: 1900, max: 2100 },
        "Et årstal fra 1900 til 2100.",
        "A year from 1900 to 2100.",
      ),
    ],
    [
      START_MONTH_ROW,
      { da: "Startmåned (1-12)", en: "Start month (1-12)" },
      "SIB_BudgetStartMonth",
      date.month,
      FORMATS.integer,
      validation(language, { kind: "whole", min: 1, max: 12 }, "En måned fra 1 til 12.", "A month from 1 to 12."),
    ],
    [
      PRICE_INDEX_ROW,
      { da: "Prisudvikling pr. år", en: "Price change per year" },
      "SIB_BudgetPriceIndex",
      priceIndexOf(scenario),
      FORMATS.percent,
      validation(
        language,
        { kind: "decimal", min: PRICE_INDEX_RANGE.min, max: PRICE_INDEX_RANGE.max },
        "En årlig prisudvikling fra -50 % til 50 %.",
        "A yearly price change from -50 % to 50 %.",
      ),
    ],
  ];
  for (const [row, label, definedName, value, format, rule] of inputs) {
    sheet.label(0, row, label);
    sheet.input(1, row, value, format, rule);
    sheet.nameCell(definedName, 1, row, "input", label);
  }
  sheet.label(0, PRICE_YEAR_ROW, { da: "Prisår (parameteråret)", en: "Price year (the parameter year)" });
  sheet.value(1, PRICE_YEAR_ROW, "label", scenario.parameterYear, FORMATS.integer);
  sheet.nameCell("SIB_BudgetPriceYear", 1, PRICE_YEAR_ROW, "label", {
    da: "Året, hvis faste priser modellens beløb er i",
    en: "The year whose fixed prices the model's amounts are in",
  });
}

/** Per programme month: calendar month, calendar year, price factor and each account's flow in current prices. */
function writeMonthTable(sheet: SheetBuilder, calculation: CalculationLayout): Table<MonthKey> {
  return writeTable<MonthKey>(sheet, {
    left: 0,
    headerRow: MONTH_HEADER_ROW,
    rows: calculation.calendarMonths,
    columns: [
      { key: "m", header: { da: "Programmåned m", en: "Programme month m" }, format: FORMATS.integer },
      {
        key: "monthOfYear",
        header: { da: "Kalendermåned", en: "Calendar month" },
        format: FORMATS.integer,
        formula: (r) =>
          r.first
            ? name("SIB_BudgetStartMonth")
            : ifThen(
                eq(r.previous("monthOfYear", num(0)), num(12)),
                num(1),
                add(r.previous("monthOfYear", num(0)), num(1)),
              ),
      },
      {
        key: "year",
        header: { da: "Kalenderår", en: "Calendar year" },
        format: FORMATS.integer,
        formula: (r) =>
          r.first
            ? name("SIB_BudgetStartYear")
            : add(r.previous("year", num(0)), ifThen(eq(r.previous("monthOfYear", num(0)), num(12)), num(1), num(0))),
      },
      {
        key: "factor",
        header: { da: "Prisfaktor", en: "Price factor" },
        format: FORMATS.factor,
        formula: (r) => pow(add(num(1), name("SIB_BudgetPriceIndex")), sub(r.at("year"), name("SIB_BudgetPriceYear"))),
      },
      ...ACCOUNTS.map((account): TableColumn<MonthKey> => ({
        key: `current:${account}`,
        header: {
          da: `${ACCOUNT_LABELS[account].da}, løbende priser`,
          en: `${ACCOUNT_LABELS[account].en}, current prices`,
        },
        format: FORMATS.kr,
        formula: (r) =>
          mul(call("INDEX", name(`SIB_Flow_${ACCOUNT_NAME[account]}`), add(r.at("m"), num(1))), r.at("factor")),
      })),
    ],
  });
}

/** The budget year, three overslagsår and the remainder per account (SUMIF over the month table), named. */
function writeSummary(sheet: SheetBuilder, months: Table<MonthKey>): void {
  sheet.label(0, SUMMARY_HEADER_ROW, { da: "Kalenderår", en: "Calendar year" }, true);
  ACCOUNTS.forEach((account, index) => sheet.label(1 + index, SUMMARY_HEADER_ROW, ACCOUNT_LABELS[account], true));
  const summaryLabels: Bilingual[] = [
    { da: "Budgetår", en: "Budget year" },
    ...Array.from({ length: OVERSLAG_YEARS }, (_, k) => ({ da: `Overslagsår ${k + 1}`, en: `Outline year ${k + 1}` })),
    { da: "Resten (fra og med året)", en: "Remainder (from the year on)" },
  ];
  const firstSummaryRow = SUMMARY_HEADER_ROW + 1;
  const lastSummaryRow = SUMMARY_HEADER_ROW + SUMMARY_ROWS;
  const yearColumn = ACCOUNTS.length + 1;
  sheet.label(yearColumn + 1, SUMMARY_HEADER_ROW, { da: "Periode", en: "Period" }, true);
  summaryLabels.forEach((label, k) => {
    const row = firstSummaryRow + k;
    // Each year is the one above + 1 (the first is the start year), so no year count is typed into a formula.
    const year = k === 0 ? name("SIB_BudgetStartYear") : add(ref(cell(0, row - 1)), num(1));
    sheet.formula(0, row, year, "calculation", FORMATS.integer);
    const thisYear = ref(cell(0, row));
    sheet.label(yearColumn + 1, row, label);
    const remainder = k === SUMMARY_ROWS - 1;
    ACCOUNTS.forEach((account, index) => {
      const criterion = remainder ? concat(">=", thisYear) : thisYear;
      sheet.formula(
        1 + index,
        row,
        call("SUMIF", months.range("year"), criterion, months.range(`current:${account}`)),
        "output",
        FORMATS.kr,
      );
    });
  });
  sheet.nameColumn("SIB_BudgetYears", 0, firstSummaryRow, lastSummaryRow, "calculation", {
    da: "Budgetår, overslagsår 1-3 og det første år af resten",
    en: "Budget year, outline years 1-3 and the first year of the remainder",
  });
  ACCOUNTS.forEach((account, index) =>
    sheet.nameColumn(budgetName(account), 1 + index, firstSummaryRow, lastSummaryRow, "output", {
      da: `${ACCOUNT_LABELS[account].da}: budgetår, overslagsår 1-3 og resten, løbende priser (kr)`,
      en: `${ACCOUNT_LABELS[account].en}: budget year, outline years 1-3 and the remainder, current prices (kr)`,
    }),
  );
}
