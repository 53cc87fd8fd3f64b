import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaseInProcess } from "../fuzz/cliRunner";

/** `npm run case -- …args` in-process (test/cli/case.test.ts checks that the process prints the same). */
function runCase(...args: string[]) {
  const run = runCaseInProcess(args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "sib-years-"));
function file(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

interface Report {
  parameterYear: number;
  perParticipant: { municipality: number };
  budget: Record<string, { year: number; amount: number }[]>;
  budgetBasis: { startDate: string; priceIndex: number; priceYear: number };
  selfFunded: { npv: number; worstMonth: number | null; lossIfNoEffect: number };
  sib: { npv: number; worstMonth: number | null; lossIfNoEffect: number };
  provenance: { input: string; year: number | null; evidence: string; isDefault: boolean; source: { en: string } }[];
}

describe("npm run case: parameter years 2023-2026 and overrides first (issue 10)", () => {
  it.each([2025, 2026])("--json runs the pilot for parameterYear %i; every default has its year and source", (year) => {
    const { status, stdout } = runCase("--scenario", file(`y${year}.json`, { parameterYear: year }), "--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.parameterYear).toBe(year);
    expect(Number.isFinite(report.perParticipant.municipality)).toBe(true);
    expect(report.provenance.length).toBeGreaterThanOrEqual(24);
    // Budget view and self-funded vs SIB (issue 10 items 3-4): the documented keys.
    expect(report.budgetBasis).toMatchObject({ startDate: "2026-01-01", priceIndex: 0.02, priceYear: year });
    for (const account of [
      "municipality",
      "state",
      "public",
      "socioEconomic",
      "outcomePayments",
      "municipalityWithSib",
    ]) {
      expect(report.budget[account]?.[0]?.year, account).toBe(2026);
    }
    expect(typeof report.selfFunded.npv).toBe("number");
    expect(typeof report.sib.lossIfNoEffect).toBe("number");
    for (const entry of report.provenance) {
      expect(entry.isDefault).toBe(true);
      expect(entry.year).toBe(year);
      expect(["V", "S", "A"]).toContain(entry.evidence);
      expect(entry.source.en.length).toBeGreaterThan(10);
    }
  });

  it("a start date that is not a date exits 2 with one line naming startDate and the format", () => {
    const { status, stderr } = runCase("--scenario", file("bad-date.json", { startDate: "1. januar 2026" }));
    expect(status).toBe(2);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("startDate");
    expect(lines[0]).toContain("YYYY-MM-DD");
  });

  it("a year with neither data nor override exits 2 with ONE line naming parameterYear and what to supply", () => {
    const { status, stderr, stdout } = runCase("--scenario", file("y2027.json", { parameterYear: 2027 }));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("parameterYear 2027");
    expect(lines[0]).toContain("states.JOB.wage");
    expect(lines[0]).toContain("tax.jobAllowanceMax");
  });
});
