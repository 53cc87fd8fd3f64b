import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { netCostTable } from "../../src/engine/netCost";
import { cachedNetCostTable } from "../../src/engine/netCostCache";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario, StateEconomics, TaxParameters } from "../../src/engine/scenario";
import { OUTCOME_STATES } from "../../src/engine/states";

const pilot = expectOk(pilotScenario(2023));

/** Every month's table of netCostTable (the uncached function) as plain data. */
function fresh(scenario: Scenario): unknown[] {
  const table = netCostTable(scenario);
  return Array.from({ length: scenario.horizonMonths }, (_, month) => table.netCost(month));
}

/** Every month's table of the kept tables as plain data. */
function kept(scenario: Scenario): unknown[] {
  const costs = cachedNetCostTable(scenario);
  return Array.from({ length: scenario.horizonMonths }, (_, month) => costs.table.netCost(month));
}

/** A different value of the same kind: numbers moved (integers by 1, others by 10 % + 0.01), payers swapped. */
function other(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value + 1 : value * 1.1 + 0.01;
  if (value === "municipality") return "state";
  if (value === "state") return "municipality";
  return value;
}

/** The pilot with one input changed: every field of every state, of the tax, and the scenario's own numbers. */
function variants(): [string, Scenario][] {
  const list: [string, Scenario][] = [];
  for (const state of OUTCOME_STATES) {
    for (const field of Object.keys(pilot.states[state]) as (keyof StateEconomics)[]) {
      const economics = { ...pilot.states[state], [field]: other(pilot.states[state][field]) };
      list.push([`states.${state}.${field}`, { ...pilot, states: { ...pilot.states, [state]: economics } }]);
    }
  }
  for (const field of Object.keys(pilot.tax) as (keyof TaxParameters)[]) {
    list.push([`tax.${field}`, { ...pilot, tax: { ...pilot.tax, [field]: other(pilot.tax[field]) } }]);
  }
  for (const [field, value] of Object.entries(pilot)) {
    if (typeof value === "number") list.push([field, { ...pilot, [field]: other(value) } as Scenario]);
  }
  const steps = pilot.refusionSteps;
  list.push([
    "refusionSteps, a share",
    { ...pilot, refusionSteps: steps.map((s, i) => (i === 1 ? { ...s, share: 0.7 } : s)) },
  ]);
  list.push([
    "refusionSteps, a week",
    { ...pilot, refusionSteps: steps.map((s, i) => (i === 1 ? { ...s, fromWeek: s.fromWeek + 3 } : s)) },
  ]);
  list.push(["refusionSteps, one more", { ...pilot, refusionSteps: [...steps, { fromWeek: 300, share: 0.1 }] }]);
  list.push(["refusionSteps, one less", { ...pilot, refusionSteps: steps.slice(0, -1) }]);
  return list;
}

describe("the kept net-cost tables (src/engine/netCostCache.ts) are netCostTable's for the inputs of every call", () => {
  it.each(variants())("after the pilot, the pilot with %s changed", (_, variant) => {
    kept(pilot);
    expect(kept(variant)).toEqual(fresh(variant));
    expect(kept(pilot)).toEqual(fresh(pilot));
    expect(kept(variant)).toEqual(fresh(variant));
  });

  it("a changed input that changes the table is noticed (the pilot's tax rate, a wage, a refusion share)", () => {
    const changed: Scenario[] = [
      { ...pilot, tax: { ...pilot.tax, municipalTaxRate: 0.26 } },
      { ...pilot, states: { ...pilot.states, JOB: { ...pilot.states.JOB, wage: 25_000 } } },
      { ...pilot, refusionSteps: pilot.refusionSteps.map((step) => ({ ...step, share: step.share / 2 })) },
    ];
    for (const scenario of changed) {
      kept(pilot);
      expect(kept(scenario)).not.toEqual(fresh(pilot));
      expect(kept(scenario)).toEqual(fresh(scenario));
    }
  });

  it("the same inputs in another scenario object give the kept tables; every month points at its table", () => {
    const first = cachedNetCostTable(pilot);
    const copy = structuredClone(pilot);
    expect(cachedNetCostTable(copy)).toBe(first);
    for (let month = 0; month < pilot.horizonMonths; month++) {
      expect(first.distinct[first.indexByMonth[month] ?? -1]).toBe(first.table.netCost(month));
    }
    // The distinct tables in the order the months first meet them: month 0's table first, each index at most one
    // more than the largest before it.
    let largest = -1;
    for (const index of first.indexByMonth) {
      expect(index).toBeLessThanOrEqual(largest + 1);
      largest = Math.max(largest, index);
    }
    expect(largest + 1).toBe(first.distinct.length);
  });

  it("keeps nothing for a benefit payer it cannot write down, and still gives netCostTable's tables", () => {
    const odd = {
      ...pilot,
      states: { ...pilot.states, TEMP: { ...pilot.states.TEMP, benefitPayer: "region" } },
    } as unknown as Scenario;
    expect(cachedNetCostTable(odd)).not.toBe(cachedNetCostTable(odd));
    expect(kept(odd)).toEqual(fresh(odd));
  });

  it("keeps the tables of several sets of inputs at once (municipalities alternating)", () => {
    const rates = [0.249, 0.254, 0.255, 0.25];
    const scenarios = rates.map((rate) => ({ ...pilot, tax: { ...pilot.tax, municipalTaxRate: rate } }));
    const first = scenarios.map((scenario) => cachedNetCostTable(scenario));
    scenarios.forEach((scenario, index) => expect(cachedNetCostTable(scenario)).toBe(first[index]));
  });
});
