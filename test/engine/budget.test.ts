import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetFieldIssues, byCalendarYear, computeBudget, parseStartDate, priceFactor } from "../../src/engine/budget";
import { ACCOUNTS, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { DEFAULT_INVESTOR_TERMS } from "../../src/engine/investor/terms";
import { municipalityAfterContract } from "../../src/engine/investor/moneyFlows";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { validateScenario } from "../../src/engine/validate";
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

  it("a payment after the business case's last month is kept (pilot with a 15-month horizon: paid in month 17)", () => {
    // The pilot pays once, at measurement month 14 + claim lag 3 = month 17 (docs/payment.md), after a 15-month case
    // (months 0-14). Started 2025-10-01: the case runs October 2025 to December 2026, the payment falls in March 2027.
    const short = { ...pilot, horizonMonths: 15, startDate: "2025-10-01" };
    expect(validateScenario(short)).toEqual([]);
    const result = computeBusinessCase(short);
    const schedule = computePaymentSchedule(short, result, PILOT_PAYMENT_TERMS);
    expect(result.months).toBe(15);
    expect(schedule.total[17]).toBeGreaterThan(0);
    const budget = computeBudget(short, result, schedule);
    expect(budget.byAccount.outcomePayments.map((entry) => entry.year)).toEqual([2025, 2026, 2027]);
    expect(budget.byAccount.outcomePayments[2]?.amount).toBeCloseTo(schedule.total[17] ?? Number.NaN, 6);
    // Every account lists the same years; the business case has no flow in 2027.
    for (const account of ACCOUNTS) {
      expect(budget.byAccount[account].map((entry) => entry.year)).toEqual([2025, 2026, 2027]);
    }
    expect(budget.byAccount.municipality[2]?.amount).toBe(0);
    // The municipality with SIB pays it in 2027 (municipality share 1, no cap: net payments = the payment).
    expect(budget.byAccount.municipalityWithSib[2]?.amount).toBeCloseTo(-(schedule.total[17] ?? Number.NaN), 6);
  });

  it("property: with payments (claim lag up to 30 months, contract indexation), no payment is lost (1e-9)", () => {
    const draws = fc.record({
      // From the pilot's measurement month 14 (a valid scenario) to 60.
      horizonMonths: fc.integer({ min: 14, max: 60 }),
      lagMonths: fc.integer({ min: 0, max: 30 }),
      month: fc.integer({ min: 1, max: 12 }),
      priceIndex: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      priceIndexation: fc.double({ min: 0, max: 0.2, noNaN: true }),
      municipalityShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(draws, (draw) => {
        const scenario = {
          ...pilot,
          horizonMonths: draw.horizonMonths,
          startDate: `2026-${String(draw.month).padStart(2, "0")}-01`,
          priceIndex: draw.priceIndex,
        };
        const terms = {
          ...PILOT_PAYMENT_TERMS,
          lagMonths: draw.lagMonths,
          priceIndexation: draw.priceIndexation,
          municipalityShare: draw.municipalityShare,
        };
        const result = computeBusinessCase(scenario);
        const schedule = computePaymentSchedule(scenario, result, terms);
        const budget = computeBudget(scenario, result, schedule);
        const close = (actual: number, expected: number, what: string): void => {
          expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
        };
        // Independent sums over programme months t: calendar year 2026 + ⌊(month − 1 + t)/12⌋, price factor
        // (1 + π)^(year − 2023), contract index (1 + π_c)^⌊t/12⌋.
        const yearOf = (t: number): number => 2026 + Math.floor((draw.month - 1 + t) / 12);
        const inflate = (t: number): number => Math.pow(1 + draw.priceIndex, yearOf(t) - pilot.parameterYear);
        const netPaid = municipalityAfterContract(result, schedule, DEFAULT_INVESTOR_TERMS).payments;
        let paidTotal = 0;
        let withSib = 0;
        for (let t = 0; t < Math.max(result.months, schedule.months); t++) {
          const index = Math.pow(1 + draw.priceIndexation, Math.floor(t / 12));
          paidTotal += (schedule.total[t] ?? 0) * index;
          const savings = (result.monthly.netFlow.municipality[t] ?? 0) + (result.monthly.cost[t] ?? 0);
          withSib += savings * inflate(t) - (netPaid[t] ?? 0) * index;
        }
        const sumOf = (account: "outcomePayments" | "municipalityWithSib"): number =>
          budget.byAccount[account].reduce((sum, entry) => sum + entry.amount, 0);
        close(sumOf("outcomePayments"), paidTotal, "payments");
        close(sumOf("outcomePayments"), schedule.nominal.totals.all, "payments = the schedule's nominal total");
        close(sumOf("municipalityWithSib"), withSib, "municipality with SIB");
        for (const account of ACCOUNTS) {
          const deflated = budget.byAccount[account].reduce(
            (sum, entry) => sum + entry.amount / Math.pow(1 + draw.priceIndex, entry.year - pilot.parameterYear),
            0,
          );
          close(deflated, result.undiscounted.total[account], account);
        }
        // The last year listed holds the schedule's last month.
        const lastYear = budget.byAccount.outcomePayments.at(-1)?.year;
        expect(lastYear).toBe(yearOf(Math.max(result.months, schedule.months) - 1));
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
