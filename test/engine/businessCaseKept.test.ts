import { describe, expect, it } from "vitest";
import { ATTRIBUTION_ROWS } from "../../src/engine/attribution";
import { ACCOUNTS } from "../../src/engine/accounts";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { validateScenario } from "../../src/engine/validate";
import { broadReferenceBusinessCase } from "./support/businessCaseBroadReference";
import { firstDifference } from "./support/firstDifference";

/**
 * What the third speed-up of the business case (issue 10 item 5) keeps between calls (the net-cost tables per set of
 * inputs, src/engine/netCostCache.ts; each group's scratch arrays) must never leak into another call's numbers, and
 * nothing kept may be handed out. Numbers are compared with the frozen copy (test/engine/support) by Object.is.
 */
const pilot = expectOk(pilotScenario(2023));

/** The pilot split over two municipalities with the same tax rate and weeks: both groups use the same kept tables. */
function twins(weeks: number | null): Scenario {
  return {
    ...pilot,
    municipalities: [
      { name: "Herning", taxRate: 0.251, weeksOnBenefitAtIntake: weeks, paymentShare: 0.5 },
      { name: "Viborg", taxRate: 0.251, weeksOnBenefitAtIntake: weeks, paymentShare: 0.5 },
    ],
    cohorts: [
      { participants: 30, intakeMonth: 0, municipality: "Herning" },
      { participants: 26, intakeMonth: 2, municipality: "Viborg" },
    ],
  };
}

describe("computeBusinessCase with the tables and arrays it keeps between calls", () => {
  it("two municipalities sharing the same kept tables sum their attribution per municipality, as before", () => {
    for (const scenario of [twins(null), twins(0), twins(80)]) {
      expect(validateScenario(scenario)).toEqual([]);
      expect(
        firstDifference(broadReferenceBusinessCase(scenario), computeBusinessCase(scenario), { keyOrder: true }),
      ).toBeNull();
    }
  });

  it("calls in a row that change one net-cost input each give the frozen copy's numbers (nothing stale)", () => {
    const variants: Scenario[] = [
      pilot,
      { ...pilot, tax: { ...pilot.tax, municipalTaxRate: 0.26 } },
      { ...pilot, states: { ...pilot.states, JOB: { ...pilot.states.JOB, wage: 26_000 } } },
      { ...pilot, states: { ...pilot.states, EDU: { ...pilot.states.EDU, benefitPayer: "municipality" } } },
      { ...pilot, refusionSteps: pilot.refusionSteps.map((step) => ({ ...step, share: step.share / 2 })) },
      { ...pilot, weeksOnBenefitAtIntake: 10 },
      { ...pilot, equalisationShare: 0.5 },
      { ...pilot, horizonMonths: 420 },
      twins(5),
      { ...pilot, horizonMonths: 12 },
    ];
    for (const scenario of [...variants, ...variants.reverse(), ...variants]) {
      expect(
        firstDifference(broadReferenceBusinessCase(scenario), computeBusinessCase(scenario), { keyOrder: true }),
      ).toBeNull();
    }
  });

  it("hands out a net-cost table of its own in every result (the kept one is never part of a result)", () => {
    const first = computeBusinessCase(pilot);
    const second = computeBusinessCase(pilot);
    expect(second.netCostAtMeasurement).not.toBe(first.netCostAtMeasurement);
    expect(second.netCostAtMeasurement.JOB).not.toBe(first.netCostAtMeasurement.JOB);
    expect(second.netCostAtMeasurement).toEqual(first.netCostAtMeasurement);
    expect(second.savingAtFullEffect).not.toBe(first.savingAtFullEffect);
  });

  it("lists the attribution rows in ATTRIBUTION_ROWS order and the accounts in ACCOUNTS order", () => {
    const result = computeBusinessCase(pilot);
    expect(Object.keys(result.attribution.total)).toEqual([...ACCOUNTS]);
    for (const account of ACCOUNTS) {
      expect(Object.keys(result.attribution.total[account])).toEqual([...ATTRIBUTION_ROWS]);
      expect(Object.keys(result.attribution.perParticipant[account])).toEqual([...ATTRIBUTION_ROWS]);
    }
  });
});
