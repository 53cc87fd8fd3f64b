import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../../src/engine/payment/terms";
import { evaluateDeal, withPriceFactor } from "../../../src/engine/stress/deal";
import { dealZone, requireDealZone } from "../../../src/engine/stress/dealZone";
import {
  sensitivityInputs,
  SENSITIVITY_INPUTS,
  switchingValue,
  switchingValues,
  tornado,
} from "../../../src/engine/stress/sensitivity";
import { investorTermsArbitrary, PILOT_PAYMENT, pilotInputs, pilotInvestorNpv } from "./support";

describe("tornado", () => {
  const result = expectOk(tornado(pilotInputs, "investorNpv", 0.08));

  it("has every input, sorted by swing, largest first", () => {
    expect(result.rows.map((row) => row.input).sort()).toEqual([...SENSITIVITY_INPUTS].sort());
    for (let i = 1; i < result.rows.length; i++) {
      expect(result.rows[i - 1]?.swing ?? 0).toBeGreaterThanOrEqual(result.rows[i]?.swing ?? 0);
    }
  });

  it("base and price rows by hand: NPV at 8 % is linear in the price factor", () => {
    expect(result.base).toBeCloseTo(pilotInvestorNpv(0.08), 4);
    const price = result.rows.find((row) => row.input === "priceFactor");
    expect(price).toMatchObject({ base: 1, low: 0.8, high: 1.2 });
    expect(price?.outputLow).toBeCloseTo(pilotInvestorNpv(0.08, 0.8 * PILOT_PAYMENT), 4);
    expect(price?.outputHigh).toBeCloseTo(pilotInvestorNpv(0.08, 1.2 * PILOT_PAYMENT), 4);
  });

  it("every row's low and high are the module's documented table (review M36: two-sided, not only swing > 0)", () => {
    const { scenario, paymentTerms } = pilotInputs;
    const K = scenario.costPerParticipant;
    const rho = scenario.persistence;
    const lag = paymentTerms.lagMonths;
    const rate = scenario.discountRate;
    const hurdle = 0.08;
    // The table in src/engine/stress/sensitivity.ts, written out: input → [base, low, high].
    const documented: Record<string, [number, number, number]> = {
      effect: [1, 0.5, 1.5],
      priceFactor: [1, 0.8, 1.2],
      costPerParticipant: [K, 0.8 * K, 1.2 * K],
      persistence: [rho, Math.max(0, rho - 0.02), Math.min(1, rho + 0.02)],
      lagMonths: [lag, Math.max(0, lag - 3), lag + 6],
      discountRate: [rate, Math.max(0, rate - 0.015), rate + 0.015],
      hurdleRate: [hurdle, hurdle - 0.04, hurdle + 0.04],
    };
    expect(Object.keys(documented).sort()).toEqual([...SENSITIVITY_INPUTS].sort());
    for (const row of result.rows) {
      const [base, low, high] = documented[row.input] ?? [Number.NaN, Number.NaN, Number.NaN];
      expect(row.base, `${row.input} base`).toBeCloseTo(base, 12);
      expect(row.low, `${row.input} low`).toBeCloseTo(low, 12);
      expect(row.high, `${row.input} high`).toBeCloseTo(high, 12);
    }
  });

  it("the municipality's discount rate does not move the investor's NPV; the hurdle does not move the municipality's net", () => {
    expect(result.rows.find((row) => row.input === "discountRate")?.swing).toBe(0);
    const municipal = expectOk(tornado(pilotInputs, "municipalityNet", 0.08));
    expect(municipal.rows.find((row) => row.input === "hurdleRate")?.swing).toBe(0);
    expect(municipal.rows.find((row) => row.input === "discountRate")?.swing).toBeGreaterThan(0);
  });

  it("IRR output: the hurdle's row has no swing (the IRR does not depend on it)", () => {
    const irr = expectOk(tornado(pilotInputs, "investorIrr", 0.08));
    expect(irr.base).toBeCloseTo(-0.1188824, 6);
    expect(irr.rows.find((row) => row.input === "hurdleRate")?.swing).toBe(0);
  });
});

describe("switching values", () => {
  const inputs = sensitivityInputs(pilotInputs, 0.08);
  const byName = (name: string) => {
    const input = inputs.find((entry) => entry.name === name);
    if (input === undefined) throw new Error(name);
    return input;
  };

  it("the hurdle at which the investor's NPV is 0 is its IRR (−11.89 % a year)", () => {
    const value = switchingValue(byName("hurdleRate"), "investor").value;
    expect(value).toBeCloseTo(-0.1188824288, 8);
  });

  it("the price factor at which the investor's NPV is 0 is the deal zone's low end, and the municipality's its high end", () => {
    const zone = expectOk(
      requireDealZone(expectOk(dealZone(pilotInputs, { hurdleRate: 0.08, municipalityShare: 1, metric: null }))),
    );
    expect(switchingValue(byName("priceFactor"), "investor").value).toBeCloseTo(zone.low.value, 9);
    expect(switchingValue(byName("priceFactor"), "municipality").value).toBeCloseTo(zone.high?.value ?? 0, 9);
  });

  it("cost per participant by hand: the cost at which the 8 % hurdle is just met (65,222 kr)", () => {
    const v = 1.08 ** (-1 / 12);
    let annuity = 0;
    for (let t = 0; t < 12; t++) annuity += v ** t;
    const cost = (PILOT_PAYMENT * v ** 17 * 12) / (56 * annuity);
    expect(switchingValue(byName("costPerParticipant"), "investor").value).toBeCloseTo(cost, 4);
  });

  it("whole months: the first claim lag at which the municipality's net turns negative, else none in range", () => {
    const result = switchingValue(byName("lagMonths"), "investor");
    expect(result.value).toBeNull();
    expect(result.reason).toBe(
      "none in range: the investor's NPV at its hurdle stays negative for lagMonths from 0 to 120.",
    );
    const rich = sensitivityInputs({ ...pilotInputs, paymentTerms: withPriceFactor(PILOT_PAYMENT_TERMS, 1.3) }, 0.08);
    const lag = switchingValue(rich.find((input) => input.name === "lagMonths") ?? byName("lagMonths"), "investor");
    expect(Number.isInteger(lag.value)).toBe(true);
    const at = (months: number) =>
      evaluateDeal(
        { ...pilotInputs, paymentTerms: { ...withPriceFactor(PILOT_PAYMENT_TERMS, 1.3), lagMonths: months } },
        0.08,
      ).investorNpv;
    expect(at(lag.value ?? 0)).toBeLessThan(0);
    expect(at((lag.value ?? 0) - 1)).toBeGreaterThanOrEqual(0);
  });

  it("every input for both parties, checked", () => {
    expect(expectOk(switchingValues(pilotInputs, "municipality", 0.08)).map((value) => value.input)).toEqual([
      ...SENSITIVITY_INPUTS,
    ]);
    const bad = switchingValues(pilotInputs, "investor", -3);
    expect(bad.ok ? "" : bad.issues[0]?.field).toBe("hurdleRate");
  });
});

describe("a higher price never lowers the investor's IRR (deterministic, without principal protection)", () => {
  it("for random investor terms (caps, upfront draws, surplus shares) and price factors", () => {
    fc.assert(
      fc.property(
        investorTermsArbitrary(false),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (investorTerms, low, step) => {
          const inputs = { ...pilotInputs, investorTerms };
          const irrAt = (factor: number) =>
            evaluateDeal({ ...inputs, paymentTerms: withPriceFactor(PILOT_PAYMENT_TERMS, factor) }, 0).investorIrr;
          const lower = irrAt(low);
          const higher = irrAt(low + step);
          expect(higher).toBeGreaterThanOrEqual(lower - 1e-12);
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  });
});
