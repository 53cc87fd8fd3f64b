/**
 * Stress tests of a SIB (docs/stress.md): Monte Carlo with an injected seeded generator, the investor's break-even
 * success rate, the deal zone, one-at-a-time sensitivity (tornado) and switching values, and the exact small-cohort
 * probabilities they rest on.
 *
 * Conventions: money in kr; rates as fractions, labelled effective annual (the investor's IRR and hurdle) or per
 * month; the investor's NPV discounts month t by t months at its hurdle, the municipality's present values use the
 * business case's mid-month factors at the scenario's discount rate; shares as fractions (0.3 = 30 %).
 *
 * Checked entries (`simulate`, `breakEvenSuccessRate`, `dealZone`, `tornado`, `switchingValues`, `stressModel`,
 * `uncertaintyFromPairs`) validate every input and return a Result; the unchecked cores (`compileStressModel`,
 * `simulateModel`, `evaluateDraw`, `evaluateDeal`) assume valid input.
 */
export {
  binomialDraw,
  categoricalDraw,
  categoricalThresholdsInto,
  normalQuantileFast,
  seededGenerator,
  standardNormal,
  uniformOpen,
  uniformUint32,
  MAX_SEED,
  type RandomGenerator,
} from "./random";
export {
  uncertaintyFromPairs,
  uncertaintyName,
  validateUncertainty,
  DEFAULT_UNCERTAINTY,
  MAX_COMPARISON_SIZE,
  NO_UNCERTAINTY,
  UNCERTAINTY_NAMES,
  type UncertaintyName,
  type UncertaintySettings,
} from "./uncertainty";
export {
  clampMultiplier,
  effectScale,
  metricShareRange,
  sharesAtMetricShare,
  sharesAtMultiplier,
  sharesAtMultiplierInto,
  STATE_COUNT,
  type EffectScale,
  type MetricShareRange,
} from "./effectScale";
export { compileStressModel, stressModel, validateStressInputs, type StressInputs, type StressModel } from "./model";
export {
  drawResult,
  drawWorkspace,
  evaluateDraw,
  lastInvestorFlows,
  profileInto,
  setAllCohortShares,
  type DrawResult,
  type DrawWorkspace,
} from "./draw";
export { irrSolver, type IrrSolver } from "./irrSolver";
export { distributionOf, percentileOfSorted, REPORTED_PERCENTILES, type Distribution } from "./percentiles";
export {
  simulate,
  simulateModel,
  validateSimulation,
  MAX_ITERATIONS,
  MAX_PARTICIPANT_DRAWS,
  type SimulationSummary,
} from "./simulate";
export {
  dealFromSchedule,
  evaluateDeal,
  withLinePrice,
  withParticipantShares,
  withPriceFactor,
  type DealEvaluation,
} from "./deal";
export { BOUNDARY_TOLERANCE, conditionBoundary, expandUntilChange, type ExpandedBracket } from "./solve";
export { breakEvenSuccessRate, type BreakEvenRate } from "./breakEven";
export {
  dealZone,
  requireDealZone,
  DEAL_ZONE_LIMIT,
  type DealZone,
  type DealZoneEnd,
  type DealZoneOptions,
  type EmptyDealZoneCode,
} from "./dealZone";
export {
  outputOf,
  sensitivityInputs,
  switchingValue,
  switchingValues,
  tornado,
  SENSITIVITY_INPUTS,
  type Party,
  type SensitivityInput,
  type SensitivityOutput,
  type SensitivityPoint,
  type SwitchingValue,
  type TornadoRow,
} from "./sensitivity";
export { thresholdProbabilityCore } from "./smallCohort";
