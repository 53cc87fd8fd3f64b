/**
 * Statistics custom functions in the namespace SIB: small-cohort outcome risk (exact binomial) and the minimum
 * detectable effect of a comparison. Thin wrappers: coerce Excel's arguments, call src/engine/stats/binomial, return a
 * value or throw a CustomFunctions.Error (#VALUE! with a message naming the argument). The JSDoc below is the help text
 * Excel shows. Omitted optional arguments arrive as null; an empty cell arrives as 0 (desktop) or null (web).
 */
import { binomialColumns, minimumDetectableEffect, probabilityOfReachingTarget } from "../engine/stats/binomial";
import { optionalNumber, requiredNumber } from "./coerce";
import { excelError } from "./errors";

/**
 * Probability that at least the target share of the participants reach the outcome when each reaches it independently
 * with the true rate (exact binomial, no normal approximation). The target becomes a head count rounded up: 30 % of 56
 * is 16.8, so 17 people are needed. For a target given as a head count, pass count/participants, e.g. 17/56.
 * Example: =SIB.PROBTARGET(56, 0.3, 0.3) gives 0.527.
 * @customfunction PROBTARGET
 * @param participants Number of participants (people), a whole number from 1 to 1000000, e.g. 56.
 * @param trueRate True chance that one participant reaches the outcome, 0 to 1 (0.3 = 30 %).
 * @param targetShare Share of the participants the target requires, 0 to 1 (0.3 = 30 %), e.g. 0.3.
 * @returns Probability from 0 to 1 that the target is reached.
 */
export function probTarget(
  participants: number | string | boolean,
  trueRate: number | string | boolean,
  targetShare: number | string | boolean,
): number {
  const result = probabilityOfReachingTarget(
    requiredNumber(participants, "participants"),
    requiredNumber(trueRate, "trueRate", true),
    requiredNumber(targetShare, "targetShare", true),
  );
  if (!result.ok) throw excelError(result);
  return result.value;
}

/**
 * Minimum detectable effect in percentage points: the smallest difference between the participants' and the comparison
 * group's rates that a two-sample test of proportions detects with the given power (normal approximation with the
 * baseline variance in both groups). Example: =SIB.MDE(56, 56, 0.2) gives 21.2.
 * @customfunction MDE
 * @param participants Number of participants measured (people), a whole number from 1 to 1000000, e.g. 56.
 * @param comparisonCount Number of people in the comparison group, a whole number from 1 to 1000000, e.g. 56.
 * @param baselineRate Outcome rate without the intervention, strictly between 0 and 1 (0.2 = 20 %).
 * @param [alpha] Significance level (false-alarm rate), from 1e-10 up to but not including 1 (default 0.05 = 5 %).
 * @param [power] Chance of detecting a true effect of that size, strictly between 0 and 1 (default 0.8 = 80 %).
 * @param [sides] 2 (default) for a two-sided test, 1 for a one-sided test.
 * @returns Minimum detectable effect in percentage points (21.2 = 21.2 pp).
 */
export function mde(
  participants: number | string | boolean,
  comparisonCount: number | string | boolean,
  baselineRate: number | string | boolean,
  alpha?: number | string | boolean | null,
  power?: number | string | boolean | null,
  sides?: number | string | boolean | null,
): number {
  const result = minimumDetectableEffect(
    requiredNumber(participants, "participants"),
    requiredNumber(comparisonCount, "comparisonCount"),
    requiredNumber(baselineRate, "baselineRate", true),
    optionalNumber(alpha, "alpha", 0.05, true) ?? 0.05,
    optionalNumber(power, "power", 0.8, true) ?? 0.8,
    optionalNumber(sides, "sides", 2, true) ?? 2,
  );
  if (!result.ok) throw excelError(result);
  return 100 * result.value;
}

/**
 * The distribution of the number of participants who reach the outcome (exact binomial), for a chart: a header row,
 * then one row per count k from 0 to participants with P(X=k) and P(X≤k). Spills participants + 2 rows and 3 columns.
 * Example: =SIB.BINOMIAL(10, 0.5) has 0.205078125 and 0.828125 in the row for k = 6.
 * @customfunction BINOMIAL
 * @param participants Number of participants (people), a whole number from 1 to 1000000, e.g. 56.
 * @param trueRate True chance that one participant reaches the outcome, 0 to 1 (0.3 = 30 %).
 * @returns Columns k, P(X=k), P(X≤k) with a header row; probabilities from 0 to 1.
 */
export function binomial(
  participants: number | string | boolean,
  trueRate: number | string | boolean,
): Array<Array<number | string>> {
  const result = binomialColumns(
    requiredNumber(participants, "participants"),
    requiredNumber(trueRate, "trueRate", true),
  );
  if (!result.ok) throw excelError(result);
  const { probability, cumulative } = result.value;
  const rows = new Array<Array<number | string>>(probability.length + 1);
  rows[0] = ["k", "P(X=k)", "P(X≤k)"];
  for (let k = 0; k < probability.length; k++) rows[k + 1] = [k, probability[k] ?? 0, cumulative[k] ?? 0];
  return rows;
}
