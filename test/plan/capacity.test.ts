import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { buildPlan } from "../../src/plan/buildPlan";
import { STATUS_NAME, VALID_NAME } from "../../src/plan/blocks/checks";
import { workbookNames } from "../../src/plan/outputs";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

/** Every named output of the business case equals the engine's for `scenario`, to 1e-9 relative. */
function expectEngine(workbook: EvaluatedWorkbook, scenario: typeof pilot): void {
  const expected = workbookNames(scenario, computeBusinessCase(scenario));
  for (const [definedName, value] of Object.entries(expected)) {
    const cell = workbook.valueOf(definedName);
    if (value === null) {
      expect(typeof cell, definedName).toBe("string");
      continue;
    }
    expect(typeof cell, `${definedName} = ${String(cell)}`).toBe("number");
    expect(Math.abs((cell as number) - value) / Math.max(1, Math.abs(value)), definedName).toBeLessThanOrEqual(1e-9);
  }
}

describe("the written size is named and checked: a horizon beyond it shows a message, never a number", () => {
  it.each(["da", "en"] as const)("pilot written for 50 months, horizon typed as 60 (%s)", (language) => {
    const workbook = evaluatePlan(buildPlan(pilot, language));
    expect(workbook.valueOf("SIB_CapacityMonths")).toBe(50);
    workbook.setInput("SIB_HorizonMonths", 60);
    const status = String(workbook.valueOf(STATUS_NAME));
    expect(status).toContain("50");
    expect(status).toContain("60");
    expect(status).toMatch(
      language === "da" ? /skrevet til 50 måneder; skriv den igen fra guiden/ : /written for 50 months; write it again/,
    );
    expect(workbook.valueOf(VALID_NAME)).toBe(0);
    for (const definedName of Object.keys(workbookNames(pilot, computeBusinessCase(pilot)))) {
      expect(workbook.valueOf(definedName), definedName).toBe(status);
    }
    workbook.setInput("SIB_HorizonMonths", 50);
    expectEngine(workbook, pilot);
  });

  it("written with spare capacity (120 months): equal to the engine at 50, 60 and 120 months; 121 is refused", () => {
    const workbook = evaluatePlan(buildPlan(pilot, "en", { capacityMonths: 120 }));
    expect(workbook.valueOf("SIB_CapacityMonths")).toBe(120);
    expect(workbook.errors()).toEqual([]);
    expectEngine(workbook, pilot);
    for (const horizonMonths of [60, 36, 120]) {
      workbook.setInput("SIB_HorizonMonths", horizonMonths);
      expectEngine(workbook, { ...pilot, horizonMonths });
    }
    workbook.setInput("SIB_HorizonMonths", 121);
    expect(workbook.valueOf(VALID_NAME)).toBe(0);
    expect(String(workbook.valueOf("SIB_NPV_Municipality"))).toContain("120");
  });

  it("a later intake beyond the programme months written shows a message", () => {
    const scenario = {
      ...pilot,
      cohorts: [
        { participants: 30, intakeMonth: 0 },
        { participants: 25, intakeMonth: 6 },
      ],
    };
    const workbook = evaluatePlan(buildPlan(scenario, "da"));
    expect(workbook.valueOf("SIB_CapacityCalendarMonths")).toBe(56);
    workbook.setInput({ sheet: "Input", address: "C8" }, 12);
    expect(workbook.valueOf(VALID_NAME)).toBe(0);
    expect(String(workbook.valueOf(STATUS_NAME))).toMatch(
      /skrevet til 56 programmåneder; seneste start \+ tidshorisont er 62/,
    );
  });

  it("refuses a capacity below the horizon", () => {
    expect(() => buildPlan(pilot, "en", { capacityMonths: 49 })).toThrow(/at least the horizon/);
  });
});
