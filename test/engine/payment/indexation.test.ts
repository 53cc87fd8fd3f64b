import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { applyPaymentTermInputs } from "../../../src/engine/payment/termInputs";
import { computePaymentSchedule, contractPriceIndex } from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, validatePaymentTerms } from "../../../src/engine/payment/terms";
import { pilotScenario } from "../../../src/engine/pilot";

const pilot = expectOk(pilotScenario(2023));
const businessCase = computeBusinessCase(pilot);

describe("yearly price indexation of the payment terms (issue 9, item 4)", () => {
  it("the contract price index steps once a contract year: (1 + π)^⌊t/12⌋", () => {
    expect(contractPriceIndex(0.02, 0)).toBe(1);
    expect(contractPriceIndex(0.02, 11)).toBe(1);
    expect(contractPriceIndex(0.02, 12)).toBe(1.02);
    expect(contractPriceIndex(0.02, 25)).toBeCloseTo(1.02 * 1.02, 15);
  });

  it("default 0: the nominal payments equal the fixed-price ones", () => {
    const schedule = computePaymentSchedule(pilot, businessCase, PILOT_PAYMENT_TERMS);
    expect(schedule.nominal.priceIndexation).toBe(0);
    expect(schedule.nominal.total).toEqual(schedule.total);
    expect(schedule.nominal.totals.all).toBe(schedule.totals.all);
  });

  it("2 % a year: the pilot's payment in month 17 (contract year 1) is paid at 1.02 × its fixed-price amount", () => {
    const terms = expectOk(applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [["priceIndexation", 0.02]]));
    const fixed = computePaymentSchedule(pilot, businessCase, PILOT_PAYMENT_TERMS);
    const indexed = computePaymentSchedule(pilot, businessCase, terms);
    // Measured in month 14, claim lag 3 → paid in month 17 (DOMAIN.md b7): ⌊17/12⌋ = 1 year of indexation.
    expect(indexed.nominal.total[17]).toBeCloseTo(1.02 * (fixed.total[17] ?? 0), 6);
    // Everything compared with savings stays in fixed prices.
    expect(indexed.total).toEqual(fixed.total);
    expect(indexed.municipality).toEqual(fixed.municipality);
  });

  it("refuses a negative or too large indexation with a message naming the term", () => {
    const bad = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [["prisindeksering", 2]]);
    expect(bad.ok ? [] : bad.issues.map((item) => item.message)).toEqual([
      "prisindeksering must be a yearly indexation of prices from 0 to 0.2 (e.g. 0.02 for 2 % a year), got 2.",
    ]);
    expect(validatePaymentTerms({ ...PILOT_PAYMENT_TERMS, priceIndexation: -0.01 }).map((item) => item.field)).toEqual([
      "priceIndexation",
    ]);
  });
});
