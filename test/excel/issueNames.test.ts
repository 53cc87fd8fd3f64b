import { describe, expect, it } from "vitest";
import { expectOk, issue } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor/terms";
import { PILOT_PAYMENT_TERMS, validatePaymentTerms, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { OUTCOME_STATES } from "../../src/engine/states";
import { validateScenario } from "../../src/engine/validate";
import { issueCell, issueNames, namedIssues } from "../../src/excel/issueNames";
import { inputNames, termNames } from "../../src/plan/readBack";

const pilot = expectOk(pilotScenario());

/** A scenario that breaks a rule in every kind of input: scalars, tax and factors, cohorts, refusion, states. */
const broken: Scenario = {
  ...pilot,
  horizonMonths: -1,
  discountRate: -5,
  costPerParticipant: -1,
  cohorts: [{ participants: -1, intakeMonth: -2 }],
  refusionSteps: [{ fromWeek: -1, share: 5 }],
  participantShares: { ...pilot.participantShares, FLEX: 5 },
  comparisonShares: { ...pilot.comparisonShares, ABROAD: -1 },
  states: { ...pilot.states, TEMP: { ...pilot.states.TEMP, wage: -1, healthCost: -1 } },
  tax: { ...pilot.tax, municipalTaxRate: 5 },
  socioEconomic: { ...pilot.socioEconomic, employerCostFactor: -1 },
};

/** Payment terms that break a rule in every term the Payment sheet holds. */
const brokenTerms: PaymentTerms = {
  ...PILOT_PAYMENT_TERMS,
  rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: -1, volumeCap: -1 })),
  threshold: { pp: -500, scope: "metric", metric: null },
  personCap: -1,
  contractCap: -1,
  savingsShare: 2,
  baseFee: -1,
  lagMonths: 1.5,
  municipalityShare: 2,
};

describe("issueNames: engine issues of a model read back name the cells they came from", () => {
  it("runs its doc examples", () => {
    expect(issueCell("participantShares.JOB", "SIB2_")).toEqual({ name: "SIB2_ParticipantShares", row: 1 });
    expect(namedIssues([issue("InvalidInput", "lagMonths", "integer", "lagMonths must …")], "SIB_")[0]?.message).toBe(
      "SIB_PayLagMonths: lagMonths must …",
    );
  });

  it("every scenario rule the engine checks maps to an input name of the Inputs sheet, with its row", () => {
    const issues = validateScenario(broken);
    expect(issues.length).toBeGreaterThan(10);
    const inputs = new Set(inputNames().map((name) => name.replace(/^SIB_/, "SIB3_")));
    for (const found of issues) {
      const cell = issueCell(found.field, "SIB3_");
      expect(cell, found.field).not.toBeNull();
      expect(inputs.has(cell?.name ?? ""), `${found.field} → ${cell?.name}`).toBe(true);
    }
    expect(issueCell("participantShares.FLEX", "SIB_")).toEqual({
      name: "SIB_ParticipantShares",
      row: OUTCOME_STATES.indexOf("FLEX") + 1,
    });
    expect(issueCell("states.TEMP.wage", "SIB_")).toEqual({
      name: "SIB_Wages",
      row: OUTCOME_STATES.indexOf("TEMP") + 1,
    });
    expect(issueCell("benefitPayer.JOB", "SIB_")).toEqual({ name: "SIB_BenefitPaidByMunicipality", row: 1 });
    expect(issueCell("cohorts[2].intakeMonth", "SIB_")).toEqual({ name: "SIB_CohortIntakeMonths", row: 3 });
    expect(issueCell("refusionSteps[1].share", "SIB_")).toEqual({ name: "SIB_RefusionShare", row: 2 });
    expect(issueCell("tax.municipalTaxRate", "SIB_")).toEqual({ name: "SIB_MunicipalTaxRate", row: null });
    expect(issueCell("name", "SIB_")).toBeNull();
  });

  it("every payment and investor rule maps to a name of the Payment or Investor sheet", () => {
    const investor = investorTerms({
      returnCap: { irr: -5, multiple: -1 },
      maxLoss: 5,
      hurdleRate: -5,
      surplusShare: { investor: 2, provider: -1 },
    });
    expect(investor.ok).toBe(false);
    const issues = [...validatePaymentTerms(brokenTerms), ...(investor.ok ? [] : investor.issues)];
    expect(issues.length).toBeGreaterThan(10);
    const terms = new Set(termNames());
    for (const found of issues) {
      const cell = issueCell(found.field, "SIB_");
      expect(cell, found.field).not.toBeNull();
      expect(terms.has(cell?.name ?? ""), `${found.field} → ${cell?.name}`).toBe(true);
    }
    expect(issueCell("rateCard[1].price", "SIB2_")).toEqual({ name: "SIB2_PayPrices", row: 2 });
  });

  it("a field that already is a defined name stays; the names of several issues are listed once, in order", () => {
    const issues = [
      issue("InvalidInput", "SIB2_HorizonMonths", "number", 'SIB2_HorizonMonths row 1 must be a number, got "x".'),
      issue("InvalidInput", "participantShares.JOB", "range", "participantShares.JOB must be a share"),
      issue("InvalidInput", "participantShares", "sum", "participantShares must sum to 1"),
    ];
    expect(namedIssues(issues, "SIB2_").map((found) => found.message)).toEqual([
      'SIB2_HorizonMonths row 1 must be a number, got "x".',
      "SIB2_ParticipantShares row 1: participantShares.JOB must be a share",
      "SIB2_ParticipantShares: participantShares must sum to 1",
    ]);
    expect(issueNames(issues, "SIB2_")).toEqual(["SIB2_HorizonMonths", "SIB2_ParticipantShares"]);
  });
});
