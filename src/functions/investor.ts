/**
 * Investor custom functions in the namespace SIB: RETURNRATE (IRR), XRETURNRATE (XIRR), MULTIPLE and INVESTORFLOWS. Thin wrappers: coerce Excel's
 * arguments, call src/engine/investor, return a value or throw a CustomFunctions.Error. The JSDoc below is the help
 * text Excel shows (custom-functions-metadata). Omitted optional arguments arrive as null; an empty cell arrives as 0
 * (desktop) or null (web).
 *
 * Conventions: investor's view (negative = money paid in, positive = money received); monthly flows, first cell =
 * month 0 (programme start); an empty cell in a flows range is a month without flows (0). Rates are fractions.
 */
import { describeFailure, type EngineFailure } from "../engine/errors";
import { irr as irrEngine } from "../engine/investor/irr";
import { moneyMultiple } from "../engine/investor/multiple";
import { periodRate } from "../engine/investor/rates";
import { investorTermsFromPairs } from "../engine/investor/terms";
import { investorFlows as investorFlowsEngine, type InvestorFlowsResult } from "../engine/investor/waterfall";
import { xirr as xirrEngine } from "../engine/investor/xirr";
import { nameValuePairs, optionalBoolean, optionalNumber, type CellValue } from "./coerce";
import { argumentError, excelError, notAvailable } from "./errors";

/** A range argument as Excel passes it (a matrix; an omitted optional range arrives as null). */
type Range = Array<Array<number | string | boolean>>;

/**
 * Internal rate of return of monthly (or other periodic) cash flows, as an effective annual rate by default. Finds
 * every root by bracketing; when no single IRR exists it fails with a reason (no sign change, several IRRs, no
 * convergence) instead of returning a wrong rate. Empty cells count as 0 (a period without flows), unlike Excel's IRR,
 * which skips them. Errors are #NUM! like Excel's IRR (Excel shows no message with #NUM!); showReason TRUE gives #N/A
 * with the reason, which Excel shows on the cell.
 * Example: =SIB.RETURNRATE({-70000;12000;15000;18000;21000;26000}, 1) gives 0.0866 (8.66 % per period).
 * @customfunction RETURNRATE
 * @param values Cash flows in kr, one per period, a single row or column, e.g. A2:A51; negative = paid in, positive = received; empty cells are 0.
 * @param [periodsPerYear] Periods per year, a whole number: 12 (default, monthly flows) returns the effective annual rate (1 + monthly IRR)^12 - 1; 1 returns the rate per period like Excel's IRR.
 * @param [guess] Used only when the flows have several IRRs: returns the one nearest the guess, in the unit of the result (e.g. 0.1 for 10 % per year). Without a guess several IRRs give #NUM!.
 * @param [showReason] FALSE (default) gives #NUM! when there is no single IRR, as Excel does; TRUE gives #N/A so Excel shows the reason.
 * @returns The IRR as a fraction: effective per year (periodsPerYear 12) or per period (periodsPerYear 1).
 */
export function irr(
  values: Array<Array<number | string | boolean>>,
  periodsPerYear?: number | string | boolean | null,
  guess?: number | string | boolean | null,
  showReason?: number | string | boolean | null,
): number {
  const flows = flowsArgument(values, "values");
  const periods = periodsArgument(periodsPerYear);
  const annualGuess = guessArgument(guess);
  const reason = optionalBoolean(showReason, "showReason", false);
  const result = irrEngine(flows, {
    periodsPerYear: periods,
    guess: annualGuess === null ? null : periodRate(annualGuess, periods),
  });
  if (!result.ok) throw rateError(result, reason);
  return periods === 1 ? result.value.rate : result.value.effectiveAnnualRate;
}

/**
 * Annual internal rate of return of dated cash flows with Excel's XIRR conventions: actual/365 days from the first
 * date, dates as Excel dates (serial numbers), every date on or after the first. Brackets every root, so strongly
 * negative rates need no guess; when no single rate exists it fails with a reason. Rows without a date and with an
 * empty or zero value are skipped; an empty value with a date is 0. Errors are #NUM! like Excel's XIRR (Excel shows no
 * message with #NUM!); showReason TRUE gives #N/A with the reason, which Excel shows on the cell.
 * Example: =SIB.XRETURNRATE({-10000;2750;4250;3250;2750}, {39448;39508;39751;39859;39904}) gives 0.3734 (37.34 %).
 * @customfunction XRETURNRATE
 * @param values Cash flows in kr, a single row or column, e.g. B2:B6; negative = paid in, positive = received.
 * @param dates Excel dates of the flows, one per value, e.g. A2:A6 with 1-Jan-2008 (serial 39448) first.
 * @param [guess] Annual rate used only when there are several XIRRs: returns the one nearest the guess, e.g. 0.1. Without a guess several XIRRs give #NUM!.
 * @param [showReason] FALSE (default) gives #NUM! when there is no single XIRR, as Excel does; TRUE gives #N/A so Excel shows the reason.
 * @returns The XIRR as an annual fraction (0.3734 = 37.34 % per year).
 */
export function xirr(
  values: Array<Array<number | string | boolean>>,
  dates: Array<Array<number | string | boolean>>,
  guess?: number | string | boolean | null,
  showReason?: number | string | boolean | null,
): number {
  const flowCells = vectorArgument(values, "values");
  const dateCells = vectorArgument(dates, "dates");
  if (flowCells.length !== dateCells.length) {
    throw argumentError(
      `dates must have one date per value: values has ${flowCells.length} cells, dates has ${dateCells.length}.`,
    );
  }
  const flows: number[] = [];
  const serials: number[] = [];
  for (const [index, cell] of flowCells.entries()) {
    const date = dateCells[index] ?? null;
    const emptyDate = isEmpty(date) || date === 0;
    if (emptyDate && (isEmpty(cell) || cell === 0)) continue; // an empty row (desktop passes 0 for empty cells)
    if (emptyDate) throw argumentError(`dates: cell ${index + 1} is empty but values has ${JSON.stringify(cell)}.`);
    if (typeof date !== "number" || !Number.isFinite(date)) {
      throw argumentError(`dates: cell ${index + 1} must be a date (serial number), got ${JSON.stringify(date)}.`);
    }
    flows.push(cellNumber(cell, "values", index));
    serials.push(date);
  }
  const annualGuess = guessArgument(guess);
  const reason = optionalBoolean(showReason, "showReason", false);
  const result = xirrEngine(flows, serials, annualGuess);
  if (!result.ok) throw rateError(result, reason);
  return result.value.rate;
}

/**
 * Money multiple (MOIC) of cash flows: money received divided by money paid in (timing ignored). Empty cells are 0.
 * Example: =SIB.MULTIPLE({-100;30;90}) gives 1.2.
 * @customfunction MULTIPLE
 * @param values Cash flows in kr, a single row or column, e.g. A2:A51; negative = paid in, positive = received.
 * @returns The multiple: 1.2 means 1.2 kr back per krone paid in; below 1 is a loss.
 */
export function multiple(values: Array<Array<number | string | boolean>>): number {
  const result = moneyMultiple(flowsArgument(values, "values"));
  if (!result.ok) throw excelError(result);
  return result.value;
}

/**
 * The investor's monthly cash flows in a SIB: capital drawn as the costs fall due (or up front), outcome payments
 * paid out up to a return cap, the investor's share of any surplus, and a principal-protection top-up in the last
 * month. Spills a column of net flows (month 0 first; negative = paid in), a table, or the metrics.
 * Example: =SIB.INVESTORFLOWS(B2:B13, C2:C37, E2:F4) spills 36 monthly net flows; wrap it in SIB.RETURNRATE for the IRR.
 * @customfunction INVESTORFLOWS
 * @param costs Intervention cost per month in kr (at least 0), month 0 first, a row or column; empty cells are 0. Pilot: 369768 for months 0 to 11 (79236 kr x 56 participants over 12 months).
 * @param payments Outcome payments by the commissioner per month in kr (at least 0), month 0 first; the longer of costs and payments sets the horizon.
 * @param [terms] Two-column range of names and values: draw (asNeeded or upfront), returnCap.irr (e.g. 0.08 per year), returnCap.multiple (e.g. 1.3), maxLoss (e.g. 0.5), topUpPayer, surplusShare.investor/.provider/.commissioner/.reinvested, hurdleRate (default 0.05), cappedSurplus (withheld or returned), dealCosts.setup/.evaluation/.intermediaryOneOff/.intermediaryYearly (kr), dealCosts.intermediaryYears.
 * @param [output] "flows" (default) a column of net flows; "table" a header row and month, drawn, distributions, surplus, surplusToInvestor, topUp, netFlow; "metrics" name/value rows.
 * @returns Net flows in kr per month, a table, or metrics (IRR per month and per year, multiple, net gain, NPV at the hurdle or the 5 % default, and a note).
 */
export function investorFlows(
  costs: Array<Array<number | string | boolean>>,
  payments: Array<Array<number | string | boolean>>,
  terms?: Array<Array<number | string | boolean>>,
  output?: number | string | boolean | null,
): Array<Array<number | string>> {
  const costSeries = nonNegativeArgument(costs, "costs");
  const paymentSeries = nonNegativeArgument(payments, "payments");
  const parsedTerms = investorTermsFromPairs(nameValuePairs(terms, "terms"));
  if (!parsedTerms.ok) throw excelError(parsedTerms);
  const deal = parsedTerms.value.dealCosts;
  const financedDeal =
    deal === undefined ? 0 : deal.setup + deal.evaluation + deal.intermediaryOneOff + deal.intermediaryYearly;
  if (!costSeries.some((cost) => cost > 0) && !(financedDeal > 0))
    throw argumentError("costs must contain a cost above 0 (or terms a deal cost): nothing is invested.");
  const view = outputArgument(output);
  const result = investorFlowsEngine(costSeries, paymentSeries, parsedTerms.value);
  if (!result.ok) throw excelError(result);
  if (view === "table") return flowTable(result.value);
  if (view === "metrics") return metricsTable(result.value);
  return result.value.netFlow.map((flow) => [flow]);
}

const TABLE_HEADER = ["month", "drawn", "distributions", "surplus", "surplusToInvestor", "topUp", "netFlow"];

function flowTable(result: InvestorFlowsResult): (number | string)[][] {
  const rows: (number | string)[][] = [TABLE_HEADER];
  for (let month = 0; month < result.months; month++) {
    rows.push([
      month,
      at(result.drawn, month),
      at(result.distributions, month),
      at(result.surplus, month),
      at(result.surplusSplit.investor, month),
      at(result.topUp, month),
      at(result.netFlow, month),
    ]);
  }
  return rows;
}

function metricsTable(result: InvestorFlowsResult): (number | string)[][] {
  const { metrics, totals } = result;
  const irrCell = (pick: "rate" | "effectiveAnnualRate"): number | string =>
    metrics.irr.ok ? metrics.irr.value[pick] : `no IRR: ${metrics.irr.issues.map((item) => item.code).join(", ")}`;
  return [
    ["irrMonthly", irrCell("rate")],
    ["irrEffectiveAnnual", irrCell("effectiveAnnualRate")],
    ["moneyMultiple", metrics.moneyMultiple],
    ["netGain", metrics.netGain],
    // IRR never alone (issue 11 item 6): the NPV at the terms' hurdle, else at the 5 % default (hurdleIsDefault 1).
    ["npvAtHurdle", result.summary.npvAtHurdle],
    ["drawn", totals.drawn],
    ["distributions", totals.distributions],
    ["surplus", totals.surplus],
    ["surplusToInvestor", totals.surplusToInvestor],
    ["topUp", totals.topUp],
    ["topUpPayer", result.topUpPayer ?? ""],
    ["hurdleRate", result.summary.hurdleRate],
    ["hurdleIsDefault", result.summary.hurdleIsDefault ? 1 : 0],
    ["irrNote", result.summary.timingNote?.en ?? result.summary.irrMissing?.en ?? ""],
    ["dealCosts", totals.dealCosts],
  ];
}

/** An entry of an engine series whose length is known (a missing entry is a bug, not user input). */
function at(series: readonly number[], month: number): number {
  const value = series[month];
  if (value === undefined) throw new Error(`investor series has no month ${month}`);
  return value;
}

/** #N/A with the reason when asked (Excel shows it), else the usual mapping (#NUM! for rate failures). */
function rateError(failure: EngineFailure, showReason: boolean): CustomFunctions.Error {
  const code = failure.issues[0]?.code;
  if (showReason && code !== undefined && code !== "InvalidInput") return notAvailable(describeFailure(failure));
  return excelError(failure);
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The cells of a single row or column (a one-cell range counts as either). */
function vectorArgument(range: Range | CellValue | undefined, name: string): CellValue[] {
  if (range === undefined) return [];
  if (!Array.isArray(range)) return [range];
  const rows = range.length;
  const columns = range.reduce((widest, row) => Math.max(widest, Array.isArray(row) ? row.length : 1), 0);
  if (rows > 1 && columns > 1) {
    throw argumentError(`${name} must be a single row or column, got ${rows} rows by ${columns} columns.`);
  }
  return range.flatMap((row): CellValue[] => (Array.isArray(row) ? row : [row]));
}

function cellNumber(cell: CellValue | undefined, name: string, index: number): number {
  if (isEmpty(cell)) return 0;
  if (typeof cell !== "number" || !Number.isFinite(cell)) {
    throw argumentError(`${name}: cell ${index + 1} must be a number, got ${JSON.stringify(cell)}.`);
  }
  return cell;
}

/** A flows range as numbers; empty cells are 0. */
function flowsArgument(range: Range | CellValue | undefined, name: string): number[] {
  const cells = vectorArgument(range, name);
  if (cells.length === 0) throw argumentError(`${name} is required.`);
  return cells.map((cell, index) => cellNumber(cell, name, index));
}

function nonNegativeArgument(range: Range | CellValue | undefined, name: string): number[] {
  const series = flowsArgument(range, name);
  const negative = series.findIndex((value) => value < 0);
  if (negative >= 0) {
    throw argumentError(`${name}: cell ${negative + 1} must be kr of at least 0, got ${series[negative]}.`);
  }
  return series;
}

function periodsArgument(value: CellValue | undefined): number {
  const periods = optionalNumber(value, "periodsPerYear", 12, true) ?? 12;
  if (!Number.isInteger(periods) || periods < 1 || periods > 366) {
    throw argumentError(`periodsPerYear must be a whole number from 1 to 366 (12 for monthly flows), got ${periods}.`);
  }
  return periods;
}

function guessArgument(value: CellValue | undefined): number | null {
  const guess = optionalNumber(value, "guess", null);
  if (guess !== null && guess <= -1) throw argumentError(`guess must be a rate above -1 (-100 %), got ${guess}.`);
  return guess;
}

function outputArgument(value: CellValue | undefined): "flows" | "table" | "metrics" {
  if (isEmpty(value) || value === 0) return "flows";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "flows" || text === "table" || text === "metrics") return text;
  throw argumentError(`output must be "flows", "table" or "metrics", got ${JSON.stringify(value)}.`);
}
