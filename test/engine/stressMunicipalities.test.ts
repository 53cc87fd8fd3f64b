import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { withoutEmptyMunicipalities } from "../../src/engine/municipalities";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { seededGenerator, simulate, stressModel } from "../../src/engine/stress";
import { NO_UNCERTAINTY } from "../../src/engine/stress/uncertainty";

const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;
const { paymentTerms, investorTerms } = expectOk(pilotModel());

describe("the stress model (SIB.SIMULATE) with several municipalities: a clear refusal, not one-rate numbers", () => {
  it("stressModel refuses herning-viborg with one issue naming municipalities and both names", () => {
    const result = stressModel({ scenario: herningViborg, paymentTerms, investorTerms });
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((item) => [item.field, item.rule])).toEqual([["municipalities", "unsupported"]]);
    expect(issues[0]?.message).toMatch(
      /does not model several municipalities yet \(this scenario lists Herning, Viborg\)/,
    );
    const simulated = simulate(
      { scenario: herningViborg, paymentTerms, investorTerms },
      NO_UNCERTAINTY,
      5,
      seededGenerator(1),
    );
    expect(simulated.ok).toBe(false);
  });

  it("the same cohorts as one combined municipality simulate", () => {
    const combined = withoutEmptyMunicipalities({
      ...herningViborg,
      municipalities: [],
      cohorts: herningViborg.cohorts.map((cohort) => ({ ...cohort, municipality: null })),
    });
    expect(stressModel({ scenario: combined, paymentTerms, investorTerms }).ok).toBe(true);
  });
});
