import { describe, expect, it } from "vitest";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { runCaseInProcess } from "../fuzz/cliRunner";

/**
 * Issue 10 item 4: the break-even month per municipality (examples/herning-viborg.json) in `--json`
 * (byMunicipality.<name>.breakEvenMonth, the keys of perParticipant) and in the table. Expected values: each
 * municipality's own case run alone (its cohort, kommuneskat and weeks, as the scenario file describes it), with the
 * break-even rule written out here: the first month T ≥ 1 from which the cumulative discounted flow stays ≥ 0.
 */
function breakEven(flows: readonly number[], discount: readonly number[]): number | null {
  if (flows.every((flow) => flow === 0)) return null;
  let cumulative = 0;
  let found: number | null = null;
  flows.forEach((flow, month) => {
    cumulative += flow * (discount[month] ?? 0);
    if (cumulative >= -1e-9) found ??= month + 1;
    else found = null;
  });
  return found;
}

describe("break-even month per municipality (Herning and Viborg)", () => {
  const report = JSON.parse(runCaseInProcess(["--scenario", "examples/herning-viborg.json", "--json"]).stdout) as {
    perParticipant: Record<string, number>;
    byMunicipality: Record<string, { breakEvenMonth: Record<string, number | null> }>;
  };

  it("--json: breakEvenMonth has the keys of perParticipant and equals each municipality's own case", () => {
    // Herning: 30 participants from month 0 at 24.9 %; Viborg: 26 from month 2 at 25.5 % and 130 weeks on benefit.
    const alone = {
      Herning: {
        cohorts: [{ participants: 30, intakeMonth: 0 }],
        measuredParticipants: 30,
        tax: { municipalTaxRate: 0.249 },
      },
      Viborg: {
        cohorts: [{ participants: 26, intakeMonth: 2 }],
        measuredParticipants: 26,
        tax: { municipalTaxRate: 0.255 },
        weeksOnBenefitAtIntake: 130,
      },
    };
    for (const [name, file] of Object.entries(alone)) {
      const part = report.byMunicipality[name]?.breakEvenMonth ?? {};
      expect(Object.keys(part).sort()).toEqual(Object.keys(report.perParticipant).sort());
      const scenario = expectOk(parseScenarioFile({ parameterYear: 2023, ...file })).scenario;
      const engine = computeBusinessCase(scenario);
      for (const account of ACCOUNTS) {
        expect(part[account], `${name} ${account}`).toBe(
          breakEven(engine.monthly.netFlow[account], engine.monthly.discountFactor),
        );
      }
    }
  });

  it("the table has a break-even column for each municipality's own budget", () => {
    const text = runCaseInProcess(["--scenario", "examples/herning-viborg.json"]).stdout;
    expect(text).toMatch(/Break-even \(municipality\)/);
    for (const name of ["Herning", "Viborg"]) {
      const month = report.byMunicipality[name]?.breakEvenMonth["municipality"];
      const line = text.split("\n").find((entry) => entry.startsWith(name) && entry.includes("%"));
      expect(
        line
          ?.trim()
          .split(/\s{2,}/)
          .at(-1),
        name,
      ).toBe(month === null || month === undefined ? "none" : String(month));
    }
  });
});
