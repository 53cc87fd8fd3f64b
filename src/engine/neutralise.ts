import { fail, ok, type Result } from "./errors";
import { SHARE_SUM_TOLERANCE } from "./rules";
import type { Scenario } from "./scenario";
import { perState, type OutcomeState, type PerState } from "./states";

/**
 * Participant shares with the states in `neutralise` (the set N) neutralised, so that their difference from the
 * comparison group is not counted as an effect (docs/scenario.md, "Neutralised states"):
 *
 * - p′_s = c_s for s in N (the participants get the comparison group's share);
 * - p′_s = p_s × (1 − Σ_N c_s) / (1 − Σ_N p_s) for every other state, so the shares still sum to 1 and the other
 *   states keep their proportions.
 *
 * Edge cases (a denominator is "zero" when it is at most the share-sum tolerance 1e-6 that validation allows):
 * - N empty: the participant shares are returned unchanged (the same object).
 * - 1 − Σ_N p_s = 0 and 1 − Σ_N c_s = 0 (both groups entirely in N): p′ = c on N and 0 elsewhere (0/0 taken as 0).
 * - 1 − Σ_N p_s = 0 but 1 − Σ_N c_s > 0: the other states would have to carry mass but have no proportions to keep,
 *   so this is an error naming `neutraliseStates`.
 * - 1 − Σ_N c_s = 0 (the comparison group is entirely in N): the other states get 0.
 *
 * Shares are fractions (0.18 = 18 %). Neutralising is idempotent: applying it to its own result changes nothing.
 * @example neutralisedParticipantShares(pilotParticipants, pilotComparison, ["ABROAD"]).value.ABROAD // 0.02 (= c)
 */
export function neutralisedParticipantShares(
  participant: PerState<number>,
  comparison: PerState<number>,
  neutralise: readonly OutcomeState[],
): Result<PerState<number>> {
  if (neutralise.length === 0) return ok(participant);
  const inN = new Set<OutcomeState>(neutralise);
  let participantInN = 0;
  let comparisonInN = 0;
  for (const state of inN) {
    participantInN += participant[state];
    comparisonInN += comparison[state];
  }
  const participantRest = 1 - participantInN;
  const comparisonRest = 1 - comparisonInN;
  let factor: number;
  if (participantRest <= SHARE_SUM_TOLERANCE) {
    if (comparisonRest > SHARE_SUM_TOLERANCE) {
      return fail(
        "InvalidInput",
        "neutraliseStates",
        "applicable",
        `neutraliseStates cannot be applied: all participants are in the neutralised states (${[...inN].join(", ")}), ` +
          `so no other state can take the ${(100 * comparisonRest).toFixed(1)} % of the comparison group outside them; ` +
          `neutralise fewer states.`,
      );
    }
    factor = 0;
  } else {
    factor = comparisonRest <= SHARE_SUM_TOLERANCE ? 0 : comparisonRest / participantRest;
  }
  return ok(perState((state) => (inN.has(state) ? comparison[state] : participant[state] * factor)));
}

/**
 * The participant shares every effect of a validated scenario is computed from: {@link neutralisedParticipantShares}
 * of the scenario's shares and its `neutraliseStates` (unchanged when none). Throws only for an unvalidated scenario
 * whose neutralisation cannot be applied (validateScenario reports that as an issue on `neutraliseStates`).
 * @example effectiveParticipantShares({ ...pilot, neutraliseStates: ["ABROAD"] }).ABROAD // 0.02
 */
export function effectiveParticipantShares(scenario: Scenario): PerState<number> {
  const result = neutralisedParticipantShares(
    scenario.participantShares,
    scenario.comparisonShares,
    scenario.neutraliseStates,
  );
  if (!result.ok)
    throw new Error(`effectiveParticipantShares on an unvalidated scenario: ${result.issues[0]?.message}`);
  return result.value;
}
