import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { DEFAULT_HURDLE_RATE } from "../../../src/engine/investor/summary";
import { investorTerms } from "../../../src/engine/investor/terms";
import { investorFlows } from "../../../src/engine/investor/waterfall";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../../src/engine/payment/terms";
import { pilotScenario } from "../../../src/engine/pilot";

const pilot = expectOk(pilotScenario(2023));
const pilotCase = computeBusinessCase(pilot);
const costs = Array.from(pilotCase.monthly.cost);
const payments = Array.from(computePaymentSchedule(pilot, pilotCase, PILOT_PAYMENT_TERMS).total);
/** Independent: 4,437,216 kr drawn (56 × 79,236) and 3,932,987 kr paid at month 17 (56 × (15/55 × 198,090 + 9/55 × 99,045)). */
const DRAWN = 56 * 79_236;
const PAID = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045);

describe("IRR never alone (issue 11 item 6)", () => {
  it("the review's case: up front −8.2 % vs as needed −11.9 % a year at the same multiple 0.886, both with the note", () => {
    const upfront = expectOk(investorFlows(costs, payments, { draw: "upfront" })).summary;
    const asNeeded = expectOk(investorFlows(costs, payments)).summary;
    // Review economist.md 3.1/3.2 item 5 and D5: "upfront −8.2 % vs spread −11.9 % at the same multiple 0.886".
    expect(upfront.moneyMultiple).toBeCloseTo(PAID / DRAWN, 12);
    expect(asNeeded.moneyMultiple).toBeCloseTo(PAID / DRAWN, 12);
    expect(Number(upfront.moneyMultiple.toFixed(3))).toBe(0.886);
    // Up front: one draw at month 0 and one payment at month 17, so (PAID / DRAWN)^(12/17) − 1.
    expect(upfront.irrEffectiveAnnual).toBeCloseTo((PAID / DRAWN) ** (12 / 17) - 1, 10);
    expect(Number((100 * (upfront.irrEffectiveAnnual ?? Number.NaN)).toFixed(1))).toBe(-8.2);
    expect(Number((100 * (asNeeded.irrEffectiveAnnual ?? Number.NaN)).toFixed(1))).toBe(-11.9);
    // Timing makes the same loss look better, so both carry the note; the NPV at the hurdle does not flatter.
    expect(upfront.timingNote?.en).toMatch(/money multiple is 0\.886 \(a loss of 11\.4 % of the capital\)/);
    expect(upfront.timingNote?.da).toMatch(/Pengemultiplen er 0,886 \(et tab på 11,4 % af kapitalen\)/);
    expect(asNeeded.timingNote).not.toBeNull();
    expect(upfront.npvAtHurdle).toBeCloseTo(-DRAWN + PAID * 1.05 ** (-17 / 12), 6);
    expect(upfront.npvAtHurdle).toBeLessThan(asNeeded.npvAtHurdle);
  });

  it("a default hurdle of 5 % when the terms give none, labelled as the default; the terms' own otherwise", () => {
    expect(DEFAULT_HURDLE_RATE).toBe(0.05);
    const fallback = expectOk(investorFlows(costs, payments)).summary;
    expect(fallback.hurdleRate).toBe(0.05);
    expect(fallback.hurdleIsDefault).toBe(true);
    const own = expectOk(investorFlows(costs, payments, { hurdleRate: 0.08 })).summary;
    expect(own.hurdleIsDefault).toBe(false);
    // NPV at 8 %: −Σ_{t=0}^{11} 369,768 × 1.08^(−t/12) + PAID × 1.08^(−17/12).
    let npv = PAID * 1.08 ** (-17 / 12);
    for (let t = 0; t < 12; t++) npv -= 369_768 * 1.08 ** (-t / 12);
    expect(own.npvAtHurdle).toBeCloseTo(npv, 5);
  });

  it("no note when the investor gains (multiple ≥ 1)", () => {
    const summary = expectOk(investorFlows([100], [0, 0, 121])).summary;
    expect(summary.moneyMultiple).toBeCloseTo(1.21, 12);
    expect(summary.timingNote).toBeNull();
  });

  it("without an IRR: the multiple, the NPV and the reason (no sign change; several roots)", () => {
    const none = expectOk(investorFlows([100, 0], [0, 0])).summary;
    expect(none.irrEffectiveAnnual).toBeNull();
    expect(none.irrMissing?.code).toBe("NoSignChange");
    expect(none.irrMissing?.en).toMatch(/No IRR: the flows do not change sign/);
    expect(none.irrMissing?.da).toMatch(/Ingen intern rente/);
    expect(none.moneyMultiple).toBe(0);
    expect(none.npvAtHurdle).toBe(-100);
    expect(none.timingNote).toBeNull();
    // Draws 100 in month 0 and 132 in month 2, receives 230 in month 1: net −100, 230, −132 (two IRRs: 10 %, 20 %).
    const two = expectOk(investorFlows([100, 0, 132], [0, 230, 0])).summary;
    expect(two.irrMissing?.code).toBe("MultipleRoots");
    expect(two.irrMissing?.en).toMatch(/several rates/);
    expect(two.moneyMultiple).toBeCloseTo(230 / 232, 12);
  });

  it("refuses a hurdle of −100 % or less, naming the term", () => {
    const bad = investorTerms({ hurdleRate: -1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]?.field).toBe("terms.hurdleRate");
  });
});
