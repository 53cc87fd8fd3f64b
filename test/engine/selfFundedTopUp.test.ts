/**
 * The SIB side's loss if the effect is zero includes the principal-protection top-up the commissioner pays (a known
 * gap: before, only the zero-effect outcome payments counted). Independent calculation:
 * - at zero effect the pilot's card pays 56 × (0.12 × 198,090 + 0.10 × 99,045) = 1,885,816.8 kr in month 17
 *   (docs/payment.md, deadweight; measurement month 14 + claim lag 3), all by the municipality;
 * - the investor drew the whole cost 56 × 79,236 = 4,437,216 kr; with a maximum loss of 50 % it must get back
 *   2,218,608 kr, so the commissioner tops up 2,218,608 − 1,885,816.8 = 332,791.2 kr in the last month of the schedule;
 * - discounted mid-month at 3.5 % a year: DF(t) = 1.035^−(t + 0.5)/12.
 */
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor/terms";
import { zeroEffectScenario } from "../../src/engine/payment/deadweight";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { compareFinancing } from "../../src/engine/selfFunded";

const pilot = expectOk(pilotScenario(2023));
const result = computeBusinessCase(pilot);
const schedule = computePaymentSchedule(pilot, result, PILOT_PAYMENT_TERMS);
const df = (t: number): number => Math.pow(1.035, -(t + 0.5) / 12);
const ZERO_PAYMENT = 56 * (0.12 * 198_090 + 0.1 * 99_045);
const PRINCIPAL = 56 * 79_236;

describe("loss if the effect is zero: the commissioner's top-up counts (SIB side)", () => {
  const zero = zeroEffectScenario(pilot);
  const zeroSchedule = computePaymentSchedule(zero, computeBusinessCase(zero), PILOT_PAYMENT_TERMS);
  const last = Math.max(zeroSchedule.months, result.months) - 1;

  it("the zero-effect case pays 1,885,817 kr in month 17 only", () => {
    expect(zeroSchedule.totals.all).toBeCloseTo(ZERO_PAYMENT, 3);
    expect(zeroSchedule.total[17]).toBeCloseTo(ZERO_PAYMENT, 3);
  });

  it("no protection: the loss is the PV of the zero-effect payment (1,793,542 kr)", () => {
    const comparison = compareFinancing(pilot, result, schedule, PILOT_PAYMENT_TERMS);
    expect(comparison.sib.lossIfNoEffect).toBeCloseTo(df(17) * ZERO_PAYMENT, 3);
    expect(Math.round(comparison.sib.lossIfNoEffect)).toBe(1_793_542);
  });

  it("50 % principal protection paid by the commissioner: + DF(last) × 332,791 kr", () => {
    const terms = expectOk(investorTerms({ maxLoss: 0.5 }));
    const comparison = compareFinancing(pilot, result, schedule, PILOT_PAYMENT_TERMS, terms);
    const topUp = 0.5 * PRINCIPAL - ZERO_PAYMENT;
    expect(topUp).toBeCloseTo(332_791.2, 6);
    expect(comparison.sib.lossIfNoEffect).toBeCloseTo(df(17) * ZERO_PAYMENT + df(last) * topUp, 3);
  });

  it("paid by a guarantor: the municipality's loss is the payments only", () => {
    const terms = expectOk(investorTerms({ maxLoss: 0.5, topUpPayer: "guarantor" }));
    const comparison = compareFinancing(pilot, result, schedule, PILOT_PAYMENT_TERMS, terms);
    expect(comparison.sib.lossIfNoEffect).toBeCloseTo(df(17) * ZERO_PAYMENT, 3);
  });

  it("full protection (maximum loss 0): the municipality at zero effect repays the whole principal", () => {
    const terms = expectOk(investorTerms({ maxLoss: 0 }));
    const comparison = compareFinancing(pilot, result, schedule, PILOT_PAYMENT_TERMS, terms);
    const topUp = PRINCIPAL - ZERO_PAYMENT;
    expect(comparison.sib.lossIfNoEffect).toBeCloseTo(df(17) * ZERO_PAYMENT + df(last) * topUp, 3);
    // Then the SIB moves no risk at zero effect: its loss is close to self-funding's (timing aside).
    expect(comparison.sib.lossIfNoEffect).toBeGreaterThan(0.9 * comparison.selfFunded.lossIfNoEffect);
  });
});
