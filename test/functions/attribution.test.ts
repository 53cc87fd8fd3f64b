import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "../../src/engine/accounts";
import { ATTRIBUTION_ROWS } from "../../src/engine/attribution";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { OUTCOME_STATES } from "../../src/engine/states";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const functions = await import("../../src/functions/functions");
const attribution = asCalledByExcel(functions.attribution);
const budgetSaving = asCalledByExcel(functions.budgetSaving);
const socioEconomic = asCalledByExcel(functions.socioEconomic);
const pilot = expectOk(pilotScenario(2023));

/** The table SIB.ATTRIBUTION should spill for a scenario, from the engine's result. */
function expectedTable(scenario: Scenario, table: "total" | "perParticipant"): (string | number)[][] {
  const result = computeBusinessCase(scenario);
  return [
    ["outcomeState", ...ACCOUNTS],
    ...ATTRIBUTION_ROWS.map((row) => [row, ...ACCOUNTS.map((account) => result.attribution[table][account][row])]),
    ["total", ...ACCOUNTS.map((account) => result.npv[table][account])],
  ];
}

describe("SIB.ATTRIBUTION", () => {
  it("spills a header row, the eight states, cost and total for all six accounts (the engine's numbers)", () => {
    const table = attribution();
    expect(table).toEqual(expectedTable(pilot, "perParticipant"));
    expect(table.map((row) => row[0])).toEqual(["outcomeState", ...OUTCOME_STATES, "cost", "total"]);
    expect(attribution(null, null, false)).toEqual(expectedTable(pilot, "total"));
  });

  it("the rows plus cost sum to the account's NPV, as SIB.BUDGETSAVING and SIB.SOCIOECONOMIC give it", () => {
    const table = attribution();
    const sumOf = (column: number): number =>
      table.slice(1, -1).reduce((sum, row) => sum + (typeof row[column] === "number" ? row[column] : 0), 0);
    const column = (account: string): number => (table[0] ?? []).indexOf(account);
    const municipality = budgetSaving("kommune") as number;
    expect(Math.abs(sumOf(column("municipality")) - municipality)).toBeLessThanOrEqual(1e-9 * Math.abs(municipality));
    const society = socioEconomic() as number;
    expect(Math.abs(sumOf(column("socioEconomic")) - society)).toBeLessThanOrEqual(1e-9 * Math.abs(society));
  });

  it.each([
    ["kommune", "municipality"],
    ["samfund", "socioEconomic"],
    ["udligning", "otherMunicipalities"],
    ["Offentlig", "public"],
    ["socioEconomic", "socioEconomic"],
  ])("one account (%s): the state column and that account only", (given, account) => {
    const full = expectedTable(pilot, "perParticipant");
    const index = (full[0] ?? []).indexOf(account);
    expect(attribution(given)).toEqual(full.map((row) => [row[0], row[index]]));
  });

  it("the pilot's municipal ABROAD row is about 16,100 kr per participant (issue 9)", () => {
    const row = attribution("kommune").find((line) => line[0] === "ABROAD");
    expect(row?.[1]).toBeGreaterThan(16_000);
    expect(row?.[1]).toBeLessThan(16_200);
  });

  it("an empty desktop cell (0) or empty text as the account gives all six", () => {
    expect(attribution(0)).toEqual(expectedTable(pilot, "perParticipant"));
    expect(attribution("  ")).toEqual(expectedTable(pilot, "perParticipant"));
  });

  it.each<[string, unknown]>([
    ["an unknown account", "kommunen"],
    ["a number", 3],
    ["TRUE", true],
  ])("#VALUE! for %s, naming the allowed accounts", (_, value) => {
    const error = excelErrorOf(() => attribution(value));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /^account must be "kommune", "stat", "region", "udligning", "offentlig" or "samfund"/,
    );
  });
});

describe("neutralised states and the reference through the inputs range", () => {
  it("neutralise.ABROAD 1: the ABROAD row is 0 for every account; equals the engine with neutraliseStates [ABROAD]", () => {
    const table = attribution(null, [["neutralise.ABROAD", 1]]);
    expect(table).toEqual(expectedTable({ ...pilot, neutraliseStates: ["ABROAD"] }, "perParticipant"));
    expect(table.find((row) => row[0] === "ABROAD")?.slice(1)).toEqual(ACCOUNTS.map(() => 0));
  });

  it("SIB.BUDGETSAVING with neutralise.ABROAD and neutralise.PERM equals the engine (and differs from the pilot)", () => {
    const inputs = [
      ["neutralise.ABROAD", 1],
      ["neutralise.PERM", 1],
    ];
    const expected = computeBusinessCase({ ...pilot, neutraliseStates: ["PERM", "ABROAD"] });
    expect(budgetSaving("kommune", inputs)).toBe(expected.npv.perParticipant.municipality);
    expect(budgetSaving("kommune", inputs)).not.toBe(budgetSaving("kommune"));
    expect(budgetSaving("kommune", [["neutralise.ABROAD", 0]])).toBe(budgetSaving("kommune"));
  });

  it("attributionReference JOB: the JOB row is 0, the totals are unchanged", () => {
    const table = attribution(null, [["attributionReference", "JOB"]]);
    expect(table).toEqual(expectedTable({ ...pilot, attributionReference: "JOB" }, "perParticipant"));
    const job = table.find((row) => row[0] === "JOB")?.slice(1) ?? [];
    for (const value of job) expect(Math.abs(value as number)).toBeLessThanOrEqual(1e-6);
    expect(table.at(-1)).toEqual(attribution().at(-1));
  });

  it.each<[string, (string | number)[][], string]>([
    ["neutralise.ABROAD 2", [["neutralise.ABROAD", 2]], "neutralise.ABROAD"],
    ["an unknown reference", [["attributionReference", "HOME"]], "attributionReference"],
  ])("#VALUE! for %s, naming the input", (_, inputs, name) => {
    const error = excelErrorOf(() => attribution(null, inputs));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});
