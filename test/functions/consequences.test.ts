import { describe, expect, it } from "vitest";
import { DEFAULT_CONSEQUENCES } from "../../src/engine/consequences/defaults";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const functions = await import("../../src/functions/functions");
const consequences = asCalledByExcel(functions.consequences);
const budgetSaving = asCalledByExcel(functions.budgetSaving);
const pilot = expectOk(pilotScenario(2023));

const prisonInputs = [
  ["consequence.prisonDay.change.inWork", -3],
  ["konsekvens.prisonDay.indeksfaktor", 1.2],
];

describe("SIB.CONSEQUENCES and consequences through the inputs range (issue 15)", () => {
  it("without inputs it spills the default table: sourced prices, 'not found' rows, every added NPV 0", () => {
    const table = consequences();
    const header = table[0] ?? [];
    expect(table.slice(1).map((row) => row[0])).toEqual(DEFAULT_CONSEQUENCES.map((row) => row.id));
    const prison = table[1] ?? [];
    const at = (column: string): number | string | undefined => prison[header.indexOf(column)];
    expect([at("unitPrice"), at("priceYear"), at("unitPriceInParameterYear"), at("evidence")]).toEqual([
      1469,
      2015,
      "",
      "V",
    ]);
    expect(at("name")).toBe("Fængselsdag (gennemsnit)");
    expect(String(at("source"))).toContain("Kriminalforsorgen");
    const bedDay = table.find((row) => row[0] === "psychiatricBedDay") ?? [];
    expect(bedDay[header.indexOf("source")]).toBe("ikke fundet — angiv dit eget tal");
    expect(consequences(null, "en").find((row) => row[0] === "psychiatricBedDay")?.[header.indexOf("source")]).toBe(
      "not found — supply your own",
    );
    for (const row of table.slice(1)) expect(row.slice(header.indexOf("municipality"))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("3 prison days a year fewer in work, at 1,469 kr (2015) × 1.2: the state's saving by an independent sum", () => {
    // Per participant: Σ_t DF(t) × g(t) × Σ_in work Δ_s × 3 days × 1,469 kr × 1.2 / 12, DF at mid-month of 3.5 %/year.
    const inWork = (["JOB", "JOB_UNK", "JOB_PART", "FLEX"] as const).reduce(
      (sum, state) => sum + pilot.participantShares[state] - pilot.comparisonShares[state],
      0,
    );
    const monthly = Math.pow(1.035, 1 / 12) - 1;
    let expected = 0;
    for (let t = 0; t < pilot.horizonMonths; t++) {
      const g = t < pilot.measurementMonth ? (t + 1) / pilot.measurementMonth : 1;
      expected += (g * inWork * 3 * 1469 * 1.2) / 12 / Math.pow(1 + monthly, t + 0.5);
    }
    const table = consequences(prisonInputs);
    const header = table[0] ?? [];
    const prison = table[1] ?? [];
    expect(prison[header.indexOf("state")]).toBeCloseTo(expected, 6);
    expect(prison[header.indexOf("evidence")]).toBe("V");
    expect(budgetSaving("stat", prisonInputs) - budgetSaving("stat")).toBeCloseTo(expected, 6);
    expect(budgetSaving("kommune", prisonInputs)).toBe(budgetSaving("kommune"));
  });

  it("a new row from the inputs, and one clear error per bad input", () => {
    const own = consequences([
      ["consequence.shelter2.area", "bolig"],
      ["consequence.shelter2.payer", "kommune"],
      ["consequence.shelter2.name", "Herberg"],
      ["consequence.shelter2.unit", "døgn"],
      ["consequence.shelter2.unitPrice", 1500],
      ["consequence.shelter2.priceYear", 2023],
      ["consequence.shelter2.change.TEMP", 10],
    ]);
    const row = own.find((item) => item[0] === "shelter2") ?? [];
    expect(row[(own[0] ?? []).indexOf("evidence")]).toBe("user");
    expect(Number(row[(own[0] ?? []).indexOf("municipality")])).toBeGreaterThan(0);
    expect(excelErrorOf(() => consequences([["consequence.prisonDay.change.inWork", -3]])).message).toContain(
      "price year 2015 is outside the data of the built-in index",
    );
    expect(excelErrorOf(() => consequences([["consequence.prisonDay.payer", "nobody"]])).message).toContain(
      "must be one of municipality, kommune, region, state, stat",
    );
    expect(
      excelErrorOf(() =>
        consequences([
          ["consequence.x.area", "crime"],
          ["consequence.x.change.JOB", -1],
        ]),
      ).message,
    ).toContain("no payer");
    expect(excelErrorOf(() => consequences([["consequence.prisonDay.colour", 1]])).message).toContain(
      "unknown consequence field colour",
    );
    expect(excelErrorOf(() => consequences(null, "fr")).message).toContain('language must be "da"');
  });
});
