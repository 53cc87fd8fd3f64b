import { describe, expect, it } from "vitest";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

/**
 * Review F10 and F11 (../shared/reviews/reliability.md), through the custom functions as Excel calls them: every call
 * gives a finite number or an Excel error with a message, never ±Infinity, NaN or an uncaught Error. The engine
 * reports an overflow as Impossible (rule `overflow`), which src/functions/errors.ts maps to #NUM!.
 */
installCustomFunctionsStub();
const investor = await import("../../src/functions/investor");
const stats = await import("../../src/functions/stats");
const fn = {
  irr: asCalledByExcel(investor.irr),
  multiple: asCalledByExcel(investor.multiple),
  investorFlows: asCalledByExcel(investor.investorFlows),
  mde: asCalledByExcel(stats.mde),
};

describe("F10: the investor functions never return a non-finite number", () => {
  it("SIB.RETURNRATE({-1;10}, 366) and ({-1;1E30}, 12): #NUM! saying the annual rate overflows (was Infinity)", () => {
    for (const [flows, periods] of [
      [[[-1], [10]], 366],
      [[[-1], [1e30]], 12],
    ] as const) {
      const error = excelErrorOf(() =>
        fn.irr(
          flows.map((row) => [...row]),
          periods,
        ),
      );
      expect(error.code).toBe("#NUM!");
      expect(error.message).toMatch(/annual rate overflows/);
    }
  });

  it("SIB.MULTIPLE({-1E308;-1E308;1E308}) is 0.5 (1e308 received for 2e308 paid in; was 0)", () => {
    expect(fn.multiple([[-1e308], [-1e308], [1e308]])).toBe(0.5);
  });

  it("SIB.MULTIPLE({-1E-300;1E10}): #NUM! (1e310 exceeds the largest number; was Infinity)", () => {
    const error = excelErrorOf(() => fn.multiple([[-1e-300], [1e10]]));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/overflows/);
  });

  it('SIB.INVESTORFLOWS({1E308;1E308},{0;1E308},{"returnCap.irr",1},"metrics"): #NUM! naming costByMonth (was −Infinity)', () => {
    const error = excelErrorOf(() =>
      fn.investorFlows([[1e308], [1e308]], [[0], [1e308]], [["returnCap.irr", 1]], "metrics"),
    );
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/^costByMonth: .*1\.8e308/);
  });
});

describe("F11: SIB.MDE with a tiny alpha", () => {
  it("SIB.MDE(56, 56, 0.2, 1E-17): #VALUE! naming alpha and its lower bound (was an uncaught Error)", () => {
    const error = excelErrorOf(() => fn.mde(56, 56, 0.2, 1e-17));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^alpha must be at least 1e-10/);
  });
});
