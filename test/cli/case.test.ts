import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { runBusinessCase } from "../../src/engine/run";

function runCase(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/case.ts", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run case", () => {
  it("prints the pilot's business case as a table", () => {
    const { status, stdout } = runCase();
    expect(status).toBe(0);
    expect(stdout).toContain("DRC SIB pilot");
    expect(stdout).toContain("Municipality");
    expect(stdout).toContain("Break-even month");
    expect(stdout).toContain("Published (COWI/PDJF 2023)");
  });

  it("--json has the documented keys with the engine's values", () => {
    const { status, stdout } = runCase("--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      participants: number;
      perParticipant: { municipality: number; state: number; socioEconomic: number };
      breakEvenMonth: { municipality: number | null };
    };
    const engine = expectOk(runBusinessCase(expectOk(pilotScenario(2023))));
    expect(report.participants).toBe(56);
    expect(report.perParticipant.municipality).toBe(engine.npv.perParticipant.municipality);
    expect(report.perParticipant.state).toBe(engine.npv.perParticipant.state);
    expect(report.perParticipant.socioEconomic).toBe(engine.npv.perParticipant.socioEconomic);
    expect(report.breakEvenMonth.municipality).toBe(engine.breakEvenMonth.municipality);
  });

  it("--scenario reads a file", () => {
    const { status, stdout } = runCase("--scenario", "examples/short-horizon.json", "--json");
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { horizonMonths: number }).horizonMonths).toBe(36);
  });

  it("a bad file gives one error line per problem and exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ horizonMonths: 0, discountRate: "x", colour: "blue" }));
    const { status, stderr } = runCase("--scenario", file);
    expect(status).toBe(2);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("discountRate");
    expect(lines[1]).toContain("colour");
  });

  it("a missing file or invalid JSON exits with 2", () => {
    expect(runCase("--scenario", "does-not-exist.json").status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    const result = runCase("--scenario", file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("not valid JSON");
  });
});
