import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";

const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;

describe("the workbook refuses several municipalities instead of showing one-rate numbers (issue 10, not yet modelled)", () => {
  it("buildPlan throws with the reason", () => {
    expect(() => buildPlan(herningViborg, "da")).toThrow(/does not model several municipalities yet.*Herning, Viborg/);
  });

  it("npm run workbook exits 2 with one line naming municipalities", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/export/workbookCli.ts",
        "--scenario",
        "examples/herning-viborg.json",
        "--out",
        "/dev/null",
      ],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: municipalities: the workbook does not model several municipalities yet/);
  });
});
