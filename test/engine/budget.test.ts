import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetFieldIssues, byCalendarYear, computeBudget, parseStartDate, priceFactor } from "../../src/engine/budget";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { scenarioArbitrary } from "./support/randomScenario";

const pilot = expectOk(pilotScenario(2023));

describe("budget view (issue 10 item 3)", () => {
  it("reads start dates and refuses what is not a calendar date", () => {
    expect(parseStartDate("2026-01-01")).toEqual({ year: 2026, month: 1, day: 1 });
    expect(parseStartDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ["2026-02-30", "2026-13-01", "1 Jan 2026", "", "2026-1-1", 20260101, null]) {
      expect(parseStartDate(bad), String(bad)).toBeNull();
    }
  });

  it("a start date that is not a date is one clear error naming startDate (scenario file)", () => {
    const result = parseScenarioFile({ startDate: "next spring" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.field).toBe("startDate");
    expect(result.issues[0]?.message).toContain("YYYY-MM-DD");
  });

  it("a price index outside -50 % to 50 % is refused naming priceIndex", () => {
    expect(budgetFieldIssues({ ...pilot, priceIndex: 2 }).map((i) => i.field)).toEqual(["priceIndex"]);
    expect(budgetFieldIssues({ ...pilot, priceIndex: Number.NaN }).map((i) => i.field)).toEqual(["priceIndex"]);
    expect(budgetFieldIssues(pilot)).toEqual([]);
  });

  it("splits months by calendar year from the start month (hand example)", () => {
    // Start in November: months 0-1 in the start year, 2-13 in the next, 14 in the one after.
    const monthly = Array.from({ length: 15 }, (_, m) => m + 1);
    const years = byCalendarYear(monthly, 2026, 11, () => 1);
    expect(years).toEqual([
      { year: 2026, amount: 1 + 2 },
      { year: 2027, amount: 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 },
      { year: 2028, amount: 15 },
    ]);
    expect(priceFactor(2026, 2023, 0.02)).toBeCloseTo(1.02 * 1.02 * 1.02, 15);
  });

  it("the pilot from 2026-01-01 at 2 %: the budget year is 2026 in 2026 prices (independent sum of months 0-11)", () => {
    const result = computeBusinessCase(pilot);
    const schedule = computePaymentSchedule(pilot, result, PILOT_PAYMENT_TERMS);
    const budget = computeBudget(pilot, result, schedule);
    expect(budget.startYear).toBe(2026);
    expect(budget.remainderFrom).toBe(2030);
    let first = 0;
    for (let m = 0; m < 12; m++) first += result.monthly.netFlow.municipality[m] ?? 0;
    expect(budget.byAccount.municipality[0]?.year).toBe(2026);
    expect(budget.byAccount.municipality[0]?.amount).toBeCloseTo(first * 1.02 ** 3, 6);
    // Five summary amounts: 2026, 2027, 2028, 2029 and 2030 onwards (50 months end in 2030).
    expect(budget.summary.municipality).toHaveLength(5);
    const paidByYear = budget.byAccount.outcomePayments.reduce((sum, y) => sum + y.amount, 0);
    expect(paidByYear).toBeCloseTo(schedule.nominal.totals.all, 6);
  });

  it("property: every account's years deflated back to fixed prices sum to its undiscounted total (1e-9)", () => {
    const dates = fc.record({
      year: fc.integer({ min: 2000, max: 2060 }),
      month: fc.integer({ min: 1, max: 12 }),
      priceIndex: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(scenarioArbitrary, dates, (scenario, { year, month, priceIndex }) => {
        const withDates = {
          ...scenario,
          startDate: `${year}-${String(month).padStart(2, "0")}-01`,
          priceIndex,
        };
        const result = computeBusinessCase(withDates);
        const budget = computeBudget(withDates, result, null);
        for (const account of ACCOUNTS) {
          const deflated = budget.byAccount[account].reduce(
            (sum, entry) => sum + entry.amount / Math.pow(1 + priceIndex, entry.year - withDates.parameterYear),
            0,
          );
          const total = result.undiscounted.total[account];
          expect(Math.abs(deflated - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total)));
          const summary = budget.summary[account].reduce((sum, amount) => sum + amount, 0);
          const listed = budget.byAccount[account].reduce((sum, entry) => sum + entry.amount, 0);
          expect(Math.abs(summary - listed)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(listed)));
        }
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
