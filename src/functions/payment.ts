/**
 * Payment custom functions in the namespace SIB: thin wrappers that coerce Excel's arguments, call the payment engine
 * (src/engine/payment) and return a value or throw a CustomFunctions.Error. The JSDoc below is Excel's help text.
 * Omitted optional arguments arrive as null; an empty cell arrives as 0 (desktop) or null (web).
 */
import {
  checkPairCount,
  checkRangeRows,
  nameValuePairs,
  optionalBoolean,
  optionalNumber,
  type CellValue,
} from "./coerce";
import { argumentError, excelError, notAvailable } from "./errors";
import { businessCaseFromArguments } from "./scenarioArgs";
import { normaliseName } from "../engine/payment/metrics";
import { outcomePaymentCore, validateOutcomePayment, type OutcomePaymentInput } from "../engine/payment/outcomePayment";
import { deadweightCore } from "../engine/payment/deadweight";
import { paymentScheduleFor } from "../engine/payment/schedule";
import { applyPaymentTermInputs, type TermValue } from "../engine/payment/termInputs";
import { PILOT_PAYMENT_TERMS } from "../engine/payment/terms";
import { failMany } from "../engine/errors";
import { ownValue } from "../engine/lookup";
import { moneyFlowsCore } from "../engine/investor/moneyFlows";
import { contractSurplusFlows } from "../engine/investor/surplus";
import { investorTermsFromPairs } from "../engine/investor/terms";

/** A range as Excel passes it (cells may be null on the web even where the signature says otherwise). */
type Range = readonly (readonly CellValue[])[];

/**
 * Total outcome payment (kr) of a rate card: outcome counts (or shares of the participants) times prices, with optional
 * per-person, per-metric and contract caps, a chain, a baseline and a threshold. The prices may be a two-column rate
 * card of metric names and prices; the outcomes then follow its rows, or name their metrics the same way.
 * Example: =SIB.PAYMENT({15,9}, {198090,99045}) gives 3,862,755 kr.
 * @customfunction PAYMENT
 * @param outcomes Outcome counts per metric as a row or column, e.g. {15,9}; shares from 0 to 1 (0.27 = 27 %) when participants is given.
 * @param prices Price per outcome in kr, same shape as outcomes, e.g. {198090,99045}; or a two-column rate card of metric names and prices.
 * @param [participants] Number of participants (people), e.g. 56. When given, outcomes are shares of them. Needed for a baseline.
 * @param [personCap] Most paid for one person's outcomes in kr, e.g. 250000. Empty or 0 means no cap.
 * @param [volumeCaps] Most outcomes paid per metric (a count), same shape as outcomes, e.g. {20,15}. Empty or 0 means no cap.
 * @param [contractCap] Most paid in total in kr, e.g. 4000000. Empty or 0 means no cap.
 * @param [chained] TRUE: each metric is paid only for people paid for the one before it (a chain, e.g. job then 6 months). Default FALSE.
 * @param [baseline] Baseline shares per metric from 0 to 1, e.g. the comparison group {0.12,0.1}: pays only for outcomes above them.
 * @param [thresholdPP] Pays nothing for a metric unless its effect (outcome share minus baseline) reaches this many percentage points, e.g. 10.
 * @returns Total payment in kr (positive = paid by the payer).
 */
export function payment(
  outcomes: Array<Array<number | string | boolean>>,
  prices: Array<Array<number | string | boolean>>,
  participants?: number | string | boolean | null,
  personCap?: number | string | boolean | null,
  volumeCaps?: Array<Array<number | string | boolean>>,
  contractCap?: number | string | boolean | null,
  chained?: number | string | boolean | null,
  baseline?: Array<Array<number | string | boolean>>,
  thresholdPP?: number | string | boolean | null,
): number {
  const card = readPrices(prices, outcomes);
  const input: OutcomePaymentInput = {
    outcomes: card.outcomes,
    prices: card.prices,
    participants: optionalNumber(participants, "participants", null, true),
    personCap: optionalNumber(personCap, "personCap", null, true),
    volumeCaps: optionalList(volumeCaps, "volumeCaps", card, true),
    contractCap: optionalNumber(contractCap, "contractCap", null, true),
    chained: optionalBoolean(chained, "chained", false),
    baseline: blankToZero(optionalList(baseline, "baseline", card, false)),
    thresholdPP: optionalNumber(thresholdPP, "thresholdPP", null, true),
    labels: card.names,
  };
  const issues = validateOutcomePayment(input);
  if (issues.length > 0) throw excelError(failMany(issues));
  return outcomePaymentCore(input);
}

/**
 * Payments by programme month (kr) as a column, one row per month (first row = month 1), for the built-in DRC pilot
 * or a scenario changed by name/value inputs, under payment terms given as a two-column range of names and values.
 * Term names: price.selfSupporting, price.paidHours, price.sustained6, price.sustained12 (kr per outcome),
 * volumeCap.(metric), requires.(metric), cap.person, cap.contract, threshold.pp, threshold.scope (metric or contract),
 * baseline (comparison, none or a historical rate), savingsShare, savingsScope (narrow or broad), baseFee,
 * baseFeeTiming (intake or spread), lagMonths, payerShare.municipality, includeEducation, sustainment.monthlyPrice
 * (kr per month in work), sustainment.months, and progression metrics (bipGain, who5, actionPlan, fitForWork,
 * lifeSatisfaction: price.who5 with progression.who5.month, progression.who5.share or .share.(n) per cohort, and
 * progression.who5.comparison), which are paid but are not budget savings.
 * Example: =SIB.PAYMENTSCHEDULE() spills 50 rows for the pilot, with 3,932,987 kr in row 18 (measured in month 15, paid 3 months later).
 * @customfunction PAYMENTSCHEDULE
 * @param [terms] Two-column range of payment-term names and values, e.g. baseline comparison; empty rows are skipped.
 * @param [inputs] Two-column range of scenario input names and values, e.g. horizonMonths 36; empty rows are skipped.
 * @param [payer] Who pays: "kommune" (municipality), "stat" (state) or "all" (default, the total).
 * @param [twoColumns] TRUE spills two columns, kommune and stat, instead of one. Default FALSE.
 * @param [discounted] TRUE gives present values in kr (discounted at mid-month at the discount rate); default FALSE.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns {number[][]} A column of monthly payments in kr (two columns with twoColumns).
 */
export function paymentSchedule(
  terms?: Array<Array<number | string | boolean>>,
  inputs?: Array<Array<number | string | boolean>>,
  payer?: number | string | boolean | null,
  twoColumns?: number | string | boolean | null,
  discounted?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): number[][] {
  const who = payerArgument(payer);
  const split = optionalBoolean(twoColumns, "twoColumns", false);
  if (split && who !== "all") throw argumentError('Give payer or twoColumns, not both (payer must be empty or "all").');
  const presentValue = optionalBoolean(discounted, "discounted", false);
  const { scenario, result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const paymentTerms = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, termPairs(terms, "terms"));
  if (!paymentTerms.ok) throw excelError(paymentTerms);
  const schedule = paymentScheduleFor(scenario, result, paymentTerms.value);
  if (!schedule.ok) throw excelError(schedule);
  const { byPayer, total, discountFactor } = schedule.value;
  const factor = (month: number): number => (presentValue ? (discountFactor[month] ?? Number.NaN) : 1);
  if (split) {
    return total.map((_, month) => [
      (byPayer.municipality[month] ?? 0) * factor(month),
      (byPayer.state[month] ?? 0) * factor(month),
    ]);
  }
  const column = who === "all" ? total : byPayer[who];
  return column.map((amount, month) => [amount * factor(month)]);
}

/**
 * Deadweight of payment terms: what they would pay (kr, all payers, undiscounted) if the programme had no effect, i.e.
 * the participants at the comparison group's shares, for the built-in DRC pilot or a scenario changed by inputs. A gross
 * card pays for outcomes the comparison group reached anyway; a card with baseline comparison pays 0 at zero effect.
 * Example: =SIB.DEADWEIGHT() gives 1,885,817 kr (47.9 % of the pilot's 3,932,987 kr); =SIB.DEADWEIGHT(,,"table").
 * @customfunction DEADWEIGHT
 * @param [terms] Two-column range of payment-term names and values as in SIB.PAYMENTSCHEDULE, e.g. baseline comparison or sustainment.monthlyPrice 6000; empty rows are skipped.
 * @param [inputs] Two-column range of scenario input names and values, e.g. horizonMonths 36; empty rows are skipped.
 * @param [output] "payment" (default): kr paid at zero effect; "share": that as a share of the expected payment (0.479 = 47.9 %); "table": name/value rows incl. comparisonReached per metric.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns The payment at zero effect in kr, its share, or a table of names and values.
 */
export function deadweight(
  terms?: Array<Array<number | string | boolean>>,
  inputs?: Array<Array<number | string | boolean>>,
  output?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): Array<Array<number | string>> {
  const kind = deadweightOutput(output);
  const { scenario, result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const paymentTerms = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, termPairs(terms, "terms"));
  if (!paymentTerms.ok) throw excelError(paymentTerms);
  const schedule = paymentScheduleFor(scenario, result, paymentTerms.value);
  if (!schedule.ok) throw excelError(schedule);
  const measures = deadweightCore(scenario, schedule.value, paymentTerms.value);
  if (kind === "payment") return [[measures.paymentAtZeroEffect]];
  if (kind === "share") {
    if (measures.shareOfPayment === null) {
      throw notAvailable(
        `No share: the terms pay 0 kr with the effect as given, but ${Math.round(measures.paymentAtZeroEffect)} kr with no effect.`,
      );
    }
    return [[measures.shareOfPayment]];
  }
  return [
    ["paymentAtZeroEffect", measures.paymentAtZeroEffect],
    ["expectedPayment", measures.expectedPayment],
    ["shareOfPayment", measures.shareOfPayment ?? ""],
    ["warning", measures.warning ? 1 : 0],
    ...measures.byMetric.map((line): [string, number | string] => [
      `comparisonReached.${line.metric}`,
      line.comparisonReachedShare ?? "",
    ]),
  ];
}

function deadweightOutput(value: CellValue | undefined): "payment" | "share" | "table" {
  if (isBlankCell(value) || value === 0) return "payment";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "payment" || text === "betaling") return "payment";
  if (text === "share" || text === "andel") return "share";
  if (text === "table" || text === "tabel") return "table";
  throw argumentError(`output must be "payment", "share" or "table", got ${JSON.stringify(value)}.`);
}

/**
 * The municipality's savings above its payments and where they go (issue 15): kept by the municipality, shared with
 * the provider, or reinvested with the investor's reinvested capped surplus into next cohorts (capital recycling), for
 * the built-in DRC pilot or a scenario changed by inputs. Amounts in kr, fixed prices, undiscounted unless named PV.
 * Example: =SIB.SURPLUS(, E2:F3) with savingsSurplus.rule reinvested and savingsSurplus.cohortSize 10 spills totals.
 * @customfunction SURPLUS
 * @param [terms] Two-column range of payment-term names and values as in SIB.PAYMENTSCHEDULE, e.g. price.selfSupporting 250000; empty rows are skipped.
 * @param [investorTerms] Two-column range of investor-term names and values as in SIB.INVESTORFLOWS, and savingsSurplus.rule (commissioner, provider or reinvested), savingsSurplus.share (0 to 1), savingsSurplus.cohortSize (participants per next cohort).
 * @param [inputs] Two-column range of scenario input names and values, e.g. horizonMonths 36; empty rows are skipped.
 * @param [output] "totals" (default): name/value rows; "table": a header row and one row per month (surplus, kept, provider, reinvested from savings and from the investor, next cohorts' cost, fund balance); "cohorts": start month, participants and cost of each next cohort.
 * @param [horizonMonths] Months followed per participant, 1 to 420 (default: the pilot's 50).
 * @param [parameterYear] Year of the built-in parameters, e.g. 2023 (default 2023).
 * @returns Name/value rows, a monthly table or the next cohorts.
 */
export function surplus(
  terms?: Array<Array<number | string | boolean>>,
  investorTerms?: Array<Array<number | string | boolean>>,
  inputs?: Array<Array<number | string | boolean>>,
  output?: number | string | boolean | null,
  horizonMonths?: number | string | boolean | null,
  parameterYear?: number | string | boolean | null,
): Array<Array<number | string>> {
  const kind = surplusOutput(output);
  const { scenario, result } = businessCaseFromArguments({ inputs, horizonMonths, parameterYear });
  const paymentTerms = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, termPairs(terms, "terms"));
  if (!paymentTerms.ok) throw excelError(paymentTerms);
  const investor = investorTermsFromPairs(nameValuePairs(investorTerms, "investorTerms"));
  if (!investor.ok) throw excelError(investor);
  const schedule = paymentScheduleFor(scenario, result, paymentTerms.value);
  if (!schedule.ok) throw excelError(schedule);
  const money = moneyFlowsCore(result.monthly.cost, schedule.value.byPayer, investor.value);
  const flows = contractSurplusFlows(
    scenario,
    result,
    schedule.value.discountFactor,
    money,
    investor.value.savingsSurplus,
  );
  if (kind === "cohorts") {
    return [
      ["startMonth", "participants", "cost"],
      ...flows.cohorts.map((c) => [c.startMonth, c.participants, c.cost]),
    ];
  }
  if (kind === "table") {
    const header = ["month", "surplus", "kept", "provider", "reinvestedFromSavings", "reinvestedFromInvestor"];
    return [
      [...header, "cohortCost", "fundBalance"],
      ...flows.surplus.map((amount, t) => [
        t,
        amount,
        flows.kept[t] ?? 0,
        flows.provider[t] ?? 0,
        flows.reinvestedFromSavings[t] ?? 0,
        flows.reinvestedFromInvestor[t] ?? 0,
        flows.cohortCost[t] ?? 0,
        flows.fundBalance[t] ?? 0,
      ]),
    ];
  }
  const totals = flows.totals;
  return [
    ["rule", flows.terms.rule],
    ["share", flows.terms.rule === "commissioner" ? 0 : flows.terms.share],
    ["surplus", totals.surplus],
    ["kept", totals.kept],
    ["provider", totals.provider],
    ["reinvestedFromSavings", totals.reinvestedFromSavings],
    ["reinvestedFromInvestor", totals.reinvestedFromInvestor],
    ["cohorts", flows.cohorts.length],
    ["participants", totals.participants],
    ["cohortCost", totals.cohortCost],
    ["unspent", totals.unspent],
    ["municipalityNetPV", flows.municipality.discounted.net],
  ];
}

function surplusOutput(value: CellValue | undefined): "totals" | "table" | "cohorts" {
  if (isBlankCell(value) || value === 0) return "totals";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "totals" || text === "i alt") return "totals";
  if (text === "table" || text === "tabel") return "table";
  if (text === "cohorts" || text === "hold") return "cohorts";
  throw argumentError(`output must be "totals", "table" or "cohorts", got ${JSON.stringify(value)}.`);
}

/** Outcomes and prices per metric, with metric names when the prices are a two-column rate card. */
interface RateCardArguments {
  readonly outcomes: number[];
  readonly prices: number[];
  readonly names: string[] | null;
  /** Shape of the outcomes range, for positional per-metric ranges. */
  readonly rows: number;
  readonly columns: number;
}

const AGAINST_CARD = "the rate card (prices)";

function readPrices(prices: Range | null | undefined, outcomes: Range | null | undefined): RateCardArguments {
  const outcomeRange = requiredRange(outcomes, "outcomes");
  const priceRange = requiredRange(prices, "prices");
  if (isNamed(priceRange)) {
    const card = namedValues(priceRange, "prices", false);
    const values = perMetric(outcomeRange, "outcomes", card.labels, false);
    return {
      outcomes: values.map(orZero),
      prices: card.values.map(orZero),
      names: card.labels,
      rows: card.labels.length,
      columns: 1,
    };
  }
  if (isNamed(outcomeRange)) {
    throw argumentError("prices must be a two-column rate card (metric, price) when outcomes names its metrics.");
  }
  const rows = outcomeRange.length;
  const columns = outcomeRange[0]?.length ?? 0;
  if ((rows !== 1 && columns !== 1) || !rectangular(outcomeRange, columns)) {
    throw argumentError(`outcomes must be a single row or column, got ${shape(rows, columns)}.`);
  }
  if (priceRange.length !== rows || !rectangular(priceRange, columns)) {
    throw argumentError(
      `prices must have the same shape as outcomes (${shape(rows, columns)}), got ${shape(priceRange.length, priceRange[0]?.length ?? 0)}.`,
    );
  }
  return {
    outcomes: cellNumbers(outcomeRange, "outcomes"),
    prices: cellNumbers(priceRange, "prices"),
    names: null,
    rows,
    columns,
  };
}

/** A per-metric optional range (volume caps, baseline): named like the rate card, or the outcomes' shape. */
function optionalList(
  range: Range | null | undefined,
  name: string,
  card: RateCardArguments,
  blankIsNull: boolean,
): (number | null)[] | null {
  if (range === null || range === undefined || range.every((row) => row.every(isBlankCell))) return null;
  if (card.names !== null) return perMetric(range, name, card.names, blankIsNull);
  if (isNamed(range)) throw argumentError(`${name} names metrics, but prices is not a two-column rate card.`);
  if (range.length !== card.rows || !rectangular(range, card.columns)) {
    throw argumentError(
      `${name} must have the same shape as outcomes (${shape(card.rows, card.columns)}), got ${shape(range.length, range[0]?.length ?? 0)}.`,
    );
  }
  return flatNumbers(range, name, blankIsNull);
}

/** Values per rate-card metric: a named two-column range matched by name, or a row/column in rate-card order. */
function perMetric(range: Range, name: string, labels: readonly string[], blankIsNull: boolean): (number | null)[] {
  if (isNamed(range)) {
    const named = namedValues(range, name, blankIsNull);
    const keys = labels.map(metricKey);
    named.keys.forEach((key, index) => {
      if (!keys.includes(key)) {
        throw argumentError(
          `${name}: "${named.labels[index] ?? key}" is not a metric of ${AGAINST_CARD} (${labels.join(", ")}).`,
        );
      }
    });
    return keys.map((key, k) => {
      const index = named.keys.indexOf(key);
      if (index >= 0) return named.values[index] ?? null;
      // A volume cap may leave a metric out (no cap); outcomes and baselines must give every metric.
      if (blankIsNull) return null;
      throw argumentError(`${name} has no value for "${labels[k] ?? key}".`);
    });
  }
  const rows = range.length;
  const columns = range[0]?.length ?? 0;
  if ((rows !== 1 && columns !== 1) || rows * columns !== labels.length || !rectangular(range, columns)) {
    throw argumentError(
      `${name} must have one value per metric of ${AGAINST_CARD} (${labels.length}) in a row or column, got ${shape(rows, columns)}.`,
    );
  }
  return flatNumbers(range, name, blankIsNull);
}

/** Names (as written and normalised) and values of a two-column range, in row order; blank rows are skipped. */
function namedValues(
  range: Range,
  name: string,
  blankIsNull: boolean,
): { keys: string[]; labels: string[]; values: (number | null)[] } {
  const keys: string[] = [];
  const labels: string[] = [];
  const values: (number | null)[] = [];
  for (let index = 0; index < range.length; index++) {
    const row = range[index] ?? [];
    const label = row[0];
    const value = row[1];
    if (row.length !== 2) {
      throw argumentError(`${name} must be a two-column range of names and values (row ${index + 1} is not).`);
    }
    if (isBlankCell(label) && (isBlankCell(value) || value === 0)) continue;
    if (typeof label !== "string" || label.trim() === "") {
      throw argumentError(`${name}: row ${index + 1} must start with a metric name, got ${JSON.stringify(label)}.`);
    }
    const key = metricKey(label);
    const trimmed = label.trim();
    if (keys.includes(key)) throw argumentError(`${name}: "${trimmed}" is given twice.`);
    keys.push(key);
    labels.push(trimmed);
    if (typeof value === "number" && Number.isFinite(value)) values.push(blankIsNull && value === 0 ? null : value);
    else values.push(cellNumber(value, `${name} "${trimmed}"`, blankIsNull));
  }
  if (keys.length === 0) throw argumentError(`${name} must name at least one metric.`);
  return { keys, labels, values };
}

const KEY_CACHE_SIZE = 256;
const keyCache = new Map<string, string>();

/**
 * normaliseName, memoised: metric labels repeat on every recalculation of a sheet, and the cache only saves time
 * (the same label always gives the same key).
 */
function metricKey(label: string): string {
  const cached = keyCache.get(label);
  if (cached !== undefined) return cached;
  const key = normaliseName(label);
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
  keyCache.set(label, key);
  return key;
}

function requiredRange(range: Range | null | undefined, name: string): Range {
  if (range === null || range === undefined || range.length === 0) throw argumentError(`${name} is required.`);
  return range;
}

/** A two-column range whose first column holds text (metric names). */
function isNamed(range: Range): boolean {
  let named = false;
  for (const row of range) {
    if (row.length !== 2) return false;
    const label = row[0];
    if (typeof label === "string" && label.trim() !== "") named = true;
  }
  return named;
}

function rectangular(range: Range, columns: number): boolean {
  for (const row of range) if (row.length !== columns) return false;
  return true;
}

/** The cells of a row or column as numbers (blank = 0), in order; a message names the cell (1-based). */
function cellNumbers(range: Range, name: string): number[] {
  const values: number[] = [];
  for (let r = 0; r < range.length; r++) {
    const row = range[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "number" && Number.isFinite(value)) values.push(value);
      else values.push(cellNumber(value, name, false, values.length + 1) ?? 0);
    }
  }
  return values;
}

/** The cells of a row or column as numbers or null (blank), in order; a message names the cell (1-based). */
function flatNumbers(range: Range, name: string, blankIsNull: boolean): (number | null)[] {
  const values: (number | null)[] = [];
  for (let r = 0; r < range.length; r++) {
    const row = range[r] ?? [];
    for (let c = 0; c < row.length; c++) values.push(cellNumber(row[c], name, blankIsNull, values.length + 1));
  }
  return values;
}

/** A cell as a number: blank (null, "", and 0 when `blankIsNull`) is 0 or null; text and booleans are errors. */
function cellNumber(value: CellValue | undefined, name: string, blankIsNull: boolean, cell?: number): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return blankIsNull && value === 0 ? null : value;
  if (isBlankCell(value)) return blankIsNull ? null : 0;
  const where = cell === undefined ? name : `${name} (cell ${cell})`;
  throw argumentError(`${where} must be a number, got ${JSON.stringify(value)}.`);
}

function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function orZero(value: number | null): number {
  return value ?? 0;
}

function blankToZero(values: (number | null)[] | null): number[] | null {
  return values === null ? null : values.map(orZero);
}

function shape(rows: number, columns: number): string {
  return `${rows} ${rows === 1 ? "row" : "rows"} × ${columns} ${columns === 1 ? "column" : "columns"}`;
}

/**
 * Name/value pairs of a terms range: like the scenario inputs, but a value may also be TRUE/FALSE.
 * @example termPairs([["lagMonths", 3]], "terms") // [["lagMonths", 3]]
 */
export function termPairs(range: Range | null | undefined, name: string): [string, TermValue][] {
  if (range === null || range === undefined) return [];
  checkRangeRows(range, name);
  const pairs: [string, TermValue][] = [];
  range.forEach((row, index) => {
    const [key, value, ...rest] = row;
    if (isBlankCell(key) || key === 0) return;
    if (row.length < 2 || rest.some((cell) => !isBlankCell(cell) && cell !== 0)) {
      throw argumentError(`${name} must be a two-column range of names and values (row ${index + 1} is not).`);
    }
    if (typeof key !== "string") {
      throw argumentError(`${name}: row ${index + 1} must start with a term name, got ${JSON.stringify(key)}.`);
    }
    if (value === null || value === undefined || isBlankCell(value)) {
      throw argumentError(`${name}: term "${key.trim()}" (row ${index + 1}) has no value.`);
    }
    pairs.push([key.trim(), value]);
    checkPairCount(pairs.length, name);
  });
  return pairs;
}

const PAYER_ALIASES: Readonly<Record<string, "municipality" | "state" | "all">> = {
  kommune: "municipality",
  municipality: "municipality",
  k: "municipality",
  stat: "state",
  state: "state",
  s: "state",
  all: "all",
  alle: "all",
  total: "all",
  "i alt": "all",
  begge: "all",
  both: "all",
};

/** The payer argument: kommune/municipality, stat/state, or all (default). */
function payerArgument(value: CellValue | undefined): "municipality" | "state" | "all" {
  if (isBlankCell(value) || value === 0) return "all";
  const payer = typeof value === "string" ? ownValue(PAYER_ALIASES, value.trim().toLowerCase()) : undefined;
  if (payer === undefined)
    throw argumentError(`payer must be "kommune", "stat" or "all", got ${JSON.stringify(value)}.`);
  return payer;
}
