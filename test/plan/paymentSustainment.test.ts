/**
 * Issue 11 item 3: the sustainment card as live formulas on the Payment sheet. examples/pilot-sustainment.json pays
 * half the pilot's self-supporting price at the measurement month (99,045 kr) and 4,127 kr for each month in work over
 * 24 months; HyperFormula recalculates the workbook and every month of the schedule, the card's months and the totals
 * equal the engine's to 1e-9.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { deadweightCore, savingsAfterLastPaymentCore } from "../../src/engine/payment/deadweight";
import { computePaymentSchedule, type PaymentSchedule } from "../../src/engine/payment/schedule";
import type { PaymentTerms } from "../../src/engine/payment/terms";
import type { Scenario } from "../../src/engine/scenario";
import type { EvaluatedWorkbook } from "../support/hyperformulaWorkbook";
import { expectPaymentSheetMatches } from "./paymentMatch";

const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-sustainment.json", "utf8")) as unknown));
const pilot = model.scenario;

/** Every month of the engine's schedule (total, payers, sustainment after the cap) equals the sheet's, to 1e-9. */
function expectMonthsEqual(workbook: EvaluatedWorkbook, schedule: PaymentSchedule): void {
  const total = column(workbook, "SIB_PaySchedule");
  const municipality = column(workbook, "SIB_PayScheduleMunicipality");
  expect(total.length).toBeGreaterThanOrEqual(schedule.months);
  const close = (actual: unknown, expected: number, what: string): void => {
    expect(typeof actual, what).toBe("number");
    expect(Math.abs((actual as number) - expected) / Math.max(1, Math.abs(expected)), what).toBeLessThanOrEqual(1e-9);
  };
  total.forEach((value, t) => {
    close(value, schedule.total[t] ?? 0, `total, month ${t}`);
    close(municipality[t], schedule.byPayer.municipality[t] ?? 0, `municipality, month ${t}`);
  });
}

/** A named column's values, top to bottom. */
function column(workbook: EvaluatedWorkbook, definedName: string): unknown[] {
  const rows = workbook.rangeOf(definedName);
  if (rows === undefined) throw new Error(`no range ${definedName}`);
  return rows.map((row) => row[0]);
}

function scheduleOf(scenario: Scenario, terms: PaymentTerms): PaymentSchedule {
  return computePaymentSchedule(scenario, computeBusinessCase(scenario), terms);
}

describe("the sustainment card on the Payment sheet (live formulas) equals the engine", () => {
  it("examples/pilot-sustainment.json (da): 4,127 kr × the self-supporting outcomes in each of 24 months", () => {
    expect(model.paymentTerms.sustainment).toEqual({ monthlyPrice: 4127, months: 24 });
    const workbook = expectPaymentSheetMatches(pilot, model.paymentTerms, "da");
    const schedule = scheduleOf(pilot, model.paymentTerms);
    expectMonthsEqual(workbook, schedule);
    // Written out: the pilot's 56 participants, 15/55 self-supporting at month 17 (gross card, persistence 1): each of
    // the 24 months from month 17 (measurement month 14 + claim lag 3) pays 4,127 × 15/55 × 56 kr.
    const perMonth = 4127 * (15 / 55) * 56;
    expect(workbook.valueOf("SIB_PaySustainmentTotal") as number).toBeCloseTo(24 * perMonth, 6);
    const paid = column(workbook, "SIB_PaySchedule");
    expect(paid[17] as number).toBeGreaterThan(perMonth);
    expect(paid[18] as number).toBeCloseTo(perMonth, 6);
    expect(paid[17 + 23] as number).toBeCloseTo(perMonth, 6);
    expect(paid[17 + 24]).toBe(0);
    expect(workbook.valueOf("SIB_PayLastOutcomeMonth")).toBe(17 + 23);
    expect(typeof workbook.valueOf("SIB_PaySavingsAfterLastPayment")).toBe("number");
  });

  it("decay, a comparison baseline, two cohorts, a lag and a contract cap (en)", () => {
    const scenario: Scenario = {
      ...pilot,
      persistence: 0.97,
      cohorts: [
        { participants: 30, intakeMonth: 4 },
        { participants: 26, intakeMonth: 0 },
      ],
    };
    const terms: PaymentTerms = {
      ...model.paymentTerms,
      baseline: { kind: "comparison" },
      lagMonths: 2,
      contractCap: 2_500_000,
    };
    const workbook = expectPaymentSheetMatches(scenario, terms, "en");
    expectMonthsEqual(workbook, scheduleOf(scenario, terms));
  });

  it("property (live): 20 random sustainment terms typed into one workbook recalculate to the engine's schedule", () => {
    // One workbook, built with a historical baseline rate of 20 % on every card line, so the baseline code 0/1/2 typed
    // in SIB_PayBaselineKind switches between no baseline, the comparison group and that rate.
    const historical: PaymentTerms["baseline"] = { kind: "historical", rate: 0.2, rates: {} };
    const built: PaymentTerms = { ...model.paymentTerms, baseline: historical };
    const workbook = expectPaymentSheetMatches(pilot, built, "en");
    const baselines: PaymentTerms["baseline"][] = [{ kind: "none" }, { kind: "comparison" }, historical];
    const arbitrary = fc.record({
      price: fc.integer({ min: 0, max: 12_000 }),
      months: fc.integer({ min: 1, max: 30 }),
      baseline: fc.integer({ min: 0, max: 2 }),
      persistence: fc.constantFrom(0, 0.5, 0.9, 0.98, 1),
      threshold: fc.constantFrom<number | null>(null, 10, 16),
      lag: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(arbitrary, (draw) => {
        workbook.hf.batch(() => {
          workbook.setInput("SIB_PaySustainPrice", draw.price);
          workbook.setInput("SIB_PaySustainMonths", draw.months);
          workbook.setInput("SIB_PayBaselineKind", draw.baseline);
          workbook.setInput("SIB_Persistence", draw.persistence);
          workbook.setInput("SIB_PayThresholdPP", draw.threshold ?? "no threshold");
          workbook.setInput("SIB_PayThresholdContract", 0);
          workbook.setInput("SIB_PayLagMonths", draw.lag);
        });
        const scenario: Scenario = { ...pilot, persistence: draw.persistence };
        const terms: PaymentTerms = {
          ...built,
          sustainment: { monthlyPrice: draw.price, months: draw.months },
          baseline: baselines[draw.baseline] ?? historical,
          threshold: draw.threshold === null ? null : { pp: draw.threshold, scope: "metric", metric: null },
          lagMonths: draw.lag,
        };
        const schedule = scheduleOf(scenario, terms);
        expectMonthsEqual(workbook, schedule);
        expect(workbook.valueOf("SIB_PayMonthsInUse")).toBe(schedule.months);
        const sustainment = workbook.valueOf("SIB_PaySustainmentTotal") as number;
        expect(Math.abs(sustainment - schedule.totals.sustainment)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, sustainment),
        );
        const afterLast = savingsAfterLastPaymentCore(computeBusinessCase(scenario), schedule).share;
        const shown = workbook.valueOf("SIB_PaySavingsAfterLastPayment");
        if (afterLast === null) expect(typeof shown).toBe("string");
        else expect(Math.abs((shown as number) - afterLast)).toBeLessThanOrEqual(1e-9);
        const atZero = deadweightCore(scenario, schedule, terms).paymentAtZeroEffect;
        expect(Math.abs((workbook.valueOf("SIB_PayZeroEffect") as number) - atZero)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, atZero),
        );
      }),
      { numRuns: 20, seed: 11 },
    );
  });
});
