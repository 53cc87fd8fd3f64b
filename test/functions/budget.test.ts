import { describe, expect, it } from "vitest";
import { excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";

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
});
