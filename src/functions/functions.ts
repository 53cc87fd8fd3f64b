/**
 * Custom functions in the namespace SIB. Each is a thin wrapper: coerce Excel's arguments, call the engine, return a
 * value or throw a CustomFunctions.Error. The JSDoc below is the help text Excel shows (custom-functions-metadata).
 * Omitted optional arguments arrive as null; an empty cell arrives as 0 (desktop) or null (web).
 */
import { ACCOUNTS, type Account } from "../engine/accounts";
import { ATTRIBUTION_ROWS } from "../engine/attribution";
import { AREA_ROWS } from "../engine/consequences/flows";
import { HOLDER_ALIASES } from "../engine/budgetHolders";
import { parameterValue } from "../engine/parameters/lookup";
import { DEFAULT_PARAMETER_YEAR } from "../engine/defaults";
import {
  budgetHolder,
  optionalBoolean,
  optionalNumber,
  requiredNumber,
  requiredText,
  type CellValue,
  type PublicAccount,
} from "./coerce";
import { argumentError, excelError, notAvailable } from "./errors";
import { consequenceTable, languageArgument } from "./consequences";
import { businessCaseFromArguments } from "./scenarioArgs";
import { differenceConfidenceInterval } from "../engine/stats/twoProportion";
import { ownValue } from "../engine/lookup";

/**
 * Effect in percentage points: participant share minus comparison share. With both group sizes it spills three cells
 * in a row: estimate, lower and upper bound of the 95 % confidence interval (two-proportion, unpooled).
 * Example: =SIB.EFFECTSIZE(0.18, 0.07) gives 11.
 * @customfunction EFFECTSIZE
 * @param participantShare Share of participants in the outcome, 0 to 1 (0.18 = 18 %).
 * @param comparisonShare Share of the comparison group in the outcome, 0 to 1 (0.07 = 7 %).
 * @param [participantCount] Number of participants measured (people), e.g. 55. Needed for the interval.
 * @param [comparisonCount] Number of people in the comparison group, e.g. 100. Needed for the interval.
 * @returns Effect in percentage points; with both counts a row of estimate, lower and upper 95 % bound.
 */
export function effect(
  participantShare: number | string | boolean,
  comparisonShare: number | string | boolean,
  participantCount?: number | string | boolean | null,
  comparisonCount?: number | string | boolean | null,
): number[][] {
  const p1 = shareArgument(participantShare, "participantShare");
  const p2 = shareArgument(comparisonShare, "comparisonShare");
  const n1 = countArgument(participantCount, "participantCount");
  const n2 = countArgument(comparisonCount, "comparisonCount");
  if (n1 === null && n2 === null) return [[100 * (p1 - p2)]];
  if (n1 === null || n2 === null) {
    throw argumentError("Give both participantCount and comparisonCount for the interval, or neither.");
  }
  const interval = differenceConfidenceInterval(p1, n1, p2, n2, 0.95);
  if (!interval.ok) throw excelError(interval);
  return [[100 * interval.value.estimate, 100 * interval.value.lower, 100 * interval.value.upper]];
}

/**
 * Net budget effect (NPV, kr) for one budget holder: savings minus the intervention cost (charged to the kommune).
 * Starts from the built-in DRC pilot; override any input with a two-column name/value range.
 * Example: =SIB.BUDGETSAVING("kommune") gives about 28,000 kr per participant for the pilot.
 * @customfunction BUDGETSAVING
 * @param holder Budget holder: "kommune", "stat", "region", "udligning" (other kommuner) or "offentlig" (all).
 * @param [inputs] Two-column range of input names and values, e.g. horizonMonths 36; empty rows are skipped.
 * @param [perParticipant] TRUE (default) for kr per participant, FALSE for the whole cohort.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [discounted] TRUE (default) discounts at the discount rate (3.5 %/year); FALSE gives the plain sum.
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns Net present value in kr (positive = net saving).
 */
export function budgetSaving(
  holder: string,
  inputs?: Array<Array<number | string | boolean>>,
  perParticipant?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  discounted?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): number {
  const account = budgetHolder(holder, "holder");
  return accountValue(account, inputs, perParticipant, horizonMonths, discounted, parameterYear);
}

/**
 * Socio-economic net present value (kr, fixed prices of the parameter year, real rate): production gain at wage cost
 * times NAF, minus the intervention cost, plus the distortion term. Default NAF 1.0 is COWI's pilot calibration, not
 * the Ministry of Finance's 1.28 (2023): set netTaxFactor 1.28 for FM.
 * Example: =SIB.SOCIOECONOMIC() gives about 81,600 kr per participant for the pilot.
 * @customfunction SOCIOECONOMIC
 * @param [inputs] Two-column range of input names and values, e.g. netTaxFactor 1.28; empty rows are skipped.
 * @param [perParticipant] TRUE (default) for kr per participant, FALSE for the whole cohort.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [discounted] TRUE (default) discounts at the discount rate; FALSE gives the plain sum.
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns Socio-economic net present value in kr.
 */
export function socioEconomic(
  inputs?: Array<Array<number | string | boolean>>,
  perParticipant?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  discounted?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): number {
  return accountValue("socioEconomic", inputs, perParticipant, horizonMonths, discounted, parameterYear);
}

/**
 * Break-even month for a budget holder: the number of months after which the cumulative discounted net flow is at
 * least 0 and stays so. #N/A when it is not reached within the horizon.
 * Example: =SIB.BREAKEVEN("kommune") gives 38 for the pilot.
 * @customfunction BREAKEVEN
 * @param holder Budget holder: "kommune", "stat", "region", "udligning" or "offentlig".
 * @param [inputs] Two-column range of input names and values; empty rows are skipped.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns Months from the programme start (a count, 1 = after the first month).
 */
export function breakEven(
  holder: string,
  inputs?: Array<Array<number | string | boolean>>,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): number {
  const account = budgetHolder(holder, "holder");
  const { result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const month = result.breakEvenMonth[account];
  if (month === null) {
    throw notAvailable(`Break-even for ${account} is not reached within ${result.months} months.`);
  }
  return month;
}

/**
 * Monthly net flows (kr) for a budget holder as a column, one row per programme month (first row = month 1).
 * Example: =SIB.CASHFLOW("kommune") spills 50 rows for the pilot.
 * @customfunction CASHFLOW
 * @param holder Budget holder: "kommune", "stat", "region", "udligning", "offentlig" or "samfund" (socio-economic).
 * @param [inputs] Two-column range of input names and values; empty rows are skipped.
 * @param [perParticipant] TRUE (default) for kr per participant, FALSE for the whole cohort.
 * @param [discounted] FALSE (default) gives nominal flows; TRUE gives present values (discounted at mid-month).
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns A column of monthly net flows in kr (positive = net gain).
 */
export function cashFlow(
  holder: string,
  inputs?: Array<Array<number | string | boolean>>,
  perParticipant?: number | string | boolean | null,
  discounted?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): number[][] {
  const text = typeof holder === "string" ? holder.trim().toLowerCase() : holder;
  const account =
    text === "samfund" || text === "socioeconomic" || text === "society"
      ? "socioEconomic"
      : budgetHolder(holder, "holder");
  const { result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const scale = optionalBoolean(perParticipant, "perParticipant", true) ? 1 / result.participants : 1;
  const presentValue = optionalBoolean(discounted, "discounted", false);
  return result.monthly.netFlow[account].map((flow, month) => [
    flow * scale * (presentValue ? (result.monthly.discountFactor[month] ?? Number.NaN) : 1),
  ]);
}

/**
 * What carries the saving: each account's NPV (kr) split by outcome state, relative to a reference state (default
 * TEMP), plus the cost of the effort; the rows plus cost sum to the NPV (the last row, total). Kr at fixed prices of
 * the parameter year, discounted at the real rate (FM: 3.5 % a year).
 * Example: =SIB.ATTRIBUTION("kommune") shows ABROAD at about 16,100 kr per participant for the pilot.
 * @customfunction ATTRIBUTION
 * @param [account] "kommune", "stat", "region", "udligning", "offentlig" or "samfund" (socio-economic); empty = all six.
 * @param [inputs] Two-column range of input names and values, e.g. neutralise.ABROAD 1 or attributionReference JOB.
 * @param [perParticipant] TRUE (default) for kr per participant, FALSE for all participants together.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns A table: a header row (outcomeState and the account ids), then one row per state code, cost and total; with consequence inputs also area:employment and one area:<area> row per consequence area, summing to total.
 */
export function attribution(
  account?: number | string | boolean | null,
  inputs?: Array<Array<number | string | boolean>>,
  perParticipant?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): Array<Array<number | string>> {
  const chosen = attributionAccount(account);
  const { scenario, result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const table = optionalBoolean(perParticipant, "perParticipant", true) ? "perParticipant" : "total";
  const accounts = chosen === null ? ACCOUNTS : [chosen];
  const rows: (number | string)[][] = [["outcomeState", ...accounts]];
  for (const row of ATTRIBUTION_ROWS) {
    rows.push([row, ...accounts.map((a) => result.attribution[table][a][row])]);
  }
  rows.push(["total", ...accounts.map((a) => result.npv[table][a])]);
  // The broad case (issue 15): with consequence inputs, the same NPV by consequence area below (they sum to total).
  if ((scenario.consequences?.length ?? 0) > 0) {
    for (const area of AREA_ROWS)
      rows.push([`area:${area}`, ...accounts.map((a) => result.consequences.byArea[table][a][area])]);
  }
  return rows;
}

/**
 * The broad case's consequence table (issue 15): one row per consequence (prison day, placement, bed-day …) with its
 * unit price (kr, price year), price in the parameter year's fixed prices, payer, evidence mark, source ("not found"
 * where no price was found), change in use per person-year per state, and the NPV it adds per account (kr).
 * Without consequence inputs it shows the sourced default table, whose changes are all 0.
 * Example: =SIB.CONSEQUENCES(A1:B3) with consequence.prisonDay.change.inWork -3 and consequence.prisonDay.indexFactor 1.2.
 * @customfunction CONSEQUENCES
 * @param [inputs] Two-column range of input names and values, e.g. consequence.prisonDay.change.inWork -3.
 * @param [language] "da" (default) or "en" for names, areas, units and "not found".
 * @param [perParticipant] TRUE (default) for kr per participant, FALSE for all participants together.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters and of the fixed prices, e.g. 2023 (default 2023).
 * @returns A table: a header row of column ids, then one row per consequence.
 */
export function consequences(
  inputs?: Array<Array<number | string | boolean>>,
  language?: number | string | boolean | null,
  perParticipant?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): Array<Array<number | string>> {
  const chosen = languageArgument(language);
  const perPerson = optionalBoolean(perParticipant, "perParticipant", true);
  const { scenario, result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  return consequenceTable(scenario, result, chosen, perPerson);
}

/** Account names SIB.ATTRIBUTION accepts (lower case), Danish and English. */
const ATTRIBUTION_ACCOUNTS: Readonly<Record<string, Account>> = {
  ...HOLDER_ALIASES,
  public: "public",
  offentlig: "public",
  "offentlig sektor": "public",
  socioeconomic: "socioEconomic",
  samfund: "socioEconomic",
  samfundsøkonomi: "socioEconomic",
  society: "socioEconomic",
};

/** The account argument of SIB.ATTRIBUTION: null (all six) when omitted or an empty cell (0 on the desktop). */
function attributionAccount(value: CellValue | undefined): Account | null {
  if (value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")) {
    return null;
  }
  const found = typeof value === "string" ? ownValue(ATTRIBUTION_ACCOUNTS, value.trim().toLowerCase()) : undefined;
  if (found === undefined) {
    throw argumentError(
      `account must be "kommune", "stat", "region", "udligning", "offentlig" or "samfund" (or municipality, state, region, otherMunicipalities, public, socioEconomic), or empty for all six; got ${JSON.stringify(value)}.`,
    );
  }
  return found;
}

/**
 * A built-in parameter with a source, by id or Danish/English name and year, so a model cites the sourced value
 * instead of a typed number. #VALUE! names the years that exist when the year is missing.
 * Example: =SIB.PARAMETER("kontanthjaelp_30plus_andre", 2024) gives 12,326 (kr/month, bm.dk Satser 2024).
 * @customfunction PARAMETER
 * @param name Parameter id or name, e.g. "kontanthjaelp_30plus_andre" or "Kontanthjælp 30+ år, ikke-forsørger".
 * @param [year] Year, e.g. 2024 (default 2023).
 * @returns The value in the parameter's unit (kr/month, kr/year, or a fraction such as 0.2 for 20 %).
 */
export function rate(name: string, year?: number | string | boolean | null): number {
  const id = requiredText(name, "name");
  const chosenYear = optionalNumber(year, "year", DEFAULT_PARAMETER_YEAR, true) ?? DEFAULT_PARAMETER_YEAR;
  const found = parameterValue(id, chosenYear);
  if (!found.ok) throw excelError(found);
  return found.value.value;
}

function accountValue(
  account: PublicAccount | "socioEconomic",
  inputs: (number | string | boolean)[][] | null | undefined,
  perParticipant: number | string | boolean | null | undefined,
  horizonMonths: number | string | boolean | null | undefined,
  discounted: number | string | boolean | null | undefined,
  parameterYear: number | string | boolean | null | undefined,
): number {
  const { result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const perPerson = optionalBoolean(perParticipant, "perParticipant", true);
  const presentValue = optionalBoolean(discounted, "discounted", true);
  const totals = presentValue ? result.npv : result.undiscounted;
  return perPerson ? totals.perParticipant[account] : totals.total[account];
}

function countArgument(value: CellValue | undefined, name: string): number | null {
  const count = optionalNumber(value, name, null, true);
  if (count !== null && (!Number.isInteger(count) || count < 1)) {
    throw argumentError(`${name} must be a whole number of people of at least 1, got ${count}.`);
  }
  return count;
}

function shareArgument(value: CellValue | undefined, name: string): number {
  const share = requiredNumber(value, name, true);
  if (share < 0 || share > 1) {
    throw argumentError(`${name} must be a share from 0 to 1 (e.g. 0.18 for 18 %), got ${share}.`);
  }
  return share;
}
