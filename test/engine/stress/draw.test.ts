import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { effectProfile } from "../../../src/engine/effectProfile";
import { expectOk } from "../../../src/engine/errors";
import { irrCore } from "../../../src/engine/investor/irr";
import { municipalityAfterContract } from "../../../src/engine/investor/moneyFlows";
import { investorFlows } from "../../../src/engine/investor/waterfall";
import { metricShareCore, parseMetric } from "../../../src/engine/payment/metrics";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { validateScenario } from "../../../src/engine/validate";
import {
  drawResult,
  drawWorkspace,
  evaluateDraw,
  lastInvestorFlows,
  profileInto,
  setAllCohortShares,
} from "../../../src/engine/stress/draw";
import { irrSolver } from "../../../src/engine/stress/irrSolver";
import { compileStressModel, stressModel, type StressInputs } from "../../../src/engine/stress/model";
import { investorTermsArbitrary, paymentTermsArbitrary, pilotInputs, scenarioArbitrary } from "./support";

/**
 * The draw's fast path against the full engine: with the scenario's own shares in every cohort it must equal
 * computeBusinessCase + computePaymentSchedule + investorFlows exactly (bit for bit), month by month.
 */
function compare(inputs: StressInputs): void {
  const { scenario, paymentTerms, investorTerms } = inputs;
  const businessCase = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, businessCase, paymentTerms);
  const flows = expectOk(investorFlows(businessCase.monthly.cost, schedule.total, investorTerms));

  const model = compileStressModel(inputs);
  const workspace = drawWorkspace(model);
  setAllCohortShares(workspace, model.effect.participant);
  workspace.comparisonGroupShares.set(model.comparisonGroupShares);
  profileInto(model, workspace, scenario.persistence);
  const result = drawResult();
  evaluateDraw(model, workspace, scenario.persistence, 1, false, result);

  expect(result.months).toBe(schedule.months);
  expect(Array.from(workspace.total.subarray(0, result.months))).toEqual(schedule.total);
  expect(result.paymentTotal).toBeCloseTo(schedule.totals.all, 6);
  expect(result.municipalitySavingsPv).toBe(schedule.municipality.discounted.savings);
  // What the municipality actually pays (issue 11: net of a surplus withheld under a cap, plus a top-up it pays).
  const after = municipalityAfterContract(businessCase, schedule, investorTerms);
  if (after.discounted.payments === schedule.municipality.discounted.payments) {
    expect(result.municipalityPaymentsPv).toBe(schedule.municipality.discounted.payments);
    expect(result.municipalityNet).toBe(schedule.municipality.discounted.net);
  } else {
    const scale = Math.max(1, Math.abs(after.discounted.savings));
    expect(Math.abs(result.municipalityPaymentsPv - after.discounted.payments) / scale).toBeLessThan(1e-12);
    expect(Math.abs(result.municipalityNet - after.discounted.net) / scale).toBeLessThan(1e-12);
  }
  expect(Array.from(lastInvestorFlows(workspace, result.months))).toEqual(flows.netFlow);
  expect(result.multiple).toBe(flows.metrics.moneyMultiple);
  const irr = flows.metrics.irr;
  if (irr.ok) expect(result.irr).toBe(irr.value.effectiveAnnualRate);
  else expect(Number.isNaN(result.irrMonthly)).toBe(true);
  if (flows.metrics.npvAtHurdle === null) expect(result.npvAtHurdle).toBeNaN();
  else expect(result.npvAtHurdle).toBe(flows.metrics.npvAtHurdle);
  const outcomes = Object.values(schedule.totals.byMetric).reduce((sum, value) => sum + value, 0);
  expect(result.outcomeTriggered).toBe(outcomes > 0);
}

describe("evaluateDraw equals the engine exactly with the scenario's shares", () => {
  it("for the pilot under its terms (3,932,987 kr in month 17, IRR −11.89 % a year)", () => {
    compare(pilotInputs);
    compare({ ...pilotInputs, investorTerms: { ...pilotInputs.investorTerms, hurdleRate: 0.08 } });
  });

  it("for random scenarios (1–3 cohorts), payment terms (every mechanism) and investor terms", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        paymentTermsArbitrary,
        investorTermsArbitrary(true),
        (scenario, terms, investor) => {
          fc.pre(validateScenario(scenario).length === 0);
          const inputs = { scenario, paymentTerms: terms, investorTerms: investor };
          fc.pre(stressModel(inputs).ok);
          compare(inputs);
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  });
});

describe("the pieces of the fast path", () => {
  it("profileInto is effectProfile for any persistence (to 1e-14), and exactly the scenario's at its persistence", () => {
    const model = compileStressModel(pilotInputs);
    const workspace = drawWorkspace(model);
    for (const rho of [0.97, 0.5, 1, 0]) {
      profileInto(model, workspace, rho);
      workspace.profile.forEach((value, t) => expect(value).toBeCloseTo(effectProfile(t, 14, rho), 14));
    }
    profileInto(model, workspace, 0.9);
    profileInto(model, workspace, pilotInputs.scenario.persistence);
    workspace.profile.forEach((value, t) => expect(value).toBe(effectProfile(t, 14, 1)));
  });

  it("metric shares as metricShareCore: a persistence of 0.98 gives the sustained metrics (JOB + JOB_UNK)·0.98^k", () => {
    const inputs = {
      ...pilotInputs,
      paymentTerms: {
        ...pilotInputs.paymentTerms,
        rateCard: pilotInputs.paymentTerms.rateCard.map((line) => ({ ...line, price: 10_000 })),
      },
    };
    const model = compileStressModel(inputs);
    const workspace = drawWorkspace(model);
    setAllCohortShares(workspace, model.effect.participant);
    workspace.comparisonGroupShares.set(model.comparisonGroupShares);
    profileInto(model, workspace, 0.98);
    evaluateDraw(model, workspace, 0.98, 1, false, drawResult());
    inputs.paymentTerms.rateCard.forEach((line, k) => {
      const definition = parseMetric(line.metric);
      if (definition === null) throw new Error("metric");
      expect(workspace.cohortMetricShares[k]).toBe(
        metricShareCore(definition, pilotInputs.scenario.participantShares, 0.98, false),
      );
      expect(workspace.comparisonMetricShares[k]).toBe(
        metricShareCore(definition, pilotInputs.scenario.comparisonShares, 0.98, false),
      );
    });
  });

  it("a cost factor scales only what the investor draws: multiple 3,932,987 / (1.2 × 4,437,216)", () => {
    const model = compileStressModel(pilotInputs);
    const workspace = drawWorkspace(model);
    setAllCohortShares(workspace, model.effect.participant);
    workspace.comparisonGroupShares.set(model.comparisonGroupShares);
    const result = drawResult();
    evaluateDraw(model, workspace, 1, 1.2, false, result);
    expect(result.multiple).toBeCloseTo(3_932_986.909 / (1.2 * 4_437_216), 9);
    expect(result.municipalityNet).toBeCloseTo(2_189_537.7, 0); // the municipality does not fund the cost
  });
});

describe("irrSolver equals irrCore bit for bit", () => {
  it("on the pilot's flows and Microsoft's IRR example", () => {
    const solver = irrSolver();
    const microsoft = [-70000, 12000, 15000, 18000, 21000, 26000];
    expect(solver.solve(Float64Array.from(microsoft))).toBe(irrCore(microsoft));
    expect(solver.solve(Float64Array.of(-100, 110))).toBe(irrCore([-100, 110]));
  });

  it("on random flows with any number of sign changes (several roots or none give NaN in both)", () => {
    const solver = irrSolver();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        (flows) => {
          expect(Object.is(solver.solve(Float64Array.from(flows)), irrCore(flows))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
