import { municipalityAfterContract } from "../../../src/engine/investor/moneyFlows";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { irr } from "../../../src/engine/investor/irr";
import { investorFlows } from "../../../src/engine/investor/waterfall";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../../src/engine/payment/terms";
import { standardNormalCdf } from "../../../src/engine/stats/normal";
import { validateScenario } from "../../../src/engine/validate";
import { stressModel, type StressInputs } from "../../../src/engine/stress/model";
import { seededGenerator } from "../../../src/engine/stress/random";
import { simulate, type SimulationSummary } from "../../../src/engine/stress/simulate";
import { thresholdProbabilityCore } from "../../../src/engine/stress/smallCohort";
import { DEFAULT_UNCERTAINTY, NO_UNCERTAINTY, type UncertaintySettings } from "../../../src/engine/stress/uncertainty";
import {
  investorTermsArbitrary,
  MONTHLY_COST,
  N,
  PAYMENT_MONTH,
  paymentTermsArbitrary,
  PH,
  PILOT_PAYMENT,
  pilot,
  pilotInputs,
  scenarioArbitrary,
  SS,
} from "./support";

function run(inputs: StressInputs, settings: UncertaintySettings, iterations: number, seed = 1): SimulationSummary {
  return expectOk(simulate(inputs, settings, iterations, seededGenerator(seed)));
}

function withTerms(change: Partial<PaymentTerms>): StressInputs {
  return { ...pilotInputs, paymentTerms: { ...PILOT_PAYMENT_TERMS, ...change } };
}

/** ln C(n, k) and the binomial probabilities written out (independent of the engine). */
function pmf(k: number, n: number, p: number): number {
  let log = 0;
  for (let j = 1; j <= k; j++) log += Math.log(n - k + j) - Math.log(j);
  return Math.exp(log + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
function upperTail(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = Math.max(0, k); j <= n; j++) sum += pmf(j, n, p);
  return sum;
}

/** |estimate − exact| within 4 Monte Carlo standard errors √(p(1 − p)/N). */
function expectWithinMonteCarloError(estimate: number, exact: number, draws: number): void {
  expect(Math.abs(estimate - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / draws) + 1e-12);
}

describe("with no uncertainty the simulation is the deterministic engine, draw for draw", () => {
  function engine(inputs: StressInputs) {
    const businessCase = computeBusinessCase(inputs.scenario);
    const schedule = computePaymentSchedule(inputs.scenario, businessCase, inputs.paymentTerms);
    const flows = expectOk(investorFlows(businessCase.monthly.cost, schedule.total, inputs.investorTerms));
    return { schedule, flows };
  }

  it("pilot: every percentile is the engine's IRR (−11.89 % a year), multiple 0.8864 and net 2,189,538 kr", () => {
    const { schedule, flows } = engine(pilotInputs);
    const summary = run(pilotInputs, NO_UNCERTAINTY, 25);
    const irrValue = expectOk(flows.metrics.irr).effectiveAnnualRate;
    expect(irrValue).toBeCloseTo(-0.1188824, 6);
    for (const stat of ["p5", "p10", "p50", "p90", "p95", "mean"] as const) {
      expect(summary.irr[stat]).toBeCloseTo(irrValue, 14);
      expect(summary.multiple[stat]).toBeCloseTo(flows.metrics.moneyMultiple, 14);
      expect(summary.municipalityNet[stat]).toBeCloseTo(schedule.municipality.discounted.net, 6);
    }
    expect(summary.irr.p50).toBe(irrValue);
    expect(summary.multiple.p50).toBe(flows.metrics.moneyMultiple);
    expect(summary.municipalityNet.p50).toBe(schedule.municipality.discounted.net);
    expect(summary.probabilityOfLoss).toBe(1);
    expect(summary.probabilityPaymentTriggered).toBe(1);
    expect(expectOk(summary.irrOfMeanFlows)).toBeCloseTo(irrValue, 12);
    expect(summary.meanOfIrrs).toBeCloseTo(irrValue, 14);
    expect(summary.meanPayment).toBeCloseTo(PILOT_PAYMENT, 6);
  });

  it("random scenarios and terms: the median equals the engine exactly", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        paymentTermsArbitrary,
        investorTermsArbitrary(true),
        (scenario, terms, investor) => {
          fc.pre(validateScenario(scenario).length === 0);
          const inputs = { scenario, paymentTerms: terms, investorTerms: investor };
          fc.pre(stressModel(inputs).ok);
          const { schedule, flows } = engine(inputs);
          const summary = run(inputs, NO_UNCERTAINTY, 3);
          expect(summary.multiple.p50).toBe(flows.metrics.moneyMultiple);
          // What the municipality actually pays (issue 11): net of a surplus withheld under a cap, plus a top-up.
          const after = municipalityAfterContract(computeBusinessCase(scenario), schedule, investor).discounted;
          const scale = Math.max(1, Math.abs(after.savings));
          expect(Math.abs(summary.municipalityNet.p50 - after.net) / scale).toBeLessThan(1e-12);
          if (flows.metrics.irr.ok) expect(summary.irr.p50).toBe(flows.metrics.irr.value.effectiveAnnualRate);
          else expect(summary.irrTotalLossDraws + summary.irrUndefinedDraws).toBe(3);
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });
});

describe("P(payment triggered) converges to the exact binomial probability", () => {
  const draws = 40_000;
  // A contract-scope threshold of 10 pp on self-supporting (comparison 0.12): paid only if X/56 − 0.12 ≥ 0.10, i.e.
  // X ≥ ⌈56 · 0.22⌉ = ⌈12.32⌉ = 13 of 56, X ~ Binomial(56, 15/55).
  const gated = withTerms({ threshold: { pp: 10, scope: "contract", metric: "selfSupporting" } });

  it("no comparison noise: P(X ≥ 13) for X ~ Binomial(56, 15/55) ≈ 0.80", () => {
    const exact = upperTail(13, N, SS);
    expect(exact).toBeCloseTo(thresholdProbabilityCore(N, SS, 0, 0.12, 10), 12);
    const summary = run(gated, DEFAULT_UNCERTAINTY, draws, 2);
    expectWithinMonteCarloError(summary.probabilityPaymentTriggered, exact, draws);
    expect(summary.standardErrors.probabilityPaymentTriggered).toBeCloseTo(
      Math.sqrt((summary.probabilityPaymentTriggered * (1 - summary.probabilityPaymentTriggered)) / draws),
      15,
    );
  });

  it("a comparison group of 100: Σ_y P(Y = y) · P(X ≥ ⌈56·(0.10 + y/100) − 1e-9⌉), Y ~ Binomial(100, 0.12)", () => {
    let exact = 0;
    for (let y = 0; y <= 100; y++)
      exact += pmf(y, 100, 0.12) * upperTail(Math.ceil(56 * (0.1 + y / 100) - 1e-9), N, SS);
    expect(exact).toBeCloseTo(thresholdProbabilityCore(N, SS, 100, 0.12, 10), 12);
    const summary = run(gated, { ...DEFAULT_UNCERTAINTY, comparisonSize: 100 }, draws, 3);
    expectWithinMonteCarloError(summary.probabilityPaymentTriggered, exact, draws);
    // Comparison noise lowers the chance (exact 0.785 versus 0.800), by more than 4 standard errors of the estimate.
    const withoutNoise = upperTail(13, N, SS);
    expect(withoutNoise - summary.probabilityPaymentTriggered).toBeGreaterThan(
      4 * Math.sqrt((exact * (1 - exact)) / draws),
    );
  });

  it("two cohorts of 28 (months 0 and 3): the threshold is tested on the pooled 56, the same probability", () => {
    const scenario = {
      ...pilot,
      cohorts: [
        { participants: 28, intakeMonth: 0 },
        { participants: 28, intakeMonth: 3 },
      ],
    };
    const summary = run({ ...gated, scenario }, DEFAULT_UNCERTAINTY, draws, 4);
    expectWithinMonteCarloError(summary.probabilityPaymentTriggered, upperTail(13, N, SS), draws);
  });

  it("a total loss is counted, not dropped: draws without payment have IRR −100 % and multiple 0", () => {
    // θ = 18 pp: X ≥ ⌈56 · 0.30⌉ = 17 needed.
    const summary = run(
      withTerms({ threshold: { pp: 18, scope: "contract", metric: null } }),
      DEFAULT_UNCERTAINTY,
      20_000,
      5,
    );
    const failures = Math.round((1 - summary.probabilityPaymentTriggered) * 20_000);
    expect(summary.irrTotalLossDraws).toBe(failures);
    expect(summary.irrUndefinedDraws).toBe(0);
    expect(summary.irr.count).toBe(20_000);
    expect(summary.irr.p5).toBe(-1);
    expect(summary.multiple.p5).toBe(0);
    expectWithinMonteCarloError(summary.probabilityPaymentTriggered, upperTail(17, N, SS), 20_000);
  });
});

describe("the distributions of the uncertain inputs, checked against exact probabilities", () => {
  const draws = 20_000;

  it("binomial outcomes only: the mean payment is N·(SS·198,090 + PH·99,045) within 4 standard errors", () => {
    const summary = run(pilotInputs, DEFAULT_UNCERTAINTY, draws, 6);
    // One participant's payment Y is 198,090 (self-supporting), 99,045 (paid hours) or 0: Var = E[Y²] − E[Y]².
    const mean = SS * 198_090 + PH * 99_045;
    const variance = N * (SS * 198_090 ** 2 + PH * 99_045 ** 2 - mean ** 2);
    expect(Math.abs(summary.meanPayment - N * mean)).toBeLessThan(4 * Math.sqrt(variance / draws));
  });

  it("IRR of the mean flows = the IRR of the mean payment in month 17 against the costs; mean of IRRs apart", () => {
    const gated = withTerms({ threshold: { pp: 10, scope: "contract", metric: null } });
    const summary = run(gated, { ...DEFAULT_UNCERTAINTY, effectSd: 0.5 }, draws, 7);
    const flows = new Array<number>(50).fill(0);
    for (let t = 0; t < 12; t++) flows[t] = -MONTHLY_COST;
    flows[PAYMENT_MONTH] = summary.meanPayment;
    const expected = expectOk(irr(flows, { periodsPerYear: 12 })).effectiveAnnualRate;
    expect(expectOk(summary.irrOfMeanFlows)).toBeCloseTo(expected, 10);
    // The expectation trap: the mean of the IRRs is not the IRR of the mean flows.
    expect(Math.abs(summary.meanOfIrrs - expected)).toBeGreaterThan(0.01); // 1.4 pp apart; MC error about 0.2 pp
    expect(summary.meanOfIrrs).toBe(summary.irr.mean);
  });

  it("effect multiplier m ~ N(1, 0.3): P(loss) = Φ((m* − 1)/0.3), m* the multiplier that repays the cost", () => {
    // Gross card: payment(m) = 56·[198,090·(0.12 + m·(SS − 0.12)) + 99,045·(0.10 + m·(PH − 0.10))] = 4,437,216 at m*.
    const fixed = 0.12 * 198_090 + 0.1 * 99_045;
    const perUnit = (SS - 0.12) * 198_090 + (PH - 0.1) * 99_045;
    const breakEven = (79_236 - fixed) / perUnit;
    const exact = standardNormalCdf((breakEven - 1) / 0.3);
    const summary = run(pilotInputs, { ...NO_UNCERTAINTY, effectSd: 0.3 }, draws, 8);
    expectWithinMonteCarloError(summary.probabilityOfLoss, exact, draws);
  });

  it("cost factor f lognormal with median 1, σ = 0.2: P(loss) = P(f > P/C) = 1 − Φ(ln(P/C)/0.2)", () => {
    const exact = 1 - standardNormalCdf(Math.log(PILOT_PAYMENT / (12 * MONTHLY_COST)) / 0.2);
    const summary = run(pilotInputs, { ...NO_UNCERTAINTY, costSd: 0.2 }, draws, 9);
    expectWithinMonteCarloError(summary.probabilityOfLoss, exact, draws);
    expect(summary.municipalityNet.p5).toBe(summary.municipalityNet.p95); // the cost is the investor's risk only
  });

  it("persistence ρ ~ N(0.97, 0.01) with only sustained6 priced: P(loss) = P(ρ < 0.98) = Φ(1)", () => {
    // Price so that 56 · 15/55 · ρ⁶ · price = 4,437,216 exactly at ρ = 0.98.
    const price = (12 * MONTHLY_COST) / (N * SS * 0.98 ** 6);
    const rateCard = PILOT_PAYMENT_TERMS.rateCard.map((line) => ({
      ...line,
      price: line.metric === "sustained6" ? price : 0,
    }));
    const inputs = withTerms({ rateCard });
    const settings = { ...NO_UNCERTAINTY, persistenceMean: 0.97, persistenceSd: 0.01 };
    const summary = run(inputs, settings, draws, 10);
    expectWithinMonteCarloError(summary.probabilityOfLoss, standardNormalCdf(1), draws);
  });

  it("an effect mean outside the valid range is clamped in every draw, and reported", () => {
    const summary = run(pilotInputs, { ...NO_UNCERTAINTY, effectMean: 5 }, 50, 11);
    expect(summary.effectClampedDraws).toBe(50);
  });
});

describe("reproducibility and order", () => {
  const settingsArbitrary: fc.Arbitrary<UncertaintySettings> = fc.record({
    effectMean: fc.double({ min: 0, max: 1.5, noNaN: true }),
    effectSd: fc.double({ min: 0, max: 0.6, noNaN: true }),
    persistenceMean: fc.option(fc.double({ min: 0.9, max: 1, noNaN: true }), { nil: null }),
    persistenceSd: fc.double({ min: 0, max: 0.03, noNaN: true }),
    costMedian: fc.double({ min: 0.8, max: 1.3, noNaN: true }),
    costSd: fc.double({ min: 0, max: 0.3, noNaN: true }),
    comparisonSize: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    binomialOutcomes: fc.boolean(),
  });
  const termsArbitrary = fc.constantFrom<Partial<PaymentTerms>>(
    {},
    { threshold: { pp: 10, scope: "contract", metric: null } },
    { baseline: { kind: "comparison" }, personCap: 150_000 },
    { savingsShare: 0.3, contractCap: 3_000_000 },
  );

  it("the same seed gives the same numbers (any settings, terms and seed)", () => {
    fc.assert(
      fc.property(
        settingsArbitrary,
        termsArbitrary,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (settings, terms, seed) => {
          const inputs = withTerms(terms);
          expect(run(inputs, settings, 300, seed)).toEqual(run(inputs, settings, 300, seed));
        },
      ),
      { numRuns: 25, seed: 12 },
    );
    expect(run(pilotInputs, DEFAULT_UNCERTAINTY, 300, 1)).not.toEqual(run(pilotInputs, DEFAULT_UNCERTAINTY, 300, 2));
  });

  it("the injected generator is the only source of randomness: a clone of it reproduces the run", () => {
    const rng = seededGenerator(77);
    const clone = rng.clone();
    const first = expectOk(simulate(pilotInputs, DEFAULT_UNCERTAINTY, 200, rng));
    expect(expectOk(simulate(pilotInputs, DEFAULT_UNCERTAINTY, 200, clone))).toEqual(first);
    expect(rng.getState()).toEqual(clone.getState());
    expect(rng.getState()).not.toEqual(seededGenerator(77).getState());
  });

  it("percentiles are ordered P5 ≤ P10 ≤ P50 ≤ P90 ≤ P95 for every statistic", () => {
    fc.assert(
      fc.property(settingsArbitrary, termsArbitrary, fc.integer({ min: 0, max: 1000 }), (settings, terms, seed) => {
        const summary = run(withTerms(terms), settings, 200, seed);
        for (const distribution of [summary.irr, summary.multiple, summary.municipalityNet]) {
          if (distribution.count === 0) continue;
          expect(distribution.p5).toBeLessThanOrEqual(distribution.p10);
          expect(distribution.p10).toBeLessThanOrEqual(distribution.p50);
          expect(distribution.p50).toBeLessThanOrEqual(distribution.p90);
          expect(distribution.p90).toBeLessThanOrEqual(distribution.p95);
        }
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});

describe("validation", () => {
  it("iterations must be a whole number from 1 to 200,000", () => {
    for (const iterations of [0, 200_001, 1.5, Number.NaN]) {
      const result = simulate(pilotInputs, DEFAULT_UNCERTAINTY, iterations, seededGenerator(1));
      expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(["iterations"]);
    }
    expect(simulate(pilotInputs, DEFAULT_UNCERTAINTY, 1, seededGenerator(1)).ok).toBe(true);
  });

  it("iterations × participants is capped at 100 million outcome draws (binomial outcomes only)", () => {
    const big = { ...pilotInputs, scenario: { ...pilot, cohorts: [{ participants: 10_000, intakeMonth: 0 }] } };
    const result = simulate(big, DEFAULT_UNCERTAINTY, 20_000, seededGenerator(1));
    expect(result.ok ? "" : result.issues[0]?.rule).toBe("work");
    expect(result.ok ? "" : result.issues[0]?.message).toContain("use at most 10000 iterations");
  });

  it("bad inputs and bad settings are all reported", () => {
    const inputs = { ...pilotInputs, scenario: { ...pilot, costPerParticipant: 0 } };
    const result = simulate(inputs, { ...DEFAULT_UNCERTAINTY, effectSd: -1 }, 10, seededGenerator(1));
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual([
      "costPerParticipant",
      "uncertainty.effect.sd",
    ]);
  });
});
