import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const excel = await import("../../src/functions/payment");
/** The functions as Excel calls them: null for omitted arguments and empty cells (web), untyped cells. */
const payment = asCalledByExcel(excel.payment);
const schedule = asCalledByExcel(excel.paymentSchedule);

/** Pilot: self-supporting 15/55 (comparison 0.12), paid hours 9/55 (comparison 0.10), 56 participants. */
const SS = 15 / 55;
const PH = 9 / 55;
const N = 56;
const df = (month: number): number => 1.035 ** (-(month + 0.5) / 12);
const PILOT_GROSS = SS * N * 198_090 + PH * N * 99_045; // 3,932,986.91 kr

describe("SIB.PAYMENT", () => {
  it("counts × prices in a row or a column: 15 × 198,090 + 9 × 99,045 = 3,862,755 kr", () => {
    expect(payment([[15, 9]], [[198_090, 99_045]])).toBe(3_862_755);
    expect(payment([[15], [9]], [[198_090], [99_045]])).toBe(3_862_755);
    expect(payment([[10]], [[30_000]])).toBe(300_000);
  });

  it("empty cells in outcomes and prices are 0 (null on the web, 0 on desktop)", () => {
    expect(payment([[15, null]], [[198_090, ""]])).toBe(15 * 198_090);
    expect(payment([[15, 0]], [[198_090, 0]], 0, 0, null, 0, 0, null, 0)).toBe(15 * 198_090);
  });

  it("shares of the participants: the pilot targets 30 % and 20 % repay 56 × 79,236 kr", () => {
    expect(payment([[0.3, 0.2]], [[198_090, 99_045]], 56)).toBeCloseTo(56 * 79_236, 6);
  });

  it("caps: volume (0 = no cap), per person along a chain, contract", () => {
    expect(payment([[15, 9]], [[198_090, 99_045]], null, null, [[12, 0]])).toBe(12 * 198_090 + 9 * 99_045);
    expect(payment([[10], [8]], [[30_000], [20_000]], null, 40_000, null, null, true)).toBe(8 * 40_000 + 2 * 30_000);
    expect(payment([[15, 9]], [[198_090, 99_045]], null, null, null, 3_000_000)).toBe(3_000_000);
  });

  it("chain without caps: 12 sustained outcomes are paid only for the 10 job outcomes", () => {
    expect(payment([[10, 12]], [[30_000, 20_000]], null, null, null, null, true)).toBe(10 * 50_000);
  });

  it("baseline and threshold (pilot shares against the comparison group)", () => {
    const outcomes = [[SS, PH]];
    const prices = [[198_090, 99_045]];
    const baseline = [[0.12, 0.1]];
    const net = (SS - 0.12) * N * 198_090 + (PH - 0.1) * N * 99_045;
    expect(payment(outcomes, prices, N, null, null, null, null, baseline)).toBeCloseTo(net, 6);
    // θ = 10 pp: self-supporting (15.3 pp) pays, paid hours (6.4 pp) does not.
    expect(payment(outcomes, prices, N, null, null, null, null, baseline, 10)).toBeCloseTo(
      (SS - 0.12) * N * 198_090,
      6,
    );
  });

  it("a two-column rate card; outcomes in its order or named in any order", () => {
    const card = [
      ["selfSupporting", 198_090],
      ["paidHours", 99_045],
    ];
    expect(payment([[15], [9]], card)).toBe(3_862_755);
    expect(payment([[15, 9]], card)).toBe(3_862_755);
    expect(
      payment(
        [
          ["Paid hours", 9],
          ["self-supporting", 15],
        ],
        card,
      ),
    ).toBe(3_862_755);
    // Named volume caps may leave metrics out (no cap there).
    expect(payment([[15, 9]], card, null, null, [["selfSupporting", 10]])).toBe(10 * 198_090 + 9 * 99_045);
    // Blank rows in the card are skipped.
    expect(payment([[15, 9]], [...card, [null, null]])).toBe(3_862_755);
  });

  it.each<[string, () => unknown, string]>([
    ["no outcomes", () => payment(null, [[1]]), "outcomes"],
    ["text in outcomes", () => payment([[15, "many"]], [[1, 2]]), "outcomes (cell 2)"],
    ["TRUE in prices", () => payment([[15]], [[true]]), "prices"],
    [
      "a 2×2 block",
      () =>
        payment(
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      "outcomes must be a single row or column",
    ],
    ["prices of another shape", () => payment([[15, 9]], [[198_090], [99_045]]), "prices must have the same shape"],
    ["a negative count", () => payment([[15, -9]], [[1, 2]]), "outcomes (cell 2)"],
    ["a negative price", () => payment([[15, 9]], [[-1, 2]]), "prices (cell 1)"],
    ["a share above 1 with participants", () => payment([[15, 9]], [[1, 2]], 56), "outcomes (cell 1)"],
    ["fractional participants", () => payment([[0.1]], [[1]], 5.5), "participants"],
    ["text participants", () => payment([[0.1]], [[1]], "many"), "participants"],
    ["a negative person cap", () => payment([[1]], [[1]], null, -5), "personCap"],
    ["volume caps of another shape", () => payment([[1, 2]], [[1, 2]], null, null, [[1], [2]]), "volumeCaps"],
    ["a negative volume cap", () => payment([[1, 2]], [[1, 2]], null, null, [[1, -2]]), "volumeCaps"],
    ["a negative contract cap", () => payment([[1]], [[1]], null, null, null, -1), "contractCap"],
    ["chained 7", () => payment([[1]], [[1]], null, null, null, null, 7), "chained"],
    ["a baseline without participants", () => payment([[1]], [[1]], null, null, null, null, null, [[0.1]]), "baseline"],
    [
      "a baseline of another shape",
      () => payment([[0.1, 0.2]], [[1, 1]], 9, null, null, null, null, [[0.1]]),
      "baseline",
    ],
    ["a threshold without baseline", () => payment([[0.1]], [[1]], 9, null, null, null, null, null, 5), "thresholdPP"],
    ["a threshold of 200 pp", () => payment([[0.1]], [[1]], 9, null, null, null, null, [[0]], 200), "thresholdPP"],
    ["a named outcome not on the card", () => payment([["jobs", 3]], [["paidHours", 1]]), "outcomes"],
    [
      "a card metric without outcome",
      () =>
        payment(
          [["paidHours", 3]],
          [
            ["paidHours", 1],
            ["selfSupporting", 2],
          ],
        ),
      "outcomes",
    ],
    [
      "a metric twice on the card",
      () =>
        payment(
          [[1, 2]],
          [
            ["paidHours", 1],
            ["Paid hours", 2],
          ],
        ),
      "prices",
    ],
    [
      "outcomes not matching the card",
      () =>
        payment(
          [[1, 2, 3]],
          [
            ["paidHours", 1],
            ["selfSupporting", 2],
          ],
        ),
      "outcomes",
    ],
    ["named outcomes with plain prices", () => payment([["paidHours", 3]], [[1, 2]]), "prices"],
    ["a card without price", () => payment([[1]], [["paidHours", "cheap"]]), "prices"],
  ])("#VALUE! for %s, naming it", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.PAYMENTSCHEDULE", () => {
  it("the pilot terms: one column of 50 months, 3,932,987 kr in month 17 (row 18)", () => {
    const column = schedule();
    expect(column).toHaveLength(50);
    expect(column.every((row) => row.length === 1)).toBe(true);
    expect(column[17]?.[0]).toBeCloseTo(PILOT_GROSS, 6);
    expect(column.reduce((sum, row) => sum + (row[0] ?? 0), 0)).toBeCloseTo(PILOT_GROSS, 6);
    expect(schedule(null, null, null, null, null, null, null)).toEqual(column);
  });

  it("terms from a name/value range: comparison baseline and a 60/40 payer split, two columns", () => {
    const terms = [
      ["baseline", "comparison"],
      ["", ""],
      ["payerShare.municipality", 0.6],
    ];
    const net = (SS - 0.12) * N * 198_090 + (PH - 0.1) * N * 99_045;
    const both = schedule(terms, null, null, true);
    expect(both[17]?.[0]).toBeCloseTo(0.6 * net, 6);
    expect(both[17]?.[1]).toBeCloseTo(0.4 * net, 6);
    expect(schedule(terms, null, "stat")[17]?.[0]).toBeCloseTo(0.4 * net, 6);
    expect(schedule(terms, null, "kommune")[17]?.[0]).toBeCloseTo(0.6 * net, 6);
    expect(schedule(terms, null, "all")[17]?.[0]).toBeCloseTo(net, 6);
  });

  it("discounted gives present values at mid-month, 3.5 % a year", () => {
    expect(schedule(null, null, null, null, true)[17]?.[0]).toBeCloseTo(PILOT_GROSS * df(17), 6);
  });

  it("scenario inputs and horizon like SIB.BUDGETSAVING", () => {
    expect(schedule(null, null, null, null, null, 36)).toHaveLength(36);
    const hundred = schedule(null, [["participants", 100]]);
    expect(hundred[17]?.[0]).toBeCloseTo(SS * 100 * 198_090 + PH * 100 * 99_045, 6);
  });

  it("a long claim lag extends the column; TRUE/FALSE values are accepted in terms", () => {
    const late = schedule([
      ["lagMonths", 40],
      ["includeEducation", true],
    ]);
    expect(late).toHaveLength(55);
    expect(late[54]?.[0]).toBeCloseTo(PILOT_GROSS, 6); // no one in education among participants
  });

  it.each<[string, () => unknown, string]>([
    ["an unknown term", () => schedule([["prize.selfSupporting", 1]]), "prize.selfSupporting"],
    ["a negative price", () => schedule([["price.paidHours", -1]]), "price.paidHours"],
    ["a fractional lag", () => schedule([["lagMonths", 1.5]]), "lagMonths"],
    [
      "a threshold scope typo",
      () =>
        schedule([
          ["threshold.pp", 5],
          ["threshold.scope", "al"],
        ]),
      "threshold.scope",
    ],
    ["a three-column terms range", () => schedule([["lagMonths", 1, 2]]), "terms"],
    ["a term without value", () => schedule([["lagMonths", null]]), "lagMonths"],
    ["a number as a term name", () => schedule([[5, 1]]), "terms"],
    ["an unknown payer", () => schedule(null, null, "region"), "payer"],
    ["payer and twoColumns", () => schedule(null, null, "kommune", true), "payer"],
    ["twoColumns 7", () => schedule(null, null, null, 7), "twoColumns"],
    ["discounted text", () => schedule(null, null, null, null, "yes"), "discounted"],
    ["an unknown scenario input", () => schedule(null, [["horizont", 3]]), "horizont"],
    ["a horizon of 500", () => schedule(null, null, null, null, null, 500), "horizonMonths"],
  ])("#VALUE! for %s, naming it", (_, call, name) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(name);
  });
});

describe("SIB.DEADWEIGHT (issue 11)", () => {
  const deadweight = asCalledByExcel(excel.deadweight);
  /** Hand calculation: 56 × (0.12 × 198,090 + 0.10 × 99,045) = 1,885,816.8 kr (review economist.md D3: 1,885,817). */
  const HAND = N * (0.12 * 198_090 + 0.1 * 99_045);

  it("the pilot's card pays 1,885,817 kr with no effect, 47.9 % of the payment; a counterfactual card 0", () => {
    expect(deadweight()[0]?.[0]).toBeCloseTo(HAND, 6);
    expect(deadweight(null, null, "share")[0]?.[0]).toBeCloseTo(HAND / PILOT_GROSS, 12);
    expect(deadweight([["baseline", "comparison"]])[0]?.[0]).toBe(0);
  });

  it('"table": names and values, with the share of paid outcomes the comparison group also reached', () => {
    const table = new Map(deadweight(null, null, "tabel").map(([name, value]) => [name, value]));
    expect(table.get("paymentAtZeroEffect")).toBeCloseTo(HAND, 6);
    expect(table.get("expectedPayment")).toBeCloseTo(PILOT_GROSS, 6);
    expect(table.get("warning")).toBe(1);
    // Gross card, no caps: comparison share / participant share = 0.12 / (15/55) and 0.10 / (9/55).
    expect(table.get("comparisonReached.selfSupporting")).toBeCloseTo(0.12 / SS, 12);
    expect(table.get("comparisonReached.paidHours")).toBeCloseTo(0.1 / PH, 12);
  });

  it("reaches the sustainment card through the terms range: 24 × 6,000 × 0.12 × 56 more at zero effect", () => {
    const terms = [
      ["sustainment.monthlyPrice", 6000],
      ["sustainment.months", 24],
    ];
    expect(deadweight(terms)[0]?.[0]).toBeCloseTo(HAND + 24 * 6000 * 0.12 * N, 4);
    const tooLong = excelErrorOf(() =>
      deadweight([
        ["sustainment.monthlyPrice", 6000],
        ["sustainment.months", 40],
      ]),
    );
    expect(tooLong.message).toContain("sustainment.months");
    expect(tooLong.message).toContain("horizon");
  });

  it("a bad output is named", () => {
    expect(excelErrorOf(() => deadweight(null, null, "all")).message).toContain('output must be "payment"');
  });
});
