import { fail, ok, type Result } from "./errors";
import { PILOT_MEASURED_PARTICIPANTS, PILOT_PARTICIPANT_COUNTS, PILOT_PUBLISHED_SHARES_PERCENT } from "./pilot";
import { OUTCOME_STATES, perState, sumOverStates, type OutcomeState, type PerState } from "./states";

/** The transfer states (temporary benefit, disability pension, flex job); used by the stress tests' metric shares. */
export const NON_EMPLOYMENT_SOURCE_STATES: readonly OutcomeState[] = ["TEMP", "PERM", "FLEX"];

/**
 * The states that make up "employment" in the simple effect: in ordinary work, fully or partly (JOB: self-supporting
 * with wages; JOB_PART: paid hours with a top-up benefit). This is the pilot's published definition: "35 % af
 * deltagerne var i ordinær beskæftigelse (i større eller mindre grad) to måneder efter deltagelse i projektet mod 17 %
 * af kontrolgruppen" (DRC, "Signifikant merbeskæftigelse i Viborg og Herning", on COWI's register analysis,
 * https://socialeinvesteringer.nu/signifikant-merbeskaeftigelse-i-viborg-og-herning/, undated), i.e. the headline
 * +18 pp. The published state shares agree: JOB 18 + JOB_PART 16 = 34 % (35 % is 19 of 55 people, 34.5 %, rounded)
 * against 7 + 10 = 17 %. Not in it: JOB_UNK (self-supporting, income unknown), EDU, FLEX; the same source counts JOB,
 * JOB_UNK and EDU as "selvforsørgende eller under uddannelse" (27 % against 13 %). See docs/simple-effect.md.
 */
export const EMPLOYMENT_STATES: readonly OutcomeState[] = ["JOB", "JOB_PART"];

/**
 * The pilot's measured difference profile Δ_s = participant share − comparison share (fractions, summing to 0):
 * participants as counts of 55 (docs/calibration.md), the comparison group's published whole percentages. JOB +0.1118,
 * JOB_UNK +0.0409, JOB_PART +0.0636, EDU −0.01, FLEX −0.02, TEMP −0.1391, PERM −0.10, ABROAD +0.0527.
 */
export const PILOT_EFFECT_PROFILE: PerState<number> = perState(
  (state) =>
    PILOT_PARTICIPANT_COUNTS[state] / PILOT_MEASURED_PARTICIPANTS -
    PILOT_PUBLISHED_SHARES_PERCENT.comparison[state] / 100,
);

/**
 * The employment difference of two share distributions in percentage points: 100 × Σ over
 * {@link EMPLOYMENT_STATES} of (participant − comparison). Positive = more participants in work.
 * @example employmentDifferencePp(pilot.participantShares, pilot.comparisonShares) // 100 × (19/55 − 0.17) = 17.545…
 */
export function employmentDifferencePp(participant: PerState<number>, comparison: PerState<number>): number {
  let difference = 0;
  for (const state of EMPLOYMENT_STATES) difference += participant[state] - comparison[state];
  return 100 * difference;
}

/** The range of simple effects (percentage points) a profile allows with a comparison group. */
export interface EffectRange {
  /** Lowest effect (≤ 0): the reversed profile empties a state of the comparison group. */
  readonly minPp: number;
  /** Highest effect (≥ 0): every state the profile draws from is empty. */
  readonly maxPp: number;
}

/** The checked profile: its employment difference E, its total inflow D and the states it moves people into/out of. */
interface CheckedProfile {
  readonly employment: number;
  readonly inflow: number;
  readonly receivers: readonly OutcomeState[];
  readonly givers: readonly OutcomeState[];
}

const TOLERANCE = 1e-12;

function checkProfile(profile: PerState<number>): Result<CheckedProfile> {
  for (const state of OUTCOME_STATES) {
    if (!Number.isFinite(profile[state])) {
      return fail("InvalidInput", `profile.${state}`, "number", `The effect profile's ${state} must be a number.`);
    }
  }
  const total = sumOverStates((state) => profile[state]);
  if (Math.abs(total) > 1e-9) {
    return fail(
      "InvalidInput",
      "profile",
      "sum",
      `The effect profile's differences must sum to 0 (participants and comparison both sum to 100 %); they sum to ${total}.`,
    );
  }
  for (const state of EMPLOYMENT_STATES) {
    if (profile[state] < 0) {
      return fail(
        "InvalidInput",
        `profile.${state}`,
        "range",
        `The effect profile must not have fewer participants than the comparison group in the employment state ${state}.`,
      );
    }
  }
  const employment = EMPLOYMENT_STATES.reduce((sum, state) => sum + profile[state], 0);
  if (employment <= TOLERANCE) {
    return fail(
      "InvalidInput",
      "profile",
      "employment",
      `The effect profile has no employment difference (${EMPLOYMENT_STATES.join(" + ")}), so it cannot be scaled to an effect.`,
    );
  }
  const receivers = OUTCOME_STATES.filter((state) => profile[state] > 0);
  const givers = OUTCOME_STATES.filter((state) => profile[state] < 0);
  const inflow = receivers.reduce((sum, state) => sum + profile[state], 0);
  return ok({ employment, inflow, receivers, givers });
}

function rangeOf(comparison: PerState<number>, profile: PerState<number>, checked: CheckedProfile): EffectRange {
  const available = checked.givers.reduce((sum, state) => sum + Math.max(0, comparison[state]), 0);
  let minScale = Number.NEGATIVE_INFINITY;
  for (const state of checked.receivers)
    minScale = Math.max(minScale, -Math.max(0, comparison[state]) / profile[state]);
  return { minPp: 100 * checked.employment * minScale, maxPp: (100 * checked.employment * available) / checked.inflow };
}

/**
 * The simple effects (percentage points of employment, {@link EMPLOYMENT_STATES}) that
 * {@link participantSharesFromEmploymentEffect} can turn into shares for this comparison group and profile.
 * @example effectRangePp(pilot.comparisonShares) // { minPp: −6.65…, maxPp: 49.55… } with the pilot's profile
 */
export function effectRangePp(
  comparison: PerState<number>,
  profile: PerState<number> = PILOT_EFFECT_PROFILE,
): Result<EffectRange> {
  const checked = checkProfile(profile);
  return checked.ok ? ok(rangeOf(comparison, profile, checked.value)) : checked;
}

/**
 * Participant shares for a simple employment effect: the comparison shares plus a difference profile (by default the
 * pilot's measured Δ_s, {@link PILOT_EFFECT_PROFILE}) scaled by k = effectPp / (100 × E), where E is the profile's
 * employment difference (JOB + JOB_PART, the pilot's published definition), so that the result has exactly `effectPp`
 * percentage points more participants than the comparison group in JOB + JOB_PART.
 *
 * - The states with Δ_s > 0 get c_s + k·Δ_s (always, so the employment difference is exact and they keep the profile's
 *   proportions).
 * - The states with Δ_s < 0 give up the same total k·D (D = Σ of the positive Δ_s) in proportion to |Δ_s|, i.e.
 *   c_s + k·Δ_s, as long as they have people left; a state that empties stays at 0 and the others give the rest, still
 *   in proportion to their |Δ_s| (with the pilot's profile, EDU, FLEX and PERM empty at the pilot's own effect, 17.55
 *   pp, and larger effects come from TEMP alone).
 * - A negative effect is the profile reversed (c_s + k·Δ_s for every state) down to the point where a state would fall
 *   below 0.
 *
 * Effect 0 gives the comparison shares; the pilot's measured 17.545… pp (published rounded as 18: 35 % against 17 %)
 * gives the pilot's measured shares. An effect outside {@link effectRangePp} is a `range` error on `effectPp` that
 * states the allowed range. Shares in fractions, summing to the comparison's total.
 * @example participantSharesFromEmploymentEffect(pilot.comparisonShares, 100 * (19 / 55 - 0.17)).JOB // 10/55
 */
export function participantSharesFromEmploymentEffect(
  comparison: PerState<number>,
  effectPp: number,
  profile: PerState<number> = PILOT_EFFECT_PROFILE,
): Result<PerState<number>> {
  if (!Number.isFinite(effectPp)) return fail("InvalidInput", "effectPp", "number", "effectPp must be a number.");
  const checked = checkProfile(profile);
  if (!checked.ok) return checked;
  const { employment, inflow, receivers, givers } = checked.value;
  const range = rangeOf(comparison, profile, checked.value);
  if (effectPp > range.maxPp + 1e-9 || effectPp < range.minPp - 1e-9) {
    return fail(
      "InvalidInput",
      "effectPp",
      "range",
      `effectPp of ${effectPp} is outside what the effect profile allows with this comparison group: from ` +
        `${range.minPp.toFixed(2)} to ${range.maxPp.toFixed(2)} percentage points (beyond that a share would fall ` +
        "below 0 %).",
    );
  }
  const scale = effectPp / (100 * employment);
  if (scale <= 0) return ok(perState((state) => Math.max(0, comparison[state] + scale * profile[state])));

  const shares: Record<OutcomeState, number> = { ...comparison };
  for (const state of receivers) shares[state] = comparison[state] + scale * profile[state];
  // Water-filling: each giver gives min(c_s, θ·|Δ_s|), with θ such that the gifts sum to k·D.
  let remaining = scale * inflow;
  let weight = givers.reduce((sum, state) => sum + -profile[state], 0);
  const byCapacity = [...givers].sort((a, b) => comparison[a] / -profile[a] - comparison[b] / -profile[b]);
  const capped = new Set<OutcomeState>();
  for (const state of byCapacity) {
    const level = remaining / weight;
    if (level * -profile[state] <= comparison[state]) break;
    capped.add(state);
    remaining -= Math.max(0, comparison[state]);
    weight -= -profile[state];
  }
  const level = weight > TOLERANCE ? Math.max(0, remaining) / weight : 0;
  for (const state of givers) {
    shares[state] = capped.has(state) ? 0 : Math.max(0, comparison[state] - level * -profile[state]);
  }
  return ok(shares);
}
