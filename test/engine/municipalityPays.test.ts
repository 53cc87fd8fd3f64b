/**
 * Issue 11 (review economist.md 3.2 item 3, D5): a surplus the return cap withholds is not paid by the municipality.
 * Every municipal figure uses one definition of what it pays (src/engine/investor/moneyFlows.ts
 * municipalityNetPayments): the report's net present value, the self-funded comparison's SIB side, the budget view's
 * "municipality with SIB", the Monte Carlo municipal net and the deal evaluation.
 *
 * The case: the review's cap-binds scenario (JOB share 40 %, so the pilot's gross card pays far more than the cost)
 * with a money-multiple cap of 1.0 and all of the surplus to the commissioner. The investor then receives exactly its
 * principal, the intervention cost 56 × 79,236 = 4,437,216 kr (docs/payment.md: the pilot's prices repay that cost),
 * in the single payment month 17 (measurement month 14 + claim lag 3). The municipality pays that and nothing else, so
 * independently of the netting code:
 *   municipal net PV = PV(savings before the cost) − DF(17) × 4,437,216, DF(17) = 1.035^−(17.5/12) (mid-month).
 */
import { describe, expect, it } from "vitest";
import { computeBudget } from "../../src/engine/budget";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { investorTerms, type InvestorTerms } from "../../src/engine/investor/terms";
import { pilotModel, type Model } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { compareFinancing } from "../../src/engine/selfFunded";
import { evaluateDeal } from "../../src/engine/stress/deal";
import { seededGenerator } from "../../src/engine/stress/random";
import { simulate } from "../../src/engine/stress/simulate";
import { NO_UNCERTAINTY } from "../../src/engine/stress/uncertainty";
import { caseReport } from "../../src/cli/report";

const COST = 56 * 79_236; // 4,437,216 kr: the pilot's intervention cost (docs/payment.md)
const DF17 = Math.pow(1.035, -17.5 / 12);

function capBindsModel(cap: InvestorTerms): Model {
  const pilot = expectOk(pilotModel());
  const shares = { ...pilot.scenario.participantShares };
  const moved = 0.4 - shares.JOB;
  return {
    ...pilot,
    scenario: { ...pilot.scenario, participantShares: { ...shares, JOB: 0.4, TEMP: shares.TEMP - moved } },
    investorTerms: cap,
  };
}

const CAP = expectOk(investorTerms({ returnCap: { multiple: 1 } }));
const NO_CAP = expectOk(investorTerms({}));
const model = capBindsModel(CAP);
const result = computeBusinessCase(model.scenario);
const schedule = computePaymentSchedule(model.scenario, result, model.paymentTerms);
/** PV of the municipality's savings before the intervention cost (the business case's flows, not the netting code). */
const savingsPv = result.monthly.netFlow.municipality.reduce(
  (total, flow, t) => total + (flow + (result.monthly.cost[t] ?? 0)) * (result.monthly.discountFactor[t] ?? 0),
  0,
);
const expectedNetPv = savingsPv - DF17 * COST;

describe("a capped, withheld surplus is not paid by the municipality (one definition everywhere)", () => {
  it("the case: one payment in month 17, far above the cost, paid by the municipality alone", () => {
    expect(model.paymentTerms.municipalityShare).toBe(1);
    expect(schedule.total.filter((value) => value > 0)).toHaveLength(1);
    expect(schedule.total[17]).toBeGreaterThan(COST + 1_000_000);
    expect(result.monthly.cost.reduce((total, value) => total + value, 0)).toBeCloseTo(COST, 3);
  });

  it("npm run case: payment.municipalityNetPresentValue = PV(savings) − DF(17) × the cost, withheld and returned", () => {
    for (const cappedSurplus of ["withheld", "returned"] as const) {
      const terms = expectOk(investorTerms({ returnCap: { multiple: 1 }, cappedSurplus }));
      const report = caseReport(capBindsModel(terms));
      expect(report.payment.municipalityNetPresentValue).toBeCloseTo(expectedNetPv, 4);
      expect(report.payment.recipients.municipalityNetPresentValueAfterContract).toBeCloseTo(expectedNetPv, 4);
      expect(report.payment.recipients.toCommissioner.municipality).toBeCloseTo(schedule.totals.all - COST, 4);
    }
    // Without a cap the municipality pays everything it owes.
    const uncapped = caseReport(capBindsModel(NO_CAP));
    expect(uncapped.payment.municipalityNetPresentValue).toBeCloseTo(savingsPv - DF17 * schedule.totals.all, 4);
  });

  it("the self-funded comparison's SIB side: NPV and worst cash position net of the withheld surplus", () => {
    const comparison = compareFinancing(model.scenario, result, schedule, model.paymentTerms, CAP);
    expect(comparison.sib.npv).toBeCloseTo(expectedNetPv, 4);
    // Cumulative undiscounted savings before the cost up to month 17, less the cost paid then.
    let cumulative = 0;
    let worst = 0;
    result.monthly.netFlow.municipality.forEach((flow, t) => {
      cumulative += flow + (result.monthly.cost[t] ?? 0) - (t === 17 ? COST : 0);
      worst = Math.min(worst, cumulative);
    });
    expect(comparison.sib.worstCumulative).toBeCloseTo(worst, 4);
  });

  it("the budget view's municipality with SIB: the payment year differs from the uncapped view by the surplus", () => {
    const capped = computeBudget(model.scenario, result, schedule, CAP).byAccount.municipalityWithSib;
    const uncapped = computeBudget(model.scenario, result, schedule, NO_CAP).byAccount.municipalityWithSib;
    // The pilot starts 2026-01-01 (docs/budget.md), so programme month 17 is in 2027; no contract indexation.
    const withheld = schedule.totals.all - COST;
    for (const [i, entry] of capped.entries()) {
      const gap = entry.amount - (uncapped[i]?.amount ?? Number.NaN);
      expect(gap, String(entry.year)).toBeCloseTo(entry.year === 2027 ? withheld : 0, 4);
    }
  });

  it("the Monte Carlo municipal net (no uncertainty: every draw is the model) and the deal evaluation", () => {
    const inputs = { scenario: model.scenario, paymentTerms: model.paymentTerms, investorTerms: CAP };
    const summary = expectOk(simulate(inputs, NO_UNCERTAINTY, 3, seededGenerator(7)));
    expect(summary.municipalityNet.p50).toBeCloseTo(expectedNetPv, 4);
    expect(summary.municipalityNet.p5).toBeCloseTo(expectedNetPv, 4);
    const deal = evaluateDeal(inputs, 0.05, result);
    expect(deal.municipalityNetPv).toBeCloseTo(expectedNetPv, 4);
    expect(deal.municipalityPaymentsPv).toBeCloseTo(DF17 * COST, 4);
  });
});
