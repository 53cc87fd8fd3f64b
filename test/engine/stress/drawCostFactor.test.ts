/**
 * A cost factor ≠ 1 in evaluateDraw (a mutation hole: `costs[t] * costFactor` → `costs[t] / costFactor` survived).
 * The draws are summed by hand: the pilot's cost is 56 × 79,236 kr spread over months 0–11 (369,768 kr a month,
 * test/engine/stress/support.ts), so with a cost factor f the investor draws f × 369,768 kr in each of months 0–11,
 * and the pilot's terms pay N × (15/55 × 198,090 + 9/55 × 99,045) = 3,932,987 kr in month 17 (PILOT_PAYMENT).
 * Both the plain path (no cap, no protection: one fused pass) and the waterfall path are checked.
 */
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { investorTerms, type InvestorTermsInput } from "../../../src/engine/investor/terms";
import {
  drawResult,
  drawWorkspace,
  evaluateDraw,
  lastInvestorFlows,
  setAllCohortShares,
  type DrawResult,
} from "../../../src/engine/stress/draw";
import { compileStressModel } from "../../../src/engine/stress/model";
import { MONTHLY_COST, PAYMENT_MONTH, PILOT_PAYMENT, pilotInputs } from "./support";

function drawWith(terms: InvestorTermsInput, costFactor: number): { result: DrawResult; flows: number[] } {
  const model = compileStressModel({ ...pilotInputs, investorTerms: expectOk(investorTerms(terms)) });
  const workspace = drawWorkspace(model);
  setAllCohortShares(workspace, model.effect.participant);
  workspace.comparisonGroupShares.set(model.comparisonGroupShares);
  const result = drawResult();
  evaluateDraw(model, workspace, pilotInputs.scenario.persistence, costFactor, false, result);
  return { result, flows: Array.from(lastInvestorFlows(workspace, result.months)) };
}

/** The investor's net flow by hand: −f × 369,768 in months 0–11, `received` in month 17, 0 otherwise. */
function expectedFlows(months: number, costFactor: number, received: number): number[] {
  return Array.from({ length: months }, (_, t) =>
    t < 12 ? -costFactor * MONTHLY_COST : t === PAYMENT_MONTH ? received : 0,
  );
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, t) => expect(value, `month ${t}`).toBeCloseTo(expected[t] ?? Number.NaN, 4));
}

describe("evaluateDraw with a cost factor: the investor draws f × the cost in every cost month", () => {
  for (const costFactor of [1.2, 0.8]) {
    it(`plain terms, f = ${costFactor}: draws f × 369,768 kr in months 0–11; multiple = 3,932,987 / (12 f × 369,768)`, () => {
      const { result, flows } = drawWith({}, costFactor);
      expectClose(flows, expectedFlows(result.months, costFactor, PILOT_PAYMENT));
      const drawn = 12 * costFactor * MONTHLY_COST;
      expect(result.multiple).toBeCloseTo(PILOT_PAYMENT / drawn, 12);
    });

    it(`waterfall path (maximum loss 90 %, not reached), f = ${costFactor}: the same draws and multiple`, () => {
      const { result, flows } = drawWith({ maxLoss: 0.9 }, costFactor);
      expectClose(flows, expectedFlows(result.months, costFactor, PILOT_PAYMENT));
      expect(result.multiple).toBeCloseTo(PILOT_PAYMENT / (12 * costFactor * MONTHLY_COST), 12);
    });
  }

  it("a money-multiple cap of 1 with f = 0.5: the investor gets back exactly 0.5 × 4,437,216 = 2,218,608 kr", () => {
    const { result, flows } = drawWith({ returnCap: { multiple: 1 } }, 0.5);
    const principal = 0.5 * 12 * MONTHLY_COST;
    expect(principal).toBeCloseTo(2_218_608, 6);
    expectClose(flows, expectedFlows(result.months, 0.5, principal));
    expect(result.multiple).toBeCloseTo(1, 12);
    // The municipality pays only the capped amount in month 17 (the rest is withheld): PV = DF(17) × 2,218,608.
    expect(result.municipalityPaymentsPv).toBeCloseTo(Math.pow(1.035, -(PAYMENT_MONTH + 0.5) / 12) * principal, 3);
  });
});
