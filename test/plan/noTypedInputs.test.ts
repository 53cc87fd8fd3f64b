import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotModel } from "../../src/engine/modelFile";
import { POSITION_TOLERANCE_KR } from "../../src/engine/payment/position";
import { THRESHOLD_TOLERANCE_PP } from "../../src/engine/payment/threshold";
import { buildPlan } from "../../src/plan/buildPlan";
import { BREAK_EVEN_TOLERANCE } from "../../src/plan/calculationSheet";
import type { Expr } from "../../src/plan/formula";

/** Every number literal in a formula tree. */
function literals(expr: Expr): number[] {
  switch (expr.kind) {
    case "number":
      return [expr.value];
    case "unary":
      return literals(expr.arg);
    case "binary":
      return [...literals(expr.left), ...literals(expr.right)];
    case "call":
      return expr.args.flatMap(literals);
    default:
      return [];
  }
}

/**
 * Auditability: a formula never holds a typed copy of an input. The only number literals are unit conversions and
 * conventions (12 months, 52 weeks, 100 percentage points, mid-month 0.5, tolerances, a fallback IRR guess 0.1) and
 * whole numbers that count rows, months or positions of the model's structure.
 */
describe("formulas refer to inputs, never to typed copies of them", () => {
  it("the whole pilot model (business case, payment, investor, sensitivity, check)", () => {
    const model = expectOk(pilotModel());
    const plan = buildPlan(model.scenario, "en", {
      paymentTerms: model.paymentTerms,
      investorTerms: model.investorTerms,
      checks: true,
    });
    const allowedFractions = new Set([
      0.5,
      0.1,
      BREAK_EVEN_TOLERANCE,
      THRESHOLD_TOLERANCE_PP,
      POSITION_TOLERANCE_KR,
      0.01,
    ]);
    const maxStructural = 1000;
    const inputValues = new Set(
      plan.sheets
        .flatMap((sheet) => sheet.cells)
        .filter((cell) => cell.role === "input" && typeof cell.value === "number")
        .map((cell) => cell.value as number),
    );
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        for (const value of literals(cell.formula)) {
          checked++;
          const structural = Number.isInteger(value) && Math.abs(value) <= maxStructural;
          expect(
            structural || allowedFractions.has(Math.abs(value)),
            `${sheet.name}!${cell.address}: literal ${value}`,
          ).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // So no kr amount, rate or share typed into an input cell (other than small whole numbers) stands in a formula.
    expect(
      [...inputValues].filter((value) => !Number.isInteger(value) || value > maxStructural).length,
    ).toBeGreaterThan(20);
  });
});
