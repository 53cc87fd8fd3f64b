/**
 * The Sensitivity sheet's Monte Carlo table says how many draws have no IRR (a total loss, or no unique rate) next to
 * the IRR row exactly when the simulation has such draws (issue 16's mutation sample: the condition inverted for the
 * draws without a unique IRR passed every test). The counts are the engine's (SIB.SIMULATE with seed 1, 1,000 draws).
 */
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../../src/engine/investor/terms";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { seededGenerator } from "../../src/engine/stress/random";
import { simulate } from "../../src/engine/stress/simulate";
import { DEFAULT_UNCERTAINTY } from "../../src/engine/stress/uncertainty";
import { buildPlan } from "../../src/plan/buildPlan";

const pilot = expectOk(pilotScenario());
const investorTerms = { ...DEFAULT_INVESTOR_TERMS, hurdleRate: 0.08 };

/** The sheet's texts that speak of draws without an IRR, in English. */
function noIrrNotes(terms: PaymentTerms): string[] {
  const plan = buildPlan(pilot, "en", { paymentTerms: terms, investorTerms, computedOn: "2026-12-02" });
  return plan.sheets
    .flatMap((sheet) => sheet.cells.map((cell) => cell.value))
    .filter((value): value is string => typeof value === "string" && value.includes("are left out of the percentiles"));
}

/** The engine's counts of draws without an IRR, as the sheet's table is simulated. */
function drawsWithoutIrr(terms: PaymentTerms): { totalLoss: number; undefinedIrr: number } {
  const summary = expectOk(
    simulate({ scenario: pilot, paymentTerms: terms, investorTerms }, DEFAULT_UNCERTAINTY, 1_000, seededGenerator(1)),
  );
  return { totalLoss: summary.irrTotalLossDraws, undefinedIrr: summary.irrUndefinedDraws };
}

describe("the Monte Carlo table's note on draws without an IRR", () => {
  it("is absent when every draw has an IRR (the pilot's terms)", () => {
    const counts = drawsWithoutIrr(PILOT_PAYMENT_TERMS);
    expect(counts).toEqual({ totalLoss: 0, undefinedIrr: 0 });
    expect(noIrrNotes(PILOT_PAYMENT_TERMS)).toEqual([]);
  });

  it("gives the engine's counts when draws end in a total loss (a threshold of 18 points, above the pilot's 17.5)", () => {
    const terms: PaymentTerms = { ...PILOT_PAYMENT_TERMS, threshold: { pp: 18, scope: "metric", metric: null } };
    const counts = drawsWithoutIrr(terms);
    expect(counts.totalLoss + counts.undefinedIrr).toBeGreaterThan(0);
    expect(noIrrNotes(terms)).toEqual([
      `${counts.totalLoss} draws with a total loss (no IRR) and ${counts.undefinedIrr} without a unique IRR are left out of the percentiles`,
    ]);
  });
});
