/**
 * SIB.BUDGET: the budget view (issue 10 item 3, src/engine/budget.ts) as a function that spills calendar years and
 * amounts in current prices. Thin wrapper: coerce the arguments, call the engine, return rows or throw a
 * CustomFunctions.Error naming the argument.
 */
import {
  budgetFieldIssues,
  computeBudget,
  DEFAULT_PRICE_INDEX,
  DEFAULT_START_DATE,
  parseStartDate,
  type BudgetAccount,
} from "../engine/budget";
import { failMany } from "../engine/errors";
import { investorTermsFromPairs } from "../engine/investor/terms";
import { ownValue } from "../engine/lookup";
import { paymentScheduleFor, type PaymentSchedule } from "../engine/payment/schedule";
import { applyPaymentTermInputs } from "../engine/payment/termInputs";
import { PILOT_PAYMENT_TERMS } from "../engine/payment/terms";
import type { BusinessCaseResult } from "../engine/businessCase";
import type { Scenario } from "../engine/scenario";
import { nameValuePairs, optionalNumber, type CellValue } from "./coerce";
import { argumentError, excelError } from "./errors";
import { termPairs } from "./payment";
import { businessCaseFromArguments } from "./scenarioArgs";

/**
 * Account names SIB.BUDGET accepts (Danish or English, lower case, without spaces and hyphens, ø as oe): the business
 * case's six accounts, the outcome payments and the municipality with SIB.
 */
const ACCOUNT_NAMES: Readonly<Record<string, BudgetAccount>> = {
  kommune: "municipality",
  municipality: "municipality",
  stat: "state",
  state: "state",
  region: "region",
  udligning: "otherMunicipalities",
  other: "otherMunicipalities",
  offentlig: "public",
  public: "public",
  samfund: "socioEconomic",
  samfundsoekonomisk: "socioEconomic",
  socioeconomic: "socioEconomic",
  betalinger: "outcomePayments",
  resultatbetalinger: "outcomePayments",
  payments: "outcomePayments",
  outcomepayments: "outcomePayments",
  kommunemedsib: "municipalityWithSib",
  municipalitywithsib: "municipalityWithSib",
};

/** The accounts that need the payment terms (the schedule). */
function isPaymentAccount(account: BudgetAccount): boolean {
  return account === "outcomePayments" || account === "municipalityWithSib";
}

/**
 * The municipal budget view: an account's net flow by calendar year in current prices, from the programme's start date.
 * Spills one row per calendar year: the year and the amount in kr (prices of that year). Budget year = the start year.
 * "betalinger" gives the outcome payments in the year they are paid (contract money: × the contract's indexation
 * priceIndexation a contract year, a payment term); "kommune med sib" the municipality's savings before the cost minus
 * what it pays. With payment accounts or terms given, every account runs to the payments' last month.
 * Example: =SIB.BUDGET("kommune") spills 2026 to 2030 for the pilot, about -3.8 mio kr in 2026; =SIB.BUDGET("betalinger") gives 2027 with the pilot's payment.
 * @customfunction BUDGET
 * @param [account] "kommune" (default), "stat", "region", "udligning", "offentlig", "samfund", "betalinger" (outcome payments, all payers) or "kommune med sib".
 * @param [inputs] Two-column range of scenario input names and values, e.g. horizonMonths 36; empty rows are skipped.
 * @param [startDate] Start of the programme: a date cell or a text YYYY-MM-DD (default 2026-01-01).
 * @param [priceIndex] Yearly price change from -0.5 to 0.5, e.g. 0.02 for 2 % (the default, an assumption).
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters and of the fixed prices, e.g. 2023 (default 2023).
 * @param [terms] Two-column range of payment-term names and values as in SIB.PAYMENTSCHEDULE, e.g. priceIndexation 0.02 (default: the pilot's terms).
 * @param [investorTerms] Two-column range of investor-term names and values as in SIB.INVESTORFLOWS, e.g. returnCap.multiple 1.3 (what a cap withholds is not paid by the municipality).
 * @returns {number[][]} Rows of calendar year and amount in kr (current prices; positive = net gain, payments positive = paid).
 */
export function budget(
  account?: number | string | boolean | null,
  inputs?: Array<Array<number | string | boolean>>,
  startDate?: number | string | boolean | null,
  priceIndex?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
  terms?: Array<Array<number | string | boolean>>,
  investorTerms?: Array<Array<number | string | boolean>>,
): number[][] {
  const chosen = budgetAccount(account);
  const date = startDateArgument(startDate);
  const index = optionalNumber(priceIndex, "priceIndex", DEFAULT_PRICE_INDEX) ?? DEFAULT_PRICE_INDEX;
  const { scenario, result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const withBudget = { ...scenario, startDate: date, priceIndex: index };
  const issues = budgetFieldIssues(withBudget);
  if (issues.length > 0) throw excelError(failMany(issues));
  const contract = isPaymentAccount(chosen) || !isBlankRange(terms) || !isBlankRange(investorTerms);
  const investor = investorTermsFromPairs(nameValuePairs(investorTerms, "investorTerms"));
  if (!investor.ok) throw excelError(investor);
  const schedule = contract ? scheduleOf(withBudget, result, terms) : null;
  const view = computeBudget(withBudget, result, schedule, investor.value);
  return view.byAccount[chosen].map((entry) => [entry.year, entry.amount]);
}

/** The payment schedule under the pilot's terms changed by the `terms` range (as SIB.PAYMENTSCHEDULE). */
function scheduleOf(
  scenario: Scenario,
  result: BusinessCaseResult,
  terms: Array<Array<number | string | boolean>> | undefined,
): PaymentSchedule {
  const paymentTerms = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, termPairs(terms, "terms"));
  if (!paymentTerms.ok) throw excelError(paymentTerms);
  const schedule = paymentScheduleFor(scenario, result, paymentTerms.value);
  if (!schedule.ok) throw excelError(schedule);
  return schedule.value;
}

function isBlankRange(range: Array<Array<number | string | boolean>> | undefined | null): boolean {
  return range === undefined || range === null || range.every((row) => row.every((cell) => isBlank(cell)));
}

function budgetAccount(value: CellValue | undefined): BudgetAccount {
  if (isBlank(value)) return "municipality";
  const text = typeof value === "string" ? value.trim().toLowerCase().replace(/ø/g, "oe").replace(/[-\s]/g, "") : "";
  const found = ownValue(ACCOUNT_NAMES, text);
  if (found === undefined) {
    throw argumentError(
      `account must be "kommune", "stat", "region", "udligning", "offentlig", "samfund", "betalinger" or "kommune med sib" (or municipality, state, region, other, public, socioeconomic, payments, municipality with sib), got ${JSON.stringify(value)}.`,
    );
  }
  return found;
}

/**
 * A date cell (an Excel serial number, 1900 date system) or a text YYYY-MM-DD, as "YYYY-MM-DD"; blank = the default.
 * @example startDateArgument(46023) // "2026-01-01"
 */
export function startDateArgument(value: CellValue | undefined): string {
  if (isBlank(value)) return DEFAULT_START_DATE;
  if (typeof value === "number" && Number.isInteger(value) && value >= 61 && value < 2958466) {
    // Excel serial 61 = 1900-03-01; the serial counts days from 1899-12-30 from there on (Excel's 1900 leap-day bug).
    const date = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  if (typeof value === "string" && parseStartDate(value) !== null) return value.trim();
  throw argumentError(
    `startDate must be a date (a date cell or a text YYYY-MM-DD such as 2026-01-01), got ${JSON.stringify(value)}.`,
  );
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}
