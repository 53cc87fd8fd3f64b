import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { DEFAULT_CONSEQUENCES } from "../../src/engine/consequences/defaults";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { areaAttributionNames } from "../../src/plan/consequences/areaBlock";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());
const broad = expectOk(parseScenarioFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8")))).scenario;

/** Every output name of the workbook equals the engine's, relative to max(1, |engine|). */
function expectMatches(scenario: Scenario, language: "da" | "en"): Record<string, unknown> {
  const workbook = evaluatePlan(buildPlan(scenario, language));
  expect(workbook.errors()).toEqual([]);
  expect(workbook.valueOf("SIB_InputsValid")).toBe(1);
  const result = computeBusinessCase(scenario);
  const expected = { ...workbookNames(scenario, result), ...areaAttributionNames(result) };
  const got: Record<string, unknown> = {};
  for (const [definedName, engine] of Object.entries(expected)) {
    const value = workbook.valueOf(definedName);
    got[definedName] = value;
    if (engine === null) continue;
    expect(typeof value, definedName).toBe("number");
    expect(Math.abs((value as number) - engine) / Math.max(1, Math.abs(engine)), definedName).toBeLessThan(1e-9);
  }
  return got;
}

describe("the Consequences sheet (issue 15) recalculated in HyperFormula equals the engine", () => {
  it.each(["da", "en"] as const)("%s: examples/pilot-broad.json, every output name", (language) => {
    const got = expectMatches(broad, language);
    // docs/broad-case.md: the broad case of the example gives the region 12,159 and society 93,805 kr per participant.
    expect(Math.round(got["SIB_NPVPerParticipant_Region"] as number)).toBe(12_159);
    expect(Math.round(got["SIB_NPVPerParticipant_SocioEconomic"] as number)).toBe(93_805);
  });

  it("the pilot with the default table (every change 0) gives exactly the pilot's numbers", () => {
    const plain = evaluatePlan(buildPlan(pilot, "da"));
    const withRows = evaluatePlan(buildPlan({ ...pilot, consequences: DEFAULT_CONSEQUENCES }, "da"));
    expect(withRows.errors()).toEqual([]);
    const expected = workbookNames(pilot, computeBusinessCase(pilot));
    for (const definedName of Object.keys(expected)) {
      expect(withRows.valueOf(definedName), definedName).toBe(plain.valueOf(definedName));
    }
  });
});
