import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "../../src/engine/accounts";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { municipalityResults } from "../../src/engine/municipalityResults";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { validateScenario } from "../../src/engine/validate";
import { buildPlan } from "../../src/plan/buildPlan";
import { scenarioFromWorkbook } from "../../src/plan/readBack";
import type { WorkbookPlan } from "../../src/plan/types";
import { ACCOUNT_NAME } from "../../src/plan/labels";
import { workbookNames } from "../../src/plan/outputs";
import { municipalityNameValues, municipalityResultName } from "../../src/plan/results/municipalityBlock";
import { scenarioArbitrary } from "../engine/support/randomScenario";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;
const terms = expectOk(pilotModel()).paymentTerms;

/** The scale a number is compared at: its size, at least 1 kr; attribution cells at their account column's size. */
function scaleOf(expected: Record<string, number | null>, definedName: string, value: number): number {
  const match = /^(SIB_Attribution(?:PerParticipant)?_[A-Za-z]+)_[A-Z_a-z]+$/.exec(definedName);
  if (match === null) return Math.max(1, Math.abs(value));
  const column = Object.entries(expected).filter(([key]) => key.startsWith(`${match[1] ?? ""}_`));
  return Math.max(1, ...column.map(([, cell]) => Math.abs(cell ?? 0)));
}

/** Every named number the engine gives equals the recalculated workbook to 1e-9 of its scale. */
function expectNamesMatch(workbook: EvaluatedWorkbook, expected: Record<string, number | null>): void {
  for (const [definedName, value] of Object.entries(expected)) {
    if (value === null) continue;
    const cellValue = workbook.valueOf(definedName);
    expect(typeof cellValue, `${definedName} = ${String(cellValue)}`).toBe("number");
    const scale = scaleOf(expected, definedName, value);
    expect(Math.abs((cellValue as number) - value) / scale, definedName).toBeLessThanOrEqual(1e-9);
  }
}

/** The engine's per-municipality values for the workbook's names, in the order listed. */
function engineMunicipalityNames(scenario: Scenario, withPayments: boolean): Record<string, number> {
  const schedule = computePaymentSchedule(scenario, computeBusinessCase(scenario), terms);
  const byName = municipalityResults(scenario, {
    total: schedule.totals.byPayer.municipality,
    presentValue: schedule.discountedTotals.byPayer.municipality,
  });
  return municipalityNameValues(Object.values(byName), withPayments);
}

describe("several municipalities in the workbook (issue 10): each cohort's own tax rate and weeks, results per municipality", () => {
  it("examples/herning-viborg.json with payment terms: every name equals the engine, the columns sum to the case", () => {
    const plan = buildPlan(herningViborg, "en", { paymentTerms: terms });
    const workbook = evaluatePlan(plan);
    expect(workbook.errors()).toEqual([]);
    expect(workbook.valueOf("SIB_Status")).toMatch(/^OK/);
    const result = computeBusinessCase(herningViborg);
    const schedule = computePaymentSchedule(herningViborg, result, terms);
    expectNamesMatch(workbook, workbookNames(herningViborg, result, schedule));
    const perMunicipality = engineMunicipalityNames(herningViborg, true);
    expect(Object.keys(perMunicipality)).toHaveLength(2 * (3 * ACCOUNTS.length + 3));
    expectNamesMatch(workbook, perMunicipality);
    // Independent of the engine: the two municipalities' NPVs add up to the workbook's own whole-case NPV.
    for (const account of ACCOUNTS) {
      const parts = [1, 2].map((n) => workbook.valueOf(municipalityResultName(n, "NPV", account)) as number);
      const whole = workbook.valueOf(`SIB_NPV_${ACCOUNT_NAME[account]}`) as number;
      expect(Math.abs((parts[0] ?? 0) + (parts[1] ?? 0) - whole), account).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(whole)),
      );
    }
    // The shares 55 % / 45 % of the municipal payments (the example's file).
    const paid = workbook.valueOf("SIB_PayMunicipality") as number;
    expect(workbook.valueOf("SIB_Muni1_Payments")).toBeCloseTo(0.55 * paid, 6);
    expect(workbook.valueOf("SIB_Muni2_Payments")).toBeCloseTo(0.45 * paid, 6);
  });

  it("Danish: the same names, no error cells", () => {
    const workbook = evaluatePlan(buildPlan(herningViborg, "da"));
    expect(workbook.errors()).toEqual([]);
    expectNamesMatch(workbook, engineMunicipalityNames(herningViborg, false));
  });

  it("a municipality's tax rate edited in the workbook changes only its own cohorts' municipal tax", () => {
    const workbook = evaluatePlan(buildPlan(herningViborg, "en"));
    const before = [1, 2].map((n) => workbook.valueOf(municipalityResultName(n, "NPV", "municipality")));
    workbook.setInput("SIB_Muni2_TaxRate", 0.3);
    const edited: Scenario = {
      ...herningViborg,
      municipalities: (herningViborg.municipalities ?? []).map((m) =>
        m.name === "Viborg" ? { ...m, taxRate: 0.3 } : m,
      ),
    };
    expect(workbook.valueOf(municipalityResultName(1, "NPV", "municipality"))).toBe(before[0]);
    expect(workbook.valueOf(municipalityResultName(2, "NPV", "municipality"))).not.toBe(before[1]);
    expectNamesMatch(workbook, engineMunicipalityNames(edited, false));
    expectNamesMatch(workbook, workbookNames(edited, computeBusinessCase(edited)));
  });

  it("a cohort naming no listed municipality fails the check CohortMunicipalities instead of dropping its people", () => {
    const plan = buildPlan(herningViborg, "en");
    const workbook = evaluatePlan(plan);
    const cohorts = plan.names.find((n) => n.name === "SIB_CohortMunicipalities");
    const sheet = plan.sheets.find((s) => s.name === cohorts?.sheet);
    const first = cohorts?.reference.split(":")[0]?.replace(/\$/g, "");
    expect(sheet !== undefined && first !== undefined).toBe(true);
    workbook.setInput({ sheet: sheet?.name ?? "", address: first ?? "" }, "Odder");
    expect(String(workbook.valueOf("SIB_Status"))).toMatch(
      /municipalities must be names from the Municipalities table/,
    );
    expect(String(workbook.valueOf("SIB_Muni1_NPV_Municipality"))).toMatch(/municipalities must be names/);
  });

  it("read back (the model's inputs to a scenario): the municipalities, their cohorts, an edited weeks cell and the Budget inputs", () => {
    const workbook = evaluatePlan(buildPlan(herningViborg, "en"));
    workbook.setInput("SIB_Muni2_Weeks", 60);
    workbook.setInput("SIB_BudgetStartMonth", 3);
    workbook.setInput("SIB_BudgetPriceIndex", 0.03);
    const pilot = expectOk(pilotModel()).scenario;
    const read = expectOk(scenarioFromWorkbook(pilot, (name) => workbook.rangeOf(name)));
    // Written out as the engine resolved them: Herning's built-in 24.9 % (2023) and the scenario's weeks.
    expect(read.municipalities).toEqual([
      {
        name: "Herning",
        taxRate: 0.249,
        weeksOnBenefitAtIntake: herningViborg.weeksOnBenefitAtIntake,
        paymentShare: 0.55,
      },
      { name: "Viborg", taxRate: 0.255, weeksOnBenefitAtIntake: 60, paymentShare: 0.45 },
    ]);
    expect(read.cohorts).toEqual([
      { participants: 30, intakeMonth: 0, municipality: "Herning" },
      { participants: 26, intakeMonth: 2, municipality: "Viborg" },
    ]);
    // The Budget sheet's start year 2026 (the default start date 2026-01-01) with the month edited to March.
    expect([read.startDate, read.priceIndex]).toEqual(["2026-03-01", 0.03]);
    const edited: Scenario = { ...herningViborg, municipalities: read.municipalities ?? [] };
    expect(computeBusinessCase(read).npv.total).toEqual(computeBusinessCase(edited).npv.total);
    // A model with no Municipalities table reads back as one combined municipality, even over a base that has some.
    const plain = evaluatePlan(buildPlan(pilot, "en"));
    const combined = expectOk(scenarioFromWorkbook(herningViborg, (name) => plain.rangeOf(name)));
    expect(combined.municipalities).toBeUndefined();
    // Budget cells as written (the pilot's defaults, as in the base file) keep the base's fields.
    expect([combined.startDate, combined.priceIndex]).toEqual([herningViborg.startDate, herningViborg.priceIndex]);
    expect(combined.cohorts.every((cohort) => cohort.municipality === undefined)).toBe(true);
  });

  it("the Check sheet (SIB.* functions, one kommuneskat) says why it does not check a model of several municipalities", () => {
    const plan = buildPlan({ ...herningViborg, cohorts: herningViborg.cohorts.slice(0, 1) }, "en", { checks: true });
    const check = plan.sheets.find((sheet) => sheet.name === "Check");
    const texts = (check?.cells ?? []).map((cell) => String(cell.value ?? ""));
    expect(texts.some((value) => /^No check: .*several municipalities/.test(value))).toBe(true);
    expect(check?.cells.some((cell) => cell.formula !== undefined)).toBe(false);
  });

  it("more municipalities than the workbook models is one clear error naming municipalities", () => {
    const many: Scenario = {
      ...herningViborg,
      municipalities: Array.from({ length: 13 }, (_, i) => ({
        name: `K${i}`,
        taxRate: 0.25,
        weeksOnBenefitAtIntake: null,
        paymentShare: i === 0 ? 1 : 0,
      })),
      cohorts: [{ participants: 10, intakeMonth: 0, municipality: "K0" }],
    };
    expect(() => buildPlan(many, "en")).toThrow(
      /^municipalities: the workbook models at most 12 municipalities, this scenario lists 13/,
    );
  });
});

/** The plan without sheets that no result of the business case reads (so a random run recalculates faster). */
function withoutSheets(plan: WorkbookPlan, sheets: readonly string[]): WorkbookPlan {
  const kept = (sheet: string): boolean => !sheets.includes(sheet);
  return {
    ...plan,
    sheets: plan.sheets.filter((sheet) => kept(sheet.name)),
    names: plan.names.filter((definedName) => kept(definedName.sheet)),
    charts: plan.charts.filter((chart) => kept(chart.sheet)),
  };
}

/** 2–3 municipalities with random rates, weeks and payment shares; each cohort in one (some may have none). */
const severalArbitrary = fc
  .record({
    base: scenarioArbitrary,
    horizon: fc.integer({ min: 1, max: 30 }),
    municipalities: fc.array(
      fc.record({
        rate: fc.integer({ min: 180, max: 280 }).map((permille) => permille / 1000),
        weeks: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
        weight: fc.integer({ min: 0, max: 10 }),
      }),
      { minLength: 2, maxLength: 3 },
    ),
    cohortOf: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ base, horizon, municipalities, cohortOf }): Scenario => {
    const weights = municipalities.map((m, i) => (i === 0 ? m.weight + 1 : m.weight));
    const total = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => w / total);
    const listed = municipalities.map((m, i) => ({
      name: `Kommune ${String.fromCharCode(65 + i)}`,
      taxRate: m.rate,
      weeksOnBenefitAtIntake: m.weeks,
      paymentShare: shares[i] ?? 0,
    }));
    const scaled = (month: number): number => Math.max(1, Math.min(horizon, month));
    return {
      ...base,
      horizonMonths: horizon,
      measurementMonth: scaled(base.measurementMonth),
      interventionMonths: scaled(base.interventionMonths),
      municipalities: listed,
      cohorts: base.cohorts.map((cohort, index) => ({
        ...cohort,
        municipality: listed[(cohortOf[index] ?? 0) % listed.length]?.name ?? "",
      })),
    };
  })
  .filter((scenario) => validateScenario(scenario).length === 0);

describe("random cases with several municipalities: the workbook per municipality equals the engine", () => {
  it("20 random scenarios (HyperFormula)", () => {
    fc.assert(
      fc.property(severalArbitrary, (scenario) => {
        const workbook = evaluatePlan(withoutSheets(buildPlan(scenario, "en"), ["Sensitivity", "Budget"]));
        expect(workbook.errors()).toEqual([]);
        expectNamesMatch(workbook, engineMunicipalityNames(scenario, false));
        expectNamesMatch(workbook, workbookNames(scenario, computeBusinessCase(scenario)));
      }),
      { numRuns: 20, seed: 1010 },
    );
    // 20 small workbooks (horizon ≤ 30, 1–3 cohorts) recalculated by HyperFormula: about 10 s on a free core.
  }, 300_000);
});
