import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { effectiveParticipantShares } from "../../src/engine/neutralise";
import { OUTCOME_STATES, perState, type OutcomeState } from "../../src/engine/states";
import { validateScenario } from "../../src/engine/validate";
import { buildPlan } from "../../src/plan/buildPlan";
import { NO_BREAK_EVEN } from "../../src/plan/labels";
import { workbookNames } from "../../src/plan/outputs";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

/**
 * The scale an attribution cell is compared at: its account column's gross size Σ|rows| + |cost| in the same table.
 * A state's row is Δ_s × (value of s − value of the reference); when the two values are large and nearly equal, the
 * engine (which subtracts per month) and the workbook (which subtracts the inputs) round differently by about
 * 1e-16 of the values subtracted, which can exceed 1e-9 of the small row itself, never 1e-9 of the column's size.
 */
function attributionScale(expected: Record<string, number | null>, definedName: string): number | null {
  const match = /^(SIB_Attribution(?:PerParticipant)?_[A-Za-z]+)_([A-Z_a-z]+)$/.exec(definedName);
  if (match === null) return null;
  const column = match[1] ?? "";
  const rows = [...OUTCOME_STATES, "Cost"].map((row) => Math.abs(expected[`${column}_${row}`] ?? 0));
  return rows.reduce((a, b) => a + b, 0);
}

/** Compares every output name of the workbook with the engine, to 1e-9 relative (attribution: of its column). */
function expectMatchesEngine(
  workbook: EvaluatedWorkbook,
  expected: Record<string, number | null>,
  language: "da" | "en",
): void {
  for (const [definedName, engineValue] of Object.entries(expected)) {
    const cellValue = workbook.valueOf(definedName);
    if (engineValue === null) {
      expect(cellValue, definedName).toBe(NO_BREAK_EVEN[language]);
      continue;
    }
    expect(typeof cellValue, `${definedName} = ${String(cellValue)}`).toBe("number");
    const scale = Math.max(1, Math.abs(engineValue), attributionScale(expected, definedName) ?? 0);
    expect(Math.abs((cellValue as number) - engineValue) / scale, definedName).toBeLessThanOrEqual(1e-9);
  }
}

/** The workbook's effective participant shares (Calculation sheet) equal the engine's to 1e-12. */
function expectEffectiveShares(workbook: EvaluatedWorkbook, scenario: Scenario): void {
  const shares = effectiveParticipantShares(scenario);
  const cells = workbook.rangeOf("SIB_EffectiveParticipantShares") ?? [];
  OUTCOME_STATES.forEach((state, index) => {
    const value = cells[index]?.[0];
    expect(typeof value, `effective share ${state}`).toBe("number");
    expect(Math.abs((value as number) - shares[state]), `effective share ${state}`).toBeLessThanOrEqual(1e-12);
  });
}

describe("the business-case plan evaluated by HyperFormula equals the engine", () => {
  it.each(["da", "en"] as const)("pilot (%s): every output name, no error cells", (language) => {
    const workbook = evaluatePlan(buildPlan(pilot, language));
    expect(workbook.errors()).toEqual([]);
    expectMatchesEngine(workbook, workbookNames(pilot, computeBusinessCase(pilot)), language);
  });
});

/** A number with at most six decimals (spreadsheet-like inputs; no subnormal doubles). */
const decimal = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) }).map((micro) => micro / 1e6);

/** Random valid scenarios that exercise every input: cohorts, refusion steps, timing, payers, health costs, factors. */
const scenarioArbitrary = fc
  .record({
    horizonMonths: fc.integer({ min: 1, max: 90 }),
    measurementMonth: fc.integer({ min: 1, max: 30 }),
    interventionMonths: fc.integer({ min: 1, max: 24 }),
    discountRate: decimal(-0.05, 0.2),
    persistence: decimal(0, 1),
    cost: decimal(0, 300_000),
    upfront: fc.boolean(),
    weeks: fc.integer({ min: 0, max: 120 }),
    equalisation: decimal(0, 1),
    netTaxFactor: decimal(0.5, 2),
    distortion: decimal(1, 1.3),
    cohorts: fc.array(
      fc.record({ participants: fc.integer({ min: 1, max: 200 }), intakeMonth: fc.integer({ min: 0, max: 24 }) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    weights: fc.array(decimal(0, 1), { minLength: 8, maxLength: 8 }),
    // Neutralised states (any subset, often empty) and the attribution's reference state.
    neutralise: fc.oneof(fc.constant([] as OutcomeState[]), fc.subarray([...OUTCOME_STATES])),
    reference: fc.constantFrom(...OUTCOME_STATES),
    comparisonWeights: fc.array(decimal(0, 1), { minLength: 8, maxLength: 8 }),
    // Every state's economics varies, ABROAD and PERM included: a formula that drops a state's row shows.
    economics: fc.array(
      fc.record({
        wage: decimal(0, 60_000),
        benefit: decimal(0, 25_000),
        stateNotMunicipality: fc.boolean(),
        healthCost: decimal(0, 5_000),
      }),
      { minLength: 8, maxLength: 8 },
    ),
  })
  .filter(({ weights, comparisonWeights, horizonMonths, measurementMonth, interventionMonths }) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const comparison = comparisonWeights.reduce((a, b) => a + b, 0);
    return (
      total > 0.01 && comparison > 0.01 && measurementMonth <= horizonMonths && interventionMonths <= horizonMonths
    );
  })
  .map((r): Scenario => {
    const total = r.weights.reduce((a, b) => a + b, 0);
    const comparisonTotal = r.comparisonWeights.reduce((a, b) => a + b, 0);
    return {
      ...pilot,
      horizonMonths: r.horizonMonths,
      measurementMonth: r.measurementMonth,
      interventionMonths: r.interventionMonths,
      discountRate: r.discountRate,
      persistence: r.persistence,
      costPerParticipant: r.cost,
      costTiming: r.upfront ? "upfront" : "spread",
      weeksOnBenefitAtIntake: r.weeks,
      equalisationShare: r.equalisation,
      socioEconomic: { ...pilot.socioEconomic, netTaxFactor: r.netTaxFactor, distortionFactor: r.distortion },
      cohorts: r.cohorts,
      participantShares: perState((state) => (r.weights[OUTCOME_STATES.indexOf(state)] ?? 0) / total),
      comparisonShares: perState(
        (state) => (r.comparisonWeights[OUTCOME_STATES.indexOf(state)] ?? 0) / comparisonTotal,
      ),
      states: perState((state) => {
        const economics = r.economics[OUTCOME_STATES.indexOf(state)];
        if (economics === undefined) throw new Error(`no economics for ${state}`);
        const { stateNotMunicipality, ...amounts } = economics;
        return { ...amounts, benefitPayer: stateNotMunicipality ? "state" : "municipality" };
      }),
      neutraliseStates: r.neutralise,
      attributionReference: r.reference,
    };
  })
  // A neutralisation the engine refuses (every participant in N, the comparison group not) is tested on its own.
  .filter((scenario) => validateScenario(scenario).length === 0);

describe("random scenarios: the plan's formulas equal the engine (HyperFormula)", () => {
  it("≥ 50 random valid scenarios (random neutralised states and reference), both languages, every output name (the attribution table included) to 1e-9 relative, the effective shares to 1e-12", () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.constantFrom("da" as const, "en" as const), (scenario, language) => {
        expect(validateScenario(scenario)).toEqual([]);
        const workbook = evaluatePlan(buildPlan(scenario, language));
        expect(workbook.errors()).toEqual([]);
        expectMatchesEngine(workbook, workbookNames(scenario, computeBusinessCase(scenario)), language);
        expectEffectiveShares(workbook, scenario);
      }),
      { numRuns: 60, seed: 20261123 },
    );
    // 60 workbooks of up to 90 months × 3 cohorts recalculated by HyperFormula: about a minute on a free core.
  }, 300_000);
});

describe("changing an input cell: the outputs follow the engine's new result", () => {
  const plan = buildPlan(pilot, "en");
  const changes: [string, (workbook: EvaluatedWorkbook) => void, Scenario][] = [
    ["discount rate 5 %", (w) => w.setInput("SIB_DiscountRate", 0.05), { ...pilot, discountRate: 0.05 }],
    ["horizon 36 months", (w) => w.setInput("SIB_HorizonMonths", 36), { ...pilot, horizonMonths: 36 }],
    [
      "cost 100,000 kr up front",
      (w) => (w.setInput("SIB_CostPerParticipant", 100_000), w.setInput("SIB_CostUpfront", 1)),
      {
        ...pilot,
        costPerParticipant: 100_000,
        costTiming: "upfront",
      },
    ],
    [
      "80 participants (cohort cell)",
      (w) => w.setInput({ sheet: "Inputs", address: "B7" }, 80),
      { ...pilot, cohorts: [{ participants: 80, intakeMonth: 0 }] },
    ],
    [
      "TEMP benefit 9,000 kr (state table cell)",
      (w) => w.setInput({ sheet: "Inputs", address: cellOfState(plan, "SIB_Benefits", 5) }, 9_000),
      { ...pilot, states: { ...pilot.states, TEMP: { ...pilot.states.TEMP, benefit: 9_000 } } },
    ],
  ];
  it.each(changes)("%s", (_, change, changed) => {
    const workbook = evaluatePlan(plan);
    change(workbook);
    expectMatchesEngine(workbook, workbookNames(changed, computeBusinessCase(changed)), "en");
  });
});

/** The A1 address of the `index`-th cell of a column-shaped defined name. */
function cellOfState(plan: ReturnType<typeof buildPlan>, definedName: string, index: number): string {
  const reference = plan.names.find((n) => n.name === definedName)?.reference ?? "";
  const match = /^\$([A-Z]+)\$(\d+):/.exec(reference);
  if (match === null) throw new Error(`no column name ${definedName}`);
  return `${match[1]}${Number(match[2]) + index}`;
}
