import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule, type PaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { zeroScheduleAtContractLength } from "../../src/engine/selfFunded";

const pilot = expectOk(pilotScenario());
const contract = computePaymentSchedule(pilot, computeBusinessCase(pilot), PILOT_PAYMENT_TERMS);

/** The contract's schedule cut after `months` months, as a zero-effect schedule that stops paying earlier would be. */
function cut(months: number): PaymentSchedule {
  return {
    ...contract,
    months,
    discountFactor: contract.discountFactor.slice(0, months),
    total: contract.total.slice(0, months),
    byPayer: {
      municipality: contract.byPayer.municipality.slice(0, months),
      state: contract.byPayer.state.slice(0, months),
    },
  };
}

describe("zeroScheduleAtContractLength: the top-up at zero effect is settled at the contract's end", () => {
  it("a zero-effect schedule as long as the contract is returned as it is", () => {
    expect(zeroScheduleAtContractLength(contract, contract)).toBe(contract);
  });

  it("a shorter one is padded with zeros to the contract's months; its payments and discount factors stay", () => {
    const short = cut(10);
    const padded = zeroScheduleAtContractLength(short, contract);
    expect(padded.months).toBe(contract.months);
    expect(padded.byPayer.municipality).toHaveLength(contract.months);
    expect(padded.byPayer.state).toHaveLength(contract.months);
    expect(padded.total).toHaveLength(contract.months);
    for (let t = 0; t < contract.months; t++) {
      const expected = t < 10 ? (contract.byPayer.municipality[t] ?? Number.NaN) : 0;
      expect(padded.byPayer.municipality[t]).toBe(expected);
      expect(padded.discountFactor[t]).toBe(contract.discountFactor[t]);
    }
    // The pilot pays once, in month 17: cut after 10 months, nothing is paid, and padding adds nothing.
    expect(padded.total.reduce((sum, amount) => sum + amount, 0)).toBe(0);
    expect(contract.months).toBeGreaterThan(17);
  });
});
