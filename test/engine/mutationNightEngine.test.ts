import { describe, expect, it } from "vitest";
import { HOLDER_LABELS, BUDGET_HOLDERS } from "../../src/engine/budgetHolders";
import { applyConsequenceInputs } from "../../src/engine/consequences/inputs";
import { PARAMETERS } from "../../src/engine/parameters/data";
import { validateScenario } from "../../src/engine/validate";
import { consequenceRow } from "./consequences/support";
import { expectOk, type Issue } from "../../src/engine/errors";
import { irr } from "../../src/engine/investor/irr";
import { investorTerms } from "../../src/engine/investor/terms";
import { municipalityIssues } from "../../src/engine/municipalities";
import { checkProgressionLine, progressionDefinition } from "../../src/engine/payment/progression";
import {
  MAX_SUSTAINMENT_MONTHS,
  PILOT_PAYMENT_TERMS,
  validatePaymentTerms,
  type PaymentTerms,
} from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { twoProportionPower } from "../../src/engine/stats/binomial";
import { differenceConfidenceInterval } from "../../src/engine/stats/twoProportion";
import { parseViews } from "../../src/engine/views";

/**
 * Tests written for the survivors of issue 16's mutation sample of 1 December 2026, night (seed 16, positions 0–99,
 * commit b322275; docs/mutation.md). Each `it` names the mutant it kills (file:line at b322275). Messages are checked
 * for what a user needs (the field, the rule, the value given), not word for word.
 */
const pilot = expectOk(pilotScenario(2023));

describe("mutation sample, night of 1 Dec 2026: src/engine", () => {
  it("budgetHolders.ts:16 – every budget holder has a Danish and an English label (Kommune/Municipality …)", () => {
    for (const holder of BUDGET_HOLDERS) {
      expect(HOLDER_LABELS[holder].da.trim()).not.toBe("");
      expect(HOLDER_LABELS[holder].en.trim()).not.toBe("");
    }
    expect(HOLDER_LABELS.municipality).toEqual({ da: "Kommune", en: "Municipality" });
  });

  it("consequences/inputs.ts:47 – the Danish field name prisår takes '-' for none, as priceYear does", () => {
    for (const name of ["consequence.prisonDay.priceYear", "konsekvens.prisonDay.prisår"]) {
      const rows = expectOk(applyConsequenceInputs(pilot, [[name, "-"]])).consequences ?? [];
      expect(rows.find((row) => row.id === "prisonDay")?.priceYear).toBeNull();
    }
    const year = expectOk(applyConsequenceInputs(pilot, [["konsekvens.prisonDay.prisår", 2024]])).consequences ?? [];
    expect(year.find((row) => row.id === "prisonDay")?.priceYear).toBe(2024);
  });

  it("payment/progression.ts:186 – a comparison share outside 0–1 names the line, the metric and the rule", () => {
    const issues: Issue[] = [];
    const definition = progressionDefinition("who5");
    expect(definition).not.toBeNull();
    checkProgressionLine(issues, "rateCard[2]", definition, {
      measurementMonth: 12,
      shares: [0.3],
      comparisonShare: 1.5,
    });
    expect(issues.map((item) => [item.field, item.rule])).toEqual([
      ["rateCard[2].progression.comparisonShare", "range"],
    ]);
    expect(issues[0]?.message).toContain("1.5");
  });

  it("municipalities.ts:159 – a municipality name that is not a text is an issue on its name, not a crash", () => {
    const scenario = {
      ...pilot,
      municipalities: [{ name: 5, taxRate: 0.25, weeksOnBenefitAtIntake: null, paymentShare: 1 }],
    };
    const issues = municipalityIssues(scenario as unknown as Scenario);
    expect(issues.map((item) => [item.field, item.rule])).toContainEqual(["municipalities[0].name", "required"]);
  });

  it("municipalities.ts:175 – a name listed twice says which name, whatever its case", () => {
    const scenario: Scenario = {
      ...pilot,
      municipalities: [
        { name: "Herning", taxRate: 0.25, weeksOnBenefitAtIntake: null, paymentShare: 0.5 },
        { name: "herning", taxRate: 0.25, weeksOnBenefitAtIntake: null, paymentShare: 0.5 },
      ],
    };
    const twice = municipalityIssues(scenario).filter((item) => item.rule === "unique");
    expect(twice.map((item) => item.field)).toEqual(["municipalities[1].name"]);
    expect(twice[0]?.message).toContain('"herning"');
    expect(twice[0]?.message).toContain("twice");
  });

  it("investor/terms.ts:165 – an unknown draw names the two choices and the value given", () => {
    const result = investorTerms({ draw: "later" as unknown as "upfront" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((item) => [item.field, item.rule])).toEqual([["terms.draw", "enum"]]);
    for (const part of ["asNeeded", "upfront", '"later"']) expect(result.issues[0]?.message).toContain(part);
  });

  it("views.ts:136 – a view may not change the parameter year: the issue names the view's field", () => {
    const view = {
      id: "later",
      label: { da: "Senere", en: "Later" },
      changes: { da: "Et andet år", en: "Another year" },
      overrides: { parameterYear: 2024 },
    };
    const result = parseViews([view], pilot);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((item) => item.field)).toEqual(["views[0].overrides.parameterYear"]);
    expect(result.issues[0]?.message).toContain("parameter year");
  });

  it("stats/twoProportion.ts:37 – a share of exactly 0 is a share (0 of 100 in the comparison group)", () => {
    // Independent: estimate 0.18 − 0; SE = √(0.18 · 0.82 / 56 + 0) = √0.00263571… = 0.051339…; z(0.975) = 1.959964.
    const interval = expectOk(differenceConfidenceInterval(0.18, 56, 0, 100, 0.95));
    const se = Math.sqrt((0.18 * 0.82) / 56);
    expect(interval.estimate).toBeCloseTo(0.18, 12);
    expect(interval.standardError).toBeCloseTo(se, 12);
    expect(interval.lower).toBeCloseTo(0.18 - 1.959963984540054 * se, 9);
    expect(expectOk(differenceConfidenceInterval(0, 56, 0.07, 100, 0.95)).estimate).toBeCloseTo(-0.07, 12);
  });

  it("stats/binomial.ts:634 – an effect that takes the rate below 0, or is not a number, is refused", () => {
    for (const effect of [-0.3, Number.NaN]) {
      const result = twoProportionPower(56, 56, 0.2, effect, 0.05);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((item) => [item.field, item.rule])).toEqual([["effect", "range"]]);
    }
    expect(twoProportionPower(56, 56, 0.2, -0.2, 0.05).ok).toBe(true); // 0.2 − 0.2 = 0 is on the bound
  });
  it("consequences/validate.ts:98 – a row id must be 1–40 letters, digits, - or _ to its end", () => {
    for (const id of ["prison!", "a".repeat(41)]) {
      const found = validateScenario({ ...pilot, consequences: [consequenceRow({ id })] });
      expect(found.map((item) => [item.field, item.rule])).toEqual([["consequences[0].id", "pattern"]]);
    }
    expect(validateScenario({ ...pilot, consequences: [consequenceRow({ id: "a".repeat(40) })] })).toEqual([]);
  });

  it("consequences/validate.ts:147 – a price marked V or S must name its source", () => {
    for (const evidence of ["V", "S"] as const) {
      const found = validateScenario({ ...pilot, consequences: [consequenceRow({ evidence, source: " " })] });
      expect(found.map((item) => [item.field, item.rule])).toEqual([["consequences[0].source", "required"]]);
      expect(found[0]?.message).toContain(`[${evidence}]`);
    }
    const named = consequenceRow({
      evidence: "V",
      source: "Kriminalforsorgen, Statistik 2023, https://www.kriminalforsorgen.dk",
    });
    expect(validateScenario({ ...pilot, consequences: [named] })).toEqual([]);
  });

  it("parameters/data.ts:545 – every parameter has a Danish and an English name", () => {
    for (const definition of PARAMETERS) {
      expect(definition.da.trim(), definition.id).not.toBe("");
      expect(definition.en.trim(), definition.id).not.toBe("");
    }
    expect(PARAMETERS.find((definition) => definition.id === "beskaeftigelsesfradrag_maks")?.da).toBe(
      "Beskæftigelsesfradrag, maksimum",
    );
  });
  it("payment/terms.ts:148 – the pilot's card: self-support, paid hours, then 6 and 12 months sustained (DOMAIN.md)", () => {
    // The pilot's result targets (COWI's evaluation, DOMAIN.md): self-supporting and paid hours priced, the
    // sustainment milestones chained after self-support at price 0.
    expect(PILOT_PAYMENT_TERMS.rateCard.map((line) => [line.metric, line.requires])).toEqual([
      ["selfSupporting", null],
      ["paidHours", null],
      ["sustained6", "selfSupporting"],
      ["sustained12", "sustained6"],
    ]);
    expect(validatePaymentTerms(PILOT_PAYMENT_TERMS)).toEqual([]);
  });

  it("payment/terms.ts:247 – a sustainment card longer than the longest horizon is refused", () => {
    const card = (months: number): PaymentTerms => ({
      ...PILOT_PAYMENT_TERMS,
      sustainment: { monthlyPrice: 2000, months },
    });
    expect(validatePaymentTerms(card(MAX_SUSTAINMENT_MONTHS))).toEqual([]);
    const found = validatePaymentTerms(card(MAX_SUSTAINMENT_MONTHS + 1));
    expect(found.map((item) => [item.field, item.rule])).toEqual([["sustainment.months", "range"]]);
  });

  it("payment/terms.ts:278 – a chain may name the line just before it; a later one is an order issue naming both", () => {
    const chained: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: [
        { metric: "selfSupporting", price: 1000, volumeCap: null, requires: null },
        { metric: "sustained6", price: 500, volumeCap: null, requires: "selfSupporting" },
      ],
    };
    expect(validatePaymentTerms(chained)).toEqual([]);
    const reversed: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: [
        { metric: "sustained6", price: 500, volumeCap: null, requires: "selfSupporting" },
        { metric: "selfSupporting", price: 1000, volumeCap: null, requires: null },
      ],
    };
    const found = validatePaymentTerms(reversed);
    expect(found.map((item) => [item.field, item.rule])).toEqual([["rateCard[0].requires", "order"]]);
    expect(found[0]?.message).toContain("selfSupporting must come before sustained6");
  });
  it("investor/rateSolve.ts:64 – flows the root finder cannot bracket: NoConvergence that says between which rates", () => {
    // Mean flows of a Monte Carlo run in drawFusedDealCosts' property (a first flow of −3.4e-217 kr): the rate that
    // makes the NPV 0 lies beyond 1e26 % a month, where no bracket converges.
    const flows = [
      -3.385297181376032e-217, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 428153.24687538244, -299386.75312461756,
      -299386.75312461756, -299386.75312461756, -299386.75312461756, -299386.75312461756, -299386.75312461756,
      -299386.75312461756, -299386.75312461756, -299386.75312461756, -299386.75312461756, -299386.75312461756, 0, 0, 0,
      0, 0, 0, 0, 63.86333333333333, 0, 0, 0, 0, 0, 12.306414355029862, 0, 0, 0, 0, 0, 39.20778820928495, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    const result = irr(flows);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((item) => [item.code, item.field, item.rule])).toEqual([
      ["NoConvergence", "flows", "convergence"],
    ]);
    expect(result.issues[0]?.message).toMatch(/did not converge between .+ and .+ per month/);
  });
});
