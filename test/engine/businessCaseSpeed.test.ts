import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { referenceBusinessCase } from "./support/businessCaseReference";
import { firstDifference } from "./support/firstDifference";
import { scenarioArbitrary } from "./support/randomScenario";

// The fast business case (issue 10 item 5) must give exactly the numbers of the code it replaced: every number of the
// frozen copy's output (test/engine/support/businessCaseReference.ts) is compared with Object.is by firstDifference, so
// even −0 vs 0 or a last-bit difference fails. The copy is older than fields added since: only its own keys are compared.

const pilot = expectOk(pilotScenario(2023));

describe("computeBusinessCase is bit-identical to the frozen pre-speed-up kernel", () => {
  const cases: [string, Scenario][] = [
    ["pilot", pilot],
    ["420 months", { ...pilot, horizonMonths: 420 }],
    [
      "12 cohorts, 48 months",
      {
        ...pilot,
        horizonMonths: 48,
        cohorts: Array.from({ length: 12 }, (_, month) => ({ participants: 56, intakeMonth: month })),
      },
    ],
    ["refusion staircase from week 0", { ...pilot, weeksOnBenefitAtIntake: 0, horizonMonths: 60 }],
  ];
  it.each(cases)("%s", (_, scenario) => {
    expect(
      firstDifference(referenceBusinessCase(scenario), computeBusinessCase(scenario), { expectedKeysOnly: true }),
    ).toBeNull();
  });

  it("over 300 random scenarios (shares, cohorts, horizons, refusion, timing, factors)", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        expect(
          firstDifference(referenceBusinessCase(scenario), computeBusinessCase(scenario), { expectedKeysOnly: true }),
        ).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("the comparison itself notices a last-bit difference and −0 vs 0", () => {
    expect(firstDifference({ a: [1, 0.1 + 0.2] }, { a: [1, 0.3] })).toBe("result.a.1: 0.30000000000000004 vs 0.3");
    expect(firstDifference({ a: 0 }, { a: -0 })).toBe("result.a: 0 vs 0");
  });
});
