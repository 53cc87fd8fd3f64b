import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const { budgetSaving } = await import("../../src/functions/functions");

/**
 * The business-case functions start every cache miss from one pilot draft per parameter year, built once and frozen
 * (src/functions/scenarioArgs.ts). These tests show that inputs never leak from one call into the next: after calls
 * that override a wage, a refusion step, a share and the municipality, a call with new arguments (a miss) still equals
 * the engine on the untouched pilot.
 */
describe("the functions' memoised pilot draft", () => {
  const pilotAt = (horizonMonths: number): number =>
    computeBusinessCase({ ...expectOk(pilotScenario(2023)), horizonMonths }).npv.perParticipant.municipality;

  it("inputs of one call do not change the next call's pilot (engine = function, bit for bit)", () => {
    expect(budgetSaving("kommune", undefined, true, 37)).toBe(pilotAt(37));
    const overridden = budgetSaving(
      "kommune",
      [
        ["wage.JOB", 1],
        ["refusion.week1", 0.5],
        // The pilot's JOB and TEMP shares swapped (10/55 and 27/55 of 55 measured participants): still sum to 1.
        ["participantShare.JOB", 27 / 55],
        ["participantShare.TEMP", 10 / 55],
        ["municipality", "Herning"],
      ],
      true,
      38,
    );
    expect(overridden).not.toBe(pilotAt(38));
    // Horizons 39 and 40 were not asked before: both are cache misses that start from the shared draft.
    expect(budgetSaving("kommune", undefined, true, 39)).toBe(pilotAt(39));
    expect(budgetSaving("kommune", [["costPerParticipant", 79_236]], true, 40)).toBe(pilotAt(40));
  });

  it("a year the data lack gives the same MissingYear message on every miss", () => {
    const first = excelErrorOf(() => budgetSaving("kommune", undefined, true, 41, true, 2027));
    const again = excelErrorOf(() => budgetSaving("kommune", undefined, true, 42, true, 2027));
    expect(first.code).toBe("#VALUE!");
    expect(first.message).toMatch(/^parameterYear 2027: the built-in data lack \d+ value\(s\)/);
    expect(again.message).toBe(first.message);
  });
});
