import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { municipalityScenario, resolveMunicipalities } from "../../src/engine/municipalities";
import { municipalityResults } from "../../src/engine/municipalityResults";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { municipalityBreakEvenName } from "../../src/plan/results/municipalityBlock";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

/**
 * Issue 10: the break-even month per municipality of every account (its own budget, the state, the region, the other
 * municipalities, the public sector and society: the flows from its own participants) on Results,
 * SIB_Muni<n>_BreakEven_<Account>, equals the engine's byMunicipality.<name>.breakEvenMonth.<account> after
 * recalculation (HyperFormula), "none"/"ingen" when not reached or without a flow. The engine is checked against the
 * rule written out here (the first month T ≥ 1 from which the cumulative discounted flow stays ≥ 0) over each
 * municipality's own case. Herning 38 and Viborg 40 are also checked by test/cli/municipalityBreakEven.test.ts
 * against each municipality's case run alone.
 */
const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;

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

/** Checks every account of every municipality; returns the months per municipality, by account. */
function expectBreakEvenMatches(scenario: Scenario, language: "da" | "en"): Record<string, number | null>[] {
  const workbook = evaluatePlan(buildPlan(scenario, language));
  expect(workbook.errors()).toEqual([]);
  const engine = Object.values(municipalityResults(scenario, { total: 0, presentValue: 0 }));
  const names = workbookNames(scenario, computeBusinessCase(scenario));
  const none = language === "da" ? "ingen" : "none";
  return resolveMunicipalities(scenario).map((municipality, index) => {
    const alone = computeBusinessCase(municipalityScenario(scenario, municipality));
    const months: Record<string, number | null> = {};
    for (const account of ACCOUNTS) {
      const definedName = municipalityBreakEvenName(index + 1, account);
      const expected = breakEven(alone.monthly.netFlow[account], alone.monthly.discountFactor);
      expect(engine[index]?.breakEvenMonth[account], `engine ${definedName}`).toBe(expected);
      expect(names[definedName], `workbookNames ${definedName}`).toBe(expected);
      expect(workbook.valueOf(definedName), `workbook ${definedName}`).toBe(expected ?? none);
      months[account] = expected;
    }
    return months;
  });
}

describe("break-even month per municipality and account on Results (HyperFormula = engine)", () => {
  it("examples/herning-viborg.json (en): Herning month 38, Viborg month 40; state, public and society too", () => {
    const parts = expectBreakEvenMatches(herningViborg, "en");
    expect(parts.map((part) => part.municipality)).toEqual([38, 40]);
    for (const part of parts) {
      expect(part.state).not.toBeNull();
      expect(part.public).not.toBeNull();
      expect(part.socioEconomic).not.toBeNull();
      // No health cost and U = 0 by default: no flow in these accounts, so no break-even.
      expect(part.region).toBeNull();
      expect(part.otherMunicipalities).toBeNull();
    }
  });

  it("a 24-month horizon with a health cost on benefit and 30 % equalisation (da): no municipality breaks even ('ingen'), the region does", () => {
    const states = { ...herningViborg.states };
    for (const state of Object.keys(states) as (keyof typeof states)[]) {
      const economics = states[state];
      if (economics.benefit > 0) states[state] = { ...economics, healthCost: 1_500 };
    }
    const scenario: Scenario = { ...herningViborg, horizonMonths: 24, states, equalisationShare: 0.3 };
    const parts = expectBreakEvenMatches(scenario, "da");
    expect(parts.map((part) => part.municipality)).toEqual([null, null]);
    // A benefit-linked health cost falls as participants leave benefit: the region gains from the start.
    for (const part of parts) expect(part.region).not.toBeNull();
  });
});
