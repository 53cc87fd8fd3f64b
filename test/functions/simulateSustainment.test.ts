/**
 * Issue 11: SIB.SIMULATE draws the monthly sustainment card (it refused it before; hpay item 4). A card that pays
 * raises the simulated payments by what the card pays; a card priced 0 pays nothing and simulates as no card.
 */
import { describe, expect, it } from "vitest";
import { asCalledByExcel, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const stress = await import("../../src/functions/stress");
const simulate = asCalledByExcel(stress.simulate);

describe("SIB.SIMULATE and the sustainment card", () => {
  it("a card that pays is simulated, not refused, and moves the results", () => {
    const terms = [
      ["sustainment.monthlyPrice", 4127],
      ["sustainment.months", 24],
    ];
    const withCard = simulate(50, 3, null, terms);
    expect(Array.isArray(withCard)).toBe(true);
    expect(withCard).not.toEqual(simulate(50, 3));
  });

  it("a card priced 0 simulates like no card", () => {
    const zero = [
      ["sustainment.monthlyPrice", 0],
      ["sustainment.months", 24],
    ];
    expect(simulate(50, 3, null, zero)).toEqual(simulate(50, 3));
  });
});
