/**
 * Issue 11 item 4 in the Monte Carlo: the municipality's net in a draw follows the case's money identity, i.e. what it
 * pays is its share of the payments − its part of the commissioner's surplus share above a return cap (withheld or
 * returned: the same net cost) + its part of a top-up it pays + what the savings-surplus rule passes on (σ × each new
 * high of its cumulative savings − payments, to the provider or reinvested; src/engine/investor/moneyFlows.ts
 * municipalityNetPayments). With a binding cap in a degenerate draw (the scenario's own shares) the draw's net must
 * equal the engine's (municipalityAfterContract) for every rule value, and every krone paid in the draw has one
 * recipient in every month.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { municipalityAfterContract } from "../../../src/engine/investor/moneyFlows";
import type { SurplusRule } from "../../../src/engine/investor/surplus";
import { investorTerms, type InvestorTerms } from "../../../src/engine/investor/terms";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { validateScenario } from "../../../src/engine/validate";
import {
  drawResult,
  drawWorkspace,
  evaluateDraw,
  profileInto,
  setAllCohortShares,
} from "../../../src/engine/stress/draw";
import { withPriceFactor } from "../../../src/engine/stress/deal";
import { compileStressModel, stressModel, type StressInputs } from "../../../src/engine/stress/model";
import { investorTermsArbitrary, paymentTermsArbitrary, pilot, pilotInputs, scenarioArbitrary } from "./support";

/** A degenerate draw: the scenario's own shares and comparison, its persistence, the budgeted cost. */
function degenerateDraw(inputs: StressInputs) {
  const model = compileStressModel(inputs);
  const workspace = drawWorkspace(model);
  setAllCohortShares(workspace, model.effect.participant);
  workspace.comparisonGroupShares.set(model.comparisonGroupShares);
  profileInto(model, workspace, inputs.scenario.persistence);
  const result = drawResult();
  evaluateDraw(model, workspace, inputs.scenario.persistence, 1, false, result);
  return { model, workspace, result };
}

/**
 * The money identity written out independently from the draw's buffers: per month, payment = investor (distributions
 * + its surplus share) + commissioner's + provider's + reinvested surplus shares (only when the investor financed
 * something); and the municipality's discounted payments = Σ DF·(w·payment − w·commissioner·surplus) + DF·top-up
 * (commissioner pays, last month) + Σ DF·σ·(new high of Σ savings − payments). Returns the largest residual (kr) and
 * the municipality's discounted payments.
 */
function identityInDraw(inputs: StressInputs, terms: InvestorTerms): { residual: number; paymentsPv: number } {
  const { model, workspace, result } = degenerateDraw(inputs);
  const months = result.months;
  const w = inputs.paymentTerms.municipalityShare;
  const buffers = workspace.waterfall;
  const shares = terms.surplusShare;
  let drawn = 0;
  for (let t = 0; t < months; t++) drawn += buffers.drawn[t] as number;
  const financed = drawn > 0;
  let residual = 0;
  let topUp = 0;
  const plain = terms.returnCap.irr === null && terms.returnCap.multiple === null && terms.maxLoss === null;
  const paid: number[] = [];
  for (let t = 0; t < months; t++) {
    const payment = workspace.total[t] as number;
    const surplus = plain || !financed ? 0 : (buffers.surplus[t] as number);
    const toInvestor =
      plain || !financed ? payment : (buffers.distributions[t] as number) + (buffers.surplusToInvestor[t] as number);
    const recipients = toInvestor + (shares.commissioner + shares.provider + shares.reinvested) * surplus;
    residual = Math.max(residual, Math.abs(payment - recipients));
    if (!plain && financed) topUp += buffers.topUp[t] as number;
    paid.push(w * payment - w * shares.commissioner * surplus);
  }
  if (topUp > 0 && terms.topUpPayer === "commissioner") {
    paid[months - 1] = (paid[months - 1] as number) + topUp * (result.paymentTotal > 0 ? w : 1);
  }
  const businessCase = computeBusinessCase(inputs.scenario);
  const rule = terms.savingsSurplus ?? { rule: "commissioner", share: 1, cohortSize: null };
  const sigma = rule.rule === "commissioner" ? 0 : rule.share;
  let cumulative = 0;
  let high = 0;
  let paymentsPv = 0;
  for (let t = 0; t < months; t++) {
    const saving =
      t < businessCase.months
        ? (businessCase.monthly.netFlow.municipality[t] as number) + (businessCase.monthly.cost[t] as number)
        : 0;
    cumulative += saving - (paid[t] as number);
    const passed = cumulative > high ? sigma * (cumulative - high) : 0;
    high = Math.max(high, cumulative);
    paymentsPv += (model.discountFactor[t] as number) * ((paid[t] as number) + passed);
  }
  return { residual, paymentsPv };
}

const RULES: readonly SurplusRule[] = ["commissioner", "provider", "reinvested"];

describe("the Monte Carlo's municipal net follows the money identity and the savings-surplus rule", () => {
  // Pilot prices × 3 (11.8 mio. kr in month 17) against a return cap of 1.1 × the 4.44 mio. kr drawn: the cap binds.
  const payment = withPriceFactor(pilotInputs.paymentTerms, 3);

  it.each(RULES.flatMap((rule) => (["withheld", "returned"] as const).map((capped) => [rule, capped] as const)))(
    "binding cap, rule %s, surplus %s: the draw's net = the engine's, and each krone has a recipient",
    (rule, capped) => {
      const terms = expectOk(
        investorTerms({
          returnCap: { irr: null, multiple: 1.1 },
          cappedSurplus: capped,
          savingsSurplus: { rule, share: 0.5, cohortSize: null },
        }),
      );
      const inputs = { ...pilotInputs, paymentTerms: payment, investorTerms: terms };
      const { result } = degenerateDraw(inputs);
      const businessCase = computeBusinessCase(pilot);
      const schedule = computePaymentSchedule(pilot, businessCase, payment);
      const engine = municipalityAfterContract(businessCase, schedule, terms).discounted;
      const scale = Math.max(1, Math.abs(engine.savings));
      expect(Math.abs(result.municipalityNet - engine.net) / scale).toBeLessThan(1e-9);
      expect(Math.abs(result.municipalityPaymentsPv - engine.payments) / scale).toBeLessThan(1e-9);
      // The cap binds: the municipality pays less than the 11.8 mio. kr owed.
      expect(result.municipalityPaymentsPv).toBeLessThan(0.6 * schedule.discountedTotals.all);
      const identity = identityInDraw(inputs, terms);
      expect(identity.residual).toBeLessThan(1e-6);
      expect(Math.abs(identity.paymentsPv - result.municipalityPaymentsPv) / scale).toBeLessThan(1e-9);
    },
  );

  it("the rule moves the net: half the savings surplus passed on leaves the municipality less than keeping it", () => {
    const net = (rule: SurplusRule): number => {
      const terms = expectOk(
        investorTerms({
          returnCap: { irr: null, multiple: 1.1 },
          savingsSurplus: { rule, share: 0.5, cohortSize: null },
        }),
      );
      return degenerateDraw({ ...pilotInputs, paymentTerms: payment, investorTerms: terms }).result.municipalityNet;
    };
    expect(net("provider")).toBeLessThan(net("commissioner") - 100_000);
    expect(net("reinvested")).toBe(net("provider"));
    // Without a cap (the fused path), too: the pilot's 2,189,538 kr net becomes less with σ = 0.5 to the provider.
    const plain = expectOk(investorTerms({ savingsSurplus: { rule: "provider", share: 0.5, cohortSize: null } }));
    const inputs = { ...pilotInputs, investorTerms: plain };
    const businessCase = computeBusinessCase(pilot);
    const engine = municipalityAfterContract(
      businessCase,
      computePaymentSchedule(pilot, businessCase, pilotInputs.paymentTerms),
      plain,
    ).discounted;
    const drawn = degenerateDraw(inputs).result.municipalityNet;
    expect(drawn).toBeLessThan(2_189_537);
    expect(Math.abs(drawn - engine.net) / Math.abs(engine.savings)).toBeLessThan(1e-9);
  });

  it("random scenarios, payment terms, caps, surplus shares and rules: net = the engine's, identity holds, 50 runs", () => {
    const extra = fc.record({
      rule: fc.constantFrom<SurplusRule>(...RULES),
      sigma: fc.double({ min: 0, max: 1, noNaN: true }),
      capped: fc.constantFrom<"withheld" | "returned">("withheld", "returned"),
      split: fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      multiple: fc.double({ min: 1, max: 1.15, noNaN: true }),
    });
    let binding = 0;
    fc.assert(
      fc.property(
        scenarioArbitrary,
        paymentTermsArbitrary,
        investorTermsArbitrary(true),
        extra,
        (scenario, terms, base, more) => {
          fc.pre(validateScenario(scenario).length === 0);
          const [a, b, c] = more.split;
          const investor = a * 0.6;
          const provider = (1 - investor) * b * 0.5;
          const reinvested = (1 - investor - provider) * c * 0.5;
          const checked = investorTerms({
            ...base,
            returnCap: { irr: base.returnCap.irr, multiple: more.multiple },
            surplusShare: { investor, provider, reinvested, commissioner: 1 - investor - provider - reinvested },
            cappedSurplus: more.capped,
            savingsSurplus: { rule: more.rule, share: more.sigma, cohortSize: null },
          });
          fc.pre(checked.ok);
          if (!checked.ok) return;
          // Prices × 5, no contract cap or threshold, so that the return cap binds in many runs.
          const paymentTerms = { ...withPriceFactor(terms, 5), contractCap: null, threshold: null };
          const inputs = { scenario, paymentTerms, investorTerms: checked.value };
          fc.pre(stressModel(inputs).ok);
          const { result, workspace } = degenerateDraw(inputs);
          const businessCase = computeBusinessCase(scenario);
          const schedule = computePaymentSchedule(scenario, businessCase, paymentTerms);
          const engine = municipalityAfterContract(businessCase, schedule, checked.value).discounted;
          const scale = Math.max(1, Math.abs(engine.savings), Math.abs(engine.payments));
          expect(Math.abs(result.municipalityNet - engine.net) / scale).toBeLessThan(1e-9);
          const identity = identityInDraw(inputs, checked.value);
          expect(identity.residual).toBeLessThan(1e-9 * Math.max(1, result.paymentTotal));
          expect(Math.abs(identity.paymentsPv - result.municipalityPaymentsPv) / scale).toBeLessThan(1e-9);
          let surplus = 0;
          for (let t = 0; t < result.months; t++) surplus += workspace.waterfall.surplus[t] as number;
          if (surplus > 0) binding++;
        },
      ),
      { numRuns: 50, seed: 20261202 },
    );
    // Not vacuous: the cap binds in many of the runs.
    expect(binding).toBeGreaterThan(10);
  });
});
