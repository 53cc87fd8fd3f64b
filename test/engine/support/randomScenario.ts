import fc from "fast-check";
import { expectOk } from "../../../src/engine/errors";
import { neutralisedParticipantShares } from "../../../src/engine/neutralise";
import { pilotScenario } from "../../../src/engine/pilot";
import type { Scenario } from "../../../src/engine/scenario";
import { OUTCOME_STATES, type OutcomeState, type PerState } from "../../../src/engine/states";

const pilot = expectOk(pilotScenario(2023));

/** Eight shares that sum to 1: random weights (some states empty) divided by their sum. */
export const sharesArbitrary: fc.Arbitrary<PerState<number>> = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })), { minLength: 8, maxLength: 8 })
  .filter((weights) => weights.some((weight) => weight > 0))
  .map((weights) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const record = {} as Record<OutcomeState, number>;
    OUTCOME_STATES.forEach((state, index) => (record[state] = (weights[index] ?? 0) / total));
    return record;
  });

/** A subset of the eight states, in OUTCOME_STATES order. */
export const statesSubsetArbitrary: fc.Arbitrary<OutcomeState[]> = fc
  .array(fc.boolean(), { minLength: 8, maxLength: 8 })
  .map((flags) => OUTCOME_STATES.filter((_, index) => flags[index] === true));

/**
 * A valid random scenario around the pilot: shares, cohorts, horizon, profile, cost and timing, wages, benefits,
 * payers, health costs, refusion start, equalisation, discount rate, NAF, distortion and employer-cost factors, the
 * attribution reference and the neutralised states all drawn; neutralisations that cannot be applied are dropped.
 */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    participantShares: sharesArbitrary,
    comparisonShares: sharesArbitrary,
    cohorts: fc.array(
      fc.record({ participants: fc.integer({ min: 1, max: 80 }), intakeMonth: fc.integer({ min: 0, max: 18 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    horizonMonths: fc.integer({ min: 1, max: 90 }),
    measurementFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    interventionFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    persistence: fc.double({ min: 0.9, max: 1, noNaN: true }),
    costPerParticipant: fc.double({ min: 0, max: 200_000, noNaN: true }),
    upfront: fc.boolean(),
    wages: fc.array(fc.double({ min: 0, max: 40_000, noNaN: true }), { minLength: 8, maxLength: 8 }),
    benefits: fc.array(fc.double({ min: 0, max: 25_000, noNaN: true }), { minLength: 8, maxLength: 8 }),
    statePaid: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    health: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5_000, noNaN: true })), {
      minLength: 8,
      maxLength: 8,
    }),
    weeks: fc.integer({ min: 0, max: 120 }),
    equalisationShare: fc.double({ min: 0, max: 1, noNaN: true }),
    discountRate: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
    netTaxFactor: fc.double({ min: 0.8, max: 1.5, noNaN: true }),
    distortionFactor: fc.double({ min: 0.9, max: 1.3, noNaN: true }),
    employerCostFactor: fc.double({ min: 1, max: 1.3, noNaN: true }),
    reference: fc.constantFrom(...OUTCOME_STATES),
    neutralise: statesSubsetArbitrary,
  })
  .map((r): Scenario => {
    const horizon = r.horizonMonths;
    const month = (fraction: number): number =>
      Math.max(1, Math.min(horizon, Math.round(1 + fraction * (horizon - 1))));
    const states = {} as Record<OutcomeState, Scenario["states"][OutcomeState]>;
    OUTCOME_STATES.forEach((state, index) => {
      states[state] = {
        wage: r.wages[index] ?? 0,
        benefit: r.benefits[index] ?? 0,
        benefitPayer: r.statePaid[index] === true ? "state" : "municipality",
        healthCost: r.health[index] ?? 0,
      };
    });
    const applicable = neutralisedParticipantShares(r.participantShares, r.comparisonShares, r.neutralise).ok;
    return {
      ...pilot,
      name: "random",
      participantShares: r.participantShares,
      comparisonShares: r.comparisonShares,
      cohorts: r.cohorts,
      // At most the participants (the engine's rule, review F9): the pilot's 55 measured, fewer in a small cohort.
      measuredParticipants: measuredWithin(pilot.measuredParticipants, r.cohorts),
      horizonMonths: horizon,
      measurementMonth: month(r.measurementFraction),
      interventionMonths: month(r.interventionFraction),
      persistence: r.persistence,
      costPerParticipant: r.costPerParticipant,
      costTiming: r.upfront ? "upfront" : "spread",
      states,
      weeksOnBenefitAtIntake: r.weeks,
      equalisationShare: r.equalisationShare,
      discountRate: r.discountRate,
      socioEconomic: {
        netTaxFactor: r.netTaxFactor,
        distortionFactor: r.distortionFactor,
        employerCostFactor: r.employerCostFactor,
      },
      attributionReference: r.reference,
      neutraliseStates: applicable ? r.neutralise : [],
    };
  });

/**
 * The measured participants of a base scenario, at most the cohorts' participants (the engine's rule, review F9).
 * @example measuredWithin(55, [{ participants: 20, intakeMonth: 0 }]) // 20
 */
export function measuredWithin(
  measured: number | null,
  cohorts: readonly { readonly participants: number }[],
): number | null {
  const total = cohorts.reduce((sum, cohort) => sum + cohort.participants, 0);
  return measured === null ? null : Math.min(measured, total);
}
