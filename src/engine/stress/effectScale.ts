/**
 * How an uncertain or varied effect maps into the eight outcome shares of the participants. Two mappings:
 *
 * 1. **Effect multiplier m** (Monte Carlo, tornado): the measured effect d_s = π_s − c_s (participant minus
 *    comparison share of state s) is scaled by m. For m ≤ 1 every state moves linearly, p_s = c_s + m·d_s (m = 0: the
 *    comparison group's shares, no effect; m = 1: the measured shares exactly). For m > 1 the states that gained
 *    (d_s > 0) keep growing linearly, and the extra (m − 1)·D, D = Σ_{d_s>0} d_s, is taken from the states that lost
 *    (d_s < 0) in proportion to their measured participant shares, so no share turns negative until the losing states
 *    are empty. m is valid in [mMin, mMax]: mMin = max over gaining states of −c_s/d_s (≤ 0: a negative effect, down to
 *    where a gaining state reaches 0), mMax = 1 + L/D with L the losing states' measured participant shares. Pilot:
 *    D = 27/55 − 0.22 ≈ 0.27, L = TEMP's 27/55, so m runs from −0.377 (ABROAD reaches 0) to about 2.8.
 * 2. **Metric share p** (break-even success rate): the share of participants in one metric's states (selfSupporting:
 *    JOB + JOB_UNK, plus EDU when education counts; paidHours: JOB_PART) is set to p. The metric's states keep their
 *    measured proportions (all to the first state when they are all 0), and the difference is balanced by the
 *    transfer states TEMP, PERM and FLEX in proportion to their shares (all to TEMP when they are all 0). Every other
 *    state keeps its share. p runs from 0 to the metric's share plus the transfer states' share.
 */
import { fail, ok, type Result } from "../errors";
import { NON_EMPLOYMENT_SOURCE_STATES } from "../shares";
import { OUTCOME_STATES, type OutcomeState, type PerState } from "../states";

/** Number of outcome states (arrays indexed in OUTCOME_STATES order). */
export const STATE_COUNT = OUTCOME_STATES.length;

/** The measured effect, prepared for {@link sharesAtMultiplierInto}. Arrays are in OUTCOME_STATES order. */
export interface EffectScale {
  readonly participant: Float64Array;
  readonly comparison: Float64Array;
  /** d_s = participant − comparison share. */
  readonly difference: Float64Array;
  /** D = Σ of the positive differences (the share of people the measured effect moves). */
  readonly moved: number;
  /** L = Σ of the measured participant shares of the states with a negative difference. */
  readonly losersRemaining: number;
  /** Smallest valid multiplier (≤ 0), or −Infinity when there is no effect. */
  readonly minMultiplier: number;
  /** Largest valid multiplier (≥ 1), or Infinity when there is no effect. */
  readonly maxMultiplier: number;
}

/**
 * Prepares the multiplier mapping for participant and comparison shares (each summing to 1).
 * @param participant Measured participant shares π_s.
 * @param comparison Comparison (counterfactual) shares c_s.
 * @returns The mapping with its valid multiplier range.
 * @example effectScale(pilot.participantShares, pilot.comparisonShares).maxMultiplier // ≈ 2.8
 */
export function effectScale(participant: PerState<number>, comparison: PerState<number>): EffectScale {
  const p = Float64Array.from(OUTCOME_STATES, (state) => participant[state]);
  const c = Float64Array.from(OUTCOME_STATES, (state) => comparison[state]);
  const d = Float64Array.from(OUTCOME_STATES, (_, s) => (p[s] as number) - (c[s] as number));
  let moved = 0;
  let losersRemaining = 0;
  let minMultiplier = -Infinity;
  for (let s = 0; s < STATE_COUNT; s++) {
    const diff = d[s] as number;
    if (diff > 0) {
      moved += diff;
      minMultiplier = Math.max(minMultiplier, -(c[s] as number) / diff);
    } else if (diff < 0) losersRemaining += p[s] as number;
  }
  if (moved === 0)
    return {
      participant: p,
      comparison: c,
      difference: d,
      moved,
      losersRemaining,
      minMultiplier: -Infinity,
      maxMultiplier: Infinity,
    };
  return {
    participant: p,
    comparison: c,
    difference: d,
    moved,
    losersRemaining,
    minMultiplier: Math.min(0, minMultiplier),
    maxMultiplier: 1 + losersRemaining / moved,
  };
}

/**
 * Clamps a multiplier to the valid range of the mapping.
 * @example clampMultiplier(scale, 5) // scale.maxMultiplier
 */
export function clampMultiplier(scale: EffectScale, multiplier: number): number {
  return Math.min(scale.maxMultiplier, Math.max(scale.minMultiplier, multiplier));
}

/**
 * Participant shares at effect multiplier m (see the module comment), written into `out` in OUTCOME_STATES order.
 * Unchecked and allocation-free: m must lie in [minMultiplier, maxMultiplier]. m = 1 gives the measured shares
 * exactly, m = 0 the comparison shares exactly.
 * @param scale The prepared mapping.
 * @param multiplier m.
 * @param out Output shares (8 entries).
 * @example sharesAtMultiplierInto(scale, 0.5, out) // halfway between the comparison and the measured shares
 */
export function sharesAtMultiplierInto(scale: EffectScale, multiplier: number, out: Float64Array): void {
  const { participant, comparison, difference } = scale;
  if (multiplier === 1 || scale.moved === 0) {
    out.set(participant);
    return;
  }
  if (multiplier <= 1) {
    for (let s = 0; s < STATE_COUNT; s++) out[s] = (comparison[s] as number) + multiplier * (difference[s] as number);
    return;
  }
  const taken = ((multiplier - 1) * scale.moved) / scale.losersRemaining;
  for (let s = 0; s < STATE_COUNT; s++) {
    const diff = difference[s] as number;
    out[s] =
      diff < 0 ? Math.max(0, (participant[s] as number) * (1 - taken)) : (comparison[s] as number) + multiplier * diff;
  }
}

/**
 * Checked participant shares at effect multiplier m: InvalidInput (field `effectMultiplier`) outside the valid range.
 * @example sharesAtMultiplier(pilot.participantShares, pilot.comparisonShares, 0) // ok(pilot.comparisonShares)
 */
export function sharesAtMultiplier(
  participant: PerState<number>,
  comparison: PerState<number>,
  multiplier: number,
): Result<PerState<number>> {
  const scale = effectScale(participant, comparison);
  if (!(Number.isFinite(multiplier) && multiplier >= scale.minMultiplier && multiplier <= scale.maxMultiplier)) {
    return fail(
      "InvalidInput",
      "effectMultiplier",
      "range",
      `effectMultiplier must be from ${round(scale.minMultiplier)} to ${round(scale.maxMultiplier)} for these shares (every share stays from 0 to 1), got ${multiplier}.`,
    );
  }
  const out = new Float64Array(STATE_COUNT);
  sharesAtMultiplierInto(scale, multiplier, out);
  return ok(toRecord(out));
}

/** The range of a metric share p for {@link sharesAtMetricShare}. */
export interface MetricShareRange {
  /** The metric's measured share Σ π_s over its states. */
  readonly measured: number;
  /** Largest p: the measured share plus the transfer states' shares. */
  readonly max: number;
}

/**
 * The range of p for a metric's states.
 * @example metricShareRange(pilot.participantShares, ["JOB", "JOB_UNK"]) // { measured: 15/55, max: 42/55 }
 */
export function metricShareRange(participant: PerState<number>, states: readonly OutcomeState[]): MetricShareRange {
  let measured = 0;
  for (const state of states) measured += participant[state];
  let sources = 0;
  for (const state of NON_EMPLOYMENT_SOURCE_STATES) if (!states.includes(state)) sources += participant[state];
  return { measured, max: Math.min(1, measured + sources) };
}

/**
 * Participant shares with the metric's states summing to p (see the module comment). Unchecked: p in [0, max] of
 * {@link metricShareRange}.
 * @param participant Measured participant shares.
 * @param states The metric's states (e.g. ["JOB", "JOB_UNK"] for selfSupporting).
 * @param share p, the share of participants achieving the metric.
 * @returns Shares summing to 1.
 * @example sharesAtMetricShare(pilot.participantShares, ["JOB", "JOB_UNK"], 0.3).JOB // 0.2 (JOB:JOB_UNK stays 10:5)
 */
export function sharesAtMetricShare(
  participant: PerState<number>,
  states: readonly OutcomeState[],
  share: number,
): PerState<number> {
  const out: Record<OutcomeState, number> = { ...participant };
  const sources = NON_EMPLOYMENT_SOURCE_STATES.filter((state) => !states.includes(state));
  let measured = 0;
  for (const state of states) measured += participant[state];
  let sourceTotal = 0;
  for (const state of sources) sourceTotal += participant[state];
  for (const state of states) {
    const first = states[0] === state ? 1 : 0;
    out[state] = measured > 0 ? (share * participant[state]) / measured : share * first;
  }
  const change = share - measured;
  for (const state of sources) {
    const weight = sourceTotal > 0 ? participant[state] / sourceTotal : state === sources[0] ? 1 : 0;
    out[state] = Math.max(0, participant[state] - change * weight);
  }
  return out;
}

function toRecord(values: Float64Array): PerState<number> {
  const record = {} as Record<OutcomeState, number>;
  OUTCOME_STATES.forEach((state, s) => {
    record[state] = values[s] as number;
  });
  return record;
}

function round(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}
