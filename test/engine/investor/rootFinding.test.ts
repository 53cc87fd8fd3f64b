import { describe, expect, it } from "vitest";
import {
  brentCore,
  scanLogRoots,
  singleLogRoot,
  uniqueLogRoot,
  type RateProblem,
} from "../../../src/engine/investor/rootFinding";

/** NPV of −100, 230, −132 in u = ln(1 + r), times e^(2u) for u < 0 (roots at 10 % and 20 %). */
const twoRoots: RateProblem = {
  value: (u) =>
    u >= 0 ? -100 + 230 * Math.exp(-u) - 132 * Math.exp(-2 * u) : -100 * Math.exp(2 * u) + 230 * Math.exp(u) - 132,
  magnitude: (u) =>
    u >= 0 ? 100 + 230 * Math.exp(-u) + 132 * Math.exp(-2 * u) : 100 * Math.exp(2 * u) + 230 * Math.exp(u) + 132,
  signAtMinusOne: -1,
  signAtInfinity: -1,
};

describe("root finding", () => {
  it("Brent finds √2 and refuses a non-bracket", () => {
    expect(brentCore((x) => x * x - 2, 0, 2, -2, 2, 1e-14)).toBeCloseTo(Math.SQRT2, 14);
    expect(Number.isNaN(brentCore((x) => x * x + 1, -1, 1, 2, 2, 1e-14))).toBe(true);
  });

  it("uniqueLogRoot expands a bracket from r = 0 (doc example: −100 + 110/(1 + r) has r = 10 %)", () => {
    expect(uniqueLogRoot((u) => -100 + 110 * Math.exp(-u), -1)).toBeCloseTo(Math.log(1.1), 14);
    expect(uniqueLogRoot((u) => -100 + 1e-3 * Math.exp(-u), -1)).toBeCloseTo(Math.log(1e-5), 12);
  });

  it("scanLogRoots finds both roots of a two-root problem; singleLogRoot refuses to pick", () => {
    const scan = scanLogRoots(twoRoots);
    expect(scan.converged).toBe(true);
    if (scan.converged)
      expect(scan.logRoots.map((u) => Math.expm1(u))).toEqual([expect.closeTo(0.1, 13), expect.closeTo(0.2, 13)]);
    expect(Number.isNaN(singleLogRoot(twoRoots))).toBe(true);
  });

  it("finds two roots closer together than one grid step (1 % of 1 + r)", () => {
    // (x − 1/1.1)(x − 1/1.103) in x = 1/(1 + r): roots at 10 % and 10.3 %.
    const x1 = 1 / 1.1;
    const x2 = 1 / 1.103;
    const flows = [x1 * x2, -(x1 + x2), 1];
    const problem: RateProblem = {
      value: (u) => (flows[0] ?? 0) + (flows[1] ?? 0) * Math.exp(-u) + (flows[2] ?? 0) * Math.exp(-2 * u),
      magnitude: (u) => Math.abs(flows[0] ?? 0) + Math.abs(flows[1] ?? 0) * Math.exp(-u) + Math.exp(-2 * u),
      signAtMinusOne: 1,
      signAtInfinity: 1,
    };
    const scan = scanLogRoots(problem);
    expect(scan.converged && scan.logRoots.map((u) => Math.expm1(u))).toEqual([
      expect.closeTo(0.1, 12),
      expect.closeTo(0.103, 12),
    ]);
  });
});
