import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INVESTOR_TERMS, type InvestorTerms } from "../../../src/engine/investor/terms";
import { validateScenario } from "../../../src/engine/validate";
import { compileStressModel, stressModel, type StressInputs } from "../../../src/engine/stress/model";
import { seededGenerator } from "../../../src/engine/stress/random";
import { simulateModel } from "../../../src/engine/stress/simulate";
import { DEFAULT_UNCERTAINTY, type UncertaintySettings } from "../../../src/engine/stress/uncertainty";
import { paymentTermsArbitrary, pilotInputs, scenarioArbitrary } from "./support";

/**
 * The fused per-month pass of draw.ts (plain investor terms: drawn as needed, no deal costs, no return cap, no
 * principal protection; one cohort without a savings share also fuses its savings) against the general path: the
 * same terms with a return-cap multiple of 10^12 never bind (the waterfall's surplus is payment − payment = 0), but
 * take the general path (waterfallCore, separate passes). Every number of the simulation's summary must be equal
 * (bit for bit), under every source of uncertainty.
 */
const PLAIN: InvestorTerms = { ...DEFAULT_INVESTOR_TERMS, hurdleRate: 0.08 };
const GENERAL: InvestorTerms = { ...PLAIN, returnCap: { irr: null, multiple: 1e12 } };
const SETTINGS: UncertaintySettings = {
  ...DEFAULT_UNCERTAINTY,
  effectSd: 0.3,
  persistenceMean: 0.99,
  persistenceSd: 0.01,
  costSd: 0.15,
  comparisonSize: 80,
};

function expectSamePaths(inputs: Omit<StressInputs, "investorTerms">, runs: number, seed: number): void {
  const plain = simulateModel(
    compileStressModel({ ...inputs, investorTerms: PLAIN }),
    SETTINGS,
    runs,
    seededGenerator(seed),
  );
  const general = simulateModel(
    compileStressModel({ ...inputs, investorTerms: GENERAL }),
    SETTINGS,
    runs,
    seededGenerator(seed),
  );
  expect(plain).toEqual(general);
}

describe("the fused pass equals the general path (identical outputs)", () => {
  it("pilot: 2,000 draws with effect, persistence, cost and comparison-group noise", () => {
    expectSamePaths(pilotInputs, 2_000, 7);
  });

  it("random scenarios (1–3 cohorts) and payment terms (every mechanism, savings shares included), 60 runs", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        paymentTermsArbitrary,
        fc.integer({ min: 1, max: 1_000 }),
        (scenario, terms, seed) => {
          fc.pre(validateScenario(scenario).length === 0);
          fc.pre(stressModel({ scenario, paymentTerms: terms, investorTerms: PLAIN }).ok);
          expectSamePaths({ scenario, paymentTerms: terms }, 50, seed);
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
