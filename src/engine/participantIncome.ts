import type { BusinessCaseResult } from "./businessCase";
import { effectProfile } from "./effectProfile";
import type { Scenario } from "./scenario";
import { sumOverStates } from "./states";

/**
 * The participants' extra gross wages over the horizon (kr, undiscounted, fixed prices of the parameter year): every
 * participant earns Σ_s Δ*_s · W_s a month at full effect (Δ* = the business case's effect at the measurement, after
 * `neutraliseStates`; W_s = the state's monthly wage), scaled by the same effect profile g(t) as the savings (a ramp to
 * the measurement month, then persistence ρ^(t − M)), for t = 0 … horizon − 1. Before tax and before benefits lost:
 * the workshop's "what the participants gain" (issue 14 item 8). Positive = more wages.
 * @example participantWageGain(pilot, computeBusinessCase(pilot)) // 56 × Σ_t g(t) × Σ_s Δ*_s·W_s
 */
export function participantWageGain(scenario: Scenario, businessCase: BusinessCaseResult): number {
  const effect = businessCase.effectAtMeasurement;
  const perMonth = sumOverStates((state) => effect[state] * scenario.states[state].wage);
  let profile = 0;
  for (let month = 0; month < scenario.horizonMonths; month++) {
    profile += effectProfile(month, scenario.measurementMonth, scenario.persistence);
  }
  return businessCase.participants * profile * perMonth;
}
