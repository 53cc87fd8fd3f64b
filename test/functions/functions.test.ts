import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { runBusinessCase } from "../../src/engine/run";

installCustomFunctionsStub();
const functions = await import("../../src/functions/functions");
const excel = {
  budgetSaving: asCalledByExcel(functions.budgetSaving),
  socioEconomic: asCalledByExcel(functions.socioEconomic),
  breakEven: asCalledByExcel(functions.breakEven),
  cashFlow: asCalledByExcel(functions.cashFlow),
};
const pilotResult = expectOk(runBusinessCase(expectOk(pilotScenario(2023))));

describe("SIB.EFFECTSIZE", () => {
  it("gives the difference in percentage points", () => {
    expect(functions.effect(0.18, 0.07)[0]?.[0]).toBeCloseTo(11, 12);
  });

  it("spills estimate, lower and upper 95 % bound with both group sizes (hand calculation)", () => {
    const [row] = functions.effect(0.4, 0.25, 100, 120);
    const se = Math.sqrt((0.4 * 0.6) / 100 + (0.25 * 0.75) / 120);
    expect(row?.[0]).toBeCloseTo(15, 10);
    expect(row?.[1]).toBeCloseTo(100 * (0.15 - 1.959963984540054 * se), 8);
    expect(row?.[2]).toBeCloseTo(100 * (0.15 + 1.959963984540054 * se), 8);
  });

  it("treats an empty desktop cell (0) or null as no group size", () => {
    expect(functions.effect(0.18, 0.07, 0, null)).toHaveLength(1);
    expect(functions.effect(0.18, 0.07, null, null)[0]).toHaveLength(1);
  });

  it.each<[string, () => unknown, string]>([
    ["a share of 18 (percent, not fraction)", () => functions.effect(18, 0.07), "participantShare"],
    ["text", () => functions.effect("high", 0.07), "participantShare"],
    ["only one size", () => functions.effect(0.18, 0.07, 55, null), "comparisonCount"],
    ["a negative size", () => functions.effect(0.18, 0.07, -5, 50), "participantCount"],
  ])("#VALUE! for %s, naming the argument", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message.toLowerCase()).toContain(name.toLowerCase());
  });
});

describe("SIB.BUDGETSAVING", () => {
  it("equals the engine's municipal NPV per participant for the pilot", () => {
    expect(excel.budgetSaving("kommune")).toBe(pilotResult.npv.perParticipant.municipality);
    expect(excel.budgetSaving("municipality", null, null, null, null, null)).toBe(
      pilotResult.npv.perParticipant.municipality,
    );
  });

  it("gives cohort totals, undiscounted sums and other holders", () => {
    expect(excel.budgetSaving("stat", null, false)).toBe(pilotResult.npv.total.state);
    expect(excel.budgetSaving("offentlig", null, true, null, false)).toBe(
      pilotResult.undiscounted.perParticipant.public,
    );
  });

  it('empty cells (0 on desktop, null or "" on the web) in optional arguments use the defaults', () => {
    const base = excel.budgetSaving("kommune");
    expect(excel.budgetSaving("kommune", [[0, 0]], "", 0, null, 0)).toBe(base);
  });

  it("reads a two-column name/value range, skipping blank rows", () => {
    const viaRange = excel.budgetSaving("kommune", [
      ["horizonMonths", 36],
      ["", ""],
      ["discountRate", 0],
    ]);
    const viaArgument = excel.budgetSaving("kommune", [["discountRate", 0]], true, 36);
    expect(viaRange).toBe(viaArgument);
    expect(viaRange).not.toBe(excel.budgetSaving("kommune"));
  });

  it.each<[string, () => unknown, string]>([
    ["an unknown holder", () => excel.budgetSaving("kirken"), "holder"],
    ["an unknown input name", () => excel.budgetSaving("kommune", [["horizont", 3]]), "horizont"],
    ["a three-column range", () => excel.budgetSaving("kommune", [["horizonMonths", 36, 5]]), "inputs"],
    ["a name without value", () => excel.budgetSaving("kommune", [["horizonMonths", ""]]), "horizonMonths"],
    ["a horizon of 500", () => excel.budgetSaving("kommune", null, true, 500), "horizonMonths"],
    ["a text horizon", () => excel.budgetSaving("kommune", null, true, "long"), "horizonMonths"],
    ["perParticipant 7", () => excel.budgetSaving("kommune", null, 7), "perParticipant"],
    ["a year without data", () => excel.budgetSaving("kommune", null, true, null, true, 2019), "2019"],
    ["shares not summing to 1", () => excel.budgetSaving("kommune", [["participantShare.JOB", 0.5]]), "sum"],
  ])("#VALUE! for %s, naming it", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.SOCIOECONOMIC, SIB.BREAKEVEN, SIB.CASHFLOW", () => {
  it("match the engine for the pilot", () => {
    expect(excel.socioEconomic()).toBe(pilotResult.npv.perParticipant.socioEconomic);
    expect(excel.breakEven("kommune")).toBe(pilotResult.breakEvenMonth.municipality);
    const column = excel.cashFlow("kommune", null, false);
    expect(column).toHaveLength(pilotResult.months);
    expect(column.map((row) => row[0])).toEqual(pilotResult.monthly.netFlow.municipality);
  });

  it("CASHFLOW discounted and per participant sums to the NPV", () => {
    const column = excel.cashFlow("samfund", null, true, true);
    const sum = column.reduce((total, row) => total + (row[0] ?? 0), 0);
    expect(sum).toBeCloseTo(pilotResult.npv.perParticipant.socioEconomic, 6);
  });

  it("BREAKEVEN is #N/A with a message when not reached within the horizon", () => {
    const error = excelErrorOf(() => excel.breakEven("kommune", null, 36));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("not reached");
  });
});

describe("SIB.PARAMETER", () => {
  it("returns sourced data by id or name", () => {
    expect(functions.rate("kontanthjaelp_30plus_andre", 2024)).toBe(12326);
    expect(functions.rate("Kontanthjælp 30+ år, forsørger", 2023)).toBe(15874);
    expect(functions.rate("refusion_uge_53_plus")).toBe(0.2);
  });

  it("#VALUE! for a missing year (listing the years) and for an unknown name", () => {
    const missing = excelErrorOf(() => functions.rate("kontanthjaelp_30plus_andre", 2026));
    expect(missing.code).toBe("#VALUE!");
    expect(missing.message).toContain("2023, 2024");
    expect(excelErrorOf(() => functions.rate("nonsense")).message).toContain("Unknown parameter");
    expect(excelErrorOf(() => functions.rate("")).message).toContain("name");
  });
});
