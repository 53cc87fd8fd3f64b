import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { OUTCOME_STATES, perState } from "../../src/engine/states";
import { validateScenario } from "../../src/engine/validate";
import { parseCell } from "../../src/plan/address";
import { buildPlan } from "../../src/plan/buildPlan";
import { COST_FACTORS, EFFECT_FACTORS } from "../../src/plan/sensitivitySheet";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

/** The scenario a grid cell stands for: every state's effect Δ scaled by `factor`, the cost set to `cost`. */
function variant(scenario: Scenario, factor: number, cost: number): Scenario {
  const shares = perState(
    (state) =>
      scenario.comparisonShares[state] +
      factor * (scenario.participantShares[state] - scenario.comparisonShares[state]),
  );
  return { ...scenario, participantShares: shares, costPerParticipant: cost };
}

describe("the Sensitivity sheet equals the engine re-run at each grid point", () => {
  it.each(["da", "en"] as const)("pilot (%s): every grid cell whose shares are valid, both grids", (language) => {
    const plan = buildPlan(pilot, language);
    const workbook = evaluatePlan(plan);
    expect(workbook.errors()).toEqual([]);
    let compared = 0;
    for (const [gridName, account] of [
      ["SIB_SensMunicipality", "municipality"],
      ["SIB_SensSocioEconomic", "socioEconomic"],
    ] as const) {
      const reference = plan.names.find((n) => n.name === gridName);
      if (reference === undefined) throw new Error(`no ${gridName}`);
      const topLeft = parseCell(reference.reference.split(":")[0] ?? "");
      EFFECT_FACTORS.forEach((factor, i) => {
        COST_FACTORS.forEach((costFactor, j) => {
          const scenario = variant(pilot, factor, costFactor * pilot.costPerParticipant);
          const sum = OUTCOME_STATES.reduce((total, state) => total + scenario.participantShares[state], 0);
          if (
            validateScenario({
              ...scenario,
              participantShares: perState((s) => Math.min(1, Math.max(0, scenario.participantShares[s]))),
            }).length > 0
          )
            return;
          // A factor above 1 can push a share out of 0–1: such a cell extrapolates and has no valid engine scenario.
          if (validateScenario(scenario).length > 0) return;
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
          const engine = computeBusinessCase(scenario).npv.perParticipant[account];
          const address = `${String.fromCharCode(65 + topLeft.column + j)}${topLeft.row + i}`;
          const value = workbook.hf.getCellValue({
            sheet: workbook.hf.getSheetId(reference.sheet) ?? -1,
            ...toHf(address),
          });
          expect(
            Math.abs((value as number) - engine) / Math.max(1, Math.abs(engine)),
            `${gridName} ${address}`,
          ).toBeLessThan(1e-9);
          compared++;
        });
      });
    }
    expect(compared).toBeGreaterThanOrEqual(2 * 5 * 5);
  });
});

function toHf(address: string): { row: number; col: number } {
  const { column, row } = parseCell(address);
  return { row: row - 1, col: column };
}
