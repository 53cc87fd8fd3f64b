import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { hostileArguments, PROTOTYPE_KEYS } from "../fuzz/hostile";

installCustomFunctionsStub();
const excel = await import("../../src/functions/payment");
const schedule = asCalledByExcel(excel.paymentSchedule);
const surplus = asCalledByExcel(excel.surplus);

const N = 56;
const K = 79_236;
/** Only a WHO-5 metric: 50 % of the pilot's 56 reach it 12 months after intake, paid 3 months later (claim lag). */
const WHO5 = [
  ["price.selfSupporting", 0],
  ["price.paidHours", 0],
  ["price.who5", 20_000],
  ["progression.who5.month", 12],
  ["progression.who5.share", 0.5],
];

describe("the payment functions take progression metrics through the terms range (issue 15 item 3)", () => {
  it("SIB.PAYMENTSCHEDULE: 0.5 × 56 × 20,000 = 560,000 kr in month 15 (row 16), nothing else", () => {
    const column = schedule(WHO5);
    expect(column[15]?.[0]).toBeCloseTo(0.5 * N * 20_000, 6);
    expect(column.reduce((total, row) => total + (row[0] ?? 0), 0)).toBeCloseTo(0.5 * N * 20_000, 6);
  });

  it("SIB.PAYMENTSCHEDULE: a share outside 0–1 is an error naming the metric", () => {
    const message = excelErrorOf(() => schedule([...WHO5.slice(0, 4), ["progression.who5.share", 1.2]])).message;
    expect(message).toContain("who5");
    expect(message).toContain("0 to 1");
  });

  it("SIB.PAYMENTSCHEDULE: a progression metric without its month is an error naming the term", () => {
    const message = excelErrorOf(() =>
      schedule([
        ["price.fitForWork", 10_000],
        ["progression.fitForWork.share", 0.3],
      ]),
    ).message;
    expect(message).toContain("progression.fitForWork.month");
  });
});

describe("SIB.SURPLUS (Danish SIB.OVERSKUD; issue 15 item 4)", () => {
  const rich = [
    ["price.selfSupporting", 297_135],
    ["price.paidHours", 148_568],
  ];
  const investor = [
    ["returnCap.multiple", 1.1],
    ["surplusShare.reinvested", 0.5],
    ["savingsSurplus.rule", "reinvested"],
    ["savingsSurplus.share", 0.5],
    ["savingsSurplus.cohortSize", 10],
  ];
  const totals = (rows: (number | string)[][]) => new Map(rows.map(([name, value]) => [String(name), value]));

  it("totals: reinvested from savings and from the investor = next cohorts' cost (10 × 79,236 kr each) + what is left", () => {
    const t = totals(surplus(rich, investor));
    expect(t.get("rule")).toBe("reinvested");
    const reinvested = Number(t.get("reinvestedFromSavings")) + Number(t.get("reinvestedFromInvestor"));
    expect(reinvested).toBeCloseTo(Number(t.get("cohortCost")) + Number(t.get("unspent")), 6);
    expect(Number(t.get("reinvestedFromSavings"))).toBeCloseTo(Number(t.get("surplus")) / 2, 6);
    expect(Number(t.get("cohortCost"))).toBeCloseTo(Number(t.get("cohorts")) * 10 * K, 6);
    expect(Number(t.get("cohorts"))).toBeGreaterThan(0);
  });

  it("table and cohorts views; the default rule keeps the surplus with the municipality", () => {
    const table = surplus(rich, investor, null, "tabel");
    expect(table[0]).toEqual([
      "month",
      "surplus",
      "kept",
      "provider",
      "reinvestedFromSavings",
      "reinvestedFromInvestor",
      "cohortCost",
      "fundBalance",
    ]);
    const cohorts = surplus(rich, investor, null, "hold");
    expect(cohorts[1]?.[1]).toBe(10);
    const kept = totals(surplus(rich, [["returnCap.multiple", 1.1]]));
    expect(kept.get("rule")).toBe("commissioner");
    expect(kept.get("kept")).toBe(kept.get("surplus"));
    expect(kept.get("reinvestedFromSavings")).toBe(0);
  });

  it("bad input: an unknown rule, a share outside 0–1, an unknown output", () => {
    expect(excelErrorOf(() => surplus(null, [["savingsSurplus.rule", "mayor"]])).message).toContain(
      "savingsSurplus.rule",
    );
    expect(excelErrorOf(() => surplus(null, [["overskud.andel", -0.1]])).message).toContain("savingsSurplus.share");
    expect(excelErrorOf(() => surplus(null, null, null, "everything")).message).toContain('output must be "totals"');
  });

  it("hostile arguments (as the built-bundle fuzz): a finite matrix or an Excel error with a message, never a raw error", () => {
    const dimensions = ["matrix", "matrix", "matrix", "scalar", "scalar", "scalar"] as const;
    const check = (args: unknown[]): void => {
      let value: unknown;
      try {
        value = surplus(...args);
      } catch (error) {
        expect(error, JSON.stringify(args).slice(0, 200)).toHaveProperty("message");
        expect((error as { code?: unknown }).code, JSON.stringify(args).slice(0, 200)).toBeDefined();
        return;
      }
      for (const row of value as unknown[][]) {
        for (const cell of row) if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
    };
    for (const key of PROTOTYPE_KEYS) {
      dimensions.forEach((dimension, index) => {
        const args: unknown[] = dimensions.map(() => null);
        args[index] = dimension === "matrix" ? [[key, 1]] : key;
        check(args);
      });
    }
    fc.assert(
      fc.property(hostileArguments(dimensions, false), (args) => check(args)),
      { seed: 15, numRuns: 15 },
    );
  });
});
