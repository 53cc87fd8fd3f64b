import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/case";
import type { CaseReport } from "../../src/cli/report";
import { expectOk } from "../../src/engine/errors";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { readFileSync } from "node:fs";

/** `npm run case -- …args --json`, in-process, parsed. */
function json(args: string[]): CaseReport {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(main([...args, "--json"])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out) as CaseReport;
}

describe("npm run case -- --json with consequence rows (issue 15)", () => {
  it("examples/pilot-broad.json: the consequences by area and by row, per payer; the area names are in workbookNames", () => {
    const report = json(["--scenario", "examples/pilot-broad.json"]);
    const consequences = report.consequences;
    expect(consequences).not.toBeNull();
    // The one row that changes something: −18,500 kr a year per person in work, paid by the region.
    expect(consequences?.rows.map((row) => [row.id, row.area, row.payer])).toEqual([
      ["psychiatricCareSensitivity", "health", "region"],
    ]);
    // Independent calculation: the in-work effect Δ (JOB, JOB_UNK, JOB_PART, FLEX: participant − comparison share of
    // the scenario's inputs, COWI/PDJF 2023), a linear ramp to month 14, full effect after (persistence 1), 50 months,
    // mid-month discounting at 3.5 % a year: Σ_t g(t) × Δ × 18,500 / 12 × 1.035^(−(t + 0.5)/12).
    const s = expectOk(parseScenarioFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8")))).scenario;
    expect([s.horizonMonths, s.measurementMonth, s.persistence, s.discountRate]).toEqual([50, 14, 1, 0.035]);
    const inWork = (["JOB", "JOB_UNK", "JOB_PART", "FLEX"] as const).reduce(
      (sum, state) => sum + s.participantShares[state] - s.comparisonShares[state],
      0,
    );
    let expected = 0;
    for (let t = 0; t < 50; t++) {
      const g = t < 14 ? (t + 1) / 14 : 1;
      expected += (g * inWork * 18_500) / 12 / Math.pow(1.035, (t + 0.5) / 12);
    }
    const region = consequences?.byArea.perParticipant.region;
    expect(region?.health).toBeCloseTo(expected, 6);
    expect(consequences?.rows[0]?.perParticipant.region).toBeCloseTo(expected, 6);
    expect(consequences?.rows[0]?.perParticipant.municipality).toBe(0);
    // The area rows sum to the account's NPV per participant (employment = the narrow case).
    for (const [account, rows] of Object.entries(consequences?.byArea.perParticipant ?? {})) {
      const sum = Object.values(rows).reduce((a, b) => a + b, 0);
      const npv = report.perParticipant[account as keyof typeof report.perParticipant];
      expect(Math.abs(sum - npv), account).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(npv)));
    }
    expect(report.workbookNames["SIB_AreaAttributionPerParticipant_Region_Health"]).toBeCloseTo(expected, 6);
  });

  it("the pilot (no rows): consequences null, no area names", () => {
    const report = json([]);
    expect(report.consequences).toBeNull();
    expect(Object.keys(report.workbookNames).some((name) => name.startsWith("SIB_AreaAttribution"))).toBe(false);
  });
});
