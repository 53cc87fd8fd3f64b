/**
 * Stress-test custom functions in the namespace SIB: SIMULATE, BREAKEVENRATE, DEALZONE and TORNADO. Thin wrappers:
 * coerce Excel's arguments, call src/engine/stress, return a value or throw a CustomFunctions.Error. The JSDoc below
 * is the help text Excel shows. Omitted optional arguments arrive as null; an empty cell arrives as 0 (desktop) or
 * null (web).
 *
 * Every function works on the built-in DRC pilot changed by an `inputs` range (scenario inputs, as SIB.BUDGETSAVING),
 * under payment terms changed by a `terms` range (as SIB.PAYMENTSCHEDULE) and investor terms from an `investorTerms`
 * range (as SIB.INVESTORFLOWS). Results are memoised by argument values (the same arguments always give the same
 * numbers; the cache only saves time).
 */
import { failMany, type EngineFailure } from "../engine/errors";
import { DEFAULT_HURDLE_RATE } from "../engine/investor/summary";
import { investorTermsFromPairs, type InvestorTerms } from "../engine/investor/terms";
import { applyPaymentTermInputs, type TermValue } from "../engine/payment/termInputs";
import { PILOT_PAYMENT_TERMS } from "../engine/payment/terms";
import { breakEvenSuccessRate } from "../engine/stress/breakEven";
import { dealZone as dealZoneEngine, type DealZoneEnd } from "../engine/stress/dealZone";
import { validateStressInputs, type StressInputs } from "../engine/stress/model";
import type { Distribution } from "../engine/stress/percentiles";
import { MAX_SEED, seededGenerator } from "../engine/stress/random";
import {
  sensitivityInputs,
  switchingValue,
  tornado as tornadoEngine,
  type SensitivityOutput,
} from "../engine/stress/sensitivity";
import { MAX_ITERATIONS, simulate as simulateEngine, type SimulationSummary } from "../engine/stress/simulate";
import { uncertaintyFromPairs } from "../engine/stress/uncertainty";
import { nameValuePairs, optionalNumber, requiredNumber, type CellValue } from "./coerce";
import { argumentError, excelError, notAvailable } from "./errors";
import { businessCaseFromArguments } from "./scenarioArgs";

/** A range as Excel passes it (cells may be null on the web even where the signature says otherwise). */
type Cells = CellValue[][];

/**
 * Monte Carlo stress test of the SIB: draws the participants' outcomes (binomial, per participant), and optionally an
 * uncertain effect, persistence, cost overrun and comparison-group noise, and spills a labelled table: percentiles
 * P5, P10, P50, P90, P95 and the mean of the investor's IRR (effective annual), money multiple and NPV at the hurdle
 * (5 % a year when investorTerms give none, labelled "default") and of the municipality's discounted net, then
 * P(investor loss), P(outcome payment triggered), P(NPV below hurdle), the mean
 * of IRRs next to the IRR of the mean flows, and the draws without an IRR. The same seed gives the same numbers.
 * Example: =SIB.SIMULATE(10000, 1) for the pilot gives a median investor IRR of -11.2 % a year and P(investor loss) 0.77.
 * @customfunction SIMULATE
 * @param iterations Number of draws, a whole number from 1 to 200000, e.g. 10000. More than 200000 gives #VALUE!.
 * @param seed Seed of the random generator, a whole number from 0 to 2147483647, e.g. 1. The same seed gives the same table.
 * @param [inputs] Two-column range of scenario input names and values, e.g. participants 56 or horizonMonths 36; empty rows are skipped.
 * @param [terms] Two-column range of payment-term names and values, e.g. price.selfSupporting 198090 or baseline comparison.
 * @param [investorTerms] Two-column range of investor-term names and values, e.g. hurdleRate 0.08 (per year) or returnCap.irr 0.1.
 * @param [uncertainty] Two-column range: effect.mean and effect.sd (multiplier of the measured effect, e.g. 0.3), persistence.mean and persistence.sd (monthly), cost.median and cost.sd (lognormal cost factor, e.g. 0.15), comparison.size (people, e.g. 100), outcomes.binomial (TRUE or FALSE).
 * @returns A table: a header row (statistic, P5, P10, P50, P90, P95, mean) and one row per statistic; rates as fractions, money in kr.
 */
export function simulate(
  iterations: number | string | boolean,
  seed: number | string | boolean,
  inputs?: Array<Array<number | string | boolean>>,
  terms?: Array<Array<number | string | boolean>>,
  investorTerms?: Array<Array<number | string | boolean>>,
  uncertainty?: Array<Array<number | string | boolean>>,
): Array<Array<number | string>> {
  const draws = requiredNumber(iterations, "iterations");
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_ITERATIONS) {
    throw argumentError(
      `iterations must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en-US")} (the cap keeps a recalculation to about a second), got ${draws}.`,
    );
  }
  const seedValue = requiredNumber(seed, "seed", true);
  if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > MAX_SEED) {
    throw argumentError(`seed must be a whole number from 0 to ${MAX_SEED}, got ${seedValue}.`);
  }
  // Built before the ranges are validated, so a non-finite number must not share the key of an empty cell
  // (JSON.stringify writes NaN and ±Infinity as null; review reliability.md F15): it is tagged as an object, which no
  // cell value can be.
  const key = JSON.stringify(
    ["SIMULATE", draws, seedValue, inputs ?? null, terms ?? null, investorTerms ?? null, uncertainty ?? null],
    (_name, value: unknown) =>
      typeof value === "number" && !Number.isFinite(value) ? { nonFinite: String(value) } : value,
  );
  return memoised(key, () => {
    const given = stressArguments(inputs, terms, investorTerms);
    // IRR never alone (issue 11 item 6): without a hurdle in investorTerms the NPV uses the 5 % default, labelled.
    const hurdleIsDefault = given.investorTerms.hurdleRate === null;
    const stress: StressInputs = hurdleIsDefault
      ? { ...given, investorTerms: { ...given.investorTerms, hurdleRate: DEFAULT_HURDLE_RATE } }
      : given;
    const settings = uncertaintyFromPairs(termPairs(uncertainty, "uncertainty"));
    if (!settings.ok) throw excelError(settings);
    const summary = simulateEngine(stress, settings.value, draws, seededGenerator(seedValue));
    if (!summary.ok) throw excelError(summary);
    return simulationTable(
      summary.value,
      seedValue,
      stress.investorTerms.hurdleRate ?? DEFAULT_HURDLE_RATE,
      hurdleIsDefault,
    );
  });
}

/**
 * The investor's break-even success rate: the share of participants achieving the priced metric (self-supporting by
 * default) at which the investor's NPV at its hurdle is 0, with every other outcome share as measured. The change is
 * taken from (or given to) participants on temporary benefits, disability pension or flex jobs. #N/A with the reason
 * when no rate reaches the hurdle.
 * Example: =SIB.BREAKEVENRATE() gives 0.318 (31.8 % self-supporting repays the pilot's cost at the pilot prices).
 * @customfunction BREAKEVENRATE
 * @param [hurdleRate] The investor's hurdle as an effective annual rate, e.g. 0.08 for 8 % a year. Leave it out to use hurdleRate from investorTerms, else 0 (money back).
 * @param [metric] The metric whose share is solved for: "selfSupporting" (default: the first priced metric) or "paidHours".
 * @param [inputs] Two-column range of scenario input names and values, e.g. participants 56; empty rows are skipped.
 * @param [terms] Two-column range of payment-term names and values, e.g. price.selfSupporting 198090.
 * @param [investorTerms] Two-column range of investor-term names and values, e.g. hurdleRate 0.08 or maxLoss 0.5.
 * @returns The break-even success rate as a fraction of the participants (0.318 = 31.8 %).
 */
export function breakEvenRate(
  hurdleRate?: number | string | boolean | null,
  metric?: number | string | boolean | null,
  inputs?: Array<Array<number | string | boolean>>,
  terms?: Array<Array<number | string | boolean>>,
  investorTerms?: Array<Array<number | string | boolean>>,
): number {
  const stress = stressArguments(inputs, terms, investorTerms);
  const hurdle = hurdleArgument(hurdleRate, stress.investorTerms);
  const result = breakEvenSuccessRate(stress, hurdle, metricArgument(metric));
  if (!result.ok) throw reasonError(result);
  return result.value.rate;
}

/**
 * The deal zone: the range of outcome prices at which the investor reaches its hurdle and the municipality's
 * discounted payments stay at most its chosen share of its discounted savings. Spills labelled rows with the low and
 * the high end: the price factor on the rate card (or, with a metric, that metric's price in kr), the price of the
 * first priced metric, both sides' numbers there. #N/A with the reason when the zone is empty.
 * Example: =SIB.DEALZONE(1, 0.08) gives factors 1.215 to 1.585 for the pilot: prices 21.5 % to 58.5 % above the card.
 * @customfunction DEALZONE
 * @param [municipalityShare] The most of its discounted savings the municipality will pay, a share above 0, e.g. 0.8 for 80 % (default 1: all of them).
 * @param [hurdleRate] The investor's hurdle as an effective annual rate, e.g. 0.08 for 8 % a year. Leave it out to use hurdleRate from investorTerms, else 0.
 * @param [metric] Leave it out to scale every price on the rate card by a factor; a metric name, e.g. "paidHours", varies only that metric's price in kr.
 * @param [inputs] Two-column range of scenario input names and values, e.g. participants 56; empty rows are skipped.
 * @param [terms] Two-column range of payment-term names and values, e.g. price.selfSupporting 198090.
 * @param [investorTerms] Two-column range of investor-term names and values, e.g. returnCap.irr 0.12.
 * @returns A table with a header row (blank, low, high) and rows of labelled values; money in kr, rates as fractions.
 */
export function dealZone(
  municipalityShare?: number | string | boolean | null,
  hurdleRate?: number | string | boolean | null,
  metric?: number | string | boolean | null,
  inputs?: Array<Array<number | string | boolean>>,
  terms?: Array<Array<number | string | boolean>>,
  investorTerms?: Array<Array<number | string | boolean>>,
): Array<Array<number | string>> {
  const share = optionalNumber(municipalityShare, "municipalityShare", 1, true) ?? 1;
  const stress = stressArguments(inputs, terms, investorTerms);
  const hurdle = hurdleArgument(hurdleRate, stress.investorTerms);
  const result = dealZoneEngine(stress, {
    hurdleRate: hurdle,
    municipalityShare: share,
    metric: metricArgument(metric),
  });
  if (!result.ok) throw excelError(result);
  const zone = result.value;
  if (zone.empty) throw notAvailable(zone.reason);
  const metricLabel = zone.metric;
  const cell = (end: DealZoneEnd | null, pick: (end: DealZoneEnd) => number): number | string =>
    end === null ? "no limit" : numberOrText(pick(end), "no IRR");
  const rows: (number | string)[][] = [["", "low", "high"]];
  if (zone.unit === "factor") {
    rows.push(["price factor on the rate card", zone.low.factor, cell(zone.high, (end) => end.factor)]);
    rows.push([`price of ${metricLabel} (kr per outcome)`, zone.low.price, cell(zone.high, (end) => end.price)]);
  } else {
    rows.push([`price of ${metricLabel} (kr per outcome)`, zone.low.price, cell(zone.high, (end) => end.price)]);
    rows.push([
      "factor on its price as given",
      numberOrText(zone.low.factor, ""),
      cell(zone.high, (end) => end.factor),
    ]);
  }
  rows.push(["investor NPV at hurdle (kr)", zone.low.investorNpv, cell(zone.high, (end) => end.investorNpv)]);
  rows.push([
    "investor IRR (effective annual)",
    numberOrText(zone.low.investorIrr, "no IRR"),
    cell(zone.high, (end) => end.investorIrr),
  ]);
  rows.push([
    "municipality payments, discounted (kr)",
    zone.low.municipalityPaymentsPv,
    cell(zone.high, (end) => end.municipalityPaymentsPv),
  ]);
  rows.push([
    "municipality limit: share of discounted savings (kr)",
    zone.municipalityLimitPv,
    zone.municipalityLimitPv,
  ]);
  return rows;
}

/**
 * Tornado data (one input at a time, the others at their base values): each input's low and high value, the output at
 * each and the swing, sorted by swing, with the switching value: the input value at which the party's NPV is 0
 * ("none in range" when there is none). Inputs: effect, priceFactor, costPerParticipant, persistence, lagMonths,
 * discountRate, hurdleRate.
 * Example: =SIB.TORNADO("investorNpv", 0.08) for the pilot: the effect and the cost swing the investor's NPV most.
 * @customfunction TORNADO
 * @param [output] "investorNpv" (default: the investor's NPV at the hurdle, kr), "investorIrr" (effective annual) or "municipalityNet" (discounted savings minus payments, kr).
 * @param [hurdleRate] The investor's hurdle as an effective annual rate, e.g. 0.08 for 8 % a year. Leave it out to use hurdleRate from investorTerms, else 0.
 * @param [inputs] Two-column range of scenario input names and values, e.g. participants 56; empty rows are skipped.
 * @param [terms] Two-column range of payment-term names and values, e.g. price.selfSupporting 198090.
 * @param [investorTerms] Two-column range of investor-term names and values, e.g. returnCap.irr 0.12.
 * @returns A table: input, base, low, high, output at low, output at high, swing, switching value; one row per input.
 */
export function tornado(
  output?: number | string | boolean | null,
  hurdleRate?: number | string | boolean | null,
  inputs?: Array<Array<number | string | boolean>>,
  terms?: Array<Array<number | string | boolean>>,
  investorTerms?: Array<Array<number | string | boolean>>,
): Array<Array<number | string>> {
  const what = outputArgument(output);
  const stress = stressArguments(inputs, terms, investorTerms);
  const hurdle = hurdleArgument(hurdleRate, stress.investorTerms);
  const key = JSON.stringify(["TORNADO", what, hurdle, inputs ?? null, terms ?? null, investorTerms ?? null]);
  return memoised(key, () => {
    const result = tornadoEngine(stress, what, hurdle);
    if (!result.ok) throw excelError(result);
    const party = what === "municipalityNet" ? "municipality" : "investor";
    const byName = new Map(sensitivityInputs(stress, hurdle).map((input) => [input.name, input]));
    const rows: (number | string)[][] = [
      ["input", "base", "low", "high", "output at low", "output at high", "swing", "switching value"],
    ];
    for (const row of result.value.rows) {
      const input = byName.get(row.input);
      const switching = input === undefined ? null : switchingValue(input, party).value;
      rows.push([
        row.input,
        row.base,
        row.low,
        row.high,
        numberOrText(row.outputLow, "no IRR"),
        numberOrText(row.outputHigh, "no IRR"),
        numberOrText(row.swing, ""),
        switching ?? "none in range",
      ]);
    }
    return rows;
  });
}

function simulationTable(
  summary: SimulationSummary,
  seed: number,
  hurdleRate: number,
  hurdleIsDefault: boolean,
): (number | string)[][] {
  const hurdle = `${Number((100 * hurdleRate).toFixed(2))} %${hurdleIsDefault ? " default" : ""} hurdle`;
  const percentiles = (label: string, distribution: Distribution): (number | string)[] =>
    distribution.count === 0
      ? [label, "no draw", "", "", "", "", ""]
      : [
          label,
          distribution.p5,
          distribution.p10,
          distribution.p50,
          distribution.p90,
          distribution.p95,
          distribution.mean,
        ];
  const single = (label: string, value: number | string): (number | string)[] => [label, value, "", "", "", "", ""];
  const meanFlows = summary.irrOfMeanFlows;
  return [
    ["statistic", "P5", "P10", "P50", "P90", "P95", "mean"],
    percentiles("investor IRR (effective annual)", summary.irr),
    percentiles("investor money multiple", summary.multiple),
    summary.npvAtHurdle === null
      ? single(`investor NPV at the ${hurdle} (kr)`, "")
      : percentiles(`investor NPV at the ${hurdle} (kr)`, summary.npvAtHurdle),
    percentiles("municipality net, discounted (kr)", summary.municipalityNet),
    single("P(investor loss: multiple < 1)", summary.probabilityOfLoss),
    single("P(outcome payment triggered)", summary.probabilityPaymentTriggered),
    single(`P(investor NPV at ${hurdle} < 0)`, summary.probabilityBelowHurdle ?? ""),
    single("mean of IRRs (effective annual)", numberOrText(summary.meanOfIrrs, "no draw")),
    single(
      "IRR of the mean flows (effective annual)",
      meanFlows.ok ? meanFlows.value : `no IRR: ${meanFlows.issues[0]?.code ?? "none"}`,
    ),
    single("draws with a total loss (IRR counted as -100 %)", summary.irrTotalLossDraws),
    single("draws without a unique IRR (left out of the IRR row)", summary.irrUndefinedDraws),
    single("draws with the effect multiplier clamped", summary.effectClampedDraws),
    single("mean payment, undiscounted (kr)", summary.meanPayment),
    single("iterations", summary.iterations),
    single("seed", seed),
  ];
}

/** The scenario, payment terms and investor terms of the three ranges, validated together. */
function stressArguments(
  inputs: Cells | null | undefined,
  terms: Cells | null | undefined,
  investorTerms: Cells | null | undefined,
): StressInputs {
  const { scenario } = businessCaseFromArguments({ inputs, horizonMonths: null, parameterYear: null });
  const paymentTerms = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, termPairs(terms, "terms"));
  if (!paymentTerms.ok) throw excelError(paymentTerms);
  const investor = investorTermsFromPairs(nameValuePairs(investorTerms, "investorTerms"));
  if (!investor.ok) throw excelError(investor);
  const stress: StressInputs = { scenario, paymentTerms: paymentTerms.value, investorTerms: investor.value };
  const issues = validateStressInputs(stress);
  if (issues.length > 0) throw excelError(failMany(issues));
  return stress;
}

/** The hurdle argument, else the investor terms' hurdleRate, else 0. A 0 counts as a hurdle of 0. */
function hurdleArgument(value: CellValue | undefined, terms: InvestorTerms): number {
  const hurdle = optionalNumber(value, "hurdleRate", null);
  return hurdle ?? terms.hurdleRate ?? 0;
}

function metricArgument(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")) {
    return null;
  }
  if (typeof value !== "string")
    throw argumentError(`metric must be a metric name such as "paidHours", got ${JSON.stringify(value)}.`);
  return value.trim();
}

const OUTPUTS: readonly SensitivityOutput[] = ["investorNpv", "investorIrr", "municipalityNet"];

function outputArgument(value: CellValue | undefined): SensitivityOutput {
  if (value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")) {
    return "investorNpv";
  }
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  const output = OUTPUTS.find((name) => name.toLowerCase() === text);
  if (output === undefined) {
    throw argumentError(
      `output must be "investorNpv", "investorIrr" or "municipalityNet", got ${JSON.stringify(value)}.`,
    );
  }
  return output;
}

/** #N/A with the reason for an answer that does not exist (Impossible), else the usual mapping. */
function reasonError(failure: EngineFailure): CustomFunctions.Error {
  const first = failure.issues[0];
  if (first !== undefined && first.code === "Impossible") return notAvailable(first.message);
  return excelError(failure);
}

function numberOrText(value: number, text: string): number | string {
  return Number.isFinite(value) ? value : text;
}

/** Name/value pairs of a terms range: a value may be a number, a text or TRUE/FALSE; blank rows are skipped. */
function termPairs(range: Cells | null | undefined, name: string): [string, TermValue][] {
  if (range === null || range === undefined) return [];
  const pairs: [string, TermValue][] = [];
  range.forEach((row, index) => {
    const [key, value, ...rest] = row;
    if (isBlank(key) || key === 0) return;
    if (row.length < 2 || rest.some((cell) => !isBlank(cell) && cell !== 0)) {
      throw argumentError(`${name} must be a two-column range of names and values (row ${index + 1} is not).`);
    }
    if (typeof key !== "string") {
      throw argumentError(`${name}: row ${index + 1} must start with a name, got ${JSON.stringify(key)}.`);
    }
    if (value === null || value === undefined || isBlank(value)) {
      throw argumentError(`${name}: "${key.trim()}" (row ${index + 1}) has no value.`);
    }
    pairs.push([key.trim(), value]);
  });
  return pairs;
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const CACHE_SIZE = 16;
const cache = new Map<string, (number | string)[][]>();

/** The table for `key`, computed once (errors are not cached). Copies, so a caller cannot change a cached table. */
function memoised(key: string, compute: () => (number | string)[][]): (number | string)[][] {
  let table = cache.get(key);
  if (table === undefined) {
    table = compute();
    if (cache.size >= CACHE_SIZE) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(key, table);
  }
  return table.map((row) => row.slice());
}
