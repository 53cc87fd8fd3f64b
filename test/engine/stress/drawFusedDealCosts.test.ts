import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS, investorTerms, type InvestorTerms } from "../../../src/engine/investor/terms";
import { validateScenario } from "../../../src/engine/validate";
import {
  drawResult,
  drawWorkspace,
  evaluateDraw,
  lastInvestorFlows,
  profileInto,
  setAllCohortShares,
} from "../../../src/engine/stress/draw";
import { compileStressModel, stressModel, type StressInputs } from "../../../src/engine/stress/model";
import { seededGenerator } from "../../../src/engine/stress/random";
import { simulateModel } from "../../../src/engine/stress/simulate";
import { DEFAULT_UNCERTAINTY, type UncertaintySettings } from "../../../src/engine/stress/uncertainty";
import { paymentTermsArbitrary, pilotInputs, scenarioArbitrary } from "./support";

/**
 * Deal costs on the fused per-month pass of draw.ts (issue 11 item 8: the Monte Carlo with the deal's costs at the
 * speed of the plain terms). Terms drawn as needed without a return cap or protection but with set-up, evaluation and
 * intermediary costs take the fused pass; the same terms with a return-cap multiple of 10^12 (never binding: the
 * waterfall's surplus is payment − payment = 0) take the general path (waterfallCore). Every number of the
 * simulation's summary must be equal (bit for bit), under every source of uncertainty.
 */
const SETTINGS: UncertaintySettings = {
  ...DEFAULT_UNCERTAINTY,
  effectSd: 0.3,
  persistenceMean: 0.99,
  persistenceSd: 0.01,
  costSd: 0.15,
  comparisonSize: 80,
};

/** The plain terms with deal costs, and the same terms on the general path. */
function bothTerms(deal: Partial<InvestorTerms["dealCosts"]>): { plain: InvestorTerms; general: InvestorTerms } {
  const plain = expectOk(investorTerms({ ...DEFAULT_INVESTOR_TERMS, hurdleRate: 0.08, dealCosts: deal }));
  return { plain, general: { ...plain, returnCap: { irr: null, multiple: 1e12 } } };
}

function expectSamePaths(
  inputs: Omit<StressInputs, "investorTerms">,
  deal: Partial<InvestorTerms["dealCosts"]>,
  runs: number,
  seed: number,
): void {
  const { plain, general } = bothTerms(deal);
  const summary = (terms: InvestorTerms) =>
    simulateModel(compileStressModel({ ...inputs, investorTerms: terms }), SETTINGS, runs, seededGenerator(seed));
  expect(summary(plain)).toEqual(summary(general));
}

const PILOT_DEAL = {
  setup: 250_000,
  evaluation: 150_000,
  intermediaryOneOff: 50_000,
  intermediaryYearly: 40_000,
  intermediaryYears: 3,
  providerNonDelivery: 80_000,
};

const dealArbitrary = fc.record({
  setup: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2_000_000, noNaN: true })),
  evaluation: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1_000_000, noNaN: true })),
  intermediaryOneOff: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500_000, noNaN: true })),
  intermediaryYearly: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200_000, noNaN: true })),
  intermediaryYears: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  providerNonDelivery: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500_000, noNaN: true })),
});

describe("deal costs on the fused pass equal the general path (identical outputs)", () => {
  it("pilot with set-up, evaluation and intermediary costs: 1,000 draws with every source of noise", () => {
    expectSamePaths(pilotInputs, PILOT_DEAL, 1_000, 11);
  });

  it("random scenarios (1–3 cohorts), payment terms and deal costs, 50 runs", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        paymentTermsArbitrary,
        dealArbitrary,
        fc.integer({ min: 1, max: 1_000 }),
        (scenario, terms, deal, seed) => {
          fc.pre(validateScenario(scenario).length === 0);
          fc.pre(stressModel({ scenario, paymentTerms: terms, investorTerms: bothTerms(deal).plain }).ok);
          expectSamePaths({ scenario, paymentTerms: terms }, deal, 30, seed);
        },
      ),
      { numRuns: 50, seed: 20261201 },
    );
  });

  it("a cost factor that rounds every cost to 0 moves the evaluation to month 0 on both paths (one draw, Object.is)", () => {
    const { plain, general } = bothTerms(PILOT_DEAL);
    for (const costFactor of [0, 1e-320, 0.5, 1, 1.7]) {
      const evaluate = (terms: InvestorTerms) => {
        const model = compileStressModel({ ...pilotInputs, investorTerms: terms });
        const workspace = drawWorkspace(model);
        setAllCohortShares(workspace, model.effect.participant);
        workspace.comparisonGroupShares.set(model.comparisonGroupShares);
        // As simulateModel: the general path reads the workspace's profile, the fused pass computes its own.
        if (!workspace.fusedSavings) profileInto(model, workspace, 0.98);
        const result = drawResult();
        evaluateDraw(model, workspace, 0.98, costFactor, false, result);
        return { result: { ...result }, flows: Array.from(lastInvestorFlows(workspace, result.months)) };
      };
      const fused = evaluate(plain);
      const waterfall = evaluate(general);
      for (const [key, value] of Object.entries(waterfall.result)) {
        expect(Object.is(fused.result[key as keyof typeof fused.result], value), `${costFactor}: ${key}`).toBe(true);
      }
      waterfall.flows.forEach((flow, t) =>
        expect(Object.is(fused.flows[t], flow), `${costFactor}: month ${t}`).toBe(true),
      );
    }
    // By hand: with f = 0 the investor draws only the deal costs, 250,000 + 50,000 + 40,000 + 150,000 kr in month 0.
    const model = compileStressModel({ ...pilotInputs, investorTerms: plain });
    const workspace = drawWorkspace(model);
    setAllCohortShares(workspace, model.effect.participant);
    workspace.comparisonGroupShares.set(model.comparisonGroupShares);
    const result = drawResult();
    evaluateDraw(model, workspace, 1, 0, false, result);
    const flows = lastInvestorFlows(workspace, result.months);
    expect(flows[0]).toBe(-490_000);
    expect(flows[12]).toBe(-40_000);
    expect(flows[24]).toBe(-40_000);
    expect(flows[36]).toBe(0);
  });
});
