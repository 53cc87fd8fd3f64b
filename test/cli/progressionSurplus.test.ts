import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaseInProcess } from "../fuzz/cliRunner";

const folder = mkdtempSync(join(tmpdir(), "sib-surplus-"));
let files = 0;
function file(json: unknown): string {
  const path = join(folder, `case-${files++}.json`);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

interface Surplus {
  rule: string;
  total: number;
  kept: number;
  provider: number;
  reinvestedFromSavings: number;
  reinvestedFromInvestor: number;
  cohortCost: number;
  unspent: number;
  cohorts: { startMonth: number; participants: number; cost: number }[];
  participants: number;
  largestResidual: number;
}
interface Report {
  payment: {
    total: number;
    progression: { total: number; municipality: number; presentValue: number };
    surplus: Surplus;
    recipients: { reinvested: number };
  };
}

const N = 56;
const K = 79_236;

describe("npm run case: progression metrics and the savings surplus (issue 15 items 3-4)", () => {
  it("examples/pilot-progression.json: progression paid = 0.35 × 56 × 40,000 + 0.60 × 56 × 25,000 + 0.40 × 56 × 13,090", () => {
    const run = runCaseInProcess(["--scenario", "examples/pilot-progression.json", "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const progression = 0.35 * N * 40_000 + 0.6 * N * 25_000 + 0.4 * N * 13_090; // 784,000 + 840,000 + 293,216
    expect(report.payment.progression.total).toBeCloseTo(progression, 6);
    expect(report.payment.progression.municipality).toBeCloseTo(progression, 6);
    // Self-support at the pilot's 15/55: 15/55 × 56 × 150,000 on top.
    expect(report.payment.total).toBeCloseTo(progression + (15 / 55) * N * 150_000, 4);
    const text = runCaseInProcess(["--scenario", "examples/pilot-progression.json"]).stdout;
    expect(text).toContain("not a budget saving");
    expect(text).toContain("ikke en budgetbesparelse");
  });

  it("a reinvested surplus: what is reinvested = recycled cohorts' cost + what is left; printed with the cohorts", () => {
    const path = file({
      name: "surplus",
      payment: { "price.selfSupporting": 297_135, "price.paidHours": 148_568 },
      investor: {
        "returnCap.multiple": 1.1,
        "surplusShare.reinvested": 0.5,
        "savingsSurplus.rule": "reinvested",
        "savingsSurplus.share": 0.5,
        "savingsSurplus.cohortSize": 10,
      },
    });
    const report = JSON.parse(runCaseInProcess(["--scenario", path, "--json"]).stdout) as Report;
    const surplus = report.payment.surplus;
    expect(surplus.rule).toBe("reinvested");
    expect(surplus.reinvestedFromInvestor).toBeCloseTo(report.payment.recipients.reinvested, 6);
    expect(surplus.reinvestedFromSavings).toBeCloseTo(surplus.total / 2, 6);
    expect(surplus.reinvestedFromSavings + surplus.reinvestedFromInvestor).toBeCloseTo(
      surplus.cohortCost + surplus.unspent,
      6,
    );
    expect(surplus.cohorts.length).toBeGreaterThan(0);
    for (const cohort of surplus.cohorts) expect(cohort.cost).toBeCloseTo(10 * K, 6);
    expect(surplus.participants).toBe(10 * surplus.cohorts.length);
    expect(surplus.largestResidual).toBeLessThan(1e-6);
    const text = runCaseInProcess(["--scenario", path]).stdout;
    expect(text).toContain("Geninvestering / Capital recycling");
  });

  it("bad input: an unknown surplus rule and a share outside 0-1, each named", () => {
    const run = runCaseInProcess([
      "--scenario",
      file({ name: "bad", investor: { "savingsSurplus.rule": "mayor", "savingsSurplus.share": 2 } }),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("savingsSurplus.rule");
  });

  it("bad input: a progression metric measured past the horizon", () => {
    const run = runCaseInProcess([
      "--scenario",
      file({
        name: "bad",
        payment: { "price.who5": 10_000, "progression.who5.month": 60, "progression.who5.share": 0.4 },
      }),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("who5");
    expect(run.stderr).toContain("horizon");
  });
});
