import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONSEQUENCES } from "../../../src/engine/consequences/defaults";
import { narrowAndBroad } from "../../../src/engine/consequences/narrowBroad";
import { expectOk } from "../../../src/engine/errors";
import { MAX_CONSEQUENCES } from "../../../src/engine/limits";
import { parseScenarioFile } from "../../../src/engine/scenarioFile";

const schema = JSON.parse(readFileSync("docs/scenario.schema.json", "utf8")) as {
  properties: { consequences: { maxItems: number } };
};

describe("examples/pilot-broad.json and the schema", () => {
  it("the example holds the default table unchanged, then one sensitivity row marked [A]", () => {
    const file = expectOk(parseScenarioFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8"))));
    const rows = file.scenario.consequences ?? [];
    expect(rows.slice(0, DEFAULT_CONSEQUENCES.length)).toEqual(DEFAULT_CONSEQUENCES);
    expect(rows.slice(DEFAULT_CONSEQUENCES.length).map((row) => [row.id, row.evidence])).toEqual([
      ["psychiatricCareSensitivity", "A"],
    ]);
  });

  it("the sensitivity row adds to the region only: in-work Δ × 18,500 kr a year, over the pilot's months", () => {
    const file = expectOk(parseScenarioFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8"))));
    const compared = expectOk(narrowAndBroad(file.scenario));
    const added = (account: "municipality" | "state" | "region") =>
      compared.broad.perParticipant[account] - compared.narrow.perParticipant[account];
    expect(added("municipality")).toBe(0);
    expect(added("state")).toBe(0);
    // Pilot in-work effect: JOB 10/55 − 7 %, JOB_UNK 5/55 − 5 %, JOB_PART 9/55 − 10 %, FLEX 0 − 2 % (COWI/PDJF 2023).
    const inWork = 10 / 55 - 0.07 + (5 / 55 - 0.05) + (9 / 55 - 0.1) + (0 - 0.02);
    const s = file.scenario;
    const inWorkEngine = (["JOB", "JOB_UNK", "JOB_PART", "FLEX"] as const).reduce(
      (sum, state) => sum + s.participantShares[state] - s.comparisonShares[state],
      0,
    );
    expect(inWorkEngine).toBeCloseTo(inWork, 2);
    const monthly = Math.pow(1.035, 1 / 12) - 1;
    let expected = 0;
    for (let t = 0; t < s.horizonMonths; t++) {
      const g = t < s.measurementMonth ? (t + 1) / s.measurementMonth : 1;
      expected += (g * inWorkEngine * 18_500) / 12 / Math.pow(1 + monthly, t + 0.5);
    }
    expect(added("region")).toBeCloseTo(expected, 6);
  });

  it("docs/scenario.schema.json: consequences maxItems = MAX_CONSEQUENCES", () => {
    expect(schema.properties.consequences.maxItems).toBe(MAX_CONSEQUENCES);
  });
});
