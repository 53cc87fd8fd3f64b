import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk, type Result } from "../../../src/engine/errors";
import { xirr, xirrCore, xirrRoots, xnpv, xnpvCore } from "../../../src/engine/investor/xirr";
import { excelSerial } from "./support";

/** Microsoft's XIRR/XNPV example (support.microsoft.com, "XIRR function" and "XNPV function"). */
const VALUES = [-10000, 2750, 4250, 3250, 2750];
const DATES = [
  excelSerial(2008, 1, 1),
  excelSerial(2008, 3, 1),
  excelSerial(2008, 10, 30),
  excelSerial(2009, 2, 15),
  excelSerial(2009, 4, 1),
];

function failureOf<T>(result: Result<T>) {
  if (result.ok) throw new Error("expected a failure");
  const [first] = result.issues;
  if (first === undefined) throw new Error("failure without issues");
  return first;
}

describe("Excel serial numbers (test helper)", () => {
  it("match the hand count and Excel's serials of the example dates", () => {
    // 1-Jan-2008 = 39448 (see excelSerial); 1-Mar-2008 = 39448 + 31 (Jan) + 29 (Feb 2008) = 39508;
    // 30-Oct-2008 = 39508 + 31 + 30 + 31 + 30 + 31 + 31 + 30 (Mar–Sep) + 29 = 39751;
    // 15-Feb-2009 = 39751 + 2 (to 1-Nov) + 30 (Nov) + 31 (Dec) + 31 (Jan) + 14 = 39859; 1-Apr-2009 = 39859 + 14 + 31 = 39904.
    expect(DATES).toEqual([39448, 39508, 39751, 39859, 39904]);
  });
});

describe("xnpv and xirr: Microsoft's documented examples", () => {
  it("XNPV at 9 % is 2086.647602", () => {
    expect(expectOk(xnpv(0.09, VALUES, DATES))).toBeCloseTo(2086.647602, 6);
    expect(xnpvCore(0.09, VALUES, DATES)).toBeCloseTo(2086.647602, 6);
  });

  it("XIRR is 0.373362535 (Excel shows 37.34 %) to 1e-8", () => {
    const result = expectOk(xirr(VALUES, DATES));
    expect(Math.abs(result.rate - 0.373362535)).toBeLessThan(1e-8);
    expect(result.signChanges).toBe(1);
    expect(xirrCore(VALUES, DATES)).toBe(result.rate);
    expect(Math.abs(expectOk(xnpv(result.rate, VALUES, DATES)))).toBeLessThan(1e-8);
  });

  it("the order of the dates after the first does not matter; fractions of a day are truncated", () => {
    const order = [0, 3, 1, 4, 2];
    const shuffled = expectOk(
      xirr(
        order.map((i) => VALUES[i] ?? 0),
        order.map((i) => DATES[i] ?? 0),
      ),
    );
    expect(shuffled.rate).toBeCloseTo(expectOk(xirr(VALUES, DATES)).rate, 14);
    const fractional = DATES.map((d) => d + 0.75);
    expect(expectOk(xirr(VALUES, fractional)).rate).toBe(expectOk(xirr(VALUES, DATES)).rate);
  });
});

const y2009 = excelSerial(2009, 1, 1);
const y2010 = excelSerial(2010, 1, 1); // 365 days later
const y2011 = excelSerial(2011, 1, 1); // 730 days after 1-Jan-2009

describe("xirr: hand calculations and diagnostics", () => {
  it("one year of 365 days: 1 + r = received / paid (−1000 → 10 gives −99 % without a guess)", () => {
    expect(y2010 - y2009).toBe(365);
    expect(expectOk(xirr([-1000, 10], [y2009, y2010])).rate).toBeCloseTo(-0.99, 13);
    expect(expectOk(xirr([-100, 112], [y2009, y2010])).rate).toBeCloseTo(0.12, 13);
  });

  it("flows on the same date are added: −60 and −40 on day 0 are −100", () => {
    expect(expectOk(xirr([-60, -40, 112], [y2009, y2009, y2010])).rate).toBeCloseTo(0.12, 13);
  });

  it("two roots (10 % and 20 % per year): MultipleRoots; a guess picks one; xirrRoots lists both", () => {
    const values = [-100, 230, -132];
    const dates = [y2009, y2010, y2011];
    const issue = failureOf(xirr(values, dates));
    expect(issue.code).toBe("MultipleRoots");
    expect(issue.message).toContain("10 % per year");
    expect(issue.message).toContain("20 % per year");
    expect(expectOk(xirr(values, dates, 0.25)).rate).toBeCloseTo(0.2, 12);
    expect(expectOk(xirrRoots(values, dates)).roots.map((r) => Number(r.toFixed(10)))).toEqual([0.1, 0.2]);
    expect(Number.isNaN(xirrCore(values, dates))).toBe(true);
  });

  it("all flows of one sign: NoSignChange", () => {
    const issue = failureOf(xirr([100, 200], [y2009, y2010]));
    expect(issue.code).toBe("NoSignChange");
    expect(issue.message).toContain("same sign");
  });

  it("Excel's rules on dates and lengths are InvalidInput naming the argument", () => {
    expect(failureOf(xirr([-1, 2], [y2009])).field).toBe("dates");
    expect(failureOf(xirr([-1, 2, 3], [y2010, y2011, y2009])).field).toBe("dates[2]");
    expect(failureOf(xirr([-1, 2], [y2009, 0])).field).toBe("dates[1]");
    expect(failureOf(xirr([-1, Number.NaN], [y2009, y2010])).field).toBe("values[1]");
    expect(failureOf(xirr([], [])).field).toBe("values");
    expect(failureOf(xirr([-1, 2], [y2009, y2010], -1)).field).toBe("guess");
    expect(failureOf(xnpv(-1, VALUES, DATES)).field).toBe("rate");
  });
});

describe("xirr: properties", () => {
  it("XNPV at the XIRR is 0 (relative to Σ|P_i|) for one outlay followed by dated receipts", () => {
    const scenario = fc.record({
      outlay: fc.integer({ min: 100, max: 10_000_000 }),
      receipts: fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 30, max: 3650 })), {
        minLength: 1,
        maxLength: 20,
      }),
    });
    fc.assert(
      fc.property(scenario, ({ outlay, receipts }) => {
        // Receipts of at least half the outlay after 30 days or more keep 1 + r above 0.5^12 (a representable rate).
        fc.pre(receipts.reduce((sum, [amount]) => sum + amount, 0) >= outlay / 2);
        const values = [-outlay, ...receipts.map(([amount]) => amount)];
        const dates = [y2009, ...receipts.map(([, day]) => y2009 + day)];
        const result = expectOk(xirr(values, dates));
        const size = values.reduce(
          (sum, v, i) => sum + Math.abs(v) * Math.pow(1 + result.rate, -((dates[i] ?? 0) - y2009) / 365),
          0,
        );
        expect(Math.abs(xnpvCore(result.rate, values, dates)) / size).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
