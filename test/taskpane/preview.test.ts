import { beforeAll, describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { investorFlows } from "../../src/engine/investor";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { participantSharesFromEmploymentEffect } from "../../src/engine/shares";
import { investorOutcome, type InvestorOutcome, type NoInvestment } from "../../src/taskpane/preview/investorAdapter";
import { investorTerms } from "../../src/engine/investor";
import { DEFAULT_UNCERTAINTY, seededGenerator, simulate } from "../../src/engine/stress";
import { PREVIEW_DRAWS, PREVIEW_SEED, probabilityOfLoss } from "../../src/taskpane/preview/lossAdapter";
import { loadLossAdapter } from "../../src/taskpane/preview/lossLoader";
import { computeCaseNumbers } from "../../src/taskpane/preview/preview";
import { workshopCase, workshopNumbers } from "../../src/taskpane/preview/workshop";
import { initialState, modelOf, reduce, WORKSHOP_DEFAULTS } from "../../src/taskpane/state/reducer";

const pilot = expectOk(pilotScenario());

function invested(outcome: InvestorOutcome | NoInvestment): InvestorOutcome {
  if (outcome.kind !== "invested") throw new Error("expected an investment");
  return outcome;
}

describe("the live preview equals the engine", () => {
  // P(loss) is the lazy chunk montecarlo.js in the taskpane (issue 14 item 11): loaded here as the page loads it.
  beforeAll(async () => {
    await loadLossAdapter();
  });

  it("for the pilot: municipal net per participant, break-even month, investor IRR, P(loss)", () => {
    const numbers = expectOk(computeCaseNumbers(pilot, PILOT_PAYMENT_TERMS, {}));
    const businessCase = computeBusinessCase(pilot);
    const schedule = computePaymentSchedule(pilot, businessCase, PILOT_PAYMENT_TERMS);
    const flows = expectOk(investorFlows(businessCase.monthly.cost, schedule.total, {}));
    expect(numbers.municipalNetPerParticipant).toBe(businessCase.npv.perParticipant.municipality);
    expect(numbers.municipalNetPerParticipant).toBeCloseTo(28_005.72, 1);
    expect(numbers.breakEvenMonth).toBe(businessCase.breakEvenMonth.municipality);
    expect(numbers.breakEvenMonth).toBe(38);
    const investor = invested(numbers.investor);
    expect(investor.irr).toEqual({
      kind: "rate",
      annual: expectOk(flows.metrics.irr).effectiveAnnualRate,
      otherRoots: [],
      signChanges: 1,
    });
    expect(investor.drawn).toBe(flows.totals.drawn);
    expect(investor.returned).toBe(flows.totals.returned);
    expect(numbers.municipalitySib).toEqual(schedule.municipality.discounted);
    expect(numbers.municipalitySibTotal).toEqual(schedule.municipality.total);
    expect(numbers.municipalityCumulative).toEqual(schedule.municipality.cumulativeNetDiscounted);
    expect(numbers.paymentsTotal).toBe(schedule.totals.all);
    // P(loss) comes from the engine's Monte Carlo (default uncertainty: binomial outcome draws), fixed seed.
    const simulated = expectOk(
      simulate(
        { scenario: pilot, paymentTerms: PILOT_PAYMENT_TERMS, investorTerms: expectOk(investorTerms({})) },
        DEFAULT_UNCERTAINTY,
        PREVIEW_DRAWS,
        seededGenerator(PREVIEW_SEED),
      ),
    );
    expect(numbers.lossProbability).toEqual({
      kind: "estimate",
      probability: simulated.probabilityOfLoss,
      draws: 2_000,
    });
    expect(simulated.probabilityOfLoss).toBeGreaterThan(0.5);
  });

  it("for what the user typed: the model's case goes through the same engine functions", () => {
    const state = [
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setField", id: "effectPp", text: "15" },
      { type: "setField", id: "price.selfSupporting", text: "250.000" },
      { type: "setField", id: "returnCap.irr", text: "10" },
    ].reduce((current, action) => reduce(current, action as Parameters<typeof reduce>[1]), initialState("da-DK"));
    const model = modelOf(state);
    const scenario = {
      ...pilot,
      participantShares: expectOk(participantSharesFromEmploymentEffect(pilot.comparisonShares, 15)),
    };
    expect(model.scenario).toEqual(scenario);
    const terms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) =>
        line.metric === "selfSupporting" ? { ...line, price: 250_000 } : line,
      ),
    };
    expect(model.terms).toEqual(terms);
    const numbers = expectOk(computeCaseNumbers(model.scenario, model.terms, model.investor));
    const businessCase = computeBusinessCase(scenario);
    const schedule = computePaymentSchedule(scenario, businessCase, terms);
    const flows = expectOk(
      investorFlows(businessCase.monthly.cost, schedule.total, { returnCap: { irr: 0.1, multiple: null } }),
    );
    expect(numbers.municipalNetPerParticipant).toBe(businessCase.npv.perParticipant.municipality);
    expect(numbers.breakEvenMonth).toBe(businessCase.breakEvenMonth.municipality);
    expect(invested(numbers.investor).returned).toBe(flows.totals.returned);
    expect(invested(numbers.investor).irr).toMatchObject({
      kind: "rate",
      annual: expectOk(flows.metrics.irr).effectiveAnnualRate,
    });
  });

  it("the investor adapter says why there is no IRR: nothing back is a total loss; no cost is no investment", () => {
    const outcome = invested(expectOk(investorOutcome([100, 100], [0, 0, 0], {})));
    expect(outcome.irr).toEqual({ kind: "none", reason: "totalLoss", signChanges: 0 });
    expect(outcome.drawn).toBe(200);
    expect(outcome.returned).toBe(0);
    expect(outcome.moneyMultiple).toBe(0);
    expect(expectOk(investorOutcome([0], [10], {}))).toEqual({ kind: "noInvestment" });
    // Everything received in month 0 (a fee at least the cost): the flows never change sign, but money comes back.
    const noChange = invested(expectOk(investorOutcome([100], [150], {})));
    expect(noChange.irr).toEqual({ kind: "none", reason: "noSignChange", signChanges: 0 });
  });

  it("P(loss) is pending when the case cannot be simulated (bad investor terms)", () => {
    const loss = probabilityOfLoss(pilot, PILOT_PAYMENT_TERMS, { maxLoss: 2 });
    expect(loss.kind).toBe("pending");
    // With the engine's reason (shown next to the dash): maxLoss is a share from 0 to 1.
    expect(loss.kind === "pending" ? loss.issues?.map((item) => item.field) : []).toEqual(["terms.maxLoss"]);
  });

  it("the workshop's numbers are the engine's for the sliders' case", () => {
    const values = { ...WORKSHOP_DEFAULTS, effectPp: 20, price: 150_000 };
    const built = expectOk(workshopCase(values));
    expect(built.scenario.participantShares).toEqual(
      expectOk(participantSharesFromEmploymentEffect(pilot.comparisonShares, 20)),
    );
    expect(built.scenario.costPerParticipant).toBe(values.costPerParticipant);
    expect(built.scenario.horizonMonths).toBe(values.horizonMonths);
    expect(built.terms.rateCard[0]).toEqual({
      metric: "selfSupporting",
      price: 150_000,
      volumeCap: null,
      requires: null,
    });
    const result = expectOk(workshopNumbers(values));
    expect(result.numbers).toEqual(expectOk(computeCaseNumbers(built.scenario, built.terms, built.investor)));
    expect(workshopNumbers({ ...values, effectPp: 90 }).ok).toBe(false);
  });
});
