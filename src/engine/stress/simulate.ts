/**
 * Monte Carlo stress test of a SIB: many draws of the uncertain inputs (uncertainty.ts), each evaluated by the
 * allocation-free draw of draw.ts, summarised as percentiles. The random generator is injected (pure-rand), so the
 * same seed gives the same numbers; nothing is global.
 *
 * Per draw, in this order (always the same number of generator outputs for the first three, so changing one setting
 * does not reshuffle the others): the effect multiplier m, the persistence ρ, the cost factor f (one open uniform
 * each, inverted through the normal quantile); then the participants' outcome states, one 32-bit output per
 * participant, cohort by cohort; then the comparison group's metric counts (two binomial draws).
 *
 * Memory: only the three scalars needed for percentiles are kept per draw (IRR, multiple, municipality's net, in
 * Float64Arrays of the iteration count) plus one running sum of the investor's monthly flows (for the IRR of the mean
 * flows); nothing else grows with the number of draws.
 *
 * IRRs: a draw in which the investor receives nothing has no IRR (all flows ≤ 0); it is counted as −100 % (the limit of
 * the IRR as the receipts go to 0) and reported as `irrTotalLossDraws`. A draw whose flows have several IRRs or none for
 * another reason is left out of the IRR statistics and reported as `irrUndefinedDraws`.
 */
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { irr } from "../investor/irr";
import { MONTHS_PER_YEAR } from "../investor/rates";
import { clampMultiplier, sharesAtMultiplierInto, STATE_COUNT } from "./effectScale";
import { drawResult, drawWorkspace, evaluateDraw, profileInto, setAllCohortShares } from "./draw";
import { stressModel, type StressInputs, type StressModel } from "./model";
import { distributionOf, type Distribution } from "./percentiles";
import {
  binomialDraw,
  categoricalDraw,
  categoricalThresholdsInto,
  normalQuantileFast,
  uniformOpen,
  type RandomGenerator,
} from "./random";
import { validateUncertainty, type UncertaintySettings } from "./uncertainty";

// Module-level aliases of imported bindings used once or more per draw (see draw.ts: under CommonJS transpilation
// every use of an imported binding is a getter call).
const STATES: number = STATE_COUNT;
const nextUniform = uniformOpen;
const normal = normalQuantileFast;
const nextState = categoricalDraw;
const nextBinomial = binomialDraw;
const clamp = clampMultiplier;
const evaluate = evaluateDraw;
const setProfile = profileInto;
const sharesAt = sharesAtMultiplierInto;
const thresholdsOf = categoricalThresholdsInto;
const setShares = setAllCohortShares;

/** Most iterations of one simulation. */
export const MAX_ITERATIONS = 200_000;

/** Most participant outcome draws of one simulation (iterations × participants), about 2 s of work. */
export const MAX_PARTICIPANT_DRAWS = 100_000_000;

/** The summary of a simulation. Rates are effective annual fractions; money is kr. */
export interface SimulationSummary {
  readonly iterations: number;
  /** Investor IRR, effective annual: total-loss draws count as −1, draws without a unique IRR are left out. */
  readonly irr: Distribution;
  /** Investor money multiple (received / drawn). */
  readonly multiple: Distribution;
  /** The municipality's discounted savings − discounted payments, kr. */
  readonly municipalityNet: Distribution;
  /** The investor's NPV at the hurdle (kr; month t discounted t months), or null without a hurdle (issue 11 item 6). */
  readonly npvAtHurdle: Distribution | null;
  /** P(multiple < 1): the investor gets back less than it put in. */
  readonly probabilityOfLoss: number;
  /** P(any rate-card or sustainment-card payment > 0 after caps). */
  readonly probabilityPaymentTriggered: number;
  /** P(investor NPV at the hurdle < 0), or null when the investor terms give no hurdle. */
  readonly probabilityBelowHurdle: number | null;
  /** Monte Carlo standard errors √(p(1 − p)/N) of the three probabilities (null with the hurdle probability). */
  readonly standardErrors: {
    readonly probabilityOfLoss: number;
    readonly probabilityPaymentTriggered: number;
    readonly probabilityBelowHurdle: number | null;
  };
  /** E[IRR]: the mean of the draws' IRRs (as irr.mean). */
  readonly meanOfIrrs: number;
  /** IRR(E[flows]): the effective annual IRR of the mean monthly flows, or why there is none. */
  readonly irrOfMeanFlows: Result<number>;
  /** Draws in which the investor receives nothing (IRR counted as −100 %). */
  readonly irrTotalLossDraws: number;
  /** Draws without a unique IRR for another reason (several roots): left out of the IRR statistics. */
  readonly irrUndefinedDraws: number;
  /** Draws whose effect multiplier was clamped to the valid range. */
  readonly effectClampedDraws: number;
  /** Mean of everything paid under the contract, kr (undiscounted). */
  readonly meanPayment: number;
  /** Mean of the municipality's discounted payments, kr. */
  readonly meanMunicipalityPaymentsPv: number;
}

/**
 * Every broken rule of a simulation's settings: the uncertainty settings, the iteration count (whole, 1 to
 * {@link MAX_ITERATIONS}, field `iterations`) and the amount of work (iterations × participants at most
 * {@link MAX_PARTICIPANT_DRAWS} with binomial outcomes).
 * @example validateSimulation(model, DEFAULT_UNCERTAINTY, 0) // [{ field: "iterations", rule: "integer", ... }]
 */
export function validateSimulation(
  model: Pick<StressModel, "totalParticipants">,
  settings: UncertaintySettings,
  iterations: number,
): Issue[] {
  const issues = validateUncertainty(settings);
  if (!(Number.isInteger(iterations) && iterations >= 1 && iterations <= MAX_ITERATIONS)) {
    issues.push(
      issue(
        "InvalidInput",
        "iterations",
        "integer",
        `iterations must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en-US")}, got ${iterations}.`,
      ),
    );
  } else if (settings.binomialOutcomes === true && iterations * model.totalParticipants > MAX_PARTICIPANT_DRAWS) {
    issues.push(
      issue(
        "InvalidInput",
        "iterations",
        "work",
        `iterations × participants must be at most ${MAX_PARTICIPANT_DRAWS.toLocaleString("en-US")} (one outcome draw per participant per iteration), got ${iterations} × ${model.totalParticipants}; use at most ${Math.floor(MAX_PARTICIPANT_DRAWS / model.totalParticipants)} iterations.`,
      ),
    );
  }
  return issues;
}

/**
 * Checked Monte Carlo stress test: validates the inputs, the settings and the iteration count (all issues at once),
 * then simulates with the injected generator.
 * @param inputs Scenario, payment terms and investor terms.
 * @param settings Uncertainty settings (see uncertainty.ts).
 * @param iterations Number of draws, 1 to 200,000.
 * @param rng The random generator (e.g. seededGenerator(seed)); advanced by the simulation.
 * @returns The summary, or InvalidInput issues.
 * @example simulate({ scenario: pilot, paymentTerms: PILOT_PAYMENT_TERMS, investorTerms }, DEFAULT_UNCERTAINTY,
 *   10_000, seededGenerator(1)) // ok(summary): P(loss) ≈ 0.77 under the pilot terms
 */
export function simulate(
  inputs: StressInputs,
  settings: UncertaintySettings,
  iterations: number,
  rng: RandomGenerator,
): Result<SimulationSummary> {
  const model = stressModel(inputs);
  if (!model.ok) {
    const more = validateUncertainty(settings);
    return failMany([...model.issues, ...more]);
  }
  const issues = validateSimulation(model.value, settings, iterations);
  if (issues.length > 0) return failMany(issues);
  return ok(simulateModel(model.value, settings, iterations, rng));
}

/**
 * Unchecked simulation of a compiled model (settings and iterations valid, see {@link validateSimulation}).
 * @example simulateModel(compileStressModel(inputs), NO_UNCERTAINTY, 10, seededGenerator(1)).irr.p50 // the engine's IRR
 */
export function simulateModel(
  model: StressModel,
  settings: UncertaintySettings,
  iterations: number,
  rng: RandomGenerator,
): SimulationSummary {
  const scenario = model.scenario;
  const workspace = drawWorkspace(model);
  const result = drawResult();
  const irrs = new Float64Array(iterations);
  const multiples = new Float64Array(iterations);
  const nets = new Float64Array(iterations);
  const npvs = new Float64Array(model.investorTerms.hurdleRate === null ? 0 : iterations);
  const meanFlows = new Float64Array(model.maxMonths);
  let flowMonths = 0;

  const expected = new Float64Array(STATE_COUNT);
  const thresholds = new Float64Array(STATE_COUNT);
  const counts = new Int32Array(STATE_COUNT);
  const cohorts = model.cohortParticipants.length;
  const persistenceMean = settings.persistenceMean ?? scenario.persistence;
  const comparisonSize = settings.comparisonSize ?? scenario.comparisonGroupSize ?? 0;
  const groupRate0 = model.comparisonGroupShares[0] as number;
  const groupRate1 = model.comparisonGroupShares[1] as number;
  const conditionalRate1 = groupRate0 < 1 ? Math.min(1, groupRate1 / (1 - groupRate0)) : 0;
  const binomial = settings.binomialOutcomes;
  const pooled = binomial && cohorts > 1;

  let irrCount = 0;
  let totalLoss = 0;
  let undefinedIrr = 0;
  let clamped = 0;
  let losses = 0;
  let triggered = 0;
  let belowHurdle = 0;
  let paymentSum = 0;
  let paymentsPvSum = 0;
  let lastMultiplier = Number.NaN;

  for (let i = 0; i < iterations; i++) {
    const u1 = nextUniform(rng);
    const u2 = nextUniform(rng);
    const u3 = nextUniform(rng);
    let multiplier =
      settings.effectSd === 0 ? settings.effectMean : settings.effectMean + settings.effectSd * normal(u1);
    const bounded = clamp(model.effect, multiplier);
    if (bounded !== multiplier) {
      clamped++;
      multiplier = bounded;
    }
    let persistence = persistenceMean;
    if (settings.persistenceSd !== 0) {
      persistence = Math.min(1, Math.max(0, persistenceMean + settings.persistenceSd * normal(u2)));
    }
    const costFactor =
      settings.costSd === 0 ? settings.costMedian : settings.costMedian * Math.exp(settings.costSd * normal(u3));

    if (multiplier !== lastMultiplier) {
      sharesAt(model.effect, multiplier, expected);
      if (binomial) thresholdsOf(expected, thresholds);
      else setShares(workspace, expected);
      lastMultiplier = multiplier;
    }
    if (binomial) {
      const shares = workspace.cohortShares;
      for (let c = 0; c < cohorts; c++) {
        for (let s = 0; s < STATES; s++) counts[s] = 0;
        const n = model.cohortParticipants[c] as number;
        for (let person = 0; person < n; person++) {
          const state = nextState(rng, thresholds);
          counts[state] = (counts[state] as number) + 1;
        }
        for (let s = 0; s < STATES; s++) shares[c * STATES + s] = (counts[s] as number) / n;
      }
    }
    const comparison = workspace.comparisonGroupShares;
    if (comparisonSize > 0) {
      const first = nextBinomial(rng, comparisonSize, groupRate0);
      const second = nextBinomial(rng, comparisonSize - first, conditionalRate1);
      comparison[0] = first / comparisonSize;
      comparison[1] = second / comparisonSize;
    } else {
      comparison[0] = groupRate0;
      comparison[1] = groupRate1;
    }
    if (!workspace.fusedSavings) setProfile(model, workspace, persistence);

    evaluate(model, workspace, persistence, costFactor, pooled, result, meanFlows);

    if (result.totalLoss) totalLoss++;
    if (Number.isNaN(result.irr)) undefinedIrr++;
    else irrs[irrCount++] = result.irr;
    multiples[i] = result.multiple;
    nets[i] = result.municipalityNet;
    if (result.multiple < 1) losses++;
    if (result.outcomeTriggered) triggered++;
    if (result.npvAtHurdle < 0) belowHurdle++;
    if (npvs.length > 0) npvs[i] = result.npvAtHurdle;
    paymentSum += result.paymentTotal;
    paymentsPvSum += result.municipalityPaymentsPv;
    // The draw's net flows were added to meanFlows by evaluateDraw (in its last pass over the months).
    if (result.months > flowMonths) flowMonths = result.months;
  }

  const meanFlowList = Array.from(meanFlows.subarray(0, flowMonths), (sum) => sum / iterations);
  const meanIrr = irr(meanFlowList, { periodsPerYear: MONTHS_PER_YEAR });
  const irrDistribution = distributionOf(irrs, irrCount);
  const proportion = (count: number): number => count / iterations;
  const error = (p: number): number => Math.sqrt((p * (1 - p)) / iterations);
  const hasHurdle = model.investorTerms.hurdleRate !== null;
  const pLoss = proportion(losses);
  const pTriggered = proportion(triggered);
  const pBelow = hasHurdle ? proportion(belowHurdle) : null;
  return {
    iterations,
    irr: irrDistribution,
    multiple: distributionOf(multiples, iterations),
    municipalityNet: distributionOf(nets, iterations),
    npvAtHurdle: hasHurdle ? distributionOf(npvs, iterations) : null,
    probabilityOfLoss: pLoss,
    probabilityPaymentTriggered: pTriggered,
    probabilityBelowHurdle: pBelow,
    standardErrors: {
      probabilityOfLoss: error(pLoss),
      probabilityPaymentTriggered: error(pTriggered),
      probabilityBelowHurdle: pBelow === null ? null : error(pBelow),
    },
    meanOfIrrs: irrDistribution.mean,
    irrOfMeanFlows: meanIrr.ok ? ok(meanIrr.value.effectiveAnnualRate) : meanIrr,
    irrTotalLossDraws: totalLoss,
    irrUndefinedDraws: undefinedIrr,
    effectClampedDraws: clamped,
    meanPayment: paymentSum / iterations,
    meanMunicipalityPaymentsPv: paymentsPvSum / iterations,
  };
}
