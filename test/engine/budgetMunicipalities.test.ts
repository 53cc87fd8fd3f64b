import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  computeBudget,
  MUNICIPALITY_BUDGET_ACCOUNTS,
  municipalityBudgets,
  type BudgetYear,
} from "../../src/engine/budget";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor/terms";
import { pilotModel } from "../../src/engine/modelFile";
import { municipalityResults } from "../../src/engine/municipalityResults";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import type { PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";

/**
 * The budget view per municipality (issue 10's loose end): each municipality's own budget, what it pays and the
 * municipality with SIB by calendar year. Checked against sums written out here: the municipalities' years sum to the
 * whole case's; each one's own budget, deflated by (1 + π)^(Y − P), sums to its undiscounted municipal total; what it
 * pays is its share of the municipalities' payments by year, summed here from the schedule's months.
 */
const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;
const terms = expectOk(pilotModel()).paymentTerms;

function close(actual: number, expected: number, scale: number, what: string): void {
  expect(Math.abs(actual - expected) / Math.max(1, Math.abs(scale)), what).toBeLessThanOrEqual(1e-9);
}

function setup(scenario: Scenario, paymentTerms: PaymentTerms, cap?: ReturnType<typeof investorTerms>) {
  const result = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, result, paymentTerms);
  const investor = cap === undefined ? undefined : expectOk(cap);
  const whole = computeBudget(scenario, result, schedule, investor);
  const parts = municipalityBudgets(scenario, result, schedule, investor);
  return { result, schedule, whole, parts };
}

function sumOver(
  parts: ReturnType<typeof municipalityBudgets>,
  account: (typeof MUNICIPALITY_BUDGET_ACCOUNTS)[number],
) {
  const byYear = new Map<number, number>();
  for (const part of Object.values(parts)) {
    for (const { year, amount } of part.byAccount[account]) byYear.set(year, (byYear.get(year) ?? 0) + amount);
  }
  return byYear;
}

describe("budget per municipality (engine)", () => {
  const scenario: Scenario = { ...herningViborg, startDate: "2026-10-01", priceIndex: 0.03 };
  const indexed = { ...terms, priceIndexation: 0.02 };

  it("Herning and Viborg: the same years as the whole case; own budgets and with SIB sum to the whole's each year", () => {
    const { whole, parts } = setup(scenario, indexed);
    expect(Object.keys(parts)).toEqual(["Herning", "Viborg"]);
    const years = whole.byAccount.municipality.map((entry) => entry.year);
    for (const part of Object.values(parts)) {
      for (const account of MUNICIPALITY_BUDGET_ACCOUNTS) {
        expect(
          part.byAccount[account].map((entry) => entry.year),
          account,
        ).toEqual(years);
        expect(part.summary[account]).toHaveLength(whole.summary.municipality.length);
      }
    }
    for (const account of ["municipality", "municipalityWithSib"] as const) {
      const summed = sumOver(parts, account);
      const scale = Math.max(...whole.byAccount[account].map((entry) => Math.abs(entry.amount)));
      for (const { year, amount } of whole.byAccount[account])
        close(summed.get(year) ?? NaN, amount, scale, `${account} ${year}`);
      whole.summary[account].forEach((amount, k) => {
        const parted = Object.values(parts).reduce((sum, part) => sum + (part.summary[account][k] ?? NaN), 0);
        close(parted, amount, scale, `${account} summary ${k}`);
      });
    }
  });

  it("each one's own budget deflated to fixed prices sums to its undiscounted municipal total", () => {
    const { parts } = setup(scenario, indexed);
    const totals = municipalityResults(scenario, { total: 0, presentValue: 0 });
    for (const [name, part] of Object.entries(parts)) {
      const expected = totals[name]?.undiscountedTotal.municipality ?? NaN;
      const deflated = part.byAccount.municipality.reduce(
        (sum: number, entry: BudgetYear) => sum + entry.amount / 1.03 ** (entry.year - scenario.parameterYear),
        0,
      );
      close(deflated, expected, expected, name);
    }
  });

  it("what each pays is its share of the municipal payments by year: month m in 2026 + ⌊(9 + m)/12⌋, × 1.02^⌊m/12⌋", () => {
    const { schedule, parts } = setup(scenario, indexed);
    // Written out: the schedule's municipal payments (fixed prices) by calendar year from October 2026, indexed.
    const byYear = new Map<number, number>();
    schedule.byPayer.municipality.forEach((amount, m) => {
      const year = 2026 + Math.floor((9 + m) / 12);
      byYear.set(year, (byYear.get(year) ?? 0) + amount * 1.02 ** Math.floor(m / 12));
    });
    const paid = [...byYear.values()].reduce((sum, amount) => sum + amount, 0);
    expect(paid).toBeGreaterThan(0);
    for (const [name, share] of [
      ["Herning", 0.55],
      ["Viborg", 0.45],
    ] as const) {
      for (const { year, amount } of parts[name]?.byAccount.municipalPayments ?? []) {
        close(amount, share * (byYear.get(year) ?? 0), paid, `${name} ${year}`);
      }
    }
  });

  it("a binding 1× return cap with the state paying half: with SIB still sums to the whole's (the withheld surplus split by share)", () => {
    const shares = { ...herningViborg.participantShares };
    const capBinds: Scenario = {
      ...scenario,
      participantShares: { ...shares, JOB: 0.4, TEMP: shares.TEMP - (0.4 - shares.JOB) },
    };
    const { whole, parts, schedule } = setup(
      capBinds,
      { ...terms, municipalityShare: 0.5, priceIndexation: 0.03 },
      investorTerms({ returnCap: { multiple: 1 } }),
    );
    const withSib = sumOver(parts, "municipalityWithSib");
    const scale = Math.max(...whole.byAccount.municipalityWithSib.map((entry) => Math.abs(entry.amount)));
    for (const { year, amount } of whole.byAccount.municipalityWithSib)
      close(withSib.get(year) ?? NaN, amount, scale, String(year));
    // The cap binds: together they pay less than the schedule's municipal payments.
    const paid = [...sumOver(parts, "municipalPayments").values()].reduce((sum, amount) => sum + amount, 0);
    expect(paid).toBeLessThan(schedule.nominal.totals.byPayer.municipality - 1);
  });

  it("no municipalities listed (the pilot): no per-municipality budget", () => {
    const pilot = expectOk(pilotScenario(2023));
    expect(Object.keys(setup(pilot, terms).parts)).toEqual([]);
  });
});
