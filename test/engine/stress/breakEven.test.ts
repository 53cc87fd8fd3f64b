import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../../src/engine/payment/terms";
import { breakEvenSuccessRate } from "../../../src/engine/stress/breakEven";
import { evaluateDeal, withParticipantShares } from "../../../src/engine/stress/deal";
import { sharesAtMetricShare } from "../../../src/engine/stress/effectScale";
import { N, PH, pilot, pilotInputs, pilotRequiredPayment, SS } from "./support";

/**
 * By hand (linear card, one payment month 17, draws as costs fall due): the investor breaks even when
 * 56 · (p · 198,090 + PH · 99,045) = the payment the hurdle needs in month 17, so
 * p* = (required / 56 − PH · 99,045) / 198,090.
 */
const handRate = (hurdle: number): number => (pilotRequiredPayment(hurdle) / N - PH * 99_045) / 198_090;

describe("break-even success rate", () => {
  it("pilot at 0 %: p* = 0.4 − 4.5/55 = 7/22 = 31.8 % self-supporting (79,236 = 0.4 · 198,090)", () => {
    const result = expectOk(breakEvenSuccessRate(pilotInputs, 0, null));
    expect(handRate(0)).toBeCloseTo(7 / 22, 12);
    expect(result.rate).toBeCloseTo(7 / 22, 10);
    expect(result.metric).toBe("selfSupporting");
    expect(result.measuredRate).toBeCloseTo(SS, 15);
    expect(result.maxRate).toBeCloseTo(42 / 55, 15);
    expect(result.reachedAtZero).toBe(false);
    expect(result.npvAtRate).toBeGreaterThanOrEqual(0);
    expect(result.npvAtRate).toBeLessThan(1e-3);
  });

  it("pilot at an 8 % hurdle: p* from the discounted costs by hand (34.9 %)", () => {
    const result = expectOk(breakEvenSuccessRate(pilotInputs, 0.08, null));
    expect(result.rate).toBeCloseTo(handRate(0.08), 10);
    expect(result.rate).toBeCloseTo(0.3489, 4);
  });

  it("paid hours: p* with self-supporting at 15/55 (the balance comes from TEMP)", () => {
    const result = expectOk(breakEvenSuccessRate(pilotInputs, 0.08, "paidHours"));
    const hand = (pilotRequiredPayment(0.08) / N - SS * 198_090) / 99_045;
    expect(result.rate).toBeCloseTo(hand, 10);
    expect(result.metric).toBe("paidHours");
  });

  it("the NPV just below p* is negative (the rate is the boundary, not any point above it)", () => {
    const result = expectOk(breakEvenSuccessRate(pilotInputs, 0.05, null));
    const below = withParticipantShares(
      pilot,
      sharesAtMetricShare(pilot.participantShares, ["JOB", "JOB_UNK"], result.rate - 1e-6),
    );
    expect(evaluateDeal({ ...pilotInputs, scenario: below }, 0.05).investorNpv).toBeLessThan(0);
  });

  it("a threshold makes the NPV jump: p* is the share at which the threshold is met (0.12 + 0.15 = 27 %)", () => {
    const inputs = {
      ...pilotInputs,
      paymentTerms: {
        ...PILOT_PAYMENT_TERMS,
        rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: line.price * 3 })),
        threshold: { pp: 15, scope: "contract" as const, metric: "selfSupporting" },
      },
    };
    expect(expectOk(breakEvenSuccessRate(inputs, 0, null)).rate).toBeCloseTo(0.27, 9);
  });

  it("p* = 0 when even no success reaches the hurdle (a base fee covering the cost)", () => {
    const inputs = { ...pilotInputs, paymentTerms: { ...PILOT_PAYMENT_TERMS, baseFee: 80_000 } };
    const result = expectOk(breakEvenSuccessRate(inputs, 0, null));
    expect(result).toMatchObject({ rate: 0, reachedAtZero: true });
  });

  it("Impossible (with the reason) when no share reaches the hurdle, e.g. a contract cap below the cost", () => {
    const inputs = { ...pilotInputs, paymentTerms: { ...PILOT_PAYMENT_TERMS, contractCap: 1_000_000 } };
    const result = breakEvenSuccessRate(inputs, 0.08, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.code).toBe("Impossible");
    expect(result.issues[0]?.message).toContain("76.36 % of participants selfSupporting");
  });

  it("bad hurdle and metric are reported together", () => {
    const result = breakEvenSuccessRate(pilotInputs, -2, "sustained6");
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(["hurdleRate", "metric"]);
  });
});
