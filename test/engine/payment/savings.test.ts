import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { expectOk, type Result } from "../../../src/engine/errors";
import { PILOT_PUBLISHED, pilotScenario } from "../../../src/engine/pilot";
import { municipalityPosition, municipalityPositionCore } from "../../../src/engine/payment/position";
import { savingsByMonth, savingsShare, savingsShareCore } from "../../../src/engine/payment/savingsShare";

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

function fields(result: Result<unknown>): string[] {
  return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.rule}`);
}

describe("savings by month", () => {
  const pilot = expectOk(pilotScenario(2023));
  const businessCase = computeBusinessCase(pilot);

  it("narrow = the municipality's savings before the cost: total = net result + 56 × 79,236", () => {
    const narrow = savingsByMonth(businessCase, "narrow");
    const total = narrow.reduce((a, b) => a + b, 0);
    const cost = PILOT_PUBLISHED.participants * PILOT_PUBLISHED.costPerParticipant; // 4,437,216 kr
    expect(total).toBeCloseTo(businessCase.undiscounted.total.municipality + cost, 4);
    expect(narrow).toHaveLength(businessCase.months);
  });

  it("broad = all public budgets' savings before the cost", () => {
    const broad = savingsByMonth(businessCase, "broad");
    const total = broad.reduce((a, b) => a + b, 0);
    const cost = PILOT_PUBLISHED.participants * PILOT_PUBLISHED.costPerParticipant;
    expect(total).toBeCloseTo(businessCase.undiscounted.total.public + cost, 4);
    const narrow = savingsByMonth(businessCase, "narrow");
    expect(broad[20] ?? 0).toBeGreaterThan(narrow[20] ?? 0);
  });
});

describe("share of savings (high-water mark)", () => {
  it("pays α × each rise of the cumulative savings, never charging back", () => {
    // Cumulative 100, 50, 130: owed 50, 50, 65 → paid 50, 0, 15.
    expect(value(savingsShare([100, -50, 80], 0.5))).toEqual([50, 0, 15]);
    // Negative first: cumulative −20, 10, 40 → owed 0, 5, 20.
    expect(value(savingsShare([-20, 30, 30], 0.5))).toEqual([0, 5, 15]);
  });

  it("with savings ≥ 0 the total is α × total savings (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (savings, alpha) => {
          const paid = savingsShareCore(savings, alpha);
          const total = paid.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(alpha * savings.reduce((a, b) => a + b, 0), 3);
        },
      ),
    );
  });

  it("reports bad fields", () => {
    expect(fields(savingsShare([1, Number.NaN], 1.5))).toEqual(["savings[1]:number", "share:range"]);
  });
});

describe("municipality position", () => {
  it("net = savings − payments, cumulative and discounted", () => {
    const position = value(municipalityPosition([100, 100, 100], [0, 150, 0], [1, 0.5, 0.25]));
    expect(position.net).toEqual([100, -50, 100]);
    expect(position.cumulativeNet).toEqual([100, 50, 150]);
    // Discounted: 100 × 1, −50 × 0.5, 100 × 0.25 → 100, 75, 100.
    expect(position.cumulativeNetDiscounted).toEqual([100, 75, 100]);
    expect(position.total).toEqual({ savings: 300, payments: 150, net: 150 });
    expect(position.discounted).toEqual({ savings: 175, payments: 75, net: 100 });
    expect(position.neverPaysMoreThanSaves).toBe(true);
  });

  it("flags a municipality that pays more than it saves (discounted)", () => {
    const position = value(municipalityPosition([100], [120], [0.9]));
    expect(position.discounted.net).toBeCloseTo(-18, 12);
    expect(position.neverPaysMoreThanSaves).toBe(false);
  });

  it("pads the shorter series with 0", () => {
    const position = municipalityPositionCore([10], [0, 0, 4], [1, 1, 1]);
    expect(position.savings).toEqual([10, 0, 0]);
    expect(position.net).toEqual([10, 0, -4]);
  });

  it("reports bad fields", () => {
    expect(fields(municipalityPosition([Number.NaN], [-1, 2], [0]))).toEqual([
      "savings[0]:number",
      "payments[0]:range",
      "discountFactors[0]:range",
      "discountFactors:length",
    ]);
  });
});
