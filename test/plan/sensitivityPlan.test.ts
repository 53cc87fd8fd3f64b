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

describe("the horizon × persistence grid equals the engine re-run at each horizon and persistence", () => {
  it.each(["da", "en"] as const)(
    "pilot (%s) and two cohorts with decay: every cell of SIB_SensHorizonPersistence",
    (language) => {
      for (const scenario of [
        pilot,
        {
          ...pilot,
          cohorts: [
            { participants: 30, intakeMonth: 0 },
            { participants: 26, intakeMonth: 7 },
          ],
          persistence: 0.97,
          costUpfront: true,
        },
      ]) {
        const plan = buildPlan(scenario, language);
        const workbook = evaluatePlan(plan);
        expect(workbook.errors()).toEqual([]);
        const grid = workbook.rangeOf("SIB_SensHorizonPersistence");
        if (grid === undefined) throw new Error("no SIB_SensHorizonPersistence");
        // The grid's heads, written out: horizons 24, 36, the model's, 72, 120; persistence the model's, 0.9 … 1.
        const horizons = [24, 36, scenario.horizonMonths, 72, 120];
        const persistences = [scenario.persistence, 0.9, 0.95, 0.98, 0.99, 1];
        expect(grid.length).toBe(persistences.length);
        persistences.forEach((persistence, i) => {
          horizons.forEach((horizonMonths, j) => {
            const engine = computeBusinessCase({ ...scenario, horizonMonths, persistence }).npv.perParticipant
              .municipality;
            const value = grid[i]?.[j];
            expect(typeof value, `row ${i} column ${j}`).toBe("number");
            expect(
              Math.abs((value as number) - engine) / Math.max(1, Math.abs(engine)),
              `ρ ${persistence}, T ${horizonMonths}`,
            ).toBeLessThan(1e-9);
          });
        });
        // The model's own horizon and persistence is the Results sheet's number.
        expect(grid[0]?.[2]).toBeCloseTo(workbook.valueOf("SIB_NPVPerParticipant_Municipality") as number, 6);
      }
    },
  );

  it("a horizon shorter than the measurement month shows why instead of a number; a new horizon recalculates", () => {
    const plan = buildPlan(pilot, "en");
    const workbook = evaluatePlan(plan);
    const reference = plan.names.find((n) => n.name === "SIB_SensHorizonPersistence")?.reference ?? "";
    const topLeft = parseCell(reference.split(":")[0] ?? "");
    const sheet = plan.names.find((n) => n.name === "SIB_SensHorizonPersistence")?.sheet ?? "";
    const headAddress = `${String.fromCharCode(65 + topLeft.column)}${topLeft.row - 1}`;
    workbook.setInput({ sheet, address: headAddress }, 10);
    expect(String(workbook.rangeOf("SIB_SensHorizonPersistence")?.[0]?.[0])).toMatch(/^outside: the horizon must be/);
    workbook.setInput({ sheet, address: headAddress }, 30);
    const engine = computeBusinessCase({ ...pilot, horizonMonths: 30 }).npv.perParticipant.municipality;
    expect(workbook.rangeOf("SIB_SensHorizonPersistence")?.[0]?.[0] as number).toBeCloseTo(engine, 6);
  });
});
