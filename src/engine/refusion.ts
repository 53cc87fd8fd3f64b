import type { RefusionStep } from "./scenario";

/** Weeks per month used to advance the benefit-week counter: 52/12. */
export const WEEKS_PER_MONTH = 52 / 12;

/**
 * The benefit week a person is in during cohort month `month` (0-based): w0 + 52/12·month + 1, where w0 is the number
 * of weeks on benefit before intake. The counter runs for everyone (an approximation: the counterfactual stays on
 * benefit; the reset rule after self-support is not modelled, DOMAIN.md b3 [U]).
 */
export function benefitWeek(weeksOnBenefitAtIntake: number, month: number): number {
  return weeksOnBenefitAtIntake + WEEKS_PER_MONTH * month + 1;
}

/**
 * State refusion share for a benefit week: the share of the last step whose `fromWeek` ≤ week. Steps must be sorted
 * and start at week 1 (validated in the scenario).
 * @example refusionShare(STAR_STEPS, 60) // 0.20 (from week 53)
 */
export function refusionShare(steps: readonly RefusionStep[], week: number): number {
  let share = steps[0]?.share;
  if (share === undefined) throw new Error("refusionShare needs at least one step");
  for (const step of steps) {
    if (step.fromWeek <= week) share = step.share;
  }
  return share;
}
