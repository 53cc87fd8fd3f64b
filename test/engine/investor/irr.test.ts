import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { irr, irrCore, irrRoots, signChanges } from "../../../src/engine/investor/irr";
import { multiply, relativeResidual } from "./support";

/** Microsoft's IRR example (support.microsoft.com, "IRR function"): a business costing 70,000 and five years of income. */
const MICROSOFT_FLOWS = [-70000, 12000, 15000, 18000, 21000, 26000];

function failureOf(result: ReturnType<typeof irr>) {
  if (result.ok) throw new Error(`expected a failure, got ${result.value.rate}`);
  const [first] = result.issues;
  if (first === undefined) throw new Error("failure without issues");
  return first;
}

describe("irr: Microsoft's documented examples", () => {
  it("five years of income give 8.66 % (0.086630948)", () => {
    const result = expectOk(irr(MICROSOFT_FLOWS, { periodsPerYear: 1 }));
    expect(Math.abs(result.rate - 0.086630948)).toBeLessThan(1e-9);
    expect(result.effectiveAnnualRate).toBe(result.rate);
    expect(result.signChanges).toBe(1);
    expect(result.roots).toEqual([result.rate]);
  });

  it("the first four years give −2.12 % (−0.021244848)", () => {
    const result = expectOk(irr(MICROSOFT_FLOWS.slice(0, 5), { periodsPerYear: 1 }));
    expect(Math.abs(result.rate - -0.021244848)).toBeLessThan(1e-9);
  });

  it("the unchecked core gives the same rates", () => {
    expect(irrCore(MICROSOFT_FLOWS)).toBe(expectOk(irr(MICROSOFT_FLOWS)).rate);
    expect(irrCore(MICROSOFT_FLOWS.slice(0, 5))).toBe(expectOk(irr(MICROSOFT_FLOWS.slice(0, 5))).rate);
  });
});

describe("irr: monthly flows and hand calculations", () => {
  it("110 received 12 months after paying 100 is 10 % effective per year, 1.1^(1/12) − 1 per month", () => {
    const flows = [-100, ...new Array<number>(11).fill(0), 110];
    const result = expectOk(irr(flows));
    expect(result.periodsPerYear).toBe(12);
    expect(result.rate).toBeCloseTo(Math.pow(1.1, 1 / 12) - 1, 13);
    expect(result.effectiveAnnualRate).toBeCloseTo(0.1, 13);
  });

  it("−100, 60, 60: 1 + r = (60 + √(60² + 4·100·60)) / 200 (quadratic in 1 + r)", () => {
    const expected = (60 + Math.sqrt(60 * 60 + 4 * 100 * 60)) / 200 - 1;
    expect(expectOk(irr([-100, 60, 60], { periodsPerYear: 1 })).rate).toBeCloseTo(expected, 13);
  });

  it("leading and trailing zeros do not change the rate; strongly negative rates converge without a guess", () => {
    expect(expectOk(irr([0, 0, -100, 110, 0, 0])).rate).toBeCloseTo(0.1, 13);
    expect(expectOk(irr([-1000, 1])).rate).toBeCloseTo(-0.999, 13);
    expect(expectOk(irr([-1, 1000])).rate).toBeCloseTo(999, 9);
  });

  it("draws and receipts interleaved (3 sign changes) but a pure investment: one IRR, certified without a scan", () => {
    // Balance at the IRR stays negative until the last flow, so the IRR is unique (Teichroew, Robichek, Montalbano).
    const flows = [-100, -50, 80, -10, 120];
    const result = expectOk(irr(flows, { periodsPerYear: 1 }));
    expect(result.signChanges).toBe(3);
    expect(expectOk(irrRoots(flows)).roots).toEqual([expect.closeTo(result.rate, 13)]);
    expect(irrCore(flows)).toBe(result.rate);
    expect(relativeResidual(flows, result.rate)).toBeLessThan(1e-14);
  });

  it("a touching (double) root is found: −1, 2, −1 = −(1 − x)² has IRR 0", () => {
    expect(expectOk(irr([-1, 2, -1])).rate).toBeCloseTo(0, 7);
  });
});

describe("irr: diagnostics", () => {
  it("all flows of one sign: NoSignChange with the reason", () => {
    const issue = failureOf(irr([100, 50, 0, 20]));
    expect(issue.code).toBe("NoSignChange");
    expect(issue.field).toBe("flows");
    expect(issue.message).toContain("all flows have the same sign");
    expect(failureOf(irr([-5, -1])).message).toContain("same sign");
    expect(failureOf(irr([0, 0, 0])).message).toContain("all flows are 0");
  });

  it("sign changes but no root: NoSignChange saying NPV never reaches 0 (−1, 1, −1 has NPV < 0 everywhere)", () => {
    const issue = failureOf(irr([-1, 1, -1]));
    expect(issue.code).toBe("NoSignChange");
    expect(issue.message).toContain("change sign 2 times");
  });

  it("two roots: MultipleRoots listing 10 % and 20 %; a guess picks the nearest", () => {
    // −100 + 230x − 132x² = −132(x − 1/1.1)(x − 1/1.2) with x = 1/(1 + r): roots r = 10 % and 20 %.
    const flows = [-100, 230, -132];
    const issue = failureOf(irr(flows, { periodsPerYear: 1 }));
    expect(issue.code).toBe("MultipleRoots");
    expect(issue.message).toContain("10 % per period");
    expect(issue.message).toContain("20 % per period");
    expect(expectOk(irr(flows, { guess: 0.12 })).rate).toBeCloseTo(0.1, 12);
    const picked = expectOk(irr(flows, { guess: 0.3 }));
    expect(picked.rate).toBeCloseTo(0.2, 12);
    expect(picked.roots).toHaveLength(2);
    expect(Number.isNaN(irrCore(flows))).toBe(true);
  });

  it("labels monthly roots with their effective annual rate", () => {
    const message = failureOf(irr([-100, 230, -132])).message;
    expect(message).toContain("10 % per month (213.843 % per year)");
  });

  it("rejects empty or non-finite flows and bad options, naming the field", () => {
    expect(failureOf(irr([])).field).toBe("flows");
    expect(failureOf(irr([-1, Number.NaN, 2])).field).toBe("flows[1]");
    expect(failureOf(irr([-1, 2], { periodsPerYear: 0 })).field).toBe("periodsPerYear");
    expect(failureOf(irr([-1, 2], { guess: -1 })).field).toBe("guess");
  });

  it("irrRoots lists every root and the sign changes", () => {
    const roots = expectOk(irrRoots([-100, 230, -132]));
    expect(roots.signChanges).toBe(2);
    expect(roots.roots.map((r) => Number(r.toFixed(10)))).toEqual([0.1, 0.2]);
    expect(expectOk(irrRoots([1, 2])).roots).toEqual([]);
  });

  it("a rate that rounds to −100 % in double precision is NoConvergence, not −1", () => {
    const issue = failureOf(irr([-1e100, 1e-100]));
    expect(issue.code).toBe("NoConvergence");
    expect(issue.message).toContain("double precision");
    expect(Number.isNaN(irrCore([-1e100, 1e-100]))).toBe(true);
  });

  it("counts sign changes skipping zeros", () => {
    expect(signChanges([-100, 0, 50, -10, 80])).toBe(3);
    expect(signChanges([0, 0])).toBe(0);
  });
});

/** Money in kr with øre (two decimals), as flows in a workbook are. */
const kroner = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((v) => v / 100);
const flowValue = kroner(-1e6, 1e6);

describe("irr: properties", () => {
  it("NPV at the computed IRR is 0 within 1e-9 of the size of the discounted flows", () => {
    fc.assert(
      fc.property(fc.array(flowValue, { minLength: 2, maxLength: 60 }), (flows) => {
        const result = irr(flows);
        if (!result.ok) return;
        for (const root of result.value.roots) {
          // Near −100 % the stored rate itself is only exact to ε absolute, i.e. ε/(1 + r) relative in 1 + r.
          const representable = (flows.length * Number.EPSILON) / (1 + root);
          expect(relativeResidual(flows, root)).toBeLessThan(1e-9 + representable);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("without a guess, a rate is returned only when the full scan finds exactly that one root", () => {
    fc.assert(
      fc.property(fc.array(flowValue, { minLength: 2, maxLength: 40 }), (flows) => {
        const result = irr(flows);
        const scanned = expectOk(irrRoots(flows)).roots;
        if (result.ok) {
          expect(scanned).toHaveLength(1);
          expect(Math.abs(Math.log1p(scanned[0] ?? Number.NaN) - Math.log1p(result.value.rate))).toBeLessThan(1e-12);
        } else if (result.issues[0]?.code === "MultipleRoots") {
          expect(scanned.length).toBeGreaterThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("investor-like flows with interleaved draws and receipts: the certified or scanned rate is the scan's only root", () => {
    const investorLike = fc
      .tuple(kroner(1, 1e6), fc.array(kroner(-5e5, 5e5), { minLength: 1, maxLength: 30 }), kroner(0, 3e6))
      .map(([firstDraw, middle, last]) => [-firstDraw, ...middle, last]);
    fc.assert(
      fc.property(investorLike, (flows) => {
        const result = irr(flows);
        const scanned = expectOk(irrRoots(flows)).roots;
        if (result.ok) {
          expect(scanned).toHaveLength(1);
          expect(Math.abs(Math.log1p(scanned[0] ?? Number.NaN) - Math.log1p(result.value.rate))).toBeLessThan(1e-12);
          expect(irrCore(flows)).toBe(result.value.rate);
        } else {
          expect(scanned.length === 1).toBe(false);
          expect(Number.isNaN(irrCore(flows))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("conventional flows (pay in, then receive) always have exactly one IRR, and the core agrees", () => {
    const conventional = fc
      .tuple(
        fc.array(kroner(0.01, 1e6), { minLength: 1, maxLength: 12 }),
        fc.array(kroner(0, 2e6), { minLength: 1, maxLength: 48 }),
      )
      .filter(([, inflows]) => inflows.some((v) => v > 0))
      .map(([outflows, inflows]) => [...outflows.map((v) => -v), ...inflows]);
    fc.assert(
      fc.property(conventional, (flows) => {
        const result = expectOk(irr(flows));
        expect(result.roots).toHaveLength(1);
        expect(irrCore(flows)).toBe(result.rate);
        // Near −100 % (tiny inflows) the stored rate is only exact to ε absolute, i.e. ε/(1 + r) relative in 1 + r.
        const representable = (flows.length * Number.EPSILON) / (1 + result.rate);
        expect(relativeResidual(flows, result.rate)).toBeLessThan(1e-9 + representable);
      }),
      { numRuns: 200 },
    );
  });

  it("a higher distribution never lowers the IRR (conventional flows)", () => {
    const scenario = fc.record({
      outflows: fc.array(kroner(1, 1e6), { minLength: 1, maxLength: 12 }),
      inflows: fc.array(kroner(1, 2e6), { minLength: 1, maxLength: 36 }),
      index: fc.nat(),
      increase: kroner(0.01, 1e6),
    });
    fc.assert(
      fc.property(scenario, ({ outflows, inflows, index, increase }) => {
        const flows = [...outflows.map((v) => -v), ...inflows];
        const raised = [...flows];
        const k = outflows.length + (index % inflows.length);
        raised[k] = (raised[k] ?? 0) + increase;
        expect(expectOk(irr(raised)).rate).toBeGreaterThanOrEqual(expectOk(irr(flows)).rate - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("flows built with two roots give MultipleRoots listing both", () => {
    // NPV as a polynomial in x = 1/(1 + r): a(x − x1)(x − x2) times a factor (1 + c·x)^k with no positive root.
    const scenario = fc
      .record({
        u1: fc.double({ min: -2, max: 2, noNaN: true }),
        gap: fc.double({ min: 0.005, max: 2, noNaN: true }),
        scale: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        sign: fc.constantFrom(-1, 1),
        c: fc.double({ min: 0.1, max: 3, noNaN: true }),
        k: fc.integer({ min: 0, max: 6 }),
      })
      .map(({ u1, gap, scale, sign, c, k }) => {
        const x1 = Math.exp(-u1); // root r = e^u1 − 1
        const x2 = Math.exp(-(u1 + gap)); // root r = e^(u1 + gap) − 1
        let flows = [sign * scale * x1 * x2, -sign * scale * (x1 + x2), sign * scale];
        for (let i = 0; i < k; i++) flows = multiply(flows, [1, c]);
        return { flows, lower: Math.expm1(u1), higher: Math.expm1(u1 + gap) };
      });
    fc.assert(
      fc.property(scenario, ({ flows, lower, higher }) => {
        const issue = failureOf(irr(flows));
        expect(issue.code).toBe("MultipleRoots");
        const roots = expectOk(irrRoots(flows)).roots;
        expect(roots).toHaveLength(2);
        expect(Math.abs(Math.log1p(roots[0] ?? Number.NaN) - Math.log1p(lower))).toBeLessThan(1e-8);
        expect(Math.abs(Math.log1p(roots[1] ?? Number.NaN) - Math.log1p(higher))).toBeLessThan(1e-8);
      }),
      { numRuns: 200 },
    );
  });

  it("all-positive (or all-negative) flows give NoSignChange", () => {
    fc.assert(
      fc.property(
        fc.array(kroner(0, 1e6), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(-1, 1),
        (magnitudes, sign) => {
          const flows = magnitudes.map((v) => sign * v);
          expect(failureOf(irr(flows)).code).toBe("NoSignChange");
          expect(Number.isNaN(irrCore(flows))).toBe(true);
        },
      ),
    );
  });
});
