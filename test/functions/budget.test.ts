import { describe, expect, it } from "vitest";
import { excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { computeBudget } from "../../src/engine/budget";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";

installCustomFunctionsStub();
const { budget, startDateArgument } = await import("../../src/functions/budget");

const pilot = expectOk(pilotScenario(2023));
const result = computeBusinessCase(pilot);

describe("SIB.BUDGET (issue 10 item 3)", () => {
  it("spills one row per calendar year: the pilot from 2026 at 2 % (independent sum of the engine's months)", () => {
    const rows = budget();
    expect(rows.map((row) => row[0])).toEqual([2026, 2027, 2028, 2029, 2030]);
    // 50 programme months from January 2026: 2026 = months 0-11 in 2026 prices (1.02^3 over 2023 prices).
    const sum = (from: number, to: number): number =>
      result.monthly.netFlow.municipality.slice(from, to).reduce((total, flow) => total + flow, 0);
    expect(rows[0]?.[1]).toBeCloseTo(sum(0, 12) * 1.02 ** 3, 6);
    expect(rows[4]?.[1]).toBeCloseTo(sum(48, 50) * 1.02 ** 7, 6);
  });

  it("takes the account, a date cell or a text date and a price index", () => {
    const state = budget("stat", undefined, "2026-07-01", 0);
    const sum = (from: number, to: number): number =>
      result.monthly.netFlow.state.slice(from, to).reduce((total, flow) => total + flow, 0);
    expect(state[0]).toEqual([2026, sum(0, 6)]);
    expect(startDateArgument(46023)).toBe("2026-01-01"); // Excel's serial of 1 January 2026
    expect(budget("kommune", undefined, 46023)).toEqual(budget("kommune", undefined, "2026-01-01"));
  });

  it("#VALUE! naming startDate, priceIndex or account for bad input", () => {
    expect(excelErrorOf(() => budget("kommune", undefined, "next spring")).message).toContain("startDate");
    expect(excelErrorOf(() => budget("kommune", undefined, "2026-02-30")).message).toContain("startDate");
    expect(excelErrorOf(() => budget("kommune", undefined, null, 3)).message).toContain("priceIndex");
    expect(excelErrorOf(() => budget("investor")).message).toContain("account");
  });

  it('"betalinger" spills the outcome payments in the year they are paid (the pilot: one payment, month 17 = 2027)', () => {
    const schedule = computePaymentSchedule(pilot, result, PILOT_PAYMENT_TERMS);
    const rows = budget("betalinger");
    expect(rows.map((row) => row[0])).toEqual([2026, 2027, 2028, 2029, 2030]);
    // Independent of the budget code: the pilot's terms pay once, in month 17 (June 2027 from January 2026).
    expect(schedule.total.filter((amount) => amount > 0)).toHaveLength(1);
    expect(rows[1]?.[1]).toBeCloseTo(schedule.total[17] ?? Number.NaN, 6);
    expect(rows.filter((row) => row[0] !== 2027).every((row) => row[1] === 0)).toBe(true);
    // The same as the engine's budget.outcomePayments (npm run case -- --json) and the English and long names.
    const engine = computeBudget(pilot, result, schedule).byAccount.outcomePayments;
    expect(rows).toEqual(engine.map((entry) => [entry.year, entry.amount]));
    expect(budget("Payments")).toEqual(rows);
    expect(budget("resultatbetalinger")).toEqual(rows);
  });

  it('"kommune med sib" with terms and a 15-month horizon: the payment after the horizon is kept, indexed 2 %', () => {
    // Months 0-14 run October 2025 to December 2026; the payment of month 17 falls in March 2027 (contract year 1).
    const short = { ...pilot, horizonMonths: 15, startDate: "2025-10-01", priceIndex: 0.02 };
    const shortResult = computeBusinessCase(short);
    const terms = { ...PILOT_PAYMENT_TERMS, priceIndexation: 0.02 };
    const schedule = computePaymentSchedule(short, shortResult, terms);
    const range = [["priceIndexation", 0.02]];
    const rows = budget("kommune med sib", undefined, "2025-10-01", null, 15, null, range);
    const engine = computeBudget(short, shortResult, schedule).byAccount.municipalityWithSib;
    expect(rows).toEqual(engine.map((entry) => [entry.year, entry.amount]));
    // 2027 holds only the payment (× 1.02), paid by the municipality alone (share 1).
    expect(rows.map((row) => row[0])).toEqual([2025, 2026, 2027]);
    expect(rows[2]?.[1]).toBeCloseTo(-(schedule.total[17] ?? Number.NaN) * 1.02, 4);
    const paid = budget("betalinger", undefined, "2025-10-01", null, 15, null, range);
    expect(paid[2]?.[1]).toBeCloseTo((schedule.total[17] ?? Number.NaN) * 1.02, 4);
  });

  it("#VALUE! naming a bad payment or investor term", () => {
    expect(
      excelErrorOf(() => budget("betalinger", undefined, null, null, null, null, [["lagMonths", -1]])).message,
    ).toContain("lagMonths");
    expect(
      excelErrorOf(() => budget("betalinger", undefined, null, null, null, null, undefined, [["maxLoss", 5]])).message,
    ).toContain("maxLoss");
  });
});
