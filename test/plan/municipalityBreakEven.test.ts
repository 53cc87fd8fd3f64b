import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { municipalityResults } from "../../src/engine/municipalityResults";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { municipalityBreakEvenName } from "../../src/plan/results/municipalityBlock";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

/**
 * Issue 10 item 4: the break-even month of each municipality's own budget on Results (SIB_Muni<n>_BreakEven_Municipality)
 * equals the engine's byMunicipality.<name>.breakEvenMonth.municipality after recalculation (HyperFormula), "none"
 * when it is not reached. Herning 38 and Viborg 40 are also checked by test/cli/municipalityBreakEven.test.ts against
 * each municipality's case run alone.
 */
const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;

function expectBreakEvenMatches(scenario: Scenario, language: "da" | "en"): (number | null)[] {
  const workbook = evaluatePlan(buildPlan(scenario, language));
  expect(workbook.errors()).toEqual([]);
  const engine = Object.values(municipalityResults(scenario, { total: 0, presentValue: 0 }));
  const names = workbookNames(scenario, computeBusinessCase(scenario));
  return engine.map((part, index) => {
    const definedName = municipalityBreakEvenName(index + 1);
    const expected = part.breakEvenMonth.municipality;
    expect(names[definedName], definedName).toBe(expected);
    expect(workbook.valueOf(definedName), definedName).toBe(expected ?? (language === "da" ? "ingen" : "none"));
    return expected;
  });
}

describe("break-even month per municipality on Results (HyperFormula = engine)", () => {
  it("examples/herning-viborg.json (en): Herning month 38, Viborg month 40", () => {
    expect(expectBreakEvenMatches(herningViborg, "en")).toEqual([38, 40]);
  });

  it("a 24-month horizon (da): neither municipality breaks even, shown as 'ingen'", () => {
    expect(expectBreakEvenMatches({ ...herningViborg, horizonMonths: 24 }, "da")).toEqual([null, null]);
  });
});
