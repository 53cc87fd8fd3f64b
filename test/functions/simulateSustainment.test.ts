/**
 * Issue 11 item 3 / hpay item 4: SIB.SIMULATE with a sustainment card is refused with a message that names the term,
 * says why (the kernel has no payment per month in work) and what to do, instead of simulating payments
 * that leave the card out. A card priced 0 pays nothing and simulates as before.
 */
import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const stress = await import("../../src/functions/stress");
const simulate = asCalledByExcel(stress.simulate);

describe("SIB.SIMULATE and the sustainment card", () => {
  it("a card that pays is refused with the term, the reason and the way out", () => {
    const terms = [
      ["sustainment.monthlyPrice", 4127],
      ["sustainment.months", 24],
    ];
    const error = excelErrorOf(() => simulate(10, 1, null, terms));
    expect(error.message).toContain("sustainment.monthlyPrice");
    expect(error.message).toContain("its kernel has no payment per month in work");
    expect(error.message).toContain("price.sustained12");
  });

  it("a card priced 0 simulates like no card", () => {
    const zero = [
      ["sustainment.monthlyPrice", 0],
      ["sustainment.months", 24],
    ];
    expect(simulate(50, 3, null, zero)).toEqual(simulate(50, 3));
  });
});
