import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { draftParameterDefaults } from "../../src/engine/defaults";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const functions = await import("../../src/functions/functions");

/**
 * Every value the built-in data would give, written out as a scenario file supplies it (the 2023 level, DOMAIN.md
 * table c: wages 24,000/12,000/10,000/10,000, benefits TEMP 12,000, JOB_PART 0.4 × 12,000, FLEX 12,000, SU 6,500,
 * FØP 18,000; refusion 80/40/30/20 %; AM 8 %, kommuneskat 25.018 %, bundskat 12.09 %, personfradrag 48,000,
 * beskæftigelsesfradrag 10.65 %/45,600, jobfradrag 4.5 %/208,700/2,700; discount 3.5 %, φ 1.0, λ 1.10).
 */
const EVERY_VALUE = {
  states: {
    JOB: { wage: 24000 },
    JOB_UNK: { wage: 12000 },
    JOB_PART: { wage: 10000, benefit: 4800 },
    EDU: { benefit: 6500 },
    FLEX: { wage: 10000, benefit: 12000 },
    TEMP: { benefit: 12000 },
    PERM: { benefit: 18000 },
  },
  refusionSteps: [
    { fromWeek: 1, share: 0.8 },
    { fromWeek: 5, share: 0.4 },
    { fromWeek: 27, share: 0.3 },
    { fromWeek: 53, share: 0.2 },
  ],
  tax: {
    labourMarketContributionRate: 0.08,
    municipalTaxRate: 0.25018,
    bottomTaxRate: 0.1209,
    personalAllowance: 48000,
    employmentAllowanceRate: 0.1065,
    employmentAllowanceMax: 45600,
    jobAllowanceRate: 0.045,
    jobAllowanceFloor: 208700,
    jobAllowanceMax: 2700,
  },
  discountRate: 0.035,
  socioEconomic: { distortionFactor: 1, employerCostFactor: 1.1 },
};

const INPUT_PAIRS: (string | number)[][] = [
  ["wage.JOB", 24000],
  ["wage.JOB_UNK", 12000],
  ["wage.JOB_PART", 10000],
  ["benefit.JOB_PART", 4800],
  ["benefit.EDU", 6500],
  ["wage.FLEX", 10000],
  ["benefit.FLEX", 12000],
  ["benefit.TEMP", 12000],
  ["benefit.PERM", 18000],
  ["refusion.week1", 0.8],
  ["refusion.week5", 0.4],
  ["refusion.week27", 0.3],
  ["refusion.week53", 0.2],
  ...Object.entries(EVERY_VALUE.tax),
  ["discountRate", 0.035],
  ["distortionFactor", 1],
  ["employerCostFactor", 1.1],
];

describe("overrides first: a year the data lack runs when the scenario supplies the values (issue 10 item 1)", () => {
  it("a file that supplies every value for 2027 runs and equals the 2023 pilot with the same values", () => {
    const file = expectOk(parseScenarioFile({ parameterYear: 2027, ...EVERY_VALUE }));
    expect(file.scenario.parameterYear).toBe(2027);
    const pilot2023 = expectOk(pilotScenario(2023));
    const npv2027 = computeBusinessCase(file.scenario).npv.perParticipant;
    const npv2023 = computeBusinessCase(pilot2023).npv.perParticipant;
    expect(npv2027).toEqual(npv2023);
  });

  it("the model file (CLI path) for 2027 also runs", () => {
    expect(parseModelFile({ parameterYear: 2027, ...EVERY_VALUE }).ok).toBe(true);
  });

  it("2027 with nothing supplied is ONE MissingYear message listing every field to supply", () => {
    const result = parseScenarioFile({ parameterYear: 2027 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const [only] = result.issues;
    expect(only?.code).toBe("MissingYear");
    expect(only?.field).toBe("parameterYear");
    for (const path of ["states.JOB.wage", "states.TEMP.benefit", "refusionSteps[3].share", "tax.bottomTaxRate"]) {
      expect(only?.message).toContain(path);
    }
    // The pilot's NAF is its own calibration (1.0): no default needed.
    expect(only?.message).not.toContain("netTaxFactor");
  });

  it("a file that supplies only part lists only what is still missing", () => {
    const partial = parseScenarioFile({ parameterYear: 2027, states: EVERY_VALUE.states });
    expect(!partial.ok && partial.issues).toHaveLength(1);
    const message = partial.ok ? "" : (partial.issues[0]?.message ?? "");
    expect(message).not.toContain("states.JOB.wage");
    expect(message).toContain("tax.personalAllowance");
  });

  it("the draft lists a missing default once per scenario field", () => {
    const paths = draftParameterDefaults(2027).missing.map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(26);
  });

  it("functions: 2027 with every value as inputs runs; without them #VALUE! names the inputs to supply", () => {
    const withAll = functions.budgetSaving("kommune", INPUT_PAIRS as (string | number)[][], true, null, true, 2027);
    const pilot = functions.budgetSaving("kommune", undefined, true, null, true, 2023);
    expect(withAll).toBe(pilot);
    const error = excelErrorOf(() => functions.budgetSaving("kommune", undefined, true, null, true, 2027));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("parameterYear 2027");
    expect(error.message).toContain("wage.JOB");
    expect(error.message).toContain("refusion.week1/5/27/53");
  });
});
