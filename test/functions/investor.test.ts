import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { expectOk } from "../../src/engine/errors";
import { irr as irrEngine } from "../../src/engine/investor/irr";
import { pilotScenario } from "../../src/engine/pilot";
import { runBusinessCase } from "../../src/engine/run";

installCustomFunctionsStub();
const investor = await import("../../src/functions/investor");
const fn = {
  irr: asCalledByExcel(investor.irr),
  xirr: asCalledByExcel(investor.xirr),
  multiple: asCalledByExcel(investor.multiple),
  investorFlows: asCalledByExcel(investor.investorFlows),
};

/** A column range as Excel passes it. */
const column = (values: readonly (number | string | boolean | null)[]) => values.map((value) => [value]);

/**
 * Excel serial of a date (1900 system) from the JavaScript calendar: days since 30-Dec-1899, valid from 1-Mar-1900.
 * By hand: 1-Jan-2008 = 1 (1-Jan-1900) + 108·365 + 26 leap days (1904…2004) + 1 (Excel's 29-Feb-1900) = 39448.
 */
const serial = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

const MICROSOFT_IRR = [-70000, 12000, 15000, 18000, 21000, 26000];
const MICROSOFT_XIRR_VALUES = [-10000, 2750, 4250, 3250, 2750];
const MICROSOFT_XIRR_DATES = [
  serial(2008, 1, 1),
  serial(2008, 3, 1),
  serial(2008, 10, 30),
  serial(2009, 2, 15),
  serial(2009, 4, 1),
];

describe("SIB.RETURNRATE", () => {
  it("Microsoft's example per period (periodsPerYear 1): 8.66 % and −2.12 % for four years, as a column or a row", () => {
    expect(Math.abs(fn.irr(column(MICROSOFT_IRR), 1) - 0.086630948)).toBeLessThan(1e-9);
    expect(Math.abs(fn.irr([MICROSOFT_IRR], 1) - 0.086630948)).toBeLessThan(1e-9);
    expect(Math.abs(fn.irr(column(MICROSOFT_IRR.slice(0, 5)), 1) - -0.021244848)).toBeLessThan(1e-9);
  });

  it("monthly flows by default: −100 then 110 after 12 months is 10 % effective per year", () => {
    const flows = column([-100, ...new Array<number>(11).fill(0), 110]);
    expect(fn.irr(flows)).toBeCloseTo(0.1, 12);
    expect(fn.irr(flows, null, null, null)).toBeCloseTo(0.1, 12);
    expect(fn.irr(flows, 0, "", false)).toBeCloseTo(0.1, 12); // empty desktop cell (0) and web cell ("")
    expect(fn.irr(flows, 12)).toBeCloseTo(0.1, 12);
  });

  it("empty cells are months without flows (0), not skipped as Excel's IRR does: 1 + r = 1.21^(1/3)", () => {
    const withBlanks = column([-100, null, "", 121]);
    expect(fn.irr(withBlanks, 1)).toBeCloseTo(Math.cbrt(1.21) - 1, 13);
    expect(fn.irr(column([-100, 0, 0, 121]), 1)).toBe(fn.irr(withBlanks, 1));
  });

  it("no sign change: #NUM! with the reason in the message; showReason TRUE gives #N/A", () => {
    const error = excelErrorOf(() => fn.irr(column([100, 50, 20])));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("same sign");
    const shown = excelErrorOf(() => fn.irr(column([100, 50, 20]), null, null, true));
    expect(shown.code).toBe("#N/A");
    expect(shown.message).toContain("no rate makes NPV 0");
  });

  it("two IRRs: #NUM! listing 10 % and 20 %; a guess (in the unit of the result) picks one", () => {
    const flows = column([-100, 230, -132]);
    const error = excelErrorOf(() => fn.irr(flows, 1));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("10 % per period");
    expect(error.message).toContain("20 % per period");
    expect(excelErrorOf(() => fn.irr(flows, 1, null, true)).code).toBe("#N/A");
    expect(fn.irr(flows, 1, 0.12)).toBeCloseTo(0.1, 12);
    expect(fn.irr(flows, 1, 0.3)).toBeCloseTo(0.2, 12);
    // Monthly: roots 10 % and 20 % a month are 1.1^12 − 1 = 213.8 % and 1.2^12 − 1 = 791.6 % a year.
    expect(fn.irr(flows, 12, 8)).toBeCloseTo(Math.pow(1.2, 12) - 1, 9);
    expect(fn.irr(flows, 12, 2)).toBeCloseTo(Math.pow(1.1, 12) - 1, 9);
  });

  it.each<[string, () => unknown, string]>([
    ["a text cell", () => fn.irr(column([-100, "abc", 120])), "values"],
    ["a boolean cell", () => fn.irr(column([-100, true, 120])), "values"],
    [
      "a two-dimensional range",
      () =>
        fn.irr([
          [-100, 1],
          [50, 60],
        ]),
      "values",
    ],
    ["an empty range", () => fn.irr([]), "values"],
    ["periodsPerYear 0.5", () => fn.irr(column([-100, 120]), 0.5), "periodsPerYear"],
    ["periodsPerYear as text", () => fn.irr(column([-100, 120]), "monthly"), "periodsPerYear"],
    ["a guess of −100 %", () => fn.irr(column([-100, 120]), 1, -1), "guess"],
    ["showReason 7", () => fn.irr(column([-100, 120]), 1, null, 7), "showReason"],
  ])("#VALUE! for %s, naming the argument", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.XRETURNRATE", () => {
  it("Microsoft's example: 0.373362535 (37.34 %) to 1e-8", () => {
    expect(MICROSOFT_XIRR_DATES).toEqual([39448, 39508, 39751, 39859, 39904]);
    const rate = fn.xirr(column(MICROSOFT_XIRR_VALUES), column(MICROSOFT_XIRR_DATES));
    expect(Math.abs(rate - 0.373362535)).toBeLessThan(1e-8);
    expect(fn.xirr([MICROSOFT_XIRR_VALUES], [MICROSOFT_XIRR_DATES], null, null)).toBe(rate);
  });

  it("skips rows where both value and date are empty (0 or null); an empty value with a date is 0", () => {
    const rate = fn.xirr(column(MICROSOFT_XIRR_VALUES), column(MICROSOFT_XIRR_DATES));
    expect(fn.xirr(column([...MICROSOFT_XIRR_VALUES, null, 0]), column([...MICROSOFT_XIRR_DATES, null, 0]))).toBe(rate);
    const withZero = fn.xirr(column([...MICROSOFT_XIRR_VALUES, ""]), column([...MICROSOFT_XIRR_DATES, 40000]));
    expect(withZero).toBeCloseTo(rate, 12);
  });

  it("a strongly negative rate needs no guess: −1000 then 10 a year (365 days) later is −99 %", () => {
    expect(fn.xirr(column([-1000, 10]), column([serial(2009, 1, 1), serial(2010, 1, 1)]))).toBeCloseTo(-0.99, 12);
  });

  it("no single rate: #NUM! by default, #N/A with the reason when asked", () => {
    const dates = column([serial(2009, 1, 1), serial(2010, 1, 1), serial(2011, 1, 1)]);
    expect(excelErrorOf(() => fn.xirr(column([-100, 230, -132]), dates)).code).toBe("#NUM!");
    const shown = excelErrorOf(() => fn.xirr(column([-100, 230, -132]), dates, null, true));
    expect(shown.code).toBe("#N/A");
    expect(shown.message).toContain("10 % per year");
    expect(fn.xirr(column([-100, 230, -132]), dates, 0.18)).toBeCloseTo(0.2, 12);
    expect(excelErrorOf(() => fn.xirr(column([100, 230]), column([39448, 39813]))).code).toBe("#NUM!");
  });

  it.each<[string, () => unknown, string]>([
    ["more values than dates", () => fn.xirr(column([-1, 2, 3]), column([39448, 39813])), "dates"],
    ["a date before the first", () => fn.xirr(column([-1, 2]), column([39448, 39000])), "dates[1]"],
    ["a value without a date", () => fn.xirr(column([-1, 2]), column([39448, null])), "dates"],
    ["a text date", () => fn.xirr(column([-1, 2]), column([39448, "1-1-2009"])), "dates"],
    ["a text value", () => fn.xirr(column([-1, "x"]), column([39448, 39813])), "values"],
    ["a guess of −2", () => fn.xirr(column([-1, 2]), column([39448, 39813]), -2), "guess"],
  ])("#VALUE! for %s, naming the argument", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.MULTIPLE", () => {
  it("is received / paid in: −100, 30, 90 gives 1.2 (empty cells are 0)", () => {
    expect(fn.multiple(column([-100, 30, null, 90]))).toBeCloseTo(1.2, 15);
  });

  it("#VALUE! without a contribution or with text", () => {
    expect(excelErrorOf(() => fn.multiple(column([10, 20]))).message).toContain("no contribution");
    expect(excelErrorOf(() => fn.multiple(column([-10, "a"]))).message).toContain("values");
  });
});

describe("SIB.INVESTORFLOWS", () => {
  const payments = column([...new Array<number>(12).fill(0), 110]);

  it("spills the net flows as a column, month 0 first", () => {
    expect(fn.investorFlows(column([100]), payments)).toEqual(column([-100, ...new Array<number>(11).fill(0), 110]));
    expect(fn.investorFlows([[100]], payments, null, null)).toHaveLength(13);
  });

  it("reads the terms from a name/value range (blank rows skipped) and nests in SIB.RETURNRATE", () => {
    const terms = [
      ["returnCap.irr", 0.05],
      ["", ""],
      ["draw", "upfront"],
    ];
    const flows = fn.investorFlows(column([100]), payments, terms) as number[][];
    expect(flows[12]?.[0]).toBeCloseTo(105, 10);
    expect(fn.irr(flows)).toBeCloseTo(0.05, 12);
  });

  it('output "table" spills a header row and one row per month', () => {
    const table = fn.investorFlows(column([100]), payments, [["maxLoss", 0.2]], "table");
    expect(table[0]).toEqual(["month", "drawn", "distributions", "surplus", "surplusToInvestor", "topUp", "netFlow"]);
    expect(table[1]).toEqual([0, 100, 0, 0, 0, 0, -100]);
    expect(table[13]).toEqual([12, 0, 110, 0, 0, 0, 110]);
  });

  it('output "metrics" spills name/value rows; a missing IRR is named, not blank', () => {
    const metrics = new Map(
      fn.investorFlows(column([100]), payments, [["hurdleRate", 0.1]], "metrics").map(([k, v]) => [k, v]),
    );
    expect(metrics.get("irrEffectiveAnnual")).toBeCloseTo(0.1, 12);
    expect(metrics.get("moneyMultiple")).toBeCloseTo(1.1, 15);
    expect(metrics.get("npvAtHurdle")).toBeCloseTo(0, 10);
    const none = new Map(fn.investorFlows(column([100]), column([0]), null, "metrics").map(([k, v]) => [k, v]));
    expect(none.get("irrMonthly")).toBe("no IRR: NoSignChange");
    expect(none.get("topUpPayer")).toBe("");
  });

  it("the pilot: 369,768 kr a month for 12 months, 5,000,000 kr at month 24, equals the engine's IRR", () => {
    const pilot = expectOk(runBusinessCase(expectOk(pilotScenario(2023))));
    const costs = column(pilot.monthly.cost.slice(0, 12));
    const outcome = column([...new Array<number>(24).fill(0), 5_000_000]);
    const flows = fn.investorFlows(costs, outcome) as number[][];
    const engineRate = expectOk(irrEngine(flows.map(([flow]) => flow ?? Number.NaN))).effectiveAnnualRate;
    expect(fn.irr(flows)).toBe(engineRate);
    expect(fn.multiple(flows)).toBeCloseTo(5_000_000 / (79_236 * 56), 12);
  });

  it("docs/investor.md: the pilot examples with a cap and with principal protection", () => {
    const costs = column(new Array<number>(12).fill(369_768));
    const months = (entries: [number, number][], length: number) =>
      column(Array.from({ length }, (_, t) => entries.find(([m]) => m === t)?.[1] ?? 0));
    const metricsOf = (payments: ReturnType<typeof column>, terms: (string | number)[][]) =>
      new Map(fn.investorFlows(costs, payments, terms, "metrics").map(([k, v]) => [k, v]));
    const single = fn.investorFlows(costs, months([[24, 5_000_000]], 25)) as number[][];
    expect(fn.irr(single)).toBeCloseTo(0.0804, 4);
    expect(fn.irr(single, 1)).toBeCloseTo(0.00646, 5);
    const capped = metricsOf(
      months(
        [
          [18, 2_500_000],
          [24, 2_500_000],
          [30, 1_500_000],
        ],
        31,
      ),
      [
        ["returnCap.irr", 0.08],
        ["maxLoss", 0.5],
      ],
    );
    expect(capped.get("irrEffectiveAnnual")).toBeCloseTo(0.08, 12);
    expect(capped.get("distributions")).toBeCloseTo(4_899_337, 0);
    expect(capped.get("surplus")).toBeCloseTo(1_600_663, 0);
    expect(capped.get("moneyMultiple")).toBeCloseTo(1.104, 3);
    const protectedDeal = metricsOf(months([[24, 1_000_000]], 25), [
      ["maxLoss", 0.5],
      ["topUpPayer", "guarantor"],
    ]);
    expect(protectedDeal.get("topUp")).toBeCloseTo(79_236 * 56 * 0.5 - 1_000_000, 6); // 1,218,608
    expect(protectedDeal.get("topUpPayer")).toBe("guarantor");
    expect(protectedDeal.get("irrEffectiveAnnual")).toBeCloseTo(-0.366, 3);
  });

  it.each<[string, () => unknown, string]>([
    ["a negative cost", () => fn.investorFlows(column([100, -5]), payments), "costs"],
    ["text in payments", () => fn.investorFlows(column([100]), column(["many"])), "payments"],
    ["no cost at all", () => fn.investorFlows(column([0, null]), payments), "costs"],
    ["an unknown term", () => fn.investorFlows(column([100]), payments, [["cap", 0.1]]), "cap"],
    ["a term out of range", () => fn.investorFlows(column([100]), payments, [["maxLoss", 5]]), "maxLoss"],
    ["a three-column terms range", () => fn.investorFlows(column([100]), payments, [["maxLoss", 0.5, 1]]), "terms"],
    ["an unknown output", () => fn.investorFlows(column([100]), payments, null, "chart"), "output"],
  ])("#VALUE! for %s, naming it", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("investor functions metadata (functions.json from the JSDoc)", () => {
  it("generates without errors: ids, described parameters, ranges as matrices, spilled results", async () => {
    const generated = await generateCustomFunctionsMetadata(["./src/functions/investor.ts"], true);
    expect(generated.errors).toEqual([]);
    const metadata = JSON.parse(generated.metadataJson) as {
      functions: {
        id: string;
        description?: string;
        parameters: { name: string; description?: string; dimensionality?: string; optional?: boolean }[];
        result: { dimensionality?: string };
      }[];
    };
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    expect([...byId.keys()]).toEqual(["RETURNRATE", "XRETURNRATE", "MULTIPLE", "INVESTORFLOWS"]);
    for (const f of metadata.functions) {
      expect(f.description ?? "").toContain("Example: =SIB.");
      for (const parameter of f.parameters) expect((parameter.description ?? "").length).toBeGreaterThan(15);
    }
    const ranges = [
      "RETURNRATE.values",
      "XRETURNRATE.values",
      "XRETURNRATE.dates",
      "MULTIPLE.values",
      "INVESTORFLOWS.costs",
    ];
    for (const name of [...ranges, "INVESTORFLOWS.payments", "INVESTORFLOWS.terms"]) {
      const [id, parameterName] = name.split(".");
      const parameter = byId.get(id ?? "")?.parameters.find((p) => p.name === parameterName);
      expect(parameter?.dimensionality, name).toBe("matrix");
    }
    expect(byId.get("INVESTORFLOWS")?.result.dimensionality).toBe("matrix");
    expect(
      byId
        .get("RETURNRATE")
        ?.parameters.filter((p) => p.optional)
        .map((p) => p.name),
    ).toEqual(["periodsPerYear", "guess", "showReason"]);
  });
});

describe("SIB.INVESTORFLOWS metrics: IRR never alone, deal costs (issue 11)", () => {
  it("NPV at the 5 % default hurdle when none is given, labelled; the timing note for a loss; deal costs drawn", () => {
    const metrics = new Map(
      fn
        .investorFlows(column([100]), column([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90]), null, "metrics")
        .map(([k, v]) => [k, v]),
    );
    expect(metrics.get("hurdleRate")).toBe(0.05);
    expect(metrics.get("hurdleIsDefault")).toBe(1);
    expect(metrics.get("npvAtHurdle")).toBeCloseTo(-100 + 90 / 1.05, 9);
    expect(String(metrics.get("irrNote"))).toContain("money multiple is 0.900");
    const withDeal = new Map(
      fn.investorFlows(column([100]), column([0, 121]), [["dealCosts.setup", 10]], "metrics").map(([k, v]) => [k, v]),
    );
    expect(withDeal.get("drawn")).toBe(110);
    expect(withDeal.get("dealCosts")).toBe(10);
    const dealOnly = new Map(
      fn.investorFlows(column([0]), column([0, 121]), [["dealCosts.setup", 100]], "metrics").map(([k, v]) => [k, v]),
    );
    expect(dealOnly.get("moneyMultiple")).toBeCloseTo(1.21, 12);
  });
});
