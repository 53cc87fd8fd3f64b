/**
 * The savings-surplus rule in every municipal figure (issue 15 item 4, issue 11 item 4): what the municipality pays is
 * one definition (moneyFlows.ts municipalityNetPayments) = what it owes − its share of a withheld capped surplus + a
 * top-up it pays + what it passes on from its savings surplus (σ × every new high of its cumulative savings − payments,
 * to the provider or reinvested). The report's net present value, the budget view's "municipality with SIB" and the
 * self-funded comparison's SIB side must all show it.
 *
 * Expected values are computed here, independently of the netting code: the municipality's savings before the cost
 * from the business case's own flows (netFlow.municipality + cost), its payments from the schedule (no cap, no top-up:
 * it pays what it owes), and the high-water mark written out below. Undiscounted, the total passed on is
 * σ × max(0, max_t Σ_{s≤t}(savings_s − paid_s)), a closed form that does not need the month-by-month loop at all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseReport } from "../../../src/cli/report";
import { computeBudget } from "../../../src/engine/budget";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk } from "../../../src/engine/errors";
import { moneyFlowsCore, municipalityNetPayments } from "../../../src/engine/investor/moneyFlows";
import { surplusFlowsCore, surplusPassedOn, type SavingsSurplusTerms } from "../../../src/engine/investor/surplus";
import { investorTerms, type InvestorTermsInput } from "../../../src/engine/investor/terms";
import { pilotModel, type Model } from "../../../src/engine/modelFile";
import { computePaymentSchedule } from "../../../src/engine/payment/schedule";
import { compareFinancing } from "../../../src/engine/selfFunded";
import { evaluateDeal } from "../../../src/engine/stress/deal";

const pilot = expectOk(pilotModel());
const result = computeBusinessCase(pilot.scenario);
const schedule = computePaymentSchedule(pilot.scenario, result, pilot.paymentTerms);
const months = Math.max(result.months, schedule.months);
/** Savings before the intervention cost, from the business case's own flows. */
const savings = Array.from(
  { length: months },
  (_, t) => (result.monthly.netFlow.municipality[t] ?? 0) + (result.monthly.cost[t] ?? 0),
);
const due = Array.from({ length: months }, (_, t) => schedule.byPayer.municipality[t] ?? 0);
const df = (t: number): number => Math.pow(1.035, -(t + 0.5) / 12); // the pilot's 3.5 %, mid-month

/** New highs of the cumulative undiscounted savings − payments (written out, not the engine's loop). */
function newHighs(): number[] {
  const highs: number[] = [];
  let cumulative = 0;
  let high = 0;
  for (let t = 0; t < months; t++) {
    cumulative += (savings[t] as number) - (due[t] as number);
    highs.push(Math.max(0, cumulative - high));
    high = Math.max(high, cumulative);
  }
  return highs;
}
const highs = newHighs();
const pvOf = (series: readonly number[]): number => series.reduce((total, value, t) => total + value * df(t), 0);

function modelWith(savingsSurplus: SavingsSurplusTerms): { model: Model; terms: ReturnType<typeof investorTerms> } {
  const terms = investorTerms({ savingsSurplus });
  return { model: { ...pilot, investorTerms: expectOk(terms) }, terms };
}

const RULES: readonly SavingsSurplusTerms[] = [
  { rule: "provider", share: 0.3, cohortSize: null },
  { rule: "reinvested", share: 0.5, cohortSize: 10 },
];

describe("the savings-surplus rule in every municipal figure (one definition)", () => {
  it("the pilot has a savings surplus to pass on: its cumulative savings − payments ends above 0 (closed form)", () => {
    let cumulative = 0;
    let peak = 0;
    for (let t = 0; t < months; t++) {
      cumulative += (savings[t] as number) - (due[t] as number);
      peak = Math.max(peak, cumulative);
    }
    expect(peak).toBeGreaterThan(1_000_000);
    expect(highs.reduce((a, b) => a + b, 0)).toBeCloseTo(peak, 4);
  });

  for (const terms of RULES) {
    const sigma = terms.share;
    const expectedNetPv = pvOf(savings) - pvOf(due) - sigma * pvOf(highs);

    it(`${terms.rule} ${sigma}: npm run case's municipal NPV = PV(savings) − PV(payments) − σ × PV(new highs)`, () => {
      const { model } = modelWith(terms);
      const report = caseReport(model);
      expect(report.payment.municipalityNetPresentValue).toBeCloseTo(expectedNetPv, 3);
      expect(report.payment.surplus.municipalityNetPresentValueAfterSurplus).toBeCloseTo(expectedNetPv, 3);
      expect(report.payment.recipients.municipalityNetPresentValueAfterContract).toBeCloseTo(expectedNetPv, 3);
      // Without the rule the municipality keeps it all.
      const kept = caseReport(pilot).payment.municipalityNetPresentValue;
      expect(kept - report.payment.municipalityNetPresentValue).toBeCloseTo(sigma * pvOf(highs), 3);
    });

    it(`${terms.rule} ${sigma}: the self-funded comparison's SIB side and the deal evaluation`, () => {
      const { model } = modelWith(terms);
      const comparison = compareFinancing(model.scenario, result, schedule, model.paymentTerms, model.investorTerms);
      expect(comparison.sib.npv).toBeCloseTo(expectedNetPv, 3);
      // The self-funded side does not pay anyone: unchanged.
      expect(comparison.selfFunded.npv).toBeCloseTo(result.npv.total.municipality, 6);
      const deal = evaluateDeal(
        { scenario: model.scenario, paymentTerms: model.paymentTerms, investorTerms: model.investorTerms },
        0.05,
        result,
      );
      expect(deal.municipalityNetPv).toBeCloseTo(expectedNetPv, 3);
    });

    it(`${terms.rule} ${sigma}: the budget's municipality with SIB, year by year, is σ × that year's new highs lower`, () => {
      const { model } = modelWith(terms);
      const withRule = computeBudget(model.scenario, result, schedule, model.investorTerms).byAccount
        .municipalityWithSib;
      const without = computeBudget(pilot.scenario, result, schedule, pilot.investorTerms).byAccount
        .municipalityWithSib;
      // The pilot starts 1 January 2026 (docs/budget.md) with no contract indexation: month t is in 2026 + ⌊t/12⌋.
      for (const [i, entry] of withRule.entries()) {
        const year = entry.year - 2026;
        const passed = highs.slice(12 * year, 12 * year + 12).reduce((a, b) => a + b, 0);
        const gap = (without[i]?.amount ?? Number.NaN) - entry.amount;
        expect(gap, String(entry.year)).toBeCloseTo(sigma * passed, 3);
      }
    });
  }

  it("commissioner (the default) passes nothing on: every figure is unchanged", () => {
    const { model } = modelWith({ rule: "commissioner", share: 1, cohortSize: null });
    expect(caseReport(model).payment.municipalityNetPresentValue).toBeCloseTo(pvOf(savings) - pvOf(due), 3);
  });

  it("hand example: savings [0, 300, 0, 200], paid [100, 100, 0, 0], provider 50 % → passed on [0, 50, 0, 100]", () => {
    // Cumulative −100, 100, 100, 300: new highs 0, 100, 0, 200.
    expect(
      surplusPassedOn([0, 300, 0, 200], [100, 100, 0, 0], { rule: "provider", share: 0.5, cohortSize: null }),
    ).toEqual([0, 50, 0, 100]);
    const flows = moneyFlowsCore(
      [0],
      { municipality: [100, 100, 0, 0], state: [] },
      {
        ...expectOk(investorTerms({})),
        savingsSurplus: { rule: "reinvested", share: 0.5, cohortSize: null },
      },
    );
    expect(municipalityNetPayments(flows, [0, 300, 0, 200])).toEqual([100, 150, 0, 100]);
  });
});

/** Random investor terms with every surplus rule, caps that bind and zero cost. */
const termsArbitrary: fc.Arbitrary<InvestorTermsInput> = fc.record({
  returnCap: fc.record({
    multiple: fc.constantFrom(null, 1, 1.1, 1.5),
    irr: fc.constantFrom(null, 0, 0.08),
  }),
  surplusShare: fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
    .map(([investor, provider, reinvested]) => {
      const total = Math.max(4, investor + provider + reinvested);
      return { investor: investor / total, provider: provider / total, reinvested: reinvested / total };
    }),
  maxLoss: fc.constantFrom(null, 0.5),
  cappedSurplus: fc.constantFrom("withheld" as const, "returned" as const),
  savingsSurplus: fc.record({
    rule: fc.constantFrom("commissioner" as const, "provider" as const, "reinvested" as const),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    cohortSize: fc.constantFrom(null, 1, 3),
  }),
});

const amounts = (length: number): fc.Arbitrary<number[]> =>
  fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500_000, noNaN: true })), {
    minLength: length,
    maxLength: length,
  });

describe("property: the money identity to 1e-9 in every month, reinvestment included (60 random cases)", () => {
  it("payers' money = recipients; surplus = kept + provider + reinvested; fund in = cohorts + Δ balance; one definition", () => {
    let reinvestedCases = 0;
    fc.assert(
      fc.property(
        termsArbitrary,
        fc
          .integer({ min: 4, max: 30 })
          .chain((n) => fc.tuple(amounts(n), amounts(n), amounts(n), fc.double({ min: 0, max: 1, noNaN: true }))),
        fc.constantFrom(0, 1, 3),
        (input, [costs, dueMunicipality, savingsSeries, stateShare], costMonths) => {
          const terms = expectOk(investorTerms(input));
          const dueState = dueMunicipality.map((value) => value * stateShare);
          const flows = moneyFlowsCore(costs, { municipality: dueMunicipality, state: dueState }, terms);
          const n = flows.months;
          const paid = Array.from(
            { length: n },
            (_, t) =>
              (dueMunicipality[t] ?? 0) -
              (flows.toCommissioner.municipality[t] ?? 0) +
              (flows.topUp.commissioner.municipality[t] ?? 0),
          );
          const surplus = surplusFlowsCore(
            {
              savings: savingsSeries,
              paid,
              investorReinvested: flows.reinvested,
              costProfile: new Array<number>(costMonths).fill(20_000),
              discountFactors: new Array<number>(n).fill(1),
              horizonMonths: n,
              defaultCohortSize: 2,
            },
            terms.savingsSurplus ?? { rule: "commissioner", share: 1, cohortSize: null },
          );
          const net = municipalityNetPayments(flows, savingsSeries);
          let previousBalance = 0;
          for (let t = 0; t < n; t++) {
            const scale = 1e-9 * Math.max(1, (dueMunicipality[t] ?? 0) + (savingsSeries[t] ?? 0) + (costs[t] ?? 0));
            const payers = (dueMunicipality[t] ?? 0) + (dueState[t] ?? 0);
            const recipients =
              (flows.investor[t] ?? 0) +
              (flows.toCommissioner.municipality[t] ?? 0) +
              (flows.toCommissioner.state[t] ?? 0) +
              (flows.provider[t] ?? 0) +
              (flows.reinvested[t] ?? 0);
            expect(Math.abs(payers - recipients)).toBeLessThanOrEqual(1e-9 * Math.max(1, payers));
            const split =
              (surplus.surplus[t] ?? 0) -
              (surplus.kept[t] ?? 0) -
              (surplus.provider[t] ?? 0) -
              (surplus.reinvestedFromSavings[t] ?? 0);
            expect(Math.abs(split)).toBeLessThanOrEqual(scale);
            const balance = surplus.fundBalance[t] ?? 0;
            const fund =
              (surplus.reinvestedFromSavings[t] ?? 0) +
              (flows.reinvested[t] ?? 0) -
              (surplus.cohortCost[t] ?? 0) -
              (balance - previousBalance);
            expect(Math.abs(fund)).toBeLessThanOrEqual(1e-9 * Math.max(1, previousBalance + balance));
            expect(balance).toBeGreaterThanOrEqual(0);
            previousBalance = balance;
            // One definition: the municipality's payments = before the rule + provider + reinvested from savings.
            const expected = (paid[t] ?? 0) + (surplus.provider[t] ?? 0) + (surplus.reinvestedFromSavings[t] ?? 0);
            expect(Math.abs((net[t] ?? 0) - expected)).toBeLessThanOrEqual(scale);
          }
          if (surplus.cohorts.length > 0) reinvestedCases++;
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
    expect(reinvestedCases).toBeGreaterThan(0);
  });
});
