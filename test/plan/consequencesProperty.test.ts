import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "../../src/engine/accounts";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { CONSEQUENCE_AREAS, CONSEQUENCE_PAYERS, type Consequence } from "../../src/engine/consequences/model";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { OUTCOME_STATES, perState } from "../../src/engine/states";
import { validateScenario } from "../../src/engine/validate";
import { buildPlan } from "../../src/plan/buildPlan";
import type { WorkbookPlan } from "../../src/plan/types";
import { areaAttributionName, areaAttributionNames } from "../../src/plan/consequences/areaBlock";
import { ACCOUNT_NAME } from "../../src/plan/labels";
import { workbookNames } from "../../src/plan/outputs";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

const change = fc.oneof(fc.constant(0), fc.integer({ min: -40, max: 40 }), fc.double({ min: -5, max: 5, noNaN: true }));

const rowArbitrary = (index: number): fc.Arbitrary<Consequence> =>
  fc
    .record({
      area: fc.constantFrom(...CONSEQUENCE_AREAS.filter((area) => area !== "health")),
      payer: fc.constantFrom(...CONSEQUENCE_PAYERS),
      refusion: fc.double({ min: 0, max: 1, noNaN: true }),
      price: fc.double({ min: 0, max: 200_000, noNaN: true }),
      // A year of the built-in index (2023-2026), or 2015 with an own index factor.
      year: fc.constantFrom(2023, 2024, 2025, 2026, 2015),
      factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
      changes: fc.array(change, { minLength: 8, maxLength: 8 }),
      duration: fc.integer({ min: 0, max: 40 }),
      decay: fc.constantFrom(0, 0.1, 0.5, 1),
    })
    .map((r) => ({
      id: `row${index}`,
      name: { da: `Række ${index}`, en: `Row ${index}` },
      area: r.area,
      unit: { da: "enhed", en: "unit" },
      unitPrice: r.price,
      priceYear: r.year,
      indexFactor: r.year === 2015 ? r.factor : null,
      payer: r.payer,
      refusionShare: r.payer === "municipality" ? r.refusion : 0,
      evidence: "A",
      source: "test row",
      changePerYear: perState((state) => r.changes[OUTCOME_STATES.indexOf(state)] ?? 0),
      durationMonths: r.duration,
      decayPerYear: r.decay,
    }));

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    rows: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArbitrary(i)))),
    horizon: fc.integer({ min: 14, max: 24 }),
    persistence: fc.constantFrom(1, 0.98),
    reference: fc.constantFrom("TEMP" as const, "JOB" as const),
  })
  .map((r) => ({
    ...pilot,
    horizonMonths: r.horizon,
    measurementMonth: 12,
    persistence: r.persistence,
    attributionReference: r.reference,
    consequences: r.rows,
  }));

/** The plan's business-case sheets only (Inputs, Consequences, Calculation, Results): the rest is not under test. */
function businessCaseSheets(plan: WorkbookPlan): WorkbookPlan {
  const kept = plan.sheets.slice(0, 4);
  const names = new Set(kept.map((sheet) => sheet.name));
  return { ...plan, sheets: kept, names: plan.names.filter((n) => names.has(n.sheet)), charts: [] };
}

/** Per defined-name family and account (e.g. SIB_AreaAttribution_Region), the largest |engine value|: the scale. */
function grossOf(expected: Record<string, number | null>): (definedName: string) => number {
  const family = (definedName: string): string => definedName.split("_").slice(0, 3).join("_");
  const gross = new Map<string, number>();
  for (const [definedName, value] of Object.entries(expected)) {
    const key = family(definedName);
    gross.set(key, Math.max(gross.get(key) ?? 0, Math.abs(value ?? 0)));
  }
  return (definedName) => (definedName.includes("Attribution") ? (gross.get(family(definedName)) ?? 0) : 0);
}

describe("random consequence rows: the Consequences sheet equals the engine (HyperFormula)", () => {
  it("20 random valid scenarios: every output name to 1e-9 relative; the rows by area sum to the broad NPV", () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.constantFrom("da" as const, "en" as const), (scenario, language) => {
        expect(validateScenario(scenario)).toEqual([]);
        const workbook = evaluatePlan(businessCaseSheets(buildPlan(scenario, language)));
        expect(workbook.errors()).toEqual([]);
        expect(workbook.valueOf("SIB_InputsValid")).toBe(1);
        const result = computeBusinessCase(scenario);
        const expected = { ...workbookNames(scenario, result), ...areaAttributionNames(result) };
        const gross = grossOf(expected);
        for (const [definedName, engine] of Object.entries(expected)) {
          if (engine === null) continue;
          const value = workbook.valueOf(definedName);
          expect(typeof value, definedName).toBe("number");
          const scale = Math.max(1, Math.abs(engine), gross(definedName));
          expect(Math.abs((value as number) - engine) / scale, definedName).toBeLessThan(1e-9);
        }
        for (const account of ACCOUNTS) {
          const npv = workbook.valueOf(`SIB_NPV_${ACCOUNT_NAME[account]}`) as number;
          const total = workbook.valueOf(areaAttributionName("total", account, "Total")) as number;
          expect(Math.abs(total - npv)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(npv)));
        }
      }),
      { numRuns: 20, seed: 20261201 },
    );
  }, 120_000);
});
