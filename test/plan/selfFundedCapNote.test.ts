/**
 * The SIB side's loss if the effect is zero when a return cap binds at zero effect (issue 11): the Investor sheet runs
 * the zero-effect schedule through the same waterfall as the real one (src/plan/investor/zeroEffectBlock.ts), so
 * SIB_SibLossNoEffect is a number in every case and equals the engine's compareFinancing (src/engine/selfFunded.ts)
 * to 1e-6 kr in HyperFormula. Expected figures are worked out by hand below from the pilot's published facts; one
 * English workbook is built and its input cells are set per case (a build takes seconds, a recalculation much less).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { SURPLUS_RULE_CODES } from "../../src/engine/investor/surplus";
import {
  investorTerms,
  NO_DEAL_COSTS,
  type InvestorTerms,
  type InvestorTermsInput,
} from "../../src/engine/investor/terms";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { compareFinancing } from "../../src/engine/selfFunded";
import { buildPlan } from "../../src/plan/buildPlan";
import { EVERY_YEAR, FIRST_COHORT_SIZE } from "../../src/plan/investor/inputsBlock";
import { NONE, NO_RETURN_CAP } from "../../src/plan/investor/labels";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario(2023));
const pilotResult = computeBusinessCase(pilot);

// The pilot (DOMAIN.md, docs/investor.md): 56 participants × 79,236 kr = 4,437,216 kr, drawn as 369,768 kr a month in
// months 0–11; at zero effect its card pays 56 × (0.12 × 198,090 + 0.10 × 99,045) = 1,885,816.8 kr in month 17, so
// prices × 3 pay 5,657,450.4 kr there: more than the cost, so a cap of 1.1 × the principal binds. The municipality pays
// all of it (w = 1); payments are discounted mid-month at 3.5 % a year: 1.035^−(17 + 0.5)/12.
const PRINCIPAL = 56 * 79_236;
const MONTHLY_COST = PRINCIPAL / 12;
const PAID_AT_ZERO = 3 * 56 * (0.12 * 198_090 + 0.1 * 99_045);
const DISCOUNT_17 = Math.pow(1.035, -17.5 / 12);
const MULTIPLE_11: InvestorTermsInput = { returnCap: { irr: null, multiple: 1.1 } };

/** The pilot's terms with every price × `factor` and the municipality paying `w` of each payment. */
function termsAt(factor: number, w = 1): PaymentTerms {
  const rateCard = PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: line.price * factor }));
  return { ...PILOT_PAYMENT_TERMS, rateCard, municipalityShare: w };
}

function build(language: "da" | "en"): { workbook: EvaluatedWorkbook; prices: string[] } {
  const plan = buildPlan(pilot, language, {
    paymentTerms: termsAt(3),
    investorTerms: expectOk(investorTerms(MULTIPLE_11)),
    addInValues: false,
  });
  const prices = plan.names.find((entry) => entry.name === "SIB_PayPrices");
  if (prices === undefined) throw new Error("no SIB_PayPrices");
  // One price cell per rate-card line, in the card's order (a column range such as $B$30:$B$33).
  const [from, to] = prices.reference.replace(/\$/g, "").split(":");
  const column = (from ?? "").replace(/\d+/g, "");
  const first = Number((from ?? "").replace(/\D+/g, ""));
  const last = Number((to ?? from ?? "").replace(/\D+/g, ""));
  const cells = Array.from({ length: last - first + 1 }, (_, i) => `${column}${first + i}`);
  return { workbook: evaluatePlan(plan), prices: cells.map((cell) => `${prices.sheet}!${cell}`) };
}

let english: { workbook: EvaluatedWorkbook; prices: string[] } | null = null;
/** The shared English workbook (built on first use). */
const shared = (): { workbook: EvaluatedWorkbook; prices: string[] } => (english ??= build("en"));

/** Sets every payment and investor input the cases vary (English texts for "none"), in one recalculation. */
function setTerms(factor: number, w: number, terms: InvestorTerms): EvaluatedWorkbook {
  const { workbook, prices } = shared();
  const deal = terms.dealCosts ?? NO_DEAL_COSTS;
  const savings = terms.savingsSurplus ?? { rule: "commissioner", share: 0, cohortSize: null };
  const cells: [string, number | string][] = [
    ["SIB_PayMunicipalityShare", w],
    ["SIB_InvDrawUpfront", terms.draw === "upfront" ? 1 : 0],
    ["SIB_InvCapIRR", terms.returnCap.irr ?? NO_RETURN_CAP.en],
    ["SIB_InvCapMultiple", terms.returnCap.multiple ?? NO_RETURN_CAP.en],
    ["SIB_InvSurplusInvestor", terms.surplusShare.investor],
    ["SIB_InvSurplusProvider", terms.surplusShare.provider],
    ["SIB_InvSurplusCommissioner", terms.surplusShare.commissioner],
    ["SIB_InvSurplusReinvested", terms.surplusShare.reinvested],
    ["SIB_InvMaxLoss", terms.maxLoss ?? NONE.en],
    ["SIB_InvCappedSurplusReturned", terms.cappedSurplus === "returned" ? 1 : 0],
    ["SIB_InvDealSetup", deal.setup],
    ["SIB_InvDealEvaluation", deal.evaluation],
    ["SIB_InvDealIntermediaryOneOff", deal.intermediaryOneOff],
    ["SIB_InvDealIntermediaryYearly", deal.intermediaryYearly],
    ["SIB_InvDealIntermediaryYears", deal.intermediaryYears ?? EVERY_YEAR.en],
    ["SIB_InvDealProviderNonDelivery", deal.providerNonDelivery],
    ["SIB_InvSavingsSurplusRule", SURPLUS_RULE_CODES.indexOf(savings.rule)],
    ["SIB_InvSavingsSurplusShare", savings.share],
    ["SIB_InvRecycledCohortSize", savings.cohortSize ?? FIRST_COHORT_SIZE.en],
  ];
  workbook.hf.batch(() => {
    for (const [definedName, value] of cells) workbook.setInput(definedName, value);
    PILOT_PAYMENT_TERMS.rateCard.forEach((line, k) => {
      const [sheet, address] = (prices[k] ?? "").split("!");
      workbook.setInput({ sheet: sheet ?? "", address: address ?? "" }, line.price * factor);
    });
  });
  expect(workbook.valueOf("SIB_InputsValid")).toBe(1);
  return workbook;
}

/** The engine's SIB side at zero effect: the loss and the municipality's part of the top-up (kr, present value). */
function engineAtZero(factor: number, w: number, terms: InvestorTerms): number {
  const payment = termsAt(factor, w);
  const schedule = computePaymentSchedule(pilot, pilotResult, payment);
  return compareFinancing(pilot, pilotResult, schedule, payment, terms).sib.lossIfNoEffect;
}

/** SIB_SibLossNoEffect is a number equal to the engine's to 1e-6 kr; returns it. */
function expectLossMatches(workbook: EvaluatedWorkbook, factor: number, w: number, terms: InvestorTerms): number {
  const value = workbook.valueOf("SIB_SibLossNoEffect");
  expect(typeof value, String(value)).toBe("number");
  const expected = engineAtZero(factor, w, terms);
  expect(Math.abs((value as number) - expected), `${String(value)} vs ${expected}`).toBeLessThanOrEqual(1e-6);
  return value as number;
}

/** Sets the terms on the shared workbook and checks the loss against the engine; returns it. */
function lossAt(factor: number, w: number, input: InvestorTermsInput): number {
  const terms = expectOk(investorTerms(input));
  return expectLossMatches(setTerms(factor, w, terms), factor, w, terms);
}

describe("the SIB side's loss at zero effect when a return cap binds there (HyperFormula = engine)", () => {
  it("prices × 3, a 1.1 multiple cap: the municipality pays 1.1 × the principal in month 17 (da, as built)", () => {
    const { workbook } = build("da");
    expect(workbook.valueOf("SIB_PayZeroEffect") as number).toBeCloseTo(PAID_AT_ZERO, 4);
    const loss = expectLossMatches(workbook, 3, 1, expectOk(investorTerms(MULTIPLE_11)));
    // The cap withholds 5,657,450.4 − 4,880,937.6 = 776,512.8 kr; the municipality pays the rest.
    expect(loss).toBeCloseTo(1.1 * PRINCIPAL * DISCOUNT_17, 4);
    expect(loss).toBeLessThan(PAID_AT_ZERO * DISCOUNT_17 - 700_000); // uncapped it would pay all of it
    expect(workbook.valueOf("SIB_InvTopUpAtZeroPV")).toBe(0);
  });

  it.each([
    ["withheld, savings surplus kept (commissioner)", { cappedSurplus: "withheld" }],
    ["returned, savings surplus kept", { cappedSurplus: "returned" }],
    ["withheld, 30 % of the savings surplus to the provider", { savingsSurplus: { rule: "provider", share: 0.3 } }],
    [
      "returned, half of the savings surplus reinvested in cohorts of 10",
      { cappedSurplus: "returned", savingsSurplus: { rule: "reinvested", share: 0.5, cohortSize: 10 } },
    ],
  ] as const)("each surplus rule pays the same at zero effect: %s (en)", (_, rule) => {
    // At zero effect the municipality saves nothing, so no savings surplus; withheld or returned costs it the same.
    const savings = "savingsSurplus" in rule ? { savingsSurplus: { cohortSize: null, ...rule.savingsSurplus } } : {};
    const loss = lossAt(3, 1, { ...MULTIPLE_11, ...rule, ...savings } as InvestorTermsInput);
    expect(loss).toBeCloseTo(1.1 * PRINCIPAL * DISCOUNT_17, 4);
  });

  it("half the surplus above the cap to the investor: the municipality pays the cap + half the surplus (en)", () => {
    const loss = lossAt(3, 1, { ...MULTIPLE_11, surplusShare: { investor: 0.5 } });
    expect(loss).toBeCloseTo((1.1 * PRINCIPAL + 0.5 * (PAID_AT_ZERO - 1.1 * PRINCIPAL)) * DISCOUNT_17, 4);
  });

  it("a 6 % IRR cap: the municipality pays the capital account grown at 6 % a year to month 17 (en)", () => {
    const loss = lossAt(3, 1, { returnCap: { irr: 0.06, multiple: null } });
    // Each month's draw grows at 1.06^(1/12) a month until month 17, when the payment exceeds the account.
    let account = 0;
    for (let t = 0; t < 12; t++) account += MONTHLY_COST * Math.pow(1.06, (17 - t) / 12);
    expect(account).toBeLessThan(PAID_AT_ZERO);
    expect(loss).toBeCloseTo(account * DISCOUNT_17, 4);
  });

  it("70 % paid by the municipality, a 1.1 multiple cap: its share of what is paid after the cap (en)", () => {
    expect(lossAt(3, 0.7, MULTIPLE_11)).toBeCloseTo(0.7 * 1.1 * PRINCIPAL * DISCOUNT_17, 4);
  });

  it("the pilot's own card (no cap binds) and prices × 3 without a cap give the uncapped figures (en)", () => {
    expect(lossAt(1, 1, MULTIPLE_11)).toBeCloseTo((PAID_AT_ZERO / 3) * DISCOUNT_17, 4); // investor.md: 1,793,542
    expect(lossAt(3, 1, {})).toBeCloseTo(PAID_AT_ZERO * DISCOUNT_17, 4);
  });

  it("property: 24 random terms with a return cap (IRR or multiple), surplus split and rules, protection, deal costs", () => {
    const share = fc.integer({ min: 0, max: 4 });
    const termsArbitrary = fc.record({
      factor: fc.double({ min: 0.5, max: 4, noNaN: true }),
      w: fc.double({ min: 0.2, max: 1, noNaN: true }),
      cap: fc.oneof(
        fc.record({ irr: fc.double({ min: 0, max: 0.3, noNaN: true }), multiple: fc.constant(null) }),
        fc.record({ irr: fc.constant(null), multiple: fc.double({ min: 1, max: 2, noNaN: true }) }),
      ),
      split: fc.tuple(share, share, share, share),
      maxLoss: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      draw: fc.constantFrom("asNeeded" as const, "upfront" as const),
      cappedSurplus: fc.constantFrom("withheld" as const, "returned" as const),
      setup: fc.constantFrom(0, 250_000),
      rule: fc.constantFrom(...SURPLUS_RULE_CODES),
      savingsShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    let bound = 0;
    fc.assert(
      fc.property(termsArbitrary, (sample) => {
        const [investor, provider, reinvested, commissioner] = sample.split;
        const total = investor + provider + reinvested + commissioner;
        const part = (n: number): number => n / total;
        const surplusShare =
          total === 0
            ? {}
            : {
                investor: part(investor),
                provider: part(provider),
                reinvested: part(reinvested),
                commissioner: part(commissioner),
              };
        const input: InvestorTermsInput = {
          returnCap: sample.cap,
          surplusShare,
          maxLoss: sample.maxLoss,
          draw: sample.draw,
          cappedSurplus: sample.cappedSurplus,
          dealCosts: { setup: sample.setup },
          savingsSurplus: { rule: sample.rule, share: sample.savingsShare, cohortSize: null },
        };
        const loss = lossAt(sample.factor, sample.w, input);
        if (loss < sample.w * PAID_AT_ZERO * (sample.factor / 3) * DISCOUNT_17 - 1) bound++;
      }),
      { numRuns: 24, seed: 20261201 },
    );
    // The generator reaches cases where the cap (or the surplus split) takes money off the municipality at zero effect.
    expect(bound).toBeGreaterThan(3);
  });
});
