import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectPaymentSheetMatches } from "./paymentMatch";

const pilot = expectOk(pilotScenario());

/** The review's cap-binds case (economist.md 3.2 item 3): JOB share 40 %, 8 % IRR cap. */
function capBinds(): { scenario: typeof pilot; terms: PaymentTerms } {
  const shares = { ...pilot.participantShares };
  const moved = 0.4 - shares.JOB;
  return {
    scenario: { ...pilot, participantShares: { ...shares, JOB: 0.4, TEMP: shares.TEMP - moved } },
    terms: PILOT_PAYMENT_TERMS,
  };
}

describe("the Investor sheet's money identity and deal costs (live formulas) equal the engine", () => {
  it("deal costs of every kind, drawn as needed (da): principal = intervention cost + deal costs, by hand", () => {
    const dealCosts = {
      setup: 250_000,
      evaluation: 150_000,
      intermediaryOneOff: 50_000,
      intermediaryYearly: 40_000,
      intermediaryYears: 2,
    };
    const workbook = expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "da", { dealCosts, hurdleRate: 0.05 });
    // 250,000 + 150,000 + 50,000 + 2 years × 40,000 (months 0 and 12) = 530,000 kr.
    expect(workbook.valueOf("SIB_InvDealCostsTotal")).toBeCloseTo(530_000, 6);
    const cost = computeBusinessCase(pilot).monthly.cost.reduce((total, value) => total + value, 0);
    expect(workbook.valueOf("SIB_InvDrawn") as number).toBeCloseTo(cost + 530_000, 4);
  });

  it("deal costs in the socio-economic account (issue 11 item 5): PV of every deal cost, by hand, live formulas", () => {
    const dealCosts = { setup: 200_000, evaluation: 120_000, providerNonDelivery: 300_000 };
    const workbook = expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "en", { dealCosts });
    // Set-up in month 0; evaluation and the provider's cost of non-delivery in the last month with an intervention
    // cost (docs/investor.md, "Deal costs"); mid-month discounting at 3.5 % a year: DF(t) = 1.035^−(t + 0.5)/12.
    const result = computeBusinessCase(pilot);
    const last = result.monthly.cost.reduce((found, cost, t) => (cost > 0 ? t : found), 0);
    const df = (t: number): number => Math.pow(1.035, -(t + 0.5) / 12);
    const pv = 200_000 * df(0) + (120_000 + 300_000) * df(last);
    expect(workbook.valueOf("SIB_InvDealCostsPV") as number).toBeCloseTo(pv, 4);
    expect(workbook.valueOf("SIB_SocioEconomicAfterDealCosts") as number).toBeCloseTo(
      result.npv.total.socioEconomic - pv,
      4,
    );
    // The provider's cost is not drawn from the investor: the investor finances set-up and evaluation only.
    expect(workbook.valueOf("SIB_InvDealCostsTotal")).toBeCloseTo(320_000, 6);
  });

  it("a yearly fee for every year, drawn up front (en)", () => {
    expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "en", {
      draw: "upfront",
      dealCosts: { intermediaryYearly: 25_000, evaluation: 10_000 },
    });
  });

  it("the review's cap-binds case: 1,575,265 kr to the commissioner, withheld and returned alike", () => {
    const { scenario, terms } = capBinds();
    for (const cappedSurplus of ["withheld", "returned"] as const) {
      const workbook = expectPaymentSheetMatches(scenario, terms, "en", {
        returnCap: { irr: 0.08, multiple: null },
        cappedSurplus,
      });
      expect(Math.abs((workbook.valueOf("SIB_InvToCommissioner") as number) - 1_575_265)).toBeLessThanOrEqual(1);
      // One definition (issue 11): the Payment sheet's municipal net already counts only what the municipality pays.
      expect(workbook.valueOf("SIB_MunicipalityNetPVAfterContract")).toBe(workbook.valueOf("SIB_MunicipalityNetPV"));
    }
  });

  it("a money-multiple cap of 1: the municipality pays only the investor's principal (by hand), in every figure", () => {
    const { scenario, terms } = capBinds();
    const workbook = expectPaymentSheetMatches(scenario, terms, "da", { returnCap: { multiple: 1 } });
    // The investor gets back exactly the cost, 56 × 79,236 = 4,437,216 kr, in month 17 (14 + lag 3); the rest is
    // withheld. Municipal net PV = PV(savings before the cost) − 1.035^−(17.5/12) × 4,437,216 (mid-month).
    const result = computeBusinessCase(scenario);
    const savingsPv = result.monthly.netFlow.municipality.reduce(
      (total, flow, t) => total + (flow + (result.monthly.cost[t] ?? 0)) * (result.monthly.discountFactor[t] ?? 0),
      0,
    );
    const expected = savingsPv - Math.pow(1.035, -17.5 / 12) * 4_437_216;
    for (const name of ["SIB_MunicipalityNetPV", "SIB_MunicipalityNetPVAfterContract", "SIB_SibNPV"]) {
      expect(workbook.valueOf(name) as number, name).toBeCloseTo(expected, 3);
    }
    expect(workbook.valueOf("SIB_NeverPaysMoreThanSaves")).toBe(1);
  });

  it("a top-up paid by the commissioner and a payer split enter the municipality's net after the contract", () => {
    const terms: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      municipalityShare: 0.7,
      rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: line.price / 4 })),
    };
    const workbook = expectPaymentSheetMatches(pilot, terms, "da", { maxLoss: 0.3, topUpPayer: "commissioner" });
    expect(workbook.valueOf("SIB_InvTopUp") as number).toBeGreaterThan(0);
    expectPaymentSheetMatches(pilot, terms, "en", { maxLoss: 0.3, topUpPayer: "guarantor" });
  });
});
