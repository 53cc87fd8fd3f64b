import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { netCostOfState, savingAtFullEffect } from "../../src/engine/netCost";
import { pilotScenario } from "../../src/engine/pilot";
import { monthlyTaxes } from "../../src/engine/tax";
import { OUTCOME_STATES, perState, type OutcomeState } from "../../src/engine/states";

const scenario = expectOk(pilotScenario(2023));
const LONG_TERM_REFUSION = 0.2;

/** DOMAIN.md section d: per-state monthly net public cost per person, NC_K / NC_S, rounded to kr. */
const WORKED_EXAMPLE: Record<OutcomeState, [number, number]> = {
  JOB: [-3828, -4106],
  JOB_UNK: [-1442, -1811],
  JOB_PART: [1605, -1049],
  EDU: [-625, 6198],
  FLEX: [5563, -479],
  TEMP: [7599, 1433],
  PERM: [10897, 1907],
  ABROAD: [0, 0],
};

describe("net public cost per state (DOMAIN.md worked example, 2023 parameters)", () => {
  it.each(OUTCOME_STATES)("%s matches the worked example to the kr", (state) => {
    const cost = netCostOfState(scenario, state, LONG_TERM_REFUSION);
    const [municipality, stateBudget] = WORKED_EXAMPLE[state];
    expect(Math.abs(cost.municipality - municipality)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cost.state - stateBudget)).toBeLessThanOrEqual(0.5);
    expect(cost.region).toBe(0);
  });

  it("computes the JOB taxes step by step as in DOMAIN.md b3", () => {
    // Independent hand calculation: wage 24,000 kr/month, 2023 tax parameters.
    const annualWage = 288_000;
    const am = 0.08 * annualWage; // 23,040
    const personalIncome = annualWage - am; // 264,960
    const employmentAllowance = Math.min(0.1065 * annualWage, 45_600); // 30,672
    const jobAllowance = Math.min(0.045 * (annualWage - 208_700), 2_700); // 2,700 (cap)
    const taxable = personalIncome - employmentAllowance - jobAllowance; // 231,588
    const municipalTax = (0.25018 * (taxable - 48_000)) / 12;
    const bottomTax = (0.1209 * (personalIncome - 48_000)) / 12;
    const taxes = monthlyTaxes(scenario.states.JOB, scenario.tax);
    expect(taxes.labourMarketContribution).toBeCloseTo(am / 12, 9);
    expect(taxes.municipalTax).toBeCloseTo(municipalTax, 9);
    expect(taxes.bottomTax).toBeCloseTo(bottomTax, 9);
  });

  it("moves the share U of municipal tax to the other municipalities without changing the public total", () => {
    for (const state of OUTCOME_STATES) {
      const gross = netCostOfState({ ...scenario, equalisationShare: 0 }, state, LONG_TERM_REFUSION);
      const net = netCostOfState({ ...scenario, equalisationShare: 0.75 }, state, LONG_TERM_REFUSION);
      const total = (c: typeof gross) => c.municipality + c.state + c.region + c.otherMunicipalities;
      expect(total(net)).toBeCloseTo(total(gross), 9);
      const tax = monthlyTaxes(scenario.states[state], scenario.tax).municipalTax;
      expect(net.otherMunicipalities).toBeCloseTo(-0.75 * tax, 9);
    }
  });
});

describe("monthly saving at full effect (DOMAIN.md d, published whole-percent effects)", () => {
  it("gives +2,641 kr for the kommune and +1,031 kr for the state per participant-month", () => {
    // Effects in pp from the published shares: participants − comparison.
    const effectPp: Record<OutcomeState, number> = {
      JOB: 11,
      JOB_UNK: 4,
      JOB_PART: 6,
      EDU: -1,
      FLEX: -2,
      TEMP: -14,
      PERM: -10,
      ABROAD: 5,
    };
    const netCost = perState((state) => netCostOfState(scenario, state, LONG_TERM_REFUSION));
    const saving = savingAtFullEffect(
      perState((state) => effectPp[state] / 100),
      netCost,
    );
    // The table sums rounded rows (421+58−96−6+111+1,064+1,090 = 2,642 before rounding of the total), so ±2 kr.
    expect(Math.abs(saving.municipality - 2641)).toBeLessThanOrEqual(2);
    expect(Math.abs(saving.state - 1031)).toBeLessThanOrEqual(2);
  });
});
