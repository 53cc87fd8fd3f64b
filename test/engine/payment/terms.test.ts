import { describe, expect, it } from "vitest";
import { PILOT_PUBLISHED } from "../../../src/engine/pilot";
import {
  resolveRateCard,
  PILOT_PAYMENT_TERMS,
  PILOT_PRICES,
  PILOT_TARGETS,
  validatePaymentTerms,
  type PaymentTerms,
} from "../../../src/engine/payment/terms";

function problems(terms: PaymentTerms): string[] {
  return validatePaymentTerms(terms).map((issue) => `${issue.field}:${issue.rule}`);
}

describe("pilot payment terms", () => {
  it("are valid", () => {
    expect(validatePaymentTerms(PILOT_PAYMENT_TERMS)).toEqual([]);
  });

  it("prices repay the intervention cost at the targets, paid hours at half price [A]", () => {
    // 0.30 × p + 0.20 × p/2 = 79,236 kr → p = 79,236 / 0.4 = 198,090 kr.
    expect(PILOT_PRICES.selfSupporting).toBe(198_090);
    expect(PILOT_PRICES.paidHours).toBe(99_045);
    const perParticipant =
      PILOT_TARGETS.selfSupporting * PILOT_PRICES.selfSupporting + PILOT_TARGETS.paidHours * PILOT_PRICES.paidHours;
    expect(perParticipant).toBeCloseTo(PILOT_PUBLISHED.costPerParticipant, 9);
  });
});

describe("resolveRateCard", () => {
  it("gives the prerequisite positions of the pilot chain", () => {
    const resolved = resolveRateCard(PILOT_PAYMENT_TERMS.rateCard);
    expect(resolved.requires).toEqual([null, null, 0, 2]);
    expect(resolved.definitions.map((definition) => definition.monthsAfterMeasurement)).toEqual([0, 0, 6, 12]);
  });
});

describe("validatePaymentTerms reports every bad field", () => {
  const card = PILOT_PAYMENT_TERMS.rateCard;

  it.each<[string, Partial<PaymentTerms>, string[]]>([
    ["an empty rate card", { rateCard: [] }, ["rateCard:required"]],
    [
      "an unknown metric and a negative price",
      { rateCard: [{ metric: "jobs", price: -1, volumeCap: null, requires: null }] },
      ["rateCard[0].metric:known", "rateCard[0].price:range"],
    ],
    [
      "a metric twice",
      {
        rateCard: [
          { metric: "paidHours", price: 1, volumeCap: null, requires: null },
          { metric: "Paid hours", price: 2, volumeCap: null, requires: null },
        ],
      },
      ["rateCard[1].metric:unique"],
    ],
    [
      "a negative volume cap",
      { rateCard: [{ metric: "paidHours", price: 1, volumeCap: -3, requires: null }] },
      ["rateCard[0].volumeCap:range"],
    ],
    [
      "a chain to an unknown metric",
      { rateCard: [{ metric: "paidHours", price: 1, volumeCap: null, requires: "jobs" }] },
      ["rateCard[0].requires:known"],
    ],
    [
      "a chain to a metric not on the card",
      { rateCard: [{ metric: "sustained6", price: 1, volumeCap: null, requires: "selfSupporting" }] },
      ["rateCard[0].requires:known"],
    ],
    [
      "a chain to a later metric",
      {
        rateCard: [
          { metric: "sustained6", price: 1, volumeCap: null, requires: "selfSupporting" },
          { metric: "selfSupporting", price: 1, volumeCap: null, requires: null },
        ],
      },
      ["rateCard[0].requires:order"],
    ],
    [
      "a metric requiring itself",
      { rateCard: [{ metric: "paidHours", price: 1, volumeCap: null, requires: "paidHours" }] },
      ["rateCard[0].requires:order"],
    ],
    ["negative caps", { personCap: -1, contractCap: -1 }, ["personCap:range", "contractCap:range"]],
    [
      "shares outside 0–1",
      { savingsShare: 1.5, municipalityShare: -0.1 },
      ["savingsShare:range", "municipalityShare:range"],
    ],
    ["a fractional lag", { lagMonths: 1.5 }, ["lagMonths:integer"]],
    ["a negative lag", { lagMonths: -1 }, ["lagMonths:integer"]],
    ["a negative base fee", { baseFee: -100 }, ["baseFee:range"]],
    [
      "unknown choices",
      {
        savingsScope: "wide" as "narrow",
        baseFeeTiming: "monthly" as "intake",
        baseline: { kind: "control" } as unknown as PaymentTerms["baseline"],
      },
      ["baseline.kind:oneOf", "savingsScope:oneOf", "baseFeeTiming:oneOf"],
    ],
    [
      "a bad historical baseline",
      { baseline: { kind: "historical", rate: 2, rates: { paidHours: -0.1, jobs: 0.1, sustained24: 0.1 } } },
      [
        "baseline.rate:range",
        "baseline.rates.paidHours:range",
        "baseline.rates.jobs:known",
        "baseline.rates.sustained24:known",
      ],
    ],
    [
      "a bad threshold",
      { threshold: { pp: 150, scope: "all" as "metric", metric: "sustained3" } },
      ["threshold.pp:range", "threshold.scope:oneOf", "threshold.metric:known"],
    ],
    ["includeEducation not a boolean", { includeEducation: 1 as unknown as boolean }, ["includeEducation:boolean"]],
  ])("%s", (_, change, expected) => {
    const issues = validatePaymentTerms({ ...PILOT_PAYMENT_TERMS, ...change });
    expect(issues.map((issue) => `${issue.field}:${issue.rule}`)).toEqual(expected);
    for (const issue of issues) expect(issue.message).toContain(issue.field.split(".")[0]?.replace(/\[\d+\]$/, ""));
  });

  it("collects many problems at once", () => {
    expect(problems({ ...PILOT_PAYMENT_TERMS, rateCard: card, lagMonths: -2, baseFee: -1, personCap: -5 })).toEqual([
      "personCap:range",
      "baseFee:range",
      "lagMonths:integer",
    ]);
  });
});
