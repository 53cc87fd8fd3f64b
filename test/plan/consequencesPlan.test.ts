import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { DEFAULT_CONSEQUENCES } from "../../src/engine/consequences/defaults";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { cellFormula } from "../../src/plan/formula";
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

describe("consequence rows with several municipalities (examples/herning-viborg.json)", () => {
  it("each municipality's cohort block carries the rows' flows: every output name equals the engine", () => {
    const file = parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")));
    const several = { ...expectOk(file).scenario, consequences: broad.consequences ?? [] };
    expectMatches(several, "en");
  });
});

describe("the broad plan's limits and documentation", () => {
  it.each(["da", "en"] as const)(
    "%s: validation texts fit Excel (title ≤ 32, prompt ≤ 255, error ≤ 225), formulas ≤ 8,192",
    (language) => {
      const plan = buildPlan(broad, language);
      for (const sheet of plan.sheets) {
        for (const cell of sheet.cells) {
          if (cell.formula !== undefined)
            expect(cellFormula(cell.formula).length, cell.address).toBeLessThanOrEqual(8_192);
          if (cell.validation === undefined) continue;
          expect(cell.validation.title.length, cell.validation.title).toBeLessThanOrEqual(32);
          expect(cell.validation.prompt.length, cell.validation.prompt).toBeLessThanOrEqual(255);
          expect(cell.validation.error.length, cell.validation.error).toBeLessThanOrEqual(225);
        }
      }
      // Every input cell of the Consequences sheet has its data validation.
      const inputs = plan.sheets[1]?.cells.filter((cell) => cell.role === "input") ?? [];
      const free = new Set(["SIB_Cons_Id", "SIB_Cons_Name", "SIB_Cons_Unit", "SIB_Cons_Source"]);
      const freeColumns = plan.names.filter((n) => free.has(n.name)).map((n) => n.reference.split("$")[1]);
      for (const cell of inputs) {
        const column = /^[A-Z]+/.exec(cell.address)?.[0];
        if (!freeColumns.includes(column)) expect(cell.validation, cell.address).toBeDefined();
      }
    },
  );

  it("docs/workbook.md lists every name a model with consequence rows has (npm run docs:names)", () => {
    const doc = readFileSync("docs/workbook.md", "utf8");
    for (const definedName of buildPlan(broad, "en").names)
      expect(doc, definedName.name).toContain(`\`${definedName.name}\``);
  });
});
