/**
 * The savings surplus paid out or reinvested on the Investor sheet (issue 15 item 4): live formulas equal the engine
 * (src/engine/investor/surplus.ts contractSurplusFlows, moneyFlows.ts municipalityNetPayments) in HyperFormula, for
 * each rule, on examples/pilot-surplus.json (the pilot's prices × 1.5 with a money-multiple cap of 1.1 that binds:
 * half of the investor's surplus above the cap is reinvested). expectPaymentSheetMatches compares every named output
 * (the surplus totals, SIB_MunicipalityNetPV, the self-funded comparison's SIB side) with the engine's to 1e-9.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import type { SavingsSurplusTerms } from "../../src/engine/investor/surplus";
import type { InvestorTermsInput } from "../../src/engine/investor/terms";
import { parseModelFile } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { expectPaymentSheetMatches } from "./paymentMatch";

const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-surplus.json", "utf8")) as unknown));
const K = 79_236; // the pilot's cost per participant (docs/investor.md)

function investorWith(savingsSurplus: SavingsSurplusTerms): InvestorTermsInput {
  return { ...model.investorTerms, savingsSurplus };
}

describe("Investor sheet: the savings surplus paid out or reinvested equals the engine (HyperFormula)", () => {
  it("the example: the cap binds, half the investor's surplus and half the savings surplus reinvested (da)", () => {
    const workbook = expectPaymentSheetMatches(model.scenario, model.paymentTerms, "da", model.investorTerms);
    // The cap binds: the investor's reinvested surplus is > 0.
    expect(workbook.valueOf("SIB_InvReinvestedFromInvestor") as number).toBeGreaterThan(100_000);
    // Every cohort the fund pays is 10 × K; reinvested = cohorts' cost + what is left (the fund identity).
    const cohorts = workbook.valueOf("SIB_InvRecycledCohorts") as number;
    expect(cohorts).toBeGreaterThan(0);
    expect(workbook.valueOf("SIB_InvRecycledCost") as number).toBeCloseTo(cohorts * 10 * K, 4);
    expect(workbook.valueOf("SIB_InvRecycledParticipants")).toBe(10 * cohorts);
    const reinvested =
      (workbook.valueOf("SIB_InvReinvestedFromSavings") as number) +
      (workbook.valueOf("SIB_InvReinvestedFromInvestor") as number);
    expect(reinvested).toBeCloseTo(
      (workbook.valueOf("SIB_InvRecycledCost") as number) + (workbook.valueOf("SIB_InvFundUnspent") as number),
      4,
    );
    // Half of the savings surplus is reinvested, the municipality keeps the other half.
    const surplus = workbook.valueOf("SIB_InvSavingsSurplus") as number;
    expect(workbook.valueOf("SIB_InvReinvestedFromSavings") as number).toBeCloseTo(surplus / 2, 4);
    expect(workbook.valueOf("SIB_InvSavingsSurplusKept") as number).toBeCloseTo(surplus / 2, 4);
  });

  it("provider 30 % with a 20 % maximum loss (en): the provider's share, and the top-up at zero effect in the loss", () => {
    const workbook = expectPaymentSheetMatches(model.scenario, model.paymentTerms, "en", {
      ...investorWith({ rule: "provider", share: 0.3, cohortSize: null }),
      maxLoss: 0.2,
    });
    const surplus = workbook.valueOf("SIB_InvSavingsSurplus") as number;
    expect(surplus).toBeGreaterThan(0);
    expect(workbook.valueOf("SIB_InvSavingsSurplusProvider") as number).toBeCloseTo(0.3 * surplus, 4);
    expect(workbook.valueOf("SIB_InvReinvestedFromSavings")).toBe(0);
    // At zero effect the card pays 56 × (0.12 × 297,135 + 0.10 × 148,568) = 2,828,728 kr (docs/payment.md's
    // deadweight at 1.5 × the prices); the investor must get back 0.8 × 56 × 79,236 = 3,549,772.8 kr, so the
    // municipality tops up 721,044.8 kr in the last month (SIB_PayMonthsInUse − 1), mid-month at 3.5 % a year.
    const last = (workbook.valueOf("SIB_PayMonthsInUse") as number) - 1;
    const topUp = 0.8 * 56 * K - 56 * (0.12 * 297_135 + 0.1 * 148_568);
    expect(topUp).toBeCloseTo(721_044.8, 6);
    expect(workbook.valueOf("SIB_InvTopUpAtZeroPV") as number).toBeCloseTo(
      topUp * Math.pow(1.035, -(last + 0.5) / 12),
      3,
    );
  });

  it("costs paid up front, reinvested 100 % in cohorts of 5 (en)", () => {
    const scenario = { ...model.scenario, costTiming: "upfront" as const };
    const result = computeBusinessCase(scenario);
    expect(computePaymentSchedule(scenario, result, model.paymentTerms).totals.all).toBeGreaterThan(0);
    const workbook = expectPaymentSheetMatches(
      scenario,
      model.paymentTerms,
      "en",
      investorWith({ rule: "reinvested", share: 1, cohortSize: 5 }),
    );
    expect(workbook.valueOf("SIB_InvRecycledCohorts") as number).toBeGreaterThan(1);
  });
});
