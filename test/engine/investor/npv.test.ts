import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { npv, npvAtAnnualRate, npvCore } from "../../../src/engine/investor/npv";

describe("npv", () => {
  it("discounts period t by (1 + r)^t, period 0 undiscounted (doc examples)", () => {
    expect(npvCore(0.1, [-100, 110])).toBeCloseTo(0, 12);
    expect(expectOk(npv(0.1, [-100, 60, 60]))).toBeCloseTo(-100 + 60 / 1.1 + 60 / 1.21, 12);
    expect(expectOk(npvAtAnnualRate(0.1, [-100, ...new Array<number>(11).fill(0), 110]))).toBeCloseTo(0, 12);
  });

  it("rejects a rate of −100 % or less and non-finite flows", () => {
    expect(npv(-1, [1]).ok).toBe(false);
    expect(npvAtAnnualRate(-1.5, [1]).ok).toBe(false);
    const result = npv(0.1, [1, Number.POSITIVE_INFINITY]);
    expect(result.ok ? null : result.issues[0]?.field).toBe("flows[1]");
  });
});
