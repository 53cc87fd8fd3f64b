import { ACCOUNTS, type Account } from "../engine/businessCase";
import {
  BUDGET_ACCOUNT_LABELS,
  MUNICIPALITY_BUDGET_ACCOUNT_LABELS,
  MUNICIPALITY_BUDGET_ACCOUNTS,
  OVERSLAG_YEARS,
  parseStartDate,
  priceIndexOf,
  startDateOf,
  PRICE_INDEX_RANGE,
  type BudgetAccount,
  type MunicipalityBudgetAccount,
} from "../engine/budget";
import { MAX_PRICE_INDEXATION, type PaymentTerms } from "../engine/payment/terms";
import type { Scenario } from "../engine/scenario";
import { writeTable, type RowScope, type Table, type TableColumn } from "./blocks/table";
import { cell } from "./address";
import { add, call, concat, div, eq, ifThen, mul, name, num, pow, ref, sub, type Expr } from "./formula";
import { ACCOUNT_LABELS, ACCOUNT_NAME } from "./labels";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type InputValidation, type Language, type SheetPlan } from "./types";
import type { CalculationLayout } from "./calculationSheet";
import { calculationFlow } from "./payment/monthBlock";
import { municipalityCellName } from "./inputs/municipalityInputs";
import type { CohortBlock } from "./calculation/programmeMonthBlock";

export const BUDGET_SHEET_NAMES: Bilingual = { da: "Budget", en: "Budget" };

/** Rows of the sheet's inputs and of the summary (1-based). */
const START_YEAR_ROW = 4;
const START_MONTH_ROW = 5;
const PRICE_INDEX_ROW = 6;
const PRICE_YEAR_ROW = 7;
/** The contract's yearly price indexation of the payments (only with a Payment sheet). */
const INDEXATION_ROW = 8;
const SUMMARY_HEADER_ROW = 10;
/** Budget year, three overslagsår and the remainder. */
const SUMMARY_ROWS = OVERSLAG_YEARS + 2;
const MONTH_HEADER_ROW = SUMMARY_HEADER_ROW + SUMMARY_ROWS + 3;

/** The accounts the Budget sheet adds with a Payment sheet: the payments as paid and the municipality after them. */
export const BUDGET_PAYMENT_ACCOUNTS = ["outcomePayments", "municipalityWithSib"] as const;
type PaymentAccount = (typeof BUDGET_PAYMENT_ACCOUNTS)[number];

/**
 * The defined name of an account's five budget amounts (budget year, overslagsår 1–3, the remainder).
 * @example budgetName("municipality") // "SIB_Budget_Municipality"; budgetName("outcomePayments") // "SIB_Budget_OutcomePayments"
 */
export function budgetName(account: BudgetAccount): string {
  if (account === "outcomePayments") return "SIB_Budget_OutcomePayments";
  if (account === "municipalityWithSib") return "SIB_Budget_MunicipalityWithSib";
  return `SIB_Budget_${ACCOUNT_NAME[account]}`;
}

/**
 * The defined name of municipality n's five budget amounts of one account (several municipalities), n 1-based.
 * @example municipalityBudgetName(2, "municipalityWithSib") // "SIB_Budget_Muni2_MunicipalityWithSib"
 */
export function municipalityBudgetName(n: number, account: MunicipalityBudgetAccount): string {
  const part = {
    municipality: "Municipality",
    municipalPayments: "MunicipalPayments",
    municipalityWithSib: "MunicipalityWithSib",
  };
  return `SIB_Budget_Muni${n}_${part[account]}`;
}

/** Label of a budget account: the business case's own labels, the engine's for the payment accounts. */
function accountLabel(account: BudgetAccount): Bilingual {
  if (account === "outcomePayments" || account === "municipalityWithSib") return BUDGET_ACCOUNT_LABELS[account];
  return ACCOUNT_LABELS[account];
}

/** What the Budget sheet needs of the Payment sheet: its month rows and the contract's yearly price indexation. */
export interface BudgetPayments {
  /** Rows of the Payment and Investor sheets' month tables (SIB_PaySchedule, SIB_InvMunicipalityBack). */
  readonly months: number;
  /** π_c, the contract's yearly indexation (PaymentTerms.priceIndexation, 0 when absent). */
  readonly priceIndexation: number;
}

/**
 * What the Budget sheet takes of a Payment sheet (its layout's month rows) and the terms (their yearly indexation):
 * null without a Payment sheet. Written after the Payment sheet, so the payments are in the year they are paid.
 * @example budgetPayments({ months: 50 }, PILOT_PAYMENT_TERMS) // { months: 50, priceIndexation: 0 }
 */
export function budgetPayments(
  layout: { readonly months: number } | undefined,
  terms: PaymentTerms | undefined,
): BudgetPayments | null {
  return layout === undefined ? null : { months: layout.months, priceIndexation: terms?.priceIndexation ?? 0 };
}

type MonthKey =
  | "m"
  | "monthOfYear"
  | "year"
  | "factor"
  | `current:${Account}`
  | "contractYear"
  | "contractIndex"
  | "municipalSavings"
  | "municipalPaid"
  | `current:${PaymentAccount}`
  | `muni:${number}:savings`
  | `muni:${number}:${MunicipalityBudgetAccount}`;

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
 * three overslagsår and the remainder (every later year), named SIB_Budget_<Account> (five cells each). With a Payment
 * sheet (`payments`), two more accounts: the outcome payments in the month they are paid (SIB_PaySchedule) and the
 * municipality with SIB (its savings before the cost in current prices − what it pays: SIB_PayScheduleMunicipality −
 * SIB_InvMunicipalityBack), payments × the contract's index (1 + π_c)^⌊m/12⌋ (input SIB_BudgetPaymentIndexation), as
 * src/engine/budget.ts; the month table then runs to the payments' last row, so a payment after the horizon is kept.
 * @example budgetSheet(pilot, "da", calculation.layout).names.map((n) => n.name) // ["SIB_BudgetStartYear", …]
 */
export function budgetSheet(
  scenario: Scenario,
  language: Language,
  calculation: CalculationLayout,
  payments: BudgetPayments | null = null,
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
  sheet.label(
    0,
    2,
    payments === null
      ? {
          da: "Programmåned m ligger i kalenderåret for startmåneden plus m måneder. Et beløb i faste priser ganges med (1 + prisudviklingen) opløftet til (år − prisår). Uden betalingsvilkår er der ingen resultatbetalinger.",
          en: "Programme month m falls in the calendar year of the start month plus m months. A fixed-price amount is multiplied by (1 + the price change) raised to (year − price year). Without payment terms there are no outcome payments.",
        }
      : {
          da: "Programmåned m ligger i kalenderåret for startmåneden plus m måneder. Et beløb i faste priser ganges med (1 + prisudviklingen) opløftet til (år − prisår). Resultatbetalinger står i det år, de betales, ganget med kontraktens prisregulering (1 + reguleringen) opløftet til kontraktåret (m/12 rundet ned).",
          en: "Programme month m falls in the calendar year of the start month plus m months. A fixed-price amount is multiplied by (1 + the price change) raised to (year − price year). Outcome payments are in the year they are paid, multiplied by the contract's indexation (1 + the indexation) raised to the contract year (m/12 rounded down).",
        },
  );
  writeInputs(sheet, scenario, language, date, payments);
  const accounts: readonly BudgetAccount[] = payments === null ? ACCOUNTS : [...ACCOUNTS, ...BUDGET_PAYMENT_ACCOUNTS];
  const rows = Math.max(calculation.calendarMonths, payments?.months ?? 0);
  const months = writeMonthTable(sheet, rows, payments !== null, calculation);
  writeSummary(sheet, months, accounts);
  const parts = municipalityAccounts(calculation, payments !== null);
  writeMunicipalitySummary(sheet, months, { left: accounts.length + 4, count: calculation.municipalities, parts });
  const partColumns = Array.from({ length: calculation.municipalities * parts.length }, () => 16);
  return { plan: sheet.build([26, ...accounts.map(() => 16), 12, 24, 4, ...partColumns]), names: sheet.names };
}

/** The accounts of each municipality's budget (several municipalities): its own, and with payments what it pays and the difference. */
function municipalityAccounts(
  calculation: CalculationLayout,
  withPayments: boolean,
): readonly MunicipalityBudgetAccount[] {
  if (calculation.municipalities === 0) return [];
  return withPayments ? MUNICIPALITY_BUDGET_ACCOUNTS : ["municipality"];
}

/** The start year and month, the price change (inputs) and the price year (a label) of the Budget sheet. */
function writeInputs(
  sheet: SheetBuilder,
  scenario: Scenario,
  language: Language,
  date: { readonly year: number; readonly month: number },
  payments: BudgetPayments | null,
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
  if (payments !== null) {
    inputs.push([
      INDEXATION_ROW,
      {
        da: "Kontraktens prisregulering af betalinger pr. år",
        en: "Contract's yearly price indexation of payments",
      },
      "SIB_BudgetPaymentIndexation",
      payments.priceIndexation,
      FORMATS.percent,
      validation(
        language,
        { kind: "decimal", min: 0, max: MAX_PRICE_INDEXATION },
        `En årlig prisregulering fra 0 % til ${100 * MAX_PRICE_INDEXATION} % (0 = betalinger i faste priser).`,
        `A yearly indexation from 0 % to ${100 * MAX_PRICE_INDEXATION} % (0 = payments in fixed prices).`,
      ),
    ]);
  }
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
function writeMonthTable(
  sheet: SheetBuilder,
  rows: number,
  withPayments: boolean,
  calculation: CalculationLayout,
): Table<MonthKey> {
  return writeTable<MonthKey>(sheet, {
    left: 0,
    headerRow: MONTH_HEADER_ROW,
    rows,
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
        // 0 after the Calculation sheet's months (the table runs on to the payments' last month).
        formula: (r) => mul(calculationFlow(`SIB_Flow_${ACCOUNT_NAME[account]}`, r.at("m")), r.at("factor")),
      })),
      ...(withPayments ? paymentColumns() : []),
      ...(calculation.municipalities === 0
        ? []
        : calculation.cohortBlocks.flatMap((block, index) =>
            municipalityColumns(calculation, block, index + 1, withPayments),
          )),
    ],
  });
}

/**
 * Municipality n's month columns (several municipalities): its own budget in current prices, Σ its cohorts'
 * participants × net municipal flow(m − intake) from its own cohort block × the price factor; with payments its
 * savings before the cost the same way, what it pays (its payment share × what the municipalities pay) and the
 * difference (src/engine/budget.ts, municipalityBudgets).
 */
function municipalityColumns(
  calculation: CalculationLayout,
  block: CohortBlock,
  n: number,
  withPayments: boolean,
): TableColumn<MonthKey>[] {
  const own = (column: "netMunicipality" | "municipality", r: RowScope<MonthKey>): Expr =>
    mul(
      call(
        "SUMPRODUCT",
        block.group.participants,
        call(
          "SUMIF",
          block.table.range("t", calculation.sheet),
          sub(r.at("m"), name("SIB_CohortIntakeMonths")),
          block.table.range(column, calculation.sheet),
        ),
      ),
      r.at("factor"),
    );
  const column = (
    key: MonthKey,
    label: Bilingual,
    formula: (r: RowScope<MonthKey>) => Expr,
  ): TableColumn<MonthKey> => ({
    key,
    header: { da: `Kommune ${n}: ${label.da}`, en: `Municipality ${n}: ${label.en}` },
    format: FORMATS.kr,
    formula,
  });
  const labels = MUNICIPALITY_BUDGET_ACCOUNT_LABELS;
  const flow = column(`muni:${n}:municipality`, labels.municipality, (r) => own("netMunicipality", r));
  if (!withPayments) return [flow];
  return [
    flow,
    column(`muni:${n}:savings`, { da: "Besparelse før udgiften", en: "Savings before the cost" }, (r) =>
      own("municipality", r),
    ),
    column(`muni:${n}:municipalPayments`, labels.municipalPayments, (r) =>
      mul(name(municipalityCellName(n, "PaymentShare")), r.at("municipalPaid")),
    ),
    column(`muni:${n}:municipalityWithSib`, labels.municipalityWithSib, (r) =>
      sub(r.at(`muni:${n}:savings`), r.at(`muni:${n}:municipalPayments`)),
    ),
  ];
}

/**
 * Each municipality's budget year, three overslagsår and the remainder (several municipalities), to the right of the
 * whole case's: its name above, per account SUMIF over its month column by the years in column A, named
 * SIB_Budget_Muni<n>_<Account>.
 */
function writeMunicipalitySummary(
  sheet: SheetBuilder,
  months: Table<MonthKey>,
  at: { readonly left: number; readonly count: number; readonly parts: readonly MunicipalityBudgetAccount[] },
): void {
  if (at.count === 0) return;
  sheet.label(at.left, SUMMARY_HEADER_ROW - 2, {
    da: "Pr. kommune: eget budget, betalinger (andel) og med SIB, løbende priser (kr); kommunerne summer til hele sagen",
    en: "Per municipality: own budget, payments (its share) and with SIB, current prices (kr); they sum to the whole case",
  });
  const firstSummaryRow = SUMMARY_HEADER_ROW + 1;
  for (let n = 1; n <= at.count; n++) {
    at.parts.forEach((account, index) => {
      const column = at.left + (n - 1) * at.parts.length + index;
      sheet.formula(column, SUMMARY_HEADER_ROW - 1, name(municipalityCellName(n, "Name")), "calculation", FORMATS.text);
      sheet.label(column, SUMMARY_HEADER_ROW, MUNICIPALITY_BUDGET_ACCOUNT_LABELS[account], true);
      for (let k = 0; k < SUMMARY_ROWS; k++) {
        const row = firstSummaryRow + k;
        const thisYear = ref(cell(0, row));
        const criterion = k === SUMMARY_ROWS - 1 ? concat(">=", thisYear) : thisYear;
        const sum = call("SUMIF", months.range("year"), criterion, months.range(`muni:${n}:${account}`));
        sheet.formula(column, row, sum, "output", FORMATS.kr);
      }
      const label = MUNICIPALITY_BUDGET_ACCOUNT_LABELS[account];
      sheet.nameColumn(
        municipalityBudgetName(n, account),
        column,
        firstSummaryRow,
        firstSummaryRow + SUMMARY_ROWS - 1,
        "output",
        {
          da: `Kommune ${n}, ${label.da}: budgetår, overslagsår 1-3 og resten, løbende priser (kr)`,
          en: `Municipality ${n}, ${label.en}: budget year, outline years 1-3 and the remainder, current prices (kr)`,
        },
      );
    });
  }
}

/** A month's cell of a column named on another sheet (the Payment and Investor sheets' month tables), m from 0. */
function atMonth(definedName: string, m: Expr): Expr {
  return call("INDEX", name(definedName), add(m, num(1)));
}

/**
 * The payment columns: contract year ⌊m/12⌋ and index (1 + π_c)^year; the payments as paid; the municipality's
 * savings before the cost (current prices), what it pays (its payments − what the investor's cap withholds/returns +
 * a top-up it pays, × the index) and the difference (src/engine/budget.ts, municipalityWithSib).
 */
function paymentColumns(): TableColumn<MonthKey>[] {
  const kr = (key: MonthKey, header: Bilingual, formula: (r: RowScope<MonthKey>) => Expr): TableColumn<MonthKey> => ({
    key,
    header,
    format: FORMATS.kr,
    formula,
  });
  return [
    {
      key: "contractYear",
      header: { da: "Kontraktår", en: "Contract year" },
      format: FORMATS.integer,
      // ⌊m/12⌋: m/12 (= 0) in the first row, then one more each time m is a whole number of years (m/12 equals its
      // rounding).
      formula: (r) =>
        r.first
          ? div(r.at("m"), num(12))
          : add(
              r.previous("contractYear", num(0)),
              ifThen(eq(call("ROUND", div(r.at("m"), num(12)), num(0)), div(r.at("m"), num(12))), num(1), num(0)),
            ),
    },
    {
      key: "contractIndex",
      header: { da: "Kontraktens prisindeks", en: "Contract price index" },
      format: FORMATS.factor,
      formula: (r) => pow(add(num(1), name("SIB_BudgetPaymentIndexation")), r.at("contractYear")),
    },
    kr("current:outcomePayments", BUDGET_ACCOUNT_LABELS.outcomePayments, (r) =>
      mul(atMonth("SIB_PaySchedule", r.at("m")), r.at("contractIndex")),
    ),
    kr(
      "municipalSavings",
      {
        da: "Kommunens besparelse før udgiften, løbende priser",
        en: "Municipal savings before the cost, current prices",
      },
      (r) =>
        mul(
          add(calculationFlow("SIB_Flow_Municipality", r.at("m")), calculationFlow("SIB_TotalCost", r.at("m"))),
          r.at("factor"),
        ),
    ),
    kr("municipalPaid", { da: "Kommunen betaler", en: "The municipality pays" }, (r) =>
      mul(
        sub(atMonth("SIB_PayScheduleMunicipality", r.at("m")), atMonth("SIB_InvMunicipalityBack", r.at("m"))),
        r.at("contractIndex"),
      ),
    ),
    kr("current:municipalityWithSib", BUDGET_ACCOUNT_LABELS.municipalityWithSib, (r) =>
      sub(r.at("municipalSavings"), r.at("municipalPaid")),
    ),
  ];
}

/** The budget year, three overslagsår and the remainder per account (SUMIF over the month table), named. */
function writeSummary(sheet: SheetBuilder, months: Table<MonthKey>, accounts: readonly BudgetAccount[]): void {
  sheet.label(0, SUMMARY_HEADER_ROW, { da: "Kalenderår", en: "Calendar year" }, true);
  accounts.forEach((account, index) => sheet.label(1 + index, SUMMARY_HEADER_ROW, accountLabel(account), true));
  const summaryLabels: Bilingual[] = [
    { da: "Budgetår", en: "Budget year" },
    ...Array.from({ length: OVERSLAG_YEARS }, (_, k) => ({ da: `Overslagsår ${k + 1}`, en: `Outline year ${k + 1}` })),
    { da: "Resten (fra og med året)", en: "Remainder (from the year on)" },
  ];
  const firstSummaryRow = SUMMARY_HEADER_ROW + 1;
  const lastSummaryRow = SUMMARY_HEADER_ROW + SUMMARY_ROWS;
  const yearColumn = accounts.length + 1;
  sheet.label(yearColumn + 1, SUMMARY_HEADER_ROW, { da: "Periode", en: "Period" }, true);
  summaryLabels.forEach((label, k) => {
    const row = firstSummaryRow + k;
    // Each year is the one above + 1 (the first is the start year), so no year count is typed into a formula.
    const year = k === 0 ? name("SIB_BudgetStartYear") : add(ref(cell(0, row - 1)), num(1));
    sheet.formula(0, row, year, "calculation", FORMATS.integer);
    const thisYear = ref(cell(0, row));
    sheet.label(yearColumn + 1, row, label);
    const remainder = k === SUMMARY_ROWS - 1;
    accounts.forEach((account, index) => {
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
  accounts.forEach((account, index) =>
    sheet.nameColumn(budgetName(account), 1 + index, firstSummaryRow, lastSummaryRow, "output", {
      da: `${accountLabel(account).da}: budgetår, overslagsår 1-3 og resten, løbende priser (kr)`,
      en: `${accountLabel(account).en}: budget year, outline years 1-3 and the remainder, current prices (kr)`,
    }),
  );
}
