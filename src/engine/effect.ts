import { effectiveParticipantShares } from "./neutralise";
import type { Scenario } from "./scenario";
import { perState, type PerState } from "./states";
import { differenceConfidenceInterval } from "./stats/twoProportion";

/** Effect of the effort on one outcome state, in percentage points (participants − comparison). */
export interface EffectEstimate {
  readonly estimatePp: number;
  /** 95 % Wald interval for the difference of two proportions, when both group sizes are known. */
  readonly interval: { readonly lowerPp: number; readonly upperPp: number; readonly standardErrorPp: number } | null;
  /** Why there is no interval (e.g. the comparison-group size is unknown); null when there is one. */
  readonly intervalMissingReason: string | null;
}

/**
 * Effect per state at the measurement month with a 95 % confidence interval (two-proportion, unpooled standard error)
 * using the measured participants (or the cohort total) and the comparison-group size. No interval (with the reason)
 * for a neutralised state, without a comparison-group size, or when more people are measured than took part.
 * @example effectEstimates(pilot).JOB.estimatePp // 11.18 (10/55 − 7 %)
 */
export function effectEstimates(scenario: Scenario): PerState<EffectEstimate> {
  const cohortTotal = scenario.cohorts.reduce((sum, cohort) => sum + cohort.participants, 0);
  const participants = scenario.measuredParticipants ?? cohortTotal;
  // Review F9: more measured people than took part would narrow the interval without data behind it.
  const tooManyMeasured =
    scenario.measuredParticipants !== null && scenario.measuredParticipants > cohortTotal
      ? `measuredParticipants (${scenario.measuredParticipants}) exceeds the participants of the cohorts (${cohortTotal}): only people who took part can be measured, so no interval`
      : null;
  const comparison = scenario.comparisonGroupSize;
  const shares = effectiveParticipantShares(scenario);
  return perState((state) => {
    const p1 = shares[state];
    const p2 = scenario.comparisonShares[state];
    const estimatePp = 100 * (p1 - p2);
    if (scenario.neutraliseStates.includes(state)) {
      return {
        estimatePp,
        interval: null,
        intervalMissingReason: `${state} is neutralised (neutraliseStates): its difference is not counted as an effect`,
      };
    }
    if (tooManyMeasured !== null) return { estimatePp, interval: null, intervalMissingReason: tooManyMeasured };
    if (comparison === null) {
      return {
        estimatePp,
        interval: null,
        intervalMissingReason: "the comparison-group size is not given (comparisonGroupSize), so no interval",
      };
    }
    const ci = differenceConfidenceInterval(p1, participants, p2, comparison, 0.95);
    if (!ci.ok)
      return { estimatePp, interval: null, intervalMissingReason: ci.issues.map((i) => i.message).join("; ") };
    return {
      estimatePp,
      interval: {
        lowerPp: 100 * ci.value.lower,
        upperPp: 100 * ci.value.upper,
        standardErrorPp: 100 * ci.value.standardError,
      },
      intervalMissingReason: null,
    };
  });
}
