/**
 * The municipal budget view (issue 10 item 3): the business case's monthly undiscounted flows by calendar year in
 * current prices, from the programme's start date. Budgets work in calendar years in current prices (løbende priser):
 * budget year (the start year) plus overslagsår, and here every later year too.
 *
 * Rules (docs/budget.md):
 * - Programme month m (0 = the start month) falls in the calendar year of the start date plus m months; the day of
 *   the start date does not move a month.
 * - Current prices: a flow in fixed prices of the parameter year P is multiplied by (1 + π)^(Y − P) in calendar year
 *   Y (one price level per calendar year, π = `priceIndex` a year). Deflating each year's amount by the same factor
 *   gives back the account's undiscounted total.
 * - Outcome payments are contract money: they are shown in the year they are paid as the contract pays them
 *   (`PaymentSchedule.nominal`), not inflated again. A payment after the business case's last month (the claim lag)
 *   is kept: the view runs to the schedule's last month, so it lands in its calendar year (or the remainder).
 */
import { ACCOUNTS, computeBusinessCase, type Account, type BusinessCaseResult } from "./businessCase";
import { issue, type Issue } from "./errors";
import { municipalityAfterContract } from "./investor/moneyFlows";
import { municipalityScenario, resolveMunicipalities } from "./municipalities";
import { DEFAULT_INVESTOR_TERMS, type InvestorTerms } from "./investor/terms";
import { contractPriceIndex, type PaymentSchedule } from "./payment/schedule";
import type { Scenario } from "./scenario";

/** Default start date of the programme (issue 10): 1 January 2026. */
export const DEFAULT_START_DATE = "2026-01-01";
/** Default yearly price change of the budget view: 2 % [A] (parameter `prisudvikling`, src/engine/parameters/data.ts). */
export const DEFAULT_PRICE_INDEX = 0.02;
/** Overslagsår shown after the budget year (the budget year + 3 = the four years of a municipal budget). */
export const OVERSLAG_YEARS = 3;
/** Lowest and highest yearly price change accepted (−50 % and +50 %). */
export const PRICE_INDEX_RANGE = { min: -0.5, max: 0.5 } as const;

/** Accounts of the budget view: the business case's six, the outcome payments and the municipality under the SIB. */
export const BUDGET_ACCOUNTS = [...ACCOUNTS, "outcomePayments", "municipalityWithSib"] as const;
export type BudgetAccount = (typeof BUDGET_ACCOUNTS)[number];

/** One calendar year's amount, kr in current prices of that year (positive = net gain, payments positive = paid). */
export interface BudgetYear {
  readonly year: number;
  readonly amount: number;
}

/** The budget view of a business case. */
export interface Budget {
  readonly startDate: string;
  readonly startYear: number;
  /** Calendar month of the start date, 1–12. */
  readonly startMonth: number;
  /** π, per year. */
  readonly priceIndex: number;
  /** The year whose prices the business case is in (the parameter year). */
  readonly priceYear: number;
  /**
   * Every calendar year from the start year to the last year with a programme month of the business case or the
   * payment schedule (whichever ends later), per account; every account lists the same years.
   */
  readonly byAccount: Readonly<Record<BudgetAccount, readonly BudgetYear[]>>;
  /**
   * The budget year, the three overslagsår and the remainder (every later year summed) per account: five amounts, the
   * last labelled `remainderFrom` (the first year of the remainder).
   */
  readonly summary: Readonly<Record<BudgetAccount, readonly number[]>>;
  readonly remainderFrom: number;
}

/** The scenario's start date, or the default when the scenario has none. */
export function startDateOf(scenario: Scenario): string {
  return scenario.startDate ?? DEFAULT_START_DATE;
}

/** The scenario's yearly price change, or the default. */
export function priceIndexOf(scenario: Scenario): number {
  return scenario.priceIndex ?? DEFAULT_PRICE_INDEX;
}

/**
 * Reads a start date "YYYY-MM-DD" (a real calendar date, year 1900–2100); null when it is not one.
 * @example parseStartDate("2026-03-15") // { year: 2026, month: 3, day: 15 }; parseStartDate("2026-02-30") // null
 */
export function parseStartDate(text: unknown): { year: number; month: number; day: number } | null {
  if (typeof text !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/**
 * The issues of the budget fields of a scenario: `startDate` must be a date "YYYY-MM-DD"; `priceIndex` a number from
 * −0.5 to 0.5 (a fraction per year, 0.02 = 2 %).
 * @example budgetFieldIssues({ ...pilot, startDate: "soon" })[0].field // "startDate"
 */
export function budgetFieldIssues(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  if (scenario.startDate !== undefined && parseStartDate(scenario.startDate) === null) {
    issues.push(
      issue(
        "InvalidInput",
        "startDate",
        "date",
        `startDate must be a date written YYYY-MM-DD (e.g. 2026-01-01), got ${JSON.stringify(scenario.startDate).slice(0, 40)}.`,
      ),
    );
  }
  const index = scenario.priceIndex;
  if (
    index !== undefined &&
    !(
      typeof index === "number" &&
      Number.isFinite(index) &&
      index >= PRICE_INDEX_RANGE.min &&
      index <= PRICE_INDEX_RANGE.max
    )
  ) {
    issues.push(
      issue(
        "InvalidInput",
        "priceIndex",
        "range",
        `priceIndex must be a yearly price change from -0.5 to 0.5 (0.02 = 2 %), got ${JSON.stringify(index)}.`,
      ),
    );
  }
  return issues;
}

/**
 * Price factor of calendar year `year` relative to the price year: (1 + π)^(year − priceYear).
 * @example priceFactor(2026, 2023, 0.02) // 1.02^3 = 1.061208
 */
export function priceFactor(year: number, priceYear: number, priceIndex: number): number {
  return Math.pow(1 + priceIndex, year - priceYear);
}

/**
 * Sums monthly amounts by calendar year: month m falls in year startYear + ⌊(startMonth − 1 + m)/12⌋, multiplied by
 * `factor(year)` (1 for contract money). Every year from the start year to the last month's year is listed.
 * @example byCalendarYear([1, 2, 3], 2026, 12, () => 1) // [{ year: 2026, amount: 1 }, { year: 2027, amount: 5 }]
 */
export function byCalendarYear(
  monthly: readonly number[],
  startYear: number,
  startMonth: number,
  factor: (year: number) => number,
): BudgetYear[] {
  const years: BudgetYear[] = [];
  const sums: number[] = [];
  monthly.forEach((amount, month) => {
    const offset = Math.floor((startMonth - 1 + month) / 12);
    sums[offset] = (sums[offset] ?? 0) + amount;
  });
  for (let offset = 0; offset < sums.length; offset++) {
    const year = startYear + offset;
    years.push({ year, amount: (sums[offset] ?? 0) * factor(year) });
  }
  return years;
}

/**
 * The budget view of a scenario's business case (and its payment schedule, for the outcome payments; without one both
 * payment rows are 0 and `municipalityWithSib` is the municipality's savings before the cost). The scenario must be
 * valid (its start date a date). `investorTerms` (validated) decide what a return cap withholds from the municipality's
 * payments and a top-up adds (src/engine/investor/moneyFlows.ts).
 * @example computeBudget(pilot, result, schedule).byAccount.municipality[0] // { year: 2026, amount: … kr in 2026 prices }
 */
export function computeBudget(
  scenario: Scenario,
  result: BusinessCaseResult,
  schedule: PaymentSchedule | null,
  investorTerms: InvestorTerms = DEFAULT_INVESTOR_TERMS,
): Budget {
  const date = parseStartDate(startDateOf(scenario));
  if (date === null) throw new Error(`computeBudget needs a valid start date, got ${startDateOf(scenario)}`);
  const priceIndex = priceIndexOf(scenario);
  const priceYear = scenario.parameterYear;
  const inflate = (year: number): number => priceFactor(year, priceYear, priceIndex);
  const split = (monthly: readonly number[], factor: (year: number) => number): BudgetYear[] =>
    byCalendarYear(monthly, date.year, date.month, factor);
  // Every series over the same months: the business case's, or the schedule's when a payment falls after them (the
  // claim lag), so no payment is dropped and every account lists the same calendar years (later months hold 0).
  const months = Math.max(result.months, schedule?.months ?? 0);
  const paid = (series: readonly number[] | undefined): number[] =>
    Array.from({ length: months }, (_, m) => series?.[m] ?? 0);
  const accounts = {} as Record<BudgetAccount, readonly BudgetYear[]>;
  for (const account of ACCOUNTS) accounts[account] = split(paid(result.monthly.netFlow[account]), inflate);
  accounts.outcomePayments = split(paid(schedule?.nominal.total), () => 1);
  const savings = split(
    paid(result.monthly.netFlow.municipality.map((flow, m) => flow + (result.monthly.cost[m] ?? 0))),
    inflate,
  );
  const municipalPayments = split(municipalPaidByMonth(result, schedule, investorTerms, months), () => 1);
  accounts.municipalityWithSib = savings.map((entry, i) => ({
    year: entry.year,
    amount: entry.amount - (municipalPayments[i]?.amount ?? 0),
  }));
  const remainderFrom = date.year + OVERSLAG_YEARS + 1;
  const summary = {} as Record<BudgetAccount, readonly number[]>;
  for (const account of BUDGET_ACCOUNTS) summary[account] = summarise(accounts[account], date.year, remainderFrom);
  return {
    startDate: startDateOf(scenario),
    startYear: date.year,
    startMonth: date.month,
    priceIndex,
    priceYear,
    byAccount: accounts,
    summary,
    remainderFrom,
  };
}

/**
 * What the municipalities pay out per programme month (the money identity: net of a surplus withheld/returned under a
 * return cap, plus a top-up they pay), as contract money: the correction (due − net, fixed prices) indexed like the
 * payments. `months` long (0 after the schedule, all 0 without one). kr, positive = paid.
 */
function municipalPaidByMonth(
  result: BusinessCaseResult,
  schedule: PaymentSchedule | null,
  investorTerms: InvestorTerms,
  months: number,
): number[] {
  if (schedule === null) return Array.from({ length: months }, () => 0);
  const netPayments = municipalityAfterContract(result, schedule, investorTerms).payments;
  const indexation = schedule.nominal.priceIndexation;
  return Array.from(
    { length: months },
    (_, m) =>
      (schedule.nominal.byPayer.municipality[m] ?? 0) -
      contractPriceIndex(indexation, m) * ((schedule.byPayer.municipality[m] ?? 0) - (netPayments[m] ?? 0)),
  );
}

/** Accounts of one municipality's budget (several municipalities): its own budget, what it pays and the difference. */
export const MUNICIPALITY_BUDGET_ACCOUNTS = ["municipality", "municipalPayments", "municipalityWithSib"] as const;
export type MunicipalityBudgetAccount = (typeof MUNICIPALITY_BUDGET_ACCOUNTS)[number];

/** Label of an account of a municipality's budget view, in Danish and English. */
export const MUNICIPALITY_BUDGET_ACCOUNT_LABELS: Readonly<
  Record<MunicipalityBudgetAccount, { readonly da: string; readonly en: string }>
> = {
  municipality: { da: "Eget budget (selv finansieret)", en: "Own budget (self-funded)" },
  municipalPayments: { da: "Betaler (sin andel)", en: "Pays (its share)" },
  municipalityWithSib: { da: "Med SIB (besparelser − betalinger)", en: "With SIB (savings − payments)" },
};

/** One municipality's budget view: the calendar years of the whole case's, per account, and the five-amount summary. */
export interface MunicipalityBudget {
  readonly byAccount: Readonly<Record<MunicipalityBudgetAccount, readonly BudgetYear[]>>;
  readonly summary: Readonly<Record<MunicipalityBudgetAccount, readonly number[]>>;
}

/**
 * The budget view of each municipality of a case with several (issue 10), by name in the order listed (empty when the
 * scenario lists none), over the same calendar years as `computeBudget` of the whole case:
 * - `municipality`: its own budget, the net flow of its cohorts (its kommuneskat and weeks; the cost of its
 *   participants included) in current prices;
 * - `municipalPayments`: its payment share × what the municipalities pay (net of a surplus withheld or returned under
 *   a return cap, plus a top-up), as contract money in the year paid (kr, positive = paid);
 * - `municipalityWithSib`: its savings before the cost (current prices) − `municipalPayments`.
 * Summed over the municipalities, each year of `municipality` and `municipalityWithSib` equals the whole case's, and
 * `municipalPayments` what the municipalities pay together (test/engine/budgetMunicipalities.test.ts).
 * @example municipalityBudgets(herningViborg, result, schedule).Herning?.byAccount.municipality[0] // { year: 2026, … }
 */
export function municipalityBudgets(
  scenario: Scenario,
  result: BusinessCaseResult,
  schedule: PaymentSchedule | null,
  investorTerms: InvestorTerms = DEFAULT_INVESTOR_TERMS,
): Record<string, MunicipalityBudget> {
  const budgets = Object.create(null) as Record<string, MunicipalityBudget>;
  const listed = resolveMunicipalities(scenario);
  if (listed.length === 0) return budgets;
  const date = parseStartDate(startDateOf(scenario));
  if (date === null) throw new Error(`municipalityBudgets needs a valid start date, got ${startDateOf(scenario)}`);
  const inflate = (year: number): number => priceFactor(year, scenario.parameterYear, priceIndexOf(scenario));
  const split = (monthly: readonly number[], factor: (year: number) => number): BudgetYear[] =>
    byCalendarYear(monthly, date.year, date.month, factor);
  const months = Math.max(result.months, schedule?.months ?? 0);
  const paid = municipalPaidByMonth(result, schedule, investorTerms, months);
  const remainderFrom = date.year + OVERSLAG_YEARS + 1;
  for (const municipality of listed) {
    const part = municipalityScenario(scenario, municipality);
    const own = part.cohorts.length === 0 ? null : computeBusinessCase(part);
    const series = (valueOf: (own: BusinessCaseResult, m: number) => number): number[] =>
      Array.from({ length: months }, (_, m) => (own === null || m >= own.months ? 0 : valueOf(own, m)));
    const flow = split(
      series((own, m) => own.monthly.netFlow.municipality[m] ?? 0),
      inflate,
    );
    const savings = split(
      series((own, m) => (own.monthly.netFlow.municipality[m] ?? 0) + (own.monthly.cost[m] ?? 0)),
      inflate,
    );
    const payments = split(
      paid.map((amount) => municipality.paymentShare * amount),
      () => 1,
    );
    const byAccount: Record<MunicipalityBudgetAccount, readonly BudgetYear[]> = {
      municipality: flow,
      municipalPayments: payments,
      municipalityWithSib: savings.map((entry, i) => ({
        year: entry.year,
        amount: entry.amount - (payments[i]?.amount ?? 0),
      })),
    };
    const summary = {} as Record<MunicipalityBudgetAccount, readonly number[]>;
    for (const account of MUNICIPALITY_BUDGET_ACCOUNTS) {
      summary[account] = summarise(byAccount[account], date.year, remainderFrom);
    }
    budgets[municipality.name] = { byAccount, summary };
  }
  return budgets;
}

function summarise(years: readonly BudgetYear[], startYear: number, remainderFrom: number): number[] {
  const shown = Array.from({ length: remainderFrom - startYear + 1 }, () => 0);
  for (const { year, amount } of years) {
    const slot = Math.min(year, remainderFrom) - startYear;
    shown[slot] = (shown[slot] ?? 0) + amount;
  }
  return shown;
}

/** Label of an account of the budget view, in Danish and English. */
export const BUDGET_ACCOUNT_LABELS: Readonly<Record<BudgetAccount, { da: string; en: string }>> = {
  municipality: { da: "Kommune (selv finansieret)", en: "Municipality (self-funded)" },
  state: { da: "Stat", en: "State" },
  region: { da: "Region", en: "Region" },
  otherMunicipalities: { da: "Øvrige kommuner (udligning)", en: "Other municipalities (equalisation)" },
  public: { da: "Offentlig sektor i alt", en: "Public sector in total" },
  socioEconomic: { da: "Samfundsøkonomisk", en: "Socio-economic" },
  outcomePayments: { da: "Resultatbetalinger (alle betalere)", en: "Outcome payments (all payers)" },
  municipalityWithSib: {
    da: "Kommune med SIB (besparelser − egne betalinger)",
    en: "Municipality with SIB (savings − own payments)",
  },
};

/** Accounts accepted by name (Danish or English) in SIB.BUDGET, lower case. */
export const BUDGET_ACCOUNT_NAMES: Readonly<Record<string, BudgetAccount>> = {
  kommune: "municipality",
  municipality: "municipality",
  stat: "state",
  state: "state",
  region: "region",
  udligning: "otherMunicipalities",
  otherMunicipalities: "otherMunicipalities",
  offentlig: "public",
  public: "public",
  samfund: "socioEconomic",
  socioEconomic: "socioEconomic",
  betalinger: "outcomePayments",
  outcomePayments: "outcomePayments",
  kommunemedsib: "municipalityWithSib",
  municipalityWithSib: "municipalityWithSib",
};

/** A list of budget years as a JSON-friendly record per account (`npm run case -- --json`, key `budget`). */
export function budgetJson(budget: Budget): Record<BudgetAccount, readonly BudgetYear[]> {
  return { ...budget.byAccount };
}

/** Convenience: the accounts of the business case (for callers that iterate them). */
export function isBusinessCaseAccount(account: BudgetAccount): account is Account {
  return (ACCOUNTS as readonly string[]).includes(account);
}
