import { describe, expect, it } from "vitest";
import { excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const { budgetSaving, socioEconomic, breakEven } = await import("../../src/functions/functions");

describe("the input `municipality` of the business-case functions (issue 10)", () => {
  // Herning's kommuneskat: 24.9 % until 2023 and 25.4 % from 2024 (Herning Kommune, 15 Sep 2023).
  it.each([
    [2023, 0.249],
    [2024, 0.254],
  ])("municipality Herning in %i = municipalTaxRate %f", (year, rate) => {
    expect(budgetSaving("kommune", [["municipality", "Herning"]], true, null, true, year)).toBe(
      budgetSaving("kommune", [["municipalTaxRate", rate]], true, null, true, year),
    );
  });

  it("is accepted in Danish and any case, and an explicit municipalTaxRate wins", () => {
    const viborg = budgetSaving("kommune", [["municipalTaxRate", 0.255]]);
    expect(budgetSaving("kommune", [["Kommune", "viborg"]])).toBe(viborg);
    expect(
      budgetSaving("kommune", [
        ["municipality", "Viborg"],
        ["municipalTaxRate", 0.3],
      ]),
    ).toBe(budgetSaving("kommune", [["municipalTaxRate", 0.3]]));
    expect(socioEconomic([["municipality", "Herning"]])).toBe(socioEconomic([["municipalTaxRate", 0.249]]));
    expect(breakEven("kommune", [["municipality", "Herning"]])).toBe(
      breakEven("kommune", [["municipalTaxRate", 0.249]]),
    );
  });

  it("a municipality without a built-in rate is #VALUE! naming the input and what to give", () => {
    const error = excelErrorOf(() => budgetSaving("kommune", [["municipality", "Odder"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /^municipality: Odder has no built-in municipal tax rate for 2023 .*give the input municipalTaxRate instead/,
    );
  });

  it("leaving it out changes nothing (backward compatible)", () => {
    expect(budgetSaving("kommune", [])).toBe(budgetSaving("kommune"));
  });
});
