import { EFFECT_SUM_RESIDUE } from "../../src/engine/attribution";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { INVESTOR_RULES, SURPLUS_SHARE_TOLERANCE } from "../../src/engine/investor/rules";
import { parseModelFile, pilotModel, type Model } from "../../src/engine/modelFile";
import { POSITION_TOLERANCE_KR } from "../../src/engine/payment/position";
import { PAYMENT_RULES } from "../../src/engine/payment/rules";
import { THRESHOLD_TOLERANCE_PP } from "../../src/engine/payment/threshold";
import { RULES, SHARE_SUM_TOLERANCE } from "../../src/engine/rules";
import { buildPlan } from "../../src/plan/buildPlan";
import { BREAK_EVEN_TOLERANCE } from "../../src/plan/calculationSheet";
import { nodesOf, printFormula, type Expr } from "../../src/plan/formula";
import type { WorkbookPlan } from "../../src/plan/types";
import { measuredWithin } from "../engine/support/randomScenario";

/** Leftovers of a generator that an auditor reads as errors: x-0, x+0, (0+x, NOT(0=0), AND(…,0), a−a. */
const LEFTOVER = /[-+]0(?![.\d])|[(,]0\+|NOT\(0=0\)|AND\([^()]*,[01]\)|(\$?[A-Z]{1,3}\$?\d+)-\1(?![\d:])/;

/**
 * The numbers a formula may hold: unit conventions (12 months a year, 52 weeks a year, 100 percentage points, 0.5 for
 * mid-month), 0/1/2 (comparisons, 1-based positions, the baseline code), 4 (digits a message rounds to), a fallback IRR
 * guess of 0.1, the engine's tolerances, and the bounds of the engine's input rules (the Checks block states them).
 */
function allowedLiterals(): Set<number> {
  const allowed = new Set<number>([0, 1, 2, 4, 12, 52, 100, 0.5, 0.1]);
  for (const tolerance of [
    BREAK_EVEN_TOLERANCE,
    SHARE_SUM_TOLERANCE,
    THRESHOLD_TOLERANCE_PP,
    POSITION_TOLERANCE_KR,
    SURPLUS_SHARE_TOLERANCE,
    EFFECT_SUM_RESIDUE,
  ]) {
    allowed.add(tolerance);
  }
  for (const rule of [...Object.values(RULES), ...Object.values(PAYMENT_RULES), ...Object.values(INVESTOR_RULES)]) {
    if (typeof rule.max === "number") allowed.add(Math.abs(rule.max));
    allowed.add(Math.abs(rule.min));
  }
  return allowed;
}

function literals(expr: Expr): number[] {
  return nodesOf(expr).flatMap((node) => (node.kind === "number" ? [node.value] : []));
}

/** Every problem of a plan's formulas: a leftover, or a literal outside the allowed set. */
function scan(plan: WorkbookPlan, allowed: Set<number>): string[] {
  const problems: string[] = [];
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      const printed = printFormula(cell.formula);
      if (LEFTOVER.test(printed)) problems.push(`${sheet.name}!${cell.address}: leftover in ${printed.slice(0, 200)}`);
      for (const value of literals(cell.formula)) {
        if (!allowed.has(Math.abs(value))) problems.push(`${sheet.name}!${cell.address}: typed number ${value}`);
      }
    }
  }
  return problems;
}

const pilot = expectOk(pilotModel());
const contract = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));
const herningViborg = expectOk(parseModelFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8"))));

/** Random sizes and terms: horizon, cohorts, capacity, lag, chain; each plan has other sizes than the last. */
const modelArbitrary = fc
  .record({
    horizonMonths: fc.integer({ min: 12, max: 72 }),
    spare: fc.integer({ min: 0, max: 30 }),
    cohorts: fc.array(
      fc.record({ participants: fc.integer({ min: 1, max: 60 }), intakeMonth: fc.integer({ min: 0, max: 30 }) }),
      {
        minLength: 1,
        maxLength: 7,
      },
    ),
    base: fc.constantFrom(pilot, contract),
    lagMonths: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ horizonMonths, spare, cohorts, base, lagMonths }) => {
    const scenario = {
      ...base.scenario,
      horizonMonths,
      measurementMonth: Math.min(14, horizonMonths),
      cohorts,
      measuredParticipants: measuredWithin(base.scenario.measuredParticipants, cohorts),
    };
    const model: Model = { ...base, scenario, paymentTerms: { ...base.paymentTerms, lagMonths } };
    return { model, capacityMonths: horizonMonths + spare };
  });

describe("every formula reads as a person would write it", () => {
  const allowed = allowedLiterals();
  it.each([
    ["pilot", pilot],
    ["contract.json", contract],
    ["herning-viborg.json (two municipalities)", herningViborg],
  ] as const)("%s (da and en, with the Check sheet): no leftovers, no typed sizes", (_, model) => {
    for (const language of ["da", "en"] as const) {
      const plan = buildPlan(model.scenario, language, {
        paymentTerms: model.paymentTerms,
        investorTerms: model.investorTerms,
        checks: true,
      });
      expect(scan(plan, allowed)).toEqual([]);
    }
  });
  it("≥ 50 random plans with other sizes (horizon, spare capacity, cohorts, lag)", () => {
    let plans = 0;
    fc.assert(
      fc.property(modelArbitrary, ({ model, capacityMonths }) => {
        const plan = buildPlan(model.scenario, "en", {
          paymentTerms: model.paymentTerms,
          investorTerms: model.investorTerms,
          capacityMonths,
        });
        expect(scan(plan, allowed)).toEqual([]);
        plans++;
      }),
      { seed: 2026, numRuns: 50 },
    );
    expect(plans).toBe(50);
  });
});
