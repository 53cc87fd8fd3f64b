import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, validatePaymentTerms, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

function expectPaymentSheetMatches(scenario: Scenario, terms: PaymentTerms, language: "da" | "en" = "en"): void {
  expect(validatePaymentTerms(terms)).toEqual([]);
  const workbook = evaluatePlan(buildPlan(scenario, language, { paymentTerms: terms }));
  expect(workbook.errors()).toEqual([]);
  const result = computeBusinessCase(scenario);
  const expected = workbookNames(scenario, result, computePaymentSchedule(scenario, result, terms));
  for (const [name, engineValue] of Object.entries(expected)) {
    const value = workbook.valueOf(name);
    if (engineValue === null) continue;
    expect(typeof value, `${name} = ${String(value)}`).toBe("number");
    const scale = Math.max(1, Math.abs(engineValue));
    expect(
      Math.abs((value as number) - engineValue) / scale,
      `${name}: ${String(value)} vs ${engineValue}`,
    ).toBeLessThanOrEqual(1e-9);
  }
}

describe("the Payment sheet evaluated by HyperFormula equals the payment engine", () => {
  it("pilot terms (rate card, 3-month lag, municipality pays all)", () => {
    expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "da");
  });

  it("every mechanism at once: baseline, contract threshold, person/volume/contract caps, chain, savings share, base fee, payer split", () => {
    const terms: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: [
        { metric: "selfSupporting", price: 150_000, volumeCap: 12, requires: null },
        { metric: "paidHours", price: 60_000, volumeCap: null, requires: null },
        { metric: "sustained6", price: 40_000, volumeCap: 9, requires: "selfSupporting" },
        { metric: "sustained12", price: 30_000, volumeCap: null, requires: "sustained6" },
      ],
      includeEducation: true,
      baseline: { kind: "comparison" },
      threshold: { pp: 5, scope: "contract", metric: null },
      personCap: 180_000,
      contractCap: 3_000_000,
      savingsShare: 0.2,
      savingsScope: "broad",
      baseFee: 5_000,
      baseFeeTiming: "spread",
      lagMonths: 2,
      municipalityShare: 0.7,
    };
    const scenario: Scenario = {
      ...pilot,
      cohorts: [
        { participants: 30, intakeMonth: 6 },
        { participants: 26, intakeMonth: 0 },
      ],
      persistence: 0.98,
    };
    expectPaymentSheetMatches(scenario, terms);
  });

  it("random terms and scenarios (property, 40 runs)", () => {
    const termsArbitrary = fc.record({
      prices: fc.array(fc.integer({ min: 0, max: 250_000 }), { minLength: 4, maxLength: 4 }),
      caps: fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { minLength: 4, maxLength: 4 }),
      chain: fc.boolean(),
      includeEducation: fc.boolean(),
      baseline: fc.constantFrom("none", "comparison", "historical"),
      historicalRate: fc.integer({ min: 0, max: 40 }).map((x) => x / 100),
      threshold: fc.option(fc.record({ pp: fc.integer({ min: 0, max: 20 }), contract: fc.boolean() }), { nil: null }),
      personCap: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null }),
      contractCap: fc.option(fc.integer({ min: 0, max: 8_000_000 }), { nil: null }),
      savingsShare: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
      broad: fc.boolean(),
      baseFee: fc.integer({ min: 0, max: 20_000 }),
      spread: fc.boolean(),
      lag: fc.integer({ min: 0, max: 12 }),
      municipalityShare: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
      cohorts: fc.array(
        fc.record({ participants: fc.integer({ min: 1, max: 80 }), intakeMonth: fc.integer({ min: 0, max: 18 }) }),
        { minLength: 1, maxLength: 3 },
      ),
      persistence: fc.integer({ min: 80, max: 100 }).map((x) => x / 100),
    });
    fc.assert(
      fc.property(termsArbitrary, (r) => {
        const metrics = ["selfSupporting", "paidHours", "sustained6", "sustained12"];
        const terms: PaymentTerms = {
          rateCard: metrics.map((metric, k) => ({
            metric,
            price: r.prices[k] ?? 0,
            volumeCap: r.caps[k] ?? null,
            requires:
              r.chain && k >= 2 ? (metrics[k - 1] === "paidHours" ? "selfSupporting" : (metrics[k - 1] ?? null)) : null,
          })),
          includeEducation: r.includeEducation,
          baseline:
            r.baseline === "historical"
              ? { kind: "historical", rate: r.historicalRate, rates: { paidHours: r.historicalRate / 2 } }
              : r.baseline === "comparison"
                ? { kind: "comparison" }
                : { kind: "none" },
          threshold:
            r.threshold === null
              ? null
              : { pp: r.threshold.pp, scope: r.threshold.contract ? "contract" : "metric", metric: null },
          personCap: r.personCap,
          contractCap: r.contractCap,
          savingsShare: r.savingsShare,
          savingsScope: r.broad ? "broad" : "narrow",
          baseFee: r.baseFee,
          baseFeeTiming: r.spread ? "spread" : "intake",
          lagMonths: r.lag,
          municipalityShare: r.municipalityShare,
        };
        expectPaymentSheetMatches({ ...pilot, cohorts: r.cohorts, persistence: r.persistence }, terms);
      }),
      { numRuns: 40 },
    );
  });
});
