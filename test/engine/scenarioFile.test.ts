import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

describe("scenario files", () => {
  it("examples/pilot.json is exactly the built-in pilot", () => {
    const parsed = expectOk(parseScenarioFile(readJson("examples/pilot.json")));
    expect(parsed.scenario).toEqual(expectOk(pilotScenario(2023)));
  });

  it("an override file changes only what it gives", () => {
    const parsed = expectOk(parseScenarioFile(readJson("examples/short-horizon.json")));
    const pilot = expectOk(pilotScenario(2023));
    expect(parsed.scenario.horizonMonths).toBe(36);
    expect(parsed.scenario.comparisonGroupSize).toBe(100);
    expect(parsed.scenario.socioEconomic).toEqual({ ...pilot.socioEconomic, netTaxFactor: 1.28 });
    expect(parsed.scenario.tax).toEqual(pilot.tax);
  });

  it("reports unknown fields, wrong types and broken rules with their paths", () => {
    const result = parseScenarioFile({
      horizonMonth: 36,
      discountRate: "3.5 %",
      tax: { municipalTaxRate: true },
      cohorts: [{ participants: 10, intakeMonth: "now" }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.field)).toEqual([
        "horizonMonth",
        "discountRate",
        "tax.municipalTaxRate",
        "cohorts[0].intakeMonth",
      ]);
    }
    const rules = parseScenarioFile({ horizonMonths: 0, participantShares: { JOB: 0.9 } });
    expect(!rules.ok && rules.issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      "participantShares:sum",
      "horizonMonths:integer",
    ]);
  });

  it("refuses a non-object, an unknown base and a year without data", () => {
    expect(parseScenarioFile([1, 2]).ok).toBe(false);
    expect(parseScenarioFile({ base: "other" }).ok).toBe(false);
    const missing = parseScenarioFile({ parameterYear: 2019 });
    expect(!missing.ok && missing.issues[0]?.code).toBe("MissingYear");
  });

  it("accepts null for the nullable sizes", () => {
    const parsed = expectOk(parseScenarioFile({ comparisonGroupSize: null, measuredParticipants: 40 }));
    expect(parsed.scenario.comparisonGroupSize).toBeNull();
    expect(parsed.scenario.measuredParticipants).toBe(40);
  });
});
