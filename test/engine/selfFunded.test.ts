import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { compareFinancing, worstCumulative } from "../../src/engine/selfFunded";

const pilot = expectOk(pilotScenario(2023));
const result = computeBusinessCase(pilot);
const schedule = computePaymentSchedule(pilot, result, PILOT_PAYMENT_TERMS);
const comparison = compareFinancing(pilot, result, schedule, PILOT_PAYMENT_TERMS);

describe("SIB vs doing it ourselves (issue 10 item 4)", () => {
  it("worst cumulative position: hand examples", () => {
    expect(worstCumulative([-5, -3, 10])).toEqual({ value: -8, month: 1 });
    expect(worstCumulative([5, -3, -1])).toEqual({ value: 0, month: null });
    expect(worstCumulative([])).toEqual({ value: 0, month: null });
  });

  it("self-funded with no effect loses the present value of the cost (independent calculation)", () => {
    // 56 participants × 79,236 kr spread over 12 months, discounted mid-month at 3.5 % a year.
    const monthlyRate = Math.pow(1.035, 1 / 12) - 1;
    let pv = 0;
    for (let t = 0; t < 12; t++) pv += ((56 * 79236) / 12) * Math.pow(1 + monthlyRate, -(t + 0.5));
    expect(comparison.selfFunded.lossIfNoEffect).toBeCloseTo(pv, 4);
    // The worst cash position of self-funding is at most the whole cost (the savings start during the effort).
    expect(comparison.selfFunded.worstCumulative).toBeGreaterThanOrEqual(-56 * 79236 - 1e-6);
    expect(comparison.selfFunded.worstCumulative).toBeLessThan(0);
  });

  it("the pilot's figures the economist review quotes: NPV 1,568,320 self-funded vs 2,189,538 SIB, SIB dip in month 17", () => {
    // ../shared/reviews/economist.md, section 4 gap 2 (whole kr).
    expect(Math.round(comparison.selfFunded.npv)).toBe(1_568_320);
    expect(Math.round(comparison.sib.npv)).toBe(2_189_538);
    expect(comparison.sib.worstMonth).toBe(17);
  });

  it("the SIB view is the municipality's savings minus its payments; the cost is not its own", () => {
    expect(comparison.sib.npv).toBeCloseTo(schedule.municipality.discounted.net, 6);
    expect(comparison.selfFunded.npv).toBeCloseTo(result.npv.total.municipality, 6);
    // Under the SIB the municipality's loss at zero effect is what the terms still pay it to pay (the deadweight),
    // less than the whole cost it would lose funding the effort itself.
    expect(comparison.sib.lossIfNoEffect).toBeGreaterThan(0);
    expect(comparison.sib.lossIfNoEffect).toBeLessThan(comparison.selfFunded.lossIfNoEffect);
  });
});
