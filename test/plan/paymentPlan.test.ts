import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { investorTerms as investorTermsOf, type InvestorTermsInput } from "../../src/engine/investor/terms";
import { investorFlows } from "../../src/engine/investor/waterfall";
import { PILOT_PAYMENT_TERMS, validatePaymentTerms, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

function expectPaymentSheetMatches(
  scenario: Scenario,
  terms: PaymentTerms,
  language: "da" | "en" = "en",
  investorInput: InvestorTermsInput = {},
): void {
  expect(validatePaymentTerms(terms)).toEqual([]);
  const investorTerms = expectOk(investorTermsOf(investorInput));
  const workbook = evaluatePlan(buildPlan(scenario, language, { paymentTerms: terms, investorTerms }));
  expect(workbook.errors()).toEqual([]);
  const result = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, result, terms);
  const investor = expectOk(investorFlows(Array.from(result.monthly.cost), Array.from(schedule.total), investorTerms));
  const expected = workbookNames(scenario, result, schedule, investor);
  expect(Object.keys(expected)).toContain("SIB_InvIRR");
  for (const [name, engineValue] of Object.entries(expected)) {
    const value = workbook.valueOf(name);
    const monthlyIrr = expected["SIB_InvIRRMonthly"];
    if (name.startsWith("SIB_InvIRR") && name !== "SIB_InvIRRGuess") {
      // Documented limits (docs/workbook.md): the workbook uses Excel's IRR (Newton from a computed guess). It is
      // compared with the engine in the realistic range of −10 % to +50 % a month; outside it (an investor who loses
      // nearly everything) or when the investor is paid before paying in, Excel's IRR may not converge. With several sign changes
      // Excel's IRR may return one of several rates where the engine reports "no single IRR"; the sheet shows the
      // sign-change count next to it.
      if (typeof monthlyIrr === "number" && (monthlyIrr < -0.1 || monthlyIrr > 0.5)) continue;
      if ((investor.netFlow.find((flow) => flow !== 0) ?? 0) > 0) continue;
      if (typeof value === "number" && engineValue === null) {
        expect(workbook.valueOf("SIB_InvSignChanges") as number, name).toBeGreaterThan(1);
        continue;
      }
    }
    if (engineValue === null) {
      expect(typeof value, `${name} = ${String(value)}`).toBe("string");
      continue;
    }
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
    expectPaymentSheetMatches(scenario, terms, "en", {
      returnCap: { irr: 0.06, multiple: null },
      surplusShare: { investor: 0.2, provider: 0.3 },
      hurdleRate: 0.05,
    });
  });

  it("investor terms: up-front draw, multiple cap, principal protection", () => {
    expectPaymentSheetMatches(pilot, PILOT_PAYMENT_TERMS, "da", {
      draw: "upfront",
      returnCap: { irr: null, multiple: 1.1 },
      maxLoss: 0.4,
      hurdleRate: 0.08,
    });
    const lowPrices: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: line.price / 4 })),
    };
    expectPaymentSheetMatches(pilot, lowPrices, "en", { maxLoss: 0.5, returnCap: { irr: 0.1, multiple: 1.5 } });
  });

  it("random terms and scenarios (property, 50 runs)", () => {
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
      { numRuns: 50, seed: 20261123 },
    );
  });
});
