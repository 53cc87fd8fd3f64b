import { fail, ok, type Result } from "./errors";
import { perState, type OutcomeState, type PerState } from "./states";

/** States an employment effect draws from: the transfer states, in proportion to their shares. */
export const NON_EMPLOYMENT_SOURCE_STATES: readonly OutcomeState[] = ["TEMP", "PERM", "FLEX"];

/**
 * Participant shares for a simple employment effect: start from the comparison shares and move `effectPp`
 * percentage points into JOB (self-supporting with wages), taken from TEMP, PERM and FLEX in proportion to their
 * comparison shares. A negative effect moves people the other way (from JOB back into those states, in the same
 * proportions). The result sums to the same total as the input.
 * @example participantSharesFromEmploymentEffect(pilotComparison, 18).JOB // 0.07 + 0.18 = 0.25
 */
export function participantSharesFromEmploymentEffect(
  comparison: PerState<number>,
  effectPp: number,
): Result<PerState<number>> {
  const moved = effectPp / 100;
  const sourceTotal = NON_EMPLOYMENT_SOURCE_STATES.reduce((sum, state) => sum + comparison[state], 0);
  if (!Number.isFinite(moved)) return fail("InvalidInput", "effectPp", "number", "effectPp must be a number.");
  if (moved > sourceTotal + 1e-12) {
    return fail(
      "InvalidInput",
      "effectPp",
      "range",
      `effectPp of ${effectPp} exceeds the ${(100 * sourceTotal).toFixed(1)} % of the comparison group in TEMP, PERM and FLEX.`,
    );
  }
  if (-moved > comparison.JOB + 1e-12) {
    return fail(
      "InvalidInput",
      "effectPp",
      "range",
      `A negative effectPp of ${effectPp} exceeds the ${(100 * comparison.JOB).toFixed(1)} % of the comparison group in JOB.`,
    );
  }
  if (sourceTotal === 0) {
    return moved === 0
      ? ok(comparison)
      : fail("InvalidInput", "effectPp", "range", "The comparison group has nobody in TEMP, PERM or FLEX to move.");
  }
  return ok(
    perState((state) => {
      if (state === "JOB") return Math.max(0, comparison.JOB + moved);
      if (NON_EMPLOYMENT_SOURCE_STATES.includes(state)) {
        return Math.max(0, comparison[state] - (moved * comparison[state]) / sourceTotal);
      }
      return comparison[state];
    }),
  );
}
