import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/engine/errors";
import { PAYMENT_TERM_NAMES, applyPaymentTermInputs, type TermValue } from "../../../src/engine/payment/termInputs";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../../src/engine/payment/terms";

function apply(pairs: [string, TermValue][]): PaymentTerms {
  const result = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, pairs);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

function problems(pairs: [string, TermValue][]): string[] {
  const result: Result<PaymentTerms> = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, pairs);
  return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.rule}`);
}

describe("payment terms from name/value pairs", () => {
  it("no pairs give the base terms", () => {
    expect(apply([])).toEqual(PILOT_PAYMENT_TERMS);
  });

  it("sets prices, caps, threshold, baseline, savings share, fee, lag and payer share", () => {
    const terms = apply([
      ["price.selfSupporting", 150_000],
      ["Price paid hours", 80_000],
      ["cap.person", 220_000],
      ["cap.contract", 4_000_000],
      ["threshold.pp", 10],
      ["threshold.scope", "contract"],
      ["baseline", "comparison"],
      ["savingsShare", 0.5],
      ["savingsScope", "broad"],
      ["baseFee", 10_000],
      ["baseFeeTiming", "spread"],
      ["lagMonths", 6],
      ["payerShare.municipality", 0.8],
      ["includeEducation", true],
    ]);
    expect(terms.rateCard[0]).toEqual({ metric: "selfSupporting", price: 150_000, volumeCap: null, requires: null });
    expect(terms.rateCard[1]?.price).toBe(80_000);
    expect(terms).toMatchObject({
      personCap: 220_000,
      contractCap: 4_000_000,
      threshold: { pp: 10, scope: "contract", metric: null },
      baseline: { kind: "comparison" },
      savingsShare: 0.5,
      savingsScope: "broad",
      baseFee: 10_000,
      baseFeeTiming: "spread",
      lagMonths: 6,
      municipalityShare: 0.8,
      includeEducation: true,
    });
  });

  it("accepts Danish names and values", () => {
    const terms = apply([
      ["pris.selvforsørgende", 100],
      ["loft.person", 500],
      ["tærskel.pp", 5],
      ["basislinje", "kontrolgruppe"],
      ["besparelsesomfang", "bred"],
      ["forsinkelse", 0],
      ["statsandel", 0.25],
      ["medUddannelse", "ja"],
    ]);
    expect(terms).toMatchObject({
      personCap: 500,
      threshold: { pp: 5, scope: "metric", metric: null },
      baseline: { kind: "comparison" },
      savingsScope: "broad",
      lagMonths: 0,
      municipalityShare: 0.75,
      includeEducation: true,
    });
    expect(terms.rateCard[0]?.price).toBe(100);
  });

  it("a new metric is added in canonical order; volume caps and chains refer to card metrics", () => {
    const terms = apply([
      ["price.sustained3", 5_000],
      ["requires.sustained3", "selfSupporting"],
      ["volumeCap.sustained3", 20],
    ]);
    expect(terms.rateCard.map((line) => line.metric)).toEqual([
      "selfSupporting",
      "paidHours",
      "sustained3",
      "sustained6",
      "sustained12",
    ]);
    expect(terms.rateCard[2]).toEqual({
      metric: "sustained3",
      price: 5_000,
      volumeCap: 20,
      requires: "selfSupporting",
    });
  });

  it("0 or none removes a cap, none removes a threshold or chain", () => {
    const capped = apply([
      ["cap.person", 1],
      ["threshold.pp", 3],
    ]);
    expect(capped.personCap).toBe(1);
    const base = { ...PILOT_PAYMENT_TERMS, personCap: 1, threshold: { pp: 3, scope: "metric" as const, metric: null } };
    const result = applyPaymentTermInputs(base, [
      ["cap.person", 0],
      ["threshold.pp", "none"],
      ["requires.sustained6", "none"],
    ]);
    expect(result.ok && result.value.personCap).toBeNull();
    expect(result.ok && result.value.threshold).toBeNull();
    expect(result.ok && result.value.rateCard[2]?.requires).toBeNull();
  });

  it("historical baselines: one rate for all metrics, or per metric", () => {
    expect(apply([["baseline", 0.1]]).baseline).toEqual({ kind: "historical", rate: 0.1, rates: {} });
    expect(apply([["baseline.paidHours", 0.08]]).baseline).toEqual({
      kind: "historical",
      rate: 0,
      rates: { paidHours: 0.08 },
    });
  });

  it("documents every accepted term name", () => {
    const names = PAYMENT_TERM_NAMES.map((term) => term.name);
    expect(names).toContain("price.<metric>");
    expect(names).toContain("payerShare.municipality");
    expect(names).toHaveLength(new Set(names).size);
  });
});

describe("bad pairs name the term as written", () => {
  it.each<[string, [string, TermValue][], string[]]>([
    ["an unknown name", [["pries.selfSupporting", 1]], ["pries.selfSupporting:known"]],
    ["an unknown metric", [["price.jobs", 1]], ["price.jobs:known"]],
    ["a negative price", [["price.paidHours", -5]], ["price.paidHours:range"]],
    ["a text price", [["price.paidHours", "high"]], ["price.paidHours:range"]],
    ["a negative cap", [["cap.contract", -5]], ["cap.contract:range"]],
    ["a threshold of 150 pp", [["threshold.pp", 150]], ["threshold.pp:range"]],
    [
      "an unknown scope",
      [
        ["threshold.scope", "all"],
        ["threshold.pp", 5],
      ],
      ["threshold.scope:oneOf"],
    ],
    ["a scope without threshold", [["threshold.scope", "contract"]], ["threshold.scope:requires"]],
    [
      "a threshold metric not on the card",
      [
        ["threshold.pp", 5],
        ["threshold.metric", "sustained3"],
      ],
      ["threshold.metric:known"],
    ],
    ["an unknown baseline", [["baseline", "control"]], ["baseline:oneOf"]],
    ["a baseline rate above 1", [["baseline", 1.5]], ["baseline:range"]],
    [
      "comparison and per-metric rates",
      [
        ["baseline", "comparison"],
        ["baseline.paidHours", 0.1],
      ],
      ["baseline:conflict"],
    ],
    ["a savings share above 1", [["savingsShare", 2]], ["savingsShare:range"]],
    ["an unknown savings scope", [["savingsScope", "wide"]], ["savingsScope:oneOf"]],
    ["a fractional lag", [["lagMonths", 2.5]], ["lagMonths:integer"]],
    ["a payer share above 1", [["payerShare.municipality", 1.2]], ["payerShare.municipality:range"]],
    [
      "payer shares not summing to 1",
      [
        ["payerShare.municipality", 0.5],
        ["payerShare.state", 0.4],
      ],
      ["payerShare.state:sum"],
    ],
    ["includeEducation maybe", [["includeEducation", "maybe"]], ["includeEducation:boolean"]],
    ["a volume cap on a metric not on the card", [["volumeCap.sustained3", 5]], ["volumeCap.sustained3:known"]],
    ["a chain to an unknown metric", [["requires.sustained6", "jobs"]], ["requires.sustained6:known"]],
    ["a chain to a later metric", [["requires.selfSupporting", "sustained6"]], ["requires.selfSupporting:order"]],
    [
      "a name given twice",
      [
        ["lagMonths", 1],
        ["lag", 2],
      ],
      ["lag:unique"],
    ],
    ["a base fee timing typo", [["baseFeeTiming", "monthly"]], ["baseFeeTiming:oneOf"]],
  ])("%s", (_, pairs, expected) => {
    expect(problems(pairs)).toEqual(expected);
    const result = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, pairs);
    if (!result.ok)
      for (const issue of result.issues) expect(issue.message).toContain(issue.field.replace(/\[\d+\]\..*$/, ""));
  });

  it("reports every bad pair at once", () => {
    expect(
      problems([
        ["price.paidHours", -1],
        ["lagMonths", -1],
        ["unknown", 3],
      ]),
    ).toEqual(["unknown:known", "price.paidHours:range", "lagMonths:integer"]);
  });
});
