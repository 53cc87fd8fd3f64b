import { describe, expect, it } from "vitest";
import { ATTRIBUTION_ROWS, computeAttribution } from "../../src/engine/attribution";
import { ACCOUNTS, computeBusinessCase, interventionCost } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { netCostTable } from "../../src/engine/netCost";
import { effectiveParticipantShares } from "../../src/engine/neutralise";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { perState } from "../../src/engine/states";
import { validateScenario } from "../../src/engine/validate";

/**
 * `computeAttribution` (src/engine/attribution.ts) is exported API, but since the business case's speed-up it computes
 * its attribution through `attributionFromWeights` from its own cohort loop, so no test reached the exported function
 * (the sampled mutation run of 1 December 2026 found `discountFactor[cohort.intakeMonth + month]` → `- month` with no
 * coverage). Its documented contract: the same rows as the business case's attribution for a scenario without
 * municipalities (one net-cost table), since both sum n · DF(τ + t) · g(t) per table in month order.
 */
function attributionOf(scenario: Scenario) {
  const result = computeBusinessCase(scenario);
  const shares = effectiveParticipantShares(scenario);
  const effect = perState((state) => shares[state] - scenario.comparisonShares[state]);
  const attribution = computeAttribution(scenario, effect, netCostTable(scenario), result.monthly.discountFactor, (m) =>
    interventionCost(scenario, m),
  );
  return { result, attribution };
}

const pilot = expectOk(pilotScenario(2023));
// Three cohorts at different intake months, so a discount factor read at the wrong calendar month shows.
const staggered: Scenario = {
  ...pilot,
  discountRate: 0.04,
  cohorts: [
    { participants: 20, intakeMonth: 0 },
    { participants: 15, intakeMonth: 5 },
    { participants: 20, intakeMonth: 17 },
  ],
};

describe("computeAttribution (the exported function) agrees with the business case's attribution", () => {
  it.each([
    ["the pilot", pilot],
    ["three cohorts at months 0, 5 and 17, 4 % discount", staggered],
  ] as const)("%s: every account and row, total and per participant, to 1e-9 relative", (_label, scenario) => {
    const { result, attribution } = attributionOf(scenario);
    expect(attribution.reference).toBe(result.attribution.reference);
    for (const scope of ["total", "perParticipant"] as const) {
      for (const account of ACCOUNTS) {
        for (const row of ATTRIBUTION_ROWS) {
          const expected = result.attribution[scope][account][row];
          const actual = attribution[scope][account][row];
          expect(Math.abs(actual - expected), `${scope}.${account}.${row}`).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(expected)),
          );
        }
      }
    }
  });

  it("the staggered scenario is valid", () => {
    expect(validateScenario(staggered)).toEqual([]);
  });

  it("rows + cost = the account's NPV (the function's own identity), for the staggered cohorts", () => {
    const { result, attribution } = attributionOf(staggered);
    for (const account of ACCOUNTS) {
      const sum = ATTRIBUTION_ROWS.reduce((acc, row) => acc + attribution.total[account][row], 0);
      expect(Math.abs(sum - result.npv.total[account])).toBeLessThanOrEqual(
        1e-6 * Math.max(1, result.npv.total[account]),
      );
    }
  });
});
