import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { runCaseInProcess } from "../fuzz/cliRunner";

const folder = mkdtempSync(join(tmpdir(), "sib-municipalities-"));
let files = 0;
function file(json: unknown): string {
  const path = join(folder, `case-${files++}.json`);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

interface Part {
  participants: number;
  perParticipant: Record<string, number>;
  total: Record<string, number>;
  paymentShare: number;
  payments: { total: number };
}

describe("npm run case with several municipalities (examples/herning-viborg.json)", () => {
  const run = runCaseInProcess(["--scenario", "examples/herning-viborg.json", "--json"]);
  const report = JSON.parse(run.stdout) as {
    total: Record<string, number>;
    perParticipant: Record<string, number>;
    payment: { byPayer: { municipality: number } };
    byMunicipality: Record<string, Part>;
  };

  it("exits 0 and gives byMunicipality for Herning and Viborg with the keys of perParticipant, plus totals", () => {
    expect(run.code).toBe(0);
    expect(Object.keys(report.byMunicipality)).toEqual(["Herning", "Viborg"]);
    for (const part of Object.values(report.byMunicipality)) {
      expect(Object.keys(part.perParticipant).sort()).toEqual(Object.keys(report.perParticipant).sort());
      expect(Object.keys(part.total).sort()).toEqual(Object.keys(report.perParticipant).sort());
    }
    expect(report.byMunicipality["Herning"]?.participants).toBe(30);
    expect(report.byMunicipality["Viborg"]?.participants).toBe(26);
  });

  it("the municipalities sum to the totals to 1e-9, and the payments split 55/45", () => {
    const parts = Object.values(report.byMunicipality);
    for (const account of ACCOUNTS) {
      const sum = parts.reduce((total, part) => total + (part.total[account] ?? NaN), 0);
      const whole = report.total[account] ?? NaN;
      expect(Math.abs(sum - whole)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(whole)));
    }
    const municipal = report.payment.byPayer.municipality;
    expect(report.byMunicipality["Herning"]?.payments.total).toBeCloseTo(0.55 * municipal, 6);
    expect(report.byMunicipality["Viborg"]?.payments.total).toBeCloseTo(0.45 * municipal, 6);
  });

  it("each municipality equals the engine on its own cohorts, tax rate and weeks", () => {
    // Herning alone: 30 participants from month 0 at Herning's 2023 rate of 24.9 % (herning.dk, 15 Sep 2023).
    const herning = expectOk(
      parseScenarioFile({
        parameterYear: 2023,
        cohorts: [{ participants: 30, intakeMonth: 0 }],
        measuredParticipants: 30,
        tax: { municipalTaxRate: 0.249 },
      }),
    ).scenario;
    const engine = computeBusinessCase(herning);
    for (const account of ACCOUNTS) {
      expect(report.byMunicipality["Herning"]?.total[account]).toBeCloseTo(engine.npv.total[account], 6);
    }
  });

  it("the table lists each municipality with its tax rate and evidence mark", () => {
    const text = runCaseInProcess(["--scenario", "examples/herning-viborg.json"]).stdout;
    expect(text).toMatch(/By municipality/);
    expect(text).toMatch(/Herning\s+30\s+24\.90 % \[S\]/);
    expect(text).toMatch(/Viborg\s+26\s+25\.50 % \[A\]/);
  });
});

describe("bad municipality input: exit 2 and one line naming the field and the rule", () => {
  const two = [
    { name: "Herning", paymentShare: 0.55 },
    { name: "Viborg", paymentShare: 0.45 },
  ];
  it.each([
    [
      "no tax rate",
      {
        municipalities: [{ name: "Odder", paymentShare: 1 }],
        cohorts: [{ participants: 56, intakeMonth: 0, municipality: "Odder" }],
      },
      /municipalities\[0\]\.taxRate: Odder has no built-in municipal tax rate for 2023/,
    ],
    [
      "unknown municipality",
      { municipalities: two, cohorts: [{ participants: 56, intakeMonth: 0, municipality: "Holstebro" }] },
      /cohorts\[0\]\.municipality: "Holstebro" is not a listed municipality; name one of Herning, Viborg/,
    ],
    [
      "shares not summing to 1",
      {
        municipalities: [
          { name: "Herning", paymentShare: 0.5 },
          { name: "Viborg", paymentShare: 0.6 },
        ],
        cohorts: [{ participants: 56, intakeMonth: 0, municipality: "Herning" }],
      },
      /municipalities\[\]\.paymentShare must sum to 1 \(100 %\), got 1\.1/,
    ],
  ])("%s", (_, json, message) => {
    const result = runCaseInProcess(["--scenario", file(json)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toMatch(message);
  });
});
