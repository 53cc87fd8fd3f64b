import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { investorFlows } from "../../src/engine/investor/waterfall";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";

installCustomFunctionsStub();
const stress = await import("../../src/functions/stress");
const fn = {
  simulate: asCalledByExcel(stress.simulate),
  breakEvenRate: asCalledByExcel(stress.breakEvenRate),
  dealZone: asCalledByExcel(stress.dealZone),
  tornado: asCalledByExcel(stress.tornado),
};

const pilot = expectOk(pilotScenario());
const pilotCase = computeBusinessCase(pilot);
const pilotSchedule = computePaymentSchedule(pilot, pilotCase, PILOT_PAYMENT_TERMS);
const pilotFlows = expectOk(investorFlows(pilotCase.monthly.cost, pilotSchedule.total, {}));
const PILOT_IRR = expectOk(pilotFlows.metrics.irr).effectiveAnnualRate; // −11.89 % a year

/** The row of a spilled table whose first cell is `label`. */
function row(table: (number | string)[][], label: string): (number | string)[] {
  const found = table.find((cells) => cells[0] === label);
  if (found === undefined) throw new Error(`no row ${label}`);
  return found;
}

describe("SIB.SIMULATE", () => {
  it("spills a labelled table: a header and one row per statistic, 7 columns", () => {
    const table = fn.simulate(2_000, 1);
    expect(table[0]).toEqual(["statistic", "P5", "P10", "P50", "P90", "P95", "mean"]);
    expect(table.map((cells) => cells[0])).toEqual([
      "statistic",
      "investor IRR (effective annual)",
      "investor money multiple",
      "investor NPV at the 5 % default hurdle (kr)",
      "municipality net, discounted (kr)",
      "P(investor loss: multiple < 1)",
      "P(outcome payment triggered)",
      "P(investor NPV at 5 % default hurdle < 0)",
      "mean of IRRs (effective annual)",
      "IRR of the mean flows (effective annual)",
      "draws with a total loss (IRR counted as -100 %)",
      "draws without a unique IRR (left out of the IRR row)",
      "draws with the effect multiplier clamped",
      "mean payment, undiscounted (kr)",
      "iterations",
      "seed",
    ]);
    for (const cells of table) expect(cells).toHaveLength(7);
    // IRR never alone (issue 11 item 6): without a hurdle the 5 % default gives the NPV and its probability.
    expect(typeof row(table, "P(investor NPV at 5 % default hurdle < 0)")[1]).toBe("number");
    expect(row(table, "iterations")[1]).toBe(2_000);
  });

  it("the same seed gives the same table; another seed another; omitted ranges as null (web) or absent", () => {
    const first = fn.simulate(1_000, 5);
    expect(fn.simulate(1_000, 5, null, null, null, null)).toEqual(first);
    expect(fn.simulate(1_000, 6)).not.toEqual(first);
  });

  it("without uncertainty every percentile is the engine's IRR, multiple and net", () => {
    const table = fn.simulate(10, 0, null, null, [["hurdleRate", 0.05]], [["outcomes.binomial", false]]);
    for (const cell of row(table, "investor IRR (effective annual)").slice(1)) expect(cell).toBeCloseTo(PILOT_IRR, 12);
    expect(row(table, "investor money multiple")[3]).toBe(pilotFlows.metrics.moneyMultiple);
    expect(row(table, "municipality net, discounted (kr)")[3]).toBe(pilotSchedule.municipality.discounted.net);
    expect(row(table, "P(investor NPV at 5 % hurdle < 0)")[1]).toBe(1);
    // −Σ_{t=0}^{11} 369,768 × 1.05^(−t/12) + 3,932,986.91 × 1.05^(−17/12): the pilot's NPV at 5 % in every draw.
    let npv = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045) * 1.05 ** (-17 / 12);
    for (let t = 0; t < 12; t++) npv -= 369_768 * 1.05 ** (-t / 12);
    for (const cell of row(table, "investor NPV at the 5 % hurdle (kr)").slice(1)) expect(cell).toBeCloseTo(npv, 4);
  });

  it("uses the terms, investor terms and uncertainty ranges (Danish names too); blank rows skipped", () => {
    const table = fn.simulate(
      3_000,
      2,
      [["participants", 56]],
      [
        ["threshold.pp", 18],
        ["threshold.scope", "contract"],
        ["", ""],
      ],
      [["hurdleRate", 0.08]],
      [
        ["effekt.spredning", 0.3],
        ["comparison.size", 100],
      ],
    );
    const losses = row(table, "draws with a total loss (IRR counted as -100 %)")[1];
    expect(typeof losses === "number" && losses > 0).toBe(true);
    expect(row(table, "investor IRR (effective annual)")[1]).toBe(-1);
  });

  it("iterations above 200,000: #VALUE! with the cap in the message; bad seed, names and values too", () => {
    expect(excelErrorOf(() => fn.simulate(200_001, 1))).toEqual({
      code: "#VALUE!",
      message:
        "iterations must be a whole number from 1 to 200,000 (the cap keeps a recalculation to about a second), got 200001.",
    });
    expect(excelErrorOf(() => fn.simulate(0, 1)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fn.simulate("many", 1)).message).toBe('iterations must be a number, got "many".');
    expect(excelErrorOf(() => fn.simulate(10, -1)).message).toBe(
      "seed must be a whole number from 0 to 2147483647, got -1.",
    );
    expect(excelErrorOf(() => fn.simulate(10, 1, null, null, null, [["effect.spread", 0.3]])).message).toContain(
      'uncertainty: unknown name "effect.spread"',
    );
    expect(excelErrorOf(() => fn.simulate(10, 1, null, [["price.jobs", 5]])).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fn.simulate(10, 1, [["costPerParticipant", 0]])).message).toContain("costPerParticipant");
  });

  it("an empty desktop cell as seed (0) is seed 0", () => {
    expect(fn.simulate(500, 0)).toEqual(fn.simulate(500, null));
  });
});

describe("SIB.BREAKEVENRATE", () => {
  it("pilot: 7/22 = 31.8 % self-supporting at a hurdle of 0; 34.9 % at 8 %; the hurdle from investorTerms", () => {
    expect(fn.breakEvenRate()).toBeCloseTo(7 / 22, 10);
    expect(fn.breakEvenRate(0.08)).toBeCloseTo(0.3489, 4);
    expect(fn.breakEvenRate(null, null, null, null, [["hurdleRate", 0.08]])).toBe(fn.breakEvenRate(0.08));
    expect(fn.breakEvenRate("", "")).toBe(fn.breakEvenRate());
  });

  it("paid hours with its own metric argument", () => {
    expect(fn.breakEvenRate(0.08, "paidHours")).toBeCloseTo(0.31599, 4);
  });

  it("#N/A with the reason when no rate reaches the hurdle; #VALUE! for a bad metric", () => {
    const error = excelErrorOf(() => fn.breakEvenRate(0.08, null, null, [["cap.contract", 1_000_000]]));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("does not reach its hurdle of 8 % a year at any success rate");
    expect(excelErrorOf(() => fn.breakEvenRate(0, "sustained6")).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fn.breakEvenRate(0, 5)).message).toContain("metric must be a metric name");
  });
});

describe("SIB.DEALZONE", () => {
  it("pilot at 8 %: price factors 1.2149 to 1.5854, with both sides' numbers", () => {
    const table = fn.dealZone(1, 0.08);
    expect(table[0]).toEqual(["", "low", "high"]);
    const factors = row(table, "price factor on the rate card");
    expect(factors[1]).toBeCloseTo(1.2149, 4);
    expect(factors[2]).toBeCloseTo(1.5854, 4);
    expect(row(table, "price of selfSupporting (kr per outcome)")[1]).toBeCloseTo(198_090 * 1.21486, -1);
    expect(row(table, "investor IRR (effective annual)")[1]).toBeCloseTo(0.08, 9);
    const limit = row(table, "municipality limit: share of discounted savings (kr)");
    expect(limit[1]).toBeCloseTo(pilotSchedule.municipality.discounted.savings, 6);
    expect(row(table, "municipality payments, discounted (kr)")[2]).toBeCloseTo(Number(limit[1]), 3);
    for (const cells of table) expect(cells).toHaveLength(3);
  });

  it("an empty desktop cell (0) as share means all savings (1); a metric varies its price in kr", () => {
    expect(fn.dealZone(0, 0.08)).toEqual(fn.dealZone(1, 0.08));
    const table = fn.dealZone(1, 0.08, "paidHours");
    expect(row(table, "price of paidHours (kr per outcome)")[1]).toBeCloseTo(191_261, 0);
    expect(row(table, "factor on its price as given")[1]).toBeCloseTo(191_261 / 99_045, 5);
  });

  it("#N/A with the reason when the zone is empty", () => {
    const error = excelErrorOf(() => fn.dealZone(0.5, 0.08));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("No deal: the investor's 8 % hurdle needs a price factor of at least 1.21486");
    expect(error.message.length).toBeLessThanOrEqual(250);
    expect(excelErrorOf(() => fn.dealZone(-1, 0.08)).code).toBe("#VALUE!");
  });

  it("a contract cap that stops the payments: no upper limit", () => {
    const table = fn.dealZone(1, 0.05, null, null, [["cap.contract", 5_000_000]]);
    expect(row(table, "price factor on the rate card")[2]).toBe("no limit");
  });
});

describe("SIB.TORNADO", () => {
  it("spills input, base, low, high, outputs, swing and switching value, sorted by swing", () => {
    const table = fn.tornado("investorNpv", 0.08);
    expect(table[0]).toEqual([
      "input",
      "base",
      "low",
      "high",
      "output at low",
      "output at high",
      "swing",
      "switching value",
    ]);
    expect(table).toHaveLength(8);
    const swings = table.slice(1).map((cells) => Number(cells[6]));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(row(table, "priceFactor")[7]).toBeCloseTo(1.2149, 4);
    expect(row(table, "hurdleRate")[7]).toBeCloseTo(PILOT_IRR, 8);
    expect(row(table, "lagMonths")[7]).toBe("none in range");
  });

  it("default output investorNpv; municipalityNet uses the municipality's switching values; bad output #VALUE!", () => {
    expect(fn.tornado(null, 0.08)).toEqual(fn.tornado("investorNpv", 0.08));
    const municipal = fn.tornado("municipalityNet", 0.08);
    expect(row(municipal, "priceFactor")[7]).toBeCloseTo(1.5854, 4);
    expect(excelErrorOf(() => fn.tornado("profit")).message).toBe(
      'output must be "investorNpv", "investorIrr" or "municipalityNet", got "profit".',
    );
  });
});

describe("metadata", () => {
  it("the generator accepts src/functions/stress.ts; every parameter is described; tables spill as matrices", async () => {
    const result = await generateCustomFunctionsMetadata(["./src/functions/stress.ts"], true);
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as {
      functions: {
        id: string;
        result: { dimensionality?: string };
        parameters: { name: string; description?: string; dimensionality?: string }[];
      }[];
    };
    expect(metadata.functions.map((f) => f.id)).toEqual(["SIMULATE", "BREAKEVENRATE", "DEALZONE", "TORNADO"]);
    for (const f of metadata.functions) {
      for (const parameter of f.parameters) {
        expect((parameter.description ?? "").length, `${f.id}(${parameter.name})`).toBeGreaterThan(15);
        if (["inputs", "terms", "investorTerms", "uncertainty"].includes(parameter.name)) {
          expect(parameter.dimensionality).toBe("matrix");
        }
      }
      if (f.id !== "BREAKEVENRATE") expect(f.result.dimensionality).toBe("matrix");
    }
  });
});
