import { describe, expect, it } from "vitest";
import {
  BENCH_SETTINGS,
  benchModel,
  CARD_AND_COSTS_TERMS,
  kernel,
  PILOT_TERMS,
  summaryDifferences,
} from "../../bench/monteCarlo";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { seededGenerator } from "../../src/engine/stress/random";
import { simulateModel } from "../../src/engine/stress/simulate";

/**
 * The Monte Carlo bench's kernel (bench/monteCarlo.ts) must do the engine's work, not less: its summary of the same
 * draws equals simulateModel's in every number (Object.is), for the pilot's terms and for the card and costs of issue
 * 11 (priced sustainment milestones, the monthly sustainment card, volume and contract caps, deal costs). Otherwise the bench's engine ÷ kernel
 * ratio (issue 11 item 8) would compare unequal work.
 */
describe("the Monte Carlo bench's kernel gives the engine's summary exactly", () => {
  it.each([
    ["pilot terms", PILOT_TERMS],
    ["card and costs", CARD_AND_COSTS_TERMS],
  ])("%s: 3,000 draws, every number of the summary", (_, terms) => {
    const model = benchModel(terms);
    const engine = simulateModel(model, BENCH_SETTINGS, 3_000, seededGenerator(20261201));
    const fast = kernel(model, BENCH_SETTINGS, 3_000, seededGenerator(20261201));
    expect(summaryDifferences(engine, fast)).toBe(0);
    // Not a vacuous agreement: the draws pay, lose and vary.
    expect(engine.probabilityOfLoss).toBeGreaterThan(0.1);
    expect(engine.multiple.p95).toBeGreaterThan(engine.multiple.p5);
  });

  it("the card and costs pay the milestones and the investor draws the deal costs (not the pilot's numbers)", () => {
    const pilot = simulateModel(benchModel(PILOT_TERMS), BENCH_SETTINGS, 500, seededGenerator(3));
    const card = simulateModel(benchModel(CARD_AND_COSTS_TERMS), BENCH_SETTINGS, 500, seededGenerator(3));
    expect(summaryDifferences(pilot, card)).toBeGreaterThan(10);
    // The monthly sustainment card is part of the workload on both sides: without it the draws pay less.
    const model = benchModel(CARD_AND_COSTS_TERMS);
    expect(model.sustainmentPrice).toBe(2_000);
    expect(model.sustainmentMonths).toBe(12);
    const withoutCard = { ...CARD_AND_COSTS_TERMS, payment: { ...CARD_AND_COSTS_TERMS.payment, sustainment: null } };
    const noCard = simulateModel(benchModel(withoutCard), BENCH_SETTINGS, 500, seededGenerator(3));
    expect(card.meanPayment).toBeGreaterThan(noCard.meanPayment + 50_000);
    expect(summaryDifferences(noCard, kernel(benchModel(withoutCard), BENCH_SETTINGS, 500, seededGenerator(3)))).toBe(
      0,
    );
  });

  it("the comparison counts a last-bit difference and −0 vs 0; the kernel refuses terms it does not model", () => {
    expect(summaryDifferences({ a: { b: 0.1 + 0.2 } }, { a: { b: 0.3 } })).toBe(1);
    expect(summaryDifferences({ a: 0 }, { a: -0 })).toBe(1);
    const withPersonCap = benchModel({ ...PILOT_TERMS, payment: { ...PILOT_PAYMENT_TERMS, personCap: 100_000 } });
    expect(() => kernel(withPersonCap, BENCH_SETTINGS, 10, seededGenerator(1))).toThrow(/benchmark's structure/);
  });
});
